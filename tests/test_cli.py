"""The CLI as scripts use it: fresh processes, passwords from the environment, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reviewdesk import __version__
from tests.helpers import run_cli

PW = {"PW": "admin-pass-2026", "NP": "member-pass-2026"}


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _fails(result, code: int, *words: str) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    err = result.stderr.strip()
    assert "Traceback" not in result.stderr and len(err.splitlines()) == 1, err
    for word in words:
        assert word in err
    return err


@pytest.fixture
def ws(tmp_path: Path) -> str:
    folder = str(tmp_path / "ws")
    out = _ok(run_cli("--workspace", folder, "init", "--display-name", "刘建国", "--password-env", "PW", "--json", env=PW))
    assert json.loads(out)["recovery_code"].count("-") == 7
    return folder


def as_admin(*args: str) -> list[str]:
    return [*args, "--user", "admin", "--password-env", "PW"]


def test_version() -> None:
    assert _ok(run_cli("--version")).strip() == f"reviewdesk {__version__}"


def test_workspace_from_environment_variable(ws: str) -> None:
    out = _ok(run_cli("whoami", "--json", "--user", "admin", "--password-env", "PW", env={**PW, "REVIEWDESK_WORKSPACE": ws}))
    assert json.loads(out)["role"] == "admin"


def test_user_lifecycle_with_json(ws: str) -> None:
    out = _ok(run_cli("--workspace", ws, *as_admin("user", "add", "zhanghua", "--role", "expert", "--display-name", "张华", "--new-password-env", "NP", "--json"), env=PW))
    assert json.loads(out)["display_name"] == "张华"
    listed = json.loads(_ok(run_cli("--workspace", ws, *as_admin("user", "list", "--json"), env=PW)))
    assert [(u["username"], u["role"], u["disabled"]) for u in listed] == [("admin", "admin", False), ("zhanghua", "expert", False)]
    assert set(listed[0]) == {"id", "username", "display_name", "role", "disabled", "created_at", "password_changed_at"}
    _ok(run_cli("--workspace", ws, *as_admin("user", "disable", "zhanghua"), env=PW))
    _fails(run_cli("--workspace", ws, "whoami", "--user", "zhanghua", "--password-env", "NP", env=PW), 4, "wrong user or password")


def test_errors_are_one_line_and_nonzero(ws: str, tmp_path: Path) -> None:
    _fails(run_cli("--workspace", ws, "whoami", "--user", "admin", "--password-env", "PW", env={"PW": "nope"}), 4, "wrong user or password")
    _fails(run_cli("--workspace", ws, "whoami", "--user", "admin", "--password-env", "UNSET_VAR"), 2, "UNSET_VAR")
    _fails(run_cli("--workspace", str(tmp_path / "none"), *as_admin("whoami"), env=PW), 3, "no workspace")
    _fails(run_cli("--workspace", ws, "init", "--password-env", "PW", env=PW), 3, "already exists")
    _fails(run_cli("--workspace", ws, *as_admin("settings", "set", "idle_lock_minutes", "0"), env=PW), 6, "between 1 and 240")
    _fails(run_cli("--workspace", ws, *as_admin("user", "add", "a b", "--role", "expert", "--new-password-env", "NP"), env=PW), 6, "username")
    _fails(run_cli("--workspace", ws, *as_admin("user", "disable", "ghost"), env=PW), 7, "ghost")
    _fails(run_cli("--workspace", ws, *as_admin("restore", str(tmp_path / "missing.rdbak")), env=PW), 2, "--yes")
    _fails(run_cli("--workspace", ws, "whoami"), 2, "--user")
    chinese = run_cli("--workspace", ws, "whoami", "--user", "admin", "--password-env", "PW", env={"PW": "x", "REVIEWDESK_LANG": "zh_CN"})
    assert "用户名或密码错误" in chinese.stderr


def test_wrong_role_is_refused(ws: str) -> None:
    _ok(run_cli("--workspace", ws, *as_admin("user", "add", "sunli", "--role", "auditor", "--new-password-env", "NP"), env=PW))
    _fails(run_cli("--workspace", ws, "user", "list", "--user", "sunli", "--password-env", "NP", env=PW), 5, "permission denied")
    _ok(run_cli("--workspace", ws, "audit", "verify", "--user", "sunli", "--password-env", "NP", env=PW))


def test_audit_show_and_checkpoint_json(ws: str) -> None:
    cp = json.loads(_ok(run_cli("--workspace", ws, *as_admin("audit", "checkpoint", "--json"), env=PW)))
    assert set(cp) == {"size", "head_hash", "created_at", "key_id", "payload", "signature"}
    rows = json.loads(_ok(run_cli("--workspace", ws, *as_admin("audit", "show", "--json", "--action", "audit."), env=PW)))
    assert [r["action"] for r in rows] == ["audit.checkpoint"]
    assert set(rows[0]) == {"seq", "ts", "actor", "action", "target", "details", "hash"}


def test_backup_restore_and_rekey(ws: str, tmp_path: Path) -> None:
    backup = tmp_path / "b.rdbak"
    _ok(run_cli("--workspace", ws, *as_admin("backup", str(backup)), env=PW))
    _ok(run_cli("--workspace", ws, *as_admin("unit", "add", "U-1", "--name", "兰州市城关区人民法院", "--kind", "court", "--region-code", "620102"), env=PW))
    _ok(run_cli("--workspace", ws, *as_admin("rekey"), env=PW))
    _ok(run_cli("--workspace", ws, *as_admin("restore", str(backup), "--yes"), env=PW))
    units = json.loads(_ok(run_cli("--workspace", ws, *as_admin("unit", "list", "--json"), env=PW)))
    assert units == []


def test_recover_sets_a_new_password(tmp_path: Path) -> None:
    folder = str(tmp_path / "ws")
    code = json.loads(_ok(run_cli("--workspace", folder, "init", "--password-env", "PW", "--json", env=PW)))["recovery_code"]
    env = {"CODE": code, "NEWPW": "recovered-pass-1"}
    _ok(run_cli("--workspace", folder, "recover", "--user", "admin", "--code-env", "CODE", "--new-password-env", "NEWPW", env=env))
    _ok(run_cli("--workspace", folder, "whoami", "--user", "admin", "--password-env", "NEWPW", env=env))


def test_demo_workspace(tmp_path: Path) -> None:
    folder = str(tmp_path / "demo")
    # REVIEWDESK_WORKSPACE chooses the folder as for every command (it used to go to the per-user folder).
    made = run_cli("demo", "--json", env={"REVIEWDESK_WORKSPACE": folder})
    out = json.loads(_ok(made))
    assert out["created"] and out["workspace"] == str(Path(folder).resolve())
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "ReviewDesk" / "demo-workspace").exists()
    steps = [line for line in made.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in steps] == [f"[{n}/7" for n in range(1, 8)]
    # Every account, not only the named ones: the scored panels' members log in too.
    assert {"admin", "zhanghua", "chenjing", "sunli"} <= set(out["users"]) and len(out["users"]) > 7
    assert any(name.startswith("exp-") for name in out["users"])
    env = {"PW": out["password"]}
    campaigns = json.loads(_ok(run_cli("--workspace", folder, "campaign", "list", "--json", "--user", "zhanghua", "--password-env", "PW", env=env)))
    assert {c["id"] for c in campaigns} == {"2026-XF-01", "2026-ZX-01"}
    units = json.loads(_ok(run_cli("--workspace", folder, "unit", "list", "--json", "--user", "admin", "--password-env", "PW", env=env)))
    assert len({u["region_code"][:4] for u in units if len(u["region_code"]) == 6 and u["region_code"][4:] != "00"}) >= 3
    admin = ("--user", "admin", "--password-env", "PW")
    pool = json.loads(_ok(run_cli("--workspace", folder, "experts", "list", "--json", *admin, env=env)))
    assert len(pool) == 48
    # The follow-up registers come with it (issue 16): the home page's 到期提醒 has something to show.
    owed = json.loads(_ok(run_cli("--workspace", folder, "due", "--campaign", "2026-XF-01", "--json", *admin, env=env)))
    assert owed["counts"]["rectification"]["overdue"] == 1 and owed["counts"]["referral"]["overdue"] == 1
    panels = json.loads(_ok(run_cli("--workspace", folder, "panels", "--campaign", "2026-XF-01", "--json", *admin, env=env)))
    assert len(panels) == 42 and all(len(p["members"]) == 3 for p in panels)
    assert _ok(run_cli("--workspace", folder, "select", "verify", "--campaign", "2026-XF-01", *admin, env=env))
    board = json.loads(_ok(run_cli("--workspace", folder, "conclude", "--case", panels[0]["case"]["external_id"], "--json", *admin, env=env)))
    assert board["conclusion"] is not None and all(m["status"] == "submitted" for m in board["members"])
    _fails(run_cli("--workspace", folder, "demo"), 3, "--reset")


def test_campaign_scoring_deadline_set_shown_and_removed(ws: str) -> None:
    made = json.loads(_ok(run_cli("--workspace", ws, *as_admin("campaign", "create", "C-1", "--name", "专项", "--year", "2026",
                                                               "--scoring-deadline", "2026-12-31", "--json"), env=PW)))
    assert made["scoring_deadline"] == "2026-12-31"
    _fails(run_cli("--workspace", ws, *as_admin("campaign", "set", "C-1", "--scoring-deadline", "31.12.2026"), env=PW),
           6, "scoring_deadline", "YYYY-MM-DD")
    cleared = json.loads(_ok(run_cli("--workspace", ws, *as_admin("campaign", "set", "C-1", "--scoring-deadline", "none",
                                                                  "--json"), env=PW)))
    assert cleared["scoring_deadline"] is None
