"""`ocr status` and `ocr run` as a script runs them: --json shapes, exit codes (docs/reading-room.md)."""

from __future__ import annotations

import json
from pathlib import Path

from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
from tests.helpers import run_cli


def test_status_and_run_one_case(demo_folder: Path) -> None:
    env = {"DEMO_PW": DEMO_PASSWORD}

    def cli(*args: str) -> tuple[int, dict, str]:
        done = run_cli(
            "--workspace",
            str(demo_folder),
            "ocr",
            *args,
            "--user",
            DEMO_ADMIN,
            "--password-env",
            "DEMO_PW",
            "--json",
            env=env,
        )
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else {}, done.stderr

    code, status, _ = cli("status")
    jobs = status["jobs"]
    assert code == 0 and jobs and {j["state"] for j in jobs} == {"queued"}  # the demo's scanned files
    assert set(jobs[0]) == {
        "document_id",
        "case_id",
        "case_external_id",
        "title",
        "state",
        "pages",
        "pages_done",
        "error",
    }
    case = jobs[0]["case_external_id"]
    code, ran, _ = cli("run", "--case", case)
    mine = [j for j in jobs if j["case_external_id"] == case]
    assert code == 0 and ran == {
        "documents": len(mine),
        "pages": ran["pages"],
        "failed": [],
        "stopped": False,
    }
    assert ran["pages"] >= len(mine)
    code, after, _ = cli("status", "--case", case)
    assert code == 0 and {j["state"] for j in after["jobs"]} == {"done"}
    code, _out, err = cli("status", "--case", "NO-SUCH-CASE")
    assert code != 0 and "NO-SUCH-CASE" in err
