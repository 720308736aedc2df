"""The demo's follow-up: what happened after the review, so that the 移送整改 area and the due list show every
state. From the demo's flawed cases: rectification items closed off (销号), reported, and sent back past their
new deadline (overdue); the referral sent and awaiting feedback past its deadline; an objection whose 复核
changed the grade (a second conclusion version and a re-issued opinion); one special rectification. All through
the services as the coordinator (the 复核 as the admin may record it), dated relative to today; ~2 s.

create_demo runs it right after the score sheets and conclusions; create_demo(followup=False) leaves it out for
the tests that walk a register from empty (tests/conftest.py: plain_demo_template, plain_enriched_demo)."""

from __future__ import annotations

from datetime import date, timedelta

from reviewdesk import clock
from reviewdesk.followup.workdays import add_workdays
from reviewdesk.services import deliberation, documents, objections, rectification, referrals, special
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace


def add_followup(opened: OpenWorkspace, campaign_id: str) -> None:
    today = clock.now().date()
    flawed = _flawed_cases(opened, campaign_id)
    if flawed:  # before the items, so that they come from the re-checked version (none to flag for review)
        _recheck(opened, campaign_id, *flawed[-1], today)
    generating.generate_campaign(opened, campaign_id, today=today)
    items = rectification.list_items(opened, campaign_id, today=today)
    _item_states(opened, [i.id for i in items], today)
    for r in referrals.list_referrals(opened, campaign_id, today=today)[:1]:
        # Sent six weeks ago: its feedback deadline (the campaign's working days) has passed.
        referrals.issue_letter(opened, r.id, sent_on=(today - timedelta(days=42)).isoformat())
    ranked = [r for r in special.ranking(opened, campaign_id) if r.qualifies]
    if ranked:
        special.create_special(opened, campaign_id, ranked[0].category,
                               "全面排查同类问题，分析原因，完善办案流程和审核把关制度。",
                               add_workdays(today, 30).day.isoformat())


def _flawed_cases(opened: OpenWorkspace, campaign_id: str) -> list[tuple[int, str]]:
    """(case id, unit name) of the campaign's wrong or flawed conclusions, in the opinions list's order."""
    return [(r.case_id, r.unit_name) for r in documents.opinion_list(opened, campaign_id)
            if r.concluded and r.outcome in ("wrong", "flawed")]


def _item_states(opened: OpenWorkspace, ids: list[int], today: date) -> None:
    """First item closed off, second reported fixed, third sent back with a deadline already past."""
    if len(ids) >= 1:
        rectification.report(opened, ids[0], "已重新制作并送达法律文书，对承办人进行了批评教育。")
        rectification.verify(opened, ids[0], "回头看核实：文书已更正。")
        rectification.close(opened, ids[0])
    if len(ids) >= 2:
        rectification.report(opened, ids[1], "已补充相关证据材料并归档。", progress="等待回头看核实")
    if len(ids) >= 3:
        rectification.report(opened, ids[2], "已组织学习相关规定。")
        back = today - timedelta(days=30)  # the 回头看 a month ago gave ten working days; they have run out
        rectification.send_back(opened, ids[2], "仅组织学习，未对案件本身的问题进行纠正。", "10 workdays",
                                finding="partly", today=back)


def _recheck(opened: OpenWorkspace, campaign_id: str, case_id: int, unit: str, today: date) -> None:
    """The unit objected in time; the panel's 复核 kept the findings and changed the grade."""
    before = deliberation.deliberation(opened, str(case_id), campaign_id).conclusion
    if before is None:
        return
    o = objections.add_objection(opened, str(case_id), unit, "认为扣分过重，评查等次应予调整。",
                                 received_on=(today - timedelta(days=7)).isoformat(),
                                 delivered_on=(today - timedelta(days=10)).isoformat(), campaign_id=campaign_id)
    grade = "瑕疵" if before.grade != "瑕疵" else "合格"
    actions = before.actions.get("correction", {})
    new = deliberation.ConclusionInput(
        outcome=before.outcome, grade=grade, grade_reason="经复核，部分扣分依据不足，评查等次调整。",
        # The findings stand as they were, on the same members' deductions (附件1 still backs section 五).
        findings=[deliberation.FindingInput(f.category, f.description, f.evidence_ref, f.item_code,
                                            basis=tuple(f.basis), basis_reason=f.basis_reason)
                  for f in before.findings],
        majority_view="经复核，评查组维持原认定的问题，调整评查等次。", minority_view=before.minority_view,
        correction_required=bool(actions.get("required")), correction_deadline=actions.get("deadline"))
    objections.decide(opened, o.id, "changed", "部分扣分依据不足，调整评查等次。", checked="复查卷宗和评分表",
                      conclusion=new)
