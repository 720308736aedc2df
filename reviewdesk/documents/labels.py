"""Chinese names for the codes the store keeps, as printed documents and ledgers show them.

The UI translates the same codes through Qt (ui/models/labels.py); the core cannot import ui/, and a printed
register is always in Chinese whatever the interface language, so the words live here as plain data.
"""

from __future__ import annotations

from reviewdesk.experts.vocab import SPECIALTY_ZH

# Case types are the same codes as expert specialties (packages/manifest.py CASE_TYPES).
CASE_TYPE_ZH: dict[str, str] = dict(SPECIALTY_ZH)

OUTCOME_ZH: dict[str, str] = {"wrong": "错案", "flawed": "瑕疵案", "none": "无问题"}
OUTCOMES: tuple[str, ...] = tuple(OUTCOME_ZH)

PANEL_ROLE_ZH: dict[str, str] = {"leader": "组长", "member": "成员"}

# An interviewee's relation to the case (谈话笔录) and the petition flags of a case.
INTERVIEWEE_ZH: dict[str, str] = {"party": "当事人", "handler": "原承办人", "other": "其他人员"}
PETITION_FLAG_ZH: dict[str, str] = {"unenforced": "执行不到位", "unresolved": "案结事未了", "repeated": "重复信访"}

# A selected case's progress in the ledger.
STATE_ZH: dict[str, str] = {"concluded": "已合议", "scoring": "评分中", "unscored": "未评分"}

SHEET_STATUS_ZH: dict[str, str] = {"draft": "草稿", "submitted": "已提交"}


def case_type_zh(code: str) -> str:
    return CASE_TYPE_ZH.get(code, code)


def outcome_zh(code: str | None) -> str:
    return "" if code is None else OUTCOME_ZH.get(code, code)
