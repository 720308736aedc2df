"""Error text that quotes package data stays on one printable line.

Member names, manifest keys and values come from the sender: a raw newline would split a one-line CLI error,
a C1 control or a bidi override could disguise it, and a lone surrogate cannot even be written to stderr.
"""

from __future__ import annotations

import json
from typing import Any

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_MAX_SHOWN = 80


def escape(text: str) -> str:
    """`text` with every character that is not printable (controls, format characters, separators other than
    the space, surrogates, unassigned) written as a backslash escape, as Python's repr does."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def show(value: Any) -> str:
    """A short, one-line rendering of a JSON value for an error message."""
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    return escape(text)
