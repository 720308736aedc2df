"""The reading room (issue 18): OCR of a scanned file after import (queue that survives a restart, resumes
without duplicates, feeds search, leaves nothing on disk), evidence references, private reading marks."""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from reviewdesk.casefiles import evidence
from reviewdesk.clock import now
from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.ocr import synthetic
from reviewdesk.packages import age, minisign
from reviewdesk.services import cases, experts, imports, ocr, reading_marks, rubrics, users
from reviewdesk.services import evidence as evidence_service
from reviewdesk.store.models import (
    AuditEntry,
    Case,
    Document,
    Expert,
    OcrJob,
    OcrPage,
    PanelMember,
    ReadingMark,
    Rubric,
    ScoreItem,
    ScoreSheet,
)
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.packaging import assemble, sample_contents
from tests.test_assignment_service import World

PAGE_ONE = "本院认为，被告应当依约支付货款。判决如下：被告于判决生效之日起十日内支付原告货款十万元。"
PAGE_TWO = "申请执行人请求恢复执行，本院予以准许。"
SIMILARITY = 0.9  # bench/ocr.py reads clean 150-dpi pages at ≥ 0.98; a margin for the tiny test pages


def _scanned_pdf() -> bytes:
    first = synthetic.page_image(synthetic.wrap(PAGE_ONE, 24), 150, skew=1.0, blur=0.5, noise=6, seed=1)
    second = synthetic.page_image([PAGE_TWO], 150, seed=2)
    return synthetic.image_pdf([first, second], 150)


def _import(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp: Path) -> int:
    contents = sample_contents(1)
    contents.add_file(
        "cases/GS-2026-0001/04-判决书扫描件.pdf", _scanned_pdf(), "GS-2026-0001", title="判决书扫描件"
    )
    imports.import_package(desk, assemble(contents, tmp / "p.rdpkg", signer=office, recipients=[recipient]))
    with desk.read_session() as s:
        return s.execute(select(Document.id).where(Document.title == "判决书扫描件")).scalar_one()


def _scan(folder: Path, needles: list[bytes]) -> list[str]:
    return [f"{p}: {n!r}" for p in folder.rglob("*") if p.is_file() for n in needles if n in p.read_bytes()]


