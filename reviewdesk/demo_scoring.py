"""Scores for part of the demo campaign: every member of a few panels submits a sheet, and the leaders of some
of them record the panel's conclusion — through the same services an expert uses, as each expert's own account.

Members without a login get a demo account named after their roster id (e.g. exp-0016, password demo-2026).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from reviewdesk.scoring.rubric import RubricDef
from reviewdesk.scoring.sheet import Entry
from reviewdesk.services import assignment, deliberation, experts, rubrics, scoring, users
from reviewdesk.workspace import OpenWorkspace

REASONS = {
    "程序": ["未在法定期限内送达法律文书", "未告知当事人申请回避的权利", "审批手续不全，缺少负责人签字", "延长期限未依法办理审批"],
    "实体": ["关键证据未予核实即作认定", "认定事实的证据之间存在矛盾未作说明", "法律适用条款引用不准确", "处理结果与查明事实不尽相符"],
}
CLEAN_VIEW = "经合议，评查组一致认为本案事实清楚，程序基本规范，处理结果适当。"
FLAWED_VIEW = "经合议，评查组认为本案存在程序性瑕疵，不影响处理结果，应予整改。"


def score_demo(opened: OpenWorkspace, campaign_id: str, password: str, *, panels: int = 6, concluded: int = 4) -> None:
    rng = random.Random(2026)
    views = assignment.panels(opened, campaign_id)[:panels]
    for view in views:
        for member in view.members:
            account = _account(opened, member.external_id, member.name, password)
            _submit(opened, account, password, view.case.id, campaign_id, rng)
    for view in views[:concluded]:
        leader = next(m for m in view.members if m.role == "leader")
        ws = opened.workspace.open(_username(opened, leader.external_id), password)
        try:
            board = deliberation.deliberation(ws, str(view.case.id), campaign_id)
            own = scoring.sheet(ws, str(view.case.id), campaign_id=campaign_id)
            category = rubrics.rubric_detail(ws, own.rubric_code, own.rubric_version).rubric.categories[0]
            flawed = board.consolidated is not None and board.consolidated < 90
            split = bool(board.flags.get("grades_differ"))
            deliberation.conclude(ws, str(view.case.id), _conclusion(flawed, split, category, rng), campaign_id)
        finally:
            ws.close()


def _username(opened: OpenWorkspace, external_id: str) -> str:
    detail = experts.expert_detail(opened, external_id)
    assert detail.account is not None
    return detail.account


def _account(opened: OpenWorkspace, external_id: str, name: str, password: str) -> str:
    detail = experts.expert_detail(opened, external_id)
    if detail.account:
        return detail.account
    username = external_id.lower()
    users.add_user(opened, username, name, "expert", password)
    experts.link_account(opened, external_id, username)
    return username


def _submit(opened: OpenWorkspace, username: str, password: str, case_id: int, campaign_id: str, rng: random.Random) -> None:
    ws = opened.workspace.open(username, password)
    try:
        view = scoring.certify(ws, str(case_id), campaign_id)
        rubric = rubrics.rubric_detail(ws, view.rubric_code, view.rubric_version).rubric
        scoring.submit(ws, str(case_id), _entries(rubric, rng), "评查意见见各扣分项。", campaign_id)
    finally:
        ws.close()


def _entries(rubric: RubricDef, rng: random.Random) -> list[Entry]:
    deductible = [i for i in rubric.items().values() if i.kind == "deduct" and i.max > 0]
    entries = []
    for item in rng.sample(deductible, k=min(len(deductible), rng.randint(1, 4))):
        steps = max(1, int(round(item.max / item.step)))
        points = item.step * rng.randint(1, min(steps, 3))
        reason = rng.choice(REASONS.get(item.tag, REASONS["程序"]))
        entries.append(Entry(item.code, points, reason, f"卷{rng.randint(1, 3)}第{rng.randint(2, 120)}页"))
    return entries


def _conclusion(flawed: bool, split: bool, category: str, rng: random.Random) -> deliberation.ConclusionInput:
    minority = "一名成员认为扣分偏重，评分应上调一个等次。" if split else ""
    if not flawed:
        return deliberation.ConclusionInput(outcome="none", majority_view=CLEAN_VIEW, minority_view=minority)
    deadline = (date(2026, 12, 31) + timedelta(days=rng.randint(0, 30))).isoformat()
    return deliberation.ConclusionInput(
        outcome="flawed",
        findings=[deliberation.FindingInput(category, rng.choice(REASONS["程序"]), f"卷1第{rng.randint(2, 60)}页")],
        majority_view=FLAWED_VIEW, minority_view=minority, correction_required=True, correction_deadline=deadline,
    )
