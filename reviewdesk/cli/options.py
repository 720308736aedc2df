"""Options many commands share, and the line that ends a command's declaration (reviewdesk/cli/parsers/)."""

from __future__ import annotations

import argparse

from reviewdesk.cli.lazy import command


def add_auth(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="account to act as (default: $REVIEWDESK_USER)")
    p.add_argument("--password-env", metavar="VAR", help="read the password from environment variable VAR")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output (see docs/cli.md)")


def add_campaign(p: argparse.ArgumentParser) -> None:
    """`--campaign ID`, required: the campaign a command works on."""
    p.add_argument("--campaign", required=True)


def runs(p: argparse.ArgumentParser, module: str, name: str, *, auth: bool = True, json: bool = True) -> None:
    """End a command's declaration: who acts (--user, --password-env) and --json, unless turned off, listed
    after the command's own options; then the function that runs it, reviewdesk.cli.commands.<module>:<name>,
    imported only when it runs (lazy.py)."""
    if auth:
        add_auth(p)
    if json:
        add_json(p)
    p.set_defaults(func=command(module, name))
