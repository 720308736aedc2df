"""Where file dialogs start: the folder this user chose last time for that kind of file, else a removable
drive that is plugged in (the USB stick of the review room), else Documents. Kept per computer in QSettings."""

from __future__ import annotations

from pathlib import Path

from ui.i18n import settings
from ui.qt import QStandardPaths, QStorageInfo

_KEY = "folders/{kind}"


def _removable_drive() -> Path | None:
    """A mounted, writable volume other than the system one (Windows: D:, E: … a USB stick; Linux: /media)."""
    system = Path(QStorageInfo.root().rootPath())
    for volume in QStorageInfo.mountedVolumes():
        root = Path(volume.rootPath())
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or root == system:
            continue
        if root.drive or str(root).startswith(("/media/", "/run/media/", "/Volumes/")):
            return root
    return None


def start_folder(kind: str) -> Path:
    saved = settings().value(_KEY.format(kind=kind), "", str)
    if saved and Path(saved).is_dir():
        return Path(saved)
    drive = _removable_drive()
    if drive is not None:
        return drive
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(kind: str, chosen: Path) -> None:
    """Remember the folder of a chosen file (or the chosen folder itself)."""
    folder = chosen if chosen.is_dir() else chosen.parent
    settings().setValue(_KEY.format(kind=kind), str(folder))
