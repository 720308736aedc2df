"""Audit of issue 16, the command line: a deadline counted into a year the statutory calendar does not know is
said on stderr (the --json shapes stay as documented); a date given as such and a count inside known years say
nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.followup.workdays import known_year
from reviewdesk.services import assignment, rectification
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import Workspace
from tests.helpers import run_cli

NOTE = "2027年的法定节假日安排尚未收录"


def test_the_commands_say_when_a_deadline_was_counted_monday_to_friday(plain_enriched_demo: Path,
                                                                        tmp_path: Path) -> None:
    assert not known_year(2027)
    folder = tmp_path / "demo"
    shutil.copytree(plain_enriched_demo, folder)
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        wrong = assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id
        made = generating.generate(ws, str(wrong), DEMO_CAMPAIGN)
        for item in made.items[:2]:
            rectification.report(ws, item["id"], "已整改")

    def cli(*args: str) -> tuple[int, object, str]:
        done = run_cli("--workspace", str(folder), *args, "--user", DEMO_ADMIN, "--password-env", "PW", "--json",
                       env={"PW": DEMO_PASSWORD})
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr

    # Objection period from 2026-12-21: 22–25, 28–31, 1月1日 (a Friday, counted), 4 → 2027-01-04.
    code, obj, err = cli("objection", "add", "--case", str(wrong), "--objector", "城关区法院", "--grounds", "不服",
                         "--delivered-on", "2026-12-21", "--received-on", "2026-12-22")
    assert code == 0 and obj["deadline"] == "2027-01-04" and NOTE in err  # type: ignore[index]
    assert set(obj) >= {"id", "deadline", "late"} and "calendar_note" not in obj  # type: ignore[operator]
    code, obj, err = cli("objection", "add", "--case", str(wrong), "--objector", "城关区法院", "--grounds", "不服",
                         "--delivered-on", "2026-09-25", "--received-on", "2026-10-09")
    assert code == 0 and obj["deadline"] == "2026-10-15" and NOTE not in err  # type: ignore[index]
    # The letter's default 15 working days from 2026-12-28 → 2027-01-18.
    code, sent, err = cli("referral", "letter", str(made.referral["id"]), "--sent-on", "2026-12-28")  # type: ignore[index]
    assert code == 0 and sent["feedback_deadline"] == "2027-01-18" and NOTE in err  # type: ignore[index]
    code, back, err = cli("rectify", "send-back", str(made.items[0]["id"]), "--reason", "未整改", "--deadline",
                          "120 workdays")
    assert code == 0 and back["status"] == "sent_back" and "2027" in err and "尚未收录" in err  # type: ignore[index]
    code, back, err = cli("rectify", "send-back", str(made.items[1]["id"]), "--reason", "未整改", "--deadline",
                          "2027-06-30")
    assert code == 0 and back["deadline"] == "2027-06-30" and NOTE not in err  # type: ignore[index]
