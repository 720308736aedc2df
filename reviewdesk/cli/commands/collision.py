"""collision …: data collision screening (see docs/collision.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.commands.experts import _read, _sheet_errors, print_warnings
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.collision.results import STATE_ZH
from reviewdesk.collision.rules import RuleSetInvalid
from reviewdesk.errors import ValidationError
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.services import collision
from reviewdesk.services.base import ADMIN, require


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise ValidationError("OUT", f"cannot write {path}: {err.strerror}", message_zh=f"无法写入 {path}") from None


def cmd_template(args: argparse.Namespace) -> int:
    _write(args.out, collision.officers_template() if args.which == "officers" else collision.registry_template())
    print(f"Template written to {args.out}")
    return 0


def _progress(stage: str, done: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done:,} rows", end="", file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace) -> int:
    officers = args.collision_command == "import-officers"
    action = "collision.import_officers" if officers else "collision.import_registry"
    with open_as_user(args) as opened:
        require(opened, action, ADMIN)  # the role before the file (exit 5 before 6)
        data = _read(args.file)
        service = collision.import_officers if officers else collision.import_registry
        try:
            result = service(opened, args.campaign, data, Path(args.file).name, progress=_progress)
        except SheetErrors as err:
            _sheet_errors(err, args.json)
            raise
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    if args.json:
        emit_json({"ok": True, **result.to_json()})
    elif officers:
        print(f"Officers roster replaced: {result.officers} officers (before: {result.replaced}).")
    else:
        print(f"Registry extract replaced: {result.companies} companies, {result.persons} person rows "
              f"(before: {result.replaced} companies). Run `collision run` again.")
    if not args.json:
        print_warnings(result.warnings)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = collision.rule_sets(opened)
    if args.json:
        emit_json([r.to_json() for r in found])
    for r in [] if args.json else found:
        print(f"{r.name}\t{'built-in' if r.builtin else 'office'}\t{r.title}")
    return 0


def cmd_import_rules(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        require(opened, "collision.rules_import", ADMIN)
        data = _read(args.file)
        try:
            info = collision.import_rule_set(opened, data, Path(args.file).name)
        except RuleSetInvalid as err:
            if args.json:
                emit_json({"ok": False, "errors": err.problems})
            raise
    if args.json:
        emit_json({"ok": True, **info.to_json()})
    else:
        print(f"Rule set {info.name} imported: {info.title}")
    return 0


def cmd_use_rules(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        collision.set_rule_set(opened, args.campaign, args.name)
    if args.json:
        emit_json({"ok": True, "campaign": args.campaign, "rule_set": args.name})
    else:
        print(f"Campaign {args.campaign} uses rule set {args.name}; run `collision run` again.")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        summary = collision.run(opened, args.campaign, progress=_progress)
    if args.json:
        emit_json(summary.to_json())
    else:
        print(f"{summary.officers} officers against {summary.persons} registry rows (rule set {summary.rule_set}): "
              f"{summary.hits} identity-number hits, {summary.leads} name leads; {summary.confirmed} confirmed, "
              f"{summary.pending} to check, {summary.exempt} exempt.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = collision.matches(opened, args.campaign, unit_code=args.unit, state=args.state)
    if args.json:
        emit_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(f"{r.id}\t{STATE_ZH[r.state]}\t{r.unit_code}\t{r.officer_name} {r.officer_id_masked}\t{r.company}\t"
              f"{r.wording}\t{r.evidence}")
    if not rows:
        print("No matches.")
    return 0


def cmd_counts(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = collision.counts(opened, args.campaign)
    if args.json:
        emit_json([c.to_json() for c in found])
        return 0
    print("unit\tofficers\tconfirmed\tpending\tcleared\texempt")
    for c in found:
        print(f"{c.unit_code}\t{c.officers}\t{c.confirmed}\t{c.pending}\t{c.cleared}\t{c.exempt}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        row = collision.decide(opened, args.campaign, args.match, args.decision, args.reason)
    if args.json:
        emit_json(row.to_json())
    else:
        print(f"Match {row.id}: {STATE_ZH[row.state]}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        data = collision.ledger(opened, args.campaign)
    _write(args.out, data)
    if args.json:
        emit_json({"ok": True, "out": args.out, "bytes": len(data)})
    else:
        print(f"Ledger written to {args.out}")
    return 0
