"""关于 ReviewDesk: version, what the program is, and every third-party licence notice it ships with.

A frozen build shows the notice file installer/notices.py wrote at build time; a checkout or an installed
wheel builds the same text from the installed distributions' metadata.
"""

from __future__ import annotations

from reviewdesk import __version__
from reviewdesk.resources import notices_file
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFont,
    QFontDatabase,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.screen_fit import fit_to_screen


def notices() -> str:
    shipped = notices_file()
    if shipped is not None and shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    from reviewdesk.notices import notices_text

    return notices_text()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ReviewDesk"))
        fit_to_screen(self, 760, 560)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ReviewDesk {version}").format(version=__version__))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        summary = QLabel(
            self.tr(
                "Workstation for law-enforcement supervision case review. Works offline; all data stays "
                "encrypted in the workspace folder."
            )
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Third-party software and licences:")))
        self.notices = QPlainTextEdit()
        self.notices.setObjectName("licence-notices")
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setPlainText(notices())
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
