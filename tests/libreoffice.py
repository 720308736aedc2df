"""Word files laid out by LibreOffice (where installed), to compare their page breaks with the PDF's.

LibreOffice stands in for Word here, with two adjustments so that it lays out what the file says:
- fontconfig points it at the faces the PDF embeds, under the Word file's family names, so that both measure
  the same glyphs (other substitutes have other widths);
- the file turns CJK–Latin autospacing off (`w:autoSpaceDE`/`w:autoSpaceDN` 0, which Word honours), but
  LibreOffice 7.4's DOCX import drops both attributes (writerfilter's DomainMapper has `case
  LN_CT_PPrBase_autoSpaceDE: break;`) and adds a fifth of the font size between 汉字 and digits ("2026年"),
  which moves line ends. So the file goes through LibreOffice's own flat ODF first, where the same setting
  (`style:text-autospace="none"`) is applied, and that is laid out to PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from reviewdesk.documents import fonts

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                       reason="LibreOffice or poppler-utils not installed")
AUTOSPACE_ON = 'style:text-autospace="ideograph-alpha"'
AUTOSPACE_OFF = 'style:text-autospace="none"'


def _fontconfig(tmp: Path) -> Path:
    folder = fonts.fallback_file().parent
    song, kai, hei = "AR PL UMing CN", "AR PL UKai CN", "WenQuanYi Micro Hei"
    aliases = {"仿宋_GB2312": song, "方正小标宋简体": song, "宋体": song, "Times New Roman": song, "黑体": hei,
               "楷体_GB2312": kai}
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{a}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{b}</string></edit></match>'
        for a, b in aliases.items())
    conf = tmp / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
                    f'</include><dir>{folder}</dir><cachedir>{tmp / "fc-cache"}</cachedir>{rules}</fontconfig>',
                    encoding="utf-8")
    return conf


def _soffice(args: Sequence[str], work: Path) -> None:
    env = {"FONTCONFIG_FILE": str(_fontconfig(work)), "HOME": str(work), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless",
                    *args], check=True, capture_output=True, timeout=300, env=env)


def word_to_pdf(docx_files: Sequence[Path], work: Path) -> list[Path]:
    """Each .docx laid out by LibreOffice (autospacing as the file sets it) to a PDF in `work`."""
    flat = work / "flat"
    flat.mkdir(exist_ok=True)
    _soffice(["--convert-to", "fodt", "--outdir", str(flat), *map(str, docx_files)], work)
    sources = []
    for path in docx_files:
        fodt = flat / f"{path.stem}.fodt"
        text = fodt.read_text(encoding="utf-8")
        assert AUTOSPACE_ON in text, "LibreOffice no longer writes the default autospacing this test turns off"
        fodt.write_text(text.replace(AUTOSPACE_ON, AUTOSPACE_OFF), encoding="utf-8")
        sources.append(fodt)
    _soffice(["--convert-to", "pdf", "--outdir", str(work), *map(str, sources)], work)
    return [work / f"{path.stem}.pdf" for path in docx_files]


def page_starts(pdf_path: Path) -> list[str]:
    """The first line of text of every page, whitespace removed."""
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    out = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                              capture_output=True, text=True, check=True).stdout
        first = next((line for line in text.splitlines() if line.strip()), "")
        out.append(re.sub(r"\s+", "", first))
    return out
