"""Scores for part of the demo campaign: every member of a few panels submits a sheet, and the leaders of some
of them record the panel's conclusion — through the same services an expert uses, as each expert's own account.

Members without a login get a demo account named after their roster id (e.g. exp-0016, password demo-2026).
The builder acts as each of them over its own unlocked store (`_acting_as`) instead of logging in again: a
log-in derives the password's Argon2id key (about 0.4 s), and the demo would pay it 22 times.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone

from reviewdesk.scoring.rubric import RubricDef
from reviewdesk.scoring.sheet import Entry
from reviewdesk.services import (
    assignment,
    cases,
    deliberation,
    experts,
    interviews,
    rubrics,
    scoring,
    sessions,
    users,
)
from reviewdesk.workspace import OpenWorkspace

REASONS = {
    "程序": ["未在法定期限内送达法律文书", "未告知当事人申请回避的权利", "审批手续不全，缺少负责人签字", "延长期限未依法办理审批"],
    "实体": ["关键证据未予核实即作认定", "认定事实的证据之间存在矛盾未作说明", "法律适用条款引用不准确", "处理结果与查明事实不尽相符"],
}
CLEAN_VIEW = "经合议，评查组一致认为本案事实清楚，程序基本规范，处理结果适当。"
SPLIT_CLEAN_VIEW = "经合议，评查组多数成员认为本案事实清楚，程序基本规范，处理结果适当。"
CLEAN_REASON = "所扣分事项均为程序性的轻微问题，不影响案件处理结果"
CST = timezone(timedelta(hours=8))
FLAWED_VIEW = "经合议，评查组认为本案存在瑕疵，不影响处理结果，应予整改。"


@contextmanager
def _acting_as(opened: OpenWorkspace, username: str) -> Iterator[OpenWorkspace]:
    """`username`'s session over the builder's engine, as after their log-in (which is recorded the same way).
    The builder holds the data key already; nothing here is reachable from a password prompt."""
    actor = opened.workspace.actor_of(opened.data_key, username)
    assert actor is not None, username
    view = OpenWorkspace(opened.workspace, opened.engine, opened.data_key, opened.slots, actor)
    sessions.record_login(view)
    try:
        yield view
    finally:
        view._engine = None  # the engine stays the builder's: close() only wipes this view's copy of the key
        view.close()


def score_demo(opened: OpenWorkspace, campaign_id: str, password: str, *, panels: int = 6, concluded: int = 4) -> None:
    rng = random.Random(2026)
    views = assignment.panels(opened, campaign_id)[:panels]
    for n, view in enumerate(views):
        # The panels of cases 1 and 3 find only procedural slips: their cases conclude with no problem.
        procedural_only = n in (0, 2)
        for member in view.members:
            account = _account(opened, member.external_id, member.name, password)
            _submit(opened, account, view.case.id, campaign_id, rng, procedural_only)
    for n, view in enumerate(views[:concluded]):
        leader = next(m for m in view.members if m.role == "leader")
        with _acting_as(opened, _username(opened, leader.external_id)) as ws:
            board = deliberation.deliberation(ws, str(view.case.id), campaign_id)
            own = scoring.sheet(ws, str(view.case.id), campaign_id=campaign_id)
            categories = rubrics.rubric_detail(ws, own.rubric_code, own.rubric_version).rubric.categories
            # Every other concluded case is flawed, so the opinions show findings, corrections and a referral; a
            # case with substantive deductions standing is never concluded "no problem".
            substantive = any(d.tag == "实体" for d in board.deductions)
            flawed = (board.consolidated is not None and board.consolidated < 90) or n % 2 == 1 or substantive
            split = bool(board.flags.get("grades_differ"))
            high = board.computed_grade == "优秀"
            conclusion = _conclusion(flawed, split, board.deductions, categories, referral=n == 1, high=high, rng=rng)
            deliberation.conclude(ws, str(view.case.id), conclusion, campaign_id)
            party = cases.case_detail(ws, str(view.case.id)).parties
            if n < 2 and party:
                interviews.record_interview(ws, str(view.case.id), _interview(view, str(party[0]["name"])), campaign_id)


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


def _submit(opened: OpenWorkspace, username: str, case_id: int, campaign_id: str, rng: random.Random,
            procedural_only: bool = False) -> None:
    with _acting_as(opened, username) as ws:
        view = scoring.certify(ws, str(case_id), campaign_id)
        rubric = rubrics.rubric_detail(ws, view.rubric_code, view.rubric_version).rubric
        pages = _pages(cases.case_detail(ws, str(case_id)).documents)
        scoring.submit(ws, str(case_id), _entries(rubric, rng, pages, procedural_only), "", campaign_id)


def _pages(documents: list[cases.DocumentInfo]) -> list[str]:
    """Every page of the case file as 卷V第P页 (pages numbered through each volume, documents in order)."""
    refs: list[str] = []
    counted: dict[int, int] = {}
    for d in documents:
        volume = d.volume or 1
        for _ in range(d.page_count or 0):
            counted[volume] = counted.get(volume, 0) + 1
            refs.append(f"卷{volume}第{counted[volume]}页")
    return refs or ["卷1第1页"]


def _entries(rubric: RubricDef, rng: random.Random, pages: list[str], procedural_only: bool = False) -> list[Entry]:
    deductible = [i for i in rubric.items().values() if i.kind == "deduct" and i.max > 0
                  and (not procedural_only or i.tag == "程序")]
    entries = []
    for item in rng.sample(deductible, k=min(len(deductible), rng.randint(1, 2 if procedural_only else 4))):
        steps = max(1, int(round(item.max / item.step)))
        points = item.step * (1 if procedural_only else rng.randint(1, min(steps, 3)))
        reason = rng.choice(REASONS.get(item.tag, REASONS["程序"]))
        entries.append(Entry(item.code, points, reason, rng.choice(pages)))
    return entries


def _findings(deductions: list[deliberation.Deduction], categories: tuple[str, ...]) -> list[deliberation.FindingInput]:
    """The leader's findings picked from the members' deductions: the items most members deducted on, substantive
    first, each resting on every member's deduction of that item (its category and evidence come from them)."""
    by_item: dict[str, list[deliberation.Deduction]] = {}
    for d in deductions:
        by_item.setdefault(d.item_code, []).append(d)
    ranked = sorted(by_item.values(), key=lambda ds: (ds[0].tag != "实体", -len(ds), -sum(d.points for d in ds)))
    findings: list[deliberation.FindingInput] = []
    for ds in ranked:
        if len(findings) == 3 or any(f.description == ds[0].reason for f in findings):
            continue  # one finding per problem: the same reason on another item is not listed twice
        findings.append(deliberation.FindingInput(
            ds[0].category if ds[0].category in categories else categories[0], ds[0].reason, "",
            ds[0].item_code, tuple(deliberation.DeductionRef(d.expert_id, d.item_code) for d in ds)))
    return findings


