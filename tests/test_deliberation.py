"""Deliberation (合议): statistics and flags, blindness, and the leader's conclusion, on the real store.

Sheets are inserted as ScoreSheet/ScoreItem rows directly (the sheets service is another module).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, PermissionDenied, ValidationError
from reviewdesk.scoring import deliberation as calc
from reviewdesk.scoring.rubric import parse_rubric
from reviewdesk.services import deliberation, experts, users
from reviewdesk.services.deliberation import ConclusionInput, FindingInput
from reviewdesk.store.models import (
    AuditEntry,
    Campaign,
    ConclusionFinding,
    PanelMember,
    Rubric,
    ScoreItem,
    ScoreSheet,
)
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import run_cli
from tests.test_assignment_service import World

RUBRIC = {
    "format": "reviewdesk-rubric", "schema": 1, "code": "TEST", "version": 1, "name": "测试评分表", "total": 100,
    "case_types": ["criminal"], "categories": ["事实认定", "程序违法", "法律文书"],
    "parts": [
        {"code": "P1", "name": "实体处理", "max": 60, "items": [
            {"code": "P1.1", "text": "基本事实清楚", "max": 60, "step": 1, "tag": "实体", "kind": "deduct", "veto": True}]},
        {"code": "P2", "name": "办案程序", "max": 40, "items": [
            {"code": "P2.1", "text": "程序合法", "max": 30, "step": 0.5, "tag": "程序", "kind": "deduct", "veto": False},
            {"code": "P2.2", "text": "文书规范", "max": 10, "step": 1, "tag": "程序", "kind": "deduct", "veto": False}]},
    ],
}


# -- pure arithmetic -------------------------------------------------------------------------------------
def test_spread_flag_fires_only_above_the_threshold() -> None:
    assert not calc.flags([90, 80], ["优秀", "合格"], [False, False], [], 10.0).spread_exceeded
    assert calc.flags([90.5, 80], ["优秀", "合格"], [False, False], [], 10.0).spread_exceeded
    # 85.3 − 75.3 is 9.999999999999986 in floats: still exactly the threshold, not above it
    assert not calc.flags([85.3, 75.3], ["合格", "合格"], [False, False], [], 10.0).spread_exceeded
    assert not calc.flags([85.3, 75.3], ["合格", "合格"], [False, False], [], 10.0).any


def test_grade_veto_and_pending_flags() -> None:
    f = calc.flags([80, 81], ["合格", "合格"], [False, True], ["E3"], 10.0)
    assert (f.grades_differ, f.veto, f.not_submitted) == (False, True, ("E3",))
    assert calc.flags([80, 91], ["合格", "优秀"], [False, False], [], 10.0).grades_differ


def test_mean_versus_median_and_rounding() -> None:
    assert calc.consolidate([90, 80, 61], "mean") == 77.0
    assert calc.consolidate([90, 80, 61], "median") == 80.0
    assert calc.consolidate([80, 80.5], "mean") == 80.3  # 80.25 rounds half up, not to even
    assert calc.consolidate([89.5, 89.4, 89.5], "mean") == 89.5
    with pytest.raises(ValueError):
        calc.consolidate([80], "mode")


@given(st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=7),
       st.sampled_from(calc.CONSOLIDATION_RULES))
def test_consolidated_score_lies_between_the_totals(totals: list[float], rule: str) -> None:
    score = calc.consolidate(totals, rule)
    assert min(totals) - 0.05 <= score <= max(totals) + 0.05


def test_disagreements_points_and_partial_veto() -> None:
    marks = {
        "A": {"P1.1": calc.ItemMark(0), "P2.1": calc.ItemMark(2, reason="超期")},
        "B": {"P2.1": calc.ItemMark(2.0), "P2.2": calc.ItemMark(1)},
        "C": {"P1.1": calc.ItemMark(0, veto=True), "P2.1": calc.ItemMark(2)},
    }
    assert calc.disagreements(marks) == ["P1.1", "P2.2"]


def test_conclusion_file_shape_errors_name_the_key() -> None:
    parsed = deliberation.input_from_json({"outcome": "none", "grade": None, "majority_view": "无问题",
                                           "actions": {"referral": {"suggested": True, "reason": "涉嫌徇私"}}})
    assert (parsed.outcome, parsed.grade, parsed.referral_suggested, parsed.correction_required) == ("none", None, True, False)
    for body, field in (
        ({"outcome": "none", "score": 90}, "score"),
        ({"outcome": 3}, "outcome"),
        ({"findings": [{"category": "x", "page": 1}]}, "findings[0].page"),
        ({"actions": {"correction": {"required": 1}}}, "actions.correction.required"),
        ([], "conclusion"),
    ):
        with pytest.raises(ValidationError) as err:
            deliberation.input_from_json(body)
        assert err.value.field == field


# -- the store -------------------------------------------------------------------------------------------
class Panel:
    """One case, a campaign and a panel of three (E1 leader), with the test rubric stored."""

    def __init__(self, ws: OpenWorkspace) -> None:
        self.ws = ws
        w = World(ws)
        self.experts = [w.expert(f"E{i}", f"U{i}") for i in (1, 2, 3, 4)]
        self.case = w.case("C1", "HANDLING")
        self.campaign = w.campaign("K1", cases=[self.case])
        body = json.dumps(RUBRIC, ensure_ascii=False)
        parse_rubric(body)  # the fixture rubric must be valid for the real parser
        with ws.write_session() as s, s.begin():
            rubric = Rubric(code="TEST", version=1, name="测试评分表", body=body, sha256="0" * 64, source="test",
                            added_at=now())
            s.add(rubric)
            for i, e in enumerate(self.experts[:3]):
                s.add(PanelMember(campaign_id=self.campaign, case_id=self.case, expert_id=e,
                                  role="leader" if i == 0 else "member", assigned_by="admin", assigned_at=now()))
            s.flush()
            self.rubric_id = rubric.id

    def sheet(self, n: int, total: float, *, status: str = "submitted", veto: bool = False,
              items: dict[str, tuple[float, bool, str]] | None = None, grade: str | None = None) -> None:
        """Expert E<n>'s sheet (replacing any earlier one)."""
        expert = self.experts[n - 1]
        with self.ws.write_session() as s, s.begin():
            old = s.execute(select(ScoreSheet).where(ScoreSheet.expert_id == expert)).scalar()
            if old is not None:
                s.delete(old)
                s.flush()
            sheet = ScoreSheet(
                campaign_id=self.campaign, case_id=self.case, expert_id=expert, rubric_id=self.rubric_id,
                status=status, version=1, total=total, grade=grade, veto=veto, comment="", certification="无回避情形",
                certified_at=now(), submitted_at=now() if status == "submitted" else None, updated_at=now(),
            )
            s.add(sheet)
            s.flush()
            for code, (points, item_veto, reason) in (items or {}).items():
                s.add(ScoreItem(sheet_id=sheet.id, item_code=code, points=points, reason=reason,
                                evidence_ref="卷1第2页" if reason else "", veto=item_veto))

    def set(self, **values: object) -> None:
        with self.ws.write_session() as s, s.begin():
            campaign = s.get(Campaign, self.campaign)
            for k, v in values.items():
                setattr(campaign, k, v)


