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
