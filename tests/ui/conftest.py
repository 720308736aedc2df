"""GUI fixtures: Chinese translations installed, the app controller and windows cleaned up after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ADMIN, ADMIN_PW
from ui import i18n
from ui.app import AppController
from ui.pages.base import Page
from ui.qt import QApplication, QWidget
from ui.windows.login import LoginWindow
from ui.windows.main_window import MainWindow
from ui.worker import wait_for_jobs


@pytest.fixture(autouse=True)
def zh_cn(qapp: QApplication) -> Iterator[None]:
    i18n.install("zh_CN")
    yield
    i18n.remove()


@pytest.fixture(autouse=True)
def _no_background_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """The main window starts OCR of queued scans after log-in; GUI tests start it themselves when they mean to."""
    from ui.widgets import ocr_status

    monkeypatch.setattr(ocr_status, "AUTO_START", False)


@pytest.fixture(autouse=True)
def _no_leftovers(qapp: QApplication) -> Iterator[None]:
    """After each test: background jobs drained, windows closed and deleted."""
    yield
    wait_for_jobs()
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QApplication.processEvents()
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()


@pytest.fixture
def make_controller(qtbot) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(folder: Path, username: str | None = None) -> AppController:
        controller = AppController(folder, username)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def main_window(qtbot) -> Iterator[Callable[..., MainWindow]]:
    """A main window built directly on an open workspace (skips the log-in)."""
    made: list[MainWindow] = []

    def make(ws, minutes: int = 10) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.build(ws, minutes)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.teardown()
        window.allow_close()


def log_in(qtbot, login: LoginWindow, username: str = ADMIN, password: str = ADMIN_PW) -> None:
    """Type into the real fields and press the button, as a user would."""
    from ui.qt import Qt

    login.username.clear()
    qtbot.keyClicks(login.username, username)
    login.password.clear()
    qtbot.keyClicks(login.password, password)
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)


def live_pages() -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if isinstance(w, Page)]


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives through the input method, not as key presses (QTest only knows ASCII keys)."""
    from ui.qt import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
