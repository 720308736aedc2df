"""Log-in shows the main window before any page reads the store: pages are built when first shown, and read
their data on the worker behind a "Loading…" note."""

from __future__ import annotations

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import NotFound
from tests.ui.conftest import live_pages, log_in
from ui.pages.base import Page
from ui.pages.home import HomePage
from ui.qt import QLabel
from ui.windows.main_window import MainWindow


def test_log_in_builds_home_only_and_home_loads_off_the_ui_thread(qtbot, demo_folder, make_controller):
    controller = make_controller(demo_folder, DEMO_ADMIN)
    login = controller.start()
    qtbot.waitExposed(login)
    log_in(qtbot, login, DEMO_ADMIN, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: controller.main is not None and controller.main.isVisible(), timeout=15000)
    main = controller.main
    assert isinstance(main, MainWindow)
    # Every area is listed, but only the page on screen exists.
    assert {"home", "cases", "experts", "assignment", "audit"} <= set(main.pages)
    assert [p.objectName() for p in live_pages()] == ["page-home"]
    home = main.pages["home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: not home.is_loading(), timeout=15000)
    codes = {home.model.index(r, 0).data() for r in range(home.model.rowCount())}
    assert DEMO_CAMPAIGN in codes
    note = home.findChild(QLabel, "page-loading")
    assert note is None or not note.isVisible()

    # Another area is built when it is shown; a lock destroys what was built.
    main.show_page("audit")
    assert main.pages.is_built("audit") and not main.pages.is_built("experts")
    assert sorted(p.objectName() for p in live_pages()) == ["page-audit", "page-home"]
    main.activateWindow()
    controller.lock("manual")
    qtbot.waitUntil(lambda: live_pages() == [])
    assert main.pages == {}


def test_loading_note_shows_while_the_worker_reads(qtbot, demo_ws):
    page = Page(demo_ws)
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    shown: list[int] = []
    page.load_in_background(lambda ws: len(ws.actor.username), shown.append, lambda err: shown.append(-1))
    note = page.findChild(QLabel, "page-loading")
    assert page.is_loading() and note is not None and note.isVisible()
    assert note.text() == "正在加载…"
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=10000)
    assert shown == [len(DEMO_ADMIN)] and not note.isVisible()

    # A failure reaches the page's own handler; after teardown nothing is called back.
    failures: list[BaseException] = []

    def missing(ws: object) -> int:
        raise NotFound("no such campaign", message_zh="没有这个评查活动")

    page.load_in_background(missing, shown.append, failures.append)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=10000)
    assert len(failures) == 1 and isinstance(failures[0], NotFound)
    page.load_in_background(lambda ws: 7, shown.append, failures.append)
    page.teardown()
    qtbot.wait(200)
    assert shown == [len(DEMO_ADMIN)] and len(failures) == 1
