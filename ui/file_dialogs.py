"""Qt's own file dialogs (open a file, save a file, choose a folder) in the app's language, built here.

Every file dialog of the app comes from this module, never from QFileDialog's static get…() functions: those
choose the system's dialog, which speaks the language of the Windows installation (English on many office
laptops), cannot be checked offscreen and cannot start on the USB stick consistently. Qt's dialog is translated
by Qt's catalogue (`qtbase_zh_CN.qm`, loaded by ui/i18n.py) and by the few strings below that Qt 6.11 renamed
after its Chinese catalogue was last updated; lupdate copies them into our own catalogue, which Qt consults when
its own has no entry.

The detail view's "Type" and "Size" columns come from the system (its file-type names, its locale: English on
an English Windows): a small icon provider names the kinds this app deals in, and a proxy model writes sizes in
the language shown. Both are set on each dialog as it is built (earlier an app-wide event filter set them on
every dialog shown, and so saw every event of the app).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

from ui.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QDialog,
    QFileDialog,
    QFileIconProvider,
    QFileInfo,
    QFileSystemModel,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QWidget,
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
        return (
            QApplication.translate("FileTypes", "{kind} file").format(kind=info.suffix().upper())
            if suffix
            else QApplication.translate("FileTypes", "File")
        )


class SizesInAppLanguage(QIdentityProxyModel):
    """The Size column in the app's locale ("1 字节", not "1 bytes"):
    Qt's file model uses the system locale, which on an English Windows is English whatever the app shows."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.column() == 1 and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                info = source.fileInfo(self.mapToSource(index))
                if info.isFile():
                    return QLocale().formattedDataSize(info.size())
        return super().data(index, role)


class Mode(Enum):
    OPEN = "open"  # an existing file
    OPEN_MANY = "open_many"  # one or more existing files
    SAVE = "save"  # a file to write (Qt asks before replacing one)
    FOLDER = "folder"  # an existing folder


_type_names: FileTypeNames | None = None


def _shared_type_names() -> FileTypeNames:
    """One provider for all dialogs: a dialog does not own its provider, so it must outlive every dialog."""
    global _type_names
    if _type_names is None:
        _type_names = FileTypeNames()
    return _type_names


def build(
    parent: QWidget | None, title: str, mode: Mode, start: str = "", filters: str | Sequence[str] = ""
) -> QFileDialog:
    """A file dialog (not yet shown) for `mode`, starting at `start` (a folder, or a folder and a file name to
    suggest), listing `filters` ("Name (*.ext)", as a list or joined by ";;")."""
    joined = filters if isinstance(filters, str) else ";;".join(filters)
    dialog = QFileDialog(parent, title, start, joined)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_shared_type_names())
    dialog.setProxyModel(SizesInAppLanguage(dialog))
    if mode is Mode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif mode is Mode.OPEN:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    elif mode is Mode.OPEN_MANY:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def _run_many(dialog: QFileDialog) -> tuple[list[str], str]:
    """Show `dialog` modally: (the chosen paths, the chosen filter), or ([], "") if cancelled."""
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            return dialog.selectedFiles(), dialog.selectedNameFilter()
        return [], ""
    finally:
        dialog.deleteLater()


def _run(dialog: QFileDialog) -> tuple[str, str]:
    """Show `dialog` modally: (the chosen path, the chosen filter), or ("", "") if cancelled."""
    paths, chosen_filter = _run_many(dialog)
    return (paths[0], chosen_filter) if paths else ("", "")


# The four below take the arguments of QFileDialog's static functions, in the same order, and answer alike.
def open_file(
    parent: QWidget | None, title: str, start: str = "", filters: str | Sequence[str] = ""
) -> tuple[str, str]:
    return _run(build(parent, title, Mode.OPEN, start, filters))


def open_files(
    parent: QWidget | None, title: str, start: str = "", filters: str | Sequence[str] = ""
) -> tuple[list[str], str]:
    return _run_many(build(parent, title, Mode.OPEN_MANY, start, filters))


def save_file(
    parent: QWidget | None, title: str, start: str = "", filters: str | Sequence[str] = ""
) -> tuple[str, str]:
    return _run(build(parent, title, Mode.SAVE, start, filters))


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    return _run(build(parent, title, Mode.FOLDER, start))[0]
