"""One campaign for the session: the header's box, followed by every page, remembered per account."""

from __future__ import annotations

from reviewdesk.services import audit, campaigns, settings
from reviewdesk.services.audit import AuditFilter
from tests.conftest import ADMIN, ADMIN_PW
from tests.test_selection import make_campaign
from ui.pages.base import Page
from ui.widgets.campaign_combo import CampaignCombo

CAMPAIGN_PAGES = ("assignment", "scoring", "opinions", "results", "statistics")


def _choose(window, campaign_id: str) -> None:
    """Pick the campaign in the header as a user would (the box's own item)."""
    index = window.campaign.findData(campaign_id)
    assert index >= 0
    window.campaign.setCurrentIndex(index)


def _page_campaign(page: Page) -> str | None:
    combo = getattr(page, "campaign", None)
    assert isinstance(combo, CampaignCombo), page.key
    assert not combo.isVisibleTo(page), f"{page.key} still shows its own campaign box"
    return combo.campaign_id()


def _two_campaigns(ws) -> None:
    make_campaign(ws, 3, "C1")
    campaigns.create_campaign(ws, "C2", "第二次评查", 2026)


def test_every_page_follows_the_header_campaign(qtbot, admin_ws, main_window):
    _two_campaigns(admin_ws)
    window = main_window(admin_ws)
    assert window.campaign.isVisible() and window.campaign.count() == 2
    for key in CAMPAIGN_PAGES[:2]:  # some pages loaded before the switch, some after
        window.show_page(key)
        qtbot.waitUntil(lambda key=key: not window.pages[key].is_loading())  # 分案 reads on the worker
    start = window.campaign_id()
    other = "C1" if start == "C2" else "C2"
    for key in CAMPAIGN_PAGES[:2]:
        assert _page_campaign(window.pages[key]) == start, key
    _choose(window, other)
    for key in CAMPAIGN_PAGES:
        window.show_page(key)
        qtbot.waitUntil(
            lambda key=key: not window.pages[key].is_loading() and not getattr(window.pages[key], "busy_now", lambda: False)()
        )
        assert _page_campaign(window.pages[key]) == other, key
    _choose(window, start)  # every page is loaded now
    for key in CAMPAIGN_PAGES:
        assert _page_campaign(window.pages[key]) == start, key
    seqs = audit.entry_seqs(admin_ws, AuditFilter(action="settings.current_campaign"))
    assert [e.target for e in audit.entries(admin_ws, seqs).values()] == [f"campaign:{other}", f"campaign:{start}"]


def test_the_choice_is_remembered_per_account(qtbot, admin_ws, login_as, main_window):
    _two_campaigns(admin_ws)
    observer = login_as("observer")
    first = main_window(admin_ws)
    _choose(first, "C1")
    _choose(first, "C2")
    first.teardown()
    assert first.campaign.count() == 0  # nothing of the data left behind the lock

    again = admin_ws.workspace.open(ADMIN, ADMIN_PW)  # log out and in again
    try:
        window = main_window(again)
        assert window.campaign_id() == "C2"
        window.show_page("statistics")
        assert _page_campaign(window.pages["statistics"]) == "C2"
    finally:
        window.teardown()
        again.close()

    other = main_window(observer)
    assert settings.current_campaign(observer) is None  # never chose: the admin's choice is not theirs
    _choose(other, "C1")
    assert settings.current_campaign(observer) == "C1"
    assert settings.current_campaign(admin_ws) == "C2"
    other.show_page("opinions")
    assert _page_campaign(other.pages["opinions"]) == "C1"


def test_an_unknown_campaign_is_refused(admin_ws):
    import pytest

    from reviewdesk.errors import ValidationError

    with pytest.raises(ValidationError):
        settings.set_current_campaign(admin_ws, "NOPE")
    assert settings.current_campaign(admin_ws) is None
