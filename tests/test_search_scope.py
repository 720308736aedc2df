"""A search limited to some cases (an expert's panels) finds only their rows. It finds them through
search_index_cases, which stays in step with the index through an import, a re-import with --update and
OCR's re-indexing, and is filled from the index of a workspace made before it (migration 0014)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from reviewdesk.casefiles import search as fts
from reviewdesk.ocr import queue
from reviewdesk.packages import age, minisign
from reviewdesk.services import imports
from reviewdesk.store import migrate
from reviewdesk.store.models import Case, Document
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.packaging import assemble, sample_contents


def _import(desk: OpenWorkspace, office: minisign.SigningKey, recipient: age.Recipient, path: Path, *, update: bool = False) -> dict[str, int]:
    imports.import_package(desk, assemble(sample_contents(3), path, signer=office, recipients=[recipient]), update_existing=update)
    with desk.read_session() as s:
        return dict(s.execute(select(Case.external_id, Case.id)).all())


def _in_step(ws: OpenWorkspace) -> int:
    with ws.read_session() as s:
        index = set(s.execute(text("SELECT rowid, case_id FROM search_index")).all())
        side = set(s.execute(text("SELECT row_id, case_id FROM search_index_cases")).all())
    assert index == side
    return len(index)


def test_a_scoped_search_finds_only_the_cases_in_scope(desk, office, recipient, tmp_path) -> None:
    ids = _import(desk, office, recipient, tmp_path / "p.rdpkg")
    one, two = ids["GS-2026-0001"], ids["GS-2026-0002"]
    with desk.read_session() as s:
        assert {h.case_id for h in fts.search(s, "执行款项")} == set(ids.values())
        for term in ("执行款项", "张某"):  # a text match (three characters or more) and a scan (fewer)
            assert {h.case_id for h in fts.search(s, term, case_ids={one})} == {one}
            assert {h.case_id for h in fts.search(s, term, case_ids={one, two})} == {one, two}
            assert fts.search(s, term, case_ids={max(ids.values()) + 1}) == []
        [hit] = [h for h in fts.search(s, "执行款项", case_ids={two}) if h.title == "起诉书"]
        assert hit.page == 1 and hit.case_number  # the columns of a scoped hit are those of any other


def test_the_case_of_each_index_row_stays_in_step(desk, office, recipient, tmp_path) -> None:
    _import(desk, office, recipient, tmp_path / "p.rdpkg")
    rows = _in_step(desk)
    ids = _import(desk, office, recipient, tmp_path / "again.rdpkg", update=True)  # unindexes, then indexes again
    assert _in_step(desk) == rows
    with desk.write_session() as s, s.begin():
        doc = s.execute(select(Document).where(Document.case_id == ids["GS-2026-0003"], Document.title == "起诉书")).scalar_one()
        queue.reindex(s, doc, ["第一页没有", "第二页写明扣押清单"])
    assert _in_step(desk) == rows
    with desk.read_session() as s:
        [hit] = fts.search(s, "扣押清单", case_ids={ids["GS-2026-0003"]})
        assert hit.ref_id == doc.id
        assert fts.search(s, "扣押清单", case_ids={ids["GS-2026-0001"]}) == []


def test_a_workspace_from_before_gets_the_case_of_every_row(desk, office, recipient, tmp_path) -> None:
    ids = _import(desk, office, recipient, tmp_path / "p.rdpkg")
    migrate.downgrade(desk.engine, "0013")
    folder = desk.workspace.folder
    desk.close()
    reopened = Workspace(folder).open(ADMIN, ADMIN_PW)  # migrates on open
    try:
        assert _in_step(reopened) > 3
        with reopened.read_session() as s:
            one = ids["GS-2026-0001"]
            assert {h.case_id for h in fts.search(s, "执行款项", case_ids={one})} == {one}
    finally:
        reopened.close()
