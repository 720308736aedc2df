"""A package on a FAT32 stick may come in parts NAME.rdpkg.001, .002 …: read them as one stream."""

from __future__ import annotations

import io
import re
from pathlib import Path

PART_SIZE = 4_000_000_000
_PART = re.compile(r"^(?P<base>.+\.rdpkg)\.(?P<n>\d{3})$")


class PartsError(ValueError):
    pass


def part_paths(path: Path) -> list[Path]:
    """All parts of the package `path` names (any part, or the unsplit file), in order."""
    match = _PART.match(path.name)
    if not match:
        if not path.is_file():
            raise PartsError(f"package file not found: {path}")
        return [path]
    base = match.group("base")
    found = {}
    for candidate in path.parent.iterdir():
        m = _PART.match(candidate.name)
        if m and m.group("base") == base:
            found[int(m.group("n"))] = candidate
    if not found:
        raise PartsError(f"package file not found: {path}")
    last = max(found)
    for n in range(1, last + 1):
        if n not in found:
            raise PartsError(f"part {base}.{n:03d} is missing")
    parts = [found[n] for n in range(1, last + 1)]
    # `split -b` makes every part but the last the same size; a shorter one was cut off while copying.
    size = parts[0].stat().st_size
    if size > PART_SIZE:
        raise PartsError(f"part {parts[0].name} is larger than {PART_SIZE} bytes")
    for part in parts[1:-1]:
        if part.stat().st_size != size:
            raise PartsError(f"part {part.name} has {part.stat().st_size} bytes, part {parts[0].name} {size}: a part is incomplete")
    if parts[-1].stat().st_size > size:
        raise PartsError(f"part {parts[-1].name} is larger than the parts before it")
    return parts


class PartsReader(io.RawIOBase):
    """Reads the parts back to back; `position` counts bytes read (for progress)."""

    def __init__(self, parts: list[Path]) -> None:
        super().__init__()
        self.parts = parts
        self.total_size = sum(p.stat().st_size for p in parts)
        self.position = 0
        self._index = 0
        self._fh = open(parts[0], "rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        while True:
            n = self._fh.readinto(view)
            if n:
                self.position += n
                return n
            if self._index + 1 >= len(self.parts):
                return 0
            self._fh.close()
            self._index += 1
            self._fh = open(self.parts[self._index], "rb")

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()

    def missing_next_part(self) -> str | None:
        """When the stream ended early and the last part is full-size, the next part is likely missing."""
        last = self.parts[-1]
        if len(self.parts) > 1 and last.stat().st_size == self.parts[0].stat().st_size and _PART.match(last.name):
            m = _PART.match(last.name)
            assert m is not None
            return f"{m.group('base')}.{int(m.group('n')) + 1:03d}"
        return None
