"""Role checks come before input validation: a wrong role with bad input is told "permission denied"
(exit 5), never what is wrong with its input (exit 6) — that would tell it how to shape an accepted one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewdesk.errors import PermissionDenied
from reviewdesk.services import (
    assignment,
    campaigns,
    documents,
    experts,
    imports,
    interviews,
    keys,
    recusal,
    registry,
    rubrics,
    scoring,
    selection,
    settings,
    users,
)
from reviewdesk.store.models import Role
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.test_roles import SERVICES, _interview

BAD_INTERVIEW = dataclasses.replace(_interview(), place="", interviewers=["甲"], qa=[])

# Every service entry point that takes input it validates, called with bad input (qualified name: call).
BAD_INPUT: dict[str, Callable[[OpenWorkspace, Path], Any]] = {
    "users.add_user": lambda ws, tmp: users.add_user(ws, "x", "", "pope", "short"),
    "settings.set_setting": lambda ws, tmp: settings.set_setting(ws, "no_such_setting", "x"),
    "campaigns.add_unit": lambda ws, tmp: campaigns.add_unit(ws, "", "", "castle", "12"),
    "campaigns.create_campaign": lambda ws, tmp: campaigns.create_campaign(ws, "", "", 1066),
    "campaigns.set_campaign_rules": lambda ws, tmp: campaigns.set_campaign_rules(ws, "C-9", kind="both", panel_size=-1),
    "experts.import_experts": lambda ws, tmp: experts.import_experts(ws, b"not a workbook", "x.xlsx"),
    "experts.import_roster": lambda ws, tmp: experts.import_roster(ws, [], "x"),
    "experts.set_availability": lambda ws, tmp: experts.set_availability(ws, "EXP-1", False, note="长" * 300, max_load=-5),
    "experts.set_tags": lambda ws, tmp: experts.set_tags(ws, "EXP-1", ["x" * 100]),
    "experts.set_relations": lambda ws, tmp: experts.set_relations(ws, "EXP-1", [object()]),  # type: ignore[list-item]
    "registry.import_registry": lambda ws, tmp: registry.import_registry(ws, b"not a workbook", "r.xlsx"),
    "recusal.decide": lambda ws, tmp: recusal.decide(ws, "1", "1", "no-rule", "k", "maybe", ""),
    "recusal.declare": lambda ws, tmp: recusal.declare(ws, "1", "no-such-kind"),
    "selection.add_key_case": lambda ws, tmp: selection.add_key_case(ws, "C-9", "1", ""),
    "selection.remove_case": lambda ws, tmp: selection.remove_case(ws, "C-9", "1", ""),
    "assignment.replace": lambda ws, tmp: assignment.replace(ws, "C-9", "1", "1", ""),
    "assignment.change_member": lambda ws, tmp: assignment.change_member(ws, "C-9", "1", "1", "2", ""),
    "rubrics.import_rubric": lambda ws, tmp: rubrics.import_rubric(ws, b"{not json", "r.json"),
    "rubrics.set_campaign_rubric": lambda ws, tmp: rubrics.set_campaign_rubric(ws, "C-9", "no-type", "court"),
    "rubrics.set_grading": lambda ws, tmp: rubrics.set_grading(ws, "C-9", spread_threshold=-1, consolidation="vote"),
    "scoring.save_draft": lambda ws, tmp: scoring.save_draft(ws, "1", [{"bad": object()}]),
    "scoring.submit": lambda ws, tmp: scoring.submit(ws, "1", [{"bad": object()}]),
    "scoring.amend": lambda ws, tmp: scoring.amend(ws, "1", [], ""),
    "interviews.record_interview": lambda ws, tmp: interviews.record_interview(ws, "1", BAD_INTERVIEW),
    "interviews.update_interview": lambda ws, tmp: interviews.update_interview(ws, 1, BAD_INTERVIEW),
    "documents.render_opinion": lambda ws, tmp: documents.render_opinion(ws, "1", "odt"),
    "documents.render_records": lambda ws, tmp: documents.render_records(ws, "1", "no-kind", "odt"),
    "documents.opinion_files": lambda ws, tmp: documents.opinion_files(ws, "C-9", ["odt"]),
    "documents.batch_opinions": lambda ws, tmp: documents.batch_opinions(ws, "C-9", tmp / "no-such-folder", ["odt"]),
    "keys.trust_issuer": lambda ws, tmp: keys.trust_issuer(ws, "not a key", ""),
    "imports.import_package": lambda ws, tmp: imports.import_package(ws, tmp / "missing.rdpkg"),
}
# keys and imports are not in the role table (their roles: admin only).
ALLOWED = {name: allowed for name, (allowed, _a, _c) in SERVICES.items()} | {
    "keys.trust_issuer": {Role.ADMIN}, "imports.import_package": {Role.ADMIN},
}


def test_every_validating_service_checks_the_role_first(
    admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace], tmp_path: Path
) -> None:
    sessions = {role: login_as(role.value) for role in Role if role is not Role.ADMIN} | {Role.ADMIN: admin_ws}
    wrong_order = []
    for name, call in BAD_INPUT.items():
        for role in sorted(set(Role) - ALLOWED[name], key=lambda r: r.value):
            try:
                call(sessions[role], tmp_path)
            except PermissionDenied:
                continue
            except Exception as err:
                wrong_order.append(f"{name} as {role.value}: {type(err).__name__}: {err}")
            else:
                wrong_order.append(f"{name} as {role.value}: accepted")
    assert wrong_order == []


def test_cli_observer_gets_exit_5_before_any_input_error(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    users.add_user(admin_ws, "obs1", "观察员", "observer", "member-pass-2026")
    folder = str(admin_ws.workspace.folder)
    bad_key = tmp_path / "bad.pub"
    bad_key.write_text("not a minisign key\n")
    env = {"PW": "member-pass-2026"}
    auth = ["--user", "obs1", "--password-env", "PW"]
    for args in (
        ["keys", "trust-issuer", str(bad_key), "--name", "某处"],
        ["keys", "trust-issuer", str(tmp_path / "missing.pub"), "--name", "某处"],
        ["import-folder", str(tmp_path)],  # no cases.xlsx in it
        ["experts", "import", str(tmp_path / "missing.xlsx")],
    ):
        result = run_cli("--workspace", folder, *args, *auth, env=env)
        assert result.returncode == 5, (args, result.stderr)
        assert "permission denied" in result.stderr
    # The admin, with the same bad input, is told what is wrong with it.
    result = run_cli("--workspace", folder, "import-folder", str(tmp_path), "--user", ADMIN, "--password-env", "PW",
                     env={"PW": ADMIN_PW})
    assert result.returncode == 6, result.stderr
