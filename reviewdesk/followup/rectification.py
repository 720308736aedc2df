"""整改台账: the rectification item's statuses and the steps between them.

open → reported (the unit reports it fixed, with measures) → verified (回头看 found it fixed) → closed (销号);
reported or verified → sent_back (退回重改, with a reason and a new deadline) → reported again.
"""

from __future__ import annotations

from reviewdesk.errors import Conflict

OPEN, REPORTED, VERIFIED, CLOSED, SENT_BACK = "open", "reported", "verified", "closed", "sent_back"
STATUSES = (OPEN, REPORTED, VERIFIED, CLOSED, SENT_BACK)
STATUS_ZH = {OPEN: "待整改", REPORTED: "已报整改", VERIFIED: "回头看已核实", CLOSED: "已销号", SENT_BACK: "退回重改"}
# The unit still owes work (its deadline runs) in these; the others wait for the office or are done.
OWED = (OPEN, SENT_BACK)

# step → (statuses it may start from, status it leads to)
STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "report": ((OPEN, SENT_BACK), REPORTED),
    "verify": ((REPORTED,), VERIFIED),
    "close": ((VERIFIED,), CLOSED),
    "send_back": ((REPORTED, VERIFIED), SENT_BACK),
}
STEP_ZH = {"report": "登记整改情况", "verify": "回头看核实", "close": "销号", "send_back": "退回重改"}

RECHECK_FINDINGS = {"fixed": "已整改", "partly": "部分整改", "not_fixed": "未整改"}

KINDS = ("实体", "程序", "文书", "卷宗", "作风")
# The rubric's category → the register's type; first match wins (categories are each rubric's own words).
_KIND_WORDS = (
    ("卷宗", "卷宗"), ("文书", "文书"), ("作风", "作风"), ("程序", "程序"), ("法律监督", "程序"),
    ("实体", "实体"), ("事实", "实体"), ("证据", "实体"), ("法律适用", "实体"), ("涉案财物", "实体"),
    ("办案效果", "实体"),
)


def kind_of(category: str) -> str:
    """The register's type (实体/程序/文书/卷宗/作风) of a rubric category; 实体 when no word matches."""
    return next((kind for word, kind in _KIND_WORDS if word in category), "实体")


def next_status(step: str, status: str) -> str:
    """The status a step leads to, or Conflict saying why it cannot be taken now."""
    starts, target = STEPS[step]
    if status not in starts:
        allowed = "、".join(STATUS_ZH[s] for s in starts)
        raise Conflict(
            f"cannot {step.replace('_', ' ')} an item that is {status} (only from {', '.join(starts)})",
            message_zh=f"该整改事项当前为“{STATUS_ZH[status]}”，不能{STEP_ZH[step]}（只能在“{allowed}”时进行）",
        )
    return target
