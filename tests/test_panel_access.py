"""An expert's account sees the cases of the panels it sits on, and no other; checked in the services."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reviewdesk.errors import PermissionDenied
from reviewdesk.services import assignment, cases, experts
from reviewdesk.workspace import OpenWorkspace
from tests.test_assignment_service import World


def test_expert_sees_only_the_cases_of_their_panels(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> None:
    w = World(admin_ws)
    for n in range(1, 7):
        w.expert(f"E{n}", f"U{n}")
    ids = [w.case(f"C{n}", "U9") for n in range(1, 5)]
    campaign = w.campaign("K1", cases=ids)
    expert = login_as("expert")
    assert cases.case_ids(expert) == []  # not linked to the pool yet: no case
    experts.link_account(admin_ws, "E1", "expert1")
    assignment.apply(admin_ws, campaign, seed="access")
    mine = {p.case.id for p in assignment.panels(admin_ws, campaign) if any(m.external_id == "E1" for m in p.members)}
    assert mine and mine != set(ids)  # six experts, four panels of three: E1 sits on some, not all
    assert set(cases.case_ids(expert)) == mine
    assert {r.id for r in cases.list_cases(expert)} == mine
    assert cases.case_detail(expert, next(iter(mine))).row.id in mine
    other = next(c for c in ids if c not in mine)
    with pytest.raises(PermissionDenied):
        cases.case_detail(expert, other)
    # Panel lists are the coordinator's: the expert cannot read them through the service either.
    with pytest.raises(PermissionDenied):
        assignment.panels(expert, campaign)
