"""Documents put straight into a case's file in the real store (bytes in encrypted chunks, as the importer keeps
them), for tests that need a file of a given kind, volume and page count without building a package."""

from __future__ import annotations

import hashlib
import io

from reviewdesk.casefiles.store import ChunkWriter
from reviewdesk.store.models import Document
from reviewdesk.workspace import OpenWorkspace


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(out, "PNG")
    return out.getvalue()


def store_document(ws: OpenWorkspace, case_id: int, path: str, title: str, media: str, data: bytes,
                   pages: int | None, volume: int | None = 1) -> int:
    with ws.write_session() as s, s.begin():
        doc = Document(case_id=case_id, path=path, title=title, media_type=media, size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), text_status="text" if pages else "none",
                       page_count=pages, volume=volume)
        s.add(doc)
        s.flush()
        writer = ChunkWriter(s, doc.id)
        writer.write(data)
        writer.close()
        return doc.id


def pdf_page_count(data: bytes) -> int:
    """How many pages a PDF has (read in memory)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()
