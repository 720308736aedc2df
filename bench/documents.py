"""Time to produce 200 review opinions in Word and in PDF.

Builds the demo workspace in a temporary folder, reads the facts of its concluded cases from the encrypted
store, then composes and renders 200 opinions (the concluded cases in turn, each with its own document
number) to .docx and to PDF, in memory. Also times the service path the GUI and CLI use
(`documents.opinion_files`: numbers issued and audited, facts read, both formats) on the demo campaign.

    .venv/bin/python bench/documents.py [--count 200]

Target: Word + PDF for 200 opinions ≤ 10 s together (issue 19).

Baseline, measured in the same run: the same documents' text written plainly by the same libraries — one
python-docx paragraph per block, and reportlab's own Paragraph flowables in the same embedded TrueType
face (so font subsetting and compression, which every PDF pays, are in both). The ratio to it is what the
GB/T 9704 layout costs; it holds on a loaded machine where the seconds do not. CPU seconds of this process
are printed beside wall-clock seconds for the same reason.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.platypus import Table as RLTable
from sqlalchemy import select

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD, create_demo
from reviewdesk.documents import opinion, pdf, word
from reviewdesk.documents.blocks import Document, Table
from reviewdesk.documents.facts import load_case_facts
from reviewdesk.documents.fonts import pdf_font
from reviewdesk.documents.profile import load_profile
from reviewdesk.services import documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.store.models import Conclusion

TARGET_S = 10.0


def plain_docx(doc: Document) -> bytes:
    """Baseline: the document's text as plain python-docx paragraphs (tables as tables)."""
    out = docx.Document()
    for b in doc.blocks:
        if isinstance(b, Table):
            table = out.add_table(rows=1 + len(b.rows), cols=len(b.header))
            for row, values in zip(table.rows, (b.header, *b.rows), strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        elif getattr(b, "text", ""):
            out.add_paragraph(b.text)
    data = io.BytesIO()
    out.save(data)
    return data.getvalue()


def plain_pdf(doc: Document) -> bytes:
    """Baseline: the document's text as reportlab Paragraphs (tables as tables) in the body's embedded face."""
    font = pdf_font("body")
    style = ParagraphStyle("body", fontName=font, fontSize=16, leading=29, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=12, leading=16, wordWrap="CJK")
    story = []
    for b in doc.blocks:
        if isinstance(b, Table):
            story.append(RLTable([[Paragraph(escape(v), cell) for v in row] for row in (b.header, *b.rows)]))
        elif getattr(b, "text", ""):
            story.append(Paragraph(escape(b.text), style))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=True).build(story)
    return out.getvalue()


def _timed(render: Callable[[Document], bytes], docs: list[Document]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, average size in bytes)."""
    t0, c0 = time.perf_counter(), time.process_time()
    sizes = [len(render(doc)) for doc in docs]
    return time.perf_counter() - t0, time.process_time() - c0, sum(sizes) / len(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    profile = load_profile()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ws = create_demo(Path(tmp) / "demo").open(DEMO_ADMIN, DEMO_PASSWORD)
        print(f"demo workspace built in {time.perf_counter() - t0:.1f} s")
        with ws:
            t0 = time.perf_counter()
            with query(ws, "bench", ADMIN) as s:
                ids = s.execute(select(Conclusion.case_id).where(Conclusion.campaign_id == DEMO_CAMPAIGN)).scalars()
                facts = [load_case_facts(s, DEMO_CAMPAIGN, case_id) for case_id in ids]
            print(f"facts of {len(facts)} concluded cases read in {(time.perf_counter() - t0) * 1000:.0f} ms")
            docs = [
                opinion.opinion(dataclasses.replace(facts[n % len(facts)], number=f"×政法评〔2026〕{n + 1}号"),
                                profile, facts[n % len(facts)].verdict.concluded_at)
                for n in range(args.count)
            ]
            ours = {"docx": _timed(lambda d: word.render(d, profile.fonts), docs),
                    "pdf": _timed(lambda d: pdf.render(d, profile.fonts), docs)}
            base = {"docx": _timed(plain_docx, docs), "pdf": _timed(plain_pdf, docs)}
            t0 = time.perf_counter()
            files = documents.opinion_files(ws, DEMO_CAMPAIGN)
            service = time.perf_counter() - t0
    for name, label in (("docx", "Word"), ("pdf", "PDF ")):
        (wall, cpu, size), (bwall, bcpu, _bsize) = ours[name], base[name]
        print(f"{args.count} opinions, {label}: {wall:.2f} s wall, {cpu:.2f} s CPU ({wall / args.count * 1000:.0f} ms "
              f"each, {size / 1024:.0f} KiB avg); baseline {bwall:.2f} s wall, {bcpu:.2f} s CPU; ratio {cpu / bcpu:.2f}")
    wall = ours["docx"][0] + ours["pdf"][0]
    cpu = ours["docx"][1] + ours["pdf"][1]
    bwall, bcpu = base["docx"][0] + base["pdf"][0], base["docx"][1] + base["pdf"][1]
    print(f"together: {wall:.2f} s wall, {cpu:.2f} s CPU (target ≤ {TARGET_S:.0f} s) "
          f"{'OK' if wall <= TARGET_S else 'OVER TARGET'}; baseline {bwall:.2f} s wall, {bcpu:.2f} s CPU; "
          f"ratio {cpu / bcpu:.2f}")
    print(f"service path opinion_files: {len(files)} files in {service:.2f} s "
          f"({service / max(len(files), 1) * 1000:.0f} ms per file, incl. numbering, audit and store reads)")


if __name__ == "__main__":
    main()
