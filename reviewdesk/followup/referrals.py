"""线索移送台账: a referral's statuses, the outcomes the discipline body reports, and the letter number.

draft (generated from a panel's suggestion, not yet sent) → sent (letter number issued, date sent, feedback
deadline) → feedback (date and outcome). "Overdue" is computed: sent, no feedback, past the deadline.
"""

from __future__ import annotations

DRAFT, SENT, FEEDBACK = "draft", "sent", "feedback"
STATUSES = (DRAFT, SENT, FEEDBACK)
STATUS_ZH = {DRAFT: "待移送", SENT: "已移送待反馈", FEEDBACK: "已反馈"}
OUTCOMES = {"investigated": "立案审查调查", "punished": "给予党纪政务处分", "not_filed": "不予立案", "other": "其他"}
DEFAULT_BODY = "纪委监委"


def letter_number(prefix: str, year: int, seq: int) -> str:
    """×政法移〔2026〕3号 — the same scheme as opinion numbers, with the referral prefix."""
    return f"{prefix}〔{year}〕{seq}号"
