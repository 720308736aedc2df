"""Cases are stored in rounds of bulk statements: every handler, party and counsel lands on its own case and
party, and each case gets its one search entry, across round boundaries and with new and updated cases mixed
in one round."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewdesk.packages import age, minisign
from reviewdesk.services import imports
from reviewdesk.store.models import Case, CaseHandler, CaseParty, PartyCounsel
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import assemble, sample_case, sample_contents


def _case(n: int) -> dict:
    return sample_case(
        f"GS-2026-{n:04d}",
        handlers=[{"name": f"承办人{n}", "id_number": None, "unit_code": "GS-CGQ-FY", "role": "承办法官"}],
        parties=[
            {"name": f"原告{n}", "kind": "person", "id_number": None, "role": "原告",
             "counsel": [{"name": f"律师{n}甲", "firm": "某律师事务所"}, {"name": f"律师{n}乙", "firm": "另一律师事务所"}]},
            {"name": f"被告{n}", "kind": "organization", "id_number": None, "role": "被告", "counsel": []},
        ],
    )


def test_rounds_keep_every_person_on_its_own_case(
    desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    imports.import_package(desk, assemble(sample_contents(3), tmp_path / "first.rdpkg", signer=office, recipients=[recipient]))
    monkeypatch.setattr(imports, "CASE_BATCH", 2)  # rounds [1, 2] [3, 4] [5]: updated and new cases together
    contents = sample_contents(1)
    contents.manifest["cases"] = [_case(n) for n in range(1, 6)]
    contents.manifest["files"], contents.files = [], {}
    result = imports.import_package(
        desk, assemble(contents, tmp_path / "second.rdpkg", signer=office, recipients=[recipient]), update_existing=True,
    )
    assert (result.cases, result.updated_cases) == (2, 3)
    with desk.read_session() as s:
        ids = dict(s.execute(select(Case.external_id, Case.id)).all())
        assert len(ids) == 5
        for n in range(1, 6):
            case_id = ids[f"GS-2026-{n:04d}"]
            assert s.execute(select(CaseHandler.name).where(CaseHandler.case_id == case_id)).scalars().all() == [f"承办人{n}"]
            parties = dict(s.execute(select(CaseParty.name, CaseParty.id).where(CaseParty.case_id == case_id)).all())
            assert set(parties) == {f"原告{n}", f"被告{n}"}
            counsel = s.execute(select(PartyCounsel.name).where(PartyCounsel.party_id == parties[f"原告{n}"])).scalars()
            assert sorted(counsel) == [f"律师{n}乙", f"律师{n}甲"]
            assert not s.execute(select(PartyCounsel.id).where(PartyCounsel.party_id == parties[f"被告{n}"])).first()
            [body] = s.execute(text("SELECT body FROM search_index WHERE kind = 'case' AND case_id = :c"), {"c": case_id}).scalars()
            assert f"原告{n}" in body and f"律师{n}甲" in body and f"承办人{n}" in body
        index = set(s.execute(text("SELECT rowid, case_id FROM search_index")).all())
        assert index == set(s.execute(text("SELECT row_id, case_id FROM search_index_cases")).all())
