"""A score sheet's entries checked against its rubric, and its total and grade. Pure: no store, no Qt.

Sheet JSON (docs/scoring.md): {"items": [{"code", "points", "reason", "evidence", "veto"}], "comment"}.
Points are deductions for deduct items, added points for bonus items, and always 0 for record items.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from reviewdesk import safe_json
from reviewdesk.errors import ValidationError
from reviewdesk.scoring.grades import Band, grade_for
from reviewdesk.scoring.rubric import Item, RubricDef

# 卷×第×页 and its usual variants: 卷1第23页, 第2卷第5-7页, 卷一第二十三页, 第1卷第3、5页, 卷2第10至12页.
_NUM = r"(?:\d+|[一二三四五六七八九十百零〇两]+)"
_PAGES = rf"{_NUM}(?:\s*[-–—~～至到、,，]\s*{_NUM})*"
EVIDENCE_RE = re.compile(rf"(?:第\s*{_NUM}\s*卷|卷\s*{_NUM})\s*第?\s*{_PAGES}\s*页")
_STEP_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Entry:
    """One item as the expert filled it."""

    code: str
    points: float = 0.0
    reason: str = ""
    evidence: str = ""
    veto: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    code: str
    text: str
    field: str
    message: str
    message_zh: str

    def __str__(self) -> str:
        return f"{self.code} “{self.text}” {self.field}: {self.message}"


class SheetInvalid(ValidationError):
    """All problems of a sheet at once; `problems` lists them, the message names each item and field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        field = first.code if len({p.code for p in self.problems}) == 1 else "sheet"
        super().__init__(
            field,
            "; ".join(f"item {p.code} “{p.text}”, {p.field}: {p.message}" for p in self.problems),
            message_zh="；".join(f"评分项 {p.code}“{p.text}”的{_FIELD_ZH.get(p.field, p.field)}：{p.message_zh}" for p in self.problems),
        )


_FIELD_ZH = {"points": "分值", "reason": "理由", "evidence": "证据出处", "veto": "一票否决", "code": "编号", "item": "条目"}


@dataclass(frozen=True)
class Result:
    total: float
    deductions: float
    bonus: float
    veto: bool
    grade: str


def has_evidence_ref(text: str) -> bool:
    """True when the text holds at least one 卷×第×页 reference (full-width digits accepted)."""
    return EVIDENCE_RE.search(unicodedata.normalize("NFKC", text or "")) is not None


def parse_sheet(data: bytes | str) -> tuple[list[Entry], str | None]:
    """The sheet file: its entries and its comment (None when the file has none). Shape errors only."""
    doc = safe_json.loads(data, what="sheet", max_bytes=safe_json.MAX_FILE_BYTES)
    if not isinstance(doc, dict) or not isinstance(doc.get("items", []), list):
        raise ValidationError("sheet", 'expected {"items": [...], "comment": "..."}', message_zh='格式应为 {"items": [...], "comment": "..."}')
    comment = doc.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise ValidationError("comment", "must be text", message_zh="应为文本")
    return entries_from_json(doc.get("items", [])), comment


def entries_from_json(items: Iterable[Any]) -> list[Entry]:
    """Entries from JSON-like dicts (or Entry objects), checking types; the rubric check comes later."""
    out: list[Entry] = []
    for n, raw in enumerate(items, start=1):
        if isinstance(raw, Entry):
            out.append(raw)
            continue
        where = f"items[{n}]"
        if not isinstance(raw, Mapping):
            raise ValidationError(where, "must be an object", message_zh="应为对象")
        code = raw.get("code")
        if not isinstance(code, str) or not code.strip():
            raise ValidationError(where + ".code", "missing item code", message_zh="缺少评分项编号")
        where = f"item {code}"
        points = raw.get("points", 0)
        if isinstance(points, bool) or not isinstance(points, int | float) or not math.isfinite(points):
            raise ValidationError(where + ".points", "must be a number", message_zh="分值应为数字")
        texts = {}
        for key in ("reason", "evidence"):
            value = raw.get(key, "")
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise ValidationError(f"{where}.{key}", "must be text", message_zh="应为文本")
            texts[key] = value.strip()
        veto = raw.get("veto", False)
        if not isinstance(veto, bool):
            raise ValidationError(where + ".veto", "must be true or false", message_zh="应为 true 或 false")
        out.append(Entry(code.strip(), float(points), texts["reason"], texts["evidence"], veto))
    return out


