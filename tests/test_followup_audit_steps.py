"""Audit of issue 16 (follow-up registers), the steps: every status of a rectification item against every step
(allowed ones move it, the others are refused and change nothing — no status, no history row, no audit entry);
bad input never half-writes; a referral's letter numbers and each feedback outcome; the objection period across
the 2026 Spring Festival; who may see and decide an objection."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reviewdesk.followup import rectification as rules
from reviewdesk.services import (
    assignment,
    audit,
    deliberation,
    followup_settings,
    objections,
    rectification,
    referrals,
)
from reviewdesk.services import rectification_generate as generating
from reviewdesk.store.models import (
    AuditEntry,
    Expert,
    PanelMember,
    RectificationEvent,
    RectificationEvidence,
    Referral,
    User,
)
from reviewdesk.workspace import OpenWorkspace
from tests.campaign_world import demo_cases as _cases


def _count(ws: OpenWorkspace, model: type, *where: object) -> int:
    with ws.read_session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _audit_count(ws: OpenWorkspace) -> int:
    return _count(ws, AuditEntry)


def _last_audit(ws: OpenWorkspace, action: str) -> AuditEntry:
    with ws.read_session() as s:
        return s.execute(select(AuditEntry).where(AuditEntry.action == action)
                         .order_by(AuditEntry.seq.desc())).scalars().first()


# -- the rectification item's state machine ----------------------------------------------------------------------
def test_next_status_allows_exactly_the_documented_steps() -> None:
    """docs/followup.md "Statuses": open → reported → verified → closed; reported/verified → sent_back → reported."""
    allowed = {("report", "open"): "reported", ("report", "sent_back"): "reported",
               ("verify", "reported"): "verified", ("close", "verified"): "closed",
               ("send_back", "reported"): "sent_back", ("send_back", "verified"): "sent_back"}
    for step in rules.STEPS:
        for status in rules.STATUSES:
            if (step, status) in allowed:
                assert rules.next_status(step, status) == allowed[(step, status)]
            else:
                with pytest.raises(Conflict) as err:
                    rules.next_status(step, status)
                assert rules.STATUS_ZH[status] in err.value.message_zh, (step, status)


def _steps(ws: OpenWorkspace, item: int) -> dict[str, Callable[[], object]]:
    return {
        "report": lambda: rectification.report(ws, item, "已整改"),
        "verify": lambda: rectification.verify(ws, item, "核实"),
        "close": lambda: rectification.close(ws, item, "2026-12-01"),
        "send_back": lambda: rectification.send_back(ws, item, "未整改到位", "2030-01-31"),
    }


def _refused_everywhere_but(ws: OpenWorkspace, item: int, allowed: set[str]) -> None:
    """In the item's current status every step outside `allowed` is refused and leaves no trace."""
    before = rectification.show_item(ws, item)
    events, entries = len(before.events), _audit_count(ws)
    for step, call in _steps(ws, item).items():
        if step in allowed:
            continue
        with pytest.raises(Conflict) as err:
            call()
        assert rules.STATUS_ZH[before.status] in err.value.message_zh, (step, before.status)
        after = rectification.show_item(ws, item)
        assert (after.status, after.deadline, after.closed_on, after.recheck_finding, after.measures) == (
            before.status, before.deadline, before.closed_on, before.recheck_finding, before.measures), step
        assert len(after.events) == events, step
        assert _audit_count(ws) == entries, step  # a wrong-state refusal is no change: nothing is logged


