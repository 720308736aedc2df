"""Arguments of rubric list|show|import|export, grading show|set, campaign-rubric set (see docs/rubrics.md).

Declarations only: the code is reviewdesk.cli.commands.rubrics, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_campaign, runs

# The services' own values (tests/test_cli_lazy.py keeps them equal), here so that --help imports nothing heavy.
CONSOLIDATIONS = ("mean", "median")
RUBRIC_KEYS = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition", "procuratorate")


def _leaf(actions: argparse._SubParsersAction, name: str, help_text: str, func: str) -> argparse.ArgumentParser:
    """A rubric command: its shared options come first here, its own are added after."""
    a = actions.add_parser(name, help=help_text)
    runs(a, "rubrics", func)
    return a


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rubric", help="score-sheet definitions (评查表): list, show, import (admin), export")
    actions = p.add_subparsers(dest="rubric_command", metavar="list|show|import|export", required=True)
    _leaf(actions, "list", "stored and shipped rubrics", "cmd_list")
    a = _leaf(actions, "show", "one rubric's parts and items", "cmd_show")
    a.add_argument("code")
    a.add_argument("--version", type=int, help="default: the highest version")
    a = _leaf(actions, "import", "add an office's rubric from a JSON file (admin)", "cmd_import")
    a.add_argument("file")
    a = _leaf(actions, "export", "write a rubric to a JSON file", "cmd_export")
    a.add_argument("code")
    a.add_argument("--version", type=int, help="default: the highest version")
    a.add_argument("--out", required=True, help="file to write")

    p = sub.add_parser("grading", help="a campaign's grade bands, spread threshold and consolidation rule")
    actions = p.add_subparsers(dest="grading_command", metavar="show|set", required=True)
    a = _leaf(actions, "show", "show the campaign's grading rules and pinned rubrics", "cmd_grading_show")
    add_campaign(a)
    a = _leaf(actions, "set", "change grading rules (admin)", "cmd_grading_set")
    add_campaign(a)
    a.add_argument("--bands", metavar="JSON", help='highest first, e.g. [{"grade": "优质", "min": 90}, …, {"grade": "不合格", "min": 0}]')
    a.add_argument("--spread", type=float, metavar="N", help="deliberation flag when members' totals differ by more")
    a.add_argument("--consolidation", choices=CONSOLIDATIONS)

    p = sub.add_parser("campaign-rubric", help="which rubric a campaign scores a case type with")
    actions = p.add_subparsers(dest="campaign_rubric_command", metavar="set", required=True)
    a = _leaf(actions, "set", "pin a rubric version for a case type (admin; refused once sheets exist)",
              "cmd_campaign_rubric_set")
    add_campaign(a)
    a.add_argument("--case-type", required=True, choices=RUBRIC_KEYS)
    a.add_argument("--rubric", required=True, metavar="CODE")
    a.add_argument("--version", type=int, help="default: the highest stored version")
