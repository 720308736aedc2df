"""Qt's own dialogs (file dialogs, message boxes) in the app's language.

The app uses Qt's file dialog everywhere, not the system's: the system dialog speaks the language of the
Windows installation (English on many office laptops), cannot be checked offscreen, and cannot start on the
USB stick consistently. Qt's dialog is translated by Qt's catalogue (`qtbase_zh_CN.qm`, loaded by ui/i18n.py)
and by the few strings below that Qt 6.11 renamed after its Chinese catalogue was last updated; lupdate
copies them into our own catalogue, which Qt consults when its own has no entry.

The detail view's "Type" and "Size" columns come from the system (its file-type names, its locale: English on
an English Windows): a small icon provider names the kinds this app deals in, and a proxy model writes sizes in
the language shown.
"""

from __future__ import annotations

from typing import Any

from ui.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QEvent,
    QFileDialog,
    QFileIconProvider,
    QFileInfo,
    QFileSystemModel,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

# Qt strings its zh_CN catalogue misses (found by tests/ui/test_chinese_throughout.py).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

_KINDS = {
    ".rdpkg": QT_TRANSLATE_NOOP("FileTypes", "ReviewDesk package"),
    ".rdbak": QT_TRANSLATE_NOOP("FileTypes", "ReviewDesk backup"),
    ".xlsx": QT_TRANSLATE_NOOP("FileTypes", "Excel workbook"),
    ".docx": QT_TRANSLATE_NOOP("FileTypes", "Word document"),
    ".pdf": QT_TRANSLATE_NOOP("FileTypes", "PDF file"),
    ".pub": QT_TRANSLATE_NOOP("FileTypes", "Public key file"),
    ".txt": QT_TRANSLATE_NOOP("FileTypes", "Text file"),
    ".json": QT_TRANSLATE_NOOP("FileTypes", "Data file"),
}


def _t(text: str) -> str:
    """A type name listed in _KINDS (lupdate found it there)."""
    return QApplication.translate("FileTypes", text)


class FileTypeNames(QFileIconProvider):
    """Icons as the system draws them; the type names in the app's language."""

    def type(self, info: QFileInfo) -> str:
        if info.isRoot():
            return QApplication.translate("FileTypes", "Drive")
        if info.isDir():
            return QApplication.translate("FileTypes", "Folder")
        name = info.fileName().lower()
        if name.endswith(".rdpkg") or ".rdpkg." in name:
            return _t(_KINDS[".rdpkg"])
        suffix = "." + info.suffix().lower() if info.suffix() else ""
        if suffix in _KINDS:
            return _t(_KINDS[suffix])
        return QApplication.translate("FileTypes", "{kind} file").format(kind=info.suffix().upper()) if suffix else QApplication.translate("FileTypes", "File")


class SizesInAppLanguage(QIdentityProxyModel):
    """The Size column in the app's locale ("1 字节", not "1 bytes"):
    Qt's file model uses the system locale, which on an English Windows is English whatever the app shows."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.column() == 1 and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                info = source.fileInfo(self.mapToSource(index))
                if info.isFile():
                    return QLocale().formattedDataSize(info.size())
        return super().data(index, role)


class _FileDialogWatcher(QObject):
    """Gives every Qt file dialog the translated type names as it is first shown (the static
    QFileDialog.get…() functions build their dialog inside Qt, out of reach otherwise)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.names = FileTypeNames()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            if watched.iconProvider() is not self.names:
                watched.setIconProvider(self.names)
            if watched.proxyModel() is None:
                watched.setProxyModel(SizesInAppLanguage(watched))
        return False


def install(app: QApplication) -> None:
    """Qt's own file dialog for the whole app, with translated type names. Call once, before any window."""
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    if app.findChild(_FileDialogWatcher) is None:
        app.installEventFilter(_FileDialogWatcher(app))
