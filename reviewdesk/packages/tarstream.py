"""A strict, streaming reader for POSIX tar (ustar and pax), as the package format allows it.

Python's tarfile is lenient where the format must be strict (it takes a damaged header after the first
member for the end of the archive, accepts GNU and v7 headers, follows links), so packages are read here:
headers checked by checksum and magic, only regular files (plus pax headers and directory entries that are
parents of listed paths, which `tar` writes), and nothing but zero padding after the end-of-archive blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from reviewdesk.packages.oneline import escape

BLOCK = 512
_TYPE_NAMES = {
    b"1": "hard link", b"2": "symbolic link", b"3": "character device", b"4": "block device",
    b"5": "directory", b"6": "FIFO", b"7": "contiguous file", b"L": "GNU long name", b"K": "GNU long link",
    b"S": "GNU sparse file", b"V": "volume header", b"M": "multi-volume continuation",
}
_MAX_PAX_BYTES = 1 << 20
_OCTAL = re.compile(rb"[0-7]+")
_DECIMAL = re.compile(rb"[1-9][0-9]*")
# pax records that only describe a regular file (times, owner, comment, extended attributes and the inode
# details bsdtar adds), besides path and size. Everything else may change what the member is — GNU.sparse.*
# (a sparse file whose data is a map), linkpath, SCHILY.filetype, devices, multi-volume offsets — or is
# unknown, and is refused.
_PAX_DESCRIBING = frozenset({
    "path", "size", "mtime", "atime", "ctime", "uid", "gid", "uname", "gname", "comment", "charset", "hdrcharset",
    "LIBARCHIVE.creationtime", "SCHILY.dev", "SCHILY.ino", "SCHILY.nlink", "SCHILY.fflags",
})
_PAX_DESCRIBING_PREFIXES = ("SCHILY.xattr.", "LIBARCHIVE.xattr.", "SCHILY.acl.")
_UTF8_CHARSET = "ISO-IR 10646 2000 UTF-8"


class TarError(ValueError):
    def __init__(self, reason: str, member: str | None = None) -> None:
        reason = escape(reason)
        super().__init__(f"tar member {member!r}: {reason}" if member else f"tar archive: {reason}")
        self.reason = reason
        self.member = member


@dataclass
class Member:
    name: str
    size: int
    is_dir: bool = False


def _octal(field: bytes, what: str) -> int:
    if field[0] & 0x80:
        raise TarError(f"{what} uses the GNU base-256 extension (not ustar/pax)")
    text = field.rstrip(b"\0 ").lstrip(b" ")
    if not text:
        return 0
    if not _OCTAL.fullmatch(text):  # int(…, 8) would also take "0o17", "+17" and "1_7"
        raise TarError(f"{what} field is not an octal number")
    return int(text, 8)


def _parse_pax(data: bytes) -> dict[str, str]:
    records: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos)
        if space < 0:
            raise TarError("malformed pax extended header")
        if not _DECIMAL.fullmatch(data[pos:space]):
            raise TarError("malformed pax record length")
        length = int(data[pos:space])
        end = pos + length
        if length <= 0 or end > len(data) or data[end - 1 : end] != b"\n":
            raise TarError("malformed pax record")
        key, eq, value = data[space + 1 : end - 1].partition(b"=")
        if not eq:
            raise TarError("pax record without '='")
        try:
            name, text = key.decode("utf-8"), value.decode("utf-8")
        except UnicodeDecodeError:
            raise TarError("pax record is not UTF-8") from None
        if name not in _PAX_DESCRIBING and not name.startswith(_PAX_DESCRIBING_PREFIXES):
            raise TarError(f"pax record {name!r} is not allowed (only regular files; it may change what the member is)")
        if name in records:
            raise TarError(f"pax record {name!r} appears twice in one header")
        records[name] = text
        pos = end
    if records.get("hdrcharset", _UTF8_CHARSET) != _UTF8_CHARSET:
        raise TarError("pax hdrcharset other than UTF-8 is not allowed (paths must be UTF-8)")
    return records


class TarReader:
    """Reads members in order from a stream. Read each member's data with `read()` before `next()`."""

    def __init__(self, stream: BinaryIO, on_bytes: Callable[[int], None] | None = None) -> None:
        self._stream = stream
        self._remaining = 0  # data bytes of the current member not yet read
        self._padding = 0
        self._current: Member | None = None
        self._ended = False
        self._on_bytes = on_bytes

    def _read_exact(self, n: int) -> bytes:
        parts = []
        need = n
        while need:
            chunk = self._stream.read(need)
            if not chunk:
                raise TarError("the archive ends early (truncated)")
            parts.append(chunk)
            need -= len(chunk)
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        if self._on_bytes:
            self._on_bytes(n)
        return data

    def read(self, n: int = 1 << 20) -> bytes:
        """Up to n bytes of the current member's data; b'' at its end."""
        if self._remaining == 0:
            return b""
        data = self._read_exact(min(n, self._remaining))
        self._remaining -= len(data)
        return data

    def _skip_rest(self) -> None:
        while self._remaining:
            self.read()
        if self._padding:
            self._read_exact(self._padding)
            self._padding = 0

    def _header(self) -> bytes | None:
        block = self._read_exact(BLOCK)
        if block == bytes(BLOCK):
            if self._read_exact(BLOCK) != bytes(BLOCK):
                raise TarError("a single zero block inside the archive")
            return None
        stored = _octal(block[148:156], "checksum")
        unsigned = sum(block[:148]) + 8 * 32 + sum(block[156:])
        signed = sum((b - 256 if b > 127 else b) for b in block[:148] + b" " * 8 + block[156:])
        if stored not in (unsigned, signed):
            raise TarError("header checksum mismatch (damaged archive)")
        if block[257:263] != b"ustar\0" or block[263:265] != b"00":
            raise TarError("header is not POSIX ustar/pax (GNU or old tar format); build it with --format=pax")
        return block

    def next(self) -> Member | None:
        """The next member, or None at the end of the archive."""
        if self._ended:
            return None
        self._skip_rest()
        pax: dict[str, str] = {}
        glob: dict[str, str] = {}
        seen_pax = False
        while True:
            block = self._header()
            if block is None:
                if pax:
                    raise TarError("pax header at the end of the archive describes no member")
                self._ended = True
                return None
            typeflag = block[156:157]
            size = _octal(block[124:136], "size")
            if typeflag in (b"x", b"g"):
                if size > _MAX_PAX_BYTES:
                    raise TarError("pax extended header larger than 1 MiB")
                data = self._read_exact(size)
                self._read_exact(-size % BLOCK)
                records = _parse_pax(data)
                if typeflag == b"x" and seen_pax:
                    raise TarError("two pax extended headers for one member")
                seen_pax = seen_pax or typeflag == b"x"
                if typeflag == b"g":
                    if "path" in records or "size" in records:
                        raise TarError("global pax header may not set path or size")
                    glob.update(records)
                else:
                    pax.update(records)
                continue
            break
        name = self._name(block, pax)
        if "size" in pax:
            if not re.fullmatch(r"[0-9]{1,20}", pax["size"]):
                raise TarError("pax size is not a decimal number", name)
            size = int(pax["size"])
        if typeflag in (b"0", b"\0"):
            is_dir = False
        elif typeflag == b"5":
            is_dir = True
            if size:
                raise TarError("directory entry with data", name)
        else:
            raise TarError(f"{_TYPE_NAMES.get(typeflag, 'unknown type ' + repr(typeflag))} members are not allowed", name)
        if block[157:257].strip(b"\0"):
            raise TarError("a link name on a member that is not a link", name)
        self._remaining = size
        self._padding = -size % BLOCK
        self._current = Member(name.rstrip("/") if is_dir else name, size, is_dir)
        return self._current

    @staticmethod
    def _name(block: bytes, pax: dict[str, str]) -> str:
        if "path" in pax:
            return pax["path"]
        raw_name = block[0:100].split(b"\0", 1)[0]
        prefix = block[345:500].split(b"\0", 1)[0]
        raw = prefix + b"/" + raw_name if prefix else raw_name
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise TarError("member name is not UTF-8") from None

    def finish(self) -> None:
        """After the end-of-archive blocks only zero padding may follow, up to the end of the stream."""
        if not self._ended:
            raise TarError("archive not read to its end")
        while True:
            chunk = self._stream.read(1 << 16)
            if not chunk:
                return
            if chunk.count(0) != len(chunk):
                raise TarError("data after the end of the archive")
