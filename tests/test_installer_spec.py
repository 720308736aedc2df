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


def test_no_qt_module_the_ui_imports_is_excluded() -> None:
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used |= set(re.findall(r"\b(PySide6\.Qt\w+)", path.read_text(encoding="utf-8")))
    assert "PySide6.QtNetwork" in used  # the single-instance hand-over
    assert not used & _spec_list("UNUSED_QT")
