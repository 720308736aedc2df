"""Seeded mutation fuzzer for every input file kind the app reads outside packages: experts.xlsx,
registry.xlsx, cases.xlsx (with its folder), DOCX and PDF case documents, rubric, score-sheet and office-
profile JSON. Each mutant must be read or refused cleanly: the reader returns, or raises the error it
documents (SheetErrors / SpreadsheetError / ValidationError); text extraction always returns a status.
Anything else (an internal error) is a failure. The readers write nothing, so there is nothing half-written
to look for; the importers above them run in one transaction (tests/test_hostile_inputs.py, the package fuzzer).

Mutations: bytes (flips, cuts, inserts, truncation) of the file or of one XML part inside the zip; XML
edits (a stale or missing dimension, rows without `r`, over-long and control-character cells, a DTD, a
lying size in the zip directory); JSON edits (deep nesting, long numbers, lone surrogates, duplicate keys,
NaN, wrong types). Mutant `i` of seed `s` is built from `random.Random(f"{s}:{i}")` alone, so a failure
is reproduced with its seed whatever the count.
"""

from __future__ import annotations

import io
import json
import random
import re
import resource
import shutil
import struct
import traceback
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

KIND = "files"


# -- seeds: one valid file of each kind ------------------------------------------------------------------
@cache
def _seeds() -> dict[str, bytes]:
    import docx

    from reviewdesk.packages import spreadsheet
    from reviewdesk.resources import resources_dir
    from tests import hostile_files
    from tests.packaging import fill_template
    from tests.test_experts_import import GOOD as EXPERTS
    from tests.test_registry_import import GOOD as REGISTRY

    d = docx.Document()
    d.add_paragraph("申请执行人某建筑公司")
    d.add_paragraph("第二段\t正文")
    buf = io.BytesIO()
    d.save(buf)
    with TemporaryDirectory() as folder:
        spreadsheet.write_template(Path(folder) / "cases.xlsx")
        fill_template(Path(folder) / "cases.xlsx", Path(folder))
        cases_xlsx = (Path(folder) / "cases.xlsx").read_bytes()
    rubric = (resources_dir() / "rubrics" / "court.json").read_bytes()
    sheet = json.dumps({"items": [{"code": "A1", "points": 2, "note": "卷1第3页"}], "comment": "好"},
                       ensure_ascii=False).encode()
    profile = (resources_dir() / "documents" / "office.json").read_bytes()
    return {
        "experts.xlsx": EXPERTS, "registry.xlsx": REGISTRY, "cases.xlsx": cases_xlsx, "docx": buf.getvalue(),
        "pdf": hostile_files.pdf_text("Hello ReviewDesk"), "rubric.json": rubric, "sheet.json": sheet,
        "profile.json": profile,
    }


