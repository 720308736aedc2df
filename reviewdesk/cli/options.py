"""Options many commands share; command modules add their own parsers with these."""

from __future__ import annotations

import argparse


def add_auth(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="account to act as (default: $REVIEWDESK_USER)")
    p.add_argument("--password-env", metavar="VAR", help="read the password from environment variable VAR")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output (see docs/cli.md)")
