"""Path expansion: which files a list of paths reads, in which order, and bad paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from timeline.ingest.discover import DEFAULT_PATTERNS, discover, patterns_for
from timeline.ingest.types import ReadError


def tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def relative(items: Sequence[Path | ReadError], root: Path) -> list[str]:
    return [
        item.relative_to(root).as_posix() if isinstance(item, Path) else str(item) for item in items
    ]


def test_folder_is_walked_recursively_and_sorted(tmp_path: Path) -> None:
    tree(
        tmp_path,
        "b.txt",
        "a.md",
        "sub/z.html",
        "sub/deeper/y.tml",
        "c.markdown",
        "d.htm",
        "e.jsonl",
        "f.xml",
        "REPORT.TXT",
        "image.png",
        "data.json",
        "notes.rst",
    )
    assert relative(discover([str(tmp_path)]), tmp_path) == [
        "REPORT.TXT",
        "a.md",
        "b.txt",
        "c.markdown",
        "d.htm",
        "e.jsonl",
        "f.xml",
        "sub/deeper/y.tml",
        "sub/z.html",
    ]


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    tree(tmp_path, ".draft.txt", ".git/notes.txt", "kept.txt")
    assert relative(discover([str(tmp_path)]), tmp_path) == ["kept.txt"]


def test_readme_files_are_skipped_unless_named(tmp_path: Path) -> None:
    tree(tmp_path, "README.md", "sub/readme.txt", "Readme.en.md", "readmes.txt", "a.txt")
    assert relative(discover([str(tmp_path)]), tmp_path) == ["a.txt", "readmes.txt"]
    assert discover([str(tmp_path / "README.md")]) == [tmp_path / "README.md"]


@pytest.mark.parametrize(
    ("glob", "expected"),
    [
        pytest.param("*.tml", ["x/c.tml"], id="one-pattern"),
        pytest.param("*.txt, *.tml", ["a.txt", "x/b.txt", "x/c.tml"], id="comma-separated"),
        pytest.param("x/*.txt", ["x/b.txt"], id="with-folder"),
        pytest.param("*.dat", ["d.dat"], id="any-extension"),
        pytest.param("*.TXT", [], id="user-glob-is-case-sensitive"),
    ],
)
def test_glob_overrides_default_patterns(tmp_path: Path, glob: str, expected: list[str]) -> None:
    tree(tmp_path, "a.txt", "x/b.txt", "x/c.tml", "d.dat")
    found = discover([str(tmp_path)], glob)
    files = [item for item in found if isinstance(item, Path)]
    assert relative(files, tmp_path) == expected


def test_patterns_for() -> None:
    assert patterns_for(None) == DEFAULT_PATTERNS
    assert patterns_for(" , ") == DEFAULT_PATTERNS
    assert patterns_for("*.a,*.b") == ("*.a", "*.b")


def test_named_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    tree(tmp_path, "input.dat")
    assert discover([str(tmp_path / "input.dat")], "*.tml") == [tmp_path / "input.dat"]


def test_arguments_keep_their_order_and_duplicates_go(tmp_path: Path) -> None:
    tree(tmp_path, "a/1.txt", "b/2.txt")
    found = discover(
        [str(tmp_path / "b"), str(tmp_path / "a"), str(tmp_path / "b" / "2.txt"), str(tmp_path)]
    )
    assert relative(found, tmp_path) == ["b/2.txt", "a/1.txt"]


def test_stdin() -> None:
    assert discover(["-"]) == [Path("-")]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    tree(tmp_path, "only.png")
    assert discover([str(tmp_path / "nope"), str(tmp_path / "empty"), str(tmp_path)]) == [
        ReadError(str(tmp_path / "nope"), "no such file or directory"),
        ReadError(str(tmp_path / "empty"), f"no matching files ({', '.join(DEFAULT_PATTERNS)})"),
        ReadError(str(tmp_path), f"no matching files ({', '.join(DEFAULT_PATTERNS)})"),
    ]


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    tree(tmp_path, "a/1.txt")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert relative(discover([str(tmp_path)]), tmp_path) == ["a/1.txt"]


def test_broken_symbolic_link(tmp_path: Path) -> None:
    tree(tmp_path, "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    assert relative(discover([str(tmp_path)]), tmp_path) == [
        f"{tmp_path / 'b.txt'}: broken symbolic link",
        "a.txt",
    ]


def test_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    tree(tmp_path, "ok/1.txt", "locked/2.txt")
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        found = discover([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert relative(found, tmp_path) == [f"{locked}: permission denied", "ok/1.txt"]
