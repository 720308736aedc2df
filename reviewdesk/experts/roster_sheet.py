"""experts.xlsx: the expert pool as an office keeps it in Excel (sheets 专家, 关系, 曾任职单位), and its template."""

from __future__ import annotations

import re

from reviewdesk.experts.records import ExpertInput, FormerUnitInput, RelationInput, UnitInput
from reviewdesk.experts.sheet import (
    Cells,
    Column,
    Problems,
    SheetSpec,
    open_workbook,
    rows,
    unread_sheets,
    write_template,
)
from reviewdesk.experts.vocab import PROFESSION_ZH, RELATION_ZH, SPECIALTY_ZH, UNIT_KIND_ZH
from reviewdesk.workbook import Notice

RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # as the package format's ids
UNIT_CODE = RECORD_ID
REGION = re.compile(r"^[1-8]\d{5}$")

EXPERTS = SheetSpec("专家", (
    Column("external_id", "专家编号", True), Column("name", "姓名", True), Column("id_number", "身份证号"),
    Column("gender", "性别"), Column("profession", "职业", True), Column("unit_code", "单位代码", True),
    Column("unit_name", "单位名称", True), Column("unit_kind", "单位类型", True), Column("region_code", "区划代码", True),
    Column("specialties", "专长"), Column("phone", "电话"), Column("tags", "标签", absent_ok=True),
    Column("available", "可用", absent_ok=True), Column("note", "备注", absent_ok=True),
))
RELATIONS = SheetSpec("关系", (
    Column("external_id", "专家编号", True), Column("kind", "关系类型", True), Column("name", "姓名或单位", True),
    Column("id_number", "身份证号"), Column("unit_code", "单位代码"), Column("note", "说明"),
))
FORMER_UNITS = SheetSpec("曾任职单位", (
    Column("external_id", "专家编号", True), Column("unit_code", "单位代码", True), Column("until", "离任日期"),
))

NOTES = [
    "专家库导入模板。每个工作表第一行为表头（中文名称，第二行为字段名），请勿修改；从第二行起每行填写一条。",
    "专家：专家编号（如 EXP-0001）唯一且必填；按专家编号更新，表中没有的专家保留不动。",
    "职业：法官/检察官/警察/律师/学者/其他；单位类型：法院/检察院/公安/司法行政/其他；区划代码：六位（GB/T 2260）。",
    "专长可填多项，以“、”“,”“，”或“;”分隔：刑事、民事、行政、执行、治安、信访。标签如：人大代表、政协委员。",
    "可用：是/否（留空则保持原值，新专家默认可用）；备注为可用情况说明。身份证号请以文本格式填写（18 位，末位可为 X）。",
    "关系：关系类型为 近亲属/原同事/利益关系/代理关系/其他；每位专家的关系以本表为准整体替换。",
    "曾任职单位：离任日期写作 2026-03-05；每位专家的曾任职单位以本表为准整体替换。",
]


def template() -> bytes:
    lists = {
        ("专家", "gender"): ["男", "女"], ("专家", "profession"): list(PROFESSION_ZH.values()),
        ("专家", "unit_kind"): list(UNIT_KIND_ZH.values()), ("专家", "available"): ["是", "否"],
        ("关系", "kind"): list(RELATION_ZH.values()),
    }
    return write_template([EXPERTS, RELATIONS, FORMER_UNITS], lists, NOTES)


