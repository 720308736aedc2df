"""Case selection: the pure draw (property tests), the pool filters, and the services against the real store."""

from __future__ import annotations

import hashlib
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reviewdesk.selection import draw as pure
from reviewdesk.selection.filters import parse_clause, parse_where
from reviewdesk.services import campaigns, selection
from reviewdesk.store.models import (
    AuditEntry,
    Campaign,
    CampaignCase,
    Case,
    Expert,
    PanelMember,
    Selection,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

ISSUER = "ABCDEF0123456789"
UNITS = [("FY-CG", "court", "620102"), ("FY-QZ", "court", "620502"), ("JCY-CG", "procuratorate", "620102"), ("GAJ-BY", "police", "620402")]
TYPES = ["civil", "criminal", "enforcement", "administrative"]


# -- building a pool in the store ----------------------------------------------------------------------------
def make_campaign(ws: OpenWorkspace, cases: int = 40, campaign_id: str = "C1") -> list[int]:
    """Units, a campaign and `cases` cases with varied fields (deterministic); returns the case ids."""
    with ws.write_session() as s, s.begin():
        for code, kind, region in UNITS:
            if s.get(Unit, code) is None:
                s.add(Unit(code=code, name=f"单位{code}", kind=kind, region_code=region))
        s.add(Campaign(id=campaign_id, name="2026年评查", year=2026, created_at=now()))
        s.flush()  # units and campaign first: cases refer to them
        made = [add_case(s, campaign_id, i) for i in range(cases)]
        s.flush()
        return [c.id for c in made]


def add_case(s, campaign_id: str, i: int, **overrides: object) -> Case:
    fields: dict[str, object] = dict(
        issuer_key_id=ISSUER, external_id=f"GS-2026-{i:04d}", campaign_id=campaign_id,
        case_number=f"（2023）甘0102民初{i}号", title=f"张某诉李某纠纷{i}", case_type=TYPES[i % 4], cause="纠纷",
        stage="一审", unit_code=UNITS[i % 3 if i % 5 else 3][0], closed_on=f"2023-{1 + i % 12:02d}-15", summary="",
        petition_count=i % 7, flag_unenforced=i % 3 == 0, flag_unresolved=i % 4 == 1, flag_repeated=i % 5 == 2,
        imported_at=now(),
    )
    fields.update(overrides)
    case = Case(**fields)
    s.add(case)
    return case


def _keys(ws: OpenWorkspace, campaign_id: str, how: str) -> set[int]:
    with ws.read_session() as s:
        return set(s.execute(select(CampaignCase.case_id).where(CampaignCase.campaign_id == campaign_id, CampaignCase.how == how)).scalars())


def _panel(ws: OpenWorkspace, campaign_id: str, case_id: int) -> None:
    with ws.write_session() as s, s.begin():
        expert = Expert(external_id="EXP-0001", name="王某", profession="judge", unit_code="FY-QZ", source="test", created_at=now(), updated_at=now())
        s.add(expert)
        s.flush()
        s.add(PanelMember(campaign_id=campaign_id, case_id=case_id, expert_id=expert.id, role="leader", assigned_by="admin", assigned_at=now()))


# -- the pure draw: properties --------------------------------------------------------------------------------
pool_cases = st.lists(
    st.builds(
        pure.PoolCase,
        key=st.text("abcXYZ09-:", min_size=1, max_size=12),
        case_type=st.sampled_from(TYPES),
        unit_code=st.sampled_from(["U1", "U2", "U3"]),
        region=st.sampled_from(["620102", "620502", "620402"]),
        flags=st.sampled_from([(), ("unenforced",), ("unresolved", "repeated")]),
        petition_count=st.integers(0, 20),
        closed_on=st.sampled_from([None, "2023-01-01", "2024-06-30"]),
    ),
    max_size=60,
    unique_by=lambda c: c.key,
)


@settings(max_examples=150, deadline=None)
@given(pool=pool_cases, data=st.data(), seed=st.text(min_size=1, max_size=20), strata=st.sampled_from([None, *pure.STRATA_FIELDS]))
def test_draw_properties(pool: list[pure.PoolCase], data: st.DataObject, seed: str, strata: str | None) -> None:
    n = data.draw(st.integers(0, len(pool)))
    first = pure.draw(pool, n, seed, strata)
    again = pure.draw(list(reversed(pool)), n, seed, strata)
    assert first.keys == again.keys  # deterministic, whatever order the store returns the pool in
    assert len(first.keys) == n == len(set(first.keys))
    assert set(first.keys) <= {c.key for c in pool}
    assert list(first.keys) == sorted(first.keys, key=lambda k: pure.rank(seed, k))
    if strata is not None and pool:
        assert sum(d for _, d in first.strata.values()) == n
        assert sum(p for p, _ in first.strata.values()) == len(pool)
        assert all(0 <= d <= p for p, d in first.strata.values())


@settings(max_examples=60, deadline=None, derandomize=True)  # a 1-in-30,000 clash must not flake
@given(pool=pool_cases.filter(lambda p: len(p) >= 10), seed=st.text(min_size=1, max_size=20))
def test_another_seed_changes_the_result(pool: list[pure.PoolCase], seed: str) -> None:
    n = len(pool) // 2
    assert pure.draw(pool, n, seed).keys != pure.draw(pool, n, seed + "x").keys


@given(sizes=st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 50), max_size=8), data=st.data())
def test_allocate_is_proportional_and_sums(sizes: dict[str, int], data: st.DataObject) -> None:
    total = sum(sizes.values())
    n = data.draw(st.integers(0, total))
    seats = pure.allocate(sizes, n)
    assert sum(seats.values()) == n
    for name, size in sizes.items():
        exact = Fraction(n * size, total) if total else 0
        assert exact - 1 < seats[name] < exact + 1 and seats[name] <= size


