"""OCR of the case documents that have no text layer (docs/reading-room.md).

`run` works through the queue (reviewdesk/ocr/queue.py) one page at a time: the page is rendered and
recognised outside any transaction, then its text and line boxes are written, with an audit entry, in a
transaction of their own, so a run killed at any point resumes at the next page, without duplicates. When a
document's last page is in, its search entry is rebuilt from its text layer and recognised text, and its
text status becomes `ocr`. Admins run it for every case; experts for the cases of their panels (on a review
laptop the app's worker runs it as the expert logged in).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from reviewdesk.casefiles.store import read_document
from reviewdesk.clock import now
from reviewdesk.errors import NotFound
from reviewdesk.ocr import engine, pages
from reviewdesk.ocr import queue as q
from reviewdesk.services.base import Refusal, change, query
from reviewdesk.services.cases import CASE_READERS, _resolve, visible_case_ids
from reviewdesk.store.models import Case, Document, OcrJob, Role
from reviewdesk.workspace import OpenWorkspace

RUNNERS = frozenset({Role.ADMIN, Role.EXPERT})
Progress = Callable[["RunProgress"], None]


@dataclass(frozen=True)
class JobInfo:
    document_id: int
    case_id: int
    case_external_id: str
    title: str
    state: str
    pages: int | None
    pages_done: int
    error: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RunProgress:
    """Where a run is: file `file` of `files`, page `page` of `pages` (the GUI's 正在识别 3/58 份文件，第 12/40 页)."""

    file: int
    files: int
    page: int
    pages: int


@dataclass
class RunResult:
    documents: int = 0  # finished in this run
    pages: int = 0  # recognised in this run
    failed: list[JobInfo] = field(default_factory=list)
    stopped: bool = False  # asked to stop (paused) before the queue was empty

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "pages": self.pages,
            "failed": [j.to_json() for j in self.failed],
            "stopped": self.stopped,
        }


def _jobs_stmt(session: object, ws: OpenWorkspace, case_id: int | None, states: tuple[str, ...] | None):
    stmt = (
        select(OcrJob, Document.title, Case.external_id)
        .join(Document, Document.id == OcrJob.document_id)
        .join(Case, Case.id == OcrJob.case_id)
        .order_by(OcrJob.queued_at, OcrJob.document_id)
    )
    visible = visible_case_ids(session, ws)  # type: ignore[arg-type]
    if visible is not None:
        stmt = stmt.where(OcrJob.case_id.in_(visible))
    if case_id is not None:
        stmt = stmt.where(OcrJob.case_id == case_id)
    if states is not None:
        stmt = stmt.where(OcrJob.state.in_(states))
    return stmt


def _info(job: OcrJob, title: str, external_id: str) -> JobInfo:
    return JobInfo(
        job.document_id, job.case_id, external_id, title, job.state, job.pages, job.pages_done, job.error
    )


def _case_id(session: object, ws: OpenWorkspace, case: str | None) -> int | None:
    if case is None:
        return None
    found = _resolve(session, case)  # type: ignore[arg-type]
    visible = visible_case_ids(session, ws)  # type: ignore[arg-type]
    if visible is not None and found.id not in visible:
        raise Refusal("case not visible")
    return found.id


def status(ws: OpenWorkspace, case: str | None = None) -> list[JobInfo]:
    """The queue, oldest first: every job of the cases the user may see (of one case with `case`)."""
    with query(ws, "ocr.status", CASE_READERS) as session:
        case_id = _case_id(session, ws, case)
        rows = session.execute(_jobs_stmt(session, ws, case_id, None)).all()
        return [_info(job, title, ext) for job, title, ext in rows]


def run(
    ws: OpenWorkspace,
    case: str | None = None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    threads: int = 2,
) -> RunResult:
    """Recognise every queued page (of one case with `case`) until the queue is empty or `should_stop()`."""
    with query(ws, "ocr.run", RUNNERS) as session:
        case_id = _case_id(session, ws, case)
        todo = [
            job.document_id
            for job, _t, _e in session.execute(_jobs_stmt(session, ws, case_id, (q.QUEUED, q.RUNNING))).all()
        ]
    result = RunResult()
    for number, document_id in enumerate(todo, start=1):
        if should_stop is not None and should_stop():
            result.stopped = True
            break
        outcome = _run_document(ws, document_id, number, len(todo), progress, should_stop, threads, result)
        if outcome == "stopped":
            result.stopped = True
            break
    return result


