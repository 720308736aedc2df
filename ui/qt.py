"""The one place the front end imports Qt from (Anki's aqt/qt pattern).

Swapping binding versions, working around a binding bug or adding a module happens here only. QtPrintSupport
is loaded on first use (`print_support()`): it costs ~0.1 s at start-up and only the setup wizard needs it.
"""

from __future__ import annotations

from types import ModuleType

from PySide6 import __version__ as PYSIDE_VERSION  # noqa: F401
from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtNetwork import QLocalServer, QLocalSocket  # noqa: F401 (ui/single_instance.py; ~0.02 s)
from PySide6.QtWidgets import *  # noqa: F403


def print_support() -> ModuleType:
    """PySide6.QtPrintSupport (QPrinter, QPrintDialog), imported when first needed."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport
