"""Arguments of collision template|import-officers|import-registry|rules|import-rules|use-rules|run|list|counts|
decide|export (docs/collision.md; --json shapes and exit codes in docs/cli.md).

Declarations only: the code is reviewdesk.cli.commands.collision, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_campaign, runs


def register(sub: argparse._SubParsersAction) -> None:
    co = sub.add_parser("collision", help="data collision screening (数据碰撞排查)").add_subparsers(
        dest="collision_command", metavar="ACTION", required=True)
    p = co.add_parser("template", help="write the officers.xlsx or registry.xlsx template")
    p.add_argument("which", choices=["officers", "registry"])
    p.add_argument("out")
    runs(p, "collision", "cmd_template", auth=False, json=False)
    for name, what in (("import-officers", "the officers roster (officers.xlsx or .csv)"),
                       ("import-registry", "the registry extract (registry.xlsx or .csv)")):
        p = co.add_parser(name, help=f"replace the campaign's {what} (admin)")
        add_campaign(p)
        p.add_argument("file")
        runs(p, "collision", "cmd_import")
    p = co.add_parser("rules", help="list the rule sets (admin)")
    runs(p, "collision", "cmd_rules")
    p = co.add_parser("import-rules", help="add or replace an office rule set from a JSON file (admin)")
    p.add_argument("file")
    runs(p, "collision", "cmd_import_rules")
    p = co.add_parser("use-rules", help="the rule set a campaign's runs use (admin)")
    add_campaign(p)
    p.add_argument("name")
    runs(p, "collision", "cmd_use_rules")
    p = co.add_parser("run", help="开始碰撞: match the roster against the extract (admin)")
    add_campaign(p)
    runs(p, "collision", "cmd_run")
    p = co.add_parser("list", help="matches with evidence and state (admin)")
    add_campaign(p)
    p.add_argument("--unit", metavar="CODE", help="one unit's matches")
    p.add_argument("--state", choices=["confirmed", "pending", "cleared", "exempt"])
    runs(p, "collision", "cmd_list")
    p = co.add_parser("counts", help="per unit: officers screened and matches by state (admin, observer)")
    add_campaign(p)
    runs(p, "collision", "cmd_counts")
    p = co.add_parser("decide", help="confirm or clear a match, with a reason (admin)")
    add_campaign(p)
    p.add_argument("match", type=int, help="the match id (collision list)")
    p.add_argument("decision", choices=["confirm", "clear"])
    p.add_argument("--reason", required=True)
    runs(p, "collision", "cmd_decide")
    p = co.add_parser("export", help="the ledger sheet 数据碰撞排查 of confirmed hits, as .xlsx (admin)")
    add_campaign(p)
    p.add_argument("out")
    runs(p, "collision", "cmd_export")
