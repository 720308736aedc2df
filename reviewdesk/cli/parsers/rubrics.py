"""Arguments of rubric list|show|import|export, grading show|set, campaign-rubric set (see docs/rubrics.md).

Declarations only: the code is reviewdesk.cli.commands.rubrics, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse
from typing import Any

from reviewdesk.cli.lazy import command
from reviewdesk.cli.options import add_auth, add_json

# The services' own values (tests/test_cli_lazy.py keeps them equal), here so that --help imports nothing heavy.
CONSOLIDATIONS = ("mean", "median")
RUBRIC_KEYS = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition", "procuratorate")


def _leaf(actions: argparse._SubParsersAction, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
    a = actions.add_parser(name, help=help_text)
    add_auth(a)
    add_json(a)
    a.set_defaults(func=func)
    return a


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rubric", help="score-sheet definitions (评查表): list, show, import (admin), export")
    actions = p.add_subparsers(dest="rubric_command", metavar="list|show|import|export", required=True)
    _leaf(actions, "list", "stored and shipped rubrics", command("rubrics", "cmd_list"))
    a = _leaf(actions, "show", "one rubric's parts and items", command("rubrics", "cmd_show"))
    a.add_argument("code")
    a.add_argument("--version", type=int, help="default: the highest version")
    a = _leaf(actions, "import", "add an office's rubric from a JSON file (admin)", command("rubrics", "cmd_import"))
    a.add_argument("file")
    a = _leaf(actions, "export", "write a rubric to a JSON file", command("rubrics", "cmd_export"))
    a.add_argument("code")
    a.add_argument("--version", type=int, help="default: the highest version")
    a.add_argument("--out", required=True, help="file to write")

    p = sub.add_parser("grading", help="a campaign's grade bands, spread threshold and consolidation rule")
    actions = p.add_subparsers(dest="grading_command", metavar="show|set", required=True)
    a = _leaf(actions, "show", "show the campaign's grading rules and pinned rubrics", command("rubrics", "cmd_grading_show"))
    a.add_argument("--campaign", required=True)
    a = _leaf(actions, "set", "change grading rules (admin)", command("rubrics", "cmd_grading_set"))
    a.add_argument("--campaign", required=True)
    a.add_argument("--bands", metavar="JSON", help='highest first, e.g. [{"grade": "优质", "min": 90}, …, {"grade": "不合格", "min": 0}]')
    a.add_argument("--spread", type=float, metavar="N", help="deliberation flag when members' totals differ by more")
    a.add_argument("--consolidation", choices=CONSOLIDATIONS)

    p = sub.add_parser("campaign-rubric", help="which rubric a campaign scores a case type with")
    actions = p.add_subparsers(dest="campaign_rubric_command", metavar="set", required=True)
    a = _leaf(actions, "set", "pin a rubric version for a case type (admin; refused once sheets exist)",
              command("rubrics", "cmd_campaign_rubric_set"))
    a.add_argument("--campaign", required=True)
    a.add_argument("--case-type", required=True, choices=RUBRIC_KEYS)
    a.add_argument("--rubric", required=True, metavar="CODE")
    a.add_argument("--version", type=int, help="default: the highest stored version")