def _is_multiple(points: float, step: float) -> bool:
    if step <= 0:
        return True
    ratio = points / step
    return abs(ratio - round(ratio)) < _STEP_TOLERANCE


def _fmt(x: float) -> str:
    return f"{x:g}"


def problems(rubric: RubricDef, entries: Sequence[Entry], *, complete: bool) -> list[Problem]:
    """Everything wrong with the entries. `complete=False` (a draft) checks codes, ranges and veto flags only;
    `complete=True` (submission) also wants reasons and evidence references."""
    items = rubric.items()
    found: list[Problem] = []
    seen: set[str] = set()

    def add(e: Entry, item: Item | None, field: str, en: str, zh: str) -> None:
        found.append(Problem(e.code, item.text if item else "", field, en, zh))

    for e in entries:
        item = items.get(e.code)
        if item is None:
            add(e, None, "code", f"no such item in rubric {rubric.code} v{rubric.version}", f"评分表 {rubric.code} 第{rubric.version}版中没有此项")
            continue
        if e.code in seen:
            add(e, item, "item", "appears twice", "重复填写")
            continue
        seen.add(e.code)
        if item.kind == "record":
            if e.points != 0:
                add(e, item, "points", "record-only item takes no points", "仅记录项不计分，分值应为 0")
        elif e.points < 0:
            add(e, item, "points", f"{_fmt(e.points)} is below zero", f"{_fmt(e.points)} 小于 0")
        elif e.points > item.max + _STEP_TOLERANCE:
            add(e, item, "points", f"{_fmt(e.points)} exceeds the item maximum {_fmt(item.max)}", f"{_fmt(e.points)} 超过该项满分 {_fmt(item.max)}")
        elif not _is_multiple(e.points, item.step):
            add(e, item, "points", f"{_fmt(e.points)} is not a multiple of the step {_fmt(item.step)}", f"{_fmt(e.points)} 不是扣分步长 {_fmt(item.step)} 的整数倍")
        if e.veto and not item.veto:
            add(e, item, "veto", "not a veto item", "该项不是一票否决项")
        if not complete:
            continue
        needs_reason = (item.kind in ("deduct", "bonus") and e.points > 0) or (e.veto and item.veto)
        needs_evidence = (item.kind == "deduct" and e.points > 0) or (e.veto and item.veto)
        if needs_reason and not e.reason:
            add(e, item, "reason", "a reason is required", "必须填写理由")
        if needs_evidence and not has_evidence_ref(e.evidence):
            add(e, item, "evidence", "an evidence reference like 卷1第23页 is required", "必须注明证据出处（如 卷1第23页）")
    return found


def check(rubric: RubricDef, entries: Sequence[Entry], *, complete: bool) -> None:
    """Raise SheetInvalid naming every problem, or return."""
    found = problems(rubric, entries, complete=complete)
    if found:
        raise SheetInvalid(found)


def compute(rubric: RubricDef, entries: Sequence[Entry], bands: list[Band]) -> Result:
    """Total = rubric total − deductions + bonus (record items count nothing); any veto gives the lowest grade.
    Unknown codes are ignored here: `check` reports them."""
    items = rubric.items()
    deductions = bonus = 0.0
    veto = False
    for e in entries:
        item = items.get(e.code)
        if item is None:
            continue
        if item.kind == "deduct":
            deductions += e.points
        elif item.kind == "bonus":
            bonus += e.points
        veto = veto or (e.veto and item.veto)
    total = round(rubric.total - deductions + bonus, 4)  # 4 places: no 89.4999… from float sums
    return Result(total, round(deductions, 4), round(bonus, 4), veto, grade_for(total, veto, bands))
