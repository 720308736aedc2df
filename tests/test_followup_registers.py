"""The follow-up registers against the real store: generate (idempotent, local and received), every status step
and refusal of rectification items, referrals with letter numbers and feedback, objections (late refused unless
admitted) and re-checks that keep the earlier conclusion, special rectifications, and what is due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reviewdesk.services import (
    assignment,
    audit,
    deliberation,
    due,
    followup_settings,
    objections,
    rectification,
    referrals,
    special,
)
from reviewdesk.services import rectification_generate as generating
from reviewdesk.store.models import AuditEntry, Expert, PanelMember, User
from reviewdesk.workspace import OpenWorkspace
from tests.campaign_world import demo_cases as _cases
from tests.campaign_world import office_received_results


def _login(ws: OpenWorkspace, name: str) -> OpenWorkspace:
    return ws.workspace.open(name, DEMO_PASSWORD)


def _panel_users(ws: OpenWorkspace, case_id: int) -> tuple[str, str]:
    """(leader's account, a member's account) of the case's panel."""
    with ws.read_session() as s:
        rows = s.execute(select(PanelMember.role, User.username).join(Expert, Expert.id == PanelMember.expert_id)
                         .join(User, User.id == Expert.user_id)
                         .where(PanelMember.campaign_id == DEMO_CAMPAIGN, PanelMember.case_id == case_id)).all()
    return next(u for r, u in rows if r == "leader"), next(u for r, u in rows if r != "leader")


def _actions(ws: OpenWorkspace, prefix: str) -> list[AuditEntry]:
    with ws.read_session() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action.like(f"{prefix}%"))
                              .order_by(AuditEntry.seq)).scalars())


# -- generate ----------------------------------------------------------------------------------------------------
def test_generate_previews_then_creates_items_and_a_draft_referral_once(world: OpenWorkspace) -> None:
    wrong = _cases(world)[4]
    preview = generating.generate(world, str(wrong), DEMO_CAMPAIGN, apply=False)
    assert not preview.applied and preview.source == "local:v1"
    assert [i["kind"] for i in preview.items] == ["实体", "实体", "程序"]  # grouped by category
    assert {i["deadline"] for i in preview.items} == {"2027-01-15"}  # the panel's deadline
    assert preview.referral is not None and "承办人涉嫌违规办案" in preview.referral["clue"]
    assert rectification.list_items(world, DEMO_CAMPAIGN) == []  # a preview stores nothing

    made = generating.generate(world, str(wrong), DEMO_CAMPAIGN)
    assert made.applied and len(made.items) == 3 and made.existing == 0 and made.referral is not None
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    assert [i.number for i in items] == ["2026-XF-01-Z0001", "2026-XF-01-Z0002", "2026-XF-01-Z0003"]
    assert {i.status for i in items} == {"open"}
    assert items[0].responsible_unit and items[0].evidence_ref == "卷1第12页"
    assert [r.status for r in referrals.list_referrals(world, DEMO_CAMPAIGN)] == ["draft"]

    again = generating.generate(world, str(wrong), DEMO_CAMPAIGN)
    assert again.items == [] and again.existing == 3 and again.referral is None
    assert len(rectification.list_items(world, DEMO_CAMPAIGN)) == 3
    assert len(referrals.list_referrals(world, DEMO_CAMPAIGN)) == 1
    assert _actions(world, "rectify.generate")[-1].target == f"case:{wrong}"


def test_a_case_without_problems_gives_no_items_and_an_unconcluded_case_is_refused(world: OpenWorkspace) -> None:
    views = assignment.panels(world, DEMO_CAMPAIGN)
    clean = next(c for c in _cases(world)
                 if deliberation.deliberation(world, str(c), DEMO_CAMPAIGN).conclusion.outcome == "none")  # type: ignore[union-attr]
    assert generating.generate(world, str(clean), DEMO_CAMPAIGN).items == []
    undecided = next(v.case.id for v in views
                     if deliberation.deliberation(world, str(v.case.id), DEMO_CAMPAIGN).conclusion is None)
    with pytest.raises(NotFound):
        generating.generate(world, str(undecided), DEMO_CAMPAIGN)


