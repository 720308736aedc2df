"""Audit of issue 16, what is due at its edges, against the real store: a deadline yesterday (overdue), today
(due soon, not yet overdue), on the 5th working day (due soon) and just after it (not yet), across National
Day and the Spring Festival of 2026 and in a year the calendar does not know; the same answer from every read
(list, ids, rows by id, show, the due list and the home page's counts), per register and per unit, and for
another due_soon_days."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.services import assignment, due, followup_settings, rectification, referrals, special
from reviewdesk.services import rectification_generate as generating
from reviewdesk.workspace import OpenWorkspace, Workspace

MONDAY = date(2026, 9, 28)  # next working days: 29, 30, 10月8日, 9, 10 (Saturday, worked) — 11 is a Sunday
EDGES = {"2026-09-27": "overdue", "2026-09-28": "due_soon", "2026-10-10": "due_soon", "2026-10-11": None,
         "2026-10-12": None}


@pytest.fixture
def world(plain_enriched_demo: Path, tmp_path: Path) -> Iterator[OpenWorkspace]:
    shutil.copytree(plain_enriched_demo, tmp_path / "demo")
    with Workspace(tmp_path / "demo").open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        generating.generate_campaign(ws, DEMO_CAMPAIGN)
        yield ws


def _set_deadline(ws: OpenWorkspace, item: int, deadline: str) -> None:
    """Through the service, as an office does it: reported, then sent back with this new deadline."""
    rectification.report(ws, item, "已整改")
    rectification.send_back(ws, item, "未整改到位", deadline, today=date.fromisoformat(deadline))


def _states(ws: OpenWorkspace, day: date) -> dict[str, dict[int, str]]:
    """Per register, the due state of each row the due list shows on `day`."""
    out: dict[str, dict[int, str]] = {"rectification": {}, "referral": {}, "special": {}}
    for row in due.due(ws, DEMO_CAMPAIGN, today=day).rows:
        out[row.register][row.id] = row.state
    return out


def test_item_deadlines_at_the_edges_agree_in_every_read(world: OpenWorkspace) -> None:
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    assert len(items) >= 6
    chosen = {items[n].id: deadline for n, deadline in enumerate(EDGES)}
    for item, deadline in chosen.items():
        _set_deadline(world, item, deadline)
    reported = items[len(EDGES)].id
    rectification.report(world, reported, "已整改")  # past its deadline on some day, but the unit owes nothing
    expected = {item: EDGES[d] for item, d in chosen.items()}
    for item, state in expected.items():
        assert rectification.show_item(world, item, today=MONDAY).due == state, chosen[item]
    by_id = {v.id: v.due for v in rectification.items_by_id(world, list(expected), today=MONDAY)}
    assert by_id == expected
    listed = {v.id: v.due for v in rectification.list_items(world, DEMO_CAMPAIGN, today=MONDAY)}
    assert {i: listed[i] for i in expected} == expected and listed[reported] is None
    for state in ("due_soon", "overdue"):
        want = [i for i in sorted(expected) if expected[i] == state]
        assert [v.id for v in rectification.list_items(world, DEMO_CAMPAIGN, due=state, today=MONDAY)] == want
        assert rectification.item_ids(world, DEMO_CAMPAIGN, due=state, today=MONDAY) == want
    got = _states(world, MONDAY)["rectification"]
    assert got == {i: s for i, s in expected.items() if s}  # the other items (2027 deadlines) are not due
    counts = due.due_counts(world, DEMO_CAMPAIGN, today=MONDAY)
    assert counts["rectification"] == {"due_soon": 2, "overdue": 1}
    assert counts == due.due(world, DEMO_CAMPAIGN, today=MONDAY).counts()
    rows = due.due(world, DEMO_CAMPAIGN, today=MONDAY).rows
    assert [r.deadline for r in rows if r.register == "rectification"] == ["2026-09-27", "2026-09-28", "2026-10-10"]

    # The day after: yesterday's "today" deadline is overdue now; the 10-11 Sunday deadline is still not due.
    later = _states(world, date(2026, 9, 29))["rectification"]
    assert [later.get(i) for i in chosen] == ["overdue", "overdue", "due_soon", "due_soon", "due_soon"]

    # Per unit: each unit's due rows and counts are the unit's part of the whole.
    units = {v.id: v.unit_code for v in items}
    for unit in sorted(set(units.values())):
        mine = due.due(world, DEMO_CAMPAIGN, unit=unit, today=MONDAY)
        assert {r.id for r in mine.rows if r.register == "rectification"} == {
            i for i, s in expected.items() if s and units[i] == unit}
        assert due.due_counts(world, DEMO_CAMPAIGN, unit=unit, today=MONDAY) == mine.counts()


def test_another_due_soon_setting_moves_the_edge(world: OpenWorkspace) -> None:
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    chosen = {items[n].id: deadline for n, deadline in enumerate(EDGES)}
    for item, deadline in chosen.items():
        _set_deadline(world, item, deadline)
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "due_soon_days", "0")
    assert sorted(_states(world, MONDAY)["rectification"].values()) == ["due_soon", "overdue"]  # today only
    assert due.due_counts(world, DEMO_CAMPAIGN, today=MONDAY)["rectification"] == {"due_soon": 1, "overdue": 1}
    assert rectification.item_ids(world, DEMO_CAMPAIGN, due="due_soon", today=MONDAY) == [
        i for i, d in chosen.items() if d == "2026-09-28"]
    followup_settings.set_setting(world, DEMO_CAMPAIGN, "due_soon_days", "6")  # 6th working day: 10月12日
    got = _states(world, MONDAY)["rectification"]
    assert [got.get(i) for i in chosen] == ["overdue", "due_soon", "due_soon", "due_soon", "due_soon"]
    assert [v.due for v in rectification.items_by_id(world, list(chosen), today=MONDAY)] == [
        "overdue", "due_soon", "due_soon", "due_soon", "due_soon"]


def test_the_spring_festival_edge(world: OpenWorkspace) -> None:
    """From Friday 2026-02-13 five working days are 14 (Saturday, worked), 24, 25, 26, 27: the holiday 15–23
    does not count, the worked Saturday 28 is the 6th."""
    items = rectification.list_items(world, DEMO_CAMPAIGN)
    deadlines = ("2026-02-12", "2026-02-23", "2026-02-27", "2026-02-28")
    chosen = {items[n].id: d for n, d in enumerate(deadlines)}
    for item, deadline in chosen.items():
        _set_deadline(world, item, deadline)
    got = _states(world, date(2026, 2, 13))["rectification"]
    assert [got.get(i) for i in chosen] == ["overdue", "due_soon", "due_soon", None]
    listed = {v.id: v.due for v in rectification.list_items(world, DEMO_CAMPAIGN, today=date(2026, 2, 13))}
    assert [listed[i] for i in chosen] == ["overdue", "due_soon", "due_soon", None]
    assert due.due(world, DEMO_CAMPAIGN, today=date(2026, 2, 13)).calendar_note == ""  # 2026 is known


def test_a_year_the_calendar_does_not_know_counts_monday_to_friday_in_the_due_list(world: OpenWorkspace) -> None:
    wrong = [v for v in rectification.list_items(world, DEMO_CAMPAIGN) if v.deadline == "2027-01-15"]
    assert len(wrong) == 3
    # Friday 2027-01-08: Mon–Fri 11, 12, 13, 14, 15 → the 15th is the 5th working day; from Thursday it is the 6th.
    friday = due.due(world, DEMO_CAMPAIGN, today=date(2027, 1, 8))
    assert {r.id for r in friday.rows if r.state == "due_soon"} >= {v.id for v in wrong}
    assert "2027年" in friday.calendar_note and "周一至周五" in friday.calendar_note
    thursday = due.due(world, DEMO_CAMPAIGN, today=date(2027, 1, 7))
    assert not {r.id for r in thursday.rows} & {v.id for v in wrong}
    assert due.due(world, DEMO_CAMPAIGN, today=date(2027, 1, 16)).counts()["rectification"]["overdue"] >= 3


def test_referral_and_special_deadlines_at_the_edges(world: OpenWorkspace) -> None:
    case = assignment.panels(world, DEMO_CAMPAIGN)[5].case.id
    made = {}
    for deadline in EDGES:
        rid = referrals.add_referral(world, str(case), "承办人违规会见当事人",
                                     [referrals.parse_person("李某,兰州市公安局,民警")], [], DEMO_CAMPAIGN).id
        referrals.issue_letter(world, rid, sent_on="2026-09-01", feedback_deadline=deadline)
        made[rid] = EDGES[deadline]
    answered = next(iter(made))
    for rid, state in made.items():
        assert referrals.show_referral(world, rid, today=MONDAY).due == state
    for state in ("due_soon", "overdue"):
        assert [r.id for r in referrals.list_referrals(world, DEMO_CAMPAIGN, due=state, today=MONDAY)] == [
            r for r, s in made.items() if s == state]
    assert _states(world, MONDAY)["referral"] == {r: s for r, s in made.items() if s}
    referrals.record_feedback(world, answered, "not_filed", "2026-09-28")  # answered: nothing due any more
    assert answered not in _states(world, MONDAY)["referral"]
    assert due.due_counts(world, DEMO_CAMPAIGN, today=MONDAY)["referral"] == {"due_soon": 2, "overdue": 0}

    top = next(r for r in special.ranking(world, DEMO_CAMPAIGN) if r.qualifies)
    made_special = special.create_special(world, DEMO_CAMPAIGN, top.category, "全面排查同类问题", "2026-10-10",
                                          today=date(2026, 9, 1))
    assert _states(world, MONDAY)["special"] == {made_special.id: "due_soon"}
    assert _states(world, date(2026, 10, 12))["special"] == {made_special.id: "overdue"}
    assert due.due_counts(world, DEMO_CAMPAIGN, today=date(2026, 9, 27))["special"] == {"due_soon": 0, "overdue": 0}
    for unit in made_special.units:  # it concerns each of its units
        assert [r.id for r in due.due(world, DEMO_CAMPAIGN, unit=unit, today=MONDAY).rows
                if r.register == "special"] == [made_special.id]
        assert due.due_counts(world, DEMO_CAMPAIGN, unit=unit, today=MONDAY)["special"]["due_soon"] == 1
    assert [r for r in due.due(world, DEMO_CAMPAIGN, unit="NO-SUCH-UNIT", today=MONDAY).rows] == []
    # "N workdays" for a special's deadline counts from the day it is created.
    other = next(r for r in special.ranking(world, DEMO_CAMPAIGN) if r.qualifies and r.category != top.category)
    counted = special.create_special(world, DEMO_CAMPAIGN, other.category, "整改", "5个工作日", today=MONDAY)
    assert counted.deadline == "2026-10-10"


def test_the_calendar_note_names_only_the_unknown_years_a_count_crossed() -> None:
    """What the 移送整改 forms say after a service counted a deadline (ui/dialogs/followup_forms.py)."""
    from reviewdesk.followup.dates import counts_workdays
    from reviewdesk.followup.workdays import add_workdays, calendar_note

    assert calendar_note(date(2026, 9, 28), date(2026, 10, 12)) == ""
    counted = add_workdays(date(2026, 12, 28), 10)
    assert counted.day == date(2027, 1, 11)
    assert calendar_note(date(2026, 12, 28), counted.day) == counted.note != ""
    assert calendar_note(date(2027, 1, 4), date(2027, 1, 4)) == ""  # nothing counted
    assert [counts_workdays(v) for v in ("10个工作日", "15 workdays", "3工作日", "2027-01-15", "", None)] == [
        True, True, True, False, False, False]
