"""Comparing the results two or more packages carry for one case: equal, or which fields differ.

Two results are the same when their canonical JSON is (same digest), wherever they came from. Otherwise the
differing fields are named by paths a reader understands: `panel`, `sheets[EXP-0001].total`,
`conclusion.grade`, `opinion.number` … Sheets are matched by expert id, not by position.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from reviewdesk.audit.chain import canonical_json

MISSING: Any = None  # a sheet or conclusion one source has and another has not compares as null


def canonical(body: dict[str, Any]) -> str:
    return canonical_json(body)


def digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


def _fields(body: dict[str, Any]) -> dict[str, Any]:
    """The comparable fields of one result, flattened to named paths."""
    out: dict[str, Any] = {"case_number": body.get("case_number"), "panel": body.get("panel")}
    for sheet in body.get("sheets") or []:
        for key, value in sheet.items():
            if key != "expert_id":
                out[f"sheets[{sheet['expert_id']}].{key}"] = value
    conclusion = body.get("conclusion")
    if conclusion is None:
        out["conclusion"] = None
    else:
        for key, value in conclusion.items():
            out[f"conclusion.{key}"] = value
    opinion = body.get("opinion")
    if opinion is None:
        out["opinion"] = None
    else:
        for key, value in opinion.items():
            out[f"opinion.{key}"] = value
    return out


def _order(path: str) -> tuple[int, str]:
    rank = ("case_number", "panel", "sheets", "conclusion", "opinion")
    head = path.split("[", 1)[0].split(".", 1)[0]
    return (rank.index(head) if head in rank else len(rank), path)


def differences(bodies: Sequence[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
    """(field path, each body's value) for every field whose values are not all equal. A sheet only some bodies
    have shows as `sheets[ID]` with null for the others; a conclusion only some have as `conclusion`."""
    flat = [_fields(b) for b in bodies]
    sheet_ids = [{s["expert_id"] for s in b.get("sheets") or []} for b in bodies]
    all_ids = set().union(*sheet_ids) if sheet_ids else set()
    out: list[tuple[str, list[Any]]] = []
    for expert_id in sorted(all_ids):
        if not all(expert_id in ids for ids in sheet_ids):
            out.append((f"sheets[{expert_id}]", [_summary(b, expert_id) for b in bodies]))
    partial = {path for path, _v in out}
    for which in ("conclusion", "opinion"):
        present = [b.get(which) is not None for b in bodies]
        if any(present) and not all(present):
            out.append((which, [b.get(which) for b in bodies]))
            partial.add(which)
    paths = sorted(set().union(*flat), key=_order) if flat else []
    for path in paths:
        head = path.split(".", 1)[0]
        if head in partial or path in partial:
            continue
        values = [f.get(path, MISSING) for f in flat]
        if any(canonical_json(v) != canonical_json(values[0]) for v in values[1:]):
            out.append((path, values))
    return sorted(out, key=lambda pv: _order(pv[0]))


def _summary(body: dict[str, Any], expert_id: str) -> dict[str, Any] | None:
    sheet = next((s for s in body.get("sheets") or [] if s["expert_id"] == expert_id), None)
    if sheet is None:
        return None
    return {k: sheet[k] for k in ("version", "total", "grade", "veto", "submitted_at")}