def read(data: bytes, file_name: str, notices: list[Notice] | None = None) -> list[ExpertInput]:
    """All experts of the workbook, or SheetErrors listing every problem found. Content the reader does
    not use is appended to `notices`."""
    problems = Problems(file_name, notices)
    wb = open_workbook(data, problems)
    if wb is None:
        problems.raise_if_any()
    try:
        unread_sheets(wb, [EXPERTS, RELATIONS, FORMER_UNITS], problems)
        experts: dict[str, dict[str, object]] = {}
        units: dict[str, tuple[UnitInput, int]] = {}
        present: set[str] = set()
        first_row: dict[str, int] = {}  # every id seen, valid row or not
        for c in rows(wb, EXPERTS, problems):
            present = set(c.row.values)
            eid = c.pattern("external_id", RECORD_ID, "is not an id like EXP-0001 (letters, digits, . _ -)")
            if eid is not None and eid in first_row:
                c.fail("external_id", f"{eid} appears twice (first on row {first_row[eid]})")
            if eid is not None:
                first_row.setdefault(eid, c.number)
            fields = _expert_fields(c)
            unit = _unit(c)
            if unit is not None:
                seen = units.get(unit.code)
                if seen is not None and seen[0] != unit:
                    c.fail("unit_code", f"unit {unit.code} is described differently on row {seen[1]}")
                units.setdefault(unit.code, (unit, c.number))
            if c.ok and eid is not None and unit is not None:
                experts[eid] = {**fields, "unit": unit, "row": c.number, "relations": [], "former_units": []}
        for c in rows(wb, RELATIONS, problems):
            eid = _known(c, experts, first_row)
            kind, name = c.choice("kind", RELATION_ZH), c.text("name")
            id_number, unit_code = c.identity("id_number"), c.pattern("unit_code", UNIT_CODE, "is not a unit code")
            note = c.text("note", max_len=500) or ""
            if c.ok and eid and kind and name:
                experts[eid]["relations"].append(RelationInput(kind, name, id_number, unit_code, note))  # type: ignore[attr-defined]
        for c in rows(wb, FORMER_UNITS, problems):
            eid = _known(c, experts, first_row)
            code = c.pattern("unit_code", UNIT_CODE, "is not a unit code")
            until = c.day("until")
            if c.ok and eid and code:
                experts[eid]["former_units"].append(FormerUnitInput(code, until))  # type: ignore[attr-defined]
    finally:
        if wb is not None:
            wb.close()
    problems.raise_if_any()
    result = []
    for eid, f in experts.items():
        result.append(ExpertInput(
            external_id=eid, name=f["name"], id_number=f["id_number"], gender=f["gender"],  # type: ignore[arg-type]
            profession=f["profession"], unit=f["unit"], specialties=f["specialties"] or (),  # type: ignore[arg-type]
            phone=f["phone"], relations=tuple(f["relations"]), former_units=tuple(f["former_units"]),  # type: ignore[arg-type]
            tags=(f["tags"] or ()) if "tags" in present else None,  # type: ignore[arg-type]
            available=f["available"], note=f["note"],  # type: ignore[arg-type]
        ))
    return result


def _expert_fields(c: Cells) -> dict[str, object]:
    gender = c.text("gender", max_len=4)
    if gender is not None and gender not in ("男", "女"):
        c.fail("gender", f"{gender!r} must be 男 or 女")
    return {
        "name": c.text("name", max_len=100), "id_number": c.identity("id_number"), "gender": gender,
        "profession": c.choice("profession", PROFESSION_ZH), "specialties": c.choices("specialties", SPECIALTY_ZH),
        "phone": c.text("phone", max_len=40), "tags": c.items("tags"), "available": c.yes_no("available"),
        "note": c.text("note", max_len=200),
    }


def _unit(c: Cells) -> UnitInput | None:
    code = c.pattern("unit_code", UNIT_CODE, "is not a unit code (letters, digits, . _ -)")
    name = c.text("unit_name", max_len=128)
    kind = c.choice("unit_kind", UNIT_KIND_ZH)
    region = c.pattern("region_code", REGION, "is not a six-digit GB/T 2260 region code")
    if code and name and kind and region:
        return UnitInput(code, name, kind, region)
    return None


def _known(c: Cells, experts: dict[str, dict[str, object]], first_row: dict[str, int]) -> str | None:
    """The row's expert id if that expert was read; a row of an expert with errors adds no problem of its own."""
    eid = c.text("external_id", max_len=64)
    if eid is not None and eid not in first_row:
        c.fail("external_id", f"{eid} is not on the 专家 sheet")
    return eid if eid in experts else None
