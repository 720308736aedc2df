"""Arguments of experts template|import|list|show|set, registry template|import|list (see docs/experts.md).

Declarations only: the code is reviewdesk.cli.commands.experts, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs


def register(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser("experts", help="the expert pool (专家库)").add_subparsers(dest="experts_command", metavar="ACTION", required=True)
    p = ex.add_parser("template", help="write the experts.xlsx template")
    p.add_argument("out")
    runs(p, "experts", "cmd_template", auth=False, json=False)
    p = ex.add_parser("import", help="add or update experts from experts.xlsx (admin)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    runs(p, "experts", "cmd_import")
    p = ex.add_parser("list", help="list the pool (admin, observer)")
    runs(p, "experts", "cmd_list")
    p = ex.add_parser("show", help="one expert with relations and former units")
    p.add_argument("ref", help="store id or expert id (e.g. EXP-0001)")
    runs(p, "experts", "cmd_show")
    p = ex.add_parser("set", help="availability, load cap, tags or linked account (admin)")
    p.add_argument("ref")
    p.add_argument("--available", choices=["yes", "no"])
    p.add_argument("--note", help="availability note, e.g. 出差至 6 月")
    p.add_argument("--max-load", type=int, metavar="N", help="at most N cases per campaign for this expert")
    p.add_argument("--tags", help="comma-separated tags (replace the current ones; '' clears)")
    p.add_argument("--account", metavar="USERNAME", help="link the expert's login (role expert); '' unlinks")
    runs(p, "experts", "cmd_set")

    rg = sub.add_parser("registry", help="the interest registry (企业、股东及高管)").add_subparsers(dest="registry_command", metavar="ACTION", required=True)
    p = rg.add_parser("template", help="write the registry.xlsx template")
    p.add_argument("out")
    runs(p, "experts", "cmd_registry_template", auth=False, json=False)
    p = rg.add_parser("import", help="replace the registry by registry.xlsx (admin)")
    p.add_argument("file")
    runs(p, "experts", "cmd_registry_import")
    p = rg.add_parser("list", help="companies and counts (admin, observer)")
    runs(p, "experts", "cmd_registry_list")
