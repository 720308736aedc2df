"""Arguments of ocr run|status (the reading room; its marks are parsers/marks.py). See docs/reading-room.md.

Declarations only: the code is reviewdesk.cli.commands.ocr, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs


def register(sub: argparse._SubParsersAction) -> None:
    ocr = sub.add_parser("ocr", help="recognise scanned case files (OCR) and show the queue").add_subparsers(
        dest="ocr_command", metavar="ACTION", required=True
    )
    p = ocr.add_parser(
        "run", help="recognise every queued page without a text layer (admin, or an expert for their cases)"
    )
    p.add_argument("--case", help="only this case (store id or external id)")
    p.add_argument("--threads", type=int, default=2, help="OCR threads (default 2)")
    runs(p, "ocr", "cmd_ocr_run")
    p = ocr.add_parser("status", help="the OCR queue: each document's state and pages")
    p.add_argument("--case", help="only this case (store id or external id)")
    runs(p, "ocr", "cmd_ocr_status")
