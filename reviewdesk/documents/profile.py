"""The issuing office's profile: letterhead, office name, number prefix, fonts and the fixed wording.

Shipped in resources/documents/office.json; an office edits that file (or passes its own with --profile),
never the code. Every text key the composers use must be present: a profile that misses one, or whose
placeholder names a field the composer does not fill, is refused with the key named.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from reviewdesk import safe_json
from reviewdesk.documents.style import Fonts
from reviewdesk.errors import ValidationError
from reviewdesk.packages.manifest import UNIT_KINDS
from reviewdesk.resources import resources_dir

DEFAULT_PROFILE = "documents/office.json"

# Text keys and the placeholders each may use.
TEXT_FIELDS: dict[str, frozenset[str]] = {
    "opinion_title": frozenset(),
    "addressee": frozenset({"unit_name"}),
    "opinion_intro": frozenset({"campaign_name", "case_number", "title", "unit_name"}),
    "source_random": frozenset({"campaign_name"}),
    "source_key": frozenset({"campaign_name"}),
    "source_recheck": frozenset({"campaign_name"}),
    "petition": frozenset({"first_on", "count", "flags"}),
    "recusal_clear": frozenset(),
    "work_files": frozenset({"documents", "volumes", "pages"}),
    "work_files_unpaged": frozenset({"count"}),
    "work_no_interviews": frozenset(),
    "findings_none": frozenset(),
    "findings_deducted_only": frozenset({"count", "reason"}),
    "findings_other_deductions": frozenset({"count"}),
    "conclusion": frozenset({"score", "grade", "outcome"}),
    "correction": frozenset({"deadline", "office_name"}),
    "correction_general": frozenset(),
    "referral": frozenset({"reason", "findings"}),
    "no_action": frozenset(),
    "deliberation_majority": frozenset({"view"}),
    "deliberation_minority": frozenset({"view"}),
    "deliberation_unanimous": frozenset(),
}


# Keys added after offices made their own profiles: a profile without them prints these.
ADDED_TEXTS: dict[str, str] = {
    "work_files_unpaged": "另有电子文档{count}份，未计入页数。",
    "findings_deducted_only": "经评查，评查组成员评分时对{count}处事项予以扣分（见附件1）。经合议，上述事项不构成错案或瑕疵案{reason}。",
    "findings_other_deductions": "评查组成员评分时另有{count}处扣分事项，见附件1。",
}


@dataclass(frozen=True)
class CopyTo:
    """Who gets a copy (抄送) of an outgoing document: the unit's superior (by the unit's name, else by
    its kind), the discipline body when a referral is proposed, and anyone always copied."""

    superior_by_unit: dict[str, str]
    superior_by_kind: dict[str, str]
    on_referral: tuple[str, ...]
    always: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    letterhead: str
    office_name: str
    number_prefix: str
    fonts: Fonts
    texts: dict[str, str]
    issuer: str = ""  # 印发机关 in the 版记 (usually the office's general office); empty: the office itself
    contact: str = ""  # 附注 under the date, e.g. "联系人：张某，电话：0000-0000000"; empty: none
    copy_to: CopyTo = CopyTo({}, {}, (), ())

    def text(self, key: str, **values: Any) -> str:
        return self.texts[key].format(**values)


def _bad(where: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(where, message, message_zh=message_zh)


def _string(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _bad(f"{where}.{key}", "must be a string", "必须是文字")
    return value


def _placeholders(text: str, where: str) -> set[str]:
    """The named fields of a text template; anything `str.format` would stumble on when the document is
    written (a stray brace, {} or {0}, {a.b} or {a[0]}, a field inside a format spec) is refused here."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise _bad(where, "unbalanced { or } (write {{ or }} for a brace)", "大括号不成对（文字中的大括号请写成 {{ 或 }}）") from None
    used: set[str] = set()
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if not name.isidentifier() or "{" in (spec or ""):
            raise _bad(where, f"placeholder {{{name}}} is not a plain name", f"占位字段 {{{name}}} 只能是一个名称")
        used.add(name)
    return used


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _bad(f"{where}.texts", "must be an object", "必须是 JSON 对象")
    texts: dict[str, str] = {}
    for key, allowed in TEXT_FIELDS.items():
        text = _string(raw if key in raw or key not in ADDED_TEXTS else ADDED_TEXTS, key, f"{where}.texts")
        used = _placeholders(text, f"{where}.texts.{key}")
        unknown = sorted(used - allowed)
        if unknown:
            raise _bad(f"{where}.texts.{key}", f"unknown placeholder {{{unknown[0]}}}",
                       f"未知的占位字段 {{{unknown[0]}}}，可用：{'、'.join(sorted(allowed)) or '无'}")
        texts[key] = text
    return texts


