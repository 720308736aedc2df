"""Take the manual's pictures (resources/help/images/*.png) offscreen from a fresh demo workspace.

    QT_QPA_PLATFORM=offscreen python installer/help_screens.py [OUT_FOLDER]

Every screen is shown at 1366×768 in Chinese, grabbed and scaled to 1024 pixels wide. Run it again after a
screen changes; the demo data are synthetic, so the pictures hold no real case.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewdesk import demo  # noqa: E402
from reviewdesk.workspace import Workspace  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import _make_app  # noqa: E402
from ui.qt import QApplication, QEvent, QImage, Qt, QTableView, QWidget  # noqa: E402
from ui.windows.main_window import MainWindow  # noqa: E402
from ui.worker import wait_for_jobs  # noqa: E402

SIZE = (1366, 768)
WIDTH = 1024
EXPERT = "zhanghua"


def _settle(rounds: int = 30) -> None:
    for _ in range(rounds):
        wait_for_jobs()
        QApplication.processEvents()
        # Widgets replaced with deleteLater() go only here outside an event loop; else they show through.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _save(widget: QWidget, out: Path, name: str) -> None:
    _settle()
    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    # 256 colours: a third of the size, and the text stays sharp.
    image = image.convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    )
    image.save(str(out / f"{name}.png"), "PNG", 9)
    print(f"{name}.png", flush=True)


def _first_row(page: QWidget) -> None:
    """Select the first row of the page's first table, so the detail pane shows something."""
    for table in page.findChildren(QTableView):
        if table.isVisible() and table.model() is not None and table.model().rowCount() > 0:
            table.selectRow(0)
            return


def _deliberation(page: QWidget) -> None:
    tasks = getattr(page, "cases", None)
    if tasks is not None:
        from reviewdesk.services.scoring import MyCase

        rows = [tasks.row_at(r) for r in range(tasks.rowCount())]
        waiting = [r for r in rows if isinstance(r, MyCase) and r.status == "submitted"]
        if waiting:
            page.cases_table.selectRow(tasks.row_of(waiting[-1].campaign_id, waiting[-1].case_id))
    tabs = getattr(page, "tabs", None)
    if tabs is not None:
        _settle()
        tabs.setCurrentIndex(1)


SHOTS: dict[str, list[tuple[str, str, Callable[[QWidget], None] | None]]] = {
    # user: [(page, picture, what to do on the page first)]
    demo.DEMO_ADMIN: [
        ("home", "home-admin", None),
        ("cases", "cases", _first_row),
        ("experts", "experts", _first_row),
        ("assignment", "assignment", None),
        ("opinions", "opinions", _first_row),
        ("results", "results", None),
        ("settings", "settings-backup", None),
    ],
    EXPERT: [
        ("home", "home-expert", None),
        ("scoring", "scoring-expert", _first_row),
    ],
    "leader": [("scoring", "deliberation", _deliberation)],  # the leader of a panel whose sheets are all in
}


def _prepare_world(folder: Path) -> dict[str, str]:
    """Make the pictures show work under way: 张华 has confirmed his first statement (so the sheet shows), and
    "leader" is the account leading the first panel that waits for its conclusion. Returns user → account."""
    from reviewdesk.services import assignment, experts, my_tasks, scoring

    with Workspace(folder).open(EXPERT, demo.DEMO_PASSWORD) as ws:
        first = my_tasks.my_tasks(ws)[0]
        scoring.certify(ws, str(first.case_id), first.campaign_id)
    with Workspace(folder).open(demo.DEMO_ADMIN, demo.DEMO_PASSWORD) as ws:
        waiting = assignment.panels(ws, demo.DEMO_CAMPAIGN)[4]  # the demo concludes panels 1-4 of 6 scored
        leader = next(m for m in waiting.members if m.role == "leader")
        account = experts.expert_detail(ws, leader.external_id).account or EXPERT
    return {demo.DEMO_ADMIN: demo.DEMO_ADMIN, EXPERT: EXPERT, "leader": account}


def take(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _make_app()
    i18n.install("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        print("building the demo workspace (about 20 s)…", flush=True)
        folder = Path(tmp) / "demo"
        demo.create_demo(folder)

        from ui.windows.login import LoginWindow

        login = LoginWindow(folder)
        login.show()
        _save(login, out, "login")
        login.close()

        accounts = _prepare_world(folder)
        for user, shots in SHOTS.items():
            with Workspace(folder).open(accounts[user], demo.DEMO_PASSWORD) as ws:
                main = MainWindow()
                main.resize(*SIZE)
                main.build(ws, 10)
                main.show()
                for key, name, prepare in shots:
                    main.show_page(key)
                    _settle()
                    if prepare is not None:
                        prepare(main.pages[key])
                    _save(main, out, name)
                main.teardown()
                main.allow_close()
                main.close()


if __name__ == "__main__":
    take(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "help" / "images")
