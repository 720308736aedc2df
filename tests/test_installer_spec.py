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


def test_frozen_build_carries_the_manual_and_its_pictures() -> None:
    """The spec's own resource_files() (run from its source) takes resources/help into the bundle."""
    from pathlib import Path

    tree = ast.parse((ROOT / "installer" / "reviewdesk.spec").read_text(encoding="utf-8"))
    (function,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "resource_files"]
    scope: dict[str, object] = {"ROOT": ROOT, "Path": Path}
    exec(compile(ast.Module([function], []), "reviewdesk.spec", "exec"), scope)
    shipped = {(Path(src).relative_to(ROOT).as_posix(), dest.replace("\\", "/")) for src, dest in scope["resource_files"]()}
    assert ("resources/help/manual.html", "resources/help") in shipped
    pictures = list((ROOT / "resources" / "help" / "images").glob("*.png"))
    assert pictures and all((p.relative_to(ROOT).as_posix(), "resources/help/images") in shipped for p in pictures)