def test_a_later_conclusion_version_flags_the_earlier_items_and_generates_its_own(world: OpenWorkspace) -> None:
    flawed = _cases(world)[5]
    first = generating.generate(world, str(flawed), DEMO_CAMPAIGN)
    board = deliberation.deliberation(world, str(flawed), DEMO_CAMPAIGN)
    old = board.conclusion
    assert old is not None
    cats = [f.category for f in old.findings]
    deliberation.conclude(world, str(flawed), deliberation.ConclusionInput(
        outcome="flawed", findings=[deliberation.FindingInput(cats[0], "延长期限未依法办理审批", "卷1第44页",
                                                              basis_reason="合议时查阅卷宗发现"),
                                    deliberation.FindingInput(cats[0], "送达回证缺少签名", "卷1第50页",
                                                              basis_reason="合议时查阅卷宗发现")],
        majority_view="经再次合议，评查组认为本案存在两处程序瑕疵。", minority_view="无",
        correction_required=True, correction_deadline="2027-03-01"), DEMO_CAMPAIGN)
    second = generating.generate(world, str(flawed), DEMO_CAMPAIGN)
    assert second.source == "local:v2" and len(second.items) == 2 and second.flagged == 1
    earlier = rectification.show_item(world, first.items[0]["id"])
    assert earlier.needs_review and "第2版" in earlier.review_reason
    assert earlier.description == "延长期限未依法办理审批" and earlier.deadline == "2027-02-01"  # not rewritten
    kept = objections.conclusion_versions(world, str(flawed), DEMO_CAMPAIGN)
    assert [k["version"] for k in kept] == [1] and kept[0]["findings"][0]["description"] == "延长期限未依法办理审批"


# -- rectification steps -----------------------------------------------------------------------------------------
def _item(ws: OpenWorkspace) -> int:
    return generating.generate(ws, str(_cases(ws)[5]), DEMO_CAMPAIGN).items[0]["id"]


def test_every_step_of_an_item_and_its_history(world: OpenWorkspace) -> None:
    item = _item(world)
    scan = b"%PDF-1.4 corrected decision"
    done = rectification.report(world, item, "已重新办理延长审批手续", progress="已完成",
                                responsible_person="王某", evidence=[("整改佐证.pdf", scan)])
    assert done.status == "reported" and done.responsible_person == "王某"
    assert [e["filename"] for e in done.evidence] == ["整改佐证.pdf"]
    assert rectification.evidence_file(world, done.evidence[0]["id"]) == ("整改佐证.pdf", "application/pdf", scan)
    back = rectification.send_back(world, item, "审批表仍缺少负责人签字", "5 workdays", finding="partly",
                                   today=date(2026, 9, 30))
    assert back.status == "sent_back" and back.deadline == "2026-10-13" and back.recheck_finding == "partly"
    assert rectification.report(world, item, "已补签并归档").status == "reported"
    assert rectification.verify(world, item, "回头看核实已整改").status == "verified"
    closed = rectification.close(world, item, "2026-11-30")
    assert closed.status == "closed" and closed.closed_on == "2026-11-30" and closed.recheck_finding == "fixed"
    assert [e["step"] for e in closed.events] == ["create", "report", "send_back", "report", "verify", "close"]
    steps = [e.action for e in _actions(world, "rectify.") if e.target == f"rectification:{item}"]
    assert steps == ["rectify.report", "rectify.send_back", "rectify.report", "rectify.verify", "rectify.close"]
    assert audit.verify(world).ok


@pytest.mark.parametrize("step", ["verify", "close", "send_back"])
def test_a_step_from_the_wrong_state_is_refused_and_changes_nothing(world: OpenWorkspace, step: str) -> None:
    item = _item(world)
    call = {"verify": lambda: rectification.verify(world, item),
            "close": lambda: rectification.close(world, item),
            "send_back": lambda: rectification.send_back(world, item, "未整改", "2027-06-01")}[step]
    with pytest.raises(Conflict) as err:
        call()
    assert "待整改" in err.value.message_zh
    assert rectification.show_item(world, item).status == "open"


