"""The follow-up figures of the statistics service and the campaign report: rectification rate, referral
outcomes, objections upheld/changed and overdue counts, against the real store."""

from __future__ import annotations

from datetime import date

import pytest

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.documents.blocks import Para
from reviewdesk.documents.followup_stats import load_followup_stats
from reviewdesk.services import assignment, objections, rectification, referrals, reports
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace


def test_statistics_and_report_carry_the_follow_up_figures(world: OpenWorkspace) -> None:
    empty = reports.campaign_stats(world, DEMO_CAMPAIGN).followup
    assert empty is not None and empty.empty and empty.rectification_rate == 0.0
    generating.generate_campaign(world, DEMO_CAMPAIGN)
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    a, b, c = (i.id for i in items[:3])
    for i in (a, b, c):
        rectification.report(world, i, "已纠正")
    rectification.verify(world, a)
    rectification.close(world, a)
    rectification.verify(world, b)
    rectification.send_back(world, c, "未整改到位", "2027-03-01", finding="not_fixed")
    rid = referrals.list_referrals(world, DEMO_CAMPAIGN)[0].id
    referrals.issue_letter(world, rid, "兰州市城关区纪委监委", sent_on="2026-09-25")
    wrong = assignment.panels(world, DEMO_CAMPAIGN)[4].case.id
    o = objections.add_objection(world, str(wrong), "兰州市城关区人民法院", "理由", received_on="2026-10-09",
                                 delivered_on="2026-09-25", campaign_id=DEMO_CAMPAIGN)
    objections.decide(world, o.id, "upheld", "异议理由不能成立")

    f = reports.campaign_stats(world, DEMO_CAMPAIGN).followup
    assert f is not None and f.items == len(items)
    assert (f.by_status["closed"], f.by_status["verified"], f.by_status["sent_back"]) == (1, 1, 1)
    assert f.fixed == 2 and f.rectification_rate == pytest.approx(2 / len(items))
    assert (f.referrals_sent, f.referrals_awaiting, sum(f.referral_outcomes.values())) == (1, 1, 0)
    assert (f.objections, f.upheld, f.changed, f.pending) == (1, 1, 0, 0)

    # Overdue is computed against the day asked: far ahead, every item still owed and the letter are overdue.
    with world.read_session() as s:
        later = load_followup_stats(s, DEMO_CAMPAIGN, date(2030, 1, 1))
        before = load_followup_stats(s, DEMO_CAMPAIGN, date(2026, 1, 1))
    owed = f.by_status["open"] + f.by_status["sent_back"]
    assert (later.items_overdue, later.referrals_overdue) == (owed, 1)
    assert (before.items_overdue, before.referrals_overdue) == (0, 0)

    referrals.record_feedback(world, rid, "punished", feedback_on="2026-10-20", detail="党内警告")
    f = reports.campaign_stats(world, DEMO_CAMPAIGN).followup
    assert f is not None and f.referral_outcomes["punished"] == 1 and f.referrals_awaiting == 0

    doc = reports.campaign_report_document(world, DEMO_CAMPAIGN)
    text = "".join(b.text for b in doc.blocks if isinstance(b, Para))
    assert f"整改事项{len(items)}项" in text and "已销号1项" in text and "给予党纪政务处分1件" in text
    assert "复核维持1件" in text
