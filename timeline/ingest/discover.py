"""Expand the paths given on the command line into the files to read, in a stable order.

A file named explicitly is always read, whatever its extension (the reader then recognises its
format from its content). A folder is walked recursively and yields the files whose name matches
the patterns, sorted by path so that two runs over the same tree ingest in the same order. Hidden
files and folders (names starting with ".") are skipped, as are symbolic links to folders (they
can make cycles), and README files (``README.md``, ``readme.txt``): they describe a collection
(the project's ``seeds/``, the TempEval corpora) rather than report news, and would otherwise be
ingested as articles; name one explicitly to read it. ``-`` stands for standard input.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePath

from timeline.ingest.types import ReadError

# The extensions read from a folder when no --glob is given: text, Markdown, HTML, JSON Lines
# and TimeML (.tml, and .xml which is read when its root element is <TimeML>).
DEFAULT_PATTERNS: tuple[str, ...] = (
    "*.txt",
    "*.md",
    "*.markdown",
    "*.html",
    "*.htm",
    "*.jsonl",
    "*.tml",
    "*.xml",
)

# The argument that means "read standard input", and the path discover() returns for it.
STDIN = "-"


def patterns_for(glob: str | None) -> tuple[str, ...]:
    """The patterns a folder is filtered with: ``glob`` split on commas, or the defaults."""
    if glob is None:
        return DEFAULT_PATTERNS
    return tuple(part.strip() for part in glob.split(",") if part.strip()) or DEFAULT_PATTERNS


def _matches(relative: PurePath, patterns: Sequence[str]) -> bool:
    # Extensions in the default set match whatever their case (REPORT.TXT); a user's glob is
    # taken literally, as the shell would on this system.
    if patterns is DEFAULT_PATTERNS:
        return any(PurePath(relative.name.lower()).match(pattern) for pattern in patterns)
    return any(relative.match(pattern) for pattern in patterns)


def discover(paths: Sequence[str], glob: str | None = None) -> list[Path | ReadError]:
    """The files that reading ``paths`` would open, in order, with an error for each bad path.

    Standard input appears as ``Path("-")``. A file reached twice (named twice, or inside two
    folders given) is listed once, where it first appears.
    """
    patterns = patterns_for(glob)
    found: list[Path | ReadError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for argument in paths:
        if argument == STDIN:
            found.append(Path(STDIN))
            continue
        path = Path(argument)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as error:
            found.append(ReadError(argument, _os_message(error)))
            continue
        if not exists:
            found.append(ReadError(argument, "no such file or directory"))
        elif not is_dir:
            add(path)
        else:
            files, errors = _walk(path, patterns)
            found.extend(errors)
            if not files and not errors:
                found.append(ReadError(argument, f"no matching files ({', '.join(patterns)})"))
            for file in files:
                add(file)
    return found


def _walk(folder: Path, patterns: Sequence[str]) -> tuple[list[Path], list[ReadError]]:
    files: list[Path] = []
    errors: list[ReadError] = []

    def on_error(error: OSError) -> None:
        errors.append(ReadError(error.filename or str(folder), _os_message(error)))

    for directory, subdirectories, names in os.walk(folder, onerror=on_error):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in names:
            if name.startswith(".") or name.lower().split(".")[0] == "readme":
                continue
            path = Path(directory, name)
            if not _matches(path.relative_to(folder), patterns) or path.is_dir():
                continue
            if path.is_symlink() and not path.exists():
                errors.append(ReadError(str(path), "broken symbolic link"))
            else:
                files.append(path)
    files.sort(key=lambda path: path.parts)
    return files, errors


def _os_message(error: OSError) -> str:
    """A one-line message for an OS error, in the lower-case style of the other read errors."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return (error.strerror or str(error)).lower()
