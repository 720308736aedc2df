"""audit verify|show|checkpoint."""

from __future__ import annotations

import argparse
import json

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import AuditIntegrityError
from reviewdesk.services import audit


def cmd_verify(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        report = audit.verify(opened)
    if args.json:
        emit_json(report.to_json())
        return 0 if report.ok else AuditIntegrityError.exit_code
    if report.ok:
        print(f"audit log intact: {report.entries} entries, {report.checkpoints} signed checkpoints verified")
        return 0
    raise AuditIntegrityError(
        f"audit log broken at {report.reason}",
        message_zh=f"审计日志已被破坏：第 {report.first_bad_seq} 条（{report.reason}）",
    )


def cmd_show(args: argparse.Namespace) -> int:
    flt = audit.AuditFilter(
        actor=args.actor, action=args.action, text=args.text, since=args.since, until=args.until
    )
    with open_as_user(args) as opened:
        rows = audit.show(opened, flt, limit=max(1, args.limit))
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            details = json.dumps(r.details, ensure_ascii=False, sort_keys=True) if r.details else ""
            print(f"{r.seq:>6}  {r.ts}  {r.actor:<12} {r.action:<20} {r.target}  {details}".rstrip())
    return 0


def cmd_checkpoint(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        cp = audit.checkpoint(opened)
    if args.json:
        emit_json(cp.to_json())
    else:
        print(f"checkpoint signed: {cp.seq} entries, head {cp.head_hash}, key {cp.key_id}")
    return 0
