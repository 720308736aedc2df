"""OCR accuracy and speed on synthetic scanned pages, and search over recognised text.

    .venv/bin/python bench/ocr.py [--pages 3] [--dpi 150 300] [--threads 2] [--search-pages 20000]

Pages are drawn from known Chinese legal text (a judgment's reasoning and order) with the app's CJK font at
each dpi, made to look scanned (1–2° skew, blur, noise, a red seal over the last lines; reviewdesk/ocr/
synthetic.py), wrapped as an image-only PDF and read as `ocr run` reads a document: pages rendered in memory
by PDFium at 200 dpi, recognised by RapidOCR. Printed: character accuracy (1 − edit distance / length, over
the characters without whitespace; target ≥ 98 % at 300 dpi), pages per minute, and the process's peak RSS
(VmHWM; target ≤ 1 GiB). Then full-text search latency over `--search-pages` recognised pages in a real
(SQLCipher) store. Figures, not assertions (tests/test_reading_room.py asserts a threshold below these).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy  # noqa: E402

from reviewdesk.casefiles import search as fts  # noqa: E402
from reviewdesk.clock import now  # noqa: E402
from reviewdesk.ocr import engine, pages, synthetic  # noqa: E402
from reviewdesk.services import cases  # noqa: E402
from reviewdesk.store.models import Case, Unit  # noqa: E402
from reviewdesk.workspace import Workspace  # noqa: E402

TEXT = (
    "甘肃省兰州市城关区人民法院民事判决书。原告张某与被告某商贸有限公司买卖合同纠纷一案，本院于二〇二一年三月二日立案后，"
    "依法适用普通程序，公开开庭进行了审理。原告张某向本院提出诉讼请求：判令被告支付货款人民币十万元及逾期付款利息。"
    "事实和理由：原告与被告于二〇二〇年五月签订买卖合同，约定原告向被告供应建筑材料，被告于收货后三十日内付清货款。"
    "原告依约交付货物，被告至今未付款。被告辩称，原告交付的部分货物存在质量问题，不同意全额支付。本院认为，"
    "当事人应当按照约定全面履行自己的义务。被告未提交证据证明货物存在质量问题，应承担举证不能的不利后果。"
    "依照《中华人民共和国民法典》第五百零九条、第五百七十七条、第六百二十六条之规定，判决如下：被告某商贸有限公司于"
    "本判决生效之日起十日内支付原告张某货款人民币十万元及逾期付款利息。如果未按本判决指定的期间履行给付金钱义务，"
    "应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。案件受理费二千三百元，"
    "由被告负担。如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于甘肃省兰州市中级人民法院。"
)
LINE = 30  # characters per line at 14 pt on A4 with 1-inch margins
LINES_PER_PAGE = 22


def hwm_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squeeze(text: str) -> str:
    return "".join(text.split())


def page_texts(count: int) -> list[str]:
    lines = synthetic.wrap(TEXT, LINE)
    out = []
    for n in range(count):
        start = (n * 7) % len(lines)
        out.append("\n".join((lines * 3)[start : start + LINES_PER_PAGE]))
    return out


def scanned_pdf(dpi: int, count: int) -> bytes:
    texts = page_texts(count)
    rng = random.Random(dpi)
    images = [
        synthetic.page_image(
            t.split("\n"),
            dpi,
            skew=rng.choice((-1, 1)) * rng.uniform(1, 2),
            blur=0.6 * dpi / 150,
            noise=8,
            stamp=True,
            seed=n,
        )
        for n, t in enumerate(texts)
    ]
    return synthetic.image_pdf(images, dpi)


def bench_dpi(dpi: int, texts: list[str], threads: int) -> tuple[float, float]:
    # The pages are drawn in a child process (through a pipe, never a file), so the drawing's memory does not
    # count in this process's peak RSS, which is then the reading's: PDFium, RapidOCR, onnxruntime.
    pdf = subprocess.run(
        [sys.executable, __file__, "--make", str(dpi), str(len(texts))], capture_output=True, check=True
    ).stdout
    t0 = time.perf_counter()
    read = [
        engine.page_text(engine.recognise(p.image, threads=threads))
        for p in pages.pages("application/pdf", pdf)
    ]
    seconds = time.perf_counter() - t0
    errors = sum(distance(squeeze(t), squeeze(r)) for t, r in zip(texts, read, strict=True))
    accuracy = 1 - errors / sum(len(squeeze(t)) for t in texts)
    return accuracy, len(texts) / seconds * 60


def bench_search(tmp: Path, page_count: int, texts: list[str]) -> None:
    opened, _code = Workspace(tmp / "ws-search").create("admin", "基准", "bench-pass-1")
    per_doc = 100
    rng = random.Random(5)
    with opened.write_session() as session, session.begin():
        session.add(Unit(code="U1", name="某法院", kind="court", region_code="620102"))
        session.flush()
        for d in range(page_count // per_doc):
            case = Case(
                issuer_key_id="BENCH",
                external_id=f"B-{d}",
                case_number=f"（2026）B{d}号",
                title=f"案件{d}",
                case_type="civil",
                cause="",
                stage="closed",
                unit_code="U1",
                summary="",
                imported_at=now(),
            )
            session.add(case)
            session.flush()
            body = fts.PAGE_BREAK.join(
                rng.choice(texts) + (f"独有标记{d}" if d % 50 == 0 and p == 57 else "")
                for p in range(per_doc)
            )
            fts.index(session, "document", d + 1, case.id, f"扫描件{d}", body)
    queries = ["逾期付款利息", "独有标记100", "举证不能", "迟延履行期间", "上诉状"]
    times = []
    for q in queries * 5:
        t0 = time.perf_counter()
        cases.search(opened, q, limit=50)
        times.append(time.perf_counter() - t0)
    print(
        f"search over {page_count:,} recognised pages ({page_count // per_doc} files of {per_doc} pages): "
        f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
    )
    opened.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=3, help="pages per dpi (default 3)")
    ap.add_argument("--dpi", type=int, nargs="+", default=[150, 300])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--search-pages", type=int, default=20_000, help="0 skips the search figure")
    ap.add_argument("--make", nargs=2, type=int, metavar=("DPI", "PAGES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make:
        sys.stdout.buffer.write(scanned_pdf(*args.make))
        return
    texts = page_texts(args.pages)
    t0 = time.perf_counter()
    engine.recognise(numpy.asarray(synthetic.page_image(["预热"], 72)), threads=args.threads)
    print(f"engine start (models loaded, one tiny page): {time.perf_counter() - t0:.1f} s")
    for dpi in args.dpi:
        accuracy, per_minute = bench_dpi(dpi, texts, args.threads)
        print(
            f"{dpi} dpi scan, {args.pages} page(s) of {len(squeeze(texts[0]))} characters: character accuracy "
            f"{accuracy * 100:.2f} %, {per_minute:.1f} pages/min, peak RSS so far {hwm_mib():.0f} MiB"
        )
    if args.search_pages:
        with tempfile.TemporaryDirectory() as tmp:
            bench_search(Path(tmp), args.search_pages, texts)
    print(f"peak RSS {hwm_mib():.0f} MiB (target <= 1024)")


if __name__ == "__main__":
    main()
