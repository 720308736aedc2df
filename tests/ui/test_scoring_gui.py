"""The 评分 page on the real store: certify, fill the sheet through the widgets, draft, submit, amend; office views."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from reviewdesk.services import assignment, scoring
from reviewdesk.store.models import ScoreSheet, ScoreSheetVersion
from reviewdesk.workspace import OpenWorkspace
from tests.test_assignment_service import World
from tests.test_scoring_sheets import Panel, make_panel, pin_test_rubric
from tests.ui.conftest import type_chinese
from ui.dialogs.certify import CertifyDialog
from ui.dialogs.reason import ReasonDialog
from ui.pages.scoring import ScoringPage
from ui.qt import QApplication, QDoubleSpinBox, QMessageBox, QPoint, QPointF, Qt, QWheelEvent
from ui.widgets.common import select_row
from ui.widgets.score_form import MISSING_STYLE, ScoreForm

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


def _page(qtbot, ws: OpenWorkspace) -> ScoringPage:
    page = ScoringPage(ws)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activate()
    return page


def _sheet(ws: OpenWorkspace) -> ScoreSheet | None:
    with ws.read_session() as s:
        return s.execute(select(ScoreSheet)).scalar()


def _type_points(qtbot, spin: QDoubleSpinBox, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)


def _accept_box(qtbot, page: ScoringPage) -> None:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, LEFT)


def _certify(qtbot, page: ScoringPage, admin: OpenWorkspace) -> None:
    assert page.score_stack.currentIndex() == 0 and page.start_button.isVisible()
    qtbot.mouseClick(page.start_button, LEFT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(CertifyDialog)), timeout=5000)
    dialog = next(d for d in page.findChildren(CertifyDialog) if d.isVisible())
    assert "回避声明" in dialog.text.toPlainText()
    assert not dialog.confirm_button.isEnabled()  # the check box comes first
    qtbot.mouseClick(dialog.conflict_button, LEFT)  # declares a conflict: told to see the coordinator, nothing stored
    assert dialog.message.isVisible() and dialog.isVisible() and _sheet(admin) is None
    dialog.check.setChecked(True)
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: page.score_stack.currentIndex() == 1 and not page.busy_now(), timeout=10000)
    sheet = _sheet(admin)
    assert sheet is not None and sheet.status == "draft" and sheet.certification.startswith("回避声明")


def test_expert_certifies_fills_saves_submits_and_amends(qtbot, qtmodeltester, panel: Panel) -> None:
    me = panel.login(panel.members[0])
    page = _page(qtbot, me)
    assert page.cases.rowCount() == 1
    qtmodeltester.check(page.cases)
    _certify(qtbot, page, panel.admin)
    form: ScoreForm = page.form
    assert not form.amend_button.isVisible() and form.submit_button.isVisible()
    assert "100" in form.total_label.text() and "优秀" in form.grade_label.text()
    assert form.rows["B2"].points is None  # record item: no points
    assert form.rows["A1"].veto is not None and form.rows["A2"].veto is None  # veto box only on veto items

    # Deductions typed into the spin boxes: the total and grade follow at once.
    _type_points(qtbot, form.rows["A2"].points, "3")
    assert "97" in form.total_label.text() and "优秀" in form.grade_label.text()
    _type_points(qtbot, form.rows["A1"].points, "10.5")
    assert "86.5" in form.total_label.text() and "合格" in form.grade_label.text()
    # Points > 0 make reason and evidence required: marked red, with a tooltip, counted in the footer.
    reason_a1 = form.rows["A1"].reason
    assert reason_a1.styleSheet() == MISSING_STYLE and reason_a1.toolTip()
    assert "4" in form.missing_label.text()

    # Enter in a field does not submit; the submit button refuses and names the first missing field.
    qtbot.keyClick(reason_a1, Qt.Key.Key_Return)
    page.activateWindow()  # focus needs the active window (the statement dialog was active last)
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    form.comment.setFocus()
    assert not reason_a1.hasFocus()
    qtbot.mouseClick(form.submit_button, LEFT)
    assert page.message.isVisible() and "A1" in page.message.text()
    assert reason_a1.hasFocus()  # the cursor goes to the field to fix
    assert not any(b.isVisible() for b in page.findChildren(QMessageBox))
    assert _sheet(panel.admin).status == "draft"

    type_chinese(reason_a1, "基本事实认定有误")
    type_chinese(form.rows["A1"].evidence, "卷1第23页")
    assert reason_a1.styleSheet() == "" and form.rows["A1"].evidence.styleSheet() == ""
    # The red message follows the fix: it names what is still wrong (A2), not the fixed A1.
    assert page.message.isVisible() and "A1" not in page.message.text() and "A2" in page.message.text()
    # One number format in every part of the sheet (no "0.0" beside "0").
    assert len({row.points.decimals() for row in form.rows.values() if row.points is not None}) == 1
    type_chinese(form.rows["A2"].reason, "证据未经质证")
    qtbot.mouseClick(form.save_button, LEFT)  # a draft may still lack evidence
    qtbot.waitUntil(lambda: not page.busy_now(), timeout=10000)
    draft = scoring.sheet(me, panel.case_ref)
    assert draft.status == "draft" and {i.code: i.points for i in draft.items} == {"A1": 10.5, "A2": 3.0}
    assert page.form.rows["A2"].reason.text() == "证据未经质证"  # reloaded from the store

    form = page.form
    type_chinese(form.rows["A2"].evidence, "第2卷第5-7页")
    assert form.missing() == [] and form.rows["A2"].evidence.styleSheet() == ""
    qtbot.mouseClick(form.submit_button, LEFT)
    _accept_box(qtbot, page)
    qtbot.waitUntil(lambda: _sheet(panel.admin).status == "submitted" and not page.busy_now(), timeout=10000)
    stored = _sheet(panel.admin)
    assert stored.total == 86.5 and stored.grade == "合格" and stored.version == 1

    # Locked: read only, only the amend button.
    form = page.form
    assert form.rows["A2"].points.isReadOnly() and form.rows["A2"].reason.isReadOnly()
    assert form.rows["A1"].veto is not None and not form.rows["A1"].veto.isEnabled()
    assert form.amend_button.isVisible() and not form.save_button.isVisible() and not form.submit_button.isVisible()

    qtbot.mouseClick(form.amend_button, LEFT)
    assert not form.rows["A2"].points.isReadOnly() and form.amend_submit_button.isVisible()
    _type_points(qtbot, form.rows["A2"].points, "5")
    assert "84.5" in form.total_label.text()
    qtbot.mouseClick(form.amend_submit_button, LEFT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ReasonDialog)), timeout=5000)
    dialog = next(d for d in page.findChildren(ReasonDialog) if d.isVisible())
    assert not dialog.ok.isEnabled()
    type_chinese(dialog.reason, "复核卷宗后调整扣分")
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: _sheet(panel.admin).version == 2 and not page.busy_now(), timeout=10000)
    assert _sheet(panel.admin).total == 84.5
    with panel.admin.read_session() as s:
        assert s.execute(select(func.count()).select_from(ScoreSheetVersion)).scalar_one() == 1
    assert page.form.read_only and page.cases.rowCount() == 1
    page.teardown()  # the lock: no rows, no sheet left in the widgets
    assert not page.holds_data()


def test_service_problems_are_marked_on_the_form(qtbot, panel: Panel) -> None:
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    page = _page(qtbot, me)
    form = page.form
    assert page.score_stack.currentIndex() == 1
    _type_points(qtbot, form.rows["B3"].points, "1")  # a bonus needs a reason, not evidence
    assert "101" in form.total_label.text()
    assert form.rows["B3"].reason.styleSheet() == MISSING_STYLE
    assert form.rows["B3"].evidence.styleSheet() == ""
    form.rows["A1"].veto.setChecked(True)
    assert "不合格" in form.grade_label.text()  # a veto gives the lowest grade whatever the total


def test_office_and_observer_see_statuses_not_a_form(
    qtbot, qtmodeltester, panel: Panel, login_as: Callable[[str], OpenWorkspace]
) -> None:
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    scoring.submit(me, panel.case_ref, [{"code": "A2", "points": 2, "reason": "理由", "evidence": "卷1第2页"}])
    other = panel.login(panel.members[1])
    scoring.certify(other, panel.case_ref)  # a draft: the admin sees it, the observer does not

    admin_page = _page(qtbot, panel.admin)
    assert not admin_page.findChildren(ScoreForm)
    assert admin_page.panel_cases.rowCount() == 1 and admin_page.member_sheets.rowCount() == 3
    statuses = sorted(admin_page.member_sheets.row_at(n).status for n in range(3))
    qtmodeltester.check(admin_page.panel_cases)
    qtmodeltester.check(admin_page.member_sheets)
    assert statuses == ["draft", "submitted", "uncertified"]

    observer_page = _page(qtbot, login_as("observer"))
    assert not observer_page.findChildren(ScoreForm)
    statuses = sorted(observer_page.member_sheets.row_at(n).status for n in range(3))
    assert statuses == ["not_submitted", "not_submitted", "submitted"]
    totals = [observer_page.member_sheets.row_at(n).total for n in range(3)]
    assert 98.0 in totals
    observer_page.teardown()
    assert not observer_page.holds_data()


def test_unsaved_edits_are_kept_unless_dropped_and_the_wheel_leaves_points_alone(qtbot, panel: Panel) -> None:
    second = World(panel.admin).campaign("K2", cases=[panel.case_id])
    pin_test_rubric(panel.admin, second)
    assignment.apply(panel.admin, second, seed="again")
    on_both = next(m.external_id for m in assignment.panels(panel.admin, second)[0].members
                   if m.external_id in panel.members)
    me = panel.login(on_both)
    scoring.certify(me, panel.case_ref, campaign_id=panel.campaign)
    scoring.certify(me, panel.case_ref, campaign_id=second)
    page = _page(qtbot, me)
    assert page.cases.rowCount() == 2
    first = page.selected_case()
    assert first is not None

    spin = page.form.rows["A2"].points
    page.form.comment.setFocus()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == 0  # not focused: scrolling the sheet does not change points

    _type_points(qtbot, spin, "4")
    assert page.form.is_dirty()
    select_row(page.cases_table, 1)  # another case: the edit is kept and the expert is asked
    assert page.selected_case() == first and page.form.rows["A2"].points.value() == 4
    _accept_box(qtbot, page)  # drop the changes
    qtbot.waitUntil(lambda: page.selected_case() != first, timeout=5000)
    assert page.form.rows["A2"].points.value() == 0 and not page.form.is_dirty()
