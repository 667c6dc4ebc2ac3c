"""The persistent cache of the built-in dictionary: hits, misses, and caches that are broken."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.actors import cache
from timeline.actors import dictionary as dictionary_module
from timeline.actors.dictionary import Dictionary, load_dictionary


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls of the builder (the built value itself stays the per-process one)."""
    calls: list[int] = []
    real: Callable[[], Dictionary] = dictionary_module.load_dictionary

    def counting() -> Dictionary:
        calls.append(1)
        return real()

    monkeypatch.setattr(dictionary_module, "load_dictionary", counting)
    return calls


def test_hit_returns_an_equal_dictionary(tmp_path: Path, builds: list[int]) -> None:
    key = cache.dictionary_key()
    path = cache.cache_path(key, tmp_path)
    first = cache.load_or_build(path, key)
    assert builds == [1]
    assert path.is_file()
    again = cache.load_or_build(path, key)
    assert builds == [1]  # read from the file, not built
    assert again is not first
    assert again == load_dictionary()
    assert dict(again.index) == dict(load_dictionary().index)
    assert dict(again.surnames) == dict(load_dictionary().surnames)


def test_cached_dictionary_uses_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    assert cache.cached_dictionary() == load_dictionary()
    assert [p.name for p in tmp_path.iterdir()] == [f"dictionary-{cache.dictionary_key()}.pickle"]
    cache.cached_dictionary()
    assert builds == [1]


def test_a_new_key_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    monkeypatch.setattr(cache, "dictionary_key", lambda: "k1")
    cache.cached_dictionary(tmp_path)
    monkeypatch.setattr(cache, "dictionary_key", lambda: "k2")
    assert cache.cached_dictionary(tmp_path) == load_dictionary()
    assert builds == [1, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dictionary-k1.pickle",
        "dictionary-k2.pickle",
    ]


def test_key_covers_data_files_and_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "actors"
    shutil.copytree(Path(cache.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE_DIR", copy)
    before = cache.dictionary_key()
    assert before == cache.dictionary_key()
    people = copy / "data" / "people.toml"
    people.write_bytes(people.read_bytes() + b"\n")
    edited = cache.dictionary_key()
    assert edited != before
    monkeypatch.setattr(cache, "_version", lambda package: "0-test")
    assert cache.dictionary_key() != edited


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a pickle", id="garbage"),
        pytest.param(b"", id="empty"),
        pytest.param(pickle.dumps(("another key", None)), id="wrong-key"),
        pytest.param(pickle.dumps({"a": 1}), id="wrong-type"),
    ],
)
def test_a_corrupt_file_is_ignored_and_replaced(
    tmp_path: Path, builds: list[int], content: bytes
) -> None:
    key = cache.dictionary_key()
    path = cache.cache_path(key, tmp_path)
    path.write_bytes(content)
    assert cache.load_or_build(path, key) == load_dictionary()
    assert builds == [1]
    stored_key, stored = pickle.loads(path.read_bytes())
    assert stored_key == key
    assert stored == load_dictionary()


def test_a_truncated_file_is_ignored(tmp_path: Path, builds: list[int]) -> None:
    key = cache.dictionary_key()
    path = cache.cache_path(key, tmp_path)
    cache.load_or_build(path, key)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert cache.load_or_build(path, key) == load_dictionary()
    assert builds == [1, 1]


def test_an_unwritable_cache_dir_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a directory below a regular file cannot be created, even by root
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached_dictionary() == load_dictionary()
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")
    assert list(tmp_path.iterdir()) == [blocker]


def test_no_temporary_file_is_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    key = cache.dictionary_key()
    assert cache.load_or_build(cache.cache_path(key, tmp_path), key) == load_dictionary()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({"TIMELINE_CACHE_DIR": "/c/t"}, "/c/t", id="explicit"),
        pytest.param({"XDG_CACHE_HOME": "/x"}, "/x/timeline", id="xdg"),
        pytest.param({"HOME": "/h"}, "/h/.cache/timeline", id="home"),
        pytest.param({"TIMELINE_CACHE_DIR": "", "HOME": "/h"}, "/h/.cache/timeline", id="empty"),
    ],
)
def test_cache_dir(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str) -> None:
    for name in ("TIMELINE_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cache.cache_dir() == Path(expected)
