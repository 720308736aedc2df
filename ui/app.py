"""Start-up and the flow between windows.

    no workspace in the folder → setup wizard → main window
    workspace present          → login window → main window
    lock (Ctrl+L, idle, menu)  → audit entry, workspace closed, pages destroyed → lock screen → main window

One app per workspace: from log-in to quit (lock screen included) the controller holds the workspace lock
(reviewdesk/workspace_lock.py), so another process cannot write; a second start on the same workspace hands
its file to this one (ui/single_instance.py). `reviewdesk-gui PATH.rdpkg` opens the import on that package
after log-in. Unexpected errors are logged and shown in one dialog (ui/crash.py).

Start-up is kept light: nothing imports SQLAlchemy before the user submits the login form (the import runs on
the worker with the Argon2id derivation). `REVIEWDESK_EXIT_WHEN_SHOWN=1` prints a marker and exits as soon
as the first window is on screen (bench/startup.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewdesk import logs
from reviewdesk.locate import FolderState, folder_state, resolve_folder
from ui import crash, i18n
from ui.idle import IdleWatcher
from ui.qt import QApplication, QFont, QFontDatabase, QObject, Qt, QTimer, QWidget
from ui.session_lock import SessionLockWatcher
from ui.windows.login import LoginWindow
from ui.worker import busy_count, run_job, wait_for_jobs

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from reviewdesk.workspace_lock import WorkspaceLock
    from ui.single_instance import InstanceServer
    from ui.windows.main_window import MainWindow
    from ui.windows.setup_wizard import SetupWizard

EXIT_WHEN_SHOWN = "REVIEWDESK_EXIT_WHEN_SHOWN"
SHOWN_MARKER = "REVIEWDESK-SHOWN"
LOCK_RETRY_MS = 100


class AppController(QObject):
    """Owns the windows and the open workspace; the only object that opens, locks and closes it."""

    def __init__(self, folder: Path, username: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.username = username or ""
        self.ws: OpenWorkspace | None = None
        self.login: LoginWindow | None = None
        self.wizard: SetupWizard | None = None
        self.main: MainWindow | None = None
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.session_lock = SessionLockWatcher(self)
        self.session_lock.session_locked.connect(lambda: self.lock("session"))
        self.idle_override_ms: int | None = None  # tests: lock after this many ms instead of the setting
        self._pending_lock: str | None = None
        self._hold: WorkspaceLock | None = None  # the workspace lock, from log-in to quit
        self.pending_file: Path | None = None  # a package to open once a user is logged in
        self.instance_server: InstanceServer | None = None  # later starts hand over here (run())
        self.finished = False

    # -- start ---------------------------------------------------------------------------------------
    def start(self) -> QWidget:
        state = folder_state(self.folder)
        window: QWidget
        if state is FolderState.MISSING:
            window = self.show_wizard(self.folder)
        else:
            window = self.show_login()
            if state is FolderState.INCOMPLETE and self.login is not None:
                self.login.message.show_error(
                    self.tr(
                        "The workspace in this folder is incomplete (setup was interrupted or a file was "
                        "removed). Restore it from a backup, or press Change… to choose another folder."
                    )
                )
        return window

    def show_login(self) -> LoginWindow:
        if self.login is None:
            self.login = LoginWindow(self.folder, self.username)
            self.login.opened.connect(self.on_opened)
            self.login.quit_requested.connect(self.quit)
            self.login.setup_requested.connect(lambda folder: self.show_wizard(Path(folder), from_login=True))
        self.login.show()
        self.login.raise_()
        self.login.activateWindow()
        self.login.focus_first_empty()
        return self.login

    def show_wizard(self, folder: Path, *, from_login: bool = False) -> SetupWizard:
        from ui.windows.setup_wizard import SetupWizard

        wizard = SetupWizard(folder)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.created.connect(self._created)
        wizard.cancelled.connect(self.show_login if from_login else self.quit)
        self.wizard = wizard
        if self.login is not None:
            self.login.hide()
        wizard.show()
        return wizard

    def _created(self, ws: OpenWorkspace) -> None:
        self.folder = ws.workspace.folder
        if self.login is not None:
            self.login.folder = self.folder
            self.login._show_folder()
        self.wizard = None
        self.on_opened(ws)

    # -- open and lock -------------------------------------------------------------------------------
    def on_opened(self, ws: OpenWorkspace) -> None:
        from reviewdesk.services import settings
        from ui.windows.main_window import MainWindow

        if not self._hold_workspace(ws):
            return
        self.ws = ws
        self.username = ws.actor.username
        try:
            minutes = int(settings.get_settings(ws)["idle_lock_minutes"])
        except Exception:
            minutes = 10
        if self.main is None:
            self.main = MainWindow()
            self.main.lock_requested.connect(self.lock)
            self.main.quit_requested.connect(self.quit)
            self.main.idle_minutes_changed.connect(self._set_idle_minutes)
            self.main.restore_requested.connect(self.restore)
        self.main.build(ws, minutes)
        self._set_idle_minutes(minutes)
        if self.login is not None:
            self.login.hide()
        self.main.show()
        self.main.raise_()
        self.main.activateWindow()
        self.idle.start()
        if self.pending_file is not None:
            QTimer.singleShot(0, self._open_pending_file)

    def _hold_workspace(self, ws: OpenWorkspace) -> bool:
        """Take the workspace lock for the app's life (kept on the lock screen). If another process holds it,
        close this log-in again and say so on the login window."""
        from reviewdesk import workspace_lock
        from reviewdesk.errors import WorkspaceBusy

        folder = ws.workspace.folder
        if self._hold is not None and self._hold.folder == folder:
            return True
        self._release_hold()
        try:
            self._hold = workspace_lock.acquire(folder)
        except WorkspaceBusy as err:
            self._close_workspace(ws, "busy")  # the log-in was audited: so is its end
            login = self.show_login()
            login.message.show_error(i18n.error_text(err))
            return False
        if self.instance_server is not None:  # the user may have chosen another folder on the login window
            from ui.single_instance import server_name

            self.instance_server.listen(server_name(folder))
        return True

    def _release_hold(self) -> None:
        if self._hold is not None:
            self._hold.release()
            self._hold = None

    # -- a later start, a file to open -----------------------------------------------------------------
    def bring_forward(self, file: str | None = None) -> None:
        """Another start of the app on this workspace handed over: show our window on top, open its file."""
        window: QWidget | None = None
        for candidate in (self.wizard, self.main if self.ws is not None else None, self.login):
            if candidate is not None and candidate.isVisible():
                window = candidate
                break
        if window is None:
            window = self.main if self.ws is not None and self.main is not None else self.show_login()
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        if file:
            self.open_file(Path(file))

    def open_file(self, path: Path) -> None:
        """Open the import on `path` now if a user is logged in, else right after the log-in."""
        self.pending_file = path
        if self.ws is not None and self.main is not None:
            self._open_pending_file()

    def _open_pending_file(self) -> None:
        path, self.pending_file = self.pending_file, None
        if path is not None and self.ws is not None and self.main is not None:
            self.main.open_package(path)

    def _set_idle_minutes(self, minutes: int) -> None:
        if self.idle_override_ms is not None:
            self.idle.set_interval_ms(self.idle_override_ms)
        else:
            self.idle.set_minutes(minutes)

    def lock(self, reason: str = "manual") -> None:
        """Record the lock, close the workspace (engine disposed, key wiped), destroy every page, show the
        lock screen. Waits for a running background job first: it may be using the workspace."""
        if self.ws is None or self.finished:
            return
        if busy_count() > 0:
            if self.main is not None:
                self.main.cancel_jobs()  # an import rolls back rather than hold the lock off
            if self._pending_lock is None:
                self._pending_lock = reason
                QTimer.singleShot(LOCK_RETRY_MS, self._retry_lock)
            return
        self._pending_lock = None
        self.idle.stop()
        logs.events.info("locked: %s", reason)
        ws, self.ws = self.ws, None
        username = ws.actor.username
        self._close_workspace(ws, reason)
        if self.main is not None:
            self.main.teardown()
            self.main.hide()
        login = self.show_login()
        login.set_locked(username, reason)

    def restore(self, source: Path, password: str) -> None:
        """Close the workspace, replace it by the backup on a worker (an admin of the backup must open it
        with `password`), then open the restored workspace; on a refusal, the login window says why."""
        from ui.widgets.common import SteadyProgress

        if self.ws is None or self.finished:
            return
        if self.main is not None:
            self.main.cancel_jobs()
        wait_for_jobs()
        self.idle.stop()
        ws, self.ws = self.ws, None
        workspace, username = ws.workspace, ws.actor.username
        self._close_workspace(ws, "restore")
        if self.main is not None:
            self.main.teardown()
            self.main.hide()
        progress = SteadyProgress(self.tr("Restoring the workspace from {name}…").format(name=source.name), "", 0, 0)
        progress.setWindowTitle(self.tr("Restore"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.show()

        def restored(opened: OpenWorkspace) -> None:
            progress.hide()
            progress.deleteLater()
            self.on_opened(opened)
            if self.main is not None:
                from ui.widgets.common import inform

                inform(
                    self.main,
                    self.tr("Restored"),
                    self.tr(
                        "The workspace now holds the data of the backup {name}. The data it replaced were moved "
                        "into a folder named \"replaced-…\" in the workspace folder."
                    ).format(name=source.name),
                )

        def refused(err: BaseException) -> None:
            progress.hide()
            progress.deleteLater()
            login = self.show_login()
            login.set_locked(username, "restore")
            login.message.show_error(
                self.tr("The restore did not take place: {reason} Log in again to go on working.").format(
                    reason=i18n.error_text(err)
                )
            )

        run_job(lambda: workspace.restore(source, username, password), self, restored, refused)

    def _retry_lock(self) -> None:
        reason, self._pending_lock = self._pending_lock, None
        if reason is not None:
            self.lock(reason)

    @staticmethod
    def _close_workspace(ws: OpenWorkspace, reason: str) -> None:
        from reviewdesk.errors import ReviewDeskError
        from reviewdesk.services import sessions

        try:
            sessions.record_lock(ws, reason)
        except ReviewDeskError:
            pass  # the lock must happen even if the entry cannot be written
        except Exception as err:
            i18n.error_text(err)  # logs type and place only
        finally:
            ws.close()

    # -- quit ----------------------------------------------------------------------------------------
    def quit(self) -> None:
        """Close everything and end the event loop."""
        self.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Record the lock ('quit'), close the workspace and every window. Safe to call twice."""
        if self.finished:
            return
        self.finished = True
        self.idle.stop()
        wait_for_jobs()
        if self.ws is not None:
            ws, self.ws = self.ws, None
            self._close_workspace(ws, "quit")
        if self.wizard is not None:
            opened = self.wizard.opened_workspace()
            if opened is not None and not opened.closed:
                opened.close()
        if self.main is not None:
            self.main.teardown()
            self.main.allow_close()
        self._release_hold()
        for window in (self.main, self.login, self.wizard):
            if window is not None:
                window.hide()
                window.deleteLater()
        self.main = self.login = self.wizard = None


