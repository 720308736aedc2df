"""Migrate on open after an encrypted backup; backup and restore round trips; refusing what cannot be opened."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reviewdesk.errors import AuthError, PermissionDenied, WorkspaceError
from reviewdesk.services import maintenance, users
from reviewdesk.store import migrate
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import raw_connect


def test_new_workspace_is_at_head(admin_ws: OpenWorkspace) -> None:
    assert migrate.current_revision(admin_ws.engine) == migrate.head_revision()
    with admin_ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "truncate"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a commit is on disk
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_old_schema_is_backed_up_then_migrated_on_open(admin_ws: OpenWorkspace) -> None:
    folder = admin_ws.workspace.folder
    migrate.downgrade(admin_ws.engine, "0001")
    admin_ws.close()
    reopened = Workspace(folder).open(ADMIN, ADMIN_PW)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    backups = list((folder / "backups").glob("pre-migrate-0001-to-*.rdbak"))
    assert len(backups) == 1
    with zipfile.ZipFile(backups[0]) as zf:
        db = zf.read("reviewdesk.db")
    assert not db.startswith(b"SQLite format 3")  # the backup is encrypted too
    reopened.close()


def test_schema_from_a_newer_version_is_refused(admin_ws: OpenWorkspace) -> None:
    conn = raw_connect(admin_ws.workspace.db_path, admin_ws.data_key)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace(admin_ws.workspace.folder).open(ADMIN, ADMIN_PW)


def test_backup_restores_into_a_fresh_folder(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    users.add_user(admin_ws, "zhanghua", "张华", "expert", USER_PW)
    path = maintenance.backup(admin_ws, tmp_path / "one.rdbak")
    elsewhere = Workspace(tmp_path / "restored")
    restored = elsewhere.restore(path, ADMIN, ADMIN_PW)
    assert {u.username for u in users.list_users(restored)} == {ADMIN, "zhanghua"}
    restored.close()
    Workspace(tmp_path / "restored").open("zhanghua", USER_PW).close()


def test_restore_keeps_the_replaced_files_and_rolls_back_later_changes(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    path = maintenance.backup(admin_ws, tmp_path / "before.rdbak")
    users.add_user(admin_ws, "later", "后加", "expert", USER_PW)
    folder = admin_ws.workspace.folder
    admin_ws.close()
    restored = Workspace(folder).restore(path, ADMIN, ADMIN_PW)
    assert "later" not in {u.username for u in users.list_users(restored)}
    restored.close()
    aside = list(folder.glob("replaced-*"))
    assert len(aside) == 1 and (aside[0] / "reviewdesk.db").exists() and (aside[0] / "keyslots.json").exists()


def test_restore_with_wrong_password_or_non_admin_changes_nothing(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    users.add_user(admin_ws, "observer1", "观察员", "observer", USER_PW)
    path = maintenance.backup(admin_ws, tmp_path / "b.rdbak")
    folder = admin_ws.workspace.folder
    admin_ws.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(AuthError):
        Workspace(folder).restore(path, ADMIN, "wrong-password")
    with pytest.raises(PermissionDenied):
        Workspace(folder).restore(path, "observer1", USER_PW)
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != "login-throttle.json"}
    assert after == {k: v for k, v in before.items() if k != "login-throttle.json"}
    assert not list(folder.glob("replaced-*")) and not list(folder.glob(".restore-*"))


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"SQLite format 3\x00"])
def test_damaged_backup_is_refused(admin_ws: OpenWorkspace, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.rdbak"
    bad.write_bytes(content)
    with pytest.raises(WorkspaceError, match="not a ReviewDesk backup"):
        Workspace(tmp_path / "target").restore(bad, ADMIN, ADMIN_PW)
    assert not (tmp_path / "target" / "reviewdesk.db").exists()


def test_migration_0008_links_existing_findings_or_marks_them_for_review(demo_folder: Path) -> None:
    """An office workspace from before 0008: findings whose evidence matches a member's deduction get linked;
    one that matches none is marked for the leader, and its opinion is not issued until re-recorded."""
    import pytest as _pytest
    from sqlalchemy import text

    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from reviewdesk.errors import ValidationError
    from reviewdesk.services import deliberation, documents

    opened = Workspace(demo_folder).open(DEMO_ADMIN, DEMO_PASSWORD)
    migrate.downgrade(opened.engine, "0007")
    with opened.engine.begin() as conn:
        total = conn.execute(text("SELECT count(*) FROM conclusion_findings")).scalar()
        lone, case_id = conn.execute(text("SELECT id, case_id FROM conclusion_findings ORDER BY id LIMIT 1")).one()
        conn.execute(text("UPDATE conclusion_findings SET evidence_ref = '卷9第999页', item_code = NULL WHERE id = :i"),
                     {"i": lone})
    opened.close()
    reopened = Workspace(demo_folder).open(DEMO_ADMIN, DEMO_PASSWORD)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        with reopened.engine.connect() as conn:
            marked = conn.execute(text("SELECT id FROM conclusion_findings WHERE needs_review")).scalars().all()
            linked = conn.execute(text("SELECT DISTINCT finding_id FROM finding_deductions")).scalars().all()
            flagged = conn.execute(text("SELECT case_id FROM conclusions WHERE needs_review")).scalars().all()
        assert marked == [lone] and lone not in linked and len(linked) == total - 1
        assert flagged == [case_id]
        view = deliberation.deliberation(reopened, str(case_id))
        assert view.conclusion is not None and view.conclusion.needs_review
        assert [f.needs_review for f in view.conclusion.findings].count(True) == 1
        with _pytest.raises(ValidationError, match="needs the leader's review"):
            documents.render_opinion(reopened, str(case_id), "pdf")
        assert documents.render_opinion(reopened, str(case_id), "pdf", draft=True).number is None
    finally:
        reopened.close()