def test_rank_is_plain_sha256_and_allocation_ties_go_by_name() -> None:
    assert pure.rank("2026-seed", "K:GS-1") == hashlib.sha256(b"2026-seed\nK:GS-1").hexdigest()
    assert pure.allocate({"b": 1, "a": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert pure.allocate({"big": 9, "small": 1}, 3) == {"big": 3, "small": 0}  # a stratum may get 0
    assert pure.sample_size(30, ratio=Fraction("0.1")) == 3  # exact: float 0.1 × 30 would round up to 4
    assert pure.sample_size(31, ratio=Fraction("0.1")) == 4


def test_fingerprint_sees_every_field_and_ignores_order() -> None:
    a = pure.PoolCase("K:1", "civil", "U1", "620102", ("unenforced",), 3, "2023-01-01")
    b = pure.PoolCase("K:2", "criminal", "U2", "620502", (), 0, None)
    base = pure.fingerprint([a, b])
    assert base == pure.fingerprint([b, a])
    edits = [
        {"case_type": "enforcement"}, {"unit_code": "U9"}, {"region": "620103"}, {"flags": ()},
        {"petition_count": 4}, {"closed_on": None},
    ]
    for edit in edits:
        assert pure.fingerprint([pure.PoolCase(**{**a.__dict__, **edit}), b]) != base, edit
    assert pure.fingerprint([a]) != base


# -- filters ------------------------------------------------------------------------------------------------
def test_where_clauses_parse_to_canonical_text() -> None:
    assert [c.text for c in parse_where(["type = criminal,civil", "petition>=03", "closed<=2024-01-31"])] == [
        "closed<=2024-01-31", "petition>=3", "type=civil,criminal",
    ]
    case = pure.PoolCase("K:1", "civil", "U1", "620102", ("repeated",), 3, None)
    assert parse_clause("region=6201").holds(case) and not parse_clause("region=6205").holds(case)
    assert parse_clause("flag=unenforced,repeated").holds(case)
    assert not parse_clause("closed>=2020-01-01").holds(case)  # no closing date: a date bound never holds


@pytest.mark.parametrize(
    ("expr", "says"),
    [
        ("type=murder", "unknown case type 'murder'"), ("flag=angry", "unknown flag"), ("region=62a", "2, 4 or 6 digits"),
        ("petition>=x", "whole number"), ("closed<=2024-02-30", "YYYY-MM-DD"), ("petition=3", "takes '>='"),
        ("colour=red", "not a filter"), ("type=", "no value"), ("region=62,63", "one value"),
    ],
)
def test_bad_where_clauses_are_named(expr: str, says: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_clause(expr)
    assert expr in err.value.message and says in err.value.message
    assert err.value.message_zh != err.value.message


# -- services -----------------------------------------------------------------------------------------------
def test_draw_stores_and_verify_replays(admin_ws: OpenWorkspace) -> None:
    make_campaign(admin_ws, 40)
    result = selection.draw(admin_ws, "C1", ratio="0.25", where=["type=civil,criminal,enforcement"], strata="unit", seed="甘肃-2026-03-05")
    assert result.pool_size == 30 and result.count == 8 and result.selection_id is not None
    assert sum(d for _, d in result.strata.values()) == 8
    # Another office's script: rank the pool keys per stratum with plain SHA-256.
    with admin_ws.read_session() as s:
        row = s.get(Selection, result.selection_id)
        assert row is not None and json.loads(row.result) == [c.key for c in result.cases]
        assert json.loads(row.params)["ratio"] == "0.25" and row.seed == "甘肃-2026-03-05"
        audit = s.execute(select(AuditEntry).where(AuditEntry.action == "selection.draw")).scalar_one()
        assert json.loads(audit.details)["fingerprint"] == result.pool_fingerprint
    assert _keys(admin_ws, "C1", "random") == {c.case_id for c in result.cases}
    report = selection.verify(admin_ws, "C1")
    assert report.ok and report.problems() == []
    # The dry run with the same inputs gives the same cases and stores nothing new.
    dry = selection.draw(admin_ws, "C1", ratio=0.25, where=["type=civil,criminal,enforcement"], strata="unit", seed="甘肃-2026-03-05", dry_run=True)
    assert dry.selection_id is None and [c.key for c in dry.cases] == [c.key for c in result.cases]
    with admin_ws.read_session() as s:
        assert len(s.execute(select(Selection)).all()) == 1


def test_verify_detects_an_edited_and_an_added_case(admin_ws: OpenWorkspace) -> None:
    ids = make_campaign(admin_ws, 20)
    selection.draw(admin_ws, "C1", count=5, where=["petition>=1"], seed="s1")
    with admin_ws.write_session() as s, s.begin():
        s.execute(update(Case).where(Case.id == ids[1]).values(petition_count=6))  # still in the pool, edited
        add_case(s, "C1", 99, petition_count=2)
    report = selection.verify(admin_ws, "C1")
    assert not report.ok and (report.pool_added, report.pool_removed, report.pool_edited) == (1, 0, 1)
    assert "1 added, 0 removed, 1 edited" in report.problems()[0][0]


def test_verify_detects_a_tampered_seed_and_result(admin_ws: OpenWorkspace) -> None:
    make_campaign(admin_ws, 20)
    selection.draw(admin_ws, "C1", count=6, seed="honest")
    with admin_ws.write_session() as s, s.begin():
        s.execute(text("UPDATE selections SET seed = 'forged'"))
    report = selection.verify(admin_ws, "C1")
    assert report.pool_matches and not report.result_matches and not report.ok
    with admin_ws.write_session() as s, s.begin():
        s.execute(text("UPDATE selections SET seed = 'honest'"))
        row = s.execute(select(Selection)).scalar_one()
        keys = json.loads(row.result)
        s.execute(text("UPDATE selections SET result = :r"), {"r": json.dumps(keys[1:])})
    report = selection.verify(admin_ws, "C1")
    assert not report.result_matches and report.rows_extra == 1


def test_new_draw_replaces_random_picks_but_keeps_key_cases(admin_ws: OpenWorkspace) -> None:
    ids = make_campaign(admin_ws, 20)
    key = selection.add_key_case(admin_ws, "C1", "GS-2026-0003", "反复信访，群众关注")
    assert key.case_id == ids[3] and key.how == "key"
    first = selection.draw(admin_ws, "C1", count=19, seed="a")  # 19 of 20: the key case is surely drawn
    assert first.kept_key_cases == 1 and ids[3] not in _keys(admin_ws, "C1", "random")
    second = selection.draw(admin_ws, "C1", count=3, seed="b")
    assert _keys(admin_ws, "C1", "random") == {c.case_id for c in second.cases} - {ids[3]}
    assert _keys(admin_ws, "C1", "key") == {ids[3]}
    assert selection.verify(admin_ws, "C1").ok
    listed = selection.selected_cases(admin_ws, "C1")
    assert {(c.case_id, c.how) for c in listed} >= {(ids[3], "key")}
    assert next(c for c in listed if c.how == "key").reason == "反复信访，群众关注"
    assert all(c.selection_id == second.selection_id for c in listed if c.how == "random")


def test_removal_is_audited_and_verify_explains_it(admin_ws: OpenWorkspace) -> None:
    make_campaign(admin_ws, 12)
    result = selection.draw(admin_ws, "C1", count=4, seed="x")
    gone = selection.remove_case(admin_ws, "C1", str(result.cases[0].case_id), "与另一案件重复")
    assert gone.how == "random" and result.cases[0].case_id not in _keys(admin_ws, "C1", "random")
    report = selection.verify(admin_ws, "C1")
    assert report.ok and report.rows_removed_by_hand == 1 and report.rows_missing == 0
    with admin_ws.write_session() as s, s.begin():  # a row deleted behind the service's back is caught
        s.execute(text("DELETE FROM campaign_cases WHERE case_id = :c"), {"c": result.cases[1].case_id})
    assert selection.verify(admin_ws, "C1").rows_missing == 1


def test_refusals(admin_ws: OpenWorkspace, login_as) -> None:
    ids = make_campaign(admin_ws, 10)
    campaigns.create_campaign(admin_ws, "C2", "另一活动", 2026)
    with pytest.raises(ValidationError, match="11 cases asked but the pool holds only 10"):
        selection.draw(admin_ws, "C1", count=11, seed="s")
    with pytest.raises(ValidationError, match="ratio"):
        selection.draw(admin_ws, "C1", ratio="1.5", seed="s")
    with pytest.raises(ValidationError, match="either a count or a ratio"):
        selection.draw(admin_ws, "C1", seed="s")
    with pytest.raises(ValidationError, match="no unit 'NOPE'"):
        selection.draw(admin_ws, "C1", count=1, where=["unit=NOPE"], seed="s")
    with pytest.raises(ValidationError, match="seed"):
        selection.draw(admin_ws, "C1", count=1, seed=" ")
    with pytest.raises(ValidationError, match="no case of the campaign"):
        selection.draw(admin_ws, "C2", count=1, seed="s")
    with pytest.raises(NotFound):
        selection.draw(admin_ws, "C9", count=1, seed="s")
    with pytest.raises(NotFound, match="no random draw"):
        selection.verify(admin_ws, "C1")
    with pytest.raises(ValidationError, match="does not belong"):
        selection.add_key_case(admin_ws, "C2", str(ids[0]), "理由")
    with pytest.raises(ValidationError, match="reason"):
        selection.add_key_case(admin_ws, "C1", str(ids[0]), "  ")
    with pytest.raises(PermissionDenied):
        selection.draw(login_as("observer"), "C1", count=1, seed="s")
    drawn = selection.draw(admin_ws, "C1", count=3, seed="s")
    with pytest.raises(Conflict, match="already selected"):
        selection.add_key_case(admin_ws, "C1", str(drawn.cases[0].case_id), "理由")
    _panel(admin_ws, "C1", drawn.cases[0].case_id)
    with pytest.raises(Conflict, match="already has panels"):
        selection.draw(admin_ws, "C1", count=2, seed="t")
    with pytest.raises(Conflict, match="already has a panel"):
        selection.remove_case(admin_ws, "C1", str(drawn.cases[0].case_id), "理由")
    assert _keys(admin_ws, "C1", "random") == {c.case_id for c in drawn.cases}  # nothing half-written
    assert len(selection.selected_cases(login_as("observer"), "C1")) == 3
