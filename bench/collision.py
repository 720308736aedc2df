"""Data collision screening at scale: officers against a registry extract, in a real (encrypted) workspace.

    .venv/bin/python bench/collision.py [--officers 1000] [--persons 300000] [--xlsx]

The extract has one person row per role in companies of ~4 rows each (300,000 rows ≈ 75,000 companies), in
30 prefectures; 2 % of the officers appear in it by identity number, 2 % more by name only (a traditional
character, a full-width space or a middle dot in between), and common names recur across the extract, as
in real data. The file is a CSV (UTF-8) unless --xlsx, which writes the flat 登记人员 sheet (write-only
openpyxl; writing is not timed).

Prints: the import of the roster and of the extract (each beside a baseline in the same run: parsing the same
file with the csv module or openpyxl read-only alone, no validation, no store), the run (matching and storing
the matches), the counts found, and the peak RSS after each step. Issue 17's targets, for 100,000 officers ×
2,000,000 rows: run ≤ 30 s, RSS ≤ 1 GiB, import of 2 M rows ≤ 3 min.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewdesk.experts.credit_code import check_character  # noqa: E402
from reviewdesk.identity_number import check_digit  # noqa: E402
from reviewdesk.services import campaigns, collision  # noqa: E402
from reviewdesk.workspace import Workspace  # noqa: E402

PW = "bench-pass-2026"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕"
ROLES = ("法定代表人", "股东", "股东", "执行董事", "监事", "经理")
TRADITIONAL = {"陈": "陳", "张": "張", "刘": "劉", "黄": "黃", "赵": "趙", "吴": "吳", "孙": "孫", "马": "馬"}


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ident(rng: random.Random, region: str) -> str:
    first17 = f"{region}{rng.randint(1960, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return first17 + check_digit(first17)


def credit(rng: random.Random, region: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    first17 = "91" + region + "".join(rng.choice(alphabet) for _ in range(9))
    return first17 + check_character(first17)


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def variant(text: str, rng: random.Random) -> str:
    how = rng.randrange(3)
    if how == 0 and text[0] in TRADITIONAL:
        return TRADITIONAL[text[0]] + text[1:]
    if how == 1:
        return text[0] + "\u3000" + text[1:]
    return text[0] + "·" + text[1:]


def build(n_officers: int, n_persons: int, seed: int) -> tuple[list[list[str]], Iterator[list[str]], list[str]]:
    """The roster, the extract's rows (generated as they are written: 2 M rows never sit in lists), the units."""
    rng = random.Random(seed)
    regions = [f"32{p:02d}{c:02d}" for p in range(1, 31) for c in (1, 2)]
    units = [f"U-{i:03d}" for i in range(50)]
    unit_region = {u: regions[i % len(regions)] for i, u in enumerate(units)}
    officers = []
    seen: set[str] = set()
    for i in range(n_officers):
        unit = units[i % len(units)]
        number = ident(rng, unit_region[unit])
        while number in seen:  # a roster holds each identity number once (the import refuses a repeat)
            number = ident(rng, unit_region[unit])
        seen.add(number)
        officers.append([name(rng), number, unit, "干警", "2010-01-01"])
    # 4 % of the officers are planted: half by identity number, half by a name variant in their prefecture
    planted = {(k * 7919) % n_persons: k for k in range(n_officers // 25)}

    def persons() -> Iterator[list[str]]:
        company: list[str] = []
        for i in range(n_persons):
            if i % 4 == 0:
                region = rng.choice(regions)
                status = rng.choice(("存续", "存续", "存续", "在业", "吊销", "注销"))
                company = [f"苏州某某{i // 4}有限公司", credit(rng, region), "有限责任公司", status, "2012-05-01",
                           "2018-01-01" if status in ("吊销", "注销") else "", "否"]
            role = ROLES[i % len(ROLES)]
            row = [*company, name(rng), ident(rng, rng.choice(regions)) if rng.random() < 0.5 else "", "", role,
                   "10%" if role == "股东" else "", "", ""]
            k = planted.get(i)
            if k is not None:
                officer = officers[k]
                row[7] = officer[0] if k % 2 == 0 else variant(officer[0], rng)
                row[8] = officer[1] if k % 2 == 0 else ""
                if k % 2:  # the company registered in the officer's prefecture
                    code = row[1][:2] + officer[1][:4] + row[1][6:17]
                    row[1] = code + check_character(code)
            yield row

    return officers, persons(), units


def csv_bytes(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.BytesIO()
    text = io.TextIOWrapper(buf, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    text.flush()
    data = buf.getvalue()
    text.detach()
    return data


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list[str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.append(header)
    for row in rows:
        ws.append([v or None for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def baseline(data: bytes, xlsx: bool) -> int:
    if not xlsx:  # decoded as read, as the importer does (a whole str of 2 M rows would be the peak RSS)
        return sum(1 for _ in csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")))
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=1000)
    parser.add_argument("--persons", type=int, default=300_000)
    parser.add_argument("--xlsx", action="store_true")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    officers, persons, units = build(args.officers, args.persons, args.seed)
    officer_header = ["姓名", "身份证号", "单位代码", "职务", "入职日期"]
    flat_header = ["企业名称", "统一社会信用代码", "企业类型", "登记状态", "成立日期", "状态日期", "是否上市",
                   "姓名", "身份证号", "出生日期", "身份", "持股比例", "认缴出资额", "出资日期"]
    if args.xlsx:
        roster, extract = xlsx_bytes("干警名单", officer_header, officers), xlsx_bytes("登记人员", flat_header, persons)
    else:
        roster, extract = csv_bytes(officer_header, officers), csv_bytes(flat_header, persons)
    suffix = ".xlsx" if args.xlsx else ".csv"
    print(f"{args.officers:,} officers × {args.persons:,} registry rows ({len(extract) / 2**20:.1f} MiB {suffix}); "
          f"RSS after generating: {rss_mib():.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        ws, _ = Workspace(Path(tmp) / "ws").create("admin", "管理员", PW)
        regions = [f"32{p:02d}{c:02d}" for p in range(1, 31) for c in (1, 2)]
        for i, unit in enumerate(units):
            campaigns.add_unit(ws, unit, f"单位{i}", "court", regions[i % len(regions)])
        campaigns.create_campaign(ws, "C-B", "基准", 2026)
        t = time.perf_counter()
        baseline(roster, args.xlsx)
        base_o = time.perf_counter() - t
        t = time.perf_counter()
        collision.import_officers(ws, "C-B", roster, "officers" + suffix)
        imp_o = time.perf_counter() - t
        print(f"import officers: {imp_o:.2f} s (baseline parse {base_o:.2f} s, ×{imp_o / base_o:.1f}); "
              f"peak RSS {rss_mib():.0f} MiB")
        t = time.perf_counter()
        baseline(extract, args.xlsx)
        base_r = time.perf_counter() - t
        t = time.perf_counter()
        result = collision.import_registry(ws, "C-B", extract, "registry" + suffix)
        imp_r = time.perf_counter() - t
        print(f"import registry: {imp_r:.2f} s for {result.persons:,} rows / {result.companies:,} companies "
              f"(baseline parse {base_r:.2f} s, ×{imp_r / base_r:.1f}); peak RSS {rss_mib():.0f} MiB")
        t = time.perf_counter()
        summary = collision.run(ws, "C-B")
        run_s = time.perf_counter() - t
        print(f"run: {run_s:.2f} s (×{run_s / base_r:.2f} the extract's baseline parse); {summary.hits} identity-number "
              f"hits, {summary.leads} name leads, {summary.exempt} exempt; peak RSS {rss_mib():.0f} MiB")
        t = time.perf_counter()
        rows = collision.matches(ws, "C-B")
        listed = time.perf_counter() - t
        planted = officers[: args.officers // 25]
        by_id = {o[1] for o in planted[0::2]}
        by_name = {o[1][:6] + "********" + o[1][-4:] for o in planted[1::2]}
        found_id = {r.officer_id_masked for r in rows if r.kind == "hit"}
        found_name = {r.officer_id_masked for r in rows if r.kind == "lead"}
        print(f"list: {listed:.2f} s for {len(rows)} matches; planted found: "
              f"{sum(o[:6] + '********' + o[-4:] in found_id for o in by_id)}/{len(by_id)} by identity number, "
              f"{len(by_name & found_name)}/{len(by_name)} by name variant")
        ws.close()


if __name__ == "__main__":
    main()
