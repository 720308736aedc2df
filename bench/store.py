"""The same workload on the encrypted store and on plain SQLite, in one run.

Workload (what the app does most): bulk insert of case-like rows in batches, point lookups, filtered
aggregate queries over the table, and many small write transactions that each append an audit entry through
the real hash-chain code. Each configuration runs on a fresh database file, three times; the median counts.

    .venv/bin/python bench/store.py [--rows 20000] [--writes 1000]

Target: encrypted ≤ 1.5 × plain at the page-cache size the app uses (reviewdesk.store.engine.CACHE_KIB).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from reviewdesk.audit import chain
from reviewdesk.store import migrate
from reviewdesk.store.engine import CACHE_KIB, WRITE_OPTION, make_engine, make_plain_engine

REGIONS = ["620102", "620103", "620105", "620502", "620503", "620402", "620422", "620100", "620500", "620400"]
CAUSES = ["买卖合同纠纷", "民间借贷纠纷", "故意伤害", "盗窃", "行政处罚", "劳动争议", "交通肇事", "执行异议"]


def workload(engine: Engine, rows: int, writes: int) -> dict[str, float]:
    rng = random.Random(7)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE bench_cases (id INTEGER PRIMARY KEY, case_number TEXT, title TEXT, cause TEXT, "
            "region_code TEXT, summary TEXT, score REAL)"
        )
        conn.exec_driver_sql("CREATE INDEX ix_bench_region ON bench_cases(region_code)")
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    batch = 500
    for start in range(0, rows, batch):
        data = [
            {
                "id": i,
                "n": f"（2021）甘0102民初{i}号",
                "t": f"张某{i}诉某公司{rng.choice(CAUSES)}",
                "c": rng.choice(CAUSES),
                "r": rng.choice(REGIONS),
                "s": "经审理查明，" + "原告与被告之间存在合同关系，" * rng.randint(5, 20),
                "sc": rng.uniform(40, 100),
            }
            for i in range(start, min(rows, start + batch))
        ]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO bench_cases VALUES (:id, :n, :t, :c, :r, :s, :sc)"), data)
    timings["insert"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with engine.connect() as conn:
        for _ in range(rows // 10):
            conn.execute(text("SELECT * FROM bench_cases WHERE id = :id"), {"id": rng.randrange(rows)}).one()
    timings["lookup"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with engine.connect() as conn:
        for _ in range(100):
            conn.execute(
                text(
                    "SELECT region_code, count(*), avg(score) FROM bench_cases "
                    "WHERE cause = :c AND summary LIKE :p GROUP BY region_code"
                ),
                {"c": rng.choice(CAUSES), "p": "%合同关系%"},
            ).all()
    timings["aggregate"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    for i in range(writes):
        with Session(engine.execution_options(**{WRITE_OPTION: True})) as session, session.begin():
            session.execute(text("UPDATE bench_cases SET score = :s WHERE id = :id"), {"s": 60.0, "id": i})
            chain.append(session, "bench", "case.update", f"case:{i}", {"score": 60.0})
    timings["small_writes"] = time.perf_counter() - t0
    timings["total"] = sum(timings.values())
    return timings


def run(make: Callable[[Path], Engine], rows: int, writes: int, repeats: int) -> dict[str, float]:
    results = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            engine = make(Path(tmp) / "bench.db")
            try:
                results.append(workload(engine, rows, writes))
            finally:
                engine.dispose()
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    key = os.urandom(32)
    print(f"workload: {args.rows} rows inserted, {args.rows // 10} lookups, 100 aggregates, {args.writes} audited writes")
    print(f"{'configuration':<34}{'insert':>9}{'lookup':>9}{'aggr.':>9}{'writes':>9}{'total':>9}{'ratio':>8}")
    baseline = None
    for label, make in [
        (f"plain SQLite, cache {CACHE_KIB // 1024} MiB", lambda p: make_plain_engine(p)),
        ("SQLCipher, cache 2 MiB (default)", lambda p: make_engine(p, key, cache_kib=2000)),
        (f"SQLCipher, cache {CACHE_KIB // 1024} MiB (app)", lambda p: make_engine(p, key)),
        ("SQLCipher, cache 128 MiB", lambda p: make_engine(p, key, cache_kib=131072)),
    ]:
        t = run(make, args.rows, args.writes, args.repeats)
        baseline = baseline or t["total"]
        print(
            f"{label:<34}{t['insert']:>8.3f}s{t['lookup']:>8.3f}s{t['aggregate']:>8.3f}s"
            f"{t['small_writes']:>8.3f}s{t['total']:>8.3f}s{t['total'] / baseline:>7.2f}x"
        )
    print("target: SQLCipher at the app's cache size ≤ 1.50x plain SQLite")


if __name__ == "__main__":
    main()
