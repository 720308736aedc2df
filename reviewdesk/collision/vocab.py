"""What the registry extract may say, and the keys the store and the rule sets use for it."""

from __future__ import annotations

ROLE_ZH = {
    "legal_representative": "法定代表人", "shareholder": "股东", "executive": "高管", "supervisor": "监事",
    "proprietor": "经营者",
}
# Labels registry extracts use for the same role (the market regulator's exports differ by year).
ROLE_ALIASES = {
    "法定代表人": "legal_representative", "法人": "legal_representative", "负责人": "legal_representative",
    "执行事务合伙人": "legal_representative",
    "股东": "shareholder", "投资人": "shareholder", "出资人": "shareholder", "合伙人": "shareholder",
    "发起人": "shareholder",
    "高管": "executive", "officer": "executive", "董事": "executive", "董事长": "executive", "副董事长": "executive",
    "执行董事": "executive", "经理": "executive", "总经理": "executive", "副总经理": "executive",
    "财务负责人": "executive",
    "监事": "supervisor", "监事会主席": "supervisor", "职工监事": "supervisor",
    "经营者": "proprietor", "个体工商户经营者": "proprietor",
}
STATUSES = ("存续", "在业", "吊销", "注销", "迁出", "停业", "清算")
PROPRIETORSHIP = "个体工商户"


def role_key(text: str) -> tuple[str, str] | None:
    """(role key, the post as written) for '执行董事', 'shareholder', '股东'…; None if not a role."""
    value = text.strip()
    if value.lower() in ROLE_ZH:
        return value.lower(), ROLE_ZH[value.lower()]
    key = ROLE_ALIASES.get(value)
    return (key, value) if key else None


def status_key(text: str) -> str | None:
    """'吊销，未注销' → 吊销; '存续（在营、开业、在册）' → 存续; None if none of STATUSES."""
    value = text.strip()
    if "注销" in value and "未注销" not in value:
        return "注销"
    for status in STATUSES:
        if status in value:
            return status
    if value in ("开业", "在营", "在册"):
        return "存续"
    return None
