"""conclude (deliberation view / record the conclusion), interview add|update|list|show. See docs/deliberation.md."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.services import deliberation, interviews

OUTCOME_ZH = {"wrong": "错案", "flawed": "瑕疵案", "none": "无问题"}


def _read_json(path: str, option: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise ValidationError(option, f"cannot read {path}: {err.strerror}", message_zh=f"无法读取 {path}") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise ValidationError(option, f"{path} is not UTF-8 JSON ({err})", message_zh=f"{path} 不是有效的 UTF-8 JSON") from None


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _print_view(view: deliberation.DeliberationView) -> None:
    print(f"Case {view.case_external_id} · campaign {view.campaign_id}" + (f" · rubric {view.rubric}" if view.rubric else ""))
    for m in view.members:
        role = "组长/leader" if m.role == "leader" else "成员/member"
        print(f"  {m.expert_id}\t{m.name}\t{role}\t{m.status}\t{_num(m.total)}\t{m.grade or '-'}" + ("\tVETO" if m.veto else ""))
    print(f"mean {_num(view.mean)} · median {_num(view.median)} · spread {_num(view.spread)} "
          f"(threshold {view.spread_threshold:g}) · {view.consolidation} → {_num(view.consolidated)} "
          f"{view.computed_grade or ''}")
    f = view.flags
    raised = [name for name in ("spread_exceeded", "grades_differ", "veto") if f[name]]
    if f["not_submitted"]:
        raised.append("not_submitted: " + ", ".join(f["not_submitted"]))
    print("flags: " + ("; ".join(raised) if raised else "none"))
    for d in view.disagreements:
        print(f"  {d.code} {d.text}")
        for mark in d.marks:
            veto = " VETO" if mark.veto else ""
            print(f"    {mark.expert_id}: {mark.points:g}{veto} {mark.reason} {mark.evidence_ref}".rstrip())
    if view.conclusion is not None:
        _print_conclusion(view.conclusion)


def _print_conclusion(c: deliberation.ConclusionView) -> None:
    changed = f" (computed {c.computed_grade}: {c.grade_reason})" if c.grade != c.computed_grade else ""
    print(f"Conclusion v{c.version}: {c.score:g} {c.grade}{changed}, outcome {c.outcome} "
          f"({OUTCOME_ZH.get(c.outcome, c.outcome)}), {len(c.findings)} finding(s), by {c.concluded_by}")


def cmd_conclude(args: argparse.Namespace) -> int:
    data = deliberation.input_from_json(_read_json(args.from_file, "--from")) if args.from_file else None
    with open_as_user(args) as opened:
        if data is None:
            view = deliberation.deliberation(opened, args.case, args.campaign)
            if args.json:
                emit_json(view.to_json())
            else:
                _print_view(view)
            return 0
        result = deliberation.conclude(opened, args.case, data, args.campaign)
    if args.json:
        emit_json(result.to_json())
    else:
        _print_conclusion(result)
    return 0


def _print_interview(v: interviews.InterviewView, full: bool) -> None:
    print(f"{v.id}\t{v.started_at} – {v.ended_at[11:]}\t{v.relation}\t{v.interviewee_name}\t{v.place}")
    if full:
        print(f"interviewers: {'、'.join(v.interviewers)} · recorder: {v.recorder} · unit: {v.interviewee_unit or '-'}")
        for qa in v.qa:
            print(f"问：{qa.q}\n答：{qa.a}")
        print(f"confirmation: {v.confirmation}")


def cmd_interview_add(args: argparse.Namespace) -> int:
    data = interviews.input_from_json(_read_json(args.file, "--file"))
    with open_as_user(args) as opened:
        view = interviews.record_interview(opened, args.case, data, args.campaign)
    if args.json:
        emit_json(view.to_json())
    else:
        print(f"Interview record {view.id} saved.")
    return 0


def cmd_interview_update(args: argparse.Namespace) -> int:
    data = interviews.input_from_json(_read_json(args.file, "--file"))
    with open_as_user(args) as opened:
        view = interviews.update_interview(opened, args.id, data)
    if args.json:
        emit_json(view.to_json())
    else:
        print(f"Interview record {view.id} updated.")
    return 0


def cmd_interview_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = interviews.interviews(opened, args.case, args.campaign)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            _print_interview(r, full=False)
    return 0


def cmd_interview_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = interviews.interview(opened, args.id)
    if args.json:
        emit_json(view.to_json())
    else:
        _print_interview(view, full=True)
    return 0


