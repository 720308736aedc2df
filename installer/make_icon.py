"""Render resources/icons/lock.svg into a multi-size Windows icon (.ico) for the executables and installer.

    python installer/make_icon.py OUT.ico
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_icon(out: Path) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    from reviewdesk.resources import resources_dir

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    big = Image.open(io.BytesIO(render(resources_dir() / "icons" / "lock.svg", 256)))
    out.parent.mkdir(parents=True, exist_ok=True)
    big.save(out, format="ICO", sizes=[(s, s) for s in SIZES])
    return out


if __name__ == "__main__":
    print(make_icon(Path(sys.argv[1])))
