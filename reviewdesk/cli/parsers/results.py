"""Arguments of export results (review laptop) and results import|list|conflicts (office machine). See docs/results-package.md.

Declarations only: the code is reviewdesk.cli.commands.results, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse
from typing import Any

from reviewdesk.cli.options import add_campaign, runs

# The services' own values (tests/test_cli_lazy.py keeps them equal), here so that --help imports nothing heavy.
CONFLICTS_EXIT = 12  # `results conflicts`: at least one case holds differing results (docs/cli.md)


def _group(sub: Any, name: str, help_text: str) -> Any:
    """The ACTION subparsers of top-level command `name`, made here unless another module made it first."""
    existing = sub.choices.get(name)
    if existing is not None:
        return next(a for a in existing._actions if isinstance(a, argparse._SubParsersAction))
    return sub.add_parser(name, help=help_text).add_subparsers(dest=f"{name}_command", metavar="WHAT", required=True)


def register(sub: Any) -> None:
    export = _group(sub, "export", "write packages and files for other machines")
    p = export.add_parser("results", help="the campaign's results package for the organising office (admin)")
    add_campaign(p)
    p.add_argument("--recipient", action="append", default=[], required=True, metavar="age1…",
                   help="the receiving office's age recipient (repeat for several)")
    p.add_argument("--out", required=True, metavar="FILE", help="the package file to write (.rdpkg); must not exist")
    p.add_argument("--issuer-name", help="how the package names this workstation (default: its host name)")
    runs(p, "results", "cmd_export")

    res = sub.add_parser("results", help="results packages received from review laptops").add_subparsers(
        dest="results_command", metavar="ACTION", required=True
    )
    p = res.add_parser("import", help="import a results package (.rdpkg or any part) (admin); all or nothing")
    p.add_argument("path")
    p.add_argument("--passphrase-env", metavar="VAR", help="the package's passphrase, for passphrase-encrypted packages")
    p.add_argument("--allow-unsigned", action="store_true",
                   help="accept an unsigned or untrusted-signer package this once (audited)")
    runs(p, "results", "cmd_import")
    p = res.add_parser("list", help="received results per case, with their sources and status (admin, observer)")
    add_campaign(p)
    runs(p, "results", "cmd_list")
    p = res.add_parser("conflicts", help=f"cases whose received results differ; exit {CONFLICTS_EXIT} if any")
    add_campaign(p)
    runs(p, "results", "cmd_conflicts")
