"""Opening the workspace: passwords, the throttle, the recovery code, password changes and key rotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewdesk.errors import AuthError, ThrottledError, ValidationError, WorkspaceError
from reviewdesk.security import throttle as throttle_mod
from reviewdesk.security.keyslots import KeySlotFile, new_data_key
from reviewdesk.services import account, maintenance, users
from reviewdesk.store.engine import check_key
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.helpers import raw_connect


def test_wrong_password_and_unknown_user_fail_the_same_way(admin_ws: OpenWorkspace) -> None:
    ws = Workspace(admin_ws.workspace.folder)
    with pytest.raises(AuthError) as wrong_pw:
        ws.open(ADMIN, "not-the-password")
    with pytest.raises(AuthError) as unknown:
        ws.open("nobody", ADMIN_PW)
    assert str(wrong_pw.value) == str(unknown.value) == "wrong user or password"
    assert wrong_pw.value.message_zh == "用户名或密码错误"


def test_no_workspace_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace at"):
        Workspace(tmp_path / "none").open(ADMIN, ADMIN_PW)


def test_create_refuses_existing_workspace_and_weak_password(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace(admin_ws.workspace.folder).create("other", "", "long-enough-pw")
    with pytest.raises(ValidationError, match="at least 8"):
        Workspace(tmp_path / "w2").create(ADMIN, "", "short")
    assert not (tmp_path / "w2" / "reviewdesk.db").exists()


def test_throttle_grows_and_survives_restart(admin_ws: OpenWorkspace, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = admin_ws.workspace.folder
    for _ in range(throttle_mod.FREE_ATTEMPTS):
        with pytest.raises(AuthError):
            Workspace(folder).open(ADMIN, "wrong-password")
    # A new Workspace object (as after restarting the app) still knows about the failures.
    with pytest.raises(ThrottledError) as err:
        Workspace(folder).open(ADMIN, ADMIN_PW)
    assert err.value.wait_seconds >= 1
    assert "秒后再试" in err.value.message_zh
    assert throttle_mod.delay_after(3) < throttle_mod.delay_after(5) < throttle_mod.delay_after(8)
    assert throttle_mod.delay_after(100) == throttle_mod.MAX_DELAY_S
    # Once the delay has passed, the right password works and resets the counter.
    stored = json.loads((folder / "login-throttle.json").read_text())
    stored["last_failure"] -= 3600
    (folder / "login-throttle.json").write_text(json.dumps(stored))
    Workspace(folder).open(ADMIN, ADMIN_PW).close()
    assert not (folder / "login-throttle.json").exists()


def test_recovery_code_opens_and_sets_new_password(recovery: tuple[OpenWorkspace, str]) -> None:
    opened, code = recovery
    folder = opened.workspace.folder
    opened.close()
    messy = code.lower().replace("-", " ")  # typed by hand from paper
    restored = Workspace(folder).recover(messy, ADMIN, "brand-new-pass-1")
    assert restored.actor.username == ADMIN
    restored.close()
    with pytest.raises(AuthError):
        Workspace(folder).open(ADMIN, ADMIN_PW)
    Workspace(folder).open(ADMIN, "brand-new-pass-1").close()


def test_wrong_recovery_code_is_refused(recovery: tuple[OpenWorkspace, str]) -> None:
    opened, code = recovery
    wrong = ("0" if code[0] != "0" else "1") + code[1:]
    with pytest.raises(WorkspaceError, match="wrong recovery code"):
        Workspace(opened.workspace.folder).recover(wrong, ADMIN, "brand-new-pass-1")
    with pytest.raises(WorkspaceError, match="wrong recovery code"):
        Workspace(opened.workspace.folder).recover("not a code", ADMIN, "brand-new-pass-1")


def test_password_change_rewraps_only_that_slot(admin_ws: OpenWorkspace) -> None:
    users.add_user(admin_ws, "zhanghua", "张华", "expert", USER_PW)
    folder = admin_ws.workspace.folder
    expert = Workspace(folder).open("zhanghua", USER_PW)
    with pytest.raises(AuthError):
        users.change_own_password(expert, "wrong-old-pass", "another-pass-2")
    users.change_own_password(expert, USER_PW, "another-pass-2")
    expert.close()
    with pytest.raises(AuthError):
        Workspace(folder).open("zhanghua", USER_PW)
    Workspace(folder).open("zhanghua", "another-pass-2").close()
    Workspace(folder).open(ADMIN, ADMIN_PW).close()  # the admin's slot is untouched


def test_disabled_user_cannot_log_in_and_loses_slot(admin_ws: OpenWorkspace) -> None:
    users.add_user(admin_ws, "liming", "李明", "expert", USER_PW)
    users.disable_user(admin_ws, "liming")
    folder = admin_ws.workspace.folder
    assert not KeySlotFile.load(folder / "keyslots.json").has_user("liming")
    with pytest.raises(AuthError):
        Workspace(folder).open("liming", USER_PW)
    users.enable_user(admin_ws, "liming", "fresh-pass-123")
    Workspace(folder).open("liming", "fresh-pass-123").close()


def test_rekey_changes_the_database_key_and_keeps_every_slot_working(recovery: tuple[OpenWorkspace, str]) -> None:
    opened, code = recovery
    users.add_user(opened, "wangfang", "王芳", "expert", USER_PW)
    old_key = opened.data_key
    maintenance.rekey(opened)
    new_key = opened.data_key
    assert new_key != old_key
    db = opened.workspace.db_path
    assert account.whoami(opened).username == ADMIN  # the open workspace keeps working on the new key
    opened.close()
    assert not check_key(db, old_key) and check_key(db, new_key)
    Workspace(db.parent).open("wangfang", USER_PW).close()
    Workspace(db.parent).recover(code, ADMIN, "after-rekey-pass").close()


def test_rotation_interrupted_after_reencryption_is_finished_on_open(admin_ws: OpenWorkspace) -> None:
    """Crash after PRAGMA rekey but before the slots were rewritten: the staged key must win."""
    folder = admin_ws.workspace.folder
    old_key = admin_ws.data_key
    admin_ws.close()
    next_key = new_data_key()
    slots = KeySlotFile.load(folder / "keyslots.json")
    slots.stage_next_key(next_key)
    slots.save()
    conn = raw_connect(folder / "reviewdesk.db", old_key)
    conn.execute(f"PRAGMA rekey = \"x'{next_key.hex()}'\"")
    conn.close()
    reopened = Workspace(folder).open(ADMIN, ADMIN_PW)
    assert reopened.data_key == next_key
    reopened.close()
    assert "next_data_key" not in (folder / "keyslots.json").read_text()


def test_rotation_interrupted_before_reencryption_is_undone_on_open(admin_ws: OpenWorkspace) -> None:
    folder = admin_ws.workspace.folder
    old_key = admin_ws.data_key
    admin_ws.close()
    slots = KeySlotFile.load(folder / "keyslots.json")
    slots.stage_next_key(new_data_key())
    slots.save()
    reopened = Workspace(folder).open(ADMIN, ADMIN_PW)
    assert reopened.data_key == old_key
    reopened.close()
    assert "next_data_key" not in (folder / "keyslots.json").read_text()


def test_sealed_blobs_cannot_be_moved_between_slots(admin_ws: OpenWorkspace) -> None:
    users.add_user(admin_ws, "zhaoqiang", "赵强", "expert", USER_PW)
    path = admin_ws.workspace.slots_path
    doc = json.loads(path.read_text())
    user_slots = [s for s in doc["slots"] if s["kind"] == "user"]
    a, b = user_slots[0], user_slots[1]
    a["private_key"], b["private_key"] = b["private_key"], a["private_key"]
    path.write_text(json.dumps(doc))
    with pytest.raises(AuthError):
        Workspace(path.parent).open("zhaoqiang", USER_PW)
