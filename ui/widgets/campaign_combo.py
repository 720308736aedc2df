"""The campaign chooser: "ID  name" items, the id as data.

The main window's header holds one (`SessionCampaignCombo`): the campaign of the session, remembered per
account. Pages that were built with their own `CampaignCombo` are bound to it by `follow()`: their box is
hidden and always shows the header's campaign, so two pages can never be on different campaigns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ui.qt import QComboBox, QLabel, QWidget

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


class CampaignCombo(QComboBox):
    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.caption = QLabel(self.tr("Campaign:"))
        self.caption.setBuddy(self)
        self.followed: str | None = None  # the session's campaign once bound (follow)
        self.currentIndexChanged.connect(lambda _i: on_change())

    def fill(self, items: Iterable[tuple[str, str]], choose: str | None = None, start: int = 0) -> None:
        """Replace the items (id, shown text) without signalling; select the followed campaign, else `choose`,
        else row `start`."""
        self.blockSignals(True)
        self.clear()
        for campaign_id, text in items:
            self.addItem(text, campaign_id)
        index = -1
        for wanted in (self.followed, choose):
            if wanted and index < 0:
                index = self.findData(wanted)
        self.setCurrentIndex(index if index >= 0 else start)
        self.setToolTip(self.currentText())
        self.blockSignals(False)

    def campaign_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def load_campaigns(self, ws: OpenWorkspace, choose: str | None = None) -> None:
        """Every campaign, opening on `choose`, else on the first that has cases for this account (the newest
        may be empty). Raises what the services raise; the page shows it."""
        from reviewdesk.services import campaigns, documents

        rows = campaigns.list_campaigns(ws)
        start = 0
        if not (self.followed or choose):
            start = next((n for n, c in enumerate(rows) if documents.opinion_list(ws, c.id)), 0)
        self.fill(((c.id, f"{c.id}  {c.name}") for c in rows), choose=choose, start=start)

    def follow(self, campaign_id: str | None) -> bool:
        """Bind this box to the session's campaign: hide it (and its caption) and select `campaign_id`; the
        page's on_change runs if that changes the selection. False if the campaign is not among the items
        (the page should reload them)."""
        self.followed = campaign_id
        self.hide()
        self.caption.hide()
        if self.count() == 0:
            return True  # not loaded yet: `fill` picks it
        index = self.findData(campaign_id) if campaign_id else -1
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True


class SessionCampaignCombo(CampaignCombo):
    """The header's box: re-reads the campaigns each time it opens, so one imported a moment ago is there."""

    def __init__(self, on_change: Callable[[], None], reload: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(on_change, parent)
        self._reload = reload
        self.caption.setText(self.tr("Current &campaign:"))
        self.setAccessibleName(self.tr("Current campaign"))
        self.setToolTip(self.tr("Every page shows this campaign"))
        # The header has the room: the whole name shows (24 characters clipped "2026年涉法涉诉信访…").
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def showPopup(self) -> None:
        self._reload()
        super().showPopup()
