"""Evidence references as links (issue 18, items 3 and 4), on the real store with real widgets: in the score form a
typed 卷×第×页 is a link that opens the viewer at the page, a reading mark is offered and inserted as a deduction's
evidence (and so cited for the panel), an unresolvable reference warns before submission and the expert may still
submit; in the deliberation view the members' references and the cited marks are links too."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy import select

from reviewdesk.services import reading_marks, scoring
from reviewdesk.store.models import ScoreSheet
from reviewdesk.workspace import OpenWorkspace
from tests.case_files import pdf_page_count, png, store_document
from tests.test_scoring_sheets import Panel, make_panel
from tests.test_search_hits import long_pdf
from tests.ui.conftest import type_chinese
from ui.dialogs.reason import ReasonDialog
from ui.pages.scoring import ScoringPage
from ui.qt import QMessageBox, Qt, QUrl
from ui.widgets.document_viewer import DocumentViewer, DocumentViewerDialog
from ui.worker import wait_for_jobs

LEFT = Qt.MouseButton.LeftButton


def open_score_form(qtbot, me: OpenWorkspace) -> ScoringPage:
    """The scoring page of an expert whose sheet is open, at 1366×768, once its form shows."""
    page = ScoringPage(me)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.score_stack.currentIndex() == 1 and page.form.rows["A1"].evidence.isVisible(),
                    timeout=10000)
    return page


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


def _viewer(qtbot, viewers: list[DocumentViewerDialog], before: int) -> DocumentViewer:
    assert len(viewers) == before + 1
    dialog = viewers[-1]
    wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.viewer.info is not None and dialog.viewer.page_count > 0, timeout=10000)
    return dialog.viewer


def _box(qtbot, page: ScoringPage) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    return next(b for b in page.findChildren(QMessageBox) if b.isVisible())


def _press(qtbot, box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    button = next(b for b in box.buttons() if box.buttonRole(b) == role)
    qtbot.mouseClick(button, LEFT)


def test_references_are_links_marks_are_offered_and_unresolved_ones_warn(qtbot, panel: Panel) -> None:
    pdf = long_pdf()
    count = pdf_page_count(pdf)
    assert count >= 3
    record = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf",
                          pdf, count)
    photo = store_document(panel.admin, panel.case_id, "cases/C1/02-现场照片.png", "现场照片", "image/png", png(),
                         None)
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    mark = reading_marks.add_mark(me, record, 2, "笔录未载明询问起止时间")
    assert mark.reference == "卷1第2页"
    page = open_score_form(qtbot, me)
    form = page.form

    # A typed reference becomes a link naming the document and its own page; it opens the viewer there.
    a1 = form.rows["A1"]
    form.rows["A1"].points.setValue(2)
    type_chinese(a1.reason, "询问笔录缺少起止时间")
    type_chinese(a1.evidence, "卷1第3页")
    assert form.files, page.message.text()
    assert a1.links.isVisible(), (a1.links.text(), a1.evidence.text())
    target = re.search(r'href="([^"]+)"', a1.links.text()).group(1)
    assert target == f"page:{record}:3" and "询问笔录" in a1.links.text() and "第 3 页" in a1.links.text()
    before = len(page.viewers)
    a1.links.linkActivated.emit(target)
    viewer = _viewer(qtbot, page.viewers, before)
    assert viewer.kind == DocumentViewer.KIND_PDF and viewer.page_index == 2 and viewer.page_box.value() == 3

    # The picture after the PDF is one page: 卷1第{count+1}页 is the photo (known now, before any OCR).
    a1.evidence.clear()
    type_chinese(a1.evidence, f"卷1第{count + 1}页")
    assert f'href="page:{photo}:1"' in a1.links.text()

    # The expert's reading mark is offered for a deduction; choosing it puts its 卷×第×页 in the evidence.
    a2 = form.rows["A2"]
    assert a2.marks_button.isVisible()
    menu = a2.marks_button.menu()
    menu.aboutToShow.emit()
    (offered,) = [a for a in menu.actions() if a.isEnabled()]
    assert "卷1第2页" in offered.text() and "笔录未载明询问起止时间" in offered.text()
    offered.trigger()
    assert a2.evidence.text() == "卷1第2页"
    offered.trigger()  # not twice
    assert a2.evidence.text() == "卷1第2页"
    form.rows["A2"].points.setValue(1)
    type_chinese(a2.reason, "询问时间不明")

    # An unresolvable reference is shown in red and warned about before submission, item and reference named.
    type_chinese(a2.evidence, "；卷1第99页")
    assert "卷1第99页" in a2.links.text() and "#b3261e" in a2.links.text()
    assert [(item.code, r.volume_page) for item, r in form.unresolved_references()] == [("A2", 99)]
    assert form.missing() == []
    qtbot.mouseClick(form.submit_button, LEFT)
    box = _box(qtbot, page)
    text = box.text()
    assert "A2" in text and "卷1第99页" in text and "没有第99页" in text and "核对" in text
    _press(qtbot, box, QMessageBox.ButtonRole.RejectRole)  # back to correct it: nothing submitted
    with panel.admin.read_session() as s:
        assert s.execute(select(ScoreSheet.status)).scalar_one() == "draft"
    qtbot.mouseClick(form.submit_button, LEFT)
    box = _box(qtbot, page)
    _press(qtbot, box, QMessageBox.ButtonRole.AcceptRole)  # a warning, not a refusal: submitted as it is
    qtbot.waitUntil(lambda: not page.busy_now(), timeout=10000)
    with panel.admin.read_session() as s:
        assert s.execute(select(ScoreSheet.status)).scalar_one() == "submitted"
    stored = {i.code: i.evidence for i in scoring.sheet(me, panel.case_ref).items}
    assert stored["A2"] == "卷1第2页；卷1第99页"
    # Inserting the mark's reference is what cites it: the panel sees it once the sheet is in.
    assert [m.id for _n, m in reading_marks.cited_marks(panel.admin, panel.case_id)] == [mark.id]

    # Submitted: the form is read-only, no marks to insert, the links still open the pages.
    form = page.form
    assert form.read_only and not form.rows["A2"].marks_button.isVisible()
    assert f'href="page:{record}:2"' in form.rows["A2"].links.text()

    # The deliberation view: the members' references and the cited mark are links that open the page.
    board = page.deliberation
    qtbot.waitUntil(lambda: board.loaded is not None, timeout=10000)
    html = board.evidence.toHtml()
    assert f"page:{record}:2" in html and "询问时间不明" in html and "笔录未载明询问起止时间" in html
    assert "卷1第99页" in html and "案卷中找不到第 99 页" in html  # the unresolved page, in red
    before = len(page.viewers)
    board.evidence.anchorClicked.emit(QUrl(f"page:{record}:2"))
    viewer = _viewer(qtbot, page.viewers, before)
    assert viewer.page_index == 1

    # An amendment is warned the same way before its reason is asked.
    form = page.form
    qtbot.mouseClick(form.amend_button, LEFT)
    qtbot.mouseClick(form.amend_submit_button, LEFT)
    box = _box(qtbot, page)
    assert "卷1第99页" in box.text()
    _press(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ReasonDialog)), timeout=5000)
    next(d for d in page.findChildren(ReasonDialog) if d.isVisible()).reject()
    page.teardown()
    assert not page.holds_data() and page.viewers == []


def test_a_case_without_stored_documents_is_not_warned(qtbot, panel: Panel) -> None:
    """A case whose file came on paper: references stay plain text and submission asks only the usual question."""
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    page = ScoringPage(me)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.score_stack.currentIndex() == 1, timeout=10000)
    a1 = page.form.rows["A1"]
    type_chinese(a1.evidence, "卷1第23页")
    assert not a1.links.isVisible() and page.form.unresolved_references() == []
    assert not a1.marks_button.isVisible()  # no marks yet
    page.teardown()