def test_scanned_file_is_queued_recognised_resumed_and_searchable(
    desk: OpenWorkspace,
    office: minisign.SigningKey,
    recipient: age.Recipient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    doc_id = _import(desk, office, recipient, tmp_path)
    queued = ocr.status(desk)
    assert [(j.document_id, j.state) for j in queued] == [(doc_id, "queued")]  # only the scanned file

    # A run stopped after its first page (a pause, or a kill after the page's commit) ...
    seen: list[ocr.RunProgress] = []
    first = ocr.run(desk, progress=seen.append, should_stop=lambda: len(seen) >= 1)
    assert (first.pages, first.documents, first.stopped) == (1, 0, True)
    assert seen[0] == ocr.RunProgress(1, 1, 1, 2)
    # ... leaves the job in the store, where a new session finds it.
    folder = desk.workspace
    desk.close()
    again = folder.open(ADMIN, ADMIN_PW)
    try:
        [job] = ocr.status(again)
        assert (job.state, job.pages_done) == ("running", 1)
        second = ocr.run(again)
        assert (second.pages, second.documents, second.failed) == (1, 1, [])  # page 1 not read twice
        [job] = ocr.status(again)
        assert (job.state, job.pages, job.pages_done) == ("done", 2, 2)
        with again.read_session() as s:
            assert (
                s.execute(
                    select(func.count()).select_from(OcrPage).where(OcrPage.document_id == doc_id)
                ).scalar()
                == 2
            )
            assert s.get(Document, doc_id).text_status == "ocr"
        pages = ocr.recognised_pages(again, doc_id)
        read = "".join(p.text for p in pages if p.page == 1).replace("\n", "")
        assert difflib.SequenceMatcher(None, PAGE_ONE, read).ratio() >= SIMILARITY, read
        assert all(0 <= v <= 1 for p in pages for line in p.lines for v in line.box)
        hits = [h for h in cases.search(again, "恢复执行") if h.ref_id == doc_id]
        assert [(h.page, h.recognised) for h in hits] == [(2, True)]
        assert ocr.run(again).pages == 0  # nothing left
        needles = [read[:6].encode(), PAGE_TWO[:6].encode()]
        assert _scan(folder.folder, needles) == [] and _scan(scratch, needles) == []
        with again.read_session() as s:
            actions = list(
                s.execute(
                    select(AuditEntry.action).where(AuditEntry.action.like("ocr.%")).order_by(AuditEntry.seq)
                ).scalars()
            )
        assert actions == ["ocr.page", "ocr.page", "ocr.finish"]
    finally:
        again.close()


def queue_broken_image(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp: Path
) -> None:
    """A case whose photo is not a readable PNG: queued for OCR, it fails at once (no engine needed)."""
    contents = sample_contents(1)
    contents.add_file(
        "cases/GS-2026-0001/05-照片.png", b"\x89PNG\r\n\x1a\n broken", "GS-2026-0001", "image/png", "照片"
    )
    imports.import_package(desk, assemble(contents, tmp / "p.rdpkg", signer=office, recipients=[recipient]))


def test_unreadable_scan_fails_with_its_reason(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    queue_broken_image(desk, office, recipient, tmp_path)
    result = ocr.run(desk)
    assert [(j.title, j.state) for j in result.failed] == [("照片", "failed")]
    assert "image could not be read" in result.failed[0].error
    assert ocr.run(desk).failed == []  # a failed job is not retried by every run


# -- evidence references ------------------------------------------------------------------------------
def test_references_parse_chinese_numbers_ranges_and_lists() -> None:
    refs = evidence.find_references("见卷２第１０至１２页询问笔录，第二卷第二十三、25页；卷一第一百零五页")
    assert [(r.volume, r.pages) for r in refs] == [(2, (10, 11, 12)), (2, (23, 25)), (1, (105,))]
    assert evidence.find_references("第23页 卷1 p.23") == []
    assert evidence.chinese_number("十五") == 15 and evidence.chinese_number("一二") == 12


def test_references_resolve_to_document_and_page() -> None:
    files = evidence.layout(
        [
            (1, "a/01.pdf", "起诉书", None, 3),
            (2, "a/02.pdf", "判决书", 1, 10),
            (3, "a/03.pdf", "笔录", 2, 5),
            (4, "a/04.png", "照片", 2, None),
            (5, "a/05.pdf", "补充", 2, 4),
        ]
    )
    got = evidence.resolve(evidence.find_references("卷1第3-5页，卷2第5、6、7页，卷3第1页"), files)
    assert [(r.volume_page, r.document_id, r.page) for r in got] == [
        (3, 1, 3),
        (4, 2, 1),
        (5, 2, 2),  # volume 1 runs on from 起诉书 into 判决书
        (5, 3, 5),
        (6, 4, 1),  # the photo is one page
        (7, None, None),  # after a file of unknown length, pages cannot be placed
        (1, None, None),
    ]
    assert "no volume 3" in got[-1].problem and "第3卷" in got[-1].problem_zh


def test_score_form_check_flags_unresolvable_references(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path
) -> None:
    imports.import_package(
        desk, assemble(sample_contents(1), tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    )
    results = evidence_service.check_references(desk, "GS-2026-0001", "卷1第1页；卷1第99页")
    with desk.read_session() as s:
        first = s.execute(select(Document.id).where(Document.title == "起诉书")).scalar_one()
    assert (results[0].document_id, results[0].page) == (first, 1)
    assert [r.volume_page for r in evidence_service.unresolved(results)] == [99]


# -- reading marks ----------------------------------------------------------------------------------------
def _panel(desk: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> tuple[int, int, OpenWorkspace]:
    """The imported case with expert1 (E1) on its panel; its first document."""
    World(desk).expert("E1", "U1")
    mine = login_as("expert")
    experts.link_account(desk, "E1", "expert1")
    with desk.write_session() as s, s.begin():
        case = s.execute(select(Case).where(Case.external_id == "GS-2026-0001")).scalar_one()
        e1 = s.execute(select(Expert.id).where(Expert.external_id == "E1")).scalar_one()
        s.add(
            PanelMember(
                campaign_id=case.campaign_id,
                case_id=case.id,
                expert_id=e1,
                role="leader",
                assigned_by="admin",
                assigned_at=now(),
            )
        )
        doc = (
            s.execute(select(Document.id).where(Document.case_id == case.id).order_by(Document.path))
            .scalars()
            .first()
        )
    return case.id, doc, mine


def test_marks_are_private_audited_and_go_with_the_case(
    desk: OpenWorkspace,
    office: minisign.SigningKey,
    recipient: age.Recipient,
    tmp_path: Path,
    login_as: Callable[[str], OpenWorkspace],
) -> None:
    imports.import_package(
        desk, assemble(sample_contents(2), tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    )
    case_id, doc_id, mine = _panel(desk, login_as)
    mark = reading_marks.add_mark(mine, doc_id, 1, "未载明送达日期", passage="送达回证")
    assert mark.reference == "卷1第1页"  # what the score form offers as the deduction's evidence
    assert [m.id for m in reading_marks.my_marks(mine, case_id=case_id)] == [mark.id]
    with pytest.raises(ValidationError) as err:
        reading_marks.add_mark(mine, doc_id, 9, "页码不对")
    assert err.value.field == "page"
    with pytest.raises(ValidationError):
        reading_marks.add_mark(mine, doc_id, 1, " ")
    # Another expert (not on the panel) can neither mark this case nor see or touch the mark.
    observer = login_as("observer")
    users.add_user(desk, "expert2", "专家二", "expert", "expert-pass-2")
    other = desk.workspace.open("expert2", "expert-pass-2")
    try:
        assert reading_marks.my_marks(other) == []
        with pytest.raises(PermissionDenied):
            reading_marks.add_mark(other, doc_id, 1, "越权")
        with pytest.raises(PermissionDenied):
            reading_marks.remove_mark(other, mark.id)
        with pytest.raises(PermissionDenied):
            reading_marks.update_mark(other, mark.id, "改写")
    finally:
        other.close()
    with pytest.raises(PermissionDenied):
        reading_marks.my_marks(observer)  # observers have no marks to read
    changed = reading_marks.update_mark(mine, mark.id, "未载明送达日期及送达人")
    assert changed.note == "未载明送达日期及送达人"
    with desk.read_session() as s:
        audited = list(
            s.execute(
                select(AuditEntry.action, AuditEntry.details).where(AuditEntry.action.like("mark.%"))
            ).all()
        )
    assert [a for a, _d in audited] == ["mark.add", "mark.update"]
    assert all("送达" not in str(d) for _a, d in audited)  # the note's words stay out of the audit log
    second = reading_marks.add_mark(mine, doc_id, 1, "第二条")
    reading_marks.remove_mark(mine, second.id)
    assert [m.id for m in reading_marks.my_marks(mine)] == [mark.id]
    with desk.write_session() as s, s.begin():  # the case goes (as a purge would), its marks with it
        s.delete(s.get(Case, case_id))
    with desk.read_session() as s:
        assert s.execute(select(func.count()).select_from(ReadingMark)).scalar() == 0


def test_cited_marks_reach_the_panel_after_submission(
    desk: OpenWorkspace,
    office: minisign.SigningKey,
    recipient: age.Recipient,
    tmp_path: Path,
    login_as: Callable[[str], OpenWorkspace],
) -> None:
    imports.import_package(
        desk, assemble(sample_contents(1), tmp_path / "p.rdpkg", signer=office, recipients=[recipient])
    )
    case_id, doc_id, mine = _panel(desk, login_as)
    cited = reading_marks.add_mark(mine, doc_id, 1, "送达程序瑕疵")
    with desk.write_session() as s, s.begin():
        rubrics.ensure_builtins(s)
        rubric = s.execute(select(Rubric.id)).scalars().first()
        case = s.get(Case, case_id)
        e1 = s.execute(select(Expert.id).where(Expert.external_id == "E1")).scalar_one()
        sheet = ScoreSheet(
            campaign_id=case.campaign_id,
            case_id=case_id,
            expert_id=e1,
            rubric_id=rubric,
            status="draft",
            certification="无利害关系",
            certified_at=now(),
            updated_at=now(),
        )
        s.add(sheet)
        s.flush()
        s.add(
            ScoreItem(sheet_id=sheet.id, item_code="X1", points=2, reason="送达", evidence_ref="见卷1第1页")
        )
    assert reading_marks.cited_marks(desk, case_id) == []  # a draft cites nothing yet
    assert reading_marks.cited_marks(mine, case_id) == []
    with desk.write_session() as s, s.begin():
        s.execute(update(ScoreSheet).values(status="submitted", submitted_at=now()))
    assert [(name, m.id) for name, m in reading_marks.cited_marks(desk, case_id)] == [("专家E1", cited.id)]
    assert [m.id for _n, m in reading_marks.cited_marks(mine, case_id)] == [cited.id]


def test_migration_0011_queues_the_scans_already_stored(demo_folder: Path) -> None:
    from sqlalchemy import text

    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from reviewdesk.store import migrate

    opened = Workspace(demo_folder).open(DEMO_ADMIN, DEMO_PASSWORD)
    with opened.read_session() as s:
        queued = set(s.execute(select(OcrJob.document_id)).scalars())  # the import queued them
    migrate.downgrade(opened.engine, "0009")
    opened.close()
    reopened = Workspace(demo_folder).open(DEMO_ADMIN, DEMO_PASSWORD)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        with reopened.engine.connect() as conn:
            scanned = set(
                conn.execute(text("SELECT id FROM documents WHERE text_status = 'scanned'")).scalars()
            )
            again = set(
                conn.execute(text("SELECT document_id FROM ocr_jobs WHERE state = 'queued'")).scalars()
            )
        assert scanned and scanned <= again and again == queued
    finally:
        reopened.close()
