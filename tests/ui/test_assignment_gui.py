"""The panels page against the real store: draw, save, decide a soft finding, replace a member; observers only read."""

from __future__ import annotations

from sqlalchemy import func, select

from reviewdesk.store.models import PanelChange, PanelMember, RecusalDecision
from reviewdesk.workspace import OpenWorkspace
from tests.test_assignment_service import World
from tests.ui.conftest import type_chinese
from ui.dialogs.reason import ReasonDialog
from ui.pages.assignment import AssignmentPage
from ui.qt import QMessageBox, Qt
from ui.widgets.common import select_row

LEFT = Qt.MouseButton.LeftButton


def _world(ws: OpenWorkspace) -> tuple[str, list[int]]:
    w = World(ws)
    for n in range(1, 9):
        w.expert(f"E{n}", f"U{n}", specialties="criminal,civil")
    # Case C1 names a handler called like expert E1, without identity numbers: a soft finding to decide.
    cases = [w.case("C1", "U9", handlers=[("专家E1", "")]), w.case("C2", "U9"), w.case("C3", "U10", "civil")]
    with ws.write_session() as s, s.begin():
        from reviewdesk.store.models import CaseHandler

        s.execute(CaseHandler.__table__.update().values(id_number=None))
    return w.campaign("K1", cases=cases), cases


def _count(ws: OpenWorkspace, model: type) -> int:
    with ws.read_session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _page(qtbot, ws: OpenWorkspace) -> AssignmentPage:
    page = AssignmentPage(ws)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)  # the page reads on the worker
    return page


def _accept_box(qtbot, page: AssignmentPage) -> None:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, LEFT)


def _reason(qtbot, page: AssignmentPage, text: str, choice: int | None = None) -> None:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ReasonDialog)), timeout=5000)
    dialog = next(d for d in page.findChildren(ReasonDialog) if d.isVisible())
    assert not dialog.ok.isEnabled()  # a reason is required
    if choice is not None:
        assert dialog.choice is not None
        dialog.choice.setCurrentIndex(choice)
    type_chinese(dialog.reason, text)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, LEFT)


def test_draw_preview_then_save(qtbot, admin_ws: OpenWorkspace) -> None:
    campaign, _cases = _world(admin_ws)
    page = _page(qtbot, admin_ws)
    assert page.campaign_id() == campaign
    assert "尚未保存" in page.summary.text() or "还没有" in page.summary.text() or page.panels.rowCount() == 0
    assert not page.save_button.isEnabled()
    qtbot.keyClicks(page.seed, "seed-2026")
    qtbot.mouseClick(page.draw_button, LEFT)
    qtbot.waitUntil(lambda: page.proposal is not None, timeout=20000)
    assert page.panels.rowCount() == 3
    assert "预览" in page.summary.text() and "seed-2026" in page.summary.text()
    assert _count(admin_ws, PanelMember) == 0  # a preview stores nothing
    qtbot.mouseClick(page.save_button, LEFT)
    _accept_box(qtbot, page)
    qtbot.waitUntil(lambda: _count(admin_ws, PanelMember) == 9, timeout=20000)
    qtbot.waitUntil(lambda: page.proposal is None and not page.is_loading() and page.panels.rowCount() == 3,
                    timeout=15000)
    assert "已保存" in page.panels.data(page.panels.index(0, page.panels.STATUS))


