"""demo: create (or reuse) the demo workspace, optionally open the app on it."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewdesk import demo
from reviewdesk.cli.session import emit_json


def cmd_demo(args: argparse.Namespace) -> int:
    folder = Path(args.workspace).expanduser().resolve() if args.workspace else demo.demo_folder()
    if args.reset:
        ws, created = demo.create_demo(folder, reset=True), True
    elif args.open:
        ws, created = demo.ensure_demo(folder)
    else:
        ws, created = demo.create_demo(folder), True
    accounts = [demo.DEMO_ADMIN] + [name for name, _d, _r in demo.DEMO_USERS]
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
