"""From a conclusion to rectification items and a draft referral: the plan, before anything is stored.

A conclusion comes from this machine (source key local:v<version>) or from the office's current received
result for the case (received:<digest of the result>). The same source never gives items twice; items of an
earlier source are flagged for review, never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewdesk.followup.rectification import kind_of

DEFAULT_REQUIREMENT = "针对所列问题逐项整改，纠正错误或瑕疵，书面报告整改措施并附佐证材料。"
CORRECTED = ("wrong", "flawed")


@dataclass(frozen=True)
class Finding:
    position: int
    category: str
    description: str
    evidence_ref: str


@dataclass(frozen=True)
class ConclusionSource:
    """A conclusion in the shape generate needs, whichever machine recorded it."""

    key: str  # local:v3 | received:<sha256>
    origin: str  # local | received
    version: int
    outcome: str
    findings: tuple[Finding, ...]
    correction_required: bool
    correction_deadline: str | None
    referral_suggested: bool
    referral_reason: str
    referral_findings: tuple[int, ...]  # 1-based positions

    @classmethod
    def from_result(cls, conclusion: dict[str, Any], digest: str) -> ConclusionSource:
        """From a received result's `conclusion` (docs/results-package.md); the import validated its shape."""
        actions = conclusion.get("actions") or {}
        correction = actions.get("correction") or {}
        referral = actions.get("referral") or {}
        findings = tuple(Finding(i, f["category"], f["description"], f.get("evidence_ref") or "")
                         for i, f in enumerate(conclusion.get("findings") or []))
        return cls(f"received:{digest}", "received", int(conclusion.get("version") or 1), conclusion["outcome"],
                   findings, bool(correction.get("required")), correction.get("deadline"),
                   bool(referral.get("suggested")), referral.get("reason") or "",
                   tuple(int(n) for n in referral.get("findings") or ()))


@dataclass
class ItemDraft:
    position: int
    kind: str
    category: str
    description: str
    evidence_ref: str
    deadline: str | None  # None: the campaign's default period applies


@dataclass
class ReferralDraft:
    clue: str
    evidence: list[dict[str, str]]


@dataclass
class Plan:
    items: list[ItemDraft] = field(default_factory=list)
    referral: ReferralDraft | None = None


def plan(source: ConclusionSource) -> Plan:
    """One item per finding of a wrong or flawed case (or one the panel sent back for correction), grouped by
    the rubric category in the order the categories first appear; a draft referral when the panel suggested it."""
    result = Plan()
    if source.outcome in CORRECTED or source.correction_required:
        order = {c: i for i, c in reversed(list(enumerate(f.category for f in source.findings)))}
        for f in sorted(source.findings, key=lambda f: (order[f.category], f.position)):
            result.items.append(ItemDraft(f.position, kind_of(f.category), f.category, f.description,
                                          f.evidence_ref, source.correction_deadline))
    if source.referral_suggested:
        backing = [source.findings[n - 1] for n in source.referral_findings if 0 < n <= len(source.findings)]
        clue = source.referral_reason.strip()
        if backing:
            clue += "：" + "；".join(f.description for f in backing)
        result.referral = ReferralDraft(clue, [{"title": f.description, "ref": f.evidence_ref} for f in backing])
    return result