def test_closed_items_take_no_more_steps_and_bad_input_is_named(world: OpenWorkspace) -> None:
    item = _item(world)
    with pytest.raises(ValidationError) as err:
        rectification.report(world, item, "  ")
    assert err.value.field == "measures"
    rectification.report(world, item, "已整改")
    with pytest.raises(ValidationError):
        rectification.send_back(world, item, "未整改", "2020-01-01")  # a deadline in the past
    rectification.verify(world, item)
    rectification.close(world, item)
    for call in (lambda: rectification.report(world, item, "再次整改"),
                 lambda: rectification.send_back(world, item, "x", "2030-01-01"),
                 lambda: rectification.attach_evidence(world, item, [("a.pdf", b"x")])):
        with pytest.raises(Conflict):
            call()


def test_roles_observer_reads_expert_sees_nothing_and_refusals_are_audited(world: OpenWorkspace) -> None:
    item = _item(world)
    generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    with _login(world, "chenjing") as observer:  # observer
        assert rectification.show_item(observer, item).id == item
        assert len(referrals.list_referrals(observer, DEMO_CAMPAIGN)) == 1
        with pytest.raises(PermissionDenied):
            rectification.report(observer, item, "已整改")
        with pytest.raises(PermissionDenied):
            generating.generate(observer, str(_cases(world)[5]), DEMO_CAMPAIGN)
    with _login(world, "zhanghua") as expert:
        for call in (lambda: referrals.list_referrals(expert, DEMO_CAMPAIGN),
                     lambda: referrals.show_referral(expert, 1),
                     lambda: rectification.list_items(expert, DEMO_CAMPAIGN),
                     lambda: due.due(expert, DEMO_CAMPAIGN)):
            with pytest.raises(PermissionDenied):
                call()
    denied = [(e.actor, e.target) for e in _actions(world, "permission.denied")]
    assert ("chenjing", "rectify.report") in denied and ("zhanghua", "referral.list") in denied
    assert rectification.show_item(world, item).status == "open"


# -- referrals ---------------------------------------------------------------------------------------------------
def test_a_referral_gets_its_letter_number_once_and_its_feedback(world: OpenWorkspace) -> None:
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    rid = made.referral["id"]  # type: ignore[index]
    with pytest.raises(Conflict):
        referrals.record_feedback(world, rid, "not_filed")  # not sent yet
    sent = referrals.issue_letter(world, rid, "兰州市城关区纪委监委", sent_on="2026-09-25")
    assert sent.letter_number == "×政法移〔2026〕1号" and sent.status == "sent"
    assert sent.feedback_deadline == "2026-10-22"  # 15 working days across National Day
    assert referrals.issue_letter(world, rid).letter_number == "×政法移〔2026〕1号"  # the same number again
    with pytest.raises(Conflict):
        referrals.issue_letter(world, rid, sent_on="2026-10-01")  # what was sent stays as sent
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "referral_prefix", "甘政法移")
    other = referrals.add_referral(world, str(_cases(world)[5]), "承办人违规会见当事人",
                                   [referrals.parse_person("张某,兰州市城关区人民法院,审判员")],
                                   [referrals.parse_evidence("谈话笔录@卷2第3页")], DEMO_CAMPAIGN)
    assert other.status == "draft" and other.persons[0]["post"] == "审判员"
    assert referrals.issue_letter(world, other.id, sent_on="2026-10-08").letter_number == "甘政法移〔2026〕1号"
    assert referrals.show_referral(world, rid, today=date(2026, 10, 23)).due == "overdue"
    assert referrals.show_referral(world, rid, today=date(2026, 10, 22)).due == "due_soon"
    with pytest.raises(ValidationError) as err:
        referrals.record_feedback(world, rid, "punished")  # which sanction?
    assert err.value.field == "detail"
    done = referrals.record_feedback(world, rid, "punished", "2026-10-20", "给予党内警告处分")
    assert (done.status, done.outcome, done.due) == ("feedback", "punished", None)
    assert [e.action for e in _actions(world, "referral.")][-1] == "referral.feedback"


