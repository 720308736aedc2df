"""The opinions and statistics pages on a copy of the demo workspace: list, buttons by state, export, preview,
print (to a PDF through the test hook), batch export, an expert's own cases, statistics and the ledger."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import select

from reviewdesk.demo import DEMO_PASSWORD
from reviewdesk.store.models import Conclusion, Expert, PanelMember, User
from reviewdesk.workspace import OpenWorkspace, Workspace
from ui import file_dialogs, printing
from ui.pages.opinions import OpinionsPage
from ui.pages.placeholder import PlaceholderPage
from ui.pages.statistics import StatisticsPage
from ui.printing import pdf_page_count
from ui.qt import QMessageBox, Qt, print_support
from ui.widgets.common import select_row

CAMPAIGN = "2026-XF-01"


def _page(qtbot, ws: OpenWorkspace) -> OpinionsPage:
    page = OpinionsPage(ws)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    assert page.campaign_id() == CAMPAIGN
    return page


def _select(page: OpinionsPage, concluded: bool) -> int:
    row = next(n for n, r in enumerate(page.model.rows()) if r.concluded == concluded)
    select_row(page.table, row)
    return row


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: (str(path), chosen_filter))


def _confirm_issue(qtbot, page: OpinionsPage) -> None:
    """Answer the question the first print or export asks: it issues the document number."""
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert "文号" in box.text() and "预览" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


@pytest.fixture
def open_as(demo_folder: Path) -> Iterator:
    opened: list[OpenWorkspace] = []

    def _open(username: str) -> OpenWorkspace:
        ws = Workspace(demo_folder).open(username, DEMO_PASSWORD)
        opened.append(ws)
        return ws

    yield _open
    for ws in opened:
        ws.close()


def test_lists_the_campaign_and_enables_buttons_by_state(qtbot, demo_ws, qtmodeltester):
    page = _page(qtbot, demo_ws)
    assert page.model.rowCount() == 42
    assert page.model.concluded_count() == 4
    qtmodeltester.check(page.model)
    assert "42" in page.summary.text() and "4" in page.summary.text()

    _select(page, concluded=True)
    for button in (page.preview_button, page.print_button, page.word_button, page.pdf_button):
        assert button.isEnabled()
    assert page.other_button.isEnabled() and page.batch_button.isEnabled()
    assert page.hint.isHidden()

    _select(page, concluded=False)
    for button in (page.preview_button, page.print_button, page.word_button, page.pdf_button):
        assert not button.isEnabled()
        assert "合议" in button.toolTip()  # says why: no conclusion yet
    assert "合议" in page.hint.text()
    assert page.other_button.isEnabled()  # score sheets exist before the conclusion


def test_export_word_and_pdf_writes_the_chosen_files(qtbot, demo_ws, tmp_path, monkeypatch):
    import docx

    page = _page(qtbot, demo_ws)
    row = _select(page, concluded=True)
    case_id = page.model.rows()[row].case_id
    _save_to(monkeypatch, tmp_path / "意见书")  # no suffix typed: the page adds it
    page.export_opinion("docx")
    _confirm_issue(qtbot, page)
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=30000)
    assert page.last_saved == tmp_path / "意见书.docx"
    text = "\n".join(p.text for p in docx.Document(str(page.last_saved)).paragraphs)
    assert "评查意见书" in text
    # The number given by the first export shows in the table; the case stays selected.
    chosen = page.selected()
    assert chosen is not None and chosen.case_id == case_id and chosen.number

    page.last_saved = None
    _save_to(monkeypatch, tmp_path / "意见书.pdf")
    page.export_opinion("pdf")
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=30000)
    assert (tmp_path / "意见书.pdf").read_bytes().startswith(b"%PDF")
    assert chosen.number in page.message.text()


def test_preview_shows_every_page_and_prints_them(qtbot, demo_ws, tmp_path, monkeypatch):
    page = _page(qtbot, demo_ws)
    _select(page, concluded=True)
    page.preview_opinion()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30000)
    dialog = page.preview_dialog
    assert dialog is not None and dialog._data is not None
    pages = pdf_page_count(dialog._data)
    assert pages >= 1 and dialog.page_count() == pages
    assert str(pages) in dialog.count_label.text()
    width = dialog.pages[0].pixmap().width()
    dialog.zoom_in()
    assert dialog.pages[0].pixmap().width() > width

    printed = tmp_path / "printed.pdf"
    _print_to(monkeypatch, printed)
    dialog.print_document()
    assert len(pypdfium2.PdfDocument(printed.read_bytes())) == pages
    assert "打印机" in dialog.message.text()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes
    qtbot.waitUntil(lambda: page.preview_dialog is None, timeout=5000)

    # The page's own 打印… button goes the same way, once the number is issued.
    printed.unlink()
    page.print_opinion()
    _confirm_issue(qtbot, page)
    qtbot.waitUntil(lambda: printed.exists(), timeout=30000)
    assert len(pypdfium2.PdfDocument(printed.read_bytes())) == pages


def test_preview_is_a_draft_that_issues_nothing(qtbot, demo_ws):
    from reviewdesk.services import audit

    page = _page(qtbot, demo_ws)
    row = _select(page, concluded=True)
    assert page.model.rows()[row].number is None
    page.preview_opinion()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30000)
    text = "".join(printing_text(page.preview_dialog._data))
    assert "草稿" in text and "文号待定" in text
    assert page.selected() is not None and page.selected().number is None  # nothing issued by looking
    actions = [e.action for e in audit.show(demo_ws, limit=50)]
    assert "document.preview" in actions and "opinion.export" not in actions


def printing_text(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def test_other_documents_preview_and_explain_when_missing(qtbot, demo_ws):
    page = _page(qtbot, demo_ws)
    _select(page, concluded=True)
    page.record_document("score_sheet", "preview")
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30000)
    assert page.preview_dialog.page_count() >= 3  # one sheet per member, all in one preview
    assert "评分表" in page.preview_dialog.windowTitle()
    page.preview_dialog.reject()

    # An unconcluded case of the demo has no interview record yet: the page says so.
    _select(page, concluded=False)
    page.record_document("interview", "preview")
    qtbot.waitUntil(lambda: not page.busy_now(), timeout=30000)
    assert page.preview_dialog is None
    assert "谈话笔录" in page.message.text()


def test_batch_export_writes_both_formats_and_reports_skipped_cases(qtbot, demo_ws, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *_a, **_k: str(out))
    page = _page(qtbot, demo_ws)
    page.batch_export()
    dialog = page.formats_dialog
    assert dialog is not None and dialog.formats() == ["docx", "pdf"]
    dialog.accept()
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=60000)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 8 and sum(f.endswith(".pdf") for f in files) == 4
    assert len(page.last_batch.skipped) == 38
    assert "8" in page.message.text() and "38" in page.message.text()
    assert page.progress_dialog is None
    assert all(r.number for r in page.model.rows() if r.concluded)  # every concluded case has its number


def _leader_of_a_concluded_case(ws: OpenWorkspace) -> tuple[str, int]:
    with ws.read_session() as s:
        username, case_id = s.execute(
            select(User.username, PanelMember.case_id)
            .join(Expert, Expert.user_id == User.id)
            .join(PanelMember, PanelMember.expert_id == Expert.id)
            .join(Conclusion, (Conclusion.case_id == PanelMember.case_id)
                  & (Conclusion.campaign_id == PanelMember.campaign_id))
            .where(PanelMember.role == "leader", PanelMember.campaign_id == CAMPAIGN)
            .order_by(PanelMember.case_id)
        ).first()
        panel_cases = set(s.execute(
            select(PanelMember.case_id).join(Expert, Expert.id == PanelMember.expert_id)
            .join(User, User.id == Expert.user_id)
            .where(User.username == username, PanelMember.campaign_id == CAMPAIGN)).scalars())
    return username, len(panel_cases)


def test_an_expert_sees_only_their_panels(qtbot, demo_ws, open_as):
    username, own_cases = _leader_of_a_concluded_case(demo_ws)
    page = _page(qtbot, open_as(username))
    assert 0 < page.model.rowCount() == own_cases < 42
    assert not page.batch_button.isVisible()
    row = next(n for n, r in enumerate(page.model.rows()) if r.case_id in page._leads and r.concluded)
    select_row(page.table, row)
    assert page.preview_button.isEnabled()
    page.preview_opinion()
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30000)
    assert page.preview_dialog.page_count() >= 1


def test_a_member_who_does_not_lead_cannot_produce_the_opinion(qtbot, demo_ws, open_as):
    with demo_ws.read_session() as s:
        leader = s.execute(select(PanelMember.expert_id).where(
            PanelMember.campaign_id == CAMPAIGN, PanelMember.role == "leader",
            PanelMember.case_id.in_(select(Conclusion.case_id)))).scalars().first()
        case_id = s.execute(select(PanelMember.case_id).where(PanelMember.expert_id == leader,
                                                              PanelMember.role == "leader")).scalars().first()
        member = s.execute(
            select(User.username).join(Expert, Expert.user_id == User.id)
            .join(PanelMember, PanelMember.expert_id == Expert.id)
            .where(PanelMember.case_id == case_id, PanelMember.role == "member")).scalars().first()
    page = _page(qtbot, open_as(member))
    select_row(page.table, page.model.row_of(case_id))
    assert not page.preview_button.isEnabled()
    assert "组长" in page.preview_button.toolTip()
    assert page.other_button.isEnabled()


def test_an_observer_reads_the_list_only(qtbot, open_as):
    page = _page(qtbot, open_as("chenjing"))
    assert page.model.rowCount() == 42
    _select(page, concluded=True)
    assert not page.preview_button.isEnabled() and not page.other_button.isEnabled()
    assert "观察员" in page.preview_button.toolTip()


def test_teardown_forgets_the_rows(qtbot, demo_ws):
    page = _page(qtbot, demo_ws)
    assert page.holds_data()
    page.teardown()
    assert not page.holds_data()


def test_statistics_page_counts_and_exports(qtbot, demo_ws, tmp_path, monkeypatch):
    import docx
    import openpyxl

    page = StatisticsPage(demo_ws)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=30000)
    assert page.drawn_card.value.text() == "42"
    assert page.concluded_card.value.text() == "4"
    assert "优秀" in page.grades.text() and "瑕疵案" in page.outcomes.text()
    assert page.units.rowCount() > 1 and page.types.rowCount() > 1 and page.categories.rowCount() >= 1
    assert page.types.index(0, 0).data() in {"刑事", "民事", "行政", "执行", "治安", "信访"}

    _save_to(monkeypatch, tmp_path / "台账")
    page.export_ledger()
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=30000)
    assert page.last_saved == tmp_path / "台账.xlsx"
    book = openpyxl.load_workbook(page.last_saved)
    assert len(book.sheetnames) >= 2

    page.last_saved = None
    _save_to(monkeypatch, tmp_path / "报告.docx", "Word 文档 (*.docx)")
    page.export_report()
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=60000)
    assert docx.Document(str(page.last_saved)).paragraphs

    page.last_saved = None
    _save_to(monkeypatch, tmp_path / "报告", "PDF 文件 (*.pdf)")  # the filter chooses the format
    page.export_report()
    qtbot.waitUntil(lambda: page.last_saved is not None, timeout=60000)
    assert page.last_saved == tmp_path / "报告.pdf"
    assert page.last_saved.read_bytes().startswith(b"%PDF")

    page.teardown()
    assert not page.holds_data()


def test_areas_by_role(qtbot, demo_ws, open_as, main_window):
    admin = main_window(demo_ws)
    assert isinstance(admin.pages["opinions"], OpinionsPage)
    assert isinstance(admin.pages["statistics"], StatisticsPage)
    assert not isinstance(admin.pages["opinions"], PlaceholderPage)
    auditor = main_window(open_as("sunli"))
    assert "opinions" not in auditor.pages and "statistics" not in auditor.pages
    expert = main_window(open_as("zhanghua"))
    assert "opinions" in expert.pages and "statistics" not in expert.pages


def _print_to(monkeypatch, path) -> None:
    """Instead of the print dialog, a QPrinter writing PDF to `path` (all pages)."""
    def to_file(printer, _parent, pages, _title):
        printer.setOutputFormat(print_support().QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return 1, pages

    monkeypatch.setattr(printing, "ask_printer", to_file)


def _two_page_pdf() -> bytes:
    doc = pypdfium2.PdfDocument.new()
    for _ in range(2):
        doc.new_page(595, 842)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_print_pdf_prints_every_page_from_memory(qtbot, tmp_path, monkeypatch):
    from ui.printing import merge_pdfs, print_pdf

    target = tmp_path / "p.pdf"
    _print_to(monkeypatch, target)
    data = merge_pdfs([_two_page_pdf(), _two_page_pdf()])
    assert pdf_page_count(data) == 4
    assert print_pdf(None, data, "测试") is True
    assert len(pypdfium2.PdfDocument(target.read_bytes())) == 4
