"""The manual in its own window: topics on the left, the page in a QTextBrowser, readable offline.

One window per main window, reused: F1 on another page only moves it to that page's topic.
"""

from __future__ import annotations

from ui import help as manual
from ui.qt import (
    QDialogButtonBox,
    QGuiApplication,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    Qt,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.common import MessageLine


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help-window")
        self.setWindowTitle(self.tr("ReviewDesk — User manual"))
        self.current_anchor = ""
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setMaximumWidth(220)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the machine
        self.browser.setOpenLinks(True)
        self.message = MessageLine()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        for topic in manual.topics():
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.anchor)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._topic_chosen)
        self.contents.itemClicked.connect(self._topic_chosen)
        self.browser.anchorClicked.connect(self._link_followed)
        path = manual.manual_path()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.message.show_error(
                self.tr("The manual is missing from this installation ({path}). Reinstall ReviewDesk.").format(
                    path=path
                )
            )
        self._fit_screen()

    def _fit_screen(self) -> None:
        """960×680, never more than the screen's free area (1366×768 laptops, 125 %/150 % scaling)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 960, 680
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(width, height)

    def show_topic(self, anchor: str) -> None:
        """Show the window at `anchor` (the manual's contents if the anchor is unknown)."""
        if anchor not in manual.anchors():
            anchor = "contents"
        self.current_anchor = anchor
        self.browser.scrollToAnchor(anchor)
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _topic_chosen(self, item: QListWidgetItem) -> None:
        self.show_topic(str(item.data(Qt.ItemDataRole.UserRole)))

    def _link_followed(self, url: QUrl) -> None:
        if url.fragment():
            self.current_anchor = url.fragment()