# -- objections and re-checks ------------------------------------------------------------------------------------
def test_a_late_objection_is_refused_unless_admitted_and_the_refusal_is_on_record(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    # Opinion received 2026-09-25; 10 working days end 10月15日 (National Day in between).
    on_time = objections.add_objection(world, str(case), "兰州市城关区人民法院", "认定事实有误，证据已补充",
                                       received_on="2026-10-15", delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    assert on_time.deadline == "2026-10-15" and not on_time.late and on_time.status == "pending"
    with pytest.raises(Conflict) as err:
        objections.add_objection(world, str(case), "兰州市城关区人民法院", "补充理由", received_on="2026-10-16",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    assert "2026-10-15" in err.value.message_zh
    refused = _actions(world, "objection.add")[-1]
    assert refused.target == f"case:{case}" and '"refused":"late"' in refused.details.replace(" ", "")
    assert len(objections.list_objections(world, DEMO_CAMPAIGN)) == 1
    admitted = objections.add_objection(world, str(case), "兰州市城关区人民法院", "补充理由", received_on="2026-10-16",
                                        delivered_on="2026-09-25", admit_reason="邮寄延误，有邮戳为证",
                                        campaign_id=DEMO_CAMPAIGN)
    assert admitted.late and admitted.admitted_reason == "邮寄延误，有邮戳为证"
    with _login(world, "chenjing") as observer, pytest.raises(PermissionDenied):
        objections.add_objection(observer, str(case), "x", "y", delivered_on="2026-09-25")


def test_recheck_upheld_by_the_leader_only(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    o = objections.add_objection(world, str(case), "兰州市城关区人民法院", "量刑适当", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    leader, member = _panel_users(world, case)
    with _login(world, member) as ws, pytest.raises(PermissionDenied):
        objections.decide(ws, o.id, "upheld", "理由不成立")
    with _login(world, leader) as ws:
        assert [v.id for v in objections.list_objections(ws)] == [o.id]  # the leader sees his panel's objection
        done = objections.decide(ws, o.id, "upheld", "异议理由不能成立", checked="复查卷宗第12页至第30页")
    assert (done.status, done.to_version, done.decided_by) == ("upheld", None, leader)
    with pytest.raises(Conflict):
        objections.decide(world, o.id, "upheld", "再次")


def test_recheck_changed_makes_a_new_version_keeps_the_old_and_reissues_the_opinion(world: OpenWorkspace) -> None:
    case = _cases(world)[4]
    made = generating.generate(world, str(case), DEMO_CAMPAIGN)
    before = deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion
    assert before is not None and before.grade == "不合格"
    o = objections.add_objection(world, str(case), "兰州市城关区人民法院", "处理结果并无错误",
                                 received_on="2026-10-09", delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    new = deliberation.ConclusionInput(
        outcome="flawed", grade="瑕疵", grade_reason="复核认为处理结果正确，但证据核实不充分",
        findings=[deliberation.FindingInput(before.findings[2].category, "未告知当事人申请回避的权利", "卷1第5页",
                                            basis_reason="复核时查阅卷宗发现")],
        majority_view="经复核，评查组认为本案为瑕疵案。", minority_view="无",
        correction_required=True, correction_deadline="2027-02-15")
    with pytest.raises(ValidationError):
        objections.decide(world, o.id, "changed", "复核变更")  # no new conclusion given
    leader, _member = _panel_users(world, case)
    with _login(world, leader) as ws:
        done = objections.decide(ws, o.id, "changed", "处理结果正确，改评瑕疵", conclusion=new)
    assert done.status == "changed" and (done.from_version, done.to_version) == (1, 2)
    assert done.reissued_number and done.reissued_number != done.replaces
    after = deliberation.deliberation(world, str(case), DEMO_CAMPAIGN).conclusion
    assert after is not None and (after.version, after.grade, after.outcome) == (2, "瑕疵", "flawed")
    kept = objections.conclusion_versions(world, str(case), DEMO_CAMPAIGN)
    assert kept[0]["version"] == 1 and kept[0]["grade"] == "不合格" and len(kept[0]["findings"]) == 3
    flagged = [rectification.show_item(world, i["id"]).needs_review for i in made.items]
    assert flagged == [True, True, True]
    assert referrals.show_referral(world, made.referral["id"]).needs_review  # type: ignore[index]
    regenerated = generating.generate(world, str(case), DEMO_CAMPAIGN)
    assert regenerated.source == "local:v2" and len(regenerated.items) == 1 and regenerated.referral is None
    assert [e.action for e in _actions(world, "objection.decide")][-2:] == ["objection.decide"] * 2


# -- special rectification ---------------------------------------------------------------------------------------
def test_special_rectification_from_the_ranking_links_the_items(world: OpenWorkspace) -> None:
    for c in _cases(world):
        try:
            generating.generate(world, str(c), DEMO_CAMPAIGN)
        except NotFound:
            pass
    ranked = special.ranking(world, DEMO_CAMPAIGN)
    top = ranked[0]
    assert top.qualifies and (len(top.case_ids) >= 3 or len(top.units) >= 2)
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "special_min_cases", "50")
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "special_min_units", "50")
    with pytest.raises(Conflict) as err:
        special.create_special(world, DEMO_CAMPAIGN, top.category, "全面排查整改", "2027-03-31")
    assert "未达到专项整治的条件" in err.value.message_zh
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "special_min_cases", "3")
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "special_min_units", "2")
    made = special.create_special(world, DEMO_CAMPAIGN, top.category, "全面排查整改", "2027-03-31")
    linked = [i.id for i in rectification.list_items(world, DEMO_CAMPAIGN) if i.category == top.category]
    assert made.items == linked and linked and made.units == list(top.units)
    assert all(rectification.show_item(world, i).special_id == made.id for i in linked)
    with pytest.raises(Conflict):
        special.create_special(world, DEMO_CAMPAIGN, top.category, "再次", "2027-03-31")
    assert [s.id for s in special.list_specials(world, DEMO_CAMPAIGN)] == [made.id]


# -- what is due -------------------------------------------------------------------------------------------------
def test_due_lists_due_soon_and_overdue_per_register_and_unit(world: OpenWorkspace) -> None:
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)  # deadline 2027-01-15
    rid = made.referral["id"]  # type: ignore[index]
    referrals.issue_letter(world, rid, sent_on="2026-09-25")  # feedback due 2026-10-22
    unit = rectification.show_item(world, made.items[0]["id"]).unit_code
    # 2026-10-15 (Thu): 5 working days reach 10月22日 → the referral is due soon, the items are not.
    got = due.due(world, DEMO_CAMPAIGN, today=date(2026, 10, 15))
    assert got.counts()["referral"] == {"due_soon": 1, "overdue": 0}
    assert got.counts()["rectification"] == {"due_soon": 0, "overdue": 0}
    assert due.due(world, DEMO_CAMPAIGN, today=date(2026, 10, 14)).counts()["referral"]["due_soon"] == 0
    assert due.due(world, DEMO_CAMPAIGN, today=date(2026, 10, 23)).counts()["referral"] == {"due_soon": 0, "overdue": 1}
    late = due.due(world, DEMO_CAMPAIGN, today=date(2027, 1, 16))
    assert late.counts()["rectification"]["overdue"] == 3
    assert late.calendar_note  # 2027 is not in the calendar yet: counted Monday to Friday, and said so
    assert due.due(world, DEMO_CAMPAIGN, unit="NO-SUCH-UNIT", today=date(2027, 1, 16)).rows == []
    assert len(due.due(world, DEMO_CAMPAIGN, unit=unit, today=date(2027, 1, 16)).rows) == 4
    rectification.report(world, made.items[0]["id"], "已整改")  # reported: the unit owes nothing now
    assert due.due(world, DEMO_CAMPAIGN, today=date(2027, 1, 16)).counts()["rectification"]["overdue"] == 2
    overdue = rectification.list_items(world, DEMO_CAMPAIGN, due="overdue", today=date(2027, 1, 16))
    assert [i.id for i in overdue] == [i["id"] for i in made.items[1:]]


# -- from received results ---------------------------------------------------------------------------------------
def test_generate_from_a_received_result_and_a_superseding_package_flags_it(
        enriched_demo: Path, demo_template: Path, tmp_path: Path) -> None:
    """The office (the demo before the last conclusions) receives the laptop's results (the enriched demo)."""
    from reviewdesk.services import results

    with office_received_results(enriched_demo, demo_template, tmp_path) as (laptop, office, recipient):
        wrong = _cases(office)[4]
        assert deliberation.deliberation(office, str(wrong), DEMO_CAMPAIGN).conclusion is None  # not concluded here
        with pytest.raises(NotFound):
            generating.generate(office, str(wrong), DEMO_CAMPAIGN, source="local")
        made = generating.generate(office, str(wrong), DEMO_CAMPAIGN)
        assert made.source.startswith("received:") and len(made.items) == 3 and made.referral is not None
        assert generating.generate(office, str(wrong), DEMO_CAMPAIGN).existing == 3  # idempotent
        # The laptop re-records the conclusion and sends again: the office's items of the first result are flagged.
        board = deliberation.deliberation(laptop, str(wrong), DEMO_CAMPAIGN).conclusion
        assert board is not None
        deliberation.conclude(laptop, str(wrong), deliberation.ConclusionInput(
            outcome="wrong", grade="不合格", grade_reason="认定事实的主要证据不足，处理结果错误",
            findings=[deliberation.FindingInput(board.findings[0].category, "关键证据未予核实即作认定", "卷1第12页",
                                                basis_reason="合议时查阅卷宗发现")],
            majority_view="经再次合议，维持错案结论。", minority_view="无",
            correction_required=True, correction_deadline="2027-01-30"), DEMO_CAMPAIGN)
        second = results.export_results(laptop, DEMO_CAMPAIGN, [recipient], tmp_path / "second.rdpkg")
        results.import_results(office, Path(second.files[0]))
        again = generating.generate(office, str(wrong), DEMO_CAMPAIGN)
        assert again.source != made.source and len(again.items) == 1 and again.flagged == 3 + 1
        assert again.items[0]["deadline"] == "2027-01-30"
        assert all(rectification.show_item(office, i["id"]).needs_review for i in made.items)


# -- ledger sheets -----------------------------------------------------------------------------------------------
def test_the_ledger_carries_the_three_follow_up_registers(world: OpenWorkspace) -> None:
    import io

    import openpyxl

    from reviewdesk.services import reports

    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)
    item = made.items[0]["id"]
    rectification.report(world, item, "已整改", evidence=[("a.pdf", b"%PDF-1.4 a"), ("b.jpg", b"\xff\xd8jpeg")])
    referrals.issue_letter(world, made.referral["id"], "城关区纪委监委", sent_on="2026-09-25")  # type: ignore[index]
    objections.add_objection(world, str(_cases(world)[4]), "城关区法院", "不服", received_on="2026-10-16",
                             delivered_on="2026-09-25", admit_reason="邮寄延误", campaign_id=DEMO_CAMPAIGN)
    wb = openpyxl.load_workbook(io.BytesIO(reports.ledger(world, DEMO_CAMPAIGN)))
    assert wb.sheetnames[-3:] == ["整改台账", "线索移送台账", "异议复核"]
    rect = wb["整改台账"]
    header = [c.value for c in rect[1]]
    assert header[:4] == ["问题编号", "案件编号", "案号", "问题类型"] and "销号日期" in header and "专项整治" in header
    assert rect.max_row == 4 and rect.freeze_panes == "A2" and rect.auto_filter.ref == "A1:R4"
    row = {h: c.value for h, c in zip(header, rect[2], strict=True)}
    assert row["问题编号"] == "2026-XF-01-Z0001" and row["状态"] == "已报整改" and row["佐证材料"] == 2
    assert row["整改期限"].date() == date(2027, 1, 15)  # a date cell, not text
    assert rect.page_setup.orientation == "landscape" and int(rect.page_setup.paperSize) == int(rect.PAPERSIZE_A4)
    assert rect.print_title_rows == "$1:$1"
    ref = wb["线索移送台账"]
    rrow = {h.value: c.value for h, c in zip(ref[1], ref[2], strict=True)}
    assert rrow["移送函文号"] == "×政法移〔2026〕1号" and rrow["反馈期限"].date() == date(2026, 10, 22)
    obj = wb["异议复核"]
    orow = {h.value: c.value for h, c in zip(obj[1], obj[2], strict=True)}
    assert orow["逾期受理理由"] == "邮寄延误" and orow["复核决定"] == "待复核"


