"""The campaign chooser the document, statistics and results pages share: "ID  name" items, the id as data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ui.qt import QComboBox, QWidget

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace


class CampaignCombo(QComboBox):
    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.currentIndexChanged.connect(lambda _i: on_change())

    def fill(self, items: Iterable[tuple[str, str]], choose: str | None = None, start: int = 0) -> None:
        """Replace the items (id, shown text) without signalling; select `choose`, else row `start`."""
        self.blockSignals(True)
        self.clear()
        for campaign_id, text in items:
            self.addItem(text, campaign_id)
        index = self.findData(choose) if choose else -1
        self.setCurrentIndex(index if index >= 0 else start)
        self.blockSignals(False)

    def campaign_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def load_campaigns(self, ws: OpenWorkspace) -> None:
        """Every campaign, opening on the first that has cases for this account (the newest may be empty).
        Raises what the services raise; the page shows it."""
        from reviewdesk.services import campaigns, documents

        rows = campaigns.list_campaigns(ws)
        start = next((n for n, c in enumerate(rows) if documents.opinion_list(ws, c.id)), 0)
        self.fill(((c.id, f"{c.id}  {c.name}") for c in rows), start=start)
