"""Every page and every dialog fits a 1366×768 laptop screen (less the taskbar) at 100 %.

The walk runs on the demo workspace, as admin and as an expert. With REVIEWDESK_SCREENSHOTS=<folder> it also
saves each page at 1366×768, to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD, create_demo
from reviewdesk.workspace import OpenWorkspace
from ui.qt import QApplication, QSize, QWidget
from ui.widgets.screen_fit import SMALL_SCREEN, screen_room
from ui.windows.main_window import MainWindow

SHOTS = os.environ.get("REVIEWDESK_SCREENSHOTS")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    if SHOTS:  # a Chinese face for the pictures (the test machine has none installed)
        from reviewdesk.resources import resources_dir
        from ui.qt import QFont, QFontDatabase

        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
        QApplication.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10))
    folder = tmp_path_factory.mktemp("demo") / "workspace"
    create_demo(folder)
    return folder


# 1366×768 at 150 %: the logical screen Qt lays out on (less the taskbar).
SCALED_SCREEN = QSize(911, 512 - 27)
TOO_BIG_AT_150: list[str] = []


def _within(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _fits(what: str, widget: QWidget, room: QSize | None = None) -> None:
    """The window can be made as small as the laptop's screen, and opens no larger than the screen it is on."""
    QApplication.processEvents()
    for name, size in (("minimumSizeHint", widget.minimumSizeHint()), ("minimumSize", widget.minimumSize())):
        assert _within(size, SMALL_SCREEN), f"{what}: {name} {size.width()}×{size.height()} > 1366×728"
        if not _within(size, SCALED_SCREEN):
            TOO_BIG_AT_150.append(f"{what}: {name} {size.width()}×{size.height()}")
    room = room or screen_room(widget)
    assert _within(widget.size(), room), f"{what} opens at {widget.width()}×{widget.height()}, the screen has {room}"


@pytest.fixture
def opened(demo) -> Iterator[callable]:
    made: list[OpenWorkspace] = []

    def open_as(username: str) -> OpenWorkspace:
        from reviewdesk.workspace import Workspace

        ws = Workspace(demo).open(username, DEMO_PASSWORD)
        made.append(ws)
        return ws

    yield open_as
    for ws in made:
        ws.close()


@pytest.mark.parametrize("username", [DEMO_ADMIN, "zhanghua"])
def test_every_page_fits_1366x768(qtbot, opened, username):
    ws = opened(username)
    window = MainWindow()
    qtbot.addWidget(window)
    window.build(ws, 10)
    window.resize(SMALL_SCREEN)
    window.show()
    try:
        for key in list(window.pages):
            window.show_page(key)
            page = window.pages[key]
            qtbot.waitUntil(lambda page=page: not getattr(page, "busy_now", lambda: False)(), timeout=20000)
            _fits(f"{username} page {key}", window, SMALL_SCREEN)
            if SHOTS:
                QApplication.processEvents()
                Path(SHOTS).mkdir(parents=True, exist_ok=True)
                window.grab().save(str(Path(SHOTS) / f"{username}-{key}.png"))
    finally:
        window.teardown()
        window.allow_close()


def test_every_dialog_fits_1366x768(qtbot, opened, tmp_path):
    from reviewdesk.services import campaigns, documents
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.accounts import AddUserDialog, ChangePasswordDialog
    from ui.dialogs.certify import CertifyDialog
    from ui.dialogs.expert_import import ExpertImportDialog
    from ui.dialogs.import_wizard import ImportWizard
    from ui.dialogs.recovery import RecoveryDialog
    from ui.dialogs.results_export import ResultsExportDialog
    from ui.dialogs.selection import SelectionDialog
    from ui.widgets.pdf_preview import PdfPreviewDialog
    from ui.windows.login import LoginWindow
    from ui.windows.setup_wizard import SetupWizard

    ws = opened(DEMO_ADMIN)
    name = next(c.name for c in campaigns.list_campaigns(ws) if c.id == DEMO_CAMPAIGN)
    concluded = next(r for r in documents.opinion_list(ws, DEMO_CAMPAIGN) if r.concluded)
    pdf = documents.render_opinion(ws, concluded.case_id, "pdf", DEMO_CAMPAIGN, draft=True)
    made = {
        "about": lambda: AboutDialog(),
        "change password": lambda: ChangePasswordDialog(ws),
        "add account": lambda: AddUserDialog(ws),
        "recusal statement": lambda: CertifyDialog("本人声明……" * 200, "GS-DEMO-0001", lambda: None),
        "expert import": lambda: ExpertImportDialog(ws),
        "case import": lambda: ImportWizard(ws),
        "recovery": lambda: RecoveryDialog(tmp_path),
        "results export": lambda: ResultsExportDialog(ws, DEMO_CAMPAIGN, name),
        "case selection": lambda: SelectionDialog(ws, DEMO_CAMPAIGN),
        "opinion preview": lambda: PdfPreviewDialog(_data(pdf), "意见书"),
        "login": lambda: LoginWindow(tmp_path),
        "setup wizard": lambda: SetupWizard(tmp_path / "new"),
    }
    for what, make in made.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(what, dialog)
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"dialog-{what.replace(' ', '-')}.png"))
        dialog.hide()


def _data(rendered: object) -> bytes:
    return rendered if isinstance(rendered, bytes) else rendered.data  # type: ignore[attr-defined]


def test_a_window_opens_no_larger_than_a_small_screen(qtbot, monkeypatch):
    """fit_to_screen on a 1366×768 laptop at 150 % (the offscreen screen is larger): the room wins."""
    from ui.widgets import screen_fit
    from ui.widgets.pdf_preview import PdfPreviewDialog

    monkeypatch.setattr(screen_fit, "screen_room", lambda _w=None: SCALED_SCREEN)
    dialog = PdfPreviewDialog(b"not a pdf", "意见书")
    qtbot.addWidget(dialog)
    assert _within(dialog.size(), SCALED_SCREEN)  # 打印 and 关闭 stay on the screen


def test_report_what_is_tight_at_150_percent():
    """Not an assertion: what needs a scroll bar at 150 % (printed with -s for the notes)."""
    print("\nminimum sizes above 911×485 (1366×768 at 150 %):", *TOO_BIG_AT_150, sep="\n  ")