def test_every_status_refuses_every_step_it_does_not_allow_and_takes_those_it_does(world: OpenWorkspace) -> None:
    item = generating.generate(world, str(_cases(world)[5]), DEMO_CAMPAIGN).items[0]["id"]
    _refused_everywhere_but(world, item, {"report"})  # open
    rectification.report(world, item, "已重新办理延长审批")
    _refused_everywhere_but(world, item, {"verify", "send_back"})  # reported
    rectification.verify(world, item, "回头看核实")
    _refused_everywhere_but(world, item, {"close", "send_back"})  # verified
    back = rectification.send_back(world, item, "复查发现审批表仍未签字", "2030-01-31", finding="partly")
    assert (back.status, back.recheck_finding, back.deadline) == ("sent_back", "partly", "2030-01-31")
    assert back.events[-1]["from"] == "verified" and back.events[-1]["to"] == "sent_back"  # from verified, too
    _refused_everywhere_but(world, item, {"report"})  # sent_back
    rectification.report(world, item, "已补签")
    rectification.verify(world, item)
    rectification.close(world, item, "2026-12-01")
    _refused_everywhere_but(world, item, set())  # closed: nothing more
    with pytest.raises(Conflict):
        rectification.attach_evidence(world, item, [("late.pdf", b"%PDF-1.4")])
    shown = rectification.show_item(world, item)
    assert [(e["from"], e["to"]) for e in shown.events] == [
        (None, "open"), ("open", "reported"), ("reported", "verified"), ("verified", "sent_back"),
        ("sent_back", "reported"), ("reported", "verified"), ("verified", "closed")]
    entry = _last_audit(world, "rectify.close")
    assert entry.target == f"rectification:{item}"
    details = json.loads(entry.details)
    assert (details["before"], details["after"], details["closed_on"]) == ("verified", "closed", "2026-12-01")
    assert audit.verify(world).ok


def test_evidence_can_be_added_in_every_status_but_closed(world: OpenWorkspace) -> None:
    item = generating.generate(world, str(_cases(world)[5]), DEMO_CAMPAIGN).items[0]["id"]
    for n, step in enumerate((None, "report", "verify")):
        if step == "report":
            rectification.report(world, item, "已整改")
        elif step == "verify":
            rectification.verify(world, item)
        shown = rectification.attach_evidence(world, item, [(f"佐证{n}.jpg", b"\xff\xd8 scan %d" % n)])
        assert len(shown.evidence) == n + 1 and shown.status == ("open", "reported", "verified")[n]
        assert shown.evidence[-1]["media_type"] == "image/jpeg"
    assert json.loads(_last_audit(world, "rectify.evidence.add").details)["evidence"] == [shown.evidence[-1]["sha256"]]


def test_bad_input_to_a_step_is_named_and_writes_nothing(world: OpenWorkspace) -> None:
    item = generating.generate(world, str(_cases(world)[5]), DEMO_CAMPAIGN).items[0]["id"]
    entries = _audit_count(world)
    # One good file and one empty one: the whole report is refused, the good file is not kept either.
    with pytest.raises(ValidationError) as err:
        rectification.report(world, item, "已整改", evidence=[("好.pdf", b"%PDF-1.4"), ("空.pdf", b"")])
    assert err.value.field == "evidence" and "空.pdf" in err.value.message_zh
    assert _count(world, RectificationEvidence) == 0
    rectification.report(world, item, "已整改")
    with pytest.raises(ValidationError) as err:
        rectification.send_back(world, item, "未整改", "2030-01-31", finding="fixed")  # fixed is not a send-back
    assert err.value.field == "finding"
    with pytest.raises(ValidationError) as err:
        rectification.send_back(world, item, " ", "2030-01-31")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError) as err:
        rectification.send_back(world, item, "未整改", "下周")
    assert err.value.field == "deadline"
    rectification.verify(world, item)
    with pytest.raises(ValidationError) as err:
        rectification.close(world, item, "2026/12/01")
    assert err.value.field == "closed_on"
    shown = rectification.show_item(world, item)
    assert shown.status == "verified" and shown.closed_on is None and shown.deadline == "2027-02-01"
    assert [e.action for e in _actions_since(world, entries)] == ["rectify.report", "rectify.verify"]
    with pytest.raises(NotFound):
        rectification.report(world, 999_999, "已整改")


def _actions_since(ws: OpenWorkspace, entries: int) -> list[AuditEntry]:
    with ws.read_session() as s:
        return list(s.execute(select(AuditEntry).order_by(AuditEntry.seq).offset(entries)).scalars())


