"""The user manual shipped in resources/help/: where it is, and the topics (anchors) it holds.

Each topic of manual.html starts with `<h2><a name="anchor"></a>Title</h2>`; pages name their topic in
`Page.help_anchor`, and F1 opens the manual there (ui/windows/help_window.py).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reviewdesk.resources import resources_dir

MANUAL_NAME = "manual.html"
_TOPIC = re.compile(r'<h2><a name="([a-z0-9-]+)"></a>(.*?)</h2>', re.S)


@dataclass(frozen=True)
class Topic:
    anchor: str
    title: str


def manual_path() -> Path:
    return resources_dir() / "help" / MANUAL_NAME


@cache
def topics() -> tuple[Topic, ...]:
    """The manual's topics in reading order (empty if the manual is missing: the window says so)."""
    try:
        text = manual_path().read_text(encoding="utf-8")
    except OSError:
        return ()
    return tuple(Topic(anchor, html.unescape(re.sub(r"<[^>]+>", "", title)).strip()) for anchor, title in _TOPIC.findall(text))


def anchors() -> set[str]:
    return {topic.anchor for topic in topics()}
