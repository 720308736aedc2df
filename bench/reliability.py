"""The large reliability campaigns: every fuzzer under tests/fuzz/ (modules exposing KIND and campaign()).

    .venv/bin/python bench/reliability.py --seed 1 --mutants 5000 --kills 100

`--mutants` is shared among the mutation fuzzers (files, packages: from their own branches; skipped with a
note when absent); `--kills` goes to the kill-9 harness. Prints one row per kind: tried, passed, failed,
and the peak RSS of the worst input of that kind (KiB, as the child or the fuzzer reported it).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fuzzers() -> list[object]:
    import tests.fuzz as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"tests.fuzz.{info.name}")
        if hasattr(module, "KIND") and hasattr(module, "campaign"):
            found.append(module)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--mutants", type=int, default=5000, help="mutants in total over the mutation fuzzers")
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--calibrate", action="store_true", help="time each action first; draw kill moments within it")
    parser.add_argument("--json", metavar="FILE", help="also write the full results (with failures) to FILE")
    args = parser.parse_args()
    modules = fuzzers()
    mutation = [m for m in modules if m.KIND != "kills"]
    for kind in ("files", "packages"):
        if kind not in {m.KIND for m in modules}:
            print(f"note: no fuzzer of kind '{kind}' under tests/fuzz/ (it comes from another branch); skipped")
    rows, full = [], {}
    with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
        for module in modules:
            count = args.kills if module.KIND == "kills" else max(1, args.mutants // max(1, len(mutation)))
            start = time.monotonic()
            if module.KIND == "kills":
                result = module.campaign(args.seed, count, Path(tmp) / module.KIND, calibrate=args.calibrate,
                                         log=lambda line: print(line, file=sys.stderr, flush=True))
            else:
                result = module.campaign(args.seed, count, Path(tmp) / module.KIND)
            result["seconds"] = round(time.monotonic() - start, 1)
            full[module.KIND] = result
            rows.append((module.KIND, result["tried"], result["passed"], result["failed"], result["peak_rss_kib"],
                         result["seconds"]))
    print(f"seed {args.seed}")
    print(f"{'kind':<10}{'tried':>8}{'passed':>8}{'failed':>8}{'peak RSS MiB':>14}{'seconds':>10}")
    for kind, tried, passed, failed, rss, secs in rows:
        print(f"{kind:<10}{tried:>8}{passed:>8}{failed:>8}{rss / 1024:>14.1f}{secs:>10}")
    if "kills" in full:
        k = full["kills"]
        print(f"kills that landed before the action finished: {k['killed']} of {k['tried']}; by action: "
              + ", ".join(f"{a} {v['killed']}/{v['tried']}" for a, v in sorted(k["by_action"].items())))
    for kind, result in full.items():
        for failure in result["failures"][:20]:
            print(f"{kind} failure: {json.dumps(failure, ensure_ascii=False)}")
    if args.json:
        Path(args.json).write_text(json.dumps(full, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if any(r[3] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
