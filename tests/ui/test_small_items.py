"""Small things users expect: the office reads a member's sheet by double-click; navigation shortcuts mean the
same page whatever the role."""

from __future__ import annotations

from reviewdesk.demo import DEMO_CAMPAIGN
from ui.dialogs.member_sheet import MemberSheetDialog
from ui.qt import QApplication, QKeySequence, Qt
from ui.windows.main_window import NAV_SHORTCUTS

LEFT = Qt.MouseButton.LeftButton


def test_admin_double_clicks_a_member_and_reads_the_sheet(qtbot, demo_ws, main_window):
    main = main_window(demo_ws)
    main.show_page("scoring")
    page = main.pages["scoring"]
    if page.campaign.currentData() != DEMO_CAMPAIGN:
        page.campaign.setCurrentIndex(page.campaign.findData(DEMO_CAMPAIGN))
    assert page.member_sheets.rowCount() == 3 and page.member_sheets.row_at(0).status == "submitted"
    rect = page.sheets_table.visualRect(page.member_sheets.index(0, 0))
    qtbot.mouseClick(page.sheets_table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(page.sheets_table.viewport(), LEFT, pos=rect.center())
    dialog = page.findChild(MemberSheetDialog)
    assert dialog is not None and dialog.isVisible()
    assert page.member_sheets.row_at(0).name in dialog.windowTitle()
    assert dialog.form.rows and dialog.form.read_only
    assert not any(button.isVisible() for button in dialog.form.buttons())
    assert dialog.form.total_label.text() and not dialog.message.isVisible()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    # The demo's file is stored: the member's evidence references are links to their pages (issue 18).
    assert dialog.form.files
    assert any("href=\"page:" in row.links.text() for row in dialog.form.rows.values())


def test_office_totals_carry_the_decimals_of_the_sheet(qtbot, demo_ws, main_window):
    """GS-DEMO-0001's members scored 99, 98.5 and 99 on a rubric with half-point steps: the office's table
    writes them as the sheets do, 99.0 beside 98.5 (not "99" beside "98.5")."""
    main = main_window(demo_ws)
    main.show_page("scoring")
    page = main.pages["scoring"]
    if page.campaign.currentData() != DEMO_CAMPAIGN:
        page.campaign.setCurrentIndex(page.campaign.findData(DEMO_CAMPAIGN))
    assert page.panel_cases.row_at(0).external_id == "GS-DEMO-0001"
    model = page.member_sheets
    totals = {model.row_at(n).total: model.data(model.index(n, model.TOTAL)) for n in range(model.rowCount())}
    assert totals == {99.0: "99.0", 98.5: "98.5"}, totals
    dialog = MemberSheetDialog(demo_ws, DEMO_CAMPAIGN, page.panel_cases.row_at(0).case_id,
                               model.row_at(0).external_id, model.row_at(0).name)
    qtbot.addWidget(dialog)
    assert totals[model.row_at(0).total] in dialog.form.total_label.text()  # the table says what the sheet says


def test_navigation_shortcuts_do_not_change_with_the_role(qtbot, admin_ws, login_as, main_window):
    for ws in (admin_ws, login_as("expert"), login_as("auditor")):
        main = main_window(ws)
        for action in main.go_menu.actions():
            key = next(k for k, a in main._go_actions.items() if a is action)
            expected = NAV_SHORTCUTS.get(key)
            assert action.shortcut() == (QKeySequence(expected) if expected else QKeySequence())
        if "scoring" in main.pages:
            main.activateWindow()
            qtbot.waitUntil(lambda m=main: QApplication.activeWindow() is m)
            qtbot.keyClick(main.nav, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
            assert main.current_key() == "scoring"
        main.teardown()
        main.hide()


def test_key_case_is_picked_from_the_list_and_previews_name_units(qtbot, admin_ws):
    from tests.test_selection import make_campaign
    from ui.dialogs.selection import SelectionDialog

    make_campaign(admin_ws, 5)
    dialog = SelectionDialog(admin_ws, "C1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.key_cases.rowCount() == 5
    from tests.ui.conftest import type_chinese

    dialog.key_case.setFocus()
    type_chinese(dialog.key_case, "纠纷3")  # part of a title, not the id
    popup = dialog.key_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert dialog.key_completer.completionCount() == 1
    popup.setCurrentIndex(dialog.key_completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.key_case.text() == "GS-2026-0003")

    dialog.tabs.setCurrentIndex(0)
    dialog.by_ratio.setChecked(True)
    dialog.ratio.setValue(0.6)
    qtbot.mouseClick(dialog.preview_button, LEFT)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0 or dialog.message.isVisible(), timeout=10000)
    assert dialog.table.rowCount() > 0, dialog.message.text()
    units = {dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())}
    assert units and all(u.startswith("单位") for u in units), units  # the unit's name, not its code


def test_expert_pane_masks_the_identity_number(qtbot, demo_ws, main_window):
    from reviewdesk.services import experts

    main = main_window(demo_ws)
    main.show_page("experts")
    page = main.pages["experts"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    row = next(r for r in range(page.model.rowCount()) if experts.expert_detail(demo_ws, page.model.row_at(r).external_id).id_number)
    full = experts.expert_detail(demo_ws, page.model.row_at(row).external_id).id_number
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id_number == full)
    shown = page.text.toPlainText()
    assert full not in shown and f"{full[:6]}********{full[-4:]}" in shown


def test_saving_panels_names_the_findings_still_awaiting_a_decision(qtbot, admin_ws):
    from reviewdesk.services import recusal
    from tests.ui.test_assignment_gui import _page, _world
    from ui.qt import QMessageBox

    campaign, cases = _world(admin_ws)  # case C1 names a handler like expert E1: a name-only match
    assert [f.expert_external_id for f in recusal.pending_findings(admin_ws, campaign, cases)] == ["E1"]
    page = _page(qtbot, admin_ws)
    qtbot.mouseClick(page.draw_button, LEFT)
    qtbot.waitUntil(lambda: page.proposal is not None, timeout=20000)
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)), timeout=5000)
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert "有 1 项回避情形尚待决定" in box.text() and "C1：专家E1" in box.text(), box.text()
    box.reject()


def test_file_dialogs_start_in_the_folder_used_last(qtbot, monkeypatch, tmp_path):
    from ui import file_dialogs
    from ui.pages.opinions import ask_save_path
    from ui.qt import QWidget
    from ui.widgets.file_places import start_folder

    stick = tmp_path / "U盘"
    stick.mkdir()
    seen: list[str] = []

    def save_dialog(_parent, _title, start, _filters):
        seen.append(start)
        return str(stick / "意见书.pdf"), ""

    monkeypatch.setattr(file_dialogs, "save_file", save_dialog)
    parent = QWidget()
    qtbot.addWidget(parent)
    first = ask_save_path(parent, "保存", "意见书.pdf", ["PDF (*.pdf)"])
    assert first is not None and not seen[0].startswith(str(stick))
    ask_save_path(parent, "保存", "另一份.pdf", ["PDF (*.pdf)"])
    assert seen[1] == str(stick / "另一份.pdf")  # the second dialog opens where the first file went
    assert start_folder("outgoing") == stick and start_folder("incoming") != stick  # reading and writing apart
