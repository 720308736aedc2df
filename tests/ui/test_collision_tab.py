"""The 数据碰撞 tab: imports and 开始碰撞 on the worker, results per unit in an id-based model, the
confirm/clear dialog, cancel, and counts only for an observer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reviewdesk.services import campaigns, collision
from reviewdesk.workspace import OpenWorkspace
from tests.test_collision import OFFICERS, C, extract
from ui.pages.collision_tab import CollisionTab


def _world(ws: OpenWorkspace, tmp_path: Path) -> tuple[Path, Path]:
    campaigns.add_unit(ws, "U-1", "某区人民法院", "court", "320505")
    campaigns.add_unit(ws, "U-2", "某区公安分局", "police", "320506")
    campaigns.create_campaign(ws, C, "2026年案件评查", 2026)
    (tmp_path / "officers.xlsx").write_bytes(OFFICERS)
    (tmp_path / "registry.xlsx").write_bytes(extract())
    return tmp_path / "officers.xlsx", tmp_path / "registry.xlsx"


def test_import_run_and_decide(qtbot, qtmodeltester, admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    officers, registry = _world(admin_ws, tmp_path)
    tab = CollisionTab(admin_ws)
    qtbot.addWidget(tab)
    tab.set_campaign(C)
    qtbot.waitUntil(lambda: "No officers" in tab.counts.text() or bool(tab.counts.text()))
    tab.import_file("officers", str(officers))
    qtbot.waitUntil(lambda: tab.run_button.isEnabled() and "4" in tab.message.text())
    tab.import_file("registry", str(registry))
    qtbot.waitUntil(lambda: tab.run_button.isEnabled() and "7" in tab.message.text())
    tab.start_run()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6)
    qtmodeltester.check(tab.model)
    assert tab.unit.count() == 3  # all units, U-1, U-2
    tab.state.setCurrentIndex(tab.state.findData("pending"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    tab.table.selectRow(0)
    first = tab.selected()
    assert first is not None and first.state == "pending"
    dialog = tab.decide()
    assert dialog is not None and not dialog.ok.isEnabled()
    dialog.choice.setCurrentIndex(dialog.choice.findData("confirm"))  # type: ignore[union-attr]
    dialog.reason.setPlainText("经核实系本人")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)  # the pending filter reloads without it
    decided = {r.id: r for r in collision.matches(admin_ws, C)}[first.id]
    assert (decided.state, decided.reason) == ("confirmed", "经核实系本人")
    tab.teardown()
    assert not tab.holds_data()


def test_cancel_stores_nothing(qtbot, admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    officers, _registry = _world(admin_ws, tmp_path)
    tab = CollisionTab(admin_ws)
    qtbot.addWidget(tab)
    tab.set_campaign(C)
    tab._cancel.set()
    tab._start(lambda: collision.import_officers(admin_ws, C, OFFICERS, "o.xlsx", cancel=lambda: True),
               lambda _r: None)
    qtbot.waitUntil(lambda: tab.run_button.isEnabled() and bool(tab.message.text()))
    assert collision.status(admin_ws, C)["officers_import"] is None


def test_observer_sees_counts_only(qtbot, admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace],
                                   tmp_path: Path) -> None:
    officers, _registry = _world(admin_ws, tmp_path)
    collision.import_officers(admin_ws, C, officers.read_bytes(), "o.xlsx")
    tab = CollisionTab(login_as("observer"))
    qtbot.addWidget(tab)
    tab.set_campaign(C)
    qtbot.waitUntil(lambda: "排查干警" in tab.counts.text())
    assert tab.table.isHidden() and tab.run_button.isHidden() and tab.model.rowCount() == 0
