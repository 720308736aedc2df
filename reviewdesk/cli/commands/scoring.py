"""score statement|certify|submit|amend|show|mine: an expert's score sheets (see docs/scoring.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.secrets import UsageError
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.scoring.sheet import Entry, parse_sheet
from reviewdesk.services import scoring


def _read_sheet(path: str) -> tuple[list[Entry], str | None]:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ValidationError("--sheet", f"cannot read {path}: {err.strerror}", message_zh=f"无法读取 {path}") from None
    return parse_sheet(data)


def _print_sheet(view: scoring.SheetView) -> None:
    total = "-" if view.total is None else f"{view.total:g}"
    print(f"sheet {view.id}\t{view.case_external_id}\t{view.expert_external_id} {view.expert_name}\t"
          f"{view.status} v{view.version}\ttotal {total}\tgrade {view.grade or '-'}{'  一票否决/veto' if view.veto else ''}")
    for i in view.items:
        flags = " veto" if i.veto else ""
        print(f"  {i.code}\t{i.points:g}\t{i.text}\t{i.reason}\t{i.evidence}{flags}")


def _emit(args: argparse.Namespace, view: scoring.SheetView) -> None:
    if args.json:
        emit_json(view.to_json())
    else:
        _print_sheet(view)


def cmd_certify(args: argparse.Namespace) -> int:
    # The statement is a personal declaration: it needs an explicit yes, at the prompt or by --yes.
    if not args.yes:
        if args.json or not sys.stdin.isatty():
            raise UsageError("confirm the recusal statement with --yes (read it with `score statement`)",
                             message_zh="请加 --yes 确认回避声明（可用 score statement 查看全文）")
        print(scoring.recusal_statement())
        answer = input("\n确认以上回避声明？Confirm the statement above? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("Nothing changed.")
            return 1
    with open_as_user(args) as opened:
        view = scoring.certify(opened, args.case, campaign_id=args.campaign)
    if args.json:
        emit_json(view.to_json())
    else:
        print(f"Recusal statement confirmed for case {view.case_external_id}; draft sheet {view.id} created.")
    return 0


def cmd_statement(args: argparse.Namespace) -> int:
    print(scoring.recusal_statement())
    return 0


def cmd_submit(args: argparse.Namespace) -> int:
    entries, comment = _read_sheet(args.sheet)
    with open_as_user(args) as opened:
        if args.draft:
            view = scoring.save_draft(opened, args.case, entries, comment or "", campaign_id=args.campaign)
        else:
            view = scoring.submit(opened, args.case, entries, comment, campaign_id=args.campaign)
    _emit(args, view)
    return 0


def cmd_amend(args: argparse.Namespace) -> int:
    entries, comment = _read_sheet(args.sheet)
    with open_as_user(args) as opened:
        view = scoring.amend(opened, args.case, entries, args.reason, comment, campaign_id=args.campaign)
    _emit(args, view)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        if args.all:
            views = scoring.sheets_for_case(opened, args.case, campaign_id=args.campaign)
        else:
            views = [scoring.sheet(opened, args.case, args.expert, campaign_id=args.campaign)]
    if args.json:
        emit_json([v.to_json() for v in views] if args.all else views[0].to_json())
    else:
        for v in views:
            _print_sheet(v)
    return 0


def cmd_mine(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = scoring.my_cases(opened)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            total = "-" if r.total is None else f"{r.total:g}"
            print(f"{r.campaign_id}\t{r.external_id}\t{r.case_type}\t{r.role}\t{r.status}\t{total}\t{r.grade or '-'}\t{r.title}")
    return 0
