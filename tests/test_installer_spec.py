"""The frozen build leaves out Qt modules the app does not use, never one that the UI imports."""

from __future__ import annotations

import ast
import re

from tests.helpers import ROOT


def _spec_list(name: str) -> set[str]:
    tree = ast.parse((ROOT / "installer" / "reviewdesk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in installer/reviewdesk.spec")


def _qt_modules_imported(source: str) -> set[str]:
    """Qt modules an import statement names (at the top or inside a function, as ui.qt's lazy ones)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module == "PySide6":
            found |= {f"PySide6.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return {name for name in found if re.fullmatch(r"PySide6\.Qt\w+", name)}


def test_no_qt_module_the_ui_imports_is_excluded() -> None:
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used |= _qt_modules_imported(path.read_text(encoding="utf-8"))
    assert {"PySide6.QtNetwork", "PySide6.QtPrintSupport"} <= used  # single-instance hand-over; printing
    assert not used & _spec_list("UNUSED_QT")
