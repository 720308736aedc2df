"""Peak memory of each hostile input file, each read in a fresh child process.

    .venv/bin/python bench/hostile_inputs.py [--only NAME]

For every input the parent writes the file to a temporary folder; the child imports the app, reads the file
into memory (its baseline), runs the reader the app uses for that kind, and reports its peak RSS. The table
shows the baseline, the peak and the growth beside the budget (512 MiB beyond the baseline), and how the
app answered. Figures, not assertions (tests/test_hostile_inputs.py asserts the refusals).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile_files as h  # noqa: E402

BUDGET_KIB = 512 * 1024

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, path = sys.argv[1], Path(sys.argv[2])
from reviewdesk import safe_json
from reviewdesk.casefiles.text import DOCX, PDF, extract
from reviewdesk.experts import roster_sheet
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.packages.manifest import ManifestError, parse
import openpyxl, pypdfium2, defusedxml  # part of the baseline: the app has them loaded
def hwm():
    # VmHWM starts afresh at exec (ru_maxrss would carry the parent's peak over from fork)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = path.read_bytes()
base = hwm()
t = time.perf_counter()
try:
    if kind == "pdf":
        outcome = "text status " + extract(PDF, data).status
    elif kind == "docx":
        outcome = "text status " + extract(DOCX, data).status
    elif kind == "xlsx":
        outcome = f"read {len(roster_sheet.read(data, path.name))} expert(s)"
    elif kind == "manifest":
        parse(data)
        outcome = "accepted"
    else:
        safe_json.loads(data, what=path.name, max_bytes=64 * 1024 * 1024)
        outcome = "accepted"
except (SheetErrors, ManifestError, safe_json.JsonRefused) as err:
    outcome = "refused: " + str(err).splitlines()[-1][:90]
except Exception as err:
    outcome = f"INTERNAL ERROR {type(err).__name__}: {err}"[:120]
print(json.dumps({"base": base, "peak": hwm(),
                  "seconds": time.perf_counter() - t, "outcome": outcome}))
"""


def _big_sheet(target: int) -> bytes:
    """A legitimate-looking sheet just under the streamed-part limit: many rows of short cells."""
    row = b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % (b"v%d" % i) for i in range(14))
    rows = b"<row>" + row + b"</row>"
    return rows * (target // len(rows))


def _experts_with(rows: bytes = b"", sst: bytes | None = None) -> bytes:
    """The tests' valid experts.xlsx with extra 专家 rows, and (sst) a shared-string table."""
    import io
    import zipfile

    from tests.test_experts_import import GOOD
    from tests.xlsx_shapes import rewrite

    def edit(name: str, body: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels" and sst is not None:
            return body.replace(b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="'
                                b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                b"</Relationships>")
        if name == "xl/worksheets/sheet3.xml":
            return body.replace(b"</sheetData>", rows + b"</sheetData>")
        if name == "[Content_Types].xml" and sst is not None:
            return body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        return body

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(rewrite(GOOD, edit))) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        if sst is not None:
            dst.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def _shared_strings(count: int) -> bytes:
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"".join(
        b"<si><t>s%d</t></si>" % i for i in range(count)) + b"</sst>"
    cells = b"".join(b'<row><c t="s"><v>%d</v></c></row>' % i for i in range(0, count, 97))
    return _experts_with(cells, sst)


def _big_docx_text(chars: int) -> bytes:
    import io
    import zipfile

    para = "<w:p><w:r><w:t>" + "案" * 1000 + "</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        with dst.open("word/document.xml", "w") as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(chars // 1000):
                fh.write(para.encode())
            fh.write(b"</w:body></w:document>")
    return out.getvalue()


def _big_json(size: int) -> bytes:
    rng = random.Random(1)
    items = []
    total = 0
    while total < size - 100:
        s = f"{rng.getrandbits(32):08x}"
        items.append(s)
        total += len(s) + 3
    return json.dumps({"files": items}).encode()


INPUTS = {
    # name: (kind, builder)
    "pdf: content stream inflating to 100 MB": ("pdf", lambda: h.pdf_bomb(100 * h.MIB)),
    "pdf: Flate inside Flate, 1 GiB": ("pdf", lambda: h.pdf_nested_bomb(1024 * h.MIB)),
    "pdf: valid one-page text": ("pdf", h.pdf_text),
    "xlsx: 600 MB cell outside the dimension": ("xlsx", lambda: h.xlsx_with_sheet_xml(cell_chars=600 * h.MIB)),
    "xlsx: sheet part with a lying size": (
        "xlsx", lambda: h.zip_lying_size(h.xlsx_with_sheet_xml(_big_sheet(64 * h.MIB)), "xl/worksheets/sheet1.xml")),
    "xlsx: 120 MiB sheet of short cells (allowed)": ("xlsx", lambda: _experts_with(_big_sheet(120 * h.MIB))),
    "xlsx: 1,000,000 shared strings (allowed)": ("xlsx", lambda: _shared_strings(1_000_000)),
    "docx: document.xml inflating to 512 MiB": ("docx", lambda: h.docx_bomb(512 * h.MIB)),
    "docx: 20 M characters of text": ("docx", lambda: _big_docx_text(20_000_000)),
    "docx: DTD with entities": ("docx", h.docx_with_dtd),
    "json: manifest nested 100,000 deep": ("manifest", lambda: b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    "json: 4,300-digit number": ("json", lambda: b'{"n": ' + b"9" * 4300 + b"}"),
    "json: 50 MiB of short strings": ("json", lambda: _big_json(50 * h.MIB)),
    "json: 999,000 one-key objects": ("json", lambda: b"[" + b",".join([b'{"k":"v"}'] * 999_000) + b"]"),
    "json: 900,000 strings + 60 MiB of numbers (allowed)": (
        "json", lambda: b'[["' + b'","'.join([b"ab"] * 900_000) + b'"],[' + b",".join(b"%d" % (10**9 + i) for i in range(5_500_000)) + b"]]"),
    "json: 64 MiB of [],[],[] ...": ("json", lambda: b"[" + b"[]," * (21 * h.MIB) + b"[]]"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the inputs whose name contains this text")
    args = parser.parse_args()
    print(f"{'input':46} {'file':>9} {'baseline':>9} {'peak':>9} {'growth':>9} {'time':>6}  outcome")
    worst = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (kind, build) in INPUTS.items():
            if args.only and args.only not in name:
                continue
            path = Path(tmp) / "input.bin"
            data = build()
            path.write_bytes(data)
            del data
            run = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True,
                                 cwd=ROOT, timeout=600)
            if run.returncode != 0:
                print(f"{name:48} child failed: {run.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(run.stdout)
            grown = r["peak"] - r["base"]
            worst = max(worst, grown)
            flag = "" if grown <= BUDGET_KIB else "  OVER BUDGET"
            print(f"{name:46} {path.stat().st_size / 1024:>7,.0f}KB {r['base'] / 1024:>7,.0f}MB {r['peak'] / 1024:>7,.0f}MB "
                  f"{grown / 1024:>7,.0f}MB {r['seconds']:>5.1f}s  {r['outcome']}{flag}")
            time.sleep(0.1)
    print(f"worst growth beyond baseline: {worst / 1024:,.0f} MiB (budget {BUDGET_KIB // 1024} MiB)")


if __name__ == "__main__":
    main()
