"""Backup and restore on the Settings page, through the real widgets and the real store: the admin backs up,
changes something, restores (asked twice, told what is replaced), and finds the state of the backup; a wrong
password changes nothing; other roles do not see it."""

from __future__ import annotations

from pathlib import Path

from reviewdesk.services import users
from reviewdesk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.ui.conftest import log_in
from ui import file_dialogs
from ui.qt import QApplication, QInputDialog, QMessageBox, Qt
from ui.widgets.backup_box import BackupBox

LEFT = Qt.MouseButton.LeftButton


def _box(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox)))
    (box,) = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
    return box


def _click(qtbot, box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if text in b.text()]
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: not box.isVisible())


def _logged_in_settings(qtbot, make_controller, folder: Path):
    controller = make_controller(folder)
    controller.start()
    log_in(qtbot, controller.login)
    qtbot.waitUntil(lambda: controller.main is not None and controller.main.isVisible(), timeout=20000)
    controller.main.show_page("settings")
    return controller, controller.main.pages["settings"].backup_box


def _ask_restore(qtbot, monkeypatch, backup_box: BackupBox, path: Path, password: str) -> str:
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: (str(path), ""))
    qtbot.mouseClick(backup_box.restore_button, LEFT)
    first = _box(qtbot)
    told = first.text()
    _click(qtbot, first, "继续")
    second = _box(qtbot)
    assert "备份" in second.text()
    _click(qtbot, second, "用备份替换")
    (dialog,) = [d for d in backup_box.findChildren(QInputDialog) if d.isVisible()]
    assert dialog.textEchoMode().name == "Password"
    dialog.setTextValue(password)
    dialog.accept()
    return told


def test_admin_backs_up_and_restores_through_the_settings_page(qtbot, monkeypatch, tmp_path, ws_folder, make_controller):
    Workspace(ws_folder).create(ADMIN, "刘建国", ADMIN_PW)[0].close()
    controller, backup_box = _logged_in_settings(qtbot, make_controller, ws_folder)
    assert isinstance(backup_box, BackupBox) and backup_box.isVisible()

    backup = tmp_path / "stick" / "day1"
    backup.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: (str(backup), ""))
    qtbot.mouseClick(backup_box.backup_button, LEFT)
    assert backup_box.busy.isVisible() or backup_box.message.isVisible()
    qtbot.waitUntil(lambda: "备份已保存" in backup_box.message.text(), timeout=30000)
    written = backup.with_name("day1.rdbak")  # the suffix is added
    assert written.is_file() and str(written) in backup_box.message.text()

    # Work after the backup, then the restore takes it away.
    users.add_user(controller.ws, "zhanghua", "张华", "expert", USER_PW)
    told = _ask_restore(qtbot, monkeypatch, backup_box, written, ADMIN_PW)
    assert str(ws_folder) in told and "replaced-" in told and "另一个工作区" not in told
    qtbot.waitUntil(lambda: controller.ws is not None and controller.main.isVisible(), timeout=60000)
    assert "zhanghua" not in {u.username for u in users.list_users(controller.ws)}
    assert list(ws_folder.glob("replaced-*"))  # the replaced data are kept
    done = _box(qtbot)
    assert "已恢复" in done.windowTitle() or "day1.rdbak" in done.text()
    _click(qtbot, done, "")


def test_restore_with_a_wrong_password_changes_nothing(qtbot, monkeypatch, tmp_path, ws_folder, make_controller):
    opened, _code = Workspace(ws_folder).create(ADMIN, "刘建国", ADMIN_PW)
    from reviewdesk.services import maintenance

    written = maintenance.backup(opened, tmp_path / "b.rdbak")
    users.add_user(opened, "zhanghua", "张华", "expert", USER_PW)
    opened.close()
    controller, backup_box = _logged_in_settings(qtbot, make_controller, ws_folder)
    _ask_restore(qtbot, monkeypatch, backup_box, written, "not-the-password")
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible(), timeout=60000)
    assert controller.ws is None
    assert "恢复未进行" in controller.login.message.text()
    assert not list(ws_folder.glob("replaced-*"))
    log_in(qtbot, controller.login)
    qtbot.waitUntil(lambda: controller.ws is not None, timeout=20000)
    assert "zhanghua" in {u.username for u in users.list_users(controller.ws)}


def test_a_damaged_backup_is_refused_before_any_question(qtbot, monkeypatch, tmp_path, admin_ws, main_window):
    main = main_window(admin_ws)
    main.show_page("settings")
    backup_box = main.pages["settings"].backup_box
    bad = tmp_path / "bad.rdbak"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: (str(bad), ""))
    qtbot.mouseClick(backup_box.restore_button, LEFT)
    assert "不是评查工作台备份文件" in backup_box.message.text()
    assert not [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]


def test_other_roles_see_no_backup(qtbot, login_as, main_window):
    for role in ("expert", "observer", "auditor"):
        main = main_window(login_as(role))
        main.show_page("settings")
        page = main.pages["settings"]
        assert page.backup_box is None and not page.findChildren(BackupBox)