@pytest.fixture
def board(admin_ws: OpenWorkspace) -> Panel:
    return Panel(admin_ws)


def _expert_login(admin_ws: OpenWorkspace, expert_ref: str, name: str) -> OpenWorkspace:
    users.add_user(admin_ws, name, name, "expert", USER_PW)
    experts.link_account(admin_ws, expert_ref, name)
    return admin_ws.workspace.open(name, USER_PW)


FLAWED = ConclusionInput(
    outcome="flawed", majority_view="程序存在瑕疵", correction_required=True, correction_deadline="2026-06-30",
    findings=[FindingInput("程序违法", "超期羁押告知不及时", "卷1第23页", "P2.1", basis_reason="合议时查阅卷宗发现")],
)


def test_view_threshold_statistics_and_disagreements(board: Panel, admin_ws: OpenWorkspace) -> None:
    board.sheet(1, 90, items={"P2.1": (0, False, "")})
    board.sheet(2, 80, items={"P2.1": (4, False, "未告知权利")})
    board.sheet(3, 85)
    view = deliberation.deliberation(admin_ws, "C1")
    assert (view.mean, view.median, view.spread, view.consolidated) == (85.0, 85.0, 10.0, 85.0)
    assert view.flags == {"spread_exceeded": False, "grades_differ": True, "veto": False, "not_submitted": []}
    assert [m.expert_id for m in view.members] == ["E1", "E2", "E3"] and view.members[0].role == "leader"
    assert [m.grade for m in view.members] == ["优秀", "合格", "合格"]
    [d] = view.disagreements
    assert (d.code, d.text) == ("P2.1", "程序合法")
    assert {m.expert_id: (m.points, m.reason) for m in d.marks} == {
        "E1": (0, ""), "E2": (4, "未告知权利"), "E3": (0, "")}
    board.sheet(2, 79.5)
    assert deliberation.deliberation(admin_ws, "C1").flags["spread_exceeded"]  # 10.5 > 10
    board.set(spread_threshold=10.5)
    assert not deliberation.deliberation(admin_ws, "C1").flags["spread_exceeded"]


