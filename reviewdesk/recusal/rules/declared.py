"""Rule 8 (declared): self-declared recusal, or a party's recusal request the coordinator granted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding
from reviewdesk.recusal.pool import CampaignRules, Pool

RULE_ID = "declared"

KINDS = {"self_declared": ("self-declared recusal", "自行回避"), "request_granted": ("recusal request granted", "申请回避已批准")}


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    # A declaration without a case applies to every case.
    for d in [*pool.declared_by_case.get(case.id, ()), *pool.declared_by_case.get(None, ())]:
        e = pool.experts[d.expert_id]
        en, zh = KINDS.get(d.kind, (d.kind, d.kind))
        scope_en, scope_zh = ("for this case", "本案") if d.case_id is not None else ("for all cases", "所有案件")
        note = f"：{d.note}" if d.note else ""
        yield d.expert_id, finding(
            RULE_ID, True, evidence_key(RULE_ID, d.kind, d.id),
            f"{en} of expert {e.name} {scope_en} (declaration {d.id})",
            f"专家{e.name}{zh}（{scope_zh}，登记第{d.id}号{note}）",
        )
