"""The opinion as the files an office issues: the .docx read back, the PDF checked with poppler, and the CLI
commands that write them."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.documents import opinion
from reviewdesk.documents.facts import load_case_facts
from reviewdesk.services import documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.store.models import Case, Conclusion
from reviewdesk.workspace import OpenWorkspace
from tests.helpers import run_cli

needs_poppler = pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")


def _first_concluded(ws: OpenWorkspace):
    with query(ws, "test", ADMIN) as s:
        case_id = s.execute(select(Conclusion.case_id).order_by(Conclusion.case_id).offset(1)).scalars().first()
        return s.get(Case, case_id).external_id, load_case_facts(s, DEMO_CAMPAIGN, case_id)


def _near(length: int, mm: float) -> bool:
    return abs(length - Mm(mm)) < Mm(0.2)


def test_word_opinion_layout_fonts_sections_and_facts(demo_ws: OpenWorkspace) -> None:
    external_id, f = _first_concluded(demo_ws)
    rendered = documents.render_opinion(demo_ws, external_id, "docx")
    assert rendered.filename == f"{external_id}-评查意见书.docx"
    word = docx.Document(io.BytesIO(rendered.data))
    section = word.sections[0]
    assert _near(section.page_width, 210) and _near(section.page_height, 297)
    assert _near(section.top_margin, 37) and _near(section.bottom_margin, 35)
    assert _near(section.left_margin, 28) and _near(section.right_margin, 26)
    texts = [p.text for p in word.paragraphs]
    headings = [t for t in texts if t[:2] in {f"{n}、" for n in "一二三四五六七八"}]
    assert headings == [f"{n}、{name}" for n, name in zip("一二三四五六七八", opinion.SECTIONS, strict=True)]
    body = "\n".join(texts)
    for fact in (rendered.number, f.case_number, f.unit_name, *(m.name for m in f.members),
                 f"综合得分{opinion.points(f.verdict.score)}分", f.verdict.grade,
                 *(x.description.rstrip("。") for x in f.verdict.findings)):
        assert fact in body, fact
    # East Asian fonts: body 仿宋, level-1 headings 黑体, the title 小标宋 (named in the run's eastAsia slot).
    def east_asian(text: str) -> str:
        para = next(p for p in word.paragraphs if p.text == text)
        return para.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("一、案件来源及选案理由") == "黑体"
    assert east_asian("（一）实体方面") == "楷体_GB2312"
    assert east_asian("案件评查意见书") == "方正小标宋简体"
    intro = next(t for t in texts if t.startswith("根据"))
    assert east_asian(intro) == "仿宋_GB2312"
    tables = word.tables
    assert tables and tables[0].rows[0].cells[3].text == f.sheets[0].expert_name


@needs_poppler
def test_pdf_opinion_embeds_every_font_and_carries_the_facts(demo_ws: OpenWorkspace, tmp_path: Path) -> None:
    external_id, f = _first_concluded(demo_ws)
    rendered = documents.render_opinion(demo_ws, external_id, "pdf")
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89" in info
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for fact in (rendered.number, f.case_number, f.unit_name, *(m.name for m in f.members), f.verdict.grade,
                 *(opinion.SECTIONS)):
        assert "".join(fact.split()) in flat, fact
    for line in text.splitlines():
        assert line.strip()[:1] not in set("。，、；：？！）》"), line


def test_cli_opinion_export_and_batch(demo_folder: Path, tmp_path: Path) -> None:
    env = {"PW": DEMO_PASSWORD}
    base = ("--workspace", str(demo_folder))
    auth = ("--user", "admin", "--password-env", "PW")
    out = tmp_path / "op.pdf"
    done = run_cli(*base, "opinion", "export", "--case", "GS-DEMO-0002", "--format", "pdf", "--out", str(out),
                   "--json", *auth, env=env)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["number"].endswith("号") and out.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "batch"
    folder.mkdir()
    batch = run_cli(*base, "opinion", "batch", "--campaign", DEMO_CAMPAIGN, "--out", str(folder), "--json", *auth,
                    env=env)
    assert batch.returncode == 0, batch.stderr
    result = json.loads(batch.stdout)
    assert len(result["files"]) == 8 and len(result["skipped"]) == 38
    assert sorted(p.name for p in folder.iterdir()) == sorted(result["files"])
    # The number given by the first export is kept by the batch.
    assert any(name.startswith("GS-DEMO-0002") for name in result["files"])
    unconcluded = result["skipped"][0]
    bad = run_cli(*base, "opinion", "export", "--case", unconcluded, "--format", "docx", "--out",
                  str(tmp_path / "x.docx"), *auth, env=env)
    assert bad.returncode == 6 and "conclusion" in bad.stderr and not (tmp_path / "x.docx").exists()
    nowhere = run_cli(*base, "opinion", "batch", "--campaign", DEMO_CAMPAIGN, "--out", str(tmp_path / "missing"),
                      *auth, env=env)
    assert nowhere.returncode == 6
    ledger = run_cli(*base, "ledger", "--campaign", DEMO_CAMPAIGN, "--out", str(tmp_path / "l.xlsx"), *auth, env=env)
    assert ledger.returncode == 0 and (tmp_path / "l.xlsx").read_bytes()[:2] == b"PK"
    report = run_cli(*base, "report", "campaign", "--campaign", DEMO_CAMPAIGN, "--out", str(tmp_path / "r.docx"),
                     *auth, env=env)
    assert report.returncode == 0 and docx.Document(str(tmp_path / "r.docx")).paragraphs
