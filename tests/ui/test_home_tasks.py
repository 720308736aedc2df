"""The home page: an expert's tasks from the real demo world (declarations, sheets, deliberations), each opening
the scoring page on its case; the campaigns' stages counted from the data."""

from __future__ import annotations

import pytest

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import PermissionDenied
from reviewdesk.services import assignment, experts, my_tasks
from reviewdesk.services.campaign_progress import campaign_progress
from reviewdesk.workspace import Workspace
from ui.qt import Qt


def _open_as(demo_ws, external_id: str):
    account = experts.expert_detail(demo_ws, external_id).account
    assert account
    return Workspace(demo_ws.workspace.folder).open(account, DEMO_PASSWORD)


def _double_click(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_tasks_follow_the_state_of_panels_sheets_and_conclusions(demo_ws):
    views = assignment.panels(demo_ws, DEMO_CAMPAIGN)
    concluded, waiting = views[0], views[4]  # the demo: panels 1-6 submitted, 1-4 concluded
    leader = next(m for m in waiting.members if m.role == "leader")
    member = next(m for m in waiting.members if m.role != "leader")
    with _open_as(demo_ws, leader.external_id) as ws:
        tasks = {(t.case_id, t.kind) for t in my_tasks.my_tasks(ws)}
        assert (waiting.case.id, "conclude") in tasks
    with _open_as(demo_ws, member.external_id) as ws:
        mine = [t for t in my_tasks.my_tasks(ws) if t.case_id == waiting.case.id]
        assert [(t.kind, t.submitted, t.members) for t in mine] == [("deliberate", 3, 3)]
    for seat in concluded.members:
        with _open_as(demo_ws, seat.external_id) as ws:
            assert concluded.case.id not in {t.case_id for t in my_tasks.my_tasks(ws)}
    with pytest.raises(PermissionDenied):
        my_tasks.my_tasks(demo_ws)  # the admin has no tasks of an expert


def test_expert_home_lists_tasks_and_a_double_click_opens_the_case(qtbot, demo_ws, main_window):
    with Workspace(demo_ws.workspace.folder).open("zhanghua", DEMO_PASSWORD) as ws:
        expected = my_tasks.my_tasks(ws)
        assert expected and {t.kind for t in expected} == {"declare"}  # the demo's 张华 has not begun
        main = main_window(ws)
        home = main.pages["home"]
        assert home.tasks_table.isVisible() and home.tasks.rowCount() == len(expected)
        assert home.tasks.index(0, 0).data() == "阅读并签署回避声明"
        _double_click(qtbot, home.tasks_table, 1)
        assert main.current_key() == "scoring"
        scoring = main.pages["scoring"]
        chosen = scoring.selected_case()
        assert (chosen.campaign_id, chosen.case_id) == (expected[1].campaign_id, expected[1].case_id)
        assert scoring.tabs.currentWidget() is scoring.score_stack


def test_a_leaders_waiting_conclusion_opens_the_deliberation(qtbot, demo_ws, main_window):
    waiting = assignment.panels(demo_ws, DEMO_CAMPAIGN)[4]
    leader = next(m for m in waiting.members if m.role == "leader")
    with _open_as(demo_ws, leader.external_id) as ws:
        main = main_window(ws)
        home = main.pages["home"]
        row = next(r for r in range(home.tasks.rowCount()) if home.tasks.row_at(r).case_id == waiting.case.id)
        assert "组长" in home.tasks.index(row, 0).data()
        home.tasks_table.selectRow(row)
        qtbot.mouseClick(home.open_button, Qt.MouseButton.LeftButton)
        scoring = main.pages["scoring"]
        assert main.current_key() == "scoring" and scoring.selected_case().case_id == waiting.case.id
        assert scoring.tabs.currentWidget() is scoring.deliberation


def test_campaign_stage_is_counted_from_the_data(demo_ws, main_window, qtbot):
    progress = campaign_progress(demo_ws)[DEMO_CAMPAIGN]
    assert progress.stage == "reviewing" and progress.concluded == 4 and progress.cases >= 40
    main = main_window(demo_ws)
    home = main.pages["home"]
    assert not hasattr(home, "tasks_table")  # the office has no expert's task list
    qtbot.waitUntil(lambda: home.model.rowCount() > 0 and not home.is_loading())  # read on the worker
    texts = {home.model.index(r, 0).data(): home.model.index(r, 5).data() for r in range(home.model.rowCount())}
    assert texts[DEMO_CAMPAIGN] == f"评查中（已合议 4/{progress.cases} 件）"
    assert "筹备中" in texts.values()  # the second demo campaign has no case yet


def test_tasks_carry_the_campaigns_scoring_deadline(demo_ws, main_window):
    """A deadline set on the campaign reaches every task of it: overdue, due within five working days, or
    later; a bad date is refused naming the field; `none` on the CLI removes it (the service takes None)."""
    from datetime import timedelta

    from reviewdesk.clock import now
    from reviewdesk.errors import ValidationError
    from reviewdesk.services import campaigns

    with pytest.raises(ValidationError, match="scoring_deadline"):
        campaigns.set_campaign_rules(demo_ws, DEMO_CAMPAIGN, scoring_deadline="2026-02-30")
    today = now().date()
    for deadline, due in ((today - timedelta(days=1), "overdue"), (today, "soon"), (today + timedelta(days=60), None)):
        info = campaigns.set_campaign_rules(demo_ws, DEMO_CAMPAIGN, scoring_deadline=deadline.isoformat())
        assert info.scoring_deadline == deadline.isoformat()
        with Workspace(demo_ws.workspace.folder).open("zhanghua", DEMO_PASSWORD) as ws:
            tasks = my_tasks.my_tasks(ws)
            assert tasks and {(t.deadline, t.due) for t in tasks} == {(deadline.isoformat(), due)}
    with Workspace(demo_ws.workspace.folder).open("zhanghua", DEMO_PASSWORD) as ws:
        home = main_window(ws).pages["home"]
        column = home.tasks.DUE
        assert home.tasks.headerData(column, Qt.Orientation.Horizontal) == "评分截止"
        assert home.tasks.index(0, column).data() == (today + timedelta(days=60)).isoformat()
    campaigns.set_campaign_rules(demo_ws, DEMO_CAMPAIGN, scoring_deadline=(today - timedelta(days=3)).isoformat())
    with Workspace(demo_ws.workspace.folder).open("zhanghua", DEMO_PASSWORD) as ws:
        home = main_window(ws).pages["home"]
        assert home.tasks.index(0, home.tasks.DUE).data().endswith("（已逾期）")
        assert home.tasks.index(0, home.tasks.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert campaigns.set_campaign_rules(demo_ws, DEMO_CAMPAIGN, scoring_deadline=None).scoring_deadline is None
