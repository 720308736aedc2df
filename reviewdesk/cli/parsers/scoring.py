"""Arguments of score statement|certify|submit|amend|show|mine: an expert's score sheets (see docs/scoring.md).

Declarations only: the code is reviewdesk.cli.commands.scoring, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs


def register(sub: argparse._SubParsersAction) -> None:
    sc = sub.add_parser("score", help="score sheets: certify, submit, amend, show, mine").add_subparsers(
        dest="score_command", metavar="ACTION", required=True
    )

    p = sc.add_parser("certify", help="confirm the recusal statement (回避声明) for a case; creates your draft")
    _case_args(p)
    p.add_argument("--yes", action="store_true", help="confirm without the prompt (needed in scripts and with --json)")
    runs(p, "scoring", "cmd_certify")

    p = sc.add_parser("statement", help="print the recusal statement (回避声明) text")
    runs(p, "scoring", "cmd_statement", auth=False, json=False)

    p = sc.add_parser("submit", help="submit your sheet from a JSON file (or save it as a draft with --draft)")
    _case_args(p)
    p.add_argument("--sheet", required=True, metavar="FILE.json", help='{"items": [...], "comment": "..."}')
    p.add_argument("--draft", action="store_true", help="save as draft only (partial sheets allowed)")
    runs(p, "scoring", "cmd_submit")

    p = sc.add_parser("amend", help="change your submitted sheet (needs a reason; the old version is kept)")
    _case_args(p)
    p.add_argument("--sheet", required=True, metavar="FILE.json")
    p.add_argument("--reason", required=True)
    runs(p, "scoring", "cmd_amend")

    p = sc.add_parser("show", help="show a sheet (yours by default; others' after you submitted)")
    _case_args(p)
    p.add_argument("--expert", help="whose sheet: store id or roster id")
    p.add_argument("--all", action="store_true", help="every sheet of the case you may see")
    runs(p, "scoring", "cmd_show")

    p = sc.add_parser("mine", help="the cases of your panels and the state of your sheets")
    runs(p, "scoring", "cmd_mine")


def _case_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", required=True, help="store id or case id")
    p.add_argument("--campaign", help="campaign id (needed when the case is on several campaigns' panels)")
