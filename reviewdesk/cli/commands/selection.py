"""select (draw) | select verify | select key | select remove | select list — see docs/selection.md."""

from __future__ import annotations

import argparse

from reviewdesk.cli.secrets import UsageError
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import Conflict
from reviewdesk.services import selection


def cmd_draw(args: argparse.Namespace) -> int:
    # The draw's options are not `required=True` in argparse because the actions share the parser.
    missing = [flag for flag, value in (("--campaign", args.campaign), ("--seed", args.seed)) if not value]
    if args.count is None and args.ratio is None:
        missing.append("--count or --ratio")
    if missing:
        raise UsageError(f"select needs {', '.join(missing)}", message_zh=f"select 缺少参数：{'、'.join(missing)}")
    with open_as_user(args) as opened:
        result = selection.draw(
            opened, args.campaign, count=args.count, ratio=args.ratio, where=args.where, strata=args.strata,
            seed=args.seed, dry_run=args.dry_run,
        )
    if args.json:
        emit_json({**result.to_json(), "dry_run": args.dry_run})
        return 0
    head = "Dry run (nothing stored)" if args.dry_run else f"Selection {result.selection_id} stored"
    print(f"{head}: {result.count} of {result.pool_size} cases, seed {result.seed!r}, pool fingerprint {result.pool_fingerprint}")
    for name, (pool, drawn) in result.strata.items():
        print(f"  stratum {name}: {drawn} of {pool}")
    if result.kept_key_cases:
        print(f"  {result.kept_key_cases} drawn case(s) were already key cases and stay so")
    for i, c in enumerate(result.cases, 1):
        print(f"{i}\t{c.case_id}\t{c.key}\t{c.case_type}\t{c.unit_code}\t{c.case_number}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        report = selection.verify(opened, args.campaign)
    if args.json:
        emit_json(report.to_json())
    elif report.ok:
        print(f"matches: selection {report.selection_id}, {report.pool_size_now} cases in the pool, fingerprint {report.fingerprint_now}")
        if report.rows_removed_by_hand:
            print(f"  {report.rows_removed_by_hand} drawn case(s) were removed by hand (see the audit log)")
    if report.ok:
        return 0
    problems = report.problems()
    if not args.json:
        for en, _zh in problems:
            print(en)
    raise Conflict(
        f"selection {report.selection_id} does not verify: " + "; ".join(en for en, _ in problems),
        message_zh=f"第 {report.selection_id} 次抽取核验不通过：" + "；".join(zh for _, zh in problems),
    )


def _print_selected(rows: list[selection.SelectedCase]) -> None:
    for c in rows:
        sel = "" if c.selection_id is None else str(c.selection_id)
        print(f"{c.case_id}\t{c.key}\t{c.how}\t{sel}\t{c.case_type}\t{c.case_number}\t{c.reason}")


def cmd_key(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        row = selection.add_key_case(opened, args.campaign, args.case, args.reason)
    if args.json:
        emit_json(row.to_json())
    else:
        print(f"Case {row.case_id} ({row.key}) added as a key case.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        row = selection.remove_case(opened, args.campaign, args.case, args.reason)
    if args.json:
        emit_json(row.to_json())
    else:
        print(f"Case {row.case_id} ({row.key}) removed from the selection.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = selection.selected_cases(opened, args.campaign)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        _print_selected(rows)
    return 0
