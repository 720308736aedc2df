"""Roster packages (kind "roster") go through the expert pool's upsert: signed, all or nothing, audited
with counts and ids only; results packages stay refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from reviewdesk.packages import age, minisign
from reviewdesk.services import audit, experts, imports
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import Contents, assemble, valid_id

EXPERT: dict[str, Any] = {
    "id": "EXP-0001", "name": "赵某", "id_number": valid_id(), "gender": "女", "profession": "judge",
    "unit": {"code": "GS-TS-ZY", "name": "天水市中级人民法院", "kind": "court", "region_code": "620500"},
    "specialties": ["enforcement", "civil"], "phone": "0938-0000000",
    "relations": [{"kind": "near_relative", "name": "李某", "id_number": None, "note": "配偶"}],
    "former_units": [{"code": "GS-CGQ-FY", "until": "2019-06-30"}],
}


def roster(package_id: str, experts_: list[dict[str, Any]]) -> Contents:
    return Contents({
        "format": "reviewdesk-package", "version": 1, "kind": "roster", "package_id": package_id,
        "created_at": "2026-11-20T10:00:00+08:00", "issuer": {"name": "某省委政法委", "key_id": "0000000000000000"},
        "cases": [], "files": [], "experts": experts_,
    })


def test_roster_package_upserts_the_pool(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    first = assemble(roster("3f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e11", [EXPERT]), tmp_path / "r1.rdpkg", signer=office, recipients=[recipient])
    result = imports.import_package(desk, first)
    assert result.kind == "roster" and result.experts == {
        "added": 1, "changed": 0, "unchanged": 0, "not_in_file": 0, "units_added": 1, "units_changed": 0,
    }
    detail = experts.expert_detail(desk, "EXP-0001")
    assert detail.source == "package:3f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e11"
    assert detail.row.specialties == ("civil", "enforcement") and detail.relations[0].name == "李某"
    assert detail.former_units[0].until == "2019-06-30"

    # Local bookkeeping survives a roster update (the package says nothing about it).
    experts.set_availability(desk, "EXP-0001", False, "病假")
    experts.set_tags(desk, "EXP-0001", ["人大代表"])
    changed = copy.deepcopy(EXPERT)
    changed["profession"] = "prosecutor"
    changed["relations"] = []
    second_expert = {**copy.deepcopy(EXPERT), "id": "EXP-0002", "id_number": None, "relations": [], "former_units": []}
    second = assemble(roster("4f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e12", [changed, second_expert]), tmp_path / "r2.rdpkg", signer=office, recipients=[recipient])
    result = imports.import_package(desk, second)
    assert result.experts is not None and (result.experts["added"], result.experts["changed"]) == (1, 1)
    row = experts.expert_detail(desk, "EXP-0001")
    assert row.row.profession == "prosecutor" and row.relations == ()
    assert (row.row.available, row.row.availability_note, row.row.tags) == (False, "病假", ("人大代表",))

    entries = audit.show(desk, audit.AuditFilter(action="package.import"))
    assert entries[-1].details["changed_ids"] == ["EXP-0001"] and entries[-1].details["added_ids"] == ["EXP-0002"]
    dumped = json.dumps([e.to_json() for e in audit.show(desk, limit=1000)], ensure_ascii=False)
    assert "赵某" not in dumped and "李某" not in dumped and valid_id() not in dumped


def test_bad_roster_is_refused_with_nothing_stored(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    bad = copy.deepcopy(EXPERT)
    bad["profession"] = "astronaut"
    path = assemble(roster("5f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e13", [EXPERT, bad | {"id": "EXP-0002"}]), tmp_path / "bad.rdpkg", signer=office, recipients=[recipient])
    with pytest.raises(imports.PackageRejected, match=r"experts\[1\]\.profession"):
        imports.import_package(desk, path)
    assert experts.list_experts(desk) == []


def test_results_packages_stay_refused(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path) -> None:
    contents = roster("6f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e14", [])
    contents.manifest["kind"] = "results"
    contents.manifest["experts"] = []
    contents.manifest["campaign"] = {"id": "C-2026", "name": "2026 年评查"}
    path = assemble(contents, tmp_path / "res.rdpkg", signer=office, recipients=[recipient])
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(desk, path)
    assert err.value.reason_code == "kind"
