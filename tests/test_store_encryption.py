"""Nothing written through the services lands on disk in plaintext: not in the database, not in its journal."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from reviewdesk.services import campaigns, users
from reviewdesk.store.models import Role, Unit, User
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import USER_PW

MARKER = "MARKER-评查秘密-7f3a9c"


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _needles() -> list[bytes]:
    return [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), b"MARKER-", "评查秘密".encode()]


def test_marker_is_in_neither_database_nor_journal(admin_ws: OpenWorkspace) -> None:
    users.add_user(admin_ws, "expert7", MARKER, Role.EXPERT.value, USER_PW)
    campaigns.add_unit(admin_ws, "U-1", MARKER, "court", "620102")
    campaigns.create_campaign(admin_ws, "C-1", MARKER, 2026)
    folder = admin_ws.workspace.folder
    journal = folder / "reviewdesk.db-journal"
    # In the middle of a write that touches those pages, the journal holds their old content: it must exist,
    # hold data and still be ciphertext.
    with admin_ws.write_session() as session, session.begin():
        session.execute(update(User).where(User.username == "expert7").values(display_name="另一个名字"))
        session.execute(update(Unit).values(name="另一个单位"))
        session.flush()
        assert journal.exists() and journal.stat().st_size > 0
        files = _all_bytes(folder)
        session.rollback()
    assert not files["reviewdesk.db"].startswith(b"SQLite format 3")
    for name, data in files.items():
        for needle in _needles():
            assert needle not in data, f"plaintext marker found in {name}"
    # Reading back proves the marker really went through the store.
    assert any(u.display_name == MARKER for u in users.list_users(admin_ws))
    admin_ws.close()
    for name, data in _all_bytes(folder).items():
        for needle in _needles():
            assert needle not in data, f"plaintext marker found in {name} after close"


def test_backup_file_has_no_plaintext(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    from reviewdesk.services import maintenance

    users.add_user(admin_ws, "expert8", MARKER, Role.EXPERT.value, USER_PW)
    path = maintenance.backup(admin_ws, tmp_path / "b.rdbak")
    data = path.read_bytes()
    for needle in _needles():
        assert needle not in data
    assert b"SQLite format 3" not in data


def test_key_slot_file_does_not_list_user_names(admin_ws: OpenWorkspace) -> None:
    users.add_user(admin_ws, "wangfang", "王芳", "expert", USER_PW)
    text = admin_ws.workspace.slots_path.read_text(encoding="utf-8")
    assert "wangfang" not in text and "admin" not in text and USER_PW not in text
