"""The follow-up commands as a script runs them: --json shapes and exit codes (docs/cli.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.services import assignment
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import Workspace
from tests.helpers import run_cli


def test_the_loop_from_the_command_line(plain_enriched_demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(plain_enriched_demo, folder)  # the loop from an empty register: first numbers, counts from 0
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        wrong = assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id
    env = {"DEMO_PW": DEMO_PASSWORD}
    base = ["--workspace", str(folder)]

    def cli(*args: str, user: str = DEMO_ADMIN) -> tuple[int, object, str]:
        done = run_cli(*base, *args, "--user", user, "--password-env", "DEMO_PW", "--json", env=env)
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr

    code, preview, _ = cli("rectify", "generate", "--case", str(wrong), "--preview")
    assert code == 0 and preview["applied"] is False and len(preview["items"]) == 3  # type: ignore[index]
    code, made, _ = cli("rectify", "generate", "--case", str(wrong))
    assert code == 0 and [i["number"] for i in made["items"]][0] == "2026-XF-01-Z0001"  # type: ignore[index]
    item = made["items"][0]["id"]  # type: ignore[index]
    code, again, _ = cli("rectify", "generate", "--case", str(wrong))
    assert code == 0 and again["items"] == [] and again["existing"] == 3  # type: ignore[index]

    code, _out, err = cli("rectify", "close", str(item))
    assert code == 8 and "close" in err  # wrong state: conflict
    evidence = tmp_path / "佐证.pdf"
    evidence.write_bytes(b"%PDF-1.4 scan")
    code, shown, _ = cli("rectify", "report", str(item), "--measures", "已重新核实证据", "--evidence", str(evidence))
    assert code == 0 and shown["status"] == "reported" and shown["evidence"][0]["filename"] == "佐证.pdf"  # type: ignore[index]
    code, shown, _ = cli("rectify", "send-back", str(item), "--reason", "证据仍未补正", "--deadline", "10 workdays",
                         "--finding", "partly")
    assert code == 0 and shown["status"] == "sent_back"  # type: ignore[index]
    code, _o, _e = cli("rectify", "report", str(item), "--measures", "已补正")
    code, _o, _e = cli("rectify", "verify", str(item))
    code, shown, _ = cli("rectify", "close", str(item), "--date", "2026-12-01")
    assert code == 0 and shown["status"] == "closed" and shown["closed_on"] == "2026-12-01"  # type: ignore[index]
    code, listed, _ = cli("rectify", "list", "--campaign", DEMO_CAMPAIGN, "--status", "open")
    assert code == 0 and len(listed) == 2  # type: ignore[arg-type]

    code, _o, _e = cli("rectify", "report", str(item), "--measures", "x", user="chenjing")
    assert code == 5  # observer
    code, _o, _e = cli("referral", "list", user="zhanghua")
    assert code == 5  # experts see nothing of referrals

    rid = made["referral"]["id"]  # type: ignore[index]
    code, sent, _ = cli("referral", "letter", str(rid), "--sent-on", "2026-09-25", "--body", "城关区纪委监委")
    assert code == 0 and sent["letter_number"] == "×政法移〔2026〕1号" and sent["feedback_deadline"] == "2026-10-22"  # type: ignore[index]
    code, due, _ = cli("due", "--campaign", DEMO_CAMPAIGN, "--on", "2026-10-23")
    assert code == 0 and due["counts"]["referral"] == {"due_soon": 0, "overdue": 1}  # type: ignore[index]
    code, _o, _e = cli("referral", "feedback", str(rid), "--outcome", "bogus")
    assert code == 2  # argparse usage error
    code, fed, _ = cli("referral", "feedback", str(rid), "--outcome", "investigated", "--date", "2026-10-20")
    assert code == 0 and fed["status"] == "feedback"  # type: ignore[index]

    code, _o, err = cli("objection", "add", "--case", str(wrong), "--objector", "城关区法院", "--grounds", "不服",
                        "--delivered-on", "2026-09-25", "--received-on", "2026-10-16")
    assert code == 8 and "deadline" in err
    code, obj, _ = cli("objection", "add", "--case", str(wrong), "--objector", "城关区法院", "--grounds", "不服",
                       "--delivered-on", "2026-09-25", "--received-on", "2026-10-16", "--admit-reason", "邮寄延误")
    assert code == 0 and obj["late"] is True  # type: ignore[index]
    code, dec, _ = cli("objection", "decide", str(obj["id"]), "--decision", "upheld", "--reason", "理由不成立")  # type: ignore[index]
    assert code == 0 and dec["status"] == "upheld"  # type: ignore[index]
    code, _o, _e = cli("rectify", "show", "999999")
    assert code == 7
    code, ranked, _ = cli("special", "list", "--campaign", DEMO_CAMPAIGN, "--ranking")
    assert code == 0 and ranked  # type: ignore[truthy-bool]
    code, settings, _ = cli("followup", "show", DEMO_CAMPAIGN)
    assert code == 0 and settings["due_soon_days"] == 5 and settings["special_min_cases"] == 3  # type: ignore[index]


def test_notice_export_from_the_command_line(enriched_demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(enriched_demo, folder)
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        from reviewdesk.services import rectification

        made = generating.generate(ws, str(assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id), DEMO_CAMPAIGN)
        unit = rectification.show_item(ws, made.items[0]["id"]).unit_code
    out = tmp_path / "notice.docx"
    done = run_cli("--workspace", str(folder), "notice", "export", "--kind", "rectification", "--campaign",
                   DEMO_CAMPAIGN, "--unit", unit, "--format", "docx", "--out", str(out), "--json", "--user", DEMO_ADMIN,
                   "--password-env", "PW", env={"PW": DEMO_PASSWORD})
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["number"].startswith("×政法改〔") and out.read_bytes()[:2] == b"PK"
    missing = run_cli("--workspace", str(folder), "notice", "export", "--kind", "rectification", "--campaign",
                      DEMO_CAMPAIGN, "--unit", "NOPE", "--out", str(tmp_path / "x.pdf"), "--user", DEMO_ADMIN,
                      "--password-env", "PW", env={"PW": DEMO_PASSWORD})
    assert missing.returncode == 7


def test_notice_export_of_the_other_papers_and_their_missing_flags(enriched_demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(enriched_demo, folder)
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        from reviewdesk.services import rectification

        made = generating.generate(ws, str(assignment.panels(ws, DEMO_CAMPAIGN)[4].case.id), DEMO_CAMPAIGN)
        unit = rectification.show_item(ws, made.items[0]["id"]).unit_code

    def export(*args: str) -> tuple[int, dict[str, object] | None, str]:
        done = run_cli("--workspace", str(folder), "notice", "export", *args, "--json", "--user", DEMO_ADMIN,
                       "--password-env", "PW", env={"PW": DEMO_PASSWORD})
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr

    out = tmp_path / "feedback.pdf"
    code, shown, err = export("--kind", "unit-feedback", "--campaign", DEMO_CAMPAIGN, "--unit", unit, "--out", str(out))
    assert code == 0, err
    assert shown is not None and shown["kind"] == "unit_feedback" and str(shown["number"]).startswith("×政法改〔")
    assert out.read_bytes()[:4] == b"%PDF" and shown["objection"] is None and shown["special"] is None
    code, shown, err = export("--kind", "followup-report", "--campaign", DEMO_CAMPAIGN, "--draft", "--format", "docx",
                              "--out", str(tmp_path / "report.docx"))
    assert code == 0 and shown is not None and shown["number"] is None, err
    code, _shown, err = export("--kind", "recheck", "--out", str(tmp_path / "x.pdf"))
    assert code != 0 and "--objection" in err
