"""`reviewdesk recusal …` as scripts use it: JSON shapes, decide round trip, declarations, exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from reviewdesk.store.models import Case, Expert
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN_PW
from tests.helpers import run_cli
from tests.test_recusal_rules import World, ident

PW = {"PW": ADMIN_PW}


def _cli(ws_folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--workspace", str(ws_folder), "recusal", *args, "--user", "admin", "--password-env", "PW", env=PW)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_check_decide_declare_round_trip(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    with admin_ws.write_session() as s, s.begin():
        w = World(s)
        soft = w.expert("李某")
        w.expert("赵某", "A")
        case = w.case("A", handlers=[("李某", None), ("孙某", ident(7))])
        case_ext = s.get(Case, case).external_id
        soft_ext = s.get(Expert, soft).external_id

    report = json.loads(_ok(_cli(ws_folder, "check", "--case", case_ext, "--json")))
    assert set(report) == {"case_id", "case_external_id", "case_number", "campaign_id", "experts", "handler_flags"}
    by_ext = {e["external_id"]: e for e in report["experts"]}
    assert by_ext[soft_ext]["eligible"] is False
    (finding,) = by_ext[soft_ext]["findings"]
    assert finding["status"] == "pending" and finding["rule_id"] == "handler"
    assert {"basis_zh", "evidence_zh", "evidence_key", "hard", "decided_by", "reason"} <= set(finding)

    decided = json.loads(_ok(_cli(
        ws_folder, "decide", "--case", case_ext, "--expert", soft_ext, "--rule", "handler",
        "--key", finding["evidence_key"], "--clear", "--reason", "经核实非同一人", "--json",
    )))
    assert decided["decision"] == "cleared" and decided["previous"] is None

    declared = json.loads(_ok(_cli(
        ws_folder, "declare", "--expert", soft_ext, "--kind", "conduct", "--id-number", ident(7), "--note", "宴请", "--json",
    )))
    assert declared["counterpart_id_masked"].startswith("620102****") and ident(7) not in json.dumps(declared)
    listed = json.loads(_ok(_cli(ws_folder, "declarations", "--json")))
    assert [d["id"] for d in listed] == [declared["id"]]
    text = _ok(_cli(ws_folder, "check", "--case", str(case), "--expert", soft_ext))
    assert "[cleared] handler" in text and "[hard] conduct" in text and "回避 excluded" in text
    assert ident(7) not in text and "经核实非同一人" in text


def test_cli_errors_have_exit_codes(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    missing = _cli(ws_folder, "check", "--case", "GS-NOPE")
    assert missing.returncode == 7 and "GS-NOPE" in missing.stderr
    bad = _cli(ws_folder, "declare", "--expert", "EXP-0001", "--kind", "conduct", "--id-number", "123")
    assert bad.returncode == 6 and "id_number" in bad.stderr