# -- mutations --------------------------------------------------------------------------------------------
def _bytes(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(5)
        pos = rng.randrange(max(1, len(b)))
        if op == 0 and b:
            b[pos] ^= 1 << rng.randrange(8)
        elif op == 1:
            del b[pos:pos + rng.randint(1, 64)]
        elif op == 2:
            b[pos:pos] = rng.randbytes(rng.randint(1, 32))
        elif op == 3:
            del b[rng.randrange(max(1, len(b))):]
        else:
            b[pos:pos] = rng.choice([b"<", b">", b"&", b"\"", b"\x00", b"\xff", b"]]>", b"\\u", b"{", b"["]) * rng.randint(1, 40)
    return bytes(b)


_XML_EDITS: list[Callable[[random.Random, bytes], bytes]] = [
    lambda r, x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:A1"/>', x),
    lambda r, x: re.sub(rb"<dimension[^>]*/>", b"", x),
    lambda r, x: re.sub(rb' r="[A-Z]*\d+"', b"", x),
    lambda r, x: x.replace(b"</sheetData>", b'<row r="%d"><c r="C%d" t="inlineStr"><is><t>%s</t></is></c></row></sheetData>'
                           % (r.randint(2, 90), r.randint(2, 90), b"a" * r.choice([10, 32_768, 40_000]))),
    lambda r, x: x.replace(b"</sheetData>", b'<row><c t="inlineStr"><is><t>\x01\x02</t></is></c></row></sheetData>'),
    lambda r, x: x.replace(b"?>", b'?><!DOCTYPE a [<!ENTITY e "x">]>', 1),
    lambda r, x: x.replace(b"</sheetData>", b'<row r="3"><c r="B3" t="s"><v>99999</v></c></row></sheetData>'),
    lambda r, x: x.replace(b"</sheetData>", b'<row r="4"><c r="A4" t="n"><v>1e999</v></c><c r="B4" t="d"><v>x</v></c></row></sheetData>'),
    lambda r, x: x.replace(b"<w:t>", b"<w:t>" + b"x" * r.choice([1, 1000]), 1),
]


def _zip_mutant(rng: random.Random, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        target = rng.choice([i for i in infos if i.filename.endswith(".xml")] or infos)
        op = rng.randrange(4)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in infos:
                body = src.read(info)
                if info.filename == target.filename:
                    if op == 0:
                        body = _bytes(rng, body)
                    elif op == 1:
                        body = rng.choice(_XML_EDITS)(rng, body)
                    elif op == 2:
                        continue  # a part goes missing
                    else:
                        body = body + b"\0" * rng.choice([0, 2 * 1024 * 1024])
                dst.writestr(info.filename, body)
        result = out.getvalue()
    if rng.random() < 0.15:  # a lying size in the central directory
        raw = bytearray(result)
        pos = raw.find(b"PK\x01\x02", rng.randrange(max(1, len(raw) // 2)))
        if pos >= 0:
            struct.pack_into("<I", raw, pos + 24, rng.choice([0, 7, 1 << 31]))
        result = bytes(raw)
    return result


_JSON_VALUES: list[Any] = [None, True, -1, 10 ** 30, 1.5, "", "x\ud800", "\u0085\u009b", [], {}, "长" * 500]


def _json_mutant(rng: random.Random, data: bytes) -> bytes:
    op = rng.randrange(7)
    text = data.decode("utf-8-sig")
    if op == 0:
        return _bytes(rng, data)
    if op == 1:
        return text.replace("[", "[" * rng.choice([40, 1000, 5000]), 1).encode()
    if op == 2:
        return re.sub(r"\d+", "9" * rng.choice([41, 4300, 5000]), text, count=1).encode()
    if op == 3:
        return text.replace('"', '"\\ud800', 1).encode()
    if op == 4:
        return text.replace("{", '{"dup": 1, "dup": 2, ', 1).encode()
    if op == 5:
        return re.sub(r":\s*[^,{}\[\]]+", ": NaN", text, count=1).encode()
    doc = json.loads(text)
    _replace_random(rng, doc)
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _replace_random(rng: random.Random, doc: Any) -> None:
    path = [doc]
    node = doc
    for _ in range(rng.randint(1, 6)):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        if not children:
            break
        key, child = rng.choice(children)
        if not isinstance(child, dict | list) or rng.random() < 0.3:
            node[key] = rng.choice(_JSON_VALUES)
            return
        path.append(child)
        node = child


def _mutant(rng: random.Random, kind: str, data: bytes) -> bytes:
    if kind.endswith(".json"):
        return _json_mutant(rng, data)
    if kind == "pdf":
        from tests import hostile_files

        if rng.random() < 0.2:
            return rng.choice([hostile_files.pdf_bomb(20 * hostile_files.MIB // rng.choice([1, 4])),
                               hostile_files.pdf_nested_bomb(32 * hostile_files.MIB)])
        return _bytes(rng, data)
    return _zip_mutant(rng, data) if rng.random() < 0.8 else _bytes(rng, data)


# -- readers: accepted, or refused with the documented error ----------------------------------------------
def _read(kind: str, data: bytes, workdir: Path) -> None:
    from reviewdesk.casefiles import pdf_scan
    from reviewdesk.casefiles.text import DOCX, PDF, extract
    from reviewdesk.errors import ValidationError
    from reviewdesk.experts import registry_sheet, roster_sheet
    from reviewdesk.experts.sheet import SheetErrors
    from reviewdesk.packages import spreadsheet
    from reviewdesk.scoring.rubric import parse_rubric
    from reviewdesk.scoring.sheet import parse_sheet

    try:
        if kind == "experts.xlsx":
            roster_sheet.read(data, "experts.xlsx", [])
        elif kind == "registry.xlsx":
            registry_sheet.read(data, "registry.xlsx", [])
        elif kind == "cases.xlsx":
            folder = workdir / "office"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            (folder / "files").mkdir()
            (folder / "files" / "说明.txt").write_text("材料", encoding="utf-8")
            (folder / "cases.xlsx").write_bytes(data)
            try:
                raw, _files = spreadsheet.read_folder(folder, notices=[])
            except spreadsheet.SpreadsheetError:
                return
            from reviewdesk.packages import builder
            from reviewdesk.packages.manifest import ManifestError, parse

            try:
                parse(builder.manifest_bytes(raw))
            except ManifestError:
                pass
        elif kind in ("docx", "pdf"):
            if kind == "pdf":
                pdf_scan.problem(data)
            status = extract(PDF if kind == "pdf" else DOCX, data).status
            assert status in ("text", "scanned", "none", "too_large", "error"), status
        elif kind == "rubric.json":
            parse_rubric(data)
        elif kind == "sheet.json":
            parse_sheet(data)
        elif kind == "profile.json":
            from reviewdesk.documents.profile import load_profile

            (workdir / "office.json").write_bytes(data)
            load_profile(workdir / "office.json")
    except (SheetErrors, ValidationError):
        return


def campaign(seed: int, count: int, workdir: Path) -> dict[str, Any]:
    """Run `count` mutants of seed `seed`; see the module docstring. Returns the figures bench/reliability.py prints."""
    seeds = _seeds()
    kinds = sorted(seeds)
    tried = passed = 0
    failures: list[str] = []
    workdir.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        kind = kinds[i % len(kinds)]
        tried += 1
        try:
            data = _mutant(rng, kind, seeds[kind])
            _read(kind, data, workdir)
        except Exception as err:  # an internal error: what the fuzzer is for
            where = traceback.extract_tb(err.__traceback__)[-1]
            failures.append(f"seed {seed} mutant {i} ({kind}): {type(err).__name__}: {str(err)[:200]} "
                            f"[{Path(where.filename).name}:{where.lineno}]")
            continue
        passed += 1
    return {"tried": tried, "passed": passed, "failed": tried - passed, "failures": failures,
            "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