def test_soft_finding_cleared_and_member_replaced(qtbot, admin_ws: OpenWorkspace) -> None:
    _world(admin_ws)
    page = _page(qtbot, admin_ws)
    qtbot.mouseClick(page.draw_button, LEFT)
    qtbot.waitUntil(lambda: page.proposal is not None, timeout=20000)
    qtbot.mouseClick(page.save_button, LEFT)
    _accept_box(qtbot, page)
    qtbot.waitUntil(lambda: _count(admin_ws, PanelMember) == 9 and page.proposal is None, timeout=20000)

    # Case C1: the name-only match with its handler waits for a decision.
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)
    select_row(page.table, page.panels.row_of(page.panels.row_at(0).case.id))
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)
    rows = [page.findings.row_at(n) for n in range(page.findings.rowCount())]
    pending = [n for n, r in enumerate(rows) if r is not None and r.item.status == "pending"]
    assert pending, "the soft finding is listed"
    assert "待决定" in page.findings.data(page.findings.index(pending[0], page.findings.STATUS))
    select_row(page.findings_table, pending[0])
    assert page.clear_button.isEnabled()
    qtbot.mouseClick(page.clear_button, LEFT)
    _reason(qtbot, page, "同名不同人，经核实非原承办人")
    qtbot.waitUntil(lambda: _count(admin_ws, RecusalDecision) == 1, timeout=5000)
    assert "已记录" in page.message.text()

    # Replace a member of the first panel with the best backup.
    select_row(page.members_table, 1)
    assert page.replace_button.isEnabled()
    qtbot.mouseClick(page.replace_button, LEFT)
    _reason(qtbot, page, "专家临时申请回避")
    qtbot.waitUntil(lambda: _count(admin_ws, PanelChange) == 1, timeout=5000)
    assert _count(admin_ws, PanelMember) == 9
    assert "已调整" in page.message.text()


def test_observer_reads_but_cannot_draw(qtbot, admin_ws: OpenWorkspace, login_as) -> None:
    _world(admin_ws)
    page = _page(qtbot, login_as("observer"))
    assert page.campaign_id() is not None
    assert not page.draw_button.isVisibleTo(page) and not page.save_button.isVisibleTo(page)
    assert not page.message.isVisible()


def test_recusal_matter_recorded_from_the_page(qtbot, admin_ws: OpenWorkspace) -> None:
    from reviewdesk.store.models import RecusalDeclaration
    from ui.dialogs.declaration import DeclarationDialog

    _world(admin_ws)
    page = _page(qtbot, admin_ws)
    qtbot.mouseClick(page.draw_button, LEFT)
    qtbot.waitUntil(lambda: page.proposal is not None, timeout=20000)
    select_row(page.table, 1)
    assert page.declare_button.isEnabled()
    qtbot.mouseClick(page.declare_button, LEFT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(DeclarationDialog)), timeout=5000)
    dialog = next(d for d in page.findChildren(DeclarationDialog) if d.isVisible())
    assert not dialog.ok.isEnabled()  # expert and facts are required
    dialog.expert.setCurrentIndex(dialog.expert.findData("E2"))
    type_chinese(dialog.note_edit, "专家本人提出与一方当事人系同学，申请回避，准许")
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: _count(admin_ws, RecusalDeclaration) == 1, timeout=5000)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)
    rules = {(r.expert_external_id, r.item.finding.rule_id) for r in (page.findings.row_at(n) for n in range(page.findings.rowCount())) if r}
    assert ("E2", "declared") in rules
    assert "已登记" in page.message.text()


def test_preview_says_which_requirement_is_impossible_in_chinese(qtbot, admin_ws: OpenWorkspace) -> None:
    import json

    w = World(admin_ws)
    for i, prof in enumerate(["judge", "judge", "judge", "prosecutor", "lawyer", "lawyer"]):
        w.expert(f"L{i}", f"V{i}", profession=prof, max_load=1 if prof == "lawyer" else None)
    cases = [w.case(f"D{i}", "H") for i in range(3)]
    w.campaign("K2", cases=cases, composition=json.dumps([{"professions": ["lawyer"], "min": 1}]))
    page = _page(qtbot, admin_ws)
    page.campaign.setCurrentIndex(page.campaign.findData("K2"))
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)
    qtbot.mouseClick(page.draw_button, LEFT)
    qtbot.waitUntil(lambda: page.proposal is not None, timeout=20000)
    text = page.summary.text()
    assert "求解器已证明不可能" in text and "3 件案件每件至少需要 1 名lawyer成员" in text and "最多只能承担 2 个" in text
    assert "未经证明" not in text
