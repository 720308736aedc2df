"""The README's demo command as installed, `.venv/bin/reviewdesk --workspace DIR demo`, beside a baseline.

    .venv/bin/python bench/demo.py [--runs 3] [--before DIR]

Each sample is the installed console script (the one beside this Python) in a fresh process making a fresh demo
workspace, output and all. The baseline is one Argon2id derivation at the slots' default cost in a fresh process
(bench/login.py's), alternating with the samples so machine noise hits both alike; medians count. The demo makes
24 key slots (23 accounts and the recovery code), each one derivation at that cost, so "24 × derivation" is what
the slots alone would take one after another.

`--before DIR` also times the same command running another checkout (e.g. /work/main), alternating with this one,
for before/after figures from the same minutes. Target: ≤ 8 s (quiet machine).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from login import child_env, compile_tree, derive_once  # the same baseline as bench/login.py

ROOT = Path(__file__).resolve().parent.parent
SLOTS = 24
COMMAND = Path(sys.executable).parent / "reviewdesk"


def demo_once(tree: Path, folder: Path) -> float:
    start = time.perf_counter()
    out = subprocess.run(
        [str(COMMAND), "--workspace", str(folder), "demo"],
        capture_output=True,
        text=True,
        env=child_env(tree),
        cwd=tree,
        timeout=600,
    )
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"demo failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    return elapsed


def seconds(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", type=Path, help="another checkout, timed alternately (e.g. /work/main)")
    args = ap.parse_args()
    trees = {"this checkout": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    for tree in trees.values():
        compile_tree(tree)
    times: dict[str, list[float]] = {name: [] for name in trees}
    kdf: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        for run in range(args.runs):
            for name, tree in trees.items():
                kdf.append(derive_once(ROOT))
                times[name].append(demo_once(tree, Path(tmp) / f"{name}-{run}"))
    derivation = statistics.median(kdf)
    print(f"{COMMAND} --workspace DIR demo, {args.runs} runs, medians")
    print(f"  Argon2id derivation alone (baseline)   {seconds(kdf)}")
    print(f"  {SLOTS} × derivation                        {SLOTS * derivation:6.2f} s")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  demo, {name:<14}                  {seconds(values)}   = {median / derivation:5.1f} derivations"
        )
    if args.before:
        ratio = statistics.median(times["this checkout"]) / statistics.median(times["before"])
        print(f"  this checkout / before                 {ratio:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
