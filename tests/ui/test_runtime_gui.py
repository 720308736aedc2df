"""The desktop app at run time: it holds its workspace, hands over to itself, opens a package given to it,
and tells the user about an unexpected error in one dialog."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewdesk import logs
from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import keys, results
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import ROOT, run_cli
from tests.test_workspace_lock import start_holder
from tests.ui.conftest import log_in
from ui import crash
from ui.app import AppController, parse_args
from ui.dialogs.import_wizard import ImportWizard
from ui.qt import QApplication, QGuiApplication, Qt, QTimer
from ui.single_instance import InstanceServer, server_name
from ui.worker import run_job

LEFT = Qt.MouseButton.LeftButton
PW = {"PW": ADMIN_PW, "NP": USER_PW}


@pytest.fixture
def folder(admin_ws) -> Path:
    folder = admin_ws.workspace.folder
    admin_ws.close()
    return folder


def _logged_in(qtbot, controller: AppController) -> None:
    login = controller.start()
    log_in(qtbot, login)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: controller.main is not None and controller.main.isVisible(), timeout=30000)


def _wizard(controller: AppController) -> ImportWizard | None:
    page = controller.main.pages.get("cases") if controller.main is not None else None
    wizard = getattr(page, "wizard", None)
    return wizard if wizard is not None and wizard.isVisible() else None


def test_a_file_argument_opens_the_import_wizard_after_login(qtbot, folder, make_controller, tmp_path):
    args = parse_args(["--workspace", str(folder), "--user", ADMIN, str(tmp_path / "城关区.rdpkg")])
    assert (args.workspace, args.user, args.file) == (str(folder), ADMIN, str(tmp_path / "城关区.rdpkg"))
    assert parse_args([]).file is None  # the old options alone still work
    package = tmp_path / "城关区.rdpkg"
    package.write_bytes(b"age-encryption.org/v1\n")
    controller = make_controller(folder, ADMIN)
    controller.open_file(package)
    _logged_in(qtbot, controller)
    qtbot.waitUntil(lambda: _wizard(controller) is not None, timeout=10000)
    assert _wizard(controller).path.text() == str(package)
    assert controller.main.current_key() == "cases"


def test_a_results_package_as_the_file_goes_to_the_results_import(qtbot, demo_ws, admin_ws, make_controller,
                                                                  tmp_path):
    """What the manifest says routes the file: a laptop's results package opens 评查结果汇总 and imports there,
    after log-in and when a later start hands it over; the case import wizard stays shut."""
    sender = "第一评查组笔记本"
    keys.trust_issuer(admin_ws, keys.signing_public_key(demo_ws), sender)
    made = results.export_results(demo_ws, DEMO_CAMPAIGN, [keys.recipient(admin_ws)], tmp_path / "评查结果.rdpkg",
                                  issuer_name=sender)
    package = Path(made.files[0])
    folder = admin_ws.workspace.folder
    admin_ws.close()
    controller = make_controller(folder, ADMIN)
    controller.open_file(package)
    _logged_in(qtbot, controller)
    page = controller.main.pages["results"]
    qtbot.waitUntil(lambda: page.last_import is not None or page.last_error is not None, timeout=60000)
    assert page.last_error is None and page.last_import.status == "imported"
    assert controller.main.current_key() == "results" and page.campaign_id() == DEMO_CAMPAIGN
    assert page.model.rowCount() == made.cases and _wizard(controller) is None
    qtbot.waitUntil(lambda: not page.busy_now(), timeout=30000)

    controller.main.show_page("home")
    page.last_import = None
    controller.bring_forward(str(package))  # what the single-instance server does for a later start
    qtbot.waitUntil(lambda: page.last_import is not None or page.last_error is not None, timeout=60000)
    assert page.last_import.status == "already_imported" and controller.main.current_key() == "results"
    assert _wizard(controller) is None


def test_the_app_holds_its_workspace_from_login_to_quit(qtbot, folder, make_controller):
    controller = make_controller(folder, ADMIN)
    _logged_in(qtbot, controller)
    write = ("--workspace", str(folder), "user", "add", "zhanghua", "--role", "expert", "--new-password-env", "NP",
             "--user", ADMIN, "--password-env", "PW")
    refused = run_cli(*write, env=PW)
    assert refused.returncode == 13 and "open in another ReviewDesk window" in refused.stderr
    controller.lock("manual")  # the lock screen keeps holding it
    assert controller.ws is None
    assert run_cli(*write, env=PW).returncode == 13
    controller.shutdown()
    added = run_cli(*write, env=PW)
    assert added.returncode == 0, added.stderr


def test_a_second_app_on_a_held_workspace_is_told_in_chinese(qtbot, folder, make_controller):
    holder = start_holder(folder)
    try:
        controller = make_controller(folder, ADMIN)
        login = controller.start()
        log_in(qtbot, login)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: "此工作区已在另一个评查工作台窗口或命令中打开" in login.message.text(), timeout=30000)
        assert controller.ws is None and (controller.main is None or not controller.main.isVisible())
        assert login.isVisible()
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)


def test_a_second_start_hands_its_file_to_the_first(qtbot, folder, make_controller, tmp_path):
    controller = make_controller(folder, ADMIN)
    server = InstanceServer()
    assert server.listen(server_name(folder))
    server.requested.connect(controller.bring_forward)
    try:
        _logged_in(qtbot, controller)
        package = tmp_path / "第二次.rdpkg"
        package.write_bytes(b"age-encryption.org/v1\n")
        second = subprocess.Popen(
            [sys.executable, "-m", "ui", "--workspace", str(folder), str(package)],
            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            qtbot.waitUntil(lambda: _wizard(controller) is not None, timeout=60000)
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)  # the event loop sends "ok"
            assert second.returncode == 0, second.stderr.read() if second.stderr else ""
        finally:
            if second.poll() is None:
                second.kill()
        assert _wizard(controller).path.text() == str(package)
        assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible()]) == 1
    finally:
        server.close()
        qtbot.wait(100)  # the hand-over's socket events run while the server still exists


@pytest.fixture
def reporter(qapp) -> Iterator[Path]:
    logs.shutdown()
    log_path = crash.install(qapp)
    assert log_path is not None and log_path.parent == logs.log_dir()
    yield log_path
    crash.uninstall()
    logs.shutdown()


def _crash_dialogs() -> list[crash.CrashDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, crash.CrashDialog) and w.isVisible()]


def test_an_unexpected_error_shows_one_dialog_with_the_log_path(qtbot, reporter):
    def boom() -> None:
        raise ZeroDivisionError("欧阳标记 ZQXMARK7731")

    QTimer.singleShot(0, boom)  # raised inside the event loop, as a failing slot would
    qtbot.waitUntil(lambda: len(_crash_dialogs()) == 1, timeout=10000)
    dialog = _crash_dialogs()[0]
    assert "ZeroDivisionError" in dialog.text.text() and str(reporter) in dialog.text.text()
    assert "没有任何内容被保存了一半" in dialog.text.text()
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == str(reporter)

    # More errors while it is open, one from a worker thread: counted in the same dialog, never stacked.
    QTimer.singleShot(0, boom)
    run_job(lambda: [][1], dialog)
    qtbot.waitUntil(lambda: dialog.repeats == 2, timeout=10000)
    assert _crash_dialogs() == [dialog]
    dialog.accept()
    QTimer.singleShot(0, boom)  # the same failure right after closing: logged, not shown again at once
    qtbot.wait(50)
    assert _crash_dialogs() == []

    for handler in logs.logging.getLogger().handlers:
        handler.flush()
    text = reporter.read_text("utf-8")
    assert text.count("unhandled: builtins.ZeroDivisionError at test_runtime_gui.py") == 3
    assert "in a background job: builtins.IndexError" in text
    assert "ZQXMARK7731" not in text and "欧阳标记" not in text


STALE_SERVER = """
import sys
from ui.qt import QCoreApplication, QLocalServer
app = QCoreApplication([])
server = QLocalServer()
assert server.listen(sys.argv[1])
print("up", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot, tmp_path):
    name = server_name(tmp_path)
    dead = subprocess.Popen([sys.executable, "-c", STALE_SERVER, name], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert dead.stdout is not None and dead.stdout.readline().strip() == "up"
    os.kill(dead.pid, signal.SIGKILL)  # its socket file stays behind
    dead.wait(timeout=30)
    server = InstanceServer()
    try:
        assert server.listen(name)
    finally:
        server.close()
