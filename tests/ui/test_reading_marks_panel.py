"""Reading marks made while reading (issue 18, item 4), on the real store with real widgets: an expert opens a
document in the viewer window, marks page 2 through the panel beside it, edits the note, goes to the mark's
page by double-clicking it, and removes it after confirming; what the service refuses is shown in Chinese in
the mark's dialog, which keeps what was typed; the window fits 1366×768 at 150 %; an admin gets no panel."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewdesk.services import reading_marks
from reviewdesk.workspace import OpenWorkspace
from tests.case_files import pdf_page_count, store_document
from tests.test_scoring_sheets import Panel, make_panel
from tests.test_search_hits import long_pdf
from tests.ui.conftest import type_chinese
from tests.ui.test_evidence_links import open_score_form
from tests.ui.test_screen_fit import _fits
from ui.qt import QApplication, QDialogButtonBox, QMessageBox, QPoint, QRect, QSize, Qt, QWidget
from ui.widgets.document_viewer import DocumentViewerDialog
from ui.widgets.reading_marks_panel import MarkDialog, ReadingMarksPanel
from ui.worker import wait_for_jobs

LEFT = Qt.MouseButton.LeftButton
NOTE = "笔录未载明询问起止时间"
LAPTOP_ROOM = QSize(911 - 16, 472 - 40)  # a maximised window on 1366×768 at 150 %, less taskbar and frame


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The face and size the app uses (ui/app.py), so sizes are measured as the user gets them."""
    from reviewdesk.resources import resources_dir
    from ui.qt import QFont, QFontDatabase

    before = QApplication.font()
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    QApplication.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10.5))
    yield
    QApplication.setFont(before)


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


def _open(qtbot, ws: OpenWorkspace, document_id: int) -> DocumentViewerDialog:
    dialog = DocumentViewerDialog(ws, document_id)
    qtbot.addWidget(dialog)
    dialog.resize(LAPTOP_ROOM)
    dialog.show()
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None and dialog.viewer.page_count > 0, timeout=10000)
    return dialog


def _shot(widget: QWidget, name: str) -> None:
    """With REVIEWDESK_SCREENSHOTS=<folder>, saved to be looked at (as tests/ui/test_screen_fit.py does)."""
    shots = os.environ.get("REVIEWDESK_SCREENSHOTS")
    if shots:
        QApplication.processEvents()
        Path(shots).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(shots) / f"{name}.png"))


def _mark_dialog(qtbot, marks: ReadingMarksPanel) -> MarkDialog:
    qtbot.waitUntil(lambda: marks.dialog is not None and marks.dialog.isVisible(), timeout=5000)
    assert marks.dialog is not None
    return marks.dialog


def _save(qtbot, dialog: MarkDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def _box(qtbot, marks: ReadingMarksPanel) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in marks.findChildren(QMessageBox)), timeout=5000)
    return next(b for b in marks.findChildren(QMessageBox) if b.isVisible())


