"""The expert pool screen against the real store: list and filter, the import wizard (problems of a bad
file, then a good one applied), the relations editor, availability, observers read only, teardown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewdesk.services import experts
from reviewdesk.workspace import OpenWorkspace
from tests.test_experts_import import GOOD, workbook
from ui.dialogs.relations_editor import NAME, RelationsEditorDialog
from ui.models.experts import ExpertsModel
from ui.pages.experts import ExpertsPage
from ui.qt import QComboBox, Qt, QTableWidgetItem

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_page(qtbot) -> Iterator:
    made: list[ExpertsPage] = []

    def make(ws: OpenWorkspace) -> ExpertsPage:
        page = ExpertsPage(ws)
        qtbot.addWidget(page)
        page.show()
        made.append(page)
        return page

    yield make
    for page in made:
        page.teardown()


def test_page_lists_and_filters_imported_experts(qtbot, qtmodeltester, admin_ws: OpenWorkspace, make_page, login_as) -> None:
    experts.import_experts(admin_ws, GOOD, "experts.xlsx")
    page = make_page(admin_ws)
    page.activate()
    qtbot.waitUntil(lambda: not page.is_loading())
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)
    assert page.model.index(0, ExpertsModel.PROFESSION).data() == "法官"
    page.filter.setText("钱某")
    assert page.proxy.rowCount() == 1
    page.filter.clear()
    page.select_expert(page.model.id_at(0))  # type: ignore[arg-type]
    assert page.detail is not None and "李某" in page.text.toPlainText()
    assert page.import_button.isVisibleTo(page) and page.relations_button.isEnabled()

    # Marking unavailable goes through the service and shows in the table.
    qtbot.mouseClick(page.unavailable_button, LEFT)
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None and not page.model.row_at(0).available)  # type: ignore[union-attr]
    assert page.model.index(0, ExpertsModel.AVAILABLE).data() == page.model.tr("No")

    page.teardown()
    assert not page.holds_data()

    observer = make_page(login_as("observer"))
    observer.activate()
    qtbot.waitUntil(lambda: not observer.is_loading())
    assert observer.model.rowCount() == 2 and not observer.import_button.isVisibleTo(observer)
    assert observer.open_import() is None


def test_wizard_shows_problems_then_applies(qtbot, admin_ws: OpenWorkspace, make_page, tmp_path: Path) -> None:
    page = make_page(admin_ws)
    page.activate()
    qtbot.waitUntil(lambda: not page.is_loading())
    dialog = page.open_import()
    assert dialog is not None
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([["EXP-1", "某", None, None, "宇航员", "U", "某", "其他", "62010"]]))
    dialog.load_file(bad)
    qtbot.waitUntil(lambda: dialog.errors.rowCount() > 0)
    cells = {(dialog.errors.item(r, 0).text(), dialog.errors.item(r, 1).text(), dialog.errors.item(r, 2).text())
             for r in range(dialog.errors.rowCount())}
    assert {("专家", "2", "职业"), ("专家", "2", "区划代码")} <= cells
    assert not dialog.apply_button.isEnabled()
    assert experts.list_experts(admin_ws) == []

    good = tmp_path / "good.xlsx"
    good.write_bytes(GOOD)
    dialog.load_file(good)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.errors.rowCount() == 0 and dialog.changes.rowCount() >= 2
    assert experts.list_experts(admin_ws) == []  # the check wrote nothing
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert len(experts.list_experts(admin_ws)) == 2


def test_relations_editor_saves_and_validates(qtbot, admin_ws: OpenWorkspace, make_page) -> None:
    experts.import_experts(admin_ws, GOOD, "experts.xlsx")
    page = make_page(admin_ws)
    page.activate()
    qtbot.waitUntil(lambda: not page.is_loading())
    page.select_expert(experts.expert_detail(admin_ws, "EXP-0002").row.id)
    dialog = page.edit_relations()
    assert isinstance(dialog, RelationsEditorDialog) and dialog.table.rowCount() == 1
    row = dialog.add_row()
    kind = dialog.table.cellWidget(row, 0)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("near_relative"))
    dialog.table.setItem(row, NAME, QTableWidgetItem("周某"))
    dialog.table.setItem(row, 2, QTableWidgetItem("123"))  # a bad identity number
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "第 2 行身份证号无效" in dialog.message.text()
    assert len(experts.expert_detail(admin_ws, "EXP-0002").relations) == 1

    dialog.table.setItem(row, 2, QTableWidgetItem(""))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    saved = experts.expert_detail(admin_ws, "EXP-0002").relations
    assert [(r.kind, r.name) for r in saved] == [("counsel_for", "某公司"), ("near_relative", "周某")]
    assert "周某" in page.text.toPlainText()


def test_interest_registry_imported_from_the_page(qtbot, admin_ws: OpenWorkspace, make_page, tmp_path: Path) -> None:
    from reviewdesk.services import registry
    from tests.test_registry_import import GOOD as REGISTRY
    from ui.qt import QMessageBox

    page = make_page(admin_ws)
    assert page.registry_button.isVisibleTo(page)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    good = tmp_path / "registry.xlsx"
    good.write_bytes(REGISTRY)
    for path in (bad, good):
        page.import_registry(str(path))
        box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
        yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.message.isVisible() and page.message.text() != "", timeout=10000)
        if path is bad:
            assert "bad.xlsx" in page.message.text() or "未导入" in page.message.text() or "无法" in page.message.text()
            assert registry.registry_summary(admin_ws).companies == 0
            page.message.clear_message()
    qtbot.waitUntil(lambda: "利益登记" in page.message.text(), timeout=10000)
    assert registry.registry_summary(admin_ws).companies > 0
