"""Rubric definitions as data: a sheet of parts, each with items (maximum, step, 实体/程序 tag, kind, veto).

The JSON format is documented in docs/rubrics.md and resources/rubrics/rubric.schema.json. The parser is strict
(unknown keys refused, sums checked) because a rubric decides grades: a typo must fail loudly at import, naming
the JSON path, not silently mis-score a campaign.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from reviewdesk import safe_json
from reviewdesk.errors import ValidationError

FORMAT = "reviewdesk-rubric"
SCHEMA = 1
TAGS = ("实体", "程序")
KINDS = ("deduct", "record", "bonus")
CASE_TYPES = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition")
_TOP_KEYS = {"format", "schema", "code", "version", "name", "total", "case_types", "categories", "parts"}
_PART_KEYS = {"code", "name", "max", "items"}
_ITEM_KEYS = {"code", "text", "max", "step", "tag", "kind", "veto"}
_EPS = 1e-6
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    max: float
    step: float
    tag: str
    kind: str
    veto: bool


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    max: float
    items: tuple[Item, ...]


@dataclass(frozen=True)
class RubricDef:
    code: str
    version: int
    name: str
    total: float
    parts: tuple[Part, ...]
    categories: tuple[str, ...]
    case_types: tuple[str, ...] = ()

    def items(self) -> dict[str, Item]:
        """Every item by code, in sheet order."""
        return {item.code: item for part in self.parts for item in part.items}

    def decimals(self) -> int:
        """The decimal places its points are written with, on every sheet and table alike (steps of 0.5: one,
        so a total reads 99.0 beside 98.5); record-only items carry no points."""
        steps = [item.step for part in self.parts for item in part.items if item.kind != "record"]
        return max((_places(step) for step in steps), default=0)

    def category_of(self, code: str) -> str:
        """The problem category a deduction on item `code` counts under: the category its part is named for
        (卷宗 → 卷宗归档, 实体处理 → 实体), else the first category naming the item's 实体/程序 tag, else the first."""
        for part in self.parts:
            for item in part.items:
                if item.code != code:
                    continue
                if part.name in self.categories:
                    return part.name
                near = [c for c in self.categories if c in part.name or part.name in c]
                if near:
                    return near[0]
                tagged = [c for c in self.categories if item.tag in c]  # 程序 → 程序违法
                return tagged[0] if tagged else self.categories[0]
        return self.categories[0]


def _places(step: float) -> int:
    for places in range(5):
        if abs(step * 10**places - round(step * 10**places)) < 1e-9:
            return places
    return 4


def _fail(path: str, message: str, message_zh: str) -> ValidationError:
    return ValidationError(path or "rubric", message, message_zh=message_zh)


def _obj(value: Any, path: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be an object", "必须是 JSON 对象")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise _fail(f"{path}.{unknown[0]}" if path else unknown[0], "unknown key", "未知字段")
    missing = sorted(keys - set(value) - {"veto"})
    if missing:
        raise _fail(f"{path}.{missing[0]}" if path else missing[0], "required key missing", "缺少必填字段")
    return value


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, "must be a non-empty text", "必须是非空文本")
    return value.strip()


