"""What a rule reports: one reason an expert may not sit on a case, with its basis and evidence."""

from __future__ import annotations

import hashlib
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


RULE_IDS = (
    "handler",
    "party_relative",
    "interest",
    "earlier_role",
    "same_unit",
    "same_region",
    "conduct",
    "declared",
    "prior_review",
)

# The basis each rule cites (domain.md "Recusal"): English, Chinese.
BASIS: dict[str, tuple[str, str]] = {
    "handler": (
        "Original handlers of a case (any stage, approvers included) may not review it (Gansu rule); "
        "Criminal Procedure Law art. 29",
        "原办案人员一律回避（甘肃省执法监督案件评查规定）；《刑事诉讼法》第二十九条",
    ),
    "party_relative": (
        "A party, or a near relative of a party, a handler or a party's counsel, must recuse: Criminal Procedure "
        "Law art. 29(1); Civil Procedure Law interpretation art. 43; SPC 2011 recusal rule art. 1",
        "是本案当事人或者当事人、承办人、诉讼代理人的近亲属的，应当回避：《刑事诉讼法》第二十九条第（一）项；"
        "《民事诉讼法解释》第四十三条；最高人民法院2011年《关于审判人员在诉讼活动中执行回避制度若干问题的规定》第一条",
    ),
    "interest": (
        "An own or a near relative's interest in the case, incl. shares in a non-listed company that is a party: "
        "Criminal Procedure Law art. 29(2); SPC 2011 recusal rule art. 1",
        "本人或者其近亲属与本案有利害关系（含持有本案非上市公司当事人的股份或股权）：《刑事诉讼法》第二十九条第（二）项；"
        "最高人民法院2011年回避规定第一条",
    ),
    "earlier_role": (
        "An earlier role in the case (witness, expert witness, defender, agent, interpreter), or for lawyers the "
        "same law firm as a party's counsel: Criminal Procedure Law art. 29(3)",
        "担任过本案的证人、鉴定人、辩护人、诉讼代理人、翻译人员，或律师与当事人的代理人同属一个律师事务所："
        "《刑事诉讼法》第二十九条第（三）项",
    ),
    "same_unit": (
        "Experts do not review cases of their own unit, now or within the past five years",
        "专家不评查本单位（含五年内曾任职单位）办理的案件",
    ),
    "same_region": (
        "Cross-region review: the expert's unit lies in the same county or prefecture as the handling unit",
        "异地交叉评查：专家所在单位与办案单位属同一县（区）或同一市（州）的，应当回避",
    ),
    "conduct": (
        "Gifts, meals, loans or private meetings with parties or handlers: Criminal Procedure Law art. 30",
        "接受当事人、承办人请客送礼、借款或者违反规定私下会见的，应当回避：《刑事诉讼法》第三十条",
    ),
    "declared": (
        "Another relationship that may affect impartiality: self-declared recusal or a granted recusal request; "
        "SPC 2011 recusal rule art. 1(5)",
        "与本案有其他关系，可能影响公正评查的：自行回避或当事人申请回避经批准；最高人民法院2011年回避规定第一条第（五）项",
    ),
    "prior_review": (
        "Follow-up re-check (回头看): experts who reviewed the same case in an earlier campaign recuse",
        "回头看复查：曾在以往评查活动中评查过同一案件的专家回避",
    ),
}


def mask_id(number: str | None) -> str:
    """620102197001011234 → 620102********1234: enough to tell people apart, never the full number."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def evidence_key(rule_id: str, tag: str, *parts: object) -> str:
    """Stable key of a match: same data → same key, so the coordinator's decisions stick. Hashed, so the key
    (typed on the command line, written to the audit log) carries no names or identity numbers."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{rule_id}:{tag}:{digest}"


def finding(rule_id: str, hard: bool, key: str, evidence: str, evidence_zh: str) -> Finding:
    basis, basis_zh = BASIS[rule_id]
    return Finding(rule_id, hard, basis, basis_zh, evidence, evidence_zh, key)