def test_median_rule_veto_and_pending(board: Panel, admin_ws: OpenWorkspace) -> None:
    board.sheet(1, 91)
    board.sheet(2, 90)
    board.sheet(3, 60, status="draft")
    view = deliberation.deliberation(admin_ws, "C1")
    assert view.flags["not_submitted"] == ["E3"] and view.members[2].total is None  # drafts stay hidden
    assert view.consolidated == 90.5 and view.computed_grade == "优秀"
    board.sheet(3, 61, veto=True, items={"P1.1": (0, True, "基本事实错误")})
    board.set(consolidation="median")
    view = deliberation.deliberation(admin_ws, "C1")
    assert view.consolidation == "median" and view.consolidated == 90.0
    assert view.flags["veto"] and view.computed_grade == "不合格"
    assert view.members[2].grade == "不合格"  # the veto, not the total, decides this member's grade
    assert [d.code for d in view.disagreements] == ["P1.1"]


def test_members_see_the_board_only_after_submitting(board: Panel, admin_ws: OpenWorkspace,
                                                     login_as: Callable[[str], OpenWorkspace]) -> None:
    leader = login_as("expert")
    experts.link_account(admin_ws, "E1", "expert1")
    outsider = _expert_login(admin_ws, "E4", "expert4")
    board.sheet(1, 88, status="draft")
    board.sheet(2, 80)
    with pytest.raises(PermissionDenied):
        deliberation.deliberation(leader, "C1")
    board.sheet(1, 88)
    assert deliberation.deliberation(leader, "C1").members[1].total == 80
    with pytest.raises(PermissionDenied):
        deliberation.deliberation(outsider, "C1")
    with pytest.raises(PermissionDenied):
        deliberation.deliberation(login_as("observer"), "C1")
    outsider.close()
    with admin_ws.read_session() as s:
        refused = [(e.actor, json.loads(e.details)["reason"]) for e in s.execute(
            select(AuditEntry).where(AuditEntry.action == "permission.denied", AuditEntry.target == "deliberation.show")
            .order_by(AuditEntry.seq)).scalars()]
    assert refused == [("expert1", "own score sheet not submitted yet"), ("expert4", "not on the panel of this case"),
                       ("observer1", "role")]


def test_conclusion_by_the_leader_only_and_after_all_submitted(board: Panel, admin_ws: OpenWorkspace,
                                                                login_as: Callable[[str], OpenWorkspace]) -> None:
    leader = login_as("expert")
    experts.link_account(admin_ws, "E1", "expert1")
    member = _expert_login(admin_ws, "E2", "expert2")
    board.sheet(1, 75)
    board.sheet(2, 74)
    with pytest.raises(Conflict, match="E3"):
        deliberation.conclude(leader, "C1", FLAWED)
    board.sheet(3, 73)
    with pytest.raises(PermissionDenied):
        deliberation.conclude(member, "C1", FLAWED)
    done = deliberation.conclude(leader, "C1", FLAWED)
    assert (done.score, done.computed_grade, done.grade, done.outcome, done.version) == (74.0, "合格", "合格", "flawed", 1)
    assert done.actions == {"correction": {"required": True, "deadline": "2026-06-30"},
                            "referral": {"suggested": False, "reason": "", "findings": []}}
    assert done.concluded_by == "expert1" and done.findings[0].item_code == "P2.1"
    member.close()


