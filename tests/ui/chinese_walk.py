"""Collect every string a user can see in a window (labels, buttons, headers, tooltips, placeholders, titles,
tabs, list and table cells) and tell apart the ones that are English: ASCII-only text that is not a code, a
number, a file pattern, a key name or a proper name (tests/ui/test_chinese_throughout.py)."""

from __future__ import annotations

import re

from ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    Qt,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Proper names and codes a Chinese office writes in Latin letters too.
NAMES = {
    "ReviewDesk", "Excel", "Word", "PDF", "USB", "ID", "SHA-256", "minisign", "age", "UTC", "OK", "Ctrl", "Esc",
    "Enter", "F1", "Tab", "Shift", "Alt", "Del", "Delete", "Home", "End", "Page Up", "Page Down", "PgUp", "PgDown",
    "Backspace", "Windows", "Linux", "Qt", "PySide6", "Python", "SQLCipher", "GB/T", "XF", "ZX",
}
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_\-./:]*$")  # GS-2026-0001, 2026-XF-01, GS-CGQ-FY
_NO_LETTERS = re.compile(r"^[^A-Za-z]*$")  # numbers, dates, punctuation, "−", "+"
_FILEISH = re.compile(r"[*/\\]|\.\w{2,5}\b|^age1|^untrusted comment|^RW")  # patterns, paths, file names, keys
_KEYS = re.compile(r"^((Ctrl|Shift|Alt|Meta)\+)+\S+$")
# One token with digits or the marks of an identifier: user names (exp-0042), audit targets (score_sheet:15),
# action names (score.submit), details (case_id=7; total=90.0), JSON.
_IDENTIFIER = re.compile(r"^[a-z0-9][\w\-.:=]*$")
_RECORD = re.compile(r"^[{\[]|^(\w+=[^;]*;\s*)*\w+=[^;]*$")
PEOPLE = {"admin", "zhanghua", "liming", "wangfang", "zhaoqiang", "chenjing", "sunli", "English"}


def is_english(text: str) -> bool:
    """ASCII letters and no Chinese: English unless it is a code, number, file or key name, or proper name."""
    stripped = text.replace("&", "").strip()
    if not stripped or re.search(r"[\u3000-\u9fff\uff00-\uffef]", stripped):
        return False
    if not stripped.isascii():
        stripped = "".join(ch for ch in stripped if ch.isascii()).strip()
        if not stripped:
            return False
    if _NO_LETTERS.match(stripped) or _CODE.match(stripped) or _KEYS.match(stripped):
        return False
    if _FILEISH.search(stripped) or stripped in PEOPLE or _RECORD.match(stripped):
        return False
    if _IDENTIFIER.match(stripped) and re.search(r"[\d_.:=\-]", stripped):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z0-9\-/]*", stripped)
    return not all(w in NAMES or _CODE.match(w) for w in words)


def _item_view_texts(view: QAbstractItemView, rows: int = 30) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    model = view.model()
    if model is None:
        return out
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list widget's internal model keeps its column count private: one column
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            out.append(("header", header))
    for row in range(min(rows, model.rowCount(root))):
        for column in range(columns):
            index = model.index(row, column, root)
            for role, what in ((Qt.ItemDataRole.DisplayRole, "cell"), (Qt.ItemDataRole.ToolTipRole, "cell tooltip")):
                value = index.data(role)
                if isinstance(value, str):
                    out.append((what, value))
    return out


def visible_texts(window: QWidget) -> list[tuple[str, str, str]]:
    """(widget class and object name, kind of text, text) for everything shown in `window`."""
    found: list[tuple[str, str, str]] = [(type(window).__name__, "window title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window) and not isinstance(widget, QMenu):
            continue
        who = f"{type(widget).__name__}:{widget.objectName()}"
        texts: list[tuple[str, str]] = [("tooltip", widget.toolTip()), ("accessible name", widget.accessibleName())]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(("text", widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            texts.append(("title", widget.title()))
        if isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
            texts += [("tab tooltip", widget.tabToolTip(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [("item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts += [("menu", a.text()) for a in widget.actions()]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox) \
                and not isinstance(widget, QHeaderView):
            texts += _item_view_texts(widget)
        for action in widget.actions():
            texts += [("action", action.text()), ("action tooltip", action.toolTip())]
        found += [(who, kind, text) for kind, text in texts if isinstance(text, str) and text]
    return found


def english(window: QWidget) -> list[tuple[str, str, str]]:
    return sorted({t for t in visible_texts(window) if is_english(t[2])})
