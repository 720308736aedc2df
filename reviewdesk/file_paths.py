"""Checks for the paths a user types or picks: a file to write, a file to read, a folder.

One place for the rules, so every export target, import source and backup folder is refused for the same
reasons; the caller (desktop or CLI) turns the problem code into words. Nothing here touches the file's
content, and no check raises: a path that cannot even be parsed ("/", "C:", an empty name) is a problem too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class PathProblem(Enum):
    EMPTY = "empty"  # nothing typed
    NO_NAME = "no_name"  # "/", "C:\\", a name of dots: no file name in it
    IS_FOLDER = "is_folder"  # a folder where a file is expected
    NOT_A_FOLDER = "not_a_folder"  # a file where a folder is expected
    NO_PARENT = "no_parent"  # the folder the file would go in does not exist
    NOT_WRITABLE = "not_writable"  # that folder cannot be written
    MISSING = "missing"  # the file to read does not exist
    NOT_READABLE = "not_readable"  # it exists but cannot be read
    WRONG_SUFFIX = "wrong_suffix"  # not one of the expected extensions
    EXISTS = "exists"  # a file to write exists already (where overwriting is not allowed)


@dataclass(frozen=True)
class PathCheck:
    """The outcome: the path to use (suffix added, quotes stripped) or the problem, with the path it is about."""

    path: Path | None
    problem: PathProblem | None = None
    about: str = ""  # the path (or folder) the problem names, as the user will recognise it
    suffixes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None


def _clean(text: str | os.PathLike[str]) -> str:
    return str(text).strip().strip('"').strip()


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(s.lower()) for s in suffixes)


def _no_name(path: Path) -> bool:
    return path.name in ("", ".", "..") or path.name.strip(". ") == ""


def output_file(
    text: str | os.PathLike[str], suffix: str | None = None, *, overwrite: bool = False, add_suffix: bool = True
) -> PathCheck:
    """A file to write: a name, in an existing writable folder; `suffix` is added when missing (or, with
    add_suffix=False, required)."""
    raw = _clean(text)
    suffixes = (suffix,) if suffix else ()
    if not raw:
        return PathCheck(None, PathProblem.EMPTY, suffixes=suffixes)
    path = Path(raw).expanduser()
    if raw.endswith(("/", "\\")) or _no_name(path):
        return PathCheck(None, PathProblem.NO_NAME, raw, suffixes)
    if path.is_dir():
        return PathCheck(None, PathProblem.IS_FOLDER, str(path), suffixes)
    if suffix and not _has_suffix(path.name, suffixes):
        if not add_suffix:
            return PathCheck(None, PathProblem.WRONG_SUFFIX, path.name, suffixes)
        path = path.with_name(path.name + suffix)
        if path.is_dir():
            return PathCheck(None, PathProblem.IS_FOLDER, str(path), suffixes)
    folder = path.parent
    if not folder.is_dir():
        return PathCheck(None, PathProblem.NOT_A_FOLDER if folder.exists() else PathProblem.NO_PARENT,
                         str(folder), suffixes)
    if not os.access(folder, os.W_OK | os.X_OK):
        return PathCheck(None, PathProblem.NOT_WRITABLE, str(folder), suffixes)
    if path.exists() and not overwrite:
        return PathCheck(None, PathProblem.EXISTS, str(path), suffixes)
    return PathCheck(path, suffixes=suffixes)


def input_file(text: str | os.PathLike[str], suffixes: tuple[str, ...] = ()) -> PathCheck:
    """A file to read: it exists, is a file, can be read, and (if given) ends with one of `suffixes`."""
    raw = _clean(text)
    if not raw:
        return PathCheck(None, PathProblem.EMPTY, suffixes=suffixes)
    path = Path(raw).expanduser()
    if path.is_dir():
        return PathCheck(None, PathProblem.IS_FOLDER, str(path), suffixes)
    if _no_name(path):
        return PathCheck(None, PathProblem.NO_NAME, raw, suffixes)
    if not path.exists():
        return PathCheck(None, PathProblem.MISSING, str(path), suffixes)
    if suffixes and not _has_suffix(path.name, suffixes):
        return PathCheck(None, PathProblem.WRONG_SUFFIX, path.name, suffixes)
    if not os.access(path, os.R_OK):
        return PathCheck(None, PathProblem.NOT_READABLE, str(path), suffixes)
    return PathCheck(path, suffixes=suffixes)


def folder(text: str | os.PathLike[str], *, writable: bool = True) -> PathCheck:
    """An existing folder (to write into, unless writable=False)."""
    raw = _clean(text)
    if not raw:
        return PathCheck(None, PathProblem.EMPTY)
    path = Path(raw).expanduser()
    if not path.exists():
        return PathCheck(None, PathProblem.MISSING, str(path))
    if not path.is_dir():
        return PathCheck(None, PathProblem.NOT_A_FOLDER, str(path))
    if writable and not os.access(path, os.W_OK | os.X_OK):
        return PathCheck(None, PathProblem.NOT_WRITABLE, str(path))
    return PathCheck(path)
