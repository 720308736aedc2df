"""Arguments of assign (draw panels), assign replace, assign change, panels: see docs/assignment.md.

Declarations only: the code is reviewdesk.cli.commands.assign, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_campaign, runs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assign",
        help="draw panels for a campaign's selected cases (admin); `assign replace|change` edit a panel",
        description="Draw one panel per selected case, print it, and save it unless --dry-run. Cases that cannot "
        "be fully staffed stop the save unless --allow-partial.",
    )
    p.add_argument("--campaign", help="campaign id")
    p.add_argument("--panel-size", type=int, help="members per panel (default: the campaign's)")
    p.add_argument("--seed", help="tie-breaking seed (default: a random one, printed); same seed + data = same panels")
    p.add_argument("--max-load", type=int, help="cases per expert at most (default: the campaign's, if set)")
    p.add_argument("--dry-run", action="store_true", help="show the draw, save nothing")
    p.add_argument("--allow-partial", action="store_true", help="save the panels that could be formed")
    runs(p, "assign", "cmd_assign")
    actions = p.add_subparsers(dest="assign_command", metavar="ACTION")

    r = actions.add_parser("replace", help="late recusal: replace a member by the best fitting backup")
    add_campaign(r)
    r.add_argument("--case", required=True, help="store id or case id")
    r.add_argument("--expert", required=True, help="the member to take off: store id or roster id")
    r.add_argument("--reason", required=True)
    runs(r, "assign", "cmd_replace")

    c = actions.add_parser("change", help="replace a member by an expert of your choice (re-checked)")
    add_campaign(c)
    c.add_argument("--case", required=True)
    c.add_argument("--remove", required=True, help="member to take off")
    c.add_argument("--add", required=True, help="expert to put on")
    c.add_argument("--reason", required=True)
    runs(c, "assign", "cmd_change")

    v = sub.add_parser("panels", help="show a campaign's saved panels (admin, observer)")
    add_campaign(v)
    runs(v, "assign", "cmd_panels")
