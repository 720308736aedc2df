"""What a rule reports: one reason an expert may not sit on a case, with its basis and evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    rule_id: str  # e.g. "handler", "same_region" — stable, documented in docs/recusal.md
    hard: bool  # hard: excludes; soft: waits for the coordinator to confirm or clear
    basis: str  # the rule's basis, English
    basis_zh: str  # 依据, e.g. "原办案人员一律回避"
    evidence: str  # what matched, English
    evidence_zh: str  # 证据, e.g. "专家身份证号与承办法官李某一致"
    evidence_key: str  # stable key of this match (for decisions on soft findings), e.g. "handler:id:…"

    def to_json(self) -> dict[str, object]:
        return asdict(self)


# How a soft finding stands after the coordinator's decision.
PENDING = "pending"  # not yet decided: excludes until cleared
CONFIRMED = "confirmed"  # excludes
CLEARED = "cleared"  # does not exclude