def test_override_needs_a_reason_and_reconcluding_keeps_history(board: Panel, admin_ws: OpenWorkspace) -> None:
    for n, total in ((1, 70), (2, 69), (3, 71)):
        board.sheet(n, total)
    with pytest.raises(ValidationError) as err:
        deliberation.conclude(admin_ws, "C1", replace(FLAWED, grade="瑕疵", minority_view="x"))
    assert err.value.field == "grade_reason"
    with pytest.raises(ValidationError) as err:
        deliberation.conclude(admin_ws, "C1", replace(FLAWED, grade="良好", minority_view="x"))
    assert err.value.field == "grade"
    with pytest.raises(ValidationError) as err:  # grades differ (合格 vs 瑕疵): the minority view is required
        deliberation.conclude(admin_ws, "C1", FLAWED)
    assert err.value.field == "minority_view"
    first = deliberation.conclude(admin_ws, "C1", replace(FLAWED, minority_view="一名成员认为应评为瑕疵"))
    assert (first.grade, first.version) == ("合格", 1)
    second = deliberation.conclude(admin_ws, "C1", replace(
        FLAWED, grade="瑕疵", grade_reason="问题已反馈仍重复出现", minority_view="一名成员认为应评为合格",
        findings=[*FLAWED.findings, FindingInput("法律文书", "文书用语不规范", "第2卷第5-7页",
                                                  basis_reason="合议时发现")]))
    assert (second.grade, second.computed_grade, second.version, len(second.findings)) == ("瑕疵", "合格", 2, 2)
    with admin_ws.read_session() as s:
        entries = [json.loads(e.details) for e in s.execute(
            select(AuditEntry).where(AuditEntry.action == "deliberation.conclude").order_by(AuditEntry.seq)).scalars()]
        assert len(s.execute(select(ConclusionFinding)).scalars().all()) == 2
    assert entries[1]["previous"]["version"] == 1 and entries[1]["previous"]["grade"] == "合格"
    assert entries[1]["changed"] == ["grade", "grade_reason", "minority_view", "findings"]
    assert "问题已反馈仍重复出现" not in json.dumps(entries, ensure_ascii=False)  # no texts in the audit log


def test_kept_veto_gives_the_lowest_grade_and_needs_an_outcome(board: Panel, admin_ws: OpenWorkspace) -> None:
    board.sheet(1, 92)
    board.sheet(2, 91)
    board.sheet(3, 93, veto=True, items={"P1.1": (0, True, "证据系非法取得")})
    with pytest.raises(ValidationError) as err:  # the veto dropped (and grades differ) without the minority view
        deliberation.conclude(admin_ws, "C1", replace(FLAWED, outcome="none", findings=[], correction_required=False))
    assert err.value.field == "minority_view"
    with pytest.raises(ValidationError) as err:
        deliberation.conclude(admin_ws, "C1", replace(FLAWED, outcome="none", veto_kept=True, findings=[],
                                                      correction_required=False))
    assert err.value.field == "outcome"
    done = deliberation.conclude(admin_ws, "C1", replace(FLAWED, outcome="wrong", veto_kept=True, minority_view="两名成员不认为适用否决"))
    assert (done.score, done.computed_grade, done.grade, done.veto_kept) == (92.0, "不合格", "不合格", True)


BAD_INPUTS: list[tuple[dict[str, object], str]] = [
    ({"outcome": "bad"}, "outcome"),
    ({"majority_view": " "}, "majority_view"),
    ({"findings": []}, "findings"),
    ({"findings": [FindingInput("其他", "x", "卷1第2页")]}, "findings[0].category"),
    ({"findings": [FindingInput("程序违法", " ", "卷1第2页")]}, "findings[0].description"),
    ({"findings": [FindingInput("程序违法", "x", "第二页")]}, "findings[0].evidence_ref"),
    ({"findings": [FindingInput("程序违法", "x", "卷1第2页", "P9.9")]}, "findings[0].item_code"),
    ({"correction_required": False}, "actions.correction.required"),
    ({"correction_deadline": "2026-13-01"}, "actions.correction.deadline"),
    ({"referral_suggested": True}, "actions.referral.reason"),
    ({"veto_kept": True}, "veto_kept"),
]


def test_conclusion_validation_names_the_field(board: Panel, admin_ws: OpenWorkspace) -> None:
    for n in (1, 2, 3):
        board.sheet(n, 80)
    for change, field in BAD_INPUTS:  # one workspace for all: creating one costs a key derivation
        with pytest.raises(ValidationError) as err:
            deliberation.conclude(admin_ws, "C1", replace(FLAWED, **change))  # type: ignore[arg-type]
        assert err.value.field == field, change
    assert deliberation.deliberation(admin_ws, "C1").conclusion is None  # nothing half-written


