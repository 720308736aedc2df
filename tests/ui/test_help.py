"""The manual inside the app: F1 on every page opens it at that page's topic; every topic a page names exists,
and the pictures the manual shows are shipped."""

from __future__ import annotations

import re

import pytest

from ui import help as manual
from ui.qt import QApplication, Qt
from ui.windows.help_window import HelpWindow
from ui.windows.main_window import AREAS


def _press_f1(qtbot, main) -> HelpWindow:
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=5000)
    qtbot.keyClick(main.stack.currentWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: main.help_window is not None and main.help_window.isVisible(), timeout=5000)
    return main.help_window


@pytest.mark.parametrize("role", ["admin", "expert", "observer", "auditor"])
def test_f1_on_each_page_opens_the_manual_at_its_topic(qtbot, admin_ws, login_as, main_window, role):
    ws = admin_ws if role == "admin" else login_as(role)
    main = main_window(ws)
    seen: dict[str, int] = {}
    for area in main.areas_for(role):
        main.show_page(area.key)
        page = main.pages[area.key]
        assert page.help_anchor in manual.anchors(), (area.key, page.help_anchor)
        help_window = _press_f1(qtbot, main)
        assert help_window.current_anchor == page.help_anchor
        assert help_window.contents.currentItem().data(Qt.ItemDataRole.UserRole) == page.help_anchor
        seen[page.help_anchor] = help_window.browser.verticalScrollBar().value()
    # The window really scrolled: different topics sit at different places of the page.
    if len(seen) > 1:
        assert len(set(seen.values())) == len(seen), seen
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow)]) == 1


def test_every_area_has_a_topic_and_the_manual_covers_the_tasks():
    names = manual.anchors()
    for required in (
        "login", "import", "draw", "recusal", "scoring", "deliberation", "opinions", "results", "backup", "faq",
    ):
        assert required in names
    for area in AREAS:
        if area.purpose is not None:
            assert area.key in names  # placeholder pages open their own key


def test_manual_links_and_pictures_resolve():
    text = manual.manual_path().read_text(encoding="utf-8")
    for target in re.findall(r'href="#([^"]+)"', text):
        assert target in manual.anchors(), target
    pictures = re.findall(r'<img src="([^"]+)"', text)
    assert pictures
    for picture in pictures:
        path = manual.manual_path().parent / picture
        assert path.is_file() and path.stat().st_size < 400_000, picture


def test_help_menu_opens_the_contents_and_topics_are_chosen_from_the_list(qtbot, admin_ws, main_window):
    main = main_window(admin_ws)
    main.help_action.trigger()
    window = main.help_window
    assert window.isVisible() and window.current_anchor == "home"
    assert window.width() <= 1366 and window.height() <= 768
    row = next(r for r in range(window.contents.count()) if window.contents.item(r).data(Qt.ItemDataRole.UserRole) == "backup")
    qtbot.mouseClick(
        window.contents.viewport(), Qt.MouseButton.LeftButton, pos=window.contents.visualItemRect(window.contents.item(row)).center()
    )
    assert window.current_anchor == "backup"
    assert "备份与恢复" in window.browser.toPlainText()
    main.teardown()
    assert not window.isVisible()
