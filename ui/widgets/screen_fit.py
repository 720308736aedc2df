"""Windows that fit a review-room laptop (1366×768, often at 125 % or 150 %): a first size no larger than the
screen, tables tall enough for the rows that matter, and splitters that start sensibly and remember where the
user left them."""

from __future__ import annotations

from collections.abc import Sequence

from ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QObject,
    QResizeEvent,
    QScrollArea,
    QSize,
    QSplitter,
    QTableView,
    QWidget,
)

# 1366×768 less a Windows taskbar: what a window and its frame may take at 100 %.
SMALL_SCREEN = QSize(1366, 728)
_FRAME = QSize(16, 40)  # title bar and borders the window manager adds


def screen_room(widget: QWidget | None = None) -> QSize:
    """The room a window has on its screen (the available area less the frame)."""
    screen = (widget.screen() if widget is not None else None) or QApplication.primaryScreen()
    area = screen.availableGeometry().size() if screen is not None else SMALL_SCREEN
    return QSize(max(320, area.width() - _FRAME.width()), max(240, area.height() - _FRAME.height()))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less where the screen is smaller, so no button ends up off-screen."""
    room = screen_room(window)
    window.resize(min(width, room.width()), min(height, room.height()))


def rows_tall(table: QTableView, rows: int) -> None:
    """At least `rows` rows (and the header) stay visible however the page is squeezed."""
    row = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + rows * row + 2 * table.frameWidth() + 4)


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: at 150 % on a small screen the window scrolls instead of growing."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class PageScroller(QScrollArea):
    """Holds a page at the size of the window and scrolls it only where the window is smaller than the page's
    minimum size (1366×768 at 150 %). QScrollArea's own resizable mode asks a page holding word-wrapped text
    for its preferred height instead, and would scroll pages that fit."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)  # not resizable: _fit sizes it
        page.installEventFilter(self)  # the page's own layout changes (LayoutRequest) refit it

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.maximumViewportSize()  # the viewport without scroll bars
        if least.height() > room.height():  # a vertical bar will take its width
            room.setWidth(room.width() - self.verticalScrollBar().sizeHint().width())
        if least.width() > room.width():
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        page.resize(least.expandedTo(room))


def scroll_holder(widget: QWidget) -> QWidget:
    """The scroll area `scrolled` put `widget` in, or `widget` itself if it is in none."""
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return area if isinstance(area, QScrollArea) and area.widget() is widget else widget


def remember_splitter(splitter: QSplitter, name: str, user: str, sizes: Sequence[int]) -> None:
    """Start at `sizes` (or where this user left the splitter last time) and keep each move for next time."""
    from ui.i18n import settings

    key = f"layout/{user}/{name}"
    splitter.setChildrenCollapsible(False)
    splitter.setHandleWidth(max(splitter.handleWidth(), 7))  # easy to find and to grab with a mouse
    saved = settings().value(key)
    if not (saved and splitter.restoreState(saved)):
        splitter.setSizes(list(sizes))
    splitter.splitterMoved.connect(lambda *_: settings().setValue(key, splitter.saveState()))
