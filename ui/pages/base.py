"""What every page of the main window has: the open workspace, refresh, and teardown on lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QWidget

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


class Page(QWidget):
    """A page is built for one open workspace and thrown away when the app locks (`teardown`, then
    `deleteLater`). It must not keep data anywhere but in its own widgets and models."""

    key = ""

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws

    def activate(self) -> None:
        """Called each time the page is shown; the first call loads its data."""

    def follow_campaign(self, campaign_id: str | None) -> None:
        """The session's campaign (the main window's header) changed or was set after login: a page with a
        campaign box binds it (hidden, always this campaign); a page with a list across campaigns filters it."""
        from ui.widgets.campaign_combo import CampaignCombo

        combo = getattr(self, "campaign", None)
        if isinstance(combo, CampaignCombo) and not combo.follow(campaign_id):
            reload = getattr(self, "_load_campaigns", None)
            if reload is not None:
                reload()  # a campaign created since the page loaded its list

    def teardown(self) -> None:
        """Drop the workspace and every row of data (models, labels). Subclasses extend and call this."""
        self.ws = None

    def holds_data(self) -> bool:
        """For tests: does this page still hold the workspace or rows of data?"""
        return self.ws is not None