def test_cli_view_and_conclude_from_file(board: Panel, admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    for n, total in ((1, 82), (2, 80), (3, 81)):
        board.sheet(n, total)
    auth = ("--user", ADMIN, "--password-env", "PW")
    done = run_cli("--workspace", str(ws_folder), "conclude", "--case", "C1", "--json", *auth, env={"PW": ADMIN_PW})
    assert done.returncode == 0, done.stderr
    view = json.loads(done.stdout)
    assert view["consolidated"] == 81.0 and view["flags"]["spread_exceeded"] is False and view["conclusion"] is None
    body = {"outcome": "flawed", "majority_view": "程序瑕疵", "findings": [
        {"category": "程序违法", "description": "送达超期", "evidence_ref": "卷1第3页", "basis_reason": "合议时发现"}],
        "actions": {"correction": {"required": True, "deadline": "2026-07-01"}}}
    path = tmp_path / "conclusion.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    done = run_cli("--workspace", str(ws_folder), "conclude", "--case", "C1", "--from", str(path), *auth,
                   env={"PW": ADMIN_PW})
    assert done.returncode == 0, done.stderr
    assert "Conclusion v1: 81 合格" in done.stdout
    done = run_cli("--workspace", str(ws_folder), "conclude", "--case", "C1", *auth, env={"PW": ADMIN_PW})
    assert done.returncode == 0, done.stderr
    assert "spread 2 (threshold 10)" in done.stdout and "flags: none" in done.stdout
    assert "Conclusion v1" in done.stdout
    path.write_text(json.dumps({**body, "outcome": "maybe"}), encoding="utf-8")
    done = run_cli("--workspace", str(ws_folder), "conclude", "--case", "C1", "--from", str(path), *auth,
                   env={"PW": ADMIN_PW})
    assert done.returncode == 6 and "outcome" in done.stderr


# -- findings rest on the members' deductions (issue 12) ------------------------------------------------
def test_findings_rest_on_deductions_and_say_why_when_they_do_not(board: Panel, admin_ws: OpenWorkspace) -> None:
    board.sheet(1, 80, items={"P2.1": (4, False, "送达超期")})
    board.sheet(2, 80, items={"P2.1": (4, False, "送达超期"), "P1.1": (2, False, "证据未核实")})
    board.sheet(3, 80)
    view = deliberation.deliberation(admin_ws, "C1")
    assert [(d.expert_id, d.item_code, d.tag, d.category, d.evidence_ref) for d in view.deductions] == [
        ("E2", "P1.1", "实体", "事实认定", "卷1第2页"), ("E1", "P2.1", "程序", "程序违法", "卷1第2页"),
        ("E2", "P2.1", "程序", "程序违法", "卷1第2页")]
    picked = FindingInput("程序违法", "送达超期", "", "P2.1", (deliberation.DeductionRef("E1", "P2.1"),
                                                              deliberation.DeductionRef("E2", "P2.1")))
    bare = FindingInput("程序违法", "送达超期", "卷1第9页")
    for change, field in (
        ({"findings": [bare]}, "findings[0].basis_reason"),
        ({"findings": [replace(picked, basis=(deliberation.DeductionRef("E3", "P2.1"),))]}, "findings[0].basis[0]"),
        ({"findings": [picked], "referral_suggested": True, "referral_reason": "涉嫌违规"}, "actions.referral.findings"),
        ({"findings": [picked], "minority_view": "应评为合格", "majority_view": "评查组一致认为存在瑕疵"}, "majority_view"),
        ({"outcome": "none", "findings": [], "correction_required": False}, "outcome_reason"),  # P1.1 is 实体
    ):
        with pytest.raises(ValidationError) as err:
            deliberation.conclude(admin_ws, "C1", replace(FLAWED, **change))  # type: ignore[arg-type]
        assert err.value.field == field, change
    done = deliberation.conclude(admin_ws, "C1", replace(
        FLAWED, findings=[picked, replace(bare, basis_reason="合议时查阅卷宗发现")], referral_suggested=True,
        referral_reason="涉嫌违规", referral_findings=(1,)))
    first, second = done.findings
    assert first.evidence_ref == "卷1第2页"  # taken from the deduction it rests on
    assert [(r.expert_id, r.item_code) for r in first.basis] == [("E1", "P2.1"), ("E2", "P2.1")]
    assert (second.basis, second.basis_reason) == ([], "合议时查阅卷宗发现")
    assert done.actions["referral"]["findings"] == [1]
    none = deliberation.conclude(admin_ws, "C1", replace(
        FLAWED, outcome="none", findings=[], correction_required=False, outcome_reason="实体扣分系计算口径问题"))
    assert (none.outcome, none.outcome_reason, none.findings, none.version) == ("none", "实体扣分系计算口径问题", [], 2)