def _conclusion(flawed: bool, split: bool, deductions: list[deliberation.Deduction], categories: tuple[str, ...],
                referral: bool, high: bool, rng: random.Random) -> deliberation.ConclusionInput:
    minority = "一名成员认为扣分偏重，评分应上调一个等次。" if split else ""
    if not flawed:
        return deliberation.ConclusionInput(outcome="none", majority_view=SPLIT_CLEAN_VIEW if split else CLEAN_VIEW,
                                            minority_view=minority, outcome_reason=CLEAN_REASON if deductions else "")
    deadline = (date(2026, 12, 31) + timedelta(days=rng.randint(0, 30))).isoformat()
    findings = _findings(deductions, categories) or [deliberation.FindingInput(
        categories[1], "卷宗材料装订不规范", "卷1第1页", basis_reason="合议时查阅卷宗发现，成员评分时未单列扣分")]
    return deliberation.ConclusionInput(
        outcome="flawed", findings=findings, majority_view=FLAWED_VIEW, minority_view=minority,
        # A flawed case is not graded 优秀 whatever its score: the panel lowers the grade and says why.
        grade="合格" if high else None, grade_reason="案件存在程序瑕疵，不宜评定为优秀等次" if high else "",
        correction_required=True, correction_deadline=deadline, referral_suggested=referral,
        referral_reason="承办人员涉嫌违规办案" if referral else "",
        referral_findings=(1,) if referral else (),
    )


def _interview(view: assignment.PanelView, party: str) -> interviews.InterviewInput:
    """An interview with a party of the case, by the leader and a member, the other member recording."""
    names = [m.name for m in view.members]
    return interviews.InterviewInput(
        started_at=datetime(2026, 11, 24, 9, 30, tzinfo=CST), ended_at=datetime(2026, 11, 24, 10, 40, tzinfo=CST),
        place="评查组办公室", interviewers=names[:2], recorder=names[-1], interviewee_name=party, relation="party",
        notice={"identity": True, "purpose": True, "recusal_right": True, "truth_duty": True},
        qa=[interviews.QA("你对本案的处理结果有什么意见？", "我认为执行不到位，一直没有拿到执行款。"),
            interviews.QA("你是否多次向有关部门反映？", "反映过六次，都有书面回复，但问题没有解决。")],
        confirmation="以上笔录我已看过，与我说的相符。", interviewee_unit="",
    )