def _press(qtbot, box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    qtbot.mouseClick(next(b for b in box.buttons() if box.buttonRole(b) == role), LEFT)


def test_an_expert_marks_a_page_while_reading(qtbot, panel: Panel, app_font: None) -> None:
    pdf = long_pdf()
    count = pdf_page_count(pdf)
    assert count >= 3
    doc = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf", pdf,
                         count)
    me = panel.login(panel.members[0])
    dialog = _open(qtbot, me, doc)
    marks = dialog.marks_panel
    assert isinstance(marks, ReadingMarksPanel) and marks.isVisible()
    assert marks.list.count() == 1 and not marks.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # 还没有标注
    assert not marks.edit_button.isEnabled() and not marks.remove_button.isEnabled()

    # The window fits the laptop at 150 %, the page keeps most of it, every button of the panel shows.
    _fits("document viewer (expert)", dialog, LAPTOP_ROOM)
    _shot(dialog, "viewer-with-marks")
    assert marks.width() < dialog.viewer.width() / 2
    for button in (marks.add_button, marks.edit_button, marks.remove_button):
        assert button.isVisible() and button.width() >= button.minimumSizeHint().width()
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))

    # Turn to page 2 and mark it; an empty note is refused in Chinese and the dialog stays open.
    qtbot.mouseClick(dialog.viewer.next_button, LEFT)
    assert dialog.viewer.page_index == 1 and marks.add_button.text() == "标注本页（第2页）"
    qtbot.mouseClick(marks.add_button, LEFT)
    adding = _mark_dialog(qtbot, marks)
    assert adding.windowTitle() == "标注第2页"
    _save(qtbot, adding)
    assert adding.isVisible() and adding.message.text() == "标注须有内容或所标段落"
    assert reading_marks.my_marks(me) == []
    type_chinese(adding.note, NOTE)
    type_chinese(adding.passage, "询问时间：空白")
    _shot(adding, "mark-dialog")
    _save(qtbot, adding)
    qtbot.waitUntil(lambda: marks.dialog is None, timeout=5000)
    (stored,) = reading_marks.my_marks(me, document_id=doc)
    assert (stored.page, stored.note, stored.passage) == (2, NOTE, "询问时间：空白")
    assert marks.list.count() == 1 and marks.list.item(0).text() == "第2页  " + NOTE
    assert "卷1第2页" in marks.list.item(0).toolTip() and "询问时间：空白" in marks.list.item(0).toolTip()
    _shot(dialog, "viewer-with-a-mark")

    # Edit the note: the passage is shown but stays as it was.
    marks.list.setCurrentRow(0)
    assert marks.edit_button.isEnabled()
    qtbot.mouseClick(marks.edit_button, LEFT)
    editing = _mark_dialog(qtbot, marks)
    assert editing.note.toPlainText() == NOTE and editing.passage.isReadOnly()
    editing.note.clear()
    type_chinese(editing.note, "询问起止时间缺失")
    _save(qtbot, editing)
    qtbot.waitUntil(lambda: marks.dialog is None, timeout=5000)
    assert reading_marks.my_marks(me)[0].note == "询问起止时间缺失"
    assert marks.list.item(0).text() == "第2页  询问起止时间缺失"

    # From another page, a double-click on the mark turns the viewer to its page.
    qtbot.mouseClick(dialog.viewer.next_button, LEFT)
    assert dialog.viewer.page_index == 2
    item = marks.list.item(0)
    rect = marks.list.visualItemRect(item)
    qtbot.mouseClick(marks.list.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(marks.list.viewport(), LEFT, pos=rect.center())
    assert dialog.viewer.page_index == 1

    # Removing asks first: Cancel keeps the mark, the confirmation deletes it.
    marks.list.setCurrentRow(0)
    qtbot.mouseClick(marks.remove_button, LEFT)
    box = _box(qtbot, marks)
    assert "第2页" in box.text()
    _press(qtbot, box, QMessageBox.ButtonRole.RejectRole)
    assert [m.id for m in reading_marks.my_marks(me)] == [stored.id]
    qtbot.mouseClick(marks.remove_button, LEFT)
    _press(qtbot, _box(qtbot, marks), QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: reading_marks.my_marks(me) == [], timeout=5000)
    assert marks.message.text() == "已删除该标注。" and marks.list.count() == 1  # the empty line again
    dialog.reject()


def test_another_experts_mark_cannot_be_reached_and_an_admin_has_no_panel(qtbot, panel: Panel) -> None:
    pdf = long_pdf()
    doc = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf", pdf,
                         pdf_page_count(pdf))
    mine = reading_marks.add_mark(panel.login(panel.members[0]), doc, 1, NOTE)
    other = panel.login(panel.members[1])
    dialog = _open(qtbot, other, doc)
    marks = dialog.marks_panel
    assert marks is not None and not marks.marks  # the first member's mark is not listed for the second
    # Were it reached anyway (a stale list), the service refuses and the panel says so in Chinese.
    marks._remove(mine.id)
    assert marks.message.isVisible() and "权限" in marks.message.text()
    dialog.reject()

    admin_view = _open(qtbot, panel.admin, doc)
    assert admin_view.marks_panel is None and not admin_view.findChildren(ReadingMarksPanel)
    admin_view.reject()


def test_a_mark_made_from_the_score_form_is_offered_as_evidence_at_once(qtbot, panel: Panel) -> None:
    from reviewdesk.services import scoring

    pdf = long_pdf()
    doc = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf", pdf,
                         pdf_page_count(pdf))
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    page = open_score_form(qtbot, me)
    a1 = page.form.rows["A1"]
    assert page.form.marks == [] and not a1.marks_button.isVisible()  # nothing to cite yet
    page.open_page(doc, 2)  # what a 卷1第2页 link does
    dialog = page.viewers[-1]
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None and dialog.viewer.page_index == 1, timeout=10000)
    marks = dialog.marks_panel
    assert marks is not None
    qtbot.mouseClick(marks.add_button, LEFT)
    adding = _mark_dialog(qtbot, marks)
    type_chinese(adding.note, NOTE)
    _save(qtbot, adding)
    qtbot.waitUntil(lambda: marks.dialog is None, timeout=5000)
    assert [m.page for m in page.form.marks] == [2] and a1.marks_button.isVisible()
    menu = a1.marks_button.menu()
    menu.aboutToShow.emit()
    assert any("卷1第2页" in a.text() and NOTE in a.text() for a in menu.actions() if a.isEnabled())
    dialog.reject()


