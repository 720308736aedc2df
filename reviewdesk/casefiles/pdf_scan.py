"""A bounded look at what a PDF's compressed streams would inflate to, before PDFium parses any of them.

PDFium trusts a stream's filters: a 255 KB file whose content stream inflates to 100 MB (or a Flate inside a
Flate) takes the process to gigabytes while it extracts text. Here every stream that text extraction decodes
(page contents, forms, fonts, object and xref streams; never images, which it does not decode) is inflated
with zlib.decompressobj(max_length) in chunks and only counted, so memory stays at one chunk whatever the file
claims. Decoders we cannot run cheaply (LZW, RunLength) and streams we cannot inflate (encrypted ones) count
at their worst-case expansion. The caller stores and shows the file but does not extract its text when
`problem()` names a reason.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

CHUNK = 64 * 1024
MAX_CONTENT_STREAM = 16 * 1024 * 1024  # one page's or form's content, decoded; real pages are far smaller
MAX_OTHER_STREAM = 64 * 1024 * 1024  # an embedded font, an object or xref stream
MAX_TOTAL = 256 * 1024 * 1024  # all decoded streams together
MAX_STREAMS = 200_000
_DEFLATE_WORST = 1032  # deflate's largest expansion
_LZW_WORST = 2730
_RUNLENGTH_WORST = 64
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_NOT_DECODED = (b"/Image", b"/DCTDecode", b"/JPXDecode", b"/JBIG2Decode", b"/CCITTFaxDecode")
_OTHER = (b"/ObjStm", b"/XRef", b"/Length1", b"/Length2", b"/Length3", b"/Type1C", b"/CIDFontType0C", b"/OpenType")
_MIB = 1024 * 1024


def problem(data: bytes) -> str | None:
    """Why text extraction would be unsafe (a stream inflates past the budget), or None."""
    total = 0
    for count, match in enumerate(_STREAM.finditer(data)):
        if count >= MAX_STREAMS:
            return f"more than {MAX_STREAMS:,} streams"
        start = match.start()
        head = data[max(0, data.rfind(b"obj", max(0, start - CHUNK), start)):start]
        filters = _filters(head)
        if not filters or any(marker in head for marker in _NOT_DECODED):
            continue
        cap = MAX_OTHER_STREAM if any(marker in head for marker in _OTHER) else MAX_CONTENT_STREAM
        size = _decoded_size(data, match.end(), filters, cap + 1)
        if size > cap:
            return f"a compressed stream inflates to more than {cap // _MIB} MiB (at byte {start})"
        total += size
        if total > MAX_TOTAL:
            return f"compressed streams inflate to more than {MAX_TOTAL // _MIB} MiB in all"
    return None


def _filters(head: bytes) -> list[bytes]:
    m = _FILTER.search(head)
    return [n.group(1) for n in _NAME.finditer(m.group(1))] if m else []


def _decoded_size(data: bytes, offset: int, filters: list[bytes], cap: int) -> int:
    """Bytes the filter chain would produce, counted up to `cap` (any more is as bad as cap)."""
    flates = 0
    for name in filters:
        if name not in (b"FlateDecode", b"Fl"):
            break
        flates += 1
    rest = filters[flates:]
    worst = 1
    for name in rest:
        worst *= {b"LZWDecode": _LZW_WORST, b"LZW": _LZW_WORST, b"RunLengthDecode": _RUNLENGTH_WORST,
                  b"RL": _RUNLENGTH_WORST}.get(name, 1)
    if not flates:
        if worst == 1:
            return 0  # ASCIIHex/ASCII85 only shrink or keep size; nothing to inflate
        end = data.find(b"endstream", offset)
        return min(cap, ((end if end >= 0 else len(data)) - offset) * worst)
    size = _inflate_chain(data, offset, flates, max(1, cap // worst))
    return min(cap, size * worst)


def _inflate_chain(data: bytes, offset: int, stages: int, cap: int) -> int:
    """Output size of `stages` nested Flate decoders fed from data[offset:], stopping past `cap`. Each stage
    is a generator of CHUNK pieces, so memory stays at one chunk per stage."""
    source: Iterator[bytes] = (data[p:p + CHUNK] for p in range(offset, len(data), CHUNK))
    for _ in range(stages):
        source = _inflate(source)
    produced = 0
    try:
        for piece in source:
            produced += len(piece)
            if produced > cap:
                break
    except zlib.error:
        # Not inflatable here (encrypted, or damaged): count it at deflate's worst case, as PDFium may decode it.
        end = data.find(b"endstream", offset)
        return max(produced, ((end if end >= 0 else len(data)) - offset) * _DEFLATE_WORST ** stages)
    return produced


def _inflate(source: Iterator[bytes]) -> Iterator[bytes]:
    dec = zlib.decompressobj()
    for piece in source:
        buf = piece
        while True:
            chunk = dec.decompress(buf, CHUNK)
            buf = dec.unconsumed_tail
            if chunk:
                yield chunk
            if dec.eof:
                return
            if not buf and len(chunk) < CHUNK:
                break  # needs more input
