"""whoami and user add|list|passwd|disable|enable.

The accounts service is imported inside each command, once the workspace is open: opening imports the store's
code (SQLAlchemy) while it derives the key (workspace.py); a module-level import of the service would import it
before, one after the other. whoami needs no SQLAlchemy at all (services/account.py), so its open skips it."""

from __future__ import annotations

import argparse

from reviewdesk.cli.secrets import read_secret
from reviewdesk.cli.session import acting_user, emit_json, open_as_user, workspace_of


def cmd_whoami(args: argparse.Namespace) -> int:
    with open_as_user(args, import_store=False) as opened:
        from reviewdesk.services import account

        info = account.whoami(opened)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"{info.username}\t{info.display_name}\t{info.role}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from reviewdesk.services import users

    with open_as_user(args) as opened:
        password = read_secret(
            args.new_password_env, f"Password for new user {args.name} / 新用户密码: ", confirm=True
        )
        info = users.add_user(opened, args.name, args.display_name, args.role, password)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"User {info.username} ({info.role}) created.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from reviewdesk.services import users

    with open_as_user(args) as opened:
        rows = users.list_users(opened)
    if args.json:
        emit_json([u.to_json() for u in rows])
    else:
        for u in rows:
            state = "disabled" if u.disabled else "active"
            print(f"{u.username}\t{u.display_name}\t{u.role}\t{state}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from reviewdesk.services import users

    ws = workspace_of(args)
    ws.require_exists()
    name = acting_user(args)
    password = read_secret(args.password_env, f"Password for {name} / {name} 的密码: ")
    with ws.open(name, password) as opened:
        target = args.name or opened.actor.username
        new = read_secret(args.new_password_env, f"New password for {target} / 新密码: ", confirm=True)
        if target == opened.actor.username:
            users.change_own_password(opened, password, new)
        else:
            users.reset_password(opened, target, new)
    print(f"Password changed for {target}.")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    from reviewdesk.services import users

    with open_as_user(args) as opened:
        users.disable_user(opened, args.name)
    print(f"User {args.name} disabled and their key slot deleted. Consider 'reviewdesk rekey' now.")
    return 0


def cmd_enable(args: argparse.Namespace) -> int:
    from reviewdesk.services import users

    with open_as_user(args) as opened:
        new = read_secret(args.new_password_env, f"New password for {args.name} / 新密码: ", confirm=True)
        users.enable_user(opened, args.name, new)
    print(f"User {args.name} enabled.")
    return 0
