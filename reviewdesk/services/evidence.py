"""Evidence references (卷×第×页) in a score item, finding or opinion, resolved against a case's file.

`check_references` is what the score form calls before submission: a reference that does not resolve is a
warning (the expert may cite pages the store does not hold), never a refusal.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.casefiles import evidence
from reviewdesk.services.base import Refusal, query
from reviewdesk.services.cases import CASE_READERS, _resolve, visible_case_ids
from reviewdesk.store.models import Document, OcrJob
from reviewdesk.workspace import OpenWorkspace


def check_references(ws: OpenWorkspace, case: str | int, text: str) -> list[evidence.Resolved]:
    """Every page the text's references name, with its document and page, or why it is unresolvable."""
    with query(ws, "evidence.check", CASE_READERS) as session:
        found = _resolve(session, case)
        visible = visible_case_ids(session, ws)
        if visible is not None and found.id not in visible:
            raise Refusal("case not visible")
        files = case_layout(session, found.id)
    return evidence.resolve(evidence.find_references(text), files)


def file_layout(ws: OpenWorkspace, case: str | int) -> list[evidence.FilePage]:
    """Where each of the case's documents sits in its volume: what the score form and the deliberation view
    resolve references against while the expert types (`casefiles.evidence.resolve`, no read per keystroke)."""
    with query(ws, "evidence.layout", CASE_READERS) as session:
        found = _resolve(session, case)
        visible = visible_case_ids(session, ws)
        if visible is not None and found.id not in visible:
            raise Refusal("case not visible")
        return case_layout(session, found.id)


def case_layout(session: Session, case_id: int) -> list[evidence.FilePage]:
    """Where each of the case's documents sits in its volume (inside a caller's read, which checked access).
    A document's pages are those `evidence.known_pages` knows: a picture is one page, and a file whose count
    was unknown at import is counted once OCR has been through it."""
    rows = session.execute(
        select(
            Document.id, Document.path, Document.title, Document.volume, Document.page_count,
            Document.media_type, OcrJob.pages,
        )
        .outerjoin(OcrJob, (OcrJob.document_id == Document.id) & (OcrJob.state == "done"))
        .where(Document.case_id == case_id)
    ).all()
    return evidence.layout(
        (r[0], r[1], r[2], r[3], evidence.known_pages(r[5], r[4], r[6])) for r in rows
    )


def unresolved(results: list[evidence.Resolved]) -> list[evidence.Resolved]:
    """The warnings to show: references that name no stored page."""
    return [r for r in results if r.document_id is None]
