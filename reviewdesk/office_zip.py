"""Bounded reading of untrusted Office files (xlsx, docx): ZIP archives of XML.

Before any parser sees a member, the archive's member count, every member's declared size and its
compression ratio are checked against fixed limits. Python's zipfile never returns more than a member's
declared size (it stops there and fails the CRC check), and we read members in chunks, so a header that lies
cannot push memory past the limits either. XML is scanned with expat, chunk by chunk, refusing any DTD
(the door to entity expansion) and any text run longer than the caller allows.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

CHUNK = 64 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_file: int = 32 * 1024 * 1024  # the compressed file as given
    max_members: int = 1000
    max_streamed: int = 128 * 1024 * 1024  # uncompressed size of one part we parse as a stream (sheet, document)
    max_part: int = 8 * 1024 * 1024  # uncompressed size of any other part (parsed whole: styles, workbook…)
    max_total: int = 256 * 1024 * 1024  # uncompressed size of all parts together
    max_ratio: int = 400  # uncompressed : compressed, checked for parts above 1 MiB


DEFAULT = ZipLimits()


class OfficeFileRefused(ValueError):
    """The file is refused before parsing; `where` names the part (member, sheet, row, column) if known."""

    def __init__(self, reason: str, where: str | None = None) -> None:
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason, self.where = reason, where


class NotAZip(OfficeFileRefused):
    """Not a ZIP archive at all (so not an Office file): callers say "cannot be read as …"."""


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB"


def open_zip(data: bytes, limits: ZipLimits = DEFAULT) -> zipfile.ZipFile:
    """The archive, once its size and member count pass the limits (check_sizes then checks each part)."""
    if len(data) > limits.max_file:
        raise OfficeFileRefused(f"file is larger than {_mib(limits.max_file)}")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as err:
        raise NotAZip(f"not a ZIP archive ({type(err).__name__})") from None
    if len(zf.infolist()) > limits.max_members:
        raise OfficeFileRefused(f"more than {limits.max_members} parts in the archive")
    return zf


def check_sizes(zf: zipfile.ZipFile, streamed: set[str], limits: ZipLimits = DEFAULT) -> None:
    """Every part's declared size and ratio within the limits (`streamed`: parts parsed as a stream, which
    may be larger). Reads never exceed a declared size, so these bound what any parser can be handed."""
    total = 0
    for info in zf.infolist():
        cap = limits.max_streamed if info.filename in streamed else limits.max_part
        if info.file_size > cap:
            raise OfficeFileRefused(f"unpacks to {_mib(info.file_size)}, more than {_mib(cap)}", info.filename)
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise OfficeFileRefused(f"compressed more than {limits.max_ratio}:1 (a decompression bomb?)", info.filename)
        total += info.file_size
    if total > limits.max_total:
        raise OfficeFileRefused(f"unpacks to {_mib(total)} in all, more than {_mib(limits.max_total)}")


def read_member(zf: zipfile.ZipFile, name: str, max_bytes: int) -> bytes:
    """A small member (workbook.xml, rels), refused above max_bytes; reads stop at the limit."""
    out = bytearray()
    try:
        with zf.open(name) as fh:
            while chunk := fh.read(CHUNK):
                out += chunk
                if len(out) > max_bytes:
                    raise OfficeFileRefused(f"larger than {_mib(max_bytes)}", name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as err:
        raise OfficeFileRefused(f"damaged part ({type(err).__name__})", name) from None
    return bytes(out)


def chunks(zf: zipfile.ZipFile, name: str, budget: int) -> Iterator[bytes]:
    """A member inflated in CHUNK pieces, refused once it passes `budget` bytes (zipfile also stops at the
    declared size and checks the CRC at the end)."""
    done = 0
    try:
        with zf.open(name) as fh:
            while chunk := fh.read(CHUNK):
                done += len(chunk)
                if done > budget:
                    raise OfficeFileRefused(f"unpacks to more than {_mib(budget)}", name)
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as err:
        raise OfficeFileRefused(f"damaged part ({type(err).__name__})", name) from None


StartHandler = Callable[[str, dict[str, str]], None]


def scan_xml(
    pieces: Iterator[bytes], where: str, *, start: StartHandler | None = None, end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream XML through expat (no DTD, no entities), calling the handlers; memory stays at one chunk."""
    parser = expat.ParserCreate(namespace_separator="}")

    def no_dtd(*_args: object) -> None:
        raise OfficeFileRefused("has a DTD (<!DOCTYPE>), which Office files never carry", where)

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.ExternalEntityRefHandler = no_dtd  # type: ignore[assignment]
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text
    parser.buffer_text = True
    try:
        for piece in pieces:
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except expat.ExpatError as err:
        raise OfficeFileRefused(f"is not well-formed XML ({expat.ErrorString(err.code)})", where) from None
