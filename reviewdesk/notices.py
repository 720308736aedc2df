"""Third-party licence notices: every distribution ReviewDesk runs on, read from its installed metadata.

installer/notices.py writes this text into the frozen bundle at build time (resources.notices_file());
the 关于 dialog shows that file, or, in a checkout or an installed wheel, the same text built on the spot.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from reviewdesk.resources import resources_dir

_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
_RULE = "=" * 78

QT_NOTICE = """\
Qt 6 and Qt for Python (PySide6, shiboken6) — The Qt Company Ltd.
Used under the GNU Lesser General Public License version 3 (LGPL-3.0-only), whose text follows with the
GNU GPL version 3 it builds on. ReviewDesk links the Qt libraries dynamically: they are separate files in
the installation folder (Qt6*.dll / libQt6*.so and the PySide6 folder) and may be replaced by other builds
of the same Qt version. The source code of Qt is available from https://download.qt.io/ and of Qt for
Python from https://code.qt.io/ (the versions are listed below); on request the office's IT provides the
exact sources used for this build."""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(dist: md.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or []:
        if re.search(r";.*\bextra\s*==", requirement):
            continue  # optional extras are not installed with the app
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        if match:
            names.append(match.group(0))
    return names


def bundled_distributions(root: str = "reviewdesk", exclude: Iterable[str] = ()) -> list[md.Distribution]:
    """`root`'s installed distribution and everything it requires at run time, by name."""
    skip = {_key(n) for n in exclude}
    seen: dict[str, md.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = _key(name)
        if key in seen or key in skip:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # a requirement for another platform
        seen[key] = dist
        todo.extend(_requirement_names(dist))
    return [seen[k] for k in sorted(seen) if k != _key(root)]


def _licence_line(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence text below"


def _licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(file.name):
            try:
                texts.append((str(file), Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return texts


def _python_licence() -> str | None:
    base = Path(sys.base_prefix)
    for candidate in (base / "LICENSE.txt", base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return None


def notices_text(exclude: Iterable[str] = ()) -> str:
    """The whole notice file: a summary table, then every licence text in full."""
    dists = bundled_distributions(exclude=exclude)
    fonts = resources_dir() / "fonts" / "wqy-microhei.COPYRIGHT"
    parts = [
        "ReviewDesk 评查工作台 — third-party software and licences / 第三方软件及其许可",
        "",
        f"Python {sys.version.split()[0]} — Python Software Foundation License (PSF-2.0)",
        "WenQuanYi Micro Hei 文泉驿微米黑 (resources/fonts) — Apache-2.0 OR GPL-3.0-with-font-exception",
        *(f"{dist.metadata['Name']} {dist.version} — {_licence_line(dist)}" for dist in dists),
        "",
        _RULE,
        QT_NOTICE,
    ]
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        path = resources_dir() / "licences" / name
        if path.is_file():
            parts += [_RULE, name, "", path.read_text(encoding="utf-8")]
    if fonts.is_file():
        parts += [_RULE, "WenQuanYi Micro Hei (resources/fonts/wqy-microhei.ttc)", "", fonts.read_text(encoding="utf-8")]
    python = _python_licence()
    if python:
        parts += [_RULE, f"Python {sys.version.split()[0]}", "", python]
    for dist in dists:
        parts += [_RULE, f"{dist.metadata['Name']} {dist.version} — {_licence_line(dist)}"]
        for path, text in _licence_texts(dist):
            parts += [f"--- {path}", text.rstrip()]
    return "\n".join(parts).rstrip() + "\n"
