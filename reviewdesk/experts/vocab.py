"""Enumerations the spreadsheets accept: the stored English key or its Chinese label."""

from __future__ import annotations

from reviewdesk.packages.manifest import CASE_TYPES, PROFESSIONS, RELATION_KINDS, UNIT_KINDS

PROFESSION_ZH = {"judge": "法官", "prosecutor": "检察官", "police": "警察", "lawyer": "律师", "academic": "学者", "other": "其他"}
UNIT_KIND_ZH = {"court": "法院", "procuratorate": "检察院", "police": "公安", "justice": "司法行政", "other": "其他"}
SPECIALTY_ZH = {
    "criminal": "刑事", "civil": "民事", "administrative": "行政", "enforcement": "执行",
    "public_security": "治安", "petition": "信访",
}
RELATION_ZH = {
    "near_relative": "近亲属", "former_colleague": "原同事", "business_interest": "利益关系",
    "counsel_for": "代理关系", "other": "其他",
}
HOLDER_ROLE_ZH = {"shareholder": "股东", "officer": "高管", "legal_representative": "法定代表人"}
YES = ("是", "yes", "y", "true", "1")
NO = ("否", "no", "n", "false", "0")

# The manifest parser and these tables must agree; a test would catch drift, this catches it at import.
assert tuple(PROFESSION_ZH) == PROFESSIONS and tuple(UNIT_KIND_ZH) == UNIT_KINDS
assert tuple(SPECIALTY_ZH) == CASE_TYPES and tuple(RELATION_ZH) == RELATION_KINDS


def to_key(value: str, table: dict[str, str]) -> str | None:
    """'法官' or 'judge' (any case) → 'judge'; None if neither."""
    text = value.strip()
    if text.lower() in table:
        return text.lower()
    for key, label in table.items():
        if text == label:
            return key
    return None


def choices_text(table: dict[str, str]) -> str:
    return "、".join(table.values())
