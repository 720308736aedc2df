"""The `cases` entries of a results package (kind `results`): one review result per case, validated strictly.

The shape is documented in docs/results-package.md. Every key is known, every type and enum checked, and an
error names the JSON path (`cases[2].sheets[0].items[3].points`). The validated entry is kept as given (`body`):
with unknown keys refused and every value checked, it is the exact result the sending workstation recorded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from reviewdesk.packages.manifest import FileRecord, ManifestError, _Obj, _timestamp

PANEL_ROLES = ("leader", "member")
OUTCOMES = ("wrong", "flawed", "none")
CONSOLIDATIONS = ("mean", "median")
OPINION_MEDIA_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
)
MAX_SCORE = 1000.0  # far above any rubric's maximum; catches garbage, not policy
AUDIT_LOG = "audit.jsonl"  # the exporting workstation's audit entries, one JSON object a line
AUDIT_CHECKPOINT = "audit-checkpoint.json"  # its signed checkpoint of that log's head
AUDIT_MEMBERS = (AUDIT_LOG, AUDIT_CHECKPOINT)


@dataclass(frozen=True)
class ResultRecord:
    id: str  # the case id (external id, as in the cases package)
    case_number: str
    campaign: str
    expert_ids: tuple[str, ...]  # the panel's
    sheet_count: int
    concluded: bool
    opinion_paths: tuple[str, ...]
    body: dict[str, Any] = field(repr=False, compare=False)


def _obj(value: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> _Obj:
    return _Obj(value, where, required, optional)


def _error(where: str, reason: str) -> ManifestError:
    return ManifestError(where, reason)


def _number(o: _Obj, key: str, minimum: float = -MAX_SCORE, maximum: float = MAX_SCORE) -> float:
    value = o.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(o.at(key), "must be a number")
    if isinstance(value, float) and not math.isfinite(value):  # an int is compared exactly, however long
        raise _error(o.at(key), "must be a finite number")
    if not minimum <= value <= maximum:
        raise _error(o.at(key), f"must be between {minimum:g} and {maximum:g}")
    return float(value)


def _flag(o: _Obj, key: str) -> bool:
    value = o.get(key)
    if not isinstance(value, bool):
        raise _error(o.at(key), "must be true or false")
    return value


def _stamp(o: _Obj, key: str) -> None:
    _timestamp(o, key)


def _panel(o: _Obj) -> tuple[str, ...]:
    ids: list[str] = []
    leaders = 0
    for w, member in o.items("panel", max_items=50):
        m = _obj(member, w, ("expert_id", "name", "role"))
        expert_id = m.record_id("expert_id")
        if expert_id in ids:
            raise _error(m.at("expert_id"), f"{expert_id} is on the panel twice")
        ids.append(expert_id)
        m.req("name", max_len=100)
        leaders += m.choice("role", PANEL_ROLES) == "leader"
    if not ids:
        raise _error(o.at("panel"), "a reviewed case has a panel of at least one member")
    if leaders != 1:
        raise _error(o.at("panel"), f"must have exactly one leader, has {leaders}")
    return tuple(ids)


def _sheet(value: Any, where: str) -> tuple[str, set[str]]:
    """The sheet's expert id and the items it deducts on (points above zero, or a veto)."""
    s = _obj(value, where, ("expert_id", "rubric", "version", "total", "grade", "veto", "comment", "items", "submitted_at"))
    expert_id = s.record_id("expert_id")
    r = _obj(s.get("rubric"), s.at("rubric"), ("code", "version"))
    r.record_id("code")
    r.integer("version", 1, 1_000_000)
    s.integer("version", 1, 1_000_000)
    _number(s, "total")
    s.req("grade", max_len=16)
    _flag(s, "veto")
    s.text("comment", max_len=200_000, allow_empty=True, lines=True)
    codes: set[str] = set()
    deducted: set[str] = set()
    for iw, item in s.items("items", max_items=1000):
        i = _obj(item, iw, ("code", "points", "reason", "evidence", "veto"))
        code = i.req("code", max_len=32)
        if code in codes:
            raise _error(i.at("code"), f"item {code} appears twice on the sheet")
        codes.add(code)
        points = _number(i, "points")
        i.text("reason", max_len=20_000, allow_empty=True, lines=True)
        i.text("evidence", max_len=200, allow_empty=True)
        if _flag(i, "veto") or points > 0:
            deducted.add(code)
    _stamp(s, "submitted_at")
    return expert_id, deducted


