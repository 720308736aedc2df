"""Member path rules of the package format: what a path inside a package may look like."""

from __future__ import annotations

import re
import unicodedata

MAX_PATH_BYTES = 240
MAX_SEGMENT_BYTES = 120
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


def path_problem(path: str) -> str | None:
    """None when `path` is allowed, else the reason it is not."""
    if not path:
        return "empty path"
    if _CONTROL.search(path):  # C0, DEL and C1 (U+0085 NEL, U+009B CSI…)
        return "control character in path"
    if unicodedata.normalize("NFC", path) != path:
        return "path is not in Unicode NFC"
    try:
        encoded = path.encode("utf-8")
    except UnicodeEncodeError:
        return "path is not valid UTF-8"
    if len(encoded) > MAX_PATH_BYTES:
        return f"path longer than {MAX_PATH_BYTES} bytes"
    if "\\" in path:
        return "backslash in path"
    if ":" in path:
        return "drive letter or ':' in path"
    if path.startswith("/"):
        return "absolute path"
    for segment in path.split("/"):
        if segment == "":
            return "empty path segment"
        if segment in (".", ".."):
            return f"'{segment}' segment"
        if len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES:
            return f"path segment longer than {MAX_SEGMENT_BYTES} bytes"
        if _RESERVED.match(segment):
            return f"Windows reserved name '{segment}'"
        if segment.endswith((".", " ")):
            return "path segment ends with a dot or space"
    return None


def fold(path: str) -> str:
    """The key under which two paths that differ only by case collide."""
    return unicodedata.normalize("NFC", path.casefold())
