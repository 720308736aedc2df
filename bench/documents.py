"""Time to produce 200 review opinions in Word and in PDF.

Builds the demo workspace in a temporary folder, reads the facts of its concluded cases from the encrypted
store, then composes and renders 200 opinions (the concluded cases in turn, each with its own document
number) to .docx and to PDF, in memory. Also times the service path the GUI and CLI use
(`documents.opinion_files`: numbers issued and audited, facts read, both formats) on the demo campaign.

    .venv/bin/python bench/documents.py [--count 200]

Target: Word + PDF for 200 opinions ≤ 20 s together.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD, create_demo
from reviewdesk.documents import opinion, pdf, word
from reviewdesk.documents.facts import load_case_facts
from reviewdesk.documents.profile import load_profile
from reviewdesk.services import documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.store.models import Conclusion


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
            timings = {}
            sizes = {}
            for name, render in (("docx", word.render), ("pdf", pdf.render)):
                t0 = time.perf_counter()
                out = [render(doc, profile.fonts) for doc in docs]
                timings[name] = time.perf_counter() - t0
                sizes[name] = sum(map(len, out)) / len(out)
            t0 = time.perf_counter()
            files = documents.opinion_files(ws, DEMO_CAMPAIGN)
            service = time.perf_counter() - t0
    total = timings["docx"] + timings["pdf"]
    print(f"{args.count} opinions, Word: {timings['docx']:.2f} s ({timings['docx'] / args.count * 1000:.0f} ms each, "
          f"{sizes['docx'] / 1024:.0f} KiB avg)")
    print(f"{args.count} opinions, PDF:  {timings['pdf']:.2f} s ({timings['pdf'] / args.count * 1000:.0f} ms each, "
          f"{sizes['pdf'] / 1024:.0f} KiB avg)")
    print(f"together: {total:.2f} s (target ≤ 20 s) {'OK' if total <= 20 else 'OVER TARGET'}")
    print(f"service path opinion_files: {len(files)} files in {service:.2f} s "
          f"({service / max(len(files), 1) * 1000:.0f} ms per file, incl. numbering, audit and store reads)")


if __name__ == "__main__":
    main()
