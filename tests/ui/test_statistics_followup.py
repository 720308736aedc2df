"""The statistics page's follow-up line: shown once the registers hold something, with the service's figures."""

from __future__ import annotations

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import rectification
from reviewdesk.services import rectification_generate as generating
from ui.pages.statistics import StatisticsPage


def test_the_follow_up_figures_appear_once_there_are_items(qtbot, plain_demo_ws):
    demo_ws = plain_demo_ws  # the demo before its follow-up records: the line appears with the first items
    page = StatisticsPage(demo_ws)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=30000)
    assert "Rectification:" not in page.follow_up.text() and "整改：" not in page.follow_up.text()
    generating.generate_campaign(demo_ws, DEMO_CAMPAIGN)
    items = rectification.list_items(demo_ws, DEMO_CAMPAIGN)
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.followup is not None
                    and page.stats.followup.items == len(items), timeout=30000)
    second = page.follow_up.text().splitlines()[-1]
    assert str(len(items)) in second and ("Rectification:" in second or "整改：" in second)
