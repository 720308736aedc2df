"""关于 dialog: reached from the Help menu, in Chinese, listing every bundled licence (Qt's LGPL, the fonts)."""

from __future__ import annotations

from reviewdesk import __version__
from ui.dialogs.about import AboutDialog
from ui.qt import QApplication, QLabel, QPlainTextEdit
from ui.windows.main_window import MainWindow


def test_about_dialog_from_the_help_menu_shows_the_notices_in_chinese(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.about_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))
    assert dialog.windowTitle() == "关于评查工作台"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"评查工作台 {__version__}" in labels and "第三方软件及其许可：" in labels
    text = dialog.findChild(QPlainTextEdit, "licence-notices").toPlainText()
    for needle in ("PySide6_Essentials", "LGPL-3.0", "GNU LESSER GENERAL PUBLIC LICENSE", "WenQuanYi Micro Hei",
                   "reportlab", "SQLAlchemy", "sqlcipher3", "Python Software Foundation"):
        assert needle in text, needle
    dialog.reject()