def _number(value: Any, path: str, *, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(path, "must be a number", "必须是数字")
    if value < 0 or (positive and value == 0):
        raise _fail(path, "must be greater than 0" if positive else "must not be negative",
                    "必须大于 0" if positive else "不能为负数")
    return float(value)


def _texts(value: Any, path: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(path, "must be a list", "必须是列表")
    out: list[str] = []
    for i, entry in enumerate(value):
        text = _text(entry, f"{path}[{i}]")
        if allowed is not None and text not in allowed:
            raise _fail(f"{path}[{i}]", f"must be one of {', '.join(allowed)}", f"必须是 {'、'.join(allowed)} 之一")
        if text in out:
            raise _fail(f"{path}[{i}]", f"'{text}' repeats", f"“{text}”重复")
        out.append(text)
    return tuple(out)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _EPS


def _item(value: Any, path: str) -> Item:
    data = _obj(value, path, _ITEM_KEYS)
    kind = data["kind"]
    if kind not in KINDS:
        raise _fail(f"{path}.kind", f"must be one of {', '.join(KINDS)}", f"必须是 {'、'.join(KINDS)} 之一")
    tag = data["tag"]
    if tag not in TAGS:
        raise _fail(f"{path}.tag", "must be 实体 or 程序", "必须是“实体”或“程序”")
    # Record-only items carry no points, so a maximum of 0 is allowed for them alone.
    top = _number(data["max"], f"{path}.max", positive=kind != "record")
    step = _number(data["step"], f"{path}.step", positive=True)
    ratio = top / step
    if not _close(ratio, round(ratio)):
        raise _fail(f"{path}.step", f"step {step:g} does not divide the maximum {top:g}",
                    f"扣分步长 {step:g} 不能整除最高分 {top:g}")
    veto = data.get("veto", False)
    if not isinstance(veto, bool):
        raise _fail(f"{path}.veto", "must be true or false", "必须是 true 或 false")
    return Item(_text(data["code"], f"{path}.code"), _text(data["text"], f"{path}.text"), top, step, tag, kind, veto)


def _part(value: Any, path: str) -> Part:
    data = _obj(value, path, _PART_KEYS)
    code = _text(data["code"], f"{path}.code")
    top = _number(data["max"], f"{path}.max", positive=True)
    if not isinstance(data["items"], list) or not data["items"]:
        raise _fail(f"{path}.items", "must be a non-empty list", "必须是非空列表")
    items = tuple(_item(entry, f"{path}.items[{i}]") for i, entry in enumerate(data["items"]))
    deducted = sum(item.max for item in items if item.kind == "deduct")
    if not _close(deducted, top):
        raise _fail(f"{path}.max", f"deduct item maxima add up to {deducted:g}, not the part maximum {top:g}",
                    f"扣分项最高分合计 {deducted:g}，与本部分满分 {top:g} 不符")
    return Part(code, _text(data["name"], f"{path}.name"), top, items)


def rubric_from_data(data: Any) -> RubricDef:
    """Validate decoded rubric JSON; every error names its JSON path (e.g. parts[2].items[0].step)."""
    top = _obj(data, "", _TOP_KEYS)
    if top["format"] != FORMAT:
        raise _fail("format", f"must be '{FORMAT}'", f"必须是“{FORMAT}”")
    if top["schema"] != SCHEMA or isinstance(top["schema"], bool):
        raise _fail("schema", f"unsupported schema version (this program reads {SCHEMA})",
                    f"不支持的格式版本（本程序支持 {SCHEMA}）")
    version = top["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail("version", "must be a whole number ≥ 1", "必须是不小于 1 的整数")
    total = _number(top["total"], "total", positive=True)
    if not isinstance(top["parts"], list) or not top["parts"]:
        raise _fail("parts", "must be a non-empty list", "必须是非空列表")
    parts = tuple(_part(entry, f"parts[{i}]") for i, entry in enumerate(top["parts"]))
    seen: set[str] = set()
    for i, part in enumerate(parts):
        codes = [(f"parts[{i}].code", part.code)] + [
            (f"parts[{i}].items[{j}].code", item.code) for j, item in enumerate(part.items)
        ]
        for path, code in codes:
            if code in seen:
                raise _fail(path, f"code '{code}' repeats", f"编号“{code}”重复")
            seen.add(code)
    summed = sum(part.max for part in parts)
    if not _close(summed, total):
        raise _fail("total", f"part maxima add up to {summed:g}, not the total {total:g}",
                    f"各部分满分合计 {summed:g}，与总分 {total:g} 不符")
    categories = _texts(top["categories"], "categories")
    if not categories:
        raise _fail("categories", "must list at least one problem category", "至少列出一个问题类别")
    code = _text(top["code"], "code")
    if not _CODE_RE.match(code):
        raise _fail("code", "use letters, digits, '.', '_' or '-' (at most 64)", "只能使用字母、数字和“. _ -”（最多 64 位）")
    return RubricDef(
        code=code,
        version=version,
        name=_text(top["name"], "name"),
        total=total,
        parts=parts,
        categories=categories,
        case_types=_texts(top["case_types"], "case_types", CASE_TYPES),
    )


def parse_rubric(data: bytes | str) -> RubricDef:
    """Parse rubric JSON (UTF-8 bytes or text) strictly; raises ValidationError naming the JSON path."""
    decoded = safe_json.loads(data, what="rubric", max_bytes=safe_json.MAX_FILE_BYTES)
    return rubric_from_data(decoded)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def rubric_to_data(rubric: RubricDef) -> dict[str, Any]:
    """The JSON form of a rubric (round-trips through parse_rubric)."""
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "code": rubric.code,
        "version": rubric.version,
        "name": rubric.name,
        "total": _num(rubric.total),
        "case_types": list(rubric.case_types),
        "categories": list(rubric.categories),
        "parts": [
            {
                "code": part.code,
                "name": part.name,
                "max": _num(part.max),
                "items": [
                    {"code": it.code, "text": it.text, "max": _num(it.max), "step": _num(it.step),
                     "tag": it.tag, "kind": it.kind, "veto": it.veto}
                    for it in part.items
                ],
            }
            for part in rubric.parts
        ],
    }


def canonical_json(rubric: RubricDef) -> str:
    """Stable text for storage and hashing: same rubric → same bytes, whatever the file's spacing or key order."""
    return json.dumps(rubric_to_data(rubric), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
