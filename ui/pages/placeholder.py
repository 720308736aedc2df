"""An honest page for the areas that later versions bring."""

from __future__ import annotations

from ui.pages.base import Page
from ui.qt import QFrame, QLabel, Qt, QVBoxLayout, QWidget
from ui.widgets.common import heading, note


class PlaceholderPage(Page):
    def __init__(self, key: str, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.key = key
        self.help_anchor = key  # the manual has a topic for every area still to come
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(heading(title, 1.6))
        inner.addWidget(note(purpose))
        coming = QLabel(self.tr("Coming in a later version."))
        coming.setStyleSheet("color: #8a5a00; font-weight: bold;")
        inner.addWidget(coming)
        inner.addWidget(
            note(
                self.tr(
                    "This version covers the review itself: case packages, experts, recusal, panels, scoring, "
                    "deliberation, opinions, results packages and statistics. Until this area arrives, keep "
                    "working as before; nothing needs to be prepared here. The conclusions' corrections and "
                    "referral suggestions are already in each opinion and in the ledger."
                )
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