def test_a_new_mark_takes_the_selected_lines_or_the_search_terms_line_as_its_passage(
    qtbot, panel: Panel
) -> None:
    from tests.test_search_hits import TERM
    from tests.ui.test_viewer_recognised import _middle, _on_canvas

    pdf = long_pdf()
    doc = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf", pdf,
                         pdf_page_count(pdf))
    me = panel.login(panel.members[0])
    dialog = _open(qtbot, me, doc)
    viewer, marks = dialog.viewer, dialog.marks_panel
    assert marks is not None
    lines = viewer.page_lines()
    [third] = [line for line in lines if line.text.startswith("第2行")]
    [fourth] = [line for line in lines if line.text.startswith("第3行")]

    # Drag over two lines of the text layer: the add button says it takes them, the dialog holds them.
    qtbot.mousePress(viewer.canvas, LEFT, pos=_on_canvas(viewer, *_middle(third.box)))
    qtbot.mouseMove(viewer.canvas, _on_canvas(viewer, *_middle(fourth.box)))
    qtbot.mouseRelease(viewer.canvas, LEFT, pos=_on_canvas(viewer, *_middle(fourth.box)))
    assert marks.add_button.text() == "标注选中的行（第1页）"
    assert viewer.copy_message.text() == "已选中 2 行。按 Ctrl+C 复制；新建标注时作为所标段落。"
    _shot(dialog, "viewer-selected-lines")
    qtbot.mouseClick(marks.add_button, LEFT)
    adding = _mark_dialog(qtbot, marks)
    assert adding.passage.toPlainText() == third.text + "\n" + fourth.text and not adding.passage.isReadOnly()
    type_chinese(adding.note, NOTE)
    _save(qtbot, adding)
    qtbot.waitUntil(lambda: marks.dialog is None, timeout=5000)
    (stored,) = reading_marks.my_marks(me, document_id=doc)
    assert (stored.page, stored.passage) == (1, "第2行：承办人员依法调查取证，情况属实。\n第3行：承办人员依法调查取证，情况属实。")

    # A click off the lines clears the selection, and the button marks the page again, with no passage.
    qtbot.mouseClick(viewer.canvas, LEFT, pos=_on_canvas(viewer, 0.5, 0.98))
    assert marks.add_button.text() == "标注本页（第1页）"
    qtbot.mouseClick(marks.add_button, LEFT)
    adding = _mark_dialog(qtbot, marks)
    assert adding.passage.toPlainText() == ""
    adding.reject()
    dialog.reject()

    # Opened from a search: with nothing selected, the line holding the term is offered (and can be changed).
    found = DocumentViewerDialog(me, doc, find=TERM)
    qtbot.addWidget(found)
    found.show()
    wait_for_jobs()
    qtbot.waitUntil(lambda: found.viewer.info is not None and found.viewer.found_pages() != [], timeout=10000)
    assert found.viewer.page_index + 1 == found.viewer.found_pages()[0] > 1
    assert found.marks_panel is not None
    qtbot.mouseClick(found.marks_panel.add_button, LEFT)
    adding = _mark_dialog(qtbot, found.marks_panel)
    assert adding.passage.toPlainText() == f"法院于次日{TERM}并通知当事人。"
    adding.reject()
    found.reject()


def test_a_mark_on_a_text_document_takes_the_text_selected_in_it(qtbot, panel: Panel) -> None:
    from ui.qt import QTextCursor

    body = "询问笔录\n询问时间：空白\n询问人：李某"
    doc = store_document(panel.admin, panel.case_id, "cases/C1/02-说明.txt", "说明", "text/plain",
                         body.encode(), None)
    me = panel.login(panel.members[0])
    dialog = DocumentViewerDialog(me, doc)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None, timeout=10000)
    viewer, marks = dialog.viewer, dialog.marks_panel
    assert marks is not None and viewer.page_lines() == []  # no page picture: the text view selects itself
    cursor = viewer.text.textCursor()
    cursor.setPosition(body.index("询问时间"))
    cursor.setPosition(body.index("李某") + 2, QTextCursor.MoveMode.KeepAnchor)
    viewer.text.setTextCursor(cursor)
    qtbot.mouseClick(marks.add_button, LEFT)
    adding = _mark_dialog(qtbot, marks)
    assert adding.passage.toPlainText() == "询问时间：空白\n询问人：李某"
    adding.reject()
    dialog.reject()