# -- referrals ---------------------------------------------------------------------------------------------------
def _hand_referral(ws: OpenWorkspace, case: int, clue: str = "承办人违规会见当事人") -> int:
    return referrals.add_referral(ws, str(case), clue, [referrals.parse_person("李某，兰州市公安局，民警")],
                                  [referrals.parse_evidence("询问笔录@卷2第7页")], DEMO_CAMPAIGN).id


def test_a_referral_needs_a_clue_and_a_person_and_parses_what_it_is_given(world: OpenWorkspace) -> None:
    case = _cases(world)[5]
    with pytest.raises(ValidationError) as err:
        referrals.add_referral(world, str(case), "  ", [{"name": "李某", "unit": "", "post": ""}], [], DEMO_CAMPAIGN)
    assert err.value.field == "clue"
    with pytest.raises(ValidationError) as err:
        referrals.add_referral(world, str(case), "线索", [], [], DEMO_CAMPAIGN)
    assert err.value.field == "person"
    assert referrals.parse_person("李某") == {"name": "李某", "unit": "", "post": ""}
    assert referrals.parse_person("李某，兰州市公安局，民警")["post"] == "民警"  # Chinese commas too
    for bad in (",单位,职务", "a,b,c,d"):
        with pytest.raises(ValidationError):
            referrals.parse_person(bad)
    assert referrals.parse_evidence("询问笔录@卷2第7页") == {"title": "询问笔录", "ref": "卷2第7页"}
    with pytest.raises(ValidationError):
        referrals.parse_evidence("@卷2第7页")
    assert _count(world, Referral) == 0


def test_letter_numbers_count_per_prefix_and_year_and_a_refused_letter_uses_no_number(world: OpenWorkspace) -> None:
    case = _cases(world)[5]
    first, second, third, fourth = (_hand_referral(world, case) for _ in range(4))
    with pytest.raises(ValidationError) as err:
        referrals.issue_letter(world, first, sent_on="2026-10-20", feedback_deadline="2026-10-19")
    assert err.value.field == "feedback_deadline"
    assert referrals.show_referral(world, first).status == "draft"  # nothing sent, no number taken
    with pytest.raises(ValidationError) as err:
        referrals.issue_letter(world, first, sent_on="20.10.2026")
    assert err.value.field == "sent_on"
    a = referrals.issue_letter(world, first, sent_on="2026-02-13")
    # 15 working days from Friday 2月13日 across the Spring Festival: 14 (Sat, worked), 24–27, 28 (Sat, worked),
    # 3月2–6, 9–12 → 3月12日.
    assert (a.letter_number, a.feedback_deadline, a.receiving_body) == ("×政法移〔2026〕1号", "2026-03-12", "纪委监委")
    b = referrals.issue_letter(world, second, sent_on="2026-11-02", feedback_deadline="10 workdays")
    assert b.letter_number == "×政法移〔2026〕2号" and b.feedback_deadline == "2026-11-16"
    c = referrals.issue_letter(world, third, sent_on="2027-01-04")
    assert c.letter_number == "×政法移〔2027〕1号"  # a new year counts from 1
    entry = json.loads(_last_audit(world, "referral.letter").details)
    assert entry["issued"] is True and "2027年" in entry["calendar_note"]  # 2027: counted Monday to Friday
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "feedback_days", "5")
    d = referrals.issue_letter(world, fourth, sent_on="2026-09-30")
    assert d.letter_number == "×政法移〔2026〕3号" and d.feedback_deadline == "2026-10-13"  # 8, 9, 10 (Sat), 12, 13
    referrals.issue_letter(world, fourth)
    assert json.loads(_last_audit(world, "referral.letter").details) == {"number": "×政法移〔2026〕3号", "issued": False}


@pytest.mark.parametrize(("outcome", "detail", "zh"), [
    ("investigated", "", "立案审查调查"), ("punished", "给予政务警告处分", "给予党纪政务处分"),
    ("not_filed", "", "不予立案"), ("other", "转交所在单位批评教育", "其他")])
