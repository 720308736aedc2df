"""Rule 9 (prior_review): in a re-check campaign (回头看), experts who sat on the same case before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, Pool

RULE_ID = "prior_review"


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    if campaign.id is None or campaign.kind != "recheck":
        return
    panels = [*pool.panels_by_case_id.get(case.id, ())]
    if case.case_number:
        panels += pool.panels_by_case_number.get(case.case_number, ())
    for panel in panels:
        if panel.campaign_id == campaign.id:
            continue
        e = pool.experts[panel.expert_id]
        yield panel.expert_id, finding(
            RULE_ID, True, evidence_key(RULE_ID, "panel", panel.campaign_id, panel.case_id),
            f"expert {e.name} reviewed this case ({case.case_number}) in campaign {panel.campaign_id}",
            f"专家{e.name}曾在评查活动{panel.campaign_id}中评查过本案（{case.case_number}）",
        )
