"""recusal check|decide|declare|declarations (see docs/recusal.md)."""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_auth, add_json
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.recusal.findings import RULE_IDS
from reviewdesk.services import recusal
from reviewdesk.services.recusal import DECLARATION_KINDS


def cmd_check(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        report = recusal.check(opened, args.case, args.expert, args.campaign)
    if args.json:
        emit_json(report.to_json())
        return 0
    print(f"案件 {report.case_external_id} {report.case_number}  评查活动: {report.campaign_id or '—'}")
    if not report.experts:
        print("无回避事由 / no recusal findings")
    for e in report.experts:
        verdict = "可参加 eligible" if e.eligible else "回避 excluded"
        print(f"{e.external_id}\t{e.name}\t{verdict}")
        for fs in e.findings:
            f = fs.finding
            print(f"  [{fs.status}] {f.rule_id}  {f.evidence_zh}")
            print(f"      依据: {f.basis_zh}")
            if fs.status != "hard":
                print(f"      key: {f.evidence_key}" + (f"  ({fs.decided_by}: {fs.reason})" if fs.reason else ""))
    for h in report.handler_flags:
        print(f"! 办案人员利益冲突: {h.evidence_zh}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    decision = "confirmed" if args.confirm else "cleared"
    with open_as_user(args) as opened:
        info = recusal.decide(opened, args.case, args.expert, args.rule, args.key, decision, args.reason)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Finding {info.rule_id} {info.evidence_key}: {info.decision}.")
    return 0


def cmd_declare(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        info = recusal.declare(opened, args.expert, args.kind, args.case, args.name, args.id_number, args.note)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Declaration {info.id} recorded.")
    return 0


def cmd_declarations(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = recusal.list_declarations(opened, args.expert)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            who = " ".join(x for x in (r.counterpart_name, r.counterpart_id_masked) if x)
            print(f"{r.id}\t{r.expert_external_id}\t{r.kind}\t{r.case_external_id or '*'}\t{who}\t{r.note}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("recusal", help="recusal (回避): check, decide, declare").add_subparsers(
        dest="recusal_command", metavar="ACTION", required=True
    )
    p = group.add_parser("check", help="recusal findings for a case (admin, observer)")
    p.add_argument("--case", required=True, metavar="REF", help="store id or external id")
    p.add_argument("--expert", metavar="REF", help="only this expert (store id or EXP-…)")
    p.add_argument("--campaign", metavar="ID", help="campaign rules to apply (default: the case's campaign)")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_check)

    p = group.add_parser("decide", help="confirm or clear a soft finding (admin)")
    p.add_argument("--case", required=True, metavar="REF")
    p.add_argument("--expert", required=True, metavar="REF")
    p.add_argument("--rule", required=True, choices=RULE_IDS)
    p.add_argument("--key", required=True, help="the finding's evidence key, as `recusal check` shows it")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--confirm", action="store_true", help="the conflict is real: excludes")
    which.add_argument("--clear", action="store_true", help="no conflict: the expert may sit")
    p.add_argument("--reason", required=True)
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_decide)

    p = group.add_parser("declare", help="record a conduct report or a recusal declaration (admin)")
    p.add_argument("--expert", required=True, metavar="REF")
    p.add_argument("--kind", required=True, choices=DECLARATION_KINDS)
    p.add_argument("--case", metavar="REF", help="the case concerned (self_declared without it: every case)")
    p.add_argument("--name", help="conduct: the party or handler concerned")
    p.add_argument("--id-number", help="conduct: their identity number")
    p.add_argument("--note", default="")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_declare)

    p = group.add_parser("declarations", help="recorded declarations (admin, observer)")
    p.add_argument("--expert", metavar="REF")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_declarations)
