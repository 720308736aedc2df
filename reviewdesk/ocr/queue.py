"""The OCR queue's store side (no role checks: the callers are services that made them).

`queue_document` is called by the import inside its transaction; the rest by services/ocr.py.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewdesk.casefiles import search
from reviewdesk.casefiles.text import IMAGE_TYPES, PDF
from reviewdesk.clock import now
from reviewdesk.ocr.engine import Line
from reviewdesk.store.models import Document, OcrJob, OcrPage

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
RECOGNISED = search.RECOGNISED


def needs_ocr(media_type: str, text_status: str, layer_text: str) -> bool:
    """Scanned PDFs, PDFs with some page lacking text, and images (as long as their text could be read)."""
    if media_type in IMAGE_TYPES:
        return True
    if media_type != PDF or text_status not in ("scanned", "text"):
        return False
    return text_status == "scanned" or any(not page.strip() for page in layer_text.split(search.PAGE_BREAK))


def queue_document(session: Session, doc: Document) -> None:
    if session.get(OcrJob, doc.id) is None:
        session.add(
            OcrJob(
                document_id=doc.id, case_id=doc.case_id, state=QUEUED, pages_done=0, error="", queued_at=now()
            )
        )


def done_pages(session: Session, document_id: int) -> frozenset[int]:
    rows = session.execute(select(OcrPage.page).where(OcrPage.document_id == document_id)).scalars()
    return frozenset(rows)


def store_page(session: Session, job: OcrJob, page: int, lines: list[Line]) -> None:
    session.execute(delete(OcrPage).where(OcrPage.document_id == job.document_id, OcrPage.page == page))
    session.add(
        OcrPage(
            document_id=job.document_id,
            page=page,
            text="\n".join(line.text for line in lines),
            lines=json.dumps([line.to_json() for line in lines], ensure_ascii=False),
            recognised_at=now(),
        )
    )


def page_lines(session: Session, document_id: int) -> dict[int, tuple[str, list[Line]]]:
    rows = session.execute(
        select(OcrPage).where(OcrPage.document_id == document_id).order_by(OcrPage.page)
    ).scalars()
    return {r.page: (r.text, [Line.from_json(row) for row in json.loads(r.lines)]) for r in rows}


def reindex(session: Session, doc: Document, page_texts: list[str]) -> None:
    """The document's search entry, its pages apart by PAGE_BREAK (text layer or recognised text)."""
    search.unindex_document(session, doc.id)
    body = search.PAGE_BREAK.join(t.replace(search.PAGE_BREAK, "\n") for t in page_texts)
    search.index(session, "document", doc.id, doc.case_id, doc.title, body)