# -- process ---------------------------------------------------------------------------------------------
def _make_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(i18n.ORGANISATION)
    app.setApplicationName(i18n.APPLICATION)
    # File dialogs are Qt's own, in the app's language, as ui/file_dialogs.py builds them (no app-wide hook).
    font = QFont(app.font())
    family = _chinese_fallback()
    if family:
        font.setFamily(family)
    if 0 < font.pointSizeF() < 10.5:  # readable for people who read documents all day (五号 ≈ 10.5 pt)
        font.setPointSizeF(10.5)
    app.setFont(font)
    return app


def _chinese_fallback() -> str | None:
    """On a machine without any Chinese font (a bare Linux box), use the shipped WenQuanYi Micro Hei so the
    interface shows characters, not boxes. Windows always has one, and then nothing is loaded."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    from reviewdesk.resources import resources_dir

    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def _announce_when_shown(window: QWidget, app: QApplication) -> None:
    def announce() -> None:
        if window.isVisible():
            print(f"{SHOWN_MARKER} {type(window).__name__}", flush=True)
            app.exit(0)
        else:
            QTimer.singleShot(5, announce)

    QTimer.singleShot(0, announce)


def run(workspace: str | None = None, username: str | None = None, file: str | None = None) -> int:
    """Start the desktop app. `workspace`: folder (default: REVIEWDESK_WORKSPACE or the per-user folder);
    `username`: filled in on the login window; `file`: a package to import after log-in. If an app already
    runs on that workspace for this user, hand `file` to it and return 0."""
    from ui.single_instance import InstanceServer, forward, server_name

    app = _make_app()
    crash.install(app)
    folder = resolve_folder(workspace)
    package = Path(file).expanduser() if file else None
    name = server_name(folder)
    if forward(name, package):
        logs.events.info("handed over to the app already running on this workspace")
        return 0
    i18n.install(i18n.saved_language())
    controller = AppController(folder, username or os.environ.get("REVIEWDESK_USER"))
    controller.instance_server = InstanceServer(app)
    controller.instance_server.listen(name)
    controller.instance_server.requested.connect(controller.bring_forward)
    if package is not None:
        controller.open_file(package.resolve())
    controller.session_lock.install(app)
    window = controller.start()
    if os.environ.get(EXIT_WHEN_SHOWN) == "1":
        _announce_when_shown(window, app)
    app.aboutToQuit.connect(controller.shutdown)
    code = app.exec()
    controller.shutdown()
    return code


def parse_args(argv: list[str]) -> argparse.Namespace:
    """`reviewdesk-gui [--workspace DIR] [--user NAME] [FILE]`; FILE is what the .rdpkg association passes."""
    parser = argparse.ArgumentParser(prog="reviewdesk-gui", description="ReviewDesk desktop app")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder")
    parser.add_argument("--user", metavar="NAME", help="user name to fill in on the login window")
    parser.add_argument("file", nargs="?", help="a package (.rdpkg) to import after log-in")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    return run(workspace=args.workspace, username=args.user, file=args.file)


if __name__ == "__main__":
    sys.exit(main())
