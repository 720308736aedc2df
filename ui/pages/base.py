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
    help_anchor = "contents"  # the topic of resources/help/manual.html that F1 opens on this page

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws

    def activate(self) -> None:
        """Called each time the page is shown; the first call loads its data."""

    def teardown(self) -> None:
        """Drop the workspace and every row of data (models, labels). Subclasses extend and call this."""
        self.ws = None

    def holds_data(self) -> bool:
        """For tests: does this page still hold the workspace or rows of data?"""
        return self.ws is not None
