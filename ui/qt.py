"""The one place the front end imports Qt from (Anki's aqt/qt pattern).

Swapping binding versions, working around a binding bug or adding a module happens here only.

`from ui.qt import QLabel` finds the name in QtCore, QtGui or QtWidgets on first use (PEP 562 `__getattr__`)
instead of star-importing them: PySide6 (6.8 and later) makes a module's classes only when first asked for,
and a star import asks for all of them — about 0.15 s before the first window. QtNetwork (QLocalServer,
QLocalSocket: the single-instance hand-over, ui/single_instance.py) and QtPrintSupport (`print_support()`,
~0.1 s, only the setup wizard) are imported when first needed.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6 import __version__ as PYSIDE_VERSION  # noqa: F401

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ answers
    from PySide6.QtCore import *  # noqa: F403
    from PySide6.QtGui import *  # noqa: F403
    from PySide6.QtNetwork import QLocalServer, QLocalSocket  # noqa: F401
    from PySide6.QtWidgets import *  # noqa: F403

_MODULES = (QtCore, QtGui, QtWidgets)


def __getattr__(name: str) -> Any:
    for module in (*_MODULES, network()) if name.startswith("QLocal") else _MODULES:
        value = getattr(module, name, None)
        if value is not None:
            globals()[name] = value  # the next import of the name is a plain lookup
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def network() -> ModuleType:
    """PySide6.QtNetwork (QLocalServer, QLocalSocket), imported when first needed."""
    from PySide6 import QtNetwork

    return QtNetwork


def print_support() -> ModuleType:
    """PySide6.QtPrintSupport (QPrinter, QPrintDialog), imported when first needed."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport
