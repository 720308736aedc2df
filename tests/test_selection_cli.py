"""`reviewdesk select …` as a script runs it: exit codes, JSON shapes, messages."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.test_selection import make_campaign

PW = {"PW": ADMIN_PW}


def select(folder: Path, *args: str, lang: str = "en"):
    return run_cli("--workspace", str(folder), "select", *args, "--user", ADMIN, "--password-env", "PW", env={**PW, "REVIEWDESK_LANG": lang})


def test_draw_verify_list_key_remove(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    ids = make_campaign(admin_ws, 30)
    dry = select(ws_folder, "--campaign", "C1", "--ratio", "0.1", "--where", "petition>=1", "--seed", "S-1", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    shown = json.loads(dry.stdout)
    assert shown["dry_run"] is True and shown["selection_id"] is None and shown["count"] == 3
    assert set(shown) >= {"campaign_id", "seed", "params", "pool_size", "pool_fingerprint", "cases", "keys", "strata", "kept_key_cases"}
    assert shown["params"] == {"count": None, "ratio": "0.1", "where": ["petition>=1"], "strata": None}

    done = select(ws_folder, "--campaign", "C1", "--ratio", "0.1", "--where", "petition>=1", "--seed", "S-1", "--strata", "flag", "--json")
    assert done.returncode == 0, done.stderr
    stored = json.loads(done.stdout)
    assert stored["selection_id"] >= 1 and sum(s["drawn"] for s in stored["strata"].values()) == 3
    assert stored["cases"][0].keys() >= {"case_id", "key", "external_id", "case_number", "title", "case_type", "unit_code"}

    ok = select(ws_folder, "verify", "--campaign", "C1")
    assert ok.returncode == 0 and ok.stdout.startswith("matches"), ok.stderr

    key = select(ws_folder, "key", "--campaign", "C1", "--case", "GS-2026-0000", "--reason", "群众关注", "--json")
    assert key.returncode == 0, key.stderr
    assert json.loads(key.stdout)["how"] == "key" and json.loads(key.stdout)["case_id"] == ids[0]
    listed = json.loads(select(ws_folder, "list", "--campaign", "C1", "--json").stdout)
    assert len(listed) == 4 and {r["how"] for r in listed} == {"key", "random"}
    assert set(listed[0]) == {"case_id", "key", "external_id", "case_number", "title", "case_type", "unit_code", "how", "reason", "selection_id", "added_by", "added_at"}
    removed = select(ws_folder, "remove", "--campaign", "C1", "--case", str(ids[0]), "--reason", "误选")
    assert removed.returncode == 0 and "removed" in removed.stdout


def test_verify_fails_with_exit_8_and_says_what_differs(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    make_campaign(admin_ws, 15)
    assert select(ws_folder, "--campaign", "C1", "--count", "4", "--seed", "s").returncode == 0
    with admin_ws.write_session() as s, s.begin():
        s.execute(text("UPDATE cases SET case_type = 'criminal' WHERE external_id = 'GS-2026-0000'"))
    bad = select(ws_folder, "verify", "--campaign", "C1", "--json")
    assert bad.returncode == 8
    report = json.loads(bad.stdout)
    assert report["ok"] is False and report["pool_edited"] == 1 and report["result_matches"] is True
    assert "pool changed" in bad.stderr
    zh = select(ws_folder, "verify", "--campaign", "C1", lang="zh_CN")
    assert zh.returncode == 8 and "案件池已变化" in zh.stderr and "pool changed: 0 added, 0 removed, 1 edited" in zh.stdout


def test_error_exit_codes(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    make_campaign(admin_ws, 5)
    too_many = select(ws_folder, "--campaign", "C1", "--count", "9", "--seed", "s")
    assert too_many.returncode == 6 and "9 cases asked but the pool holds only 5" in too_many.stderr
    bad_where = select(ws_folder, "--campaign", "C1", "--count", "1", "--seed", "s", "--where", "petition>=lots")
    assert bad_where.returncode == 6 and "petition>=lots" in bad_where.stderr
    zh = select(ws_folder, "--campaign", "C1", "--count", "1", "--seed", "s", "--where", "type=x", lang="zh_CN")
    assert zh.returncode == 6 and "未知案件类型" in zh.stderr
    assert select(ws_folder, "--campaign", "C1", "--count", "1").returncode == 2  # no seed
    assert select(ws_folder, "--campaign", "NOPE", "--count", "1", "--seed", "s").returncode == 7
    assert select(ws_folder, "verify", "--campaign", "C1").returncode == 7  # nothing drawn yet
    assert select(ws_folder, "key", "--campaign", "C1", "--case", "GS-2026-0001", "--reason", " ").returncode == 6