def test_generate_for_the_whole_campaign_matches_case_by_case_and_is_idempotent(world: OpenWorkspace) -> None:
    wrong, flawed = _cases(world)[4], _cases(world)[5]
    one = generating.generate(world, str(wrong), DEMO_CAMPAIGN)  # one case first, by hand
    results = generating.generate_campaign(world, DEMO_CAMPAIGN)
    by_case = {r.case_external_id: r for r in results}
    assert by_case[one.case_external_id].items == [] and by_case[one.case_external_id].existing == 3
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    assert [i.number for i in items] == [f"2026-XF-01-Z{n:04d}" for n in range(1, len(items) + 1)]
    flawed_items = [i for i in items if i.case_id == flawed]
    assert [i.description for i in flawed_items] == ["延长期限未依法办理审批"]
    assert flawed_items[0].deadline == "2027-02-01"
    made = next(r for r in results if r.items and r.case_external_id == flawed_items[0].case_external_id)
    assert made.items[0]["id"] == flawed_items[0].id and made.items[0]["number"] == flawed_items[0].number
    assert [e["step"] for e in rectification.show_item(world, flawed_items[0].id).events] == ["create"]
    suggested = [r for r in results if r.referral] + [one]
    assert len(referrals.list_referrals(world, DEMO_CAMPAIGN)) == len(suggested) == 2  # 5th and 2nd demo cases
    again = generating.generate_campaign(world, DEMO_CAMPAIGN)
    assert all(r.items == [] and r.referral is None for r in again)
    assert len(rectification.list_items(world, DEMO_CAMPAIGN)) == len(items)
    assert len(referrals.list_referrals(world, DEMO_CAMPAIGN)) == 2
    assert _actions(world, "rectify.generate")[-1].target == f"campaign:{DEMO_CAMPAIGN}"


