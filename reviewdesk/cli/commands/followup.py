"""rectify, referral, objection, special, due, followup: the follow-up registers. See docs/followup.md."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from reviewdesk import clock
from reviewdesk.cli.commands.deliberation import _read_json
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.followup import objections as objection_rules
from reviewdesk.followup import rectification as item_rules
from reviewdesk.followup import referrals as referral_rules
from reviewdesk.followup.dates import counts_workdays, parse_date
from reviewdesk.followup.workdays import calendar_note
from reviewdesk.services import (
    deliberation,
    due,
    followup_settings,
    objections,
    rectification,
    referrals,
    special,
)
from reviewdesk.services import rectification_generate as generating

DUE_ZH = {"due_soon": "临期", "overdue": "逾期"}


def _on(args: argparse.Namespace) -> date | None:
    return parse_date(args.on, "--on") if getattr(args, "on", None) else None


def _out(args: argparse.Namespace, value: Any, lines: list[str]) -> int:
    if args.json:
        emit_json(value)
    else:
        for line in lines:
            print(line)
    return 0


def _counted(start: str | date | None, deadline: str | None) -> None:
    """A deadline counted in working days into a year the calendar does not know: say so (on stderr, so the
    --json shapes stay as documented)."""
    if not deadline:
        return
    day = date.fromisoformat(start) if isinstance(start, str) else start or clock.now().date()
    note = calendar_note(day, date.fromisoformat(deadline))
    if note:
        print(f"note: {note}", file=sys.stderr)


def _due(state: str | None) -> str:
    return DUE_ZH.get(state or "", "")


# -- rectify -------------------------------------------------------------------------------------------------------
def _item_line(i: rectification.ItemView) -> str:
    flags = " ".join(x for x in (_due(i.due), "待核对" if i.needs_review else "") if x)
    return (f"{i.id}\t{i.number}\t{i.case_external_id}\t{i.unit_code}\t{i.kind}\t{i.deadline}\t"
            f"{item_rules.STATUS_ZH[i.status]}\t{i.description}" + (f"\t{flags}" if flags else ""))


def cmd_rectify_generate(args: argparse.Namespace) -> int:
    if args.case is None:
        if not args.campaign or args.preview or args.source != "auto":
            raise ValidationError("--case", "give --case, or --campaign alone for every concluded case (no --preview)",
                                  message_zh="请指定 --case；或只指定 --campaign 为全部已合议案件生成（不能与 --preview 同用）")
        with open_as_user(args) as opened:
            results = generating.generate_campaign(opened, args.campaign)
        made = sum(len(r.items) for r in results)
        lines = [f"{args.campaign}: {len(results)} concluded case(s), {made} new item(s), "
                 f"{sum(1 for r in results if r.referral)} new draft referral(s), "
                 f"{sum(r.flagged for r in results)} earlier item(s)/referral(s) flagged for review"]
        return _out(args, [r.to_json() for r in results], lines)
    with open_as_user(args) as opened:
        r = generating.generate(opened, args.case, args.campaign, args.source, apply=not args.preview)
    verb = "made" if r.applied else "would make"
    lines = [f"{r.case_external_id} · {r.source}: {verb} {len(r.items)} item(s), {r.existing} already made"
             + (f", {r.flagged} earlier item(s)/referral(s) flagged for review" if r.flagged else "")]
    lines += [f"  {i.get('number', '-')}\t{i['kind']}\t{i['deadline']}\t{i['description']}" for i in r.items]
    if r.referral:
        lines.append(f"  draft referral: {r.referral['clue']}")
    if r.calendar_note:
        lines.append(f"note: {r.calendar_note}")
    return _out(args, r.to_json(), lines)


def cmd_rectify_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = rectification.list_items(opened, args.campaign, args.unit, args.status, args.due, args.case, _on(args))
    return _out(args, [i.to_json() for i in found], [_item_line(i) for i in found])


def _item_detail(i: rectification.ItemView) -> list[str]:
    lines = [_item_line(i), f"要求：{i.requirement}", f"责任单位：{i.responsible_unit}　责任人：{i.responsible_person or '-'}",
             f"证据：{i.evidence_ref or '-'}　来源：{i.source_key}"]
    if i.measures:
        lines.append(f"整改措施：{i.measures}" + (f"（{i.progress}）" if i.progress else ""))
    if i.recheck_finding:
        lines.append(f"回头看：{item_rules.RECHECK_FINDINGS[i.recheck_finding]} {i.recheck_note}".rstrip())
    if i.needs_review:
        lines.append(f"待核对：{i.review_reason}")
    lines += [f"  {e['at']}\t{e['by']}\t{e['step']}\t{e['from'] or '-'} → {e['to']}\t{e['note']}" for e in i.events]
    lines += [f"  佐证材料 {e['id']}\t{e['filename']}\t{e['size']:,} bytes" for e in i.evidence]
    return lines


def _show_item(args: argparse.Namespace, view: rectification.ItemView) -> int:
    return _out(args, view.to_json(), _item_detail(view))


def cmd_rectify_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = rectification.show_item(opened, args.id, _on(args))
    return _show_item(args, view)


def _files(paths: list[str]) -> list[tuple[str, bytes]]:
    out = []
    for p in paths:
        try:
            out.append((Path(p).name, Path(p).read_bytes()))
        except OSError as err:
            raise ValidationError("--evidence", f"cannot read {p}: {err.strerror}", message_zh=f"无法读取 {p}") from None
    return out


def cmd_rectify_report(args: argparse.Namespace) -> int:
    files = _files(args.evidence)
    with open_as_user(args) as opened:
        view = rectification.report(opened, args.id, args.measures, args.progress, args.person, files)
    return _show_item(args, view)


def cmd_rectify_verify(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = rectification.verify(opened, args.id, args.note)
    return _show_item(args, view)


def cmd_rectify_close(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = rectification.close(opened, args.id, args.date)
    return _show_item(args, view)


def cmd_rectify_send_back(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = rectification.send_back(opened, args.id, args.reason, args.deadline, args.finding)
    if counts_workdays(args.deadline):
        _counted(None, view.deadline)
    return _show_item(args, view)


# -- referral ------------------------------------------------------------------------------------------------------
def _referral_line(r: referrals.ReferralView) -> str:
    flags = " ".join(x for x in (_due(r.due), "待核对" if r.needs_review else "") if x)
    persons = "、".join(p["name"] for p in r.persons) or "-"
    return (f"{r.id}\t{r.letter_number or '-'}\t{r.case_external_id}\t{persons}\t{r.feedback_deadline or '-'}\t"
            f"{referral_rules.STATUS_ZH[r.status]}" + (f"\t{referral_rules.OUTCOMES[r.outcome]}" if r.outcome else "")
            + (f"\t{flags}" if flags else ""))


def _show_referral(args: argparse.Namespace, r: referrals.ReferralView) -> int:
    lines = [_referral_line(r), f"线索：{r.clue}", f"接收机关：{r.receiving_body or '-'}　移送日期：{r.sent_on or '-'}"]
    lines += [f"  涉及人员：{p['name']}\t{p['unit']}\t{p['post']}" for p in r.persons]
    lines += [f"  证据：{e['title']}\t{e['ref']}" for e in r.evidence]
    if r.feedback_on:
        lines.append(f"反馈：{r.feedback_on} {referral_rules.OUTCOMES.get(r.outcome or '', '')} {r.outcome_detail}".rstrip())
    return _out(args, r.to_json(), lines)


def cmd_referral_add(args: argparse.Namespace) -> int:
    persons = [referrals.parse_person(p) for p in args.person]
    evidence = [referrals.parse_evidence(e) for e in args.evidence]
    with open_as_user(args) as opened:
        r = referrals.add_referral(opened, args.case, args.clue, persons, evidence, args.campaign, args.body, args.officer)
    return _show_referral(args, r)


def cmd_referral_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = referrals.list_referrals(opened, args.campaign, args.unit, args.status, args.due, _on(args))
    return _out(args, [r.to_json() for r in found], [_referral_line(r) for r in found])


def cmd_referral_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        r = referrals.show_referral(opened, args.id, _on(args))
    return _show_referral(args, r)


def cmd_referral_letter(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        r = referrals.issue_letter(opened, args.id, args.body, args.sent_on, args.feedback_deadline, args.officer)
    if args.feedback_deadline is None or counts_workdays(args.feedback_deadline):
        _counted(r.sent_on, r.feedback_deadline)
    return _show_referral(args, r)


def cmd_referral_feedback(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        r = referrals.record_feedback(opened, args.id, args.outcome, args.date, args.detail)
    return _show_referral(args, r)


# -- objection -----------------------------------------------------------------------------------------------------
def _objection_line(o: objections.ObjectionView) -> str:
    late = "（逾期受理）" if o.late else ""
    return (f"{o.id}\t{o.case_external_id}\t{o.objector}\t收到 {o.received_on}（期限 {o.deadline}）{late}\t"
            f"{objection_rules.STATUS_ZH[o.status]}" + (f"\t{o.reissued_number}" if o.reissued_number else ""))


def cmd_objection_add(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        o = objections.add_objection(opened, args.case, args.objector, args.grounds, args.received_on,
                                     args.delivered_on, args.admit_reason, args.campaign)
    _counted(o.delivered_on, o.deadline)  # the objection period is always counted
    return _out(args, o.to_json(), [_objection_line(o)])


def cmd_objection_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = objections.list_objections(opened, args.campaign, args.case, args.status)
    return _out(args, [o.to_json() for o in found], [_objection_line(o) for o in found])


def cmd_objection_decide(args: argparse.Namespace) -> int:
    new = deliberation.input_from_json(_read_json(args.from_file, "--from")) if args.from_file else None
    with open_as_user(args) as opened:
        o = objections.decide(opened, args.id, args.decision, args.reason, args.checked, new)
    lines = [_objection_line(o)]
    if o.reissued_number:
        lines.append(f"re-issued opinion {o.reissued_number} replaces {o.replaces or '-'} (conclusion v{o.to_version})")
    return _out(args, o.to_json(), lines)


# -- special -------------------------------------------------------------------------------------------------------
def _special_line(v: special.SpecialView) -> str:
    return f"{v.id}\t{v.title}\t{v.category}\t{len(v.case_ids)} 件 / {len(v.units)} 个单位\t{v.deadline}\t{v.status}\t{len(v.items)} 项"


def cmd_special_create(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        v = special.create_special(opened, args.campaign, args.category, args.requirement, args.deadline, args.title)
    if counts_workdays(args.deadline):
        _counted(None, v.deadline)
    return _out(args, v.to_json(), [_special_line(v)])


def cmd_special_list(args: argparse.Namespace) -> int:
    if args.ranking and not args.campaign:
        raise ValidationError("--campaign", "--ranking needs --campaign", message_zh="查看问题排名须指定评查活动")
    with open_as_user(args) as opened:
        if args.ranking:
            ranked = special.ranking(opened, args.campaign)
            return _out(args, [r.to_json() for r in ranked],
                        [f"{r.category}\t{len(r.case_ids)} 件\t{len(r.units)} 个单位" + ("\t可专项整治" if r.qualifies else "")
                         for r in ranked])
        found = special.list_specials(opened, args.campaign)
    return _out(args, [v.to_json() for v in found], [_special_line(v) for v in found])


def cmd_special_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        v = special.show_special(opened, args.id)
    return _out(args, v.to_json(), [_special_line(v), f"要求：{v.requirement}", f"单位：{'、'.join(v.units)}",
                                    f"整改事项：{', '.join(str(i) for i in v.items) or '-'}"])


# -- due, settings -------------------------------------------------------------------------------------------------
def cmd_due(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        found = due.due(opened, args.campaign, args.unit, _on(args))
    counts = found.counts()
    lines = [f"{found.today}: " + "; ".join(f"{k} {v['due_soon']} due soon, {v['overdue']} overdue"
                                            for k, v in counts.items())]
    lines += [f"{r.register}\t{r.id}\t{r.label}\t{r.case_external_id or '-'}\t{r.unit_code or '-'}\t{r.deadline}\t"
              f"{_due(r.state)}" for r in found.rows]
    if found.calendar_note:
        lines.append(f"note: {found.calendar_note}")
    return _out(args, found.to_json(), lines)


def cmd_followup_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        values = followup_settings.get_settings(opened, args.campaign)
    return _out(args, values, [f"{k}\t{v}" for k, v in values.items()])


def cmd_followup_set(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        value = followup_settings.set_setting(opened, args.campaign, args.key, args.value)
    return _out(args, {"campaign": args.campaign, "key": args.key, "value": value}, [f"{args.key}\t{value}"])


def cmd_notice_export(args: argparse.Namespace) -> int:
    from reviewdesk.cli.commands.documents import _out_file, _profile
    from reviewdesk.security.atomic import write_atomic
    from reviewdesk.services import followup_papers

    out = _out_file(args.out)
    profile = _profile(args)
    needs = {"referral": ("referral",), "rectification": ("campaign", "unit"), "recheck": ("objection",),
             "special": ("special",), "followup-report": ("campaign",), "unit-feedback": ("campaign", "unit")}
    missing = [name for name in needs[args.kind] if getattr(args, name) is None]
    if missing:
        flags = " and ".join(f"--{m}" for m in needs[args.kind])
        raise ValidationError(f"--{missing[0]}", f"--kind {args.kind} needs {flags}",
                              message_zh=f"--kind {args.kind} 须指定 {flags}")
    with open_as_user(args) as opened:
        fmt, draft = args.format, args.draft
        if args.kind == "referral":
            rendered = followup_papers.referral_letter_file(opened, args.referral, fmt, profile, draft=draft)
        elif args.kind == "recheck":
            rendered = followup_papers.recheck_decision_file(opened, args.objection, fmt, profile, draft=draft)
        elif args.kind == "special":
            rendered = followup_papers.special_notice_file(opened, args.special, fmt, profile, draft=draft)
        elif args.kind == "followup-report":
            rendered = followup_papers.followup_report_file(opened, args.campaign, fmt, profile, draft=draft)
        elif args.kind == "unit-feedback":
            rendered = followup_papers.unit_feedback_file(opened, args.campaign, args.unit, fmt, profile, draft=draft)
        else:
            rendered = followup_papers.rectification_notice_file(opened, args.campaign, args.unit, fmt, profile,
                                                                 draft=draft)
    write_atomic(out, rendered.data)
    return _out(args, {"kind": rendered.kind, "unit": args.unit, "referral": args.referral,
                       "objection": args.objection, "special": args.special, "number": rendered.number, "path": str(out),
                       "media_type": rendered.media_type, "size": len(rendered.data)},
                [f"{rendered.number or '（草稿）'}\t{out}\t{len(rendered.data):,} bytes"])