def _fonts(raw: Any, where: str) -> Fonts:
    if raw is None:
        return Fonts()
    if not isinstance(raw, dict):
        raise _bad(f"{where}.fonts", "must be an object", "必须是 JSON 对象")
    known = {f.name for f in fields(Fonts)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _bad(f"{where}.fonts.{unknown[0]}", "unknown font role", "未知的字体用途")
    return Fonts(**{k: _string(raw, k, f"{where}.fonts") for k in raw})


def _names(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise _bad(where, "must be a list of names", "必须是机关名称的列表")
    return tuple(x.strip() for x in raw)


def _mapping(raw: Any, where: str, keys: tuple[str, ...] | None = None) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise _bad(where, "must be an object of names", "必须是“单位：上级机关”的对象")
    unknown = sorted(set(raw) - set(keys)) if keys is not None else []
    if unknown:
        raise _bad(f"{where}.{unknown[0]}", "unknown unit kind", f"未知的单位类别，可用：{'、'.join(keys or ())}")
    return {k: v.strip() for k, v in raw.items() if v.strip()}


def _copy_to(raw: Any, where: str) -> CopyTo:
    if raw is None:
        return CopyTo({}, {}, (), ())
    if not isinstance(raw, dict):
        raise _bad(f"{where}.copy_to", "must be an object", "必须是 JSON 对象")
    known = {"_comment", "superior_by_unit", "superior_by_kind", "on_referral", "always"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _bad(f"{where}.copy_to.{unknown[0]}", "unknown key", "未知的抄送设置")
    return CopyTo(
        _mapping(raw.get("superior_by_unit"), f"{where}.copy_to.superior_by_unit"),
        _mapping(raw.get("superior_by_kind"), f"{where}.copy_to.superior_by_kind", UNIT_KINDS),
        _names(raw.get("on_referral"), f"{where}.copy_to.on_referral"),
        _names(raw.get("always"), f"{where}.copy_to.always"),
    )


def _letterhead(data: dict[str, Any], office: str, where: str) -> str:
    """GB/T 9704 7.2.3: the 发文机关标志 is the issuing organ's name, or the name followed by 文件 — the
    organ that signs (office_name)."""
    text = _string(data, "letterhead", where).strip()
    if text and text not in (office, f"{office}文件"):
        raise _bad(f"{where}.letterhead", f"must be the office name {office!r}, or it followed by 文件",
                   f"发文机关标志应为发文机关全称“{office}”或“{office}文件”")
    return text


def load_profile(path: Path | None = None) -> Profile:
    """The profile at `path`, or the shipped one."""
    source = path or resources_dir() / DEFAULT_PROFILE
    where = source.name
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise _bad(where, f"cannot read the office profile: {exc.strerror}", "无法读取机关信息文件") from None
    try:
        data = safe_json.loads(raw, what=where, max_bytes=safe_json.MAX_FILE_BYTES)
    except safe_json.JsonRefused as exc:
        raise _bad(where, f"not valid UTF-8 JSON: {exc.reason}" + (f" at {exc.where}" if exc.where else ""),
                   "不是有效的 UTF-8 JSON 文件") from None
    if not isinstance(data, dict):
        raise _bad(where, "must be a JSON object", "必须是 JSON 对象")
    office = _string(data, "office_name", where).strip()
    return Profile(
        letterhead=_letterhead(data, office, where),
        office_name=office,
        number_prefix=_string(data, "number_prefix", where),
        fonts=_fonts(data.get("fonts"), where),
        texts=_texts(data.get("texts"), where),
        issuer=_string(data, "issuer", where).strip() if "issuer" in data else "",
        contact=_string(data, "contact", where).strip() if "contact" in data else "",
        copy_to=_copy_to(data.get("copy_to"), where),
    )
