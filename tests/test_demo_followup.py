"""The demo carries the follow-up registers in every state the 移送整改 area shows (reviewdesk/demo_followup.py,
called by create_demo)."""

from __future__ import annotations

from reviewdesk.demo import DEMO_CAMPAIGN
from reviewdesk.services import deliberation, due, objections, rectification, referrals, special
from reviewdesk.workspace import OpenWorkspace


def test_the_demo_has_items_in_each_state_an_overdue_referral_a_changed_recheck_and_a_special(
        demo_ws: OpenWorkspace) -> None:
    items = rectification.list_items(demo_ws, DEMO_CAMPAIGN)
    states = {i.status for i in items}
    assert {"closed", "reported", "sent_back", "open"} <= states
    assert [i.due for i in items if i.status == "sent_back"] == ["overdue"]
    assert not any(i.needs_review for i in items)  # made from the re-checked version: nothing to flag
    sent = [r for r in referrals.list_referrals(demo_ws, DEMO_CAMPAIGN) if r.status == "sent"]
    assert len(sent) == 1 and sent[0].due == "overdue"
    [o] = objections.list_objections(demo_ws, DEMO_CAMPAIGN)
    assert o.status == "changed" and (o.from_version, o.to_version) == (1, 2) and o.reissued_number
    kept = objections.conclusion_versions(demo_ws, str(o.case_id), DEMO_CAMPAIGN)
    now = [i for i in items if i.case_id == o.case_id]
    assert kept[0]["version"] == 1 and now and all(i.source_key == "local:v2" for i in now)
    current = deliberation.deliberation(demo_ws, str(o.case_id), DEMO_CAMPAIGN).conclusion
    assert current is not None and current.version == 2 and current.grade != kept[0]["grade"]  # the 复核 changed it
    [sp] = special.list_specials(demo_ws, DEMO_CAMPAIGN)
    assert len(sp.units) >= 2 and sp.items
    counts = due.due_counts(demo_ws, DEMO_CAMPAIGN)
    assert counts["rectification"]["overdue"] == 1 and counts["referral"]["overdue"] == 1