def test_id_reads_and_counts_agree_with_the_lists(world: OpenWorkspace) -> None:
    made = generating.generate(world, str(_cases(world)[4]), DEMO_CAMPAIGN)  # deadlines 2027-01-15
    generating.generate(world, str(_cases(world)[5]), DEMO_CAMPAIGN)  # 2027-02-01
    referrals.issue_letter(world, made.referral["id"], sent_on="2026-09-25")  # type: ignore[index]
    for day in (date(2026, 10, 15), date(2026, 10, 23), date(2027, 1, 11), date(2027, 1, 16), date(2027, 2, 2)):
        listed = due.due(world, DEMO_CAMPAIGN, today=day)
        assert due.due_counts(world, DEMO_CAMPAIGN, today=day) == listed.counts(), day
        for state in ("due_soon", "overdue"):
            ids = rectification.item_ids(world, DEMO_CAMPAIGN, due=state, today=day)
            assert ids == [i.id for i in rectification.list_items(world, DEMO_CAMPAIGN, due=state, today=day)], day
    unit = rectification.show_item(world, made.items[0]["id"]).unit_code
    ids = rectification.item_ids(world, DEMO_CAMPAIGN, unit=unit)
    assert [v.id for v in rectification.items_by_id(world, list(reversed(ids)))] == list(reversed(ids))
    assert [v.id for v in rectification.list_items(world, DEMO_CAMPAIGN, unit)] == ids
