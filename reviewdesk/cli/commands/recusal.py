"""recusal check|decide|declare|declarations (see docs/recusal.md)."""

from __future__ import annotations

import argparse

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.services import recusal


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


