"""Score sheets: validation names the item, totals and grade bands, veto, certification first, amendments."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, ValidationError
from reviewdesk.scoring.grades import default_bands
from reviewdesk.scoring.rubric import canonical_json, rubric_from_data
from reviewdesk.scoring.sheet import Entry, SheetInvalid, check, compute, has_evidence_ref, parse_sheet
from reviewdesk.services import assignment, experts, scoring, users
from reviewdesk.store.models import AuditEntry, CampaignRubric, Rubric, ScoreSheet, ScoreSheetVersion
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import USER_PW
from tests.helpers import run_cli
from tests.test_assignment_service import World

# A small rubric made for the tests: steps of 0.5 and 0.01 reach the band edges 89.5 and 59.99 exactly.
RUBRIC_DATA = {
    "format": "reviewdesk-rubric", "schema": 1, "code": "TEST", "version": 1, "name": "测试评分表", "total": 100,
    "case_types": ["criminal"], "categories": ["事实认定", "程序"],
    "parts": [
        {"code": "A", "name": "实体", "max": 60, "items": [
            {"code": "A1", "text": "基本事实认定", "max": 20, "step": 0.5, "tag": "实体", "kind": "deduct", "veto": True},
            {"code": "A2", "text": "证据审查", "max": 40, "step": 1, "tag": "实体", "kind": "deduct", "veto": False},
        ]},
        {"code": "B", "name": "程序", "max": 40, "items": [
            {"code": "B1", "text": "办案期限", "max": 40, "step": 0.01, "tag": "程序", "kind": "deduct", "veto": False},
            {"code": "B2", "text": "已反馈问题记录", "max": 0, "step": 1, "tag": "程序", "kind": "record", "veto": False},
            {"code": "B3", "text": "信访化解加分", "max": 5, "step": 0.5, "tag": "程序", "kind": "bonus", "veto": False},
        ]},
    ],
}
RUBRIC = rubric_from_data(RUBRIC_DATA)
BANDS = default_bands()


def d(code: str, points: float, reason: str = "理由", evidence: str = "卷1第23页", veto: bool = False) -> dict[str, object]:
    return {"code": code, "points": points, "reason": reason, "evidence": evidence, "veto": veto}


# -- pure validation ------------------------------------------------------------------------------------
def test_every_problem_is_reported_with_item_code_text_and_field() -> None:
    entries = [
        Entry("A2", 2.5, "理由", "卷1第2页"),  # not a multiple of step 1
        Entry("A1", 21, "理由", "卷1第2页"),  # above max 20
        Entry("B1", 3),  # no reason, no evidence
        Entry("B2", 1),  # record item with points
        Entry("A2", 0, veto=True),  # twice and not a veto item
        Entry("Z9", 1),  # unknown
    ]
    with pytest.raises(SheetInvalid) as err:
        check(RUBRIC, entries, complete=True)
    problems = {(p.code, p.field) for p in err.value.problems}
    assert problems == {
        ("A2", "points"), ("A1", "points"), ("B1", "reason"), ("B1", "evidence"), ("B2", "points"), ("A2", "item"), ("Z9", "code"),
    }
    msg = err.value.message
    assert "item A2 “证据审查”, points: 2.5 is not a multiple of the step 1" in msg
    assert "item A1 “基本事实认定”, points: 21 exceeds the item maximum 20" in msg
    assert "item B1 “办案期限”, evidence" in msg and "item B1 “办案期限”, reason" in msg
    assert "评分项 B2“已反馈问题记录”的分值：仅记录项不计分" in err.value.message_zh
    assert isinstance(err.value, ValidationError)


def test_drafts_skip_reason_and_evidence_but_not_ranges() -> None:
    check(RUBRIC, [Entry("B1", 3)], complete=False)
    with pytest.raises(SheetInvalid, match="below zero"):
        check(RUBRIC, [Entry("B1", -1)], complete=False)
    with pytest.raises(SheetInvalid, match="not a veto item"):
        check(RUBRIC, [Entry("A2", 0, veto=True)], complete=False)


def test_bonus_needs_reason_veto_needs_reason_and_evidence() -> None:
    check(RUBRIC, [Entry("B3", 2.5, "化解信访")], complete=True)  # bonus: reason, no evidence needed
    with pytest.raises(SheetInvalid, match="B3 “信访化解加分”, reason"):
        check(RUBRIC, [Entry("B3", 2.5)], complete=True)
    with pytest.raises(SheetInvalid) as err:
        check(RUBRIC, [Entry("A1", 0, veto=True)], complete=True)
    assert {p.field for p in err.value.problems} == {"reason", "evidence"}


@pytest.mark.parametrize("ref", ["卷1第23页", "第2卷第5-7页", "卷一第二十三页", "见卷３第１０至１２页询问笔录", "第1卷 第3、5页", "卷2 23页"])
def test_evidence_variants_accepted(ref: str) -> None:
    assert has_evidence_ref(ref)


@given(st.integers(1, 99), st.integers(1, 9999), st.integers(0, 50))
def test_evidence_generated_forms(volume: int, page: int, more: int) -> None:
    assert has_evidence_ref(f"卷{volume}第{page}页")
    assert has_evidence_ref(f"第{volume}卷第{page}-{page + more}页")
    assert not has_evidence_ref(f"第{page}页")


@pytest.mark.parametrize("ref", ["", "询问笔录", "第23页", "卷1", "p.23"])
def test_evidence_without_volume_and_page_refused(ref: str) -> None:
    assert not has_evidence_ref(ref)


@pytest.mark.parametrize(
    ("entries", "total", "grade"),
    [
        ([], 100, "优秀"),
        ([Entry("A2", 10, "r", "卷1第1页")], 90, "优秀"),
        ([Entry("A1", 10.5, "r", "卷1第1页")], 89.5, "合格"),
        ([Entry("A2", 30, "r", "卷1第1页")], 70, "合格"),
        ([Entry("A2", 30, "r", "卷1第1页"), Entry("B1", 0.01, "r", "卷1第1页")], 69.99, "瑕疵"),
        ([Entry("A2", 40, "r", "卷1第1页")], 60, "瑕疵"),
        ([Entry("A2", 40, "r", "卷1第1页"), Entry("B1", 0.01, "r", "卷1第1页")], 59.99, "不合格"),
        ([Entry("A2", 10, "r", "卷1第1页"), Entry("B3", 1.5, "r"), Entry("B2", 0, "记录")], 91.5, "优秀"),
        ([Entry("A1", 0, "r", "卷1第1页", veto=True)], 100, "不合格"),
    ],
)
def test_totals_and_band_edges(entries: list[Entry], total: float, grade: str) -> None:
    result = compute(RUBRIC, entries, BANDS)
    assert result.total == pytest.approx(total, abs=1e-9) and result.grade == grade
    assert result.veto == any(e.veto for e in entries)


@given(st.integers(min_value=0, max_value=4000))
def test_hundredth_steps_total_without_float_drift(spent: int) -> None:
    # B1 has step 0.01: any number of hundredths is a valid multiple and the total is exact to the hundredth.
    result = compute(RUBRIC, [Entry("B1", spent / 100, "r", "卷1第1页")], BANDS)
    assert result.total * 100 == pytest.approx(10000 - spent, abs=1e-6)
    check(RUBRIC, [Entry("B1", spent / 100, "r", "卷1第1页")], complete=True)


def test_sheet_file_shape() -> None:
    entries, comment = parse_sheet(json.dumps({"items": [d("A2", 2)], "comment": "好"}, ensure_ascii=False))
    assert entries == [Entry("A2", 2.0, "理由", "卷1第23页")] and comment == "好"
    with pytest.raises(ValidationError, match="item A2.points: must be a number"):
        parse_sheet('{"items": [{"code": "A2", "points": "2"}]}')
    with pytest.raises(ValidationError, match="not valid JSON"):
        parse_sheet(b"{")


# -- a panel on the real store ----------------------------------------------------------------------------
@dataclass
class Panel:
    admin: OpenWorkspace
    campaign: str
    case_ref: str
    case_id: int
    leader: str  # expert external ids
    members: list[str]
    outsider: str
    login: Callable[[str], OpenWorkspace]  # expert external id → that expert's logged-in workspace


def pin_test_rubric(ws: OpenWorkspace, campaign: str) -> int:
    body = canonical_json(RUBRIC)
    with ws.write_session() as s, s.begin():
        row = s.execute(select(Rubric).where(Rubric.code == "TEST", Rubric.version == 1)).scalar()
        if row is None:
            row = Rubric(code="TEST", version=1, name=RUBRIC.name, body=body, sha256=hashlib.sha256(body.encode()).hexdigest(),
                         source="test", added_at=now())
            s.add(row)
            s.flush()
        s.add(CampaignRubric(campaign_id=campaign, case_type="criminal", rubric_id=row.id))
        return row.id


def make_panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace], *, pin: bool = True) -> Panel:
    w = World(admin_ws)
    for n in range(1, 5):
        w.expert(f"E{n}", f"U{n}")
    case_id = w.case("C1", "U9")
    campaign = w.campaign("K1", cases=[case_id])
    if pin:
        pin_test_rubric(admin_ws, campaign)
    assignment.apply(admin_ws, campaign, seed="scoring")
    (panel,) = assignment.panels(admin_ws, campaign)
    on = [m.external_id for m in panel.members]
    leader = next(m.external_id for m in panel.members if m.role == "leader")
    outsider = next(e for e in ("E1", "E2", "E3", "E4") if e not in on)
    opened: dict[str, OpenWorkspace] = {}

    def login(ext: str) -> OpenWorkspace:
        if ext not in opened:
            name = f"acct{ext}"
            if ext == on[0]:
                opened[ext] = login_as("expert")
                name = "expert1"
            else:
                users.add_user(admin_ws, name, f"专家账户{ext}", "expert", USER_PW)
                opened[ext] = admin_ws.workspace.open(name, USER_PW)
            experts.link_account(admin_ws, ext, name)
        return opened[ext]

    return Panel(admin_ws, campaign, "C1", case_id, leader, on, outsider, login)


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


def audit_rows(ws: OpenWorkspace, prefix: str) -> list[AuditEntry]:
    with ws.read_session() as s:
        return [a for a in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars() if a.action.startswith(prefix)]


def test_certification_comes_first_and_creates_the_draft(panel: Panel) -> None:
    me = panel.login(panel.members[0])
    with pytest.raises(Conflict, match="recusal statement"):
        scoring.save_draft(me, panel.case_ref, [d("A2", 1)])
    with pytest.raises(Conflict, match="recusal statement"):
        scoring.submit(me, panel.case_ref, [])
    view = scoring.certify(me, panel.case_ref)
    assert view.status == "draft" and view.version == 1 and view.rubric_code == "TEST"
    assert view.certification.startswith("回避声明") and "保守评查工作秘密" in view.certification
    assert view.certified_at
    with pytest.raises(Conflict, match="already certified"):
        scoring.certify(me, panel.case_ref)
    (entry,) = audit_rows(panel.admin, "score.certify")
    assert json.loads(entry.details) == {"campaign_id": panel.campaign, "case_id": panel.case_id,
                                         "expert_id": view.expert_id, "rubric_id": view.rubric_id}


def test_without_a_pin_the_default_rubric_is_pinned_at_certification(
    admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]
) -> None:
    panel = make_panel(admin_ws, login_as, pin=False)
    me = panel.login(panel.members[0])
    view = scoring.certify(me, panel.case_ref)
    with admin_ws.read_session() as s:
        (pinned,) = s.execute(select(CampaignRubric).where(CampaignRubric.campaign_id == panel.campaign)).scalars()
        assert pinned.rubric_id == view.rubric_id and pinned.case_type == "criminal"
    assert view.rubric_code != "TEST"


def test_draft_then_submit_computes_total_grade_and_locks(panel: Panel) -> None:
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    draft = scoring.save_draft(me, panel.case_ref, [d("A1", 10.5, reason="", evidence="")], comment="初稿")
    assert draft.status == "draft" and draft.total is None and draft.items[0].text == "基本事实认定"
    with pytest.raises(SheetInvalid, match="A1 “基本事实认定”, reason"):
        scoring.submit(me, panel.case_ref)  # the stored draft lacks reason and evidence
    assert scoring.sheet(me, panel.case_ref).status == "draft"  # nothing half-written
    done = scoring.submit(me, panel.case_ref, [d("A1", 10.5, evidence="第2卷第5-7页")], comment="定稿")
    assert (done.status, done.total, done.grade, done.veto, done.comment) == ("submitted", 89.5, "合格", False, "定稿")
    assert done.submitted_at
    with pytest.raises(Conflict, match="submitted"):
        scoring.save_draft(me, panel.case_ref, [])
    with pytest.raises(Conflict, match="already submitted"):
        scoring.submit(me, panel.case_ref, [])
    (entry,) = audit_rows(panel.admin, "score.submit")
    details = json.loads(entry.details)
    assert details["total"] == 89.5 and details["version"] == 1 and "理由" not in entry.details


@pytest.mark.parametrize(
    ("items", "total", "grade"),
    [([d("A2", 10)], 90.0, "优秀"), ([d("A2", 40), d("B1", 0.01)], 59.99, "不合格"), ([d("A1", 0, veto=True)], 100.0, "不合格")],
)
def test_submitted_grade_uses_the_campaign_bands(panel: Panel, items: list[dict[str, object]], total: float, grade: str) -> None:
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    view = scoring.submit(me, panel.case_ref, items)
    assert view.total == pytest.approx(total) and view.grade == grade
    with panel.admin.read_session() as s:
        row = s.execute(select(ScoreSheet)).scalar_one()
        assert (row.total, row.grade, row.veto) == (view.total, grade, view.veto)


def test_amendment_keeps_the_old_version_and_is_audited(panel: Panel) -> None:
    me = panel.login(panel.members[0])
    scoring.certify(me, panel.case_ref)
    with pytest.raises(Conflict, match="not submitted"):
        scoring.amend(me, panel.case_ref, [d("A2", 1)], "改")
    first = scoring.submit(me, panel.case_ref, [d("A2", 10)])
    with pytest.raises(ValidationError, match="reason"):
        scoring.amend(me, panel.case_ref, [d("A2", 12)], "  ")
    with pytest.raises(SheetInvalid, match="A2 “证据审查”, evidence"):
        scoring.amend(me, panel.case_ref, [d("A2", 12, evidence="笔录")], "复核后调整")
    second = scoring.amend(me, panel.case_ref, [d("A2", 12)], "复核后调整", comment="更正")
    assert (second.version, second.total, second.grade, second.status) == (2, 88.0, "合格", "submitted")
    (old,) = scoring.history(me, first.id)
    assert old.version == 1 and old.amend_reason == "复核后调整" and old.created_by == "expert1"
    assert old.sheet["total"] == 90.0 and old.sheet["items"] == [{"code": "A2", "points": 10.0, "reason": "理由", "evidence": "卷1第23页", "veto": False}]
    scoring.amend(me, panel.case_ref, [d("A2", 11)], "再次调整")
    with panel.admin.read_session() as s:
        versions = [v.version for v in s.execute(select(ScoreSheetVersion).order_by(ScoreSheetVersion.version)).scalars()]
    assert versions == [1, 2]
    amends = [json.loads(a.details) for a in audit_rows(panel.admin, "score.amend")]
    assert [(a["from_version"], a["version"], a["total"]) for a in amends] == [(1, 2, 88.0), (2, 3, 89.0)]
    assert all("复核" not in json.dumps(a, ensure_ascii=False) for a in amends)


def test_cli_certify_submit_show_mine(panel: Panel, ws_folder: Path, tmp_path: Path) -> None:
    panel.login(panel.members[0])  # links expert1

    def cli(*args: str) -> tuple[int, str, str]:
        done = run_cli("--workspace", str(ws_folder), "score", *args, "--user", "expert1", "--password-env", "PW",
                       env={"PW": USER_PW})
        return done.returncode, done.stdout, done.stderr

    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps({"items": [d("A2", 2.5)], "comment": "c"}, ensure_ascii=False), encoding="utf-8")
    code, _out, err = cli("certify", "--case", "C1", "--json")
    assert code == 2 and "--yes" in err  # no terminal to confirm at: an explicit --yes is required
    code, out, err = cli("certify", "--case", "C1", "--yes", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "draft"
    code, _out, err = cli("submit", "--case", "C1", "--sheet", str(sheet))
    assert code == 6 and "item A2 “证据审查”, points: 2.5 is not a multiple of the step 1" in err
    sheet.write_text(json.dumps({"items": [d("A2", 2)]}), encoding="utf-8")
    code, out, err = cli("submit", "--case", "C1", "--sheet", str(sheet), "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["total"], shown["grade"], shown["status"], shown["items"][0]["code"]) == (98.0, "优秀", "submitted", "A2")
    code, out, err = cli("mine", "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert (row["external_id"], row["status"], row["total"], row["role"]) == ("C1", "submitted", 98.0, "leader" if panel.members[0] == panel.leader else "member")
