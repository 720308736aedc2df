"""init, recover, backup, restore, rekey, recovery-code, settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.secrets import UsageError, read_secret
from reviewdesk.cli.session import acting_user, emit_json, open_as_user, workspace_of
from reviewdesk.security.atomic import write_atomic
from reviewdesk.services import maintenance, settings


def _write_code_file(path: str | None, code: str, folder: Path) -> None:
    if path:
        text = f"ReviewDesk 评查工作台 — 恢复码 / recovery code\n工作区 / workspace: {folder}\n\n{code}\n"
        write_atomic(Path(path), text.encode("utf-8"))


RECOVERY_NOTE = (
    "Recovery code (shown once; print it and keep it locked away — it opens the workspace without a password)\n"
    "恢复码（仅显示一次，请打印并妥善保管；凭此码可在忘记密码时打开工作区）"
)


def cmd_init(args: argparse.Namespace) -> int:
    ws = workspace_of(args)
    password = read_secret(
        args.password_env, f"New password for {args.admin} / 设置 {args.admin} 的密码: ", confirm=True
    )
    opened, code = ws.create(args.admin, args.display_name, password)
    opened.close()
    _write_code_file(args.recovery_code_out, code, ws.folder)
    if args.json:
        emit_json({"workspace": str(ws.folder), "admin": args.admin, "recovery_code": code})
    else:
        print(f"Workspace created at {ws.folder} (admin: {args.admin})")
        print(RECOVERY_NOTE)
        print(f"    {code}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    ws = workspace_of(args)
    ws.require_exists()
    code = read_secret(args.code_env, "Recovery code / 恢复码: ", what="recovery code")
    new = read_secret(args.new_password_env, f"New password for {args.user} / 新密码: ", confirm=True)
    ws.recover(code, args.user, new).close()
    print(f"New password set for {args.user}. / 已为 {args.user} 设置新密码。")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        path = maintenance.backup(opened, Path(args.path))
    if args.json:
        emit_json({"backup": str(path), "size": path.stat().st_size})
    else:
        print(f"Encrypted backup written to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    ws = workspace_of(args)
    name = acting_user(args)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(
                "restore replaces the workspace: confirm with --yes",
                message_zh="恢复将替换当前工作区，请加 --yes 确认",
            )
        answer = input(
            f"Replace the workspace at {ws.folder} with {args.path}? The current files are kept aside. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return 1
    password = read_secret(args.password_env, f"Password of {name} in the backup / 备份中 {name} 的密码: ")
    ws.restore(Path(args.path), name, password).close()
    print(f"Workspace at {ws.folder} restored from {args.path}")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        maintenance.rekey(opened)
    print("Data key rotated; every account and the recovery code still open the workspace.")
    return 0


def cmd_new_recovery_code(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        code = maintenance.new_recovery_code(opened)
        _write_code_file(args.recovery_code_out, code, opened.workspace.folder)
    print("The old recovery code no longer works.")
    print(RECOVERY_NOTE)
    print(f"    {code}")
    return 0


def cmd_settings_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        values = settings.get_settings(opened)
    if args.json:
        emit_json(values)
    else:
        for key, value in values.items():
            print(f"{key} = {value}")
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        value = settings.set_setting(opened, args.key, args.value)
    print(f"{args.key} = {value}")
    return 0
