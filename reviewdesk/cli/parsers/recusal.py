"""Arguments of recusal check|decide|declare|declarations (see docs/recusal.md).

Declarations only: the code is reviewdesk.cli.commands.recusal, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs
from reviewdesk.recusal.findings import RULE_IDS

# The services' own values (tests/test_cli_lazy.py keeps them equal), here so that --help imports nothing heavy.
DECLARATION_KINDS = ("conduct", "self_declared", "request_granted")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("recusal", help="recusal (回避): check, decide, declare").add_subparsers(
        dest="recusal_command", metavar="ACTION", required=True
    )
    p = group.add_parser("check", help="recusal findings for a case (admin, observer)")
    p.add_argument("--case", required=True, metavar="REF", help="store id or external id")
    p.add_argument("--expert", metavar="REF", help="only this expert (store id or EXP-…)")
    p.add_argument("--campaign", metavar="ID", help="campaign rules to apply (default: the case's campaign)")
    runs(p, "recusal", "cmd_check")

    p = group.add_parser("decide", help="confirm or clear a soft finding (admin)")
    p.add_argument("--case", required=True, metavar="REF")
    p.add_argument("--expert", required=True, metavar="REF")
    p.add_argument("--rule", required=True, choices=RULE_IDS)
    p.add_argument("--key", required=True, help="the finding's evidence key, as `recusal check` shows it")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--confirm", action="store_true", help="the conflict is real: excludes")
    which.add_argument("--clear", action="store_true", help="no conflict: the expert may sit")
    p.add_argument("--reason", required=True)
    runs(p, "recusal", "cmd_decide")

    p = group.add_parser("declare", help="record a conduct report or a recusal declaration (admin)")
    p.add_argument("--expert", required=True, metavar="REF")
    p.add_argument("--kind", required=True, choices=DECLARATION_KINDS)
    p.add_argument("--case", metavar="REF", help="the case concerned (self_declared without it: every case)")
    p.add_argument("--name", help="conduct: the party or handler concerned")
    p.add_argument("--id-number", help="conduct: their identity number")
    p.add_argument("--note", default="")
    runs(p, "recusal", "cmd_declare")

    p = group.add_parser("declarations", help="recorded declarations (admin, observer)")
    p.add_argument("--expert", metavar="REF")
    runs(p, "recusal", "cmd_declarations")
