"""Opening the workspace as the user a command names, and printing results."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from reviewdesk.cli import json_text
from reviewdesk.cli.secrets import UsageError, read_secret
from reviewdesk.workspace import OpenWorkspace, Workspace


def workspace_of(args: argparse.Namespace) -> Workspace:
    return Workspace(args.workspace)


def acting_user(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("REVIEWDESK_USER")
    if not name:
        raise UsageError(
            "say who acts: --user NAME (or set REVIEWDESK_USER)", message_zh="请用 --user 指定操作用户"
        )
    return name


def open_as_user(args: argparse.Namespace, *, import_store: bool = True) -> OpenWorkspace:
    ws = workspace_of(args)
    ws.require_exists()  # say "no workspace" before asking for a password
    name = acting_user(args)
    password = read_secret(args.password_env, f"Password for {name} / {name} 的密码: ")
    opened = ws.open(name, password, import_store=import_store)
    opened.keep_lock = True  # from its first change to its end, the command is the workspace's writer
    return opened


def emit_json(value: Any) -> None:
    # One write of json.dumps's exact text (json.dump would write every token separately: a million writes
    # for 5,000 panels); json_text builds it faster.
    sys.stdout.write(json_text.dumps(value) + "\n")
