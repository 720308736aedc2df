"""demo: create (or reuse) the demo workspace, optionally open the app on it."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from reviewdesk import demo
from reviewdesk.cli.session import emit_json
from reviewdesk.locate import ENV_VAR


def demo_folder(args: argparse.Namespace) -> Path:
    """--workspace, then REVIEWDESK_WORKSPACE (as every command), then the per-user demo folder."""
    chosen = args.workspace or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser().resolve() if chosen else demo.demo_folder()


def _progress() -> demo.StepFn:
    """One line per step on stderr (stdout stays the result, or the JSON document with --json)."""
    started = time.perf_counter()

    def show(n: int, english: str, chinese: str) -> None:
        print(f"[{n}/{len(demo.STEPS)}] {chinese} / {english} … ({time.perf_counter() - started:.1f} s)",
              file=sys.stderr, flush=True)

    return show


def cmd_demo(args: argparse.Namespace) -> int:
    folder = demo_folder(args)
    progress = _progress()
    if args.reset:
        ws, created = demo.create_demo(folder, reset=True, progress=progress), True
    elif args.open:
        ws, created = demo.ensure_demo(folder, progress=progress)
    else:
        ws, created = demo.create_demo(folder, progress=progress), True
    accounts = demo.demo_accounts(ws.folder) or [demo.DEMO_ADMIN] + [name for name, _d, _r in demo.DEMO_USERS]
    if args.json:
        emit_json(
            {
                "workspace": str(ws.folder),
                "created": created,
                "users": accounts,
                "password": demo.DEMO_PASSWORD,
            }
        )
    else:
        print(f"Demo workspace {'created' if created else 'found'} at {ws.folder}")
        print(
            f"Accounts: {', '.join(accounts)} — password for all: {demo.DEMO_PASSWORD} (synthetic data only)"
        )
        print(f"演示账户：{'、'.join(accounts)}，密码均为 {demo.DEMO_PASSWORD}（仅含虚构数据）")
    if args.open:
        from reviewdesk.cli.commands.gui import open_gui

        return open_gui(str(ws.folder), demo_user=demo.DEMO_ADMIN)
    return 0
