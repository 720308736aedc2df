"""The whole shell against the real store: setup wizard → main window → lock → unlock; idle lock; bad logins."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.services import audit
from reviewdesk.services.audit import AuditFilter
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.ui.conftest import live_pages, log_in, type_chinese
from ui.qt import QApplication, QImage, QMessageBox, QPoint, Qt, QWizard
from ui.windows.login import LoginWindow
from ui.windows.main_window import MainWindow
from ui.windows.setup_wizard import CODE_PAGE, SetupWizard, render_recovery_sheet

LEFT = Qt.MouseButton.LeftButton


def _lock_entries(ws_folder: Path, reason: str) -> int:
    with Workspace(ws_folder).open(ADMIN, ADMIN_PW) as ws:
        seqs = audit.entry_seqs(ws, AuditFilter(action="session.lock"))
        return sum(1 for e in audit.entries(ws, seqs).values() if e.details.get("reason") == reason)


def _assert_locked(controller, main: MainWindow, opened) -> LoginWindow:
    assert controller.ws is None
    assert opened.closed  # engine disposed, key wiped
    assert not main.isVisible()
    assert main.pages == {} and main.stack.count() == 0 and main.nav.count() == 0
    assert main.ws is None and main.user_label.text() == ""
    login = controller.login
    assert login is not None and login.isVisible() and login.locked_mode
    assert login.username.text() == ADMIN and login.password.text() == ""
    return login


def test_setup_wizard_then_lock_with_ctrl_l_and_unlock(qtbot, ws_folder, make_controller):
    controller = make_controller(ws_folder)
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    qtbot.waitExposed(wizard)

    # Page 1: the folder (pre-filled with the one given on the command line).
    assert wizard.folder_page.folder.text() == str(ws_folder)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    # Page 2: the administrator. Mismatched passwords are caught before anything is created.
    page = wizard.admin_page
    page.username.clear()
    qtbot.keyClicks(page.username, ADMIN)
    type_chinese(page.display_name, "刘建国")
    qtbot.keyClicks(page.password, ADMIN_PW)
    qtbot.keyClicks(page.repeat, ADMIN_PW + "x")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    assert "两次输入的密码不一致" in page.message.text()
    assert not Workspace(ws_folder).exists()
    qtbot.keyClicks(page.repeat, ADMIN_PW)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == CODE_PAGE, timeout=15000)
    assert Workspace(ws_folder).exists()

    # Page 3: the recovery code, shown once; Finish only after "I have stored it".
    code = wizard.code_page.code_label.text()
    assert len(code.replace("-", "")) == 32
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # closing now would lose the code: refused, with an explanation
    assert wizard.isVisible()
    box = wizard.findChild(QMessageBox)
    assert box is not None and "恢复码" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), LEFT)
    stored = wizard.code_page.stored
    qtbot.mouseClick(stored, LEFT, pos=QPoint(8, stored.height() // 2))  # on the box, not beside the text
    assert finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)

    main = controller.main
    assert isinstance(main, MainWindow)
    qtbot.waitExposed(main)
    opened = controller.ws
    assert opened is not None and not opened.closed and opened.actor.username == ADMIN
    assert {"home", "users", "audit", "settings", "cases"} <= set(main.pages)
    main.show_page("audit")
    qtbot.waitUntil(lambda: main.pages["audit"].model.rowCount() > 0)

    # Lock with Ctrl+L: workspace closed, every page destroyed, lock screen with the user name.
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)  # shortcuts go to the active window
    qtbot.keyClick(main.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    login = _assert_locked(controller, main, opened)
    qtbot.waitUntil(lambda: live_pages() == [])
    assert "锁定" in login.title.text()

    # Unlock with the password: the main window is back on the page it showed.
    qtbot.keyClicks(login.password, ADMIN_PW)
    qtbot.mouseClick(login.login_button, LEFT)
    qtbot.waitUntil(lambda: main.isVisible(), timeout=15000)
    assert controller.ws is not None and not controller.ws.closed
    assert main.current_key() == "audit"
    assert not login.isVisible()
    assert _lock_entries(ws_folder, "manual") == 1


def test_idle_timeout_locks_and_unlocks(qtbot, admin_ws, ws_folder, make_controller):
    controller = make_controller(ws_folder, ADMIN)
    controller.idle_override_ms = 400
    login = controller.start()
    assert isinstance(login, LoginWindow)
    assert login.username.text() == ADMIN  # pre-filled (e.g. the demo admin)
    qtbot.keyClicks(login.password, ADMIN_PW)
    qtbot.mouseClick(login.login_button, LEFT)
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    main, opened = controller.main, controller.ws
    assert controller.idle.is_active()

    qtbot.waitUntil(lambda: controller.ws is None, timeout=5000)  # nobody touches anything
    _assert_locked(controller, main, opened)
    qtbot.waitUntil(lambda: live_pages() == [])
    assert "无操作" in login.subtitle.text()
    assert not controller.idle.is_active()

    log_in(qtbot, login)
    qtbot.waitUntil(lambda: main.isVisible(), timeout=15000)
    assert controller.idle.is_active()
    controller.idle.stop()
    assert _lock_entries(ws_folder, "idle") == 1


def test_input_restarts_the_idle_timer(qtbot, admin_ws, ws_folder, make_controller):
    controller = make_controller(ws_folder, ADMIN)
    controller.idle_override_ms = 600
    login = controller.start()
    log_in(qtbot, login)
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    main = controller.main
    for _ in range(6):  # 6 × 200 ms of typing: longer than the timeout, but never idle that long
        qtbot.wait(200)
        qtbot.keyClick(main.nav, Qt.Key.Key_Down)
    assert controller.ws is not None
    qtbot.waitUntil(lambda: controller.ws is None, timeout=5000)


def test_wrong_password_says_so_in_chinese(qtbot, admin_ws, ws_folder, make_controller):
    login = make_controller(ws_folder).start()
    log_in(qtbot, login, ADMIN, "not-the-password")
    qtbot.waitUntil(lambda: login.message.isVisible(), timeout=15000)
    text = login.message.text()
    assert "用户名或密码错误" in text and "恢复码" in text
    assert "Traceback" not in text and "Error" not in text
    assert login.password.text() == "" and login.login_button.isEnabled()


def test_throttle_wait_is_shown_and_counts_down(qtbot, admin_ws, ws_folder, make_controller):
    throttle = Workspace(ws_folder).throttle
    for _ in range(5):  # as after five wrong passwords: the next try must wait 4 s
        throttle.record_failure()
    login = make_controller(ws_folder).start()
    log_in(qtbot, login)
    qtbot.waitUntil(lambda: "秒后" in login.message.text(), timeout=15000)
    assert "密码错误次数过多" in login.message.text()
    assert not login.login_button.isEnabled()
    first = login.message.text()
    qtbot.waitUntil(lambda: login.message.text() != first, timeout=3000)  # it counts down
    throttle.record_success()


def test_unknown_user_gets_the_same_message(qtbot, admin_ws, ws_folder, make_controller):
    login = make_controller(ws_folder).start()
    log_in(qtbot, login, "nobody", ADMIN_PW)
    qtbot.waitUntil(lambda: login.message.isVisible(), timeout=15000)
    assert "用户名或密码错误" in login.message.text()


def test_recovery_code_sets_a_new_password_and_logs_in(qtbot, recovery, ws_folder, make_controller):
    _ws, code = recovery
    controller = make_controller(ws_folder, ADMIN)
    login = controller.start()
    qtbot.mouseClick(login.recovery_button, LEFT)
    from ui.dialogs.recovery import RecoveryDialog

    dialog = login.findChild(RecoveryDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.username.text() == ADMIN
    qtbot.keyClicks(dialog.code, code.lower().replace("-", " "))
    qtbot.keyClicks(dialog.password, "brand-new-pass-1")
    qtbot.keyClicks(dialog.repeat, "brand-new-pass-1")
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    assert controller.main is not None and controller.main.isVisible()
    controller.shutdown()
    Workspace(ws_folder).open(ADMIN, "brand-new-pass-1").close()


def test_recovery_code_wrong_code_is_explained(qtbot, recovery, ws_folder, make_controller):
    login = make_controller(ws_folder, ADMIN).start()
    qtbot.mouseClick(login.recovery_button, LEFT)
    from ui.dialogs.recovery import RecoveryDialog

    dialog = login.findChild(RecoveryDialog)
    qtbot.keyClicks(dialog.code, "0000-0000-0000-0000-0000-0000-0000-0000")
    qtbot.keyClicks(dialog.password, "brand-new-pass-1")
    qtbot.keyClicks(dialog.repeat, "brand-new-pass-1")
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert "恢复码不正确" in dialog.message.text()


def test_recovery_sheet_renders_in_memory(qapp, tmp_path):
    image = QImage(800, 1000, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    render_recovery_sheet(image, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789", tmp_path, ADMIN)
    dark = sum(1 for x in range(0, 800, 4) for y in range(0, 400, 4) if image.pixel(x, y) != 0xFFFFFFFF)
    assert dark > 50
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_closing_the_main_window_records_quit_and_closes(qtbot, admin_ws, ws_folder, make_controller):
    controller = make_controller(ws_folder, ADMIN)
    log_in(qtbot, controller.start())
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=15000)
    opened = controller.ws
    controller.main.quit_requested.disconnect()
    controller.main.quit_requested.connect(controller.shutdown)  # do not end the test's event loop
    controller.main.close()
    assert opened.closed and controller.ws is None
    QApplication.processEvents()
    assert _lock_entries(ws_folder, "quit") == 1


def test_windows_session_lock_message_locks(qtbot) -> None:
    """The native filter recognises WM_WTSSESSION_CHANGE/WTS_SESSION_LOCK (fed a MSG built by hand here)."""
    import ctypes
    from ctypes import wintypes

    from ui.session_lock import WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, SessionLockWatcher

    watcher = SessionLockWatcher()
    msg = wintypes.MSG()
    msg.message, msg.wParam = WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK
    with qtbot.waitSignal(watcher.session_locked, timeout=1000):
        watcher.filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    other = wintypes.MSG()
    other.message, other.wParam = WM_WTSSESSION_CHANGE, 0x8  # WTS_SESSION_UNLOCK
    with qtbot.assertNotEmitted(watcher.session_locked):
        watcher.filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other))
