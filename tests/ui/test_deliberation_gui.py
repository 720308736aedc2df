"""The 合议 and 谈话笔录 tabs on real widgets and the real store: flags and highlighted items, the leader's
conclusion through the form, an interview recorded through the editor, and blindness for a member."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.modeltest import ModelTester
from sqlalchemy import select

from reviewdesk.services import deliberation, experts, interviews
from reviewdesk.store.models import Conclusion
from reviewdesk.workspace import OpenWorkspace
from tests.case_files import store_document
from tests.test_deliberation import Panel, _expert_login
from tests.test_search_hits import long_pdf
from tests.ui.conftest import type_chinese
from ui.dialogs.conclusion import DESCRIPTION, EVIDENCE, ConclusionDialog
from ui.dialogs.interview_editor import InterviewEditor
from ui.models.deliberation import DISAGREE_BRUSH, form_error_text, interview_relation_label
from ui.qt import QDateTime, Qt, QUrl
from ui.widgets.common import select_row
from ui.widgets.deliberation_view import DeliberationPanel
from ui.widgets.interviews_panel import InterviewsPanel
from ui.worker import wait_for_jobs

LEFT = Qt.MouseButton.LeftButton


def _settle(qtbot, condition: Callable[[], object], timeout: int = 10000) -> None:
    """Wait for the screen, then for the worker thread to return: the job it reported to is deleted on the next
    event-loop turn, and that must not race the worker still letting go of it."""
    qtbot.waitUntil(condition, timeout=timeout)
    wait_for_jobs()


@pytest.fixture
def board(admin_ws: OpenWorkspace) -> Panel:
    return Panel(admin_ws)


def _panel(qtbot, ws: OpenWorkspace, board: Panel) -> DeliberationPanel:
    panel = DeliberationPanel(ws)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_case(board.case, board.campaign)
    _settle(qtbot, lambda: panel._job is None and (panel.loaded is not None or panel.message.isVisible()),
                    timeout=10000)
    return panel


def _dialog(qtbot, panel: DeliberationPanel) -> ConclusionDialog:
    qtbot.mouseClick(panel.conclude_button, LEFT)
    _settle(qtbot, lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=10000)
    assert panel.dialog is not None
    return panel.dialog


def test_flags_and_the_disagreeing_item_are_shown(qtbot, qtmodeltester: ModelTester, board: Panel,
                                                  admin_ws: OpenWorkspace) -> None:
    board.sheet(1, 92, items={"P2.2": (1, False, "文书格式不规范")})
    board.sheet(2, 78, items={"P2.1": (6, False, "未告知诉讼权利"), "P2.2": (1, False, "文书格式不规范")})
    board.sheet(3, 85, items={"P2.2": (1, False, "文书格式不规范")})
    panel = _panel(qtbot, admin_ws, board)
    assert panel.loaded is not None
    banner = panel.banner.text()
    assert panel.banner.isVisible()
    assert "14" in banner and "10" in banner  # spread 14 above the threshold 10, in words
    assert banner.count("•") == 2  # and a second sentence: the grades differ (优秀 / 合格)
    assert [panel.members.data(panel.members.index(r, panel.members.TOTAL)) for r in range(3)] == ["92", "78", "85"]
    assert "85" in panel.summary.text()  # mean and median
    qtmodeltester.check(panel.members)
    qtmodeltester.check(panel.compare)
    rows = {panel.compare.row_at(r).code: r for r in range(panel.compare.rowCount())}
    assert list(rows) == ["P2.1", "P2.2"]  # every item somebody deducted, not only the disputed one; rubric order
    disputed, agreed = rows["P2.1"], rows["P2.2"]
    assert panel.compare.data(panel.compare.index(disputed, 0), Qt.ItemDataRole.BackgroundRole) == DISAGREE_BRUSH
    assert panel.compare.data(panel.compare.index(agreed, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert panel.compare.headerData(2, Qt.Orientation.Horizontal) == "专家E2"
    assert panel.compare.data(panel.compare.index(disputed, 2)) == "6"
    tip = panel.compare.data(panel.compare.index(disputed, 2), Qt.ItemDataRole.ToolTipRole)
    assert "未告知诉讼权利" in tip and "卷1第2页" in tip
    assert panel.conclude_button.isVisible()  # an admin, everyone submitted


def test_leader_records_a_conclusion_through_the_form(qtbot, board: Panel, admin_ws: OpenWorkspace,
                                                      login_as: Callable[[str], OpenWorkspace]) -> None:
    leader = login_as("expert")
    experts.link_account(admin_ws, "E1", "expert1")
    for n, total in ((1, 72), (2, 71), (3, 73)):
        board.sheet(n, total, items={"P2.1": (n, False, "程序瑕疵")})
    panel = _panel(qtbot, leader, board)
    assert panel.conclude_button.isVisible()
    dialog = _dialog(qtbot, panel)
    assert "72" in dialog.score.text() and "合格" in dialog.score.text()
    assert dialog.grade.currentText() == "合格" and not dialog.grade_reason.isEnabled()
    assert not dialog.veto_kept.isVisible()  # nobody marked a veto

    # The members' deductions are listed; "no problem" beside them needs no reason here (they are procedural).
    assert dialog.deductions.rowCount() == 3 and "P2.1" in dialog.deductions.item(0, 1).text()
    assert "*" not in dialog.outcome_reason_label.text()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("flawed"))
    assert dialog.correction.isChecked() and dialog.findings.rowCount() == 1  # filled in for the user
    dialog.remove_finding()
    assert not dialog.pick_button.isEnabled()
    dialog.deductions.selectAll()  # the three members' deductions on P2.1 make one problem
    qtbot.mouseClick(dialog.pick_button, LEFT)
    assert dialog.findings.rowCount() == 1
    assert dialog.findings.item(0, DESCRIPTION).text() == "程序瑕疵"  # prefilled from the deduction
    assert dialog.findings.item(0, EVIDENCE).text() == "卷1第2页"
    assert dialog.findings.cellWidget(0, 0).currentText() == "程序违法"  # the item's category
    dialog.findings.item(0, DESCRIPTION).setText("未按期告知诉讼权利")
    dialog.majority.setFocus()
    type_chinese(dialog.majority, "程序存在瑕疵，应予整改")
    dialog.grade.setCurrentText("瑕疵")  # an override …
    assert dialog.grade_reason.isEnabled() and "*" in dialog.grade_reason_label.text()
    qtbot.mouseClick(dialog.save_button, LEFT)  # … without a reason is refused, naming the field
    _settle(qtbot, lambda: dialog.message.isVisible(), timeout=10000)
    assert "理由" in dialog.message.text() and dialog.isVisible()  # the core's words: 须说明理由
    with admin_ws.read_session() as s:
        assert s.execute(select(Conclusion)).first() is None

    dialog.grade_reason.setFocus()
    type_chinese(dialog.grade_reason, "文书问题较多，降为瑕疵")
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, lambda: panel.dialog is None, timeout=10000)
    _settle(qtbot, lambda: panel.loaded is not None and panel.loaded.view.conclusion is not None, timeout=10000)
    done = deliberation.deliberation(admin_ws, board.case).conclusion
    assert done is not None
    assert (done.grade, done.computed_grade, done.grade_reason, done.outcome, done.version) == (
        "瑕疵", "合格", "文书问题较多，降为瑕疵", "flawed", 1)
    assert done.findings[0].evidence_ref == "卷1第2页" and done.actions["correction"]["required"]
    assert [r.expert_id for r in done.findings[0].basis] == ["E1", "E2", "E3"]
    shown = panel.conclusion.text()
    # Who and when as people read them: the display name (not the user name), local time without "+00:00".
    assert panel.conclusion.isVisible() and "1" in shown.splitlines()[0] and "expert 用户" in shown
    assert "expert1" not in shown and "+00:00" not in shown and "T" not in shown.splitlines()[0]
    assert "瑕疵" in shown and "卷1第2页" in shown and panel.message.isVisible()

    # Issue 18: once the case's file is stored, the finding's and the deductions' 卷1第2页 are links to page 2.
    assert "href" not in panel.evidence.toHtml()  # no document stored yet: plain text, nothing to open
    pdf = long_pdf()
    doc = store_document(admin_ws, board.case, "cases/C1/01-笔录.pdf", "笔录", "application/pdf", pdf, 3)
    panel.reload()
    html = panel.evidence.toHtml()
    assert "合议认定的问题" in html and "未按期告知诉讼权利" in html and "扣分事项及证据位置" in html
    assert html.count(f"page:{doc}:2") == 4  # three members' deductions and the finding
    panel.detail_tabs.setCurrentWidget(panel.evidence)
    opened: list[tuple[int, int]] = []
    panel.open_page.connect(lambda d, p: opened.append((d, p)))
    panel.evidence.anchorClicked.emit(QUrl(f"page:{doc}:2"))
    assert opened == [(doc, 2)]


def test_an_interview_is_recorded_through_the_editor_and_listed(qtbot, board: Panel,
                                                                admin_ws: OpenWorkspace) -> None:
    panel = InterviewsPanel(admin_ws)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_case(board.case, board.campaign)
    _settle(qtbot, lambda: panel._job is None and panel.new_button.isEnabled(), timeout=10000)
    assert panel.model.rowCount() == 0
    qtbot.mouseClick(panel.new_button, LEFT)
    editor = panel.editor
    assert isinstance(editor, InterviewEditor) and editor.isVisible()
    assert editor.interviewer_names() == ["专家E1", "专家E2", "专家E3"]  # the panel, pre-filled

    start = QDateTime.currentDateTime().addDays(-1)
    editor.started.setDateTime(start)
    editor.ended.setDateTime(start.addSecs(5400))
    editor.place.setFocus()
    type_chinese(editor.place, "某县人民法院第三会议室")
    type_chinese(editor.recorder, "李敏")
    type_chinese(editor.interviewee, "张某")
    editor.relation.setCurrentIndex(editor.relation.findData("handler"))
    for box in list(editor.notices.values())[:3]:
        box.setChecked(True)
    editor.qa.item(0, 0).setText("你是否为本案承办人？")
    editor.qa.item(0, 1).setText("是。")
    type_chinese(editor.confirmation, "以上笔录我已看过，与我说的相符。")
    qtbot.mouseClick(editor.save_button, LEFT)  # a handler without a unit is refused, naming the field
    _settle(qtbot, lambda: editor.message.isVisible(), timeout=10000)
    assert "单位" in editor.message.text()
    type_chinese(editor.unit, "某县人民法院")
    qtbot.mouseClick(editor.save_button, LEFT)
    _settle(qtbot, lambda: "告知如实陈述的义务" in editor.message.text(), timeout=10000)
    editor.notices["truth_duty"].setChecked(True)
    editor.add_qa("是否存在超期情况？", "没有。")
    qtbot.mouseClick(editor.save_button, LEFT)
    _settle(qtbot, lambda: panel.model.rowCount() == 1 and panel._job is None, timeout=10000)
    assert panel.model.data(panel.model.index(0, panel.model.NAME)) == "张某"
    assert panel.model.data(panel.model.index(0, panel.model.RELATION)) == interview_relation_label("handler")
    [stored] = interviews.interviews(admin_ws, board.case)
    assert stored.interviewee_unit == "某县人民法院" and len(stored.qa) == 2 and stored.interviewers[0] == "专家E1"

    select_row(panel.table, 0)  # open it again and change the place
    qtbot.mouseClick(panel.open_button, LEFT)
    editor = panel.editor
    assert editor is not None and editor.place.text() == "某县人民法院第三会议室"
    assert editor.started.dateTime().toString("yyyy-MM-dd HH:mm") == start.toString("yyyy-MM-dd HH:mm")
    editor.place.clear()
    type_chinese(editor.place, "某县人民法院第一会议室")
    qtbot.mouseClick(editor.save_button, LEFT)
    _settle(qtbot, lambda: panel.editor is None and panel._job is None, timeout=10000)
    assert interviews.interviews(admin_ws, board.case)[0].place == "某县人民法院第一会议室"
    assert panel.model.rowCount() == 1


def test_a_member_who_has_not_submitted_sees_only_the_refusal(qtbot, board: Panel, admin_ws: OpenWorkspace) -> None:
    member = _expert_login(admin_ws, "E2", "expert2")
    try:
        board.sheet(1, 90, items={"P2.1": (2, False, "程序瑕疵")})
        board.sheet(2, 70, status="draft")
        panel = _panel(qtbot, member, board)
        assert panel.loaded is None
        text = panel.message.text()
        assert panel.message.isVisible() and ("提交" in text or "submitted" in text)
        assert "权限" not in text and "role" not in text  # not the generic refusal
        assert panel.members.rowCount() == 0 and panel.compare.rowCount() == 0
        assert not panel.summary.isVisible() and not panel.banner.isVisible()
        assert not panel.conclude_button.isVisible()
    finally:
        member.close()


def test_field_names_in_errors_are_the_forms_words() -> None:
    from reviewdesk.errors import ValidationError

    err = ValidationError("findings[1].evidence_ref", "give the evidence", message_zh="证据出处须写作“卷×第×页”")
    text = form_error_text(err)
    assert text.startswith(("问题 2", "Problem 2")) and "卷×第×页" in text and "findings" not in text


def test_a_member_who_submitted_sees_the_board_but_does_not_conclude(qtbot, board: Panel,
                                                                     admin_ws: OpenWorkspace) -> None:
    member = _expert_login(admin_ws, "E2", "expert2")
    try:
        for n, total in ((1, 90), (2, 88), (3, 89)):
            board.sheet(n, total)
        panel = _panel(qtbot, member, board)
        assert panel.loaded is not None and panel.members.rowCount() == 3
        assert not panel.message.isVisible() and panel.banner.isVisible()
        assert not panel.conclude_button.isVisible()  # only the leader (or an admin) records the conclusion
    finally:
        member.close()