def _optional_list(o: _Obj, key: str, max_items: int) -> list[tuple[str, Any]] | None:
    """An optional list field: absent when the writer did not record it; present, a list (never null)."""
    return None if key not in o.value else o.items(key, max_items=max_items)


def _basis(f: _Obj, deductions: dict[str, set[str]]) -> None:
    """A finding's optional links to the deductions it rests on: each names a sheet of this case and an item
    that sheet deducts on, once; an empty list needs the finding's `basis_reason`."""
    basis = _optional_list(f, "basis", 1000)
    reason = f.text("basis_reason", max_len=20_000, optional=True, allow_empty=True, lines=True)
    if basis is None:
        return
    seen: set[tuple[str, str]] = set()
    for bw, ref in basis:
        b = _obj(ref, bw, ("expert_id", "item_code"))
        expert_id, code = b.record_id("expert_id"), b.req("item_code", max_len=32)
        if expert_id not in deductions:
            raise _error(b.at("expert_id"), f"{expert_id} has no sheet for this case")
        if code not in deductions[expert_id]:
            raise _error(b.at("item_code"), f"the sheet of {expert_id} makes no deduction on item {code}")
        if (expert_id, code) in seen:
            raise _error(bw, f"the deduction {expert_id}/{code} is listed twice")
        seen.add((expert_id, code))
    if not basis and not (reason or "").strip():
        raise _error(f.at("basis_reason"), "required when the finding rests on no deduction (basis is [])")


def _conclusion(value: Any, where: str, deductions: dict[str, set[str]]) -> None:
    c = _obj(
        value, where,
        ("score", "consolidation", "computed_grade", "grade", "grade_reason", "outcome", "veto_kept", "findings",
         "majority_view", "minority_view", "actions", "version", "concluded_by", "concluded_at"),
        ("outcome_reason",),
    )
    _number(c, "score")
    c.choice("consolidation", CONSOLIDATIONS)
    c.req("computed_grade", max_len=16)
    grade = c.req("grade", max_len=16)
    reason = c.text("grade_reason", max_len=20_000, allow_empty=True, lines=True)
    if grade != c.get("computed_grade") and not (reason or "").strip():
        raise _error(c.at("grade_reason"), "required when grade differs from computed_grade")
    outcome = c.choice("outcome", OUTCOMES)
    _flag(c, "veto_kept")
    findings = c.items("findings", max_items=1000)
    for fw, finding in findings:
        f = _obj(finding, fw, ("category", "description", "evidence_ref", "item_code"), ("basis", "basis_reason"))
        f.req("category", max_len=32)
        f.req("description", max_len=20_000, lines=True)
        f.text("evidence_ref", max_len=200, allow_empty=True)
        f.text("item_code", max_len=32, optional=True)
        _basis(f, deductions)
    if outcome != "none" and not findings:
        raise _error(c.at("findings"), f"a case with outcome {outcome} needs at least one finding")
    c.req("majority_view", max_len=200_000, lines=True)
    c.text("minority_view", max_len=200_000, allow_empty=True, lines=True)
    a = _obj(c.get("actions"), c.at("actions"), ("correction", "referral"))
    corr = _obj(a.get("correction"), a.at("correction"), ("required", "deadline"))
    required = _flag(corr, "required")
    deadline = corr.day("deadline", optional=True)
    if required and deadline is None:
        raise _error(corr.at("deadline"), "required when a correction is required")
    ref = _obj(a.get("referral"), a.at("referral"), ("suggested", "reason"), ("findings",))
    suggested = _flag(ref, "suggested")
    ref_reason = ref.text("reason", max_len=20_000, allow_empty=True, lines=True)
    if suggested and not (ref_reason or "").strip():
        raise _error(ref.at("reason"), "required when a referral is suggested")
    backing = _optional_list(ref, "findings", 1000)
    if backing is not None:
        positions: set[int] = set()
        for bw, n in backing:
            if type(n) is not int or not 1 <= n <= len(findings):
                raise _error(bw, f"must be the position (1 to {len(findings)}) of one of the findings")
            if n in positions:
                raise _error(bw, f"finding {n} is listed twice")
            positions.add(n)
        if suggested and not positions:
            raise _error(ref.at("findings"), "a suggested referral names the findings that back it")
        if not suggested and positions:
            raise _error(ref.at("findings"), "must be [] when no referral is suggested")
    c.text("outcome_reason", max_len=20_000, optional=True, allow_empty=True, lines=True)
    c.integer("version", 1, 1_000_000)
    c.req("concluded_by", max_len=64)
    _stamp(c, "concluded_at")


