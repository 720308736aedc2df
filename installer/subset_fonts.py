"""Make the open-licensed TrueType subsets shipped in resources/fonts/ (run by hand, not at build time).

    .venv/bin/pip install fonttools
    .venv/bin/python scripts/subset_fonts.py [--charset gb2312|gbk] SOURCE_DIR

SOURCE_DIR holds Debian's uming.ttc and ukai.ttc (fonts-arphic-uming, fonts-arphic-ukai; Arphic Public
License). Each keeps the simplified-Chinese face (index 0, "AR PL UMing CN" / "AR PL UKai CN") with its
TrueType outlines, cut to what official documents print: the GB 2312 (or GBK) repertoire, ASCII and the
full-width forms. The Hei role keeps the shipped WenQuanYi Micro Hei (Apache-2.0) as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FACES = (("uming.ttc", "arphic-uming-gb.ttf"), ("ukai.ttc", "arphic-ukai-gb.ttf"))


def repertoire(charset: str) -> set[int]:
    """Every character the code page encodes in two bytes, plus ASCII, Latin-1, general punctuation (the
    em dash U+2014 of "— 1 —": Python's GB 2312 decodes its dash as U+2015), CJK punctuation, Roman and
    circled numerals and the full-width forms."""
    chars: set[int] = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2010, 0x2040))
    chars |= set(range(0x3000, 0x3040)) | set(range(0x2160, 0x2180)) | set(range(0x2460, 0x24A0))
    chars |= set(range(0xFF01, 0xFFF0))
    lead = range(0x81, 0xFF) if charset == "gbk" else range(0xA1, 0xF8)
    trail = range(0x40, 0xFF) if charset == "gbk" else range(0xA1, 0xFF)
    for a in lead:
        for b in trail:
            try:
                chars.add(ord(bytes((a, b)).decode(charset)))
            except UnicodeDecodeError:
                pass
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("--charset", choices=("gb2312", "gbk"), default="gb2312")
    args = parser.parse_args()
    wanted = repertoire(args.charset)
    for source, target in FACES:
        font = TTCollection(str(args.source / source)).fonts[0]
        options = Options()
        options.name_IDs = ["*"]  # keep the names and the licence notice
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False  # the PDF never uses the hints; dropping them halves the file
        options.layout_features = ["*"]
        options.glyph_names = False
        sub = Subsetter(options)
        sub.populate(unicodes=wanted & set(font.getBestCmap()))
        sub.subset(font)
        font.save(str(OUT / target))
        print(target, (OUT / target).stat().st_size, "bytes,", len(font.getBestCmap()), "characters")


if __name__ == "__main__":
    main()
