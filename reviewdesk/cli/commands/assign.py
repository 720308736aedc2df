"""(being written) CLI commands: see docs/cli.md."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # filled in by the feature's own commit
    return None