def _opinion(value: Any, where: str, case_id: str, files: dict[str, FileRecord]) -> tuple[str, ...]:
    o = _obj(value, where, ("number", "files"))
    o.req("number", max_len=120)
    paths: list[str] = []
    for fw, entry in o.items("files", max_items=10):
        f = _obj(entry, fw, ("path", "media_type"))
        path = f.req("path", max_len=1000)
        record = files.get(path)
        if record is None:
            raise _error(f.at("path"), f"{path!r} is not listed in files")
        if record.case_id != case_id:
            raise _error(f.at("path"), f"the files entry of {path!r} must name case_id {case_id}")
        media_type = f.choice("media_type", OPINION_MEDIA_TYPES)
        if record.media_type != media_type:
            raise _error(f.at("media_type"), f"differs from the files entry ({record.media_type})")
        if path in paths:
            raise _error(f.at("path"), f"{path!r} listed twice")
        paths.append(path)
    if not paths:
        raise _error(o.at("files"), "an opinion has at least one file")
    return tuple(paths)


def _result(value: Any, where: str, campaign_id: str | None, files: dict[str, FileRecord]) -> ResultRecord:
    o = _obj(value, where, ("id", "case_number", "campaign", "panel", "sheets", "conclusion", "opinion"))
    case_id = o.record_id("id")
    case_number = o.req("case_number", max_len=200)
    campaign = o.record_id("campaign")
    if campaign != campaign_id:
        raise _error(o.at("campaign"), f"{campaign} is not the package's campaign {campaign_id}")
    expert_ids = _panel(o)
    deductions: dict[str, set[str]] = {}
    for sw, sheet in o.items("sheets", max_items=50):
        expert_id, deducted = _sheet(sheet, sw)
        if expert_id in deductions:
            raise _error(f"{sw}.expert_id", f"{expert_id} has two sheets for this case")
        deductions[expert_id] = deducted
    concluded = o.get("conclusion") is not None
    if concluded:
        _conclusion(o.get("conclusion"), o.at("conclusion"), deductions)
    opinion_paths: tuple[str, ...] = ()
    if o.get("opinion") is not None:
        if not concluded:
            raise _error(o.at("opinion"), "an opinion needs the panel's conclusion")
        opinion_paths = _opinion(o.get("opinion"), o.at("opinion"), case_id, files)
    return ResultRecord(case_id, case_number, campaign, expert_ids, len(deductions), concluded, opinion_paths, value)


def parse_results(items: list[tuple[str, Any]], campaign_id: str | None, files: tuple[FileRecord, ...]) -> tuple[ResultRecord, ...]:
    """The results of a results package, cross-checked with its files: each opinion file is listed in `files`
    under its case and named by exactly one result; other files are only the audit log members."""
    by_path = {f.path: f for f in files}
    results: list[ResultRecord] = []
    ids: dict[str, int] = {}
    claimed: dict[str, str] = {}
    for i, (where, value) in enumerate(items):
        record = _result(value, where, campaign_id, by_path)
        if record.id in ids:
            raise _error(f"{where}.id", f"{record.id} duplicates cases[{ids[record.id]}].id")
        ids[record.id] = i
        for path in record.opinion_paths:
            if path in claimed:
                raise _error(f"{where}.opinion.files", f"{path!r} is already the opinion of {claimed[path]}")
            claimed[path] = record.id
        results.append(record)
    for i, f in enumerate(files):
        if f.path in AUDIT_MEMBERS:
            if f.case_id is not None:
                raise _error(f"files[{i}].case_id", f"must be absent for {f.path}")
        elif f.path not in claimed:
            raise _error(f"files[{i}].path", "not an opinion named by a case nor an audit log member")
    return tuple(results)
