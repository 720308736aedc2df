"""Blindness and panel-only access, enforced in the services: direct calls by the wrong user are refused."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.services import assignment, scoring, users
from reviewdesk.store.models import AuditEntry
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import USER_PW
from tests.test_assignment_service import World
from tests.test_scoring_sheets import Panel, d, make_panel, pin_test_rubric


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


def refusals(ws: OpenWorkspace) -> list[tuple[str, str, dict[str, object]]]:
    with ws.read_session() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == "permission.denied").order_by(AuditEntry.seq)).scalars()
        return [(r.actor, r.target, json.loads(r.details)) for r in rows]


def test_members_are_blind_until_they_submit(panel: Panel) -> None:
    a_ref, b_ref, c_ref = panel.members
    a, b, c = (panel.login(x) for x in panel.members)
    scoring.certify(a, panel.case_ref)
    a_sheet = scoring.submit(a, panel.case_ref, [d("A2", 10)])
    scoring.certify(b, panel.case_ref)
    scoring.save_draft(b, panel.case_ref, [d("A2", 3)])

    # B has not submitted: A's sheet is out of reach by every door.
    with pytest.raises(PermissionDenied):
        scoring.sheet(b, panel.case_ref, a_ref)
    with pytest.raises(PermissionDenied):
        scoring.history(b, a_sheet.id)
    assert [v.expert_external_id for v in scoring.sheets_for_case(b, panel.case_ref)] == [b_ref]
    # Not even whether C has a sheet at all leaks before B submits.
    with pytest.raises(PermissionDenied):
        scoring.sheet(b, panel.case_ref, c_ref)
    denied = [r for r in refusals(panel.admin) if r[1] == "score.show"]
    assert denied and denied[0][2]["reason"] == "own sheet not submitted yet"

    scoring.submit(b, panel.case_ref)
    seen = scoring.sheet(b, panel.case_ref, a_ref)
    assert seen.total == 90.0 and seen.items[0].code == "A2"
    assert scoring.history(b, a_sheet.id) == []
    # C's draft stays private to C even from members who have submitted.
    scoring.certify(c, panel.case_ref)
    scoring.save_draft(c, panel.case_ref, [d("A2", 5)])
    with pytest.raises(PermissionDenied):
        scoring.sheet(b, panel.case_ref, c_ref)
    assert {v.expert_external_id for v in scoring.sheets_for_case(b, panel.case_ref)} == {a_ref, b_ref}
    # C, not submitted, sees only their own draft.
    assert [v.expert_external_id for v in scoring.sheets_for_case(c, panel.case_ref)] == [c_ref]


def test_expert_not_on_the_panel_is_refused_everywhere(panel: Panel) -> None:
    member = panel.login(panel.members[0])
    scoring.certify(member, panel.case_ref)
    sheet_id = scoring.submit(member, panel.case_ref, [d("A2", 1)]).id
    outsider = panel.login(panel.outsider)
    for call in (
        lambda: scoring.certify(outsider, panel.case_ref),
        lambda: scoring.save_draft(outsider, panel.case_ref, []),
        lambda: scoring.submit(outsider, panel.case_ref, []),
        lambda: scoring.amend(outsider, panel.case_ref, [], "reason"),
        lambda: scoring.sheet(outsider, panel.case_ref, panel.members[0]),
        lambda: scoring.sheets_for_case(outsider, panel.case_ref),
        lambda: scoring.history(outsider, sheet_id),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert scoring.my_cases(outsider) == []
    mine = [r for r in refusals(panel.admin) if r[0] == f"acct{panel.outsider}"]
    assert len(mine) == 7
    assert {r[1] for r in mine} == {"score.certify", "score.save_draft", "score.submit", "score.amend", "score.show",
                                    "score.list", "score.history"}
    # The refused certification rolled back: still only the member's sheet.
    assert [v.expert_external_id for v in scoring.sheets_for_case(panel.admin, panel.case_ref)] == [panel.members[0]]


def test_unlinked_expert_account_is_refused(panel: Panel) -> None:
    users.add_user(panel.admin, "loose", "未关联专家", "expert", USER_PW)
    loose = panel.admin.workspace.open("loose", USER_PW)
    try:
        with pytest.raises(PermissionDenied):
            scoring.certify(loose, panel.case_ref)
        assert scoring.my_cases(loose) == []
    finally:
        loose.close()


def test_observer_sees_submitted_sheets_auditor_none_admin_all(panel: Panel, login_as: Callable[[str], OpenWorkspace]) -> None:
    a, b = panel.login(panel.members[0]), panel.login(panel.members[1])
    scoring.certify(a, panel.case_ref)
    scoring.submit(a, panel.case_ref, [d("A1", 10.5)])
    scoring.certify(b, panel.case_ref)  # b stays a draft

    observer = login_as("observer")
    assert [v.expert_external_id for v in scoring.sheets_for_case(observer, panel.case_ref)] == [panel.members[0]]
    assert scoring.sheet(observer, panel.case_ref, panel.members[0]).grade == "合格"
    with pytest.raises(PermissionDenied):
        scoring.sheet(observer, panel.case_ref, panel.members[1])
    with pytest.raises(ValidationError, match="whose sheet"):
        scoring.sheet(observer, panel.case_ref)
    with pytest.raises(PermissionDenied):
        scoring.certify(observer, panel.case_ref)

    auditor = login_as("auditor")
    for call in (
        lambda: scoring.sheets_for_case(auditor, panel.case_ref),
        lambda: scoring.sheet(auditor, panel.case_ref, panel.members[0]),
        lambda: scoring.my_cases(auditor),
    ):
        with pytest.raises(PermissionDenied):
            call()

    everything = scoring.sheets_for_case(panel.admin, panel.case_ref)
    assert {(v.expert_external_id, v.status) for v in everything} == {(panel.members[0], "submitted"), (panel.members[1], "draft")}
    with pytest.raises(PermissionDenied):  # coordinators read sheets; they do not fill them
        scoring.certify(panel.admin, panel.case_ref)


def test_my_cases_lists_role_and_sheet_state(panel: Panel) -> None:
    leader = panel.login(panel.leader)
    (row,) = scoring.my_cases(leader)
    assert (row.case_id, row.role, row.status, row.sheet_id) == (panel.case_id, "leader", "uncertified", None)
    scoring.certify(leader, panel.case_ref)
    assert scoring.my_cases(leader)[0].status == "draft"


def test_case_on_two_campaigns_needs_the_campaign(panel: Panel) -> None:
    w = World(panel.admin)
    second = w.campaign("K2", cases=[panel.case_id])
    pin_test_rubric(panel.admin, second)
    assignment.apply(panel.admin, second, seed="again")
    with pytest.raises(ValidationError, match="several campaigns"):
        scoring.sheets_for_case(panel.admin, panel.case_ref)
    assert scoring.sheets_for_case(panel.admin, panel.case_ref, campaign_id=second) == []
    (on_both,) = [m.external_id for m in assignment.panels(panel.admin, second)[0].members if m.external_id in panel.members][:1]
    me = panel.login(on_both)
    with pytest.raises(ValidationError, match="several campaigns"):
        scoring.certify(me, panel.case_ref)
    view = scoring.certify(me, panel.case_ref, campaign_id=second)
    assert view.campaign_id == second


def test_member_taken_off_the_panel_loses_access(panel: Panel) -> None:
    gone_ref = next(m for m in panel.members if m != panel.leader)
    gone = panel.login(gone_ref)
    scoring.certify(gone, panel.case_ref)
    assignment.replace(panel.admin, panel.campaign, panel.case_ref, gone_ref, "late recusal")
    with pytest.raises(PermissionDenied):
        scoring.save_draft(gone, panel.case_ref, [d("A2", 1)])
    with pytest.raises(PermissionDenied):
        scoring.sheet(gone, panel.case_ref)
    assert scoring.my_cases(gone) == []
    # The stand-in (the one expert left) now sits on the panel and may start.
    newcomer = panel.login(panel.outsider)
    assert scoring.certify(newcomer, panel.case_ref).panel_role == "member"
    # The coordinator still sees the left member's draft, marked as off the panel.
    left = scoring.sheet(panel.admin, panel.case_ref, gone_ref)
    assert left.panel_role is None and left.status == "draft"