def test_each_feedback_outcome_is_recorded_once(world: OpenWorkspace, outcome: str, detail: str, zh: str) -> None:
    from reviewdesk.followup import referrals as referral_rules

    rid = _hand_referral(world, _cases(world)[5])
    referrals.issue_letter(world, rid, sent_on="2026-09-25")  # feedback due 2026-10-22
    if detail:
        with pytest.raises(ValidationError) as err:
            referrals.record_feedback(world, rid, outcome, "2026-10-20")
        assert err.value.field == "detail"
    with pytest.raises(ValidationError) as err:
        referrals.record_feedback(world, rid, outcome, "2026-09-24", detail)  # before it was sent
    assert err.value.field == "feedback_on"
    assert referrals.show_referral(world, rid).status == "sent"
    done = referrals.record_feedback(world, rid, outcome, "2026-10-22", detail)
    assert (done.status, done.outcome, done.outcome_detail, done.feedback_on) == ("feedback", outcome, detail,
                                                                                  "2026-10-22")
    assert referral_rules.OUTCOMES[outcome] == zh
    assert json.loads(_last_audit(world, "referral.feedback").details)["late"] is False  # on the deadline: in time
    with pytest.raises(Conflict) as err:
        referrals.record_feedback(world, rid, "other", "2026-10-23", "再次")
    assert "已反馈" in err.value.message_zh
    assert referrals.show_referral(world, rid).outcome == outcome


def test_late_feedback_is_recorded_and_marked_late_and_an_unknown_outcome_is_refused(world: OpenWorkspace) -> None:
    rid = _hand_referral(world, _cases(world)[5])
    referrals.issue_letter(world, rid, sent_on="2026-09-25")
    with pytest.raises(ValidationError) as err:
        referrals.record_feedback(world, rid, "dismissed")
    assert err.value.field == "outcome"
    done = referrals.record_feedback(world, rid, "not_filed", "2026-10-23")
    assert done.status == "feedback" and done.due is None
    details = json.loads(_last_audit(world, "referral.feedback").details)
    assert details == {"outcome": "not_filed", "feedback_on": "2026-10-23", "late": True}
    assert "李某" not in _last_audit(world, "referral.add").details  # no persons' names in the log


# -- objections --------------------------------------------------------------------------------------------------
def test_the_objection_period_runs_across_the_spring_festival(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    # Received 2026-02-10; 10 working days: 11, 12, 13, 14 (Sat, worked), 24–27, 28 (Sat, worked), 3月2日.
    kept = objections.add_objection(world, str(case), "兰州市城关区人民法院", "认定事实有误",
                                    received_on="2026-03-02", delivered_on="2026-02-10", campaign_id=DEMO_CAMPAIGN)
    assert (kept.deadline, kept.late, kept.admitted_reason) == ("2026-03-02", False, "")
    with pytest.raises(Conflict) as err:
        objections.add_objection(world, str(case), "兰州市城关区人民法院", "补充", received_on="2026-03-03",
                                 delivered_on="2026-02-10", campaign_id=DEMO_CAMPAIGN)
    assert "2026-03-02" in err.value.message_zh
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "objection_days", "15")  # a longer period: in time now
    longer = objections.add_objection(world, str(case), "兰州市城关区人民法院", "补充", received_on="2026-03-03",
                                      delivered_on="2026-02-10", campaign_id=DEMO_CAMPAIGN)
    assert longer.deadline == "2026-03-09" and not longer.late
    assert [o.id for o in objections.list_objections(world, DEMO_CAMPAIGN)] == [kept.id, longer.id]


def test_an_objection_needs_a_conclusion_here_and_the_day_the_opinion_was_received(world: OpenWorkspace) -> None:
    views = assignment.panels(world, DEMO_CAMPAIGN)
    undecided = next(v.case.id for v in views
                     if deliberation.deliberation(world, str(v.case.id), DEMO_CAMPAIGN).conclusion is None)
    with pytest.raises(NotFound):
        objections.add_objection(world, str(undecided), "某单位", "理由", delivered_on="2026-09-25",
                                 campaign_id=DEMO_CAMPAIGN)
    case = _cases(world)[4]
    with pytest.raises(ValidationError) as err:  # no opinion number issued, and no day given
        objections.add_objection(world, str(case), "某单位", "理由", campaign_id=DEMO_CAMPAIGN)
    assert err.value.field == "delivered_on"
    for objector, grounds, field in (("", "理由", "objector"), ("某单位", " ", "grounds")):
        with pytest.raises(ValidationError) as err:
            objections.add_objection(world, str(case), objector, grounds, delivered_on="2026-09-25",
                                     campaign_id=DEMO_CAMPAIGN)
        assert err.value.field == field
    assert objections.list_objections(world, DEMO_CAMPAIGN) == []