def _run_document(
    ws: OpenWorkspace,
    document_id: int,
    number: int,
    files: int,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
    threads: int,
    result: RunResult,
) -> str:
    with query(ws, "ocr.run", RUNNERS) as session:
        doc = session.get(Document, document_id)
        job = session.get(OcrJob, document_id)
        if doc is None or job is None or job.state not in (q.QUEUED, q.RUNNING):
            return "gone"  # removed with its case, or finished by another run meanwhile
        media_type, data = doc.media_type, read_document(session, doc.id)
        skip = q.done_pages(session, doc.id)
        total = job.pages or doc.page_count or 1
    texts: list[str] = []
    try:
        for page in pages.pages(media_type, data, skip=skip):
            if progress is not None:
                progress(RunProgress(number, files, page.number, max(total, page.number)))
            if page.image is not None:
                lines = engine.recognise(page.image, threads=threads)
                page.image = None  # the pixels go before the write
                _store(ws, document_id, page.number, lines)
                result.pages += 1
                texts.append(engine.page_text(lines))
            else:
                texts.append(page.text_layer)
            if should_stop is not None and should_stop():
                return "stopped"
    except pages.PagesRefused as err:
        result.failed.append(_finish(ws, document_id, [], str(err)))
        return "failed"
    _finish(ws, document_id, texts, "")
    result.documents += 1
    return "done"


def _store(ws: OpenWorkspace, document_id: int, page: int, lines: list[engine.Line]) -> None:
    with change(ws, "ocr.page", RUNNERS) as ch:
        job = ch.session.get(OcrJob, document_id)
        if job is None:
            raise NotFound(
                f"document {document_id} is no longer queued",
                message_zh=f"文件 {document_id} 已不在识别队列中",
            )
        q.store_page(ch.session, job, page, lines)
        job.state = q.RUNNING
        job.pages_done = len(q.done_pages(ch.session, document_id) | {page})
        ch.audit(f"document:{document_id}", case_id=job.case_id, page=page, lines=len(lines))


def _finish(ws: OpenWorkspace, document_id: int, layer_or_ocr: list[str], error: str) -> JobInfo:
    """Close the job: rebuild the document's search entry from recognised pages (kept in the store, so a
    resumed run needs no text from before its restart), or record why it failed."""
    with change(ws, "ocr.finish", RUNNERS) as ch:
        job = ch.session.get(OcrJob, document_id)
        doc = ch.session.get(Document, document_id)
        if job is None or doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        case = ch.session.get(Case, doc.case_id)
        if error:
            job.state, job.error = q.FAILED, error[:300]
        else:
            stored = q.page_lines(ch.session, document_id)
            texts = [stored[n][0] if n in stored else t for n, t in enumerate(layer_or_ocr, start=1)]
            q.reindex(ch.session, doc, texts)
            doc.text_status = q.RECOGNISED
            job.state, job.pages, job.pages_done, job.error = q.DONE, len(texts), len(texts), ""
        job.finished_at = now()
        ch.audit(f"document:{document_id}", case_id=doc.case_id, state=job.state, pages=job.pages)
        return _info(job, doc.title, case.external_id if case else "")


@dataclass(frozen=True)
class RecognisedPage:
    page: int
    text: str
    lines: list[engine.Line]

    def to_json(self) -> dict[str, object]:
        return {"page": self.page, "text": self.text, "lines": [line.to_json() for line in self.lines]}


def recognised_pages(ws: OpenWorkspace, document_id: int) -> list[RecognisedPage]:
    """A document's recognised pages (text and line boxes), for the viewer's highlight and copy."""
    with query(ws, "ocr.show", CASE_READERS) as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document {document_id}", message_zh=f"没有文件 {document_id}")
        visible = visible_case_ids(session, ws)
        if visible is not None and doc.case_id not in visible:
            raise Refusal("case not visible")
        return [RecognisedPage(n, t, lines) for n, (t, lines) in q.page_lines(session, document_id).items()]
