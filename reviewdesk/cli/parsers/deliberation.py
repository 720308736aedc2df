"""Arguments of conclude (deliberation view / record the conclusion), interview add|update|list|show. See docs/deliberation.md.

Declarations only: the code is reviewdesk.cli.commands.deliberation, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("conclude", help="deliberation view of a case; with --from, record the panel's conclusion")
    p.add_argument("--case", required=True, help="case id (store id or external id)")
    p.add_argument("--campaign", help="campaign id (needed when the case is in several)")
    p.add_argument("--from", dest="from_file", metavar="FILE.json", help="the conclusion to record (docs/deliberation.md)")
    runs(p, "deliberation", "cmd_conclude")

    actions = sub.add_parser("interview", help="interview records (谈话笔录)").add_subparsers(
        dest="interview_command", metavar="ACTION", required=True
    )
    p = actions.add_parser("add", help="record an interview from a JSON file")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    p.add_argument("--file", required=True, metavar="FILE.json")
    runs(p, "deliberation", "cmd_interview_add")

    p = actions.add_parser("update", help="replace an interview record with a corrected JSON file")
    p.add_argument("id", type=int)
    p.add_argument("--file", required=True, metavar="FILE.json")
    runs(p, "deliberation", "cmd_interview_update")

    p = actions.add_parser("list", help="a case's interview records")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    runs(p, "deliberation", "cmd_interview_list")

    p = actions.add_parser("show", help="one interview record in full")
    p.add_argument("id", type=int)
    runs(p, "deliberation", "cmd_interview_show")
