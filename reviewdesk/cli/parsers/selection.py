"""Arguments of select (draw) | select verify | select key | select remove | select list — see docs/selection.md.

Declarations only: the code is reviewdesk.cli.commands.selection, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_campaign, runs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "select",
        help="case selection: reproducible random draw (admin); verify, key, remove, list",
        description="Without an action: draw cases at random, e.g. "
        "`select --campaign C --ratio 0.1 --where type=civil --strata unit --seed S`.",
    )
    p.add_argument("--campaign", help="campaign id")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--count", type=int, metavar="N", help="draw N cases")
    size.add_argument("--ratio", metavar="R", help="draw ceil(R × pool size) cases, 0 < R ≤ 1 (e.g. 0.1 or 1/8)")
    p.add_argument("--where", action="append", default=[], metavar="EXPR", help="pool filter (repeat: all must hold)")
    p.add_argument("--strata", choices=["case_type", "unit", "region", "flag"], help="draw proportionally per stratum")
    p.add_argument("--seed", help="the seed (record it: it makes the draw reproducible)")
    p.add_argument("--dry-run", action="store_true", help="show the draw without storing it")
    runs(p, "selection", "cmd_draw")
    actions = p.add_subparsers(dest="select_command", metavar="[verify|key|remove|list]")

    a = actions.add_parser("verify", help="replay the latest draw and compare pool, result and selected cases")
    add_campaign(a)
    runs(a, "selection", "cmd_verify")
    a = actions.add_parser("key", help="add a key case chosen by hand (admin)")
    add_campaign(a)
    a.add_argument("--case", required=True, metavar="REF", help="store id or case id (e.g. GS-2026-0001)")
    a.add_argument("--reason", required=True)
    runs(a, "selection", "cmd_key")
    a = actions.add_parser("remove", help="take a selected case out (admin; refused once it has a panel)")
    add_campaign(a)
    a.add_argument("--case", required=True, metavar="REF")
    a.add_argument("--reason", required=True)
    runs(a, "selection", "cmd_remove")
    a = actions.add_parser("list", help="selected cases with how, reason and selection id (admin, observer)")
    add_campaign(a)
    runs(a, "selection", "cmd_list")
