"""TrueType files for the PDF's font roles, registered with reportlab once per process.

reportlab embeds (subsets) TrueType outlines only: its built-in STSong-Light is not embedded and prints as
boxes, and CFF-flavoured fonts (Noto CJK) fail to load. So each role of `style.Fonts` is mapped to a
system font file when one is present (the office's 仿宋/黑体/楷体/宋体/小标宋 under their Windows file
names), else to the open faces shipped in `resources/fonts/`, one per style so that title, body, headings
and page numbers are not one face:

- Song (title, body, page numbers): AR PL UMing CN, GB 2312 subset (Arphic Public License). No free
  TrueType 仿宋 exists, so the body's 仿宋 prints in this Song face where the office has none.
- Kai (headings "（一）"): AR PL UKai CN, GB 2312 subset (Arphic Public License).
- Hei (headings "一、", and the last resort for every role: it covers 34,000 characters, Latin and
  digits): WenQuanYi Micro Hei (Apache-2.0).

Search order for files: the folders in $REVIEWDESK_FONT_DIR (os.pathsep-separated), then on Windows the
per-user and system font folders (%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts, %WINDIR%\\Fonts), elsewhere
the usual Linux font folders (/usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts, ~/.fonts —
where 麒麟 and 统信 desktops keep fonts an office installed), each with its subfolders.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reviewdesk.documents.style import Fonts
from reviewdesk.resources import resources_dir

ROLES = ("title", "body", "heading1", "heading2", "page_number")
FONT_DIR_ENV = "REVIEWDESK_FONT_DIR"
FALLBACK_FILE = "wqy-microhei.ttc"
# The shipped open faces by style, and the style each role falls back to.
SHIPPED = {"song": "arphic-uming-gb.ttf", "kai": "arphic-ukai-gb.ttf", "hei": FALLBACK_FILE}
ROLE_STYLE = {"title": "song", "body": "song", "heading1": "hei", "heading2": "kai", "page_number": "song"}
LINUX_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@dataclass(frozen=True)
class FontFile:
    """One face inside a font file (.ttc collections hold several; index 0 is the regular face)."""

    path: Path
    index: int = 0


# Family names as offices write them (style.Fonts, office profiles) → file names Windows installs them as,
# best match first. Names are compared case-insensitively (Windows file systems are).
_FAMILY_FILES: dict[str, tuple[tuple[str, int], ...]] = {
    "方正小标宋简体": (("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXBSK.TTF", 0)),
    "方正小标宋_gbk": (("FZXBSK.TTF", 0), ("FZXBSJW.TTF", 0)),
    "仿宋_gb2312": (("仿宋_GB2312.ttf", 0), ("FSGB2312.ttf", 0), ("simfang.ttf", 0)),
    "仿宋": (("simfang.ttf", 0), ("仿宋_GB2312.ttf", 0), ("FSGB2312.ttf", 0)),
    "fangsong": (("simfang.ttf", 0), ("仿宋_GB2312.ttf", 0), ("FSGB2312.ttf", 0)),
    "黑体": (("simhei.ttf", 0),),
    "simhei": (("simhei.ttf", 0),),
    "楷体_gb2312": (("楷体_GB2312.ttf", 0), ("KaiTi_GB2312.ttf", 0), ("simkai.ttf", 0)),
    "楷体": (("simkai.ttf", 0), ("楷体_GB2312.ttf", 0), ("KaiTi_GB2312.ttf", 0)),
    "kaiti": (("simkai.ttf", 0), ("楷体_GB2312.ttf", 0), ("KaiTi_GB2312.ttf", 0)),
    "宋体": (("simsun.ttc", 0), ("simsun.ttf", 0)),
    "simsun": (("simsun.ttc", 0), ("simsun.ttf", 0)),
}
_FAMILY_FILES["小标宋"] = _FAMILY_FILES["方正小标宋简体"]

# When a role's own family is missing: the title looks closest in a bold-ish 黑体, then 宋体 (GB/T 9704
# allows 小标宋 substitutes); the page number may take any Song face.
_ROLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "title": ("黑体", "宋体"),
    "body": ("仿宋",),
    "heading1": (),
    "heading2": ("楷体",),
    "page_number": ("宋体",),
}

_lock = threading.Lock()
_registered: dict[FontFile, str] = {}  # file → reportlab font name (one registration per file per process)
_broken: set[FontFile] = set()  # files reportlab refused (CFF outlines, damaged): never retried
_dir_listings: dict[Path, dict[str, Path]] = {}


def fallback_file() -> Path:
    return resources_dir() / "fonts" / FALLBACK_FILE


def shipped_file(role: str) -> Path:
    """The open face shipped for a role (used where the office's font is not installed)."""
    return resources_dir() / "fonts" / SHIPPED[ROLE_STYLE[role]]


def font_dirs() -> list[Path]:
    """Folders searched for system fonts, most specific first."""
    dirs = [Path(p) for p in os.environ.get(FONT_DIR_ENV, "").split(os.pathsep) if p.strip()]
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    else:
        dirs.extend(p for p in (Path(d).expanduser() for d in LINUX_FONT_DIRS) if p.is_dir())
    return dirs


def _listing(folder: Path) -> dict[str, Path]:
    """Lower-cased file name → path, subfolders included (Linux keeps fonts in per-package folders); listed
    once per folder because font folders are large. The first file of a name wins."""
    if folder not in _dir_listings:
        found: dict[str, Path] = {}
        try:
            for p in sorted(folder.rglob("*")):
                if p.suffix.lower() in (".ttf", ".ttc") and p.is_file():
                    found.setdefault(p.name.lower(), p)
        except OSError:
            pass
        _dir_listings[folder] = found
    return _dir_listings[folder]


def _family_candidates(family: str) -> tuple[tuple[str, int], ...]:
    return _FAMILY_FILES.get(family.strip().lower(), ())


def _find_family(family: str, dirs: list[Path]) -> list[FontFile]:
    found: list[FontFile] = []
    for name, index in _family_candidates(family):
        for folder in dirs:
            path = _listing(folder).get(name.lower())
            if path is not None:
                found.append(FontFile(path, index))
    return found


def _candidates(role: str, fonts: Fonts) -> list[FontFile]:
    """Every file that could serve `role`, best first: the office's fonts, the shipped face of the role's
    style, the shipped Hei face that covers the most characters."""
    if role not in ROLES:
        raise ValueError(f"unknown font role {role!r}; expected one of {ROLES}")
    dirs = font_dirs()
    found: list[FontFile] = []
    for family in (getattr(fonts, role), *_ROLE_FALLBACKS[role]):
        found.extend(_find_family(family, dirs))
    found.extend((FontFile(shipped_file(role), 0), FontFile(fallback_file(), 0)))
    return found


def _register(face: FontFile) -> str | None:
    """Register one face with reportlab (once); None when reportlab cannot use it."""
    if face in _registered:
        return _registered[face]
    if face in _broken:
        return None
    # The path's hash keeps two files of the same name (user folder, system folder) apart.
    digest = hashlib.sha1(str(face.path).encode("utf-8")).hexdigest()[:8]
    name = f"RD-{face.path.stem}-{face.index}-{digest}"
    try:
        font = TTFont(name, str(face.path), subfontIndex=face.index)
        # Every subset reportlab makes reads the font's tables, the whole glyf table (megabytes for a CJK
        # face) among them, as a fresh copy of the file's bytes: read each once (they never change).
        font.face.get_table = functools.cache(font.face.get_table)
        pdfmetrics.registerFont(font)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        # CFF-outline (OpenType/PostScript) or damaged file: try the next candidate.
        _broken.add(face)
        return None
    _registered[face] = name
    return name


def _resolve(role: str, fonts: Fonts) -> tuple[FontFile, str]:
    with _lock:
        for face in _candidates(role, fonts):
            name = _register(face)
            if name is not None:
                return face, name
    raise FileNotFoundError(f"no usable TrueType font for {role!r}; the shipped {fallback_file()} is missing")


def pdf_font(role: str, fonts: Fonts | None = None) -> str:
    """The registered reportlab font name for a role of `style.Fonts` (title, body, heading1, heading2,
    page_number)."""
    return _resolve(role, fonts or Fonts())[1]


def font_file(role: str, fonts: Fonts | None = None) -> Path:
    """The file the role's font comes from (a Windows system font or the shipped fallback)."""
    return _resolve(role, fonts or Fonts())[0].path


def registered_face(font_name: str) -> FontFile | None:
    """The file behind a font name this module registered (for drawing the same text with Pillow)."""
    with _lock:
        return next((face for face, name in _registered.items() if name == font_name), None)


def reset_cache() -> None:
    """Forget folder listings (tests, or after the user installs a font); registrations stay valid."""
    with _lock:
        _dir_listings.clear()