def _panel(ws: OpenWorkspace, case_id: int) -> dict[str, str]:
    with ws.read_session() as s:
        return dict(s.execute(select(User.username, PanelMember.role).join(Expert, Expert.user_id == User.id)
                              .join(PanelMember, PanelMember.expert_id == Expert.id)
                              .where(PanelMember.campaign_id == DEMO_CAMPAIGN,
                                     PanelMember.case_id == case_id)).all())


def test_an_expert_off_the_panel_neither_sees_nor_decides_the_objection(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    o = objections.add_objection(world, str(case), "兰州市城关区人民法院", "量刑适当", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    on_panel = set(_panel(world, case))
    with world.read_session() as s:
        experts = list(s.execute(select(User.username).join(Expert, Expert.user_id == User.id)).scalars())
    outsider = next(u for u in experts if u not in on_panel)
    with world.workspace.open(outsider, DEMO_PASSWORD) as ws:
        assert objections.list_objections(ws, DEMO_CAMPAIGN) == []
        with pytest.raises(PermissionDenied):
            objections.show_objection(ws, o.id)
        with pytest.raises(PermissionDenied):
            objections.decide(ws, o.id, "upheld", "理由不成立")
        with pytest.raises(PermissionDenied):
            objections.conclusion_versions(ws, str(case), DEMO_CAMPAIGN)
    member = next(u for u, r in _panel(world, case).items() if r != "leader")
    with world.workspace.open(member, DEMO_PASSWORD) as ws:
        assert [v.id for v in objections.list_objections(ws, DEMO_CAMPAIGN)] == [o.id]  # members read it
    with world.workspace.open("chenjing", DEMO_PASSWORD) as observer:
        assert objections.show_objection(observer, o.id).status == "pending"
        with pytest.raises(PermissionDenied):
            objections.decide(observer, o.id, "upheld", "理由不成立")
    with world.read_session() as s:
        denied = s.execute(select(AuditEntry.actor).where(AuditEntry.action == "permission.denied")).scalars().all()
    assert outsider in denied and member not in denied and "chenjing" in denied
    assert objections.show_objection(world, o.id).status == "pending"


def test_a_decision_is_checked_before_anything_is_recorded(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    o = objections.add_objection(world, str(case), "兰州市城关区人民法院", "量刑适当", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    new = deliberation.ConclusionInput(outcome="none", grade="合格", grade_reason="复核认为无问题",
                                       majority_view="经复核无问题。", minority_view="无",
                                       outcome_reason="复核认定扣分项不成立")
    for decision, reason, conclusion, field in (
            ("overturned", "理由", None, "decision"), ("upheld", " ", None, "reason"),
            ("upheld", "理由", new, "conclusion"), ("changed", "理由", None, "conclusion")):
        with pytest.raises(ValidationError) as err:
            objections.decide(world, o.id, decision, reason, conclusion=conclusion)
        assert err.value.field == field
    with pytest.raises(NotFound):
        objections.decide(world, 999_999, "upheld", "理由")
    assert objections.show_objection(world, o.id).status == "pending"
    assert deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion.version == 1  # type: ignore[union-attr]
    done = objections.decide(world, o.id, "upheld", "异议理由不成立")  # the admin may record it too
    assert done.status == "upheld" and done.decided_by == DEMO_ADMIN and done.reissued_number is None
    assert json.loads(_last_audit(world, "objection.decide").details)["by_admin"] is True
    with pytest.raises(Conflict) as err:
        objections.decide(world, o.id, "changed", "改判", conclusion=new)
    assert "维持" in err.value.message_zh
    assert deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion.version == 1  # type: ignore[union-attr]


def test_rectification_history_rows_belong_to_their_item(world: OpenWorkspace) -> None:
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    first, second = made.items[0]["id"], made.items[1]["id"]
    rectification.report(world, first, "已整改")
    assert _count(world, RectificationEvent, RectificationEvent.item_id == first) == 2
    assert _count(world, RectificationEvent, RectificationEvent.item_id == second) == 1
    assert rectification.show_item(world, second).status == "open"
    assert rectification.show_item(world, first, today=date(2027, 1, 18)).due is None  # reported: nothing owed
    assert rectification.show_item(world, second, today=date(2027, 1, 18)).due == "overdue"


def test_a_second_recheck_replaces_the_first_reissue_and_numbers_are_never_shared(world: OpenWorkspace) -> None:
    """Opinion numbers and re-issued numbers share one sequence per prefix and year: a first issue after a
    re-issue takes the next number, not the re-issue's; a later 复核 replaces the re-issued opinion."""
    from reviewdesk.services import documents
    from tests.test_followup_more_papers import _changed_objection, _leader

    first = _changed_objection(world)  # the opinion is numbered, then re-issued
    case = _cases(world)[4]
    assert first.replaces and first.reissued_number and first.replaces != first.reissued_number
    other = _cases(world)[5]
    fresh = documents.render_opinion(world, str(other), "pdf", DEMO_CAMPAIGN)
    assert fresh.number not in (first.replaces, first.reissued_number)
    o = objections.add_objection(world, str(case), "兰州市城关区人民法院", "再次异议", received_on="2026-10-12",
                                 delivered_on="2026-09-25", admit_reason="复核后的意见书新收到", campaign_id=DEMO_CAMPAIGN)
    assert o.from_version == 2
    again = deliberation.ConclusionInput(
        outcome="flawed", grade="合格", grade_reason="再次复核调整等次",
        findings=[deliberation.FindingInput(deliberation.deliberation(world, str(case), DEMO_CAMPAIGN)
                                            .conclusion.findings[0].category,  # type: ignore[union-attr]
                                            "未告知当事人申请回避的权利", "卷1第5页", basis_reason="复核时查阅卷宗发现")],
        majority_view="经再次复核，调整为合格。", minority_view="无",
        correction_required=True, correction_deadline="2027-02-15")
    with world.workspace.open(_leader(world, case), DEMO_PASSWORD) as leader:
        second = objections.decide(leader, o.id, "changed", "再次复核", conclusion=again)
    assert (second.from_version, second.to_version, second.replaces) == (2, 3, first.reissued_number)
    numbers = [first.replaces, first.reissued_number, fresh.number, second.reissued_number]
    assert len(set(numbers)) == 4, numbers
    assert [k["version"] for k in objections.conclusion_versions(world, str(case), DEMO_CAMPAIGN)] == [1, 2]
    assert documents.render_opinion(world, str(case), "pdf", DEMO_CAMPAIGN).number == second.reissued_number


def test_evidence_files_are_kept_encrypted_inside_the_store(world: OpenWorkspace) -> None:
    """佐证材料 are stored like case documents: in the SQLCipher store, never as loose or plaintext files."""
    item = generating.generate(world, str(_cases(world)[5]), DEMO_CAMPAIGN).items[0]["id"]
    marker = "整改佐证材料-唯一标记-7F3A9C".encode()
    before = {p for p in world.workspace.folder.rglob("*") if p.is_file()}
    shown = rectification.report(world, item, "已整改", evidence=[("佐证.pdf", b"%PDF-1.4 " + marker * 50)])
    assert rectification.evidence_file(world, shown.evidence[0]["id"])[2].endswith(marker)
    after = {p for p in world.workspace.folder.rglob("*") if p.is_file()}
    assert not any("佐证" in p.name for p in after - before)  # no loose copy
    for path in after:
        assert marker not in path.read_bytes(), path
