"""The selection dialog against the real store: fill it in, preview, store; key case by hand; errors shown."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewdesk.services import selection
from reviewdesk.store.models import CampaignCase, Selection
from reviewdesk.workspace import OpenWorkspace
from tests.test_selection import make_campaign
from tests.ui.conftest import type_chinese
from ui.dialogs.selection import SelectionDialog, checked, set_checked
from ui.qt import QCoreApplication, Qt

LEFT = Qt.MouseButton.LeftButton
TR_FILE = Path("/work/tr/selection.json")  # new strings with their Chinese, for the lead to merge


def tr(text: str) -> str:
    return QCoreApplication.translate("SelectionDialog", text)


def _dialog(qtbot, ws: OpenWorkspace) -> SelectionDialog:
    dialog = SelectionDialog(ws, "C1")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_fill_preview_and_store(qtbot, admin_ws: OpenWorkspace) -> None:
    make_campaign(admin_ws, 30)
    dialog = _dialog(qtbot, admin_ws)
    assert dialog.campaign.currentData() == "C1" and len(dialog.seed.text()) >= 12  # a fresh seed is offered
    assert dialog.apply_button.text() == tr("Draw and store") and dialog.preview_button.text() == tr("Preview")
    dialog.by_ratio.setChecked(True)
    dialog.ratio.setValue(0.2)
    set_checked(dialog.types, {"civil", "criminal", "enforcement"})
    dialog.strata.setCurrentIndex(dialog.strata.findData("unit"))
    dialog.seed.clear()
    qtbot.keyClicks(dialog.seed, "gansu-2026")
    assert checked(dialog.types) == ["criminal", "civil", "enforcement"]
    assert not dialog.apply_button.isEnabled()  # nothing to store before a preview

    qtbot.mouseClick(dialog.preview_button, LEFT)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    expected = selection.draw(admin_ws, "C1", ratio="0.2", where=["type=civil,criminal,enforcement"], strata="unit", seed="gansu-2026", dry_run=True)
    assert dialog.table.rowCount() == expected.count == 5  # ceil(0.2 × 23)
    assert [dialog.table.item(r, 1).text() for r in range(5)] == [c.external_id for c in expected.cases]
    with admin_ws.read_session() as s:
        assert s.execute(select(Selection)).first() is None  # preview stores nothing

    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.selection_changed, timeout=10000) as signal:
        qtbot.mouseClick(dialog.apply_button, LEFT)
    assert signal.args == ["C1"]
    with admin_ws.read_session() as s:
        row = s.execute(select(Selection)).scalar_one()
        assert row.seed == "gansu-2026" and json.loads(row.params)["strata"] == "unit"
        stored = set(s.execute(select(CampaignCase.case_id).where(CampaignCase.how == "random")).scalars())
    assert stored == {c.case_id for c in expected.cases}
    assert "gansu-2026" in dialog.message.text() and selection.verify(admin_ws, "C1").ok


def test_changing_a_parameter_needs_a_new_preview_and_errors_are_shown(qtbot, admin_ws: OpenWorkspace) -> None:
    make_campaign(admin_ws, 5)
    dialog = _dialog(qtbot, admin_ws)
    dialog.count.setValue(3)
    qtbot.mouseClick(dialog.preview_button, LEFT)
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=10000)
    dialog.count.setValue(9)
    assert not dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10000)
    assert "要求抽取 9 件，但案件池只有 5 件" in dialog.message.text()
    assert not dialog.apply_button.isEnabled()


def test_key_case_by_hand(qtbot, admin_ws: OpenWorkspace) -> None:
    ids = make_campaign(admin_ws, 5)
    dialog = _dialog(qtbot, admin_ws)
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.key_case, "GS-2026-0002")
    qtbot.mouseClick(dialog.key_button, LEFT)
    assert dialog.message.text() == tr("Enter the reason.")  # the reason is required before anything runs
    type_chinese(dialog.key_reason, "群众反映强烈")
    with qtbot.waitSignal(dialog.selection_changed, timeout=10000):
        qtbot.mouseClick(dialog.key_button, LEFT)
    rows = selection.selected_cases(admin_ws, "C1")
    assert [(r.case_id, r.how, r.reason) for r in rows] == [(ids[2], "key", "群众反映强烈")]
    assert dialog.key_case.text() == ""


def test_every_new_string_has_a_chinese_translation() -> None:
    """Until the lead merges them into the catalogue, the strings and their Chinese live in TR_FILE."""
    if not TR_FILE.exists():
        pytest.skip("translations already merged into resources/translations")
    source = Path(__file__).resolve().parents[2] / "ui" / "dialogs" / "selection.py"
    strings = {
        node.args[0].value
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
    }
    table = json.loads(TR_FILE.read_text(encoding="utf-8"))["SelectionDialog"]
    assert strings - table.keys() == set()
    assert all(table[s] and table[s].count("{") == s.count("{") for s in strings)
    assert table["Preview"] == "预览" and table["Draw and store"] == "确定抽取"
