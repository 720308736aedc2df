"""score statement|certify|submit|amend|show|mine: an expert's score sheets (see docs/scoring.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.options import add_auth, add_json
from reviewdesk.cli.secrets import UsageError
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.scoring.sheet import Entry, parse_sheet
from reviewdesk.services import scoring


def register(sub: argparse._SubParsersAction) -> None:
    sc = sub.add_parser("score", help="score sheets: certify, submit, amend, show, mine").add_subparsers(
        dest="score_command", metavar="ACTION", required=True
    )

    p = sc.add_parser("certify", help="confirm the recusal statement (回避声明) for a case; creates your draft")
    _case_args(p)
    p.add_argument("--yes", action="store_true", help="confirm without the prompt (needed in scripts and with --json)")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_certify)

    p = sc.add_parser("statement", help="print the recusal statement (回避声明) text")
    p.set_defaults(func=cmd_statement)

    p = sc.add_parser("submit", help="submit your sheet from a JSON file (or save it as a draft with --draft)")
    _case_args(p)
    p.add_argument("--sheet", required=True, metavar="FILE.json", help='{"items": [...], "comment": "..."}')
    p.add_argument("--draft", action="store_true", help="save as draft only (partial sheets allowed)")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_submit)

    p = sc.add_parser("amend", help="change your submitted sheet (needs a reason; the old version is kept)")
    _case_args(p)
    p.add_argument("--sheet", required=True, metavar="FILE.json")
    p.add_argument("--reason", required=True)
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_amend)

    p = sc.add_parser("show", help="show a sheet (yours by default; others' after you submitted)")
    _case_args(p)
    p.add_argument("--expert", help="whose sheet: store id or roster id")
    p.add_argument("--all", action="store_true", help="every sheet of the case you may see")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_show)

    p = sc.add_parser("mine", help="the cases of your panels and the state of your sheets")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_mine)


def _case_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", required=True, help="store id or case id")
    p.add_argument("--campaign", help="campaign id (needed when the case is on several campaigns' panels)")


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
