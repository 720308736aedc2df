"""Panel drawing through the services and the CLI, on the real encrypted store."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewdesk.assignment import Problem, Solution
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from reviewdesk.recusal.engine import check_pair, excludes
from reviewdesk.services import assignment
from reviewdesk.store.models import (
    AssignmentRun,
    AuditEntry,
    Campaign,
    CampaignCase,
    Case,
    CaseHandler,
    Expert,
    PanelBackup,
    PanelChange,
    PanelMember,
    RecusalDeclaration,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli


class World:
    """Inserts units, experts, cases, campaigns and selections directly (the importers are other issues)."""

    def __init__(self, ws: OpenWorkspace, prefix: str = "") -> None:
        self.ws = ws
        self.p = prefix
        self.n = 0

    def _add(self, *rows: object) -> None:
        with self.ws.write_session() as s, s.begin():
            s.add_all(rows)

    def unit(self, code: str, region: str = "620102") -> str:
        code = self.p + code
        with self.ws.write_session() as s, s.begin():
            if s.get(Unit, code) is None:
                s.add(Unit(code=code, name=f"单位{code}", kind="court", region_code=region))
        return code

    def expert(
        self, key: str, unit: str, *, profession: str = "judge", specialties: str = "criminal", available: bool = True,
        max_load: int | None = None, id_number: str | None = None,
    ) -> int:
        self.unit(unit)
        with self.ws.write_session() as s, s.begin():
            e = Expert(
                external_id=self.p + key, name=f"专家{key}", id_number=id_number, profession=profession,
                unit_code=self.p + unit, specialties=specialties, available=available, max_load=max_load,
                source="test", created_at=now(), updated_at=now(),
            )
            s.add(e)
            s.flush()
            return e.id

    def case(self, key: str, unit: str, case_type: str = "criminal", handlers: Sequence[tuple[str, str]] = ()) -> int:
        self.unit(unit)
        with self.ws.write_session() as s, s.begin():
            c = Case(
                issuer_key_id="TEST", external_id=self.p + key, case_number=f"（2026）{key}号", title=key,
                case_type=case_type, cause="", stage="closed", unit_code=self.p + unit, summary="", imported_at=now(),
            )
            s.add(c)
            s.flush()
            for name, idn in handlers:
                s.add(CaseHandler(case_id=c.id, name=name, id_number=idn, unit_code=self.p + unit, role="承办人"))
            return c.id

    def campaign(
        self, cid: str, *, panel_size: int = 3, composition: str = "[]", max_load: int | None = None,
        level: str = "none", cases: Sequence[int] = (),
    ) -> str:
        cid = self.p + cid
        self._add(Campaign(
            id=cid, name=cid, year=2026, panel_size=panel_size, composition=composition, max_load=max_load,
            cross_region_level=level, status="planning", created_at=now(), kind="regular",
        ))
        self._add(*[
            CampaignCase(campaign_id=cid, case_id=c, how="key", added_by="admin", added_at=now()) for c in cases
        ])
        return cid

    def declare(self, expert_id: int, case_id: int | None) -> None:
        self._add(RecusalDeclaration(
            expert_id=expert_id, case_id=case_id, kind="self_declared", note="test", recorded_by="admin",
            recorded_at=now(),
        ))


def ident(n: int) -> str:
    return f"62010219800101{n:04d}"


def rows(ws: OpenWorkspace, model: type, **where: object) -> list:
    with ws.read_session() as s:
        stmt = select(model)
        for k, v in where.items():
            stmt = stmt.where(getattr(model, k) == v)
        return list(s.execute(stmt).scalars())


def standard(ws: OpenWorkspace, n_cases: int = 4) -> tuple[World, str, list[int], list[int]]:
    """Seven experts in seven units (two of them non-specialists), cases handled by an eighth unit."""
    w = World(ws)
    profs = ["judge", "prosecutor", "academic", "lawyer", "police", "judge", "lawyer"]
    experts = [
        w.expert(f"E{i}", f"U{i}", profession=p, specialties="criminal" if i < 5 else "civil")
        for i, p in enumerate(profs)
    ]
    cases = [w.case(f"C{i}", "HANDLING") for i in range(n_cases)]
    return w, w.campaign("camp", cases=cases), cases, experts


def test_propose_apply_and_list(admin_ws: OpenWorkspace) -> None:
    w, camp, cases, experts = standard(admin_ws)
    prop = assignment.propose(admin_ws, camp, seed="s1")
    assert prop.stats["staffed"] == 4 and not prop.unstaffed and not prop.unmet
    assert rows(admin_ws, PanelMember) == []  # propose writes nothing
    for p in prop.panels:
        assert len(p.members) == 3
        assert len({m.unit for m in p.members}) == 3
        assert any(m.specialist for m in p.members)
        assert p.members[0].role == "leader" and p.members[0].specialist
        assert p.members[0].profession in ("judge", "prosecutor", "academic")
        assert len(p.backups) == 3 and not {b.expert_id for b in p.backups} & {m.expert_id for m in p.members}
    loads = [x["load"] for x in prop.loads]
    assert sum(loads) == 12 and max(loads) - min(loads) <= 1

    done = assignment.apply(admin_ws, camp, seed="s1", expect=prop.fingerprint)
    assert done.run_id is not None and done.fingerprint == prop.fingerprint
    assert len(rows(admin_ws, PanelMember, campaign_id=camp)) == 12
    assert len(rows(admin_ws, PanelBackup, campaign_id=camp)) == 12
    run = rows(admin_ws, AssignmentRun, campaign_id=camp)[0]
    assert json.loads(run.params)["seed"] == "s1"
    audit = [a for a in rows(admin_ws, AuditEntry) if a.action == "assignment.apply"]
    details = json.loads(audit[-1].details)
    assert details["members"] == 12 and details["seed"] == "s1" and "专家" not in audit[-1].details

    views = assignment.panels(admin_ws, camp)
    assert [v.case.id for v in views] == sorted(cases)
    assert all(v.leader is not None for v in views)
    # A second apply replaces the first panels instead of adding to them.
    assignment.apply(admin_ws, camp, seed="s2")
    assert len(rows(admin_ws, PanelMember, campaign_id=camp)) == 12


def test_same_seed_same_panels_other_seed_recorded(admin_ws: OpenWorkspace) -> None:
    _w, camp, _cases, _experts = standard(admin_ws)
    a = assignment.propose(admin_ws, camp, seed="alpha")
    b = assignment.propose(admin_ws, camp, seed="alpha")
    assert a.fingerprint == b.fingerprint and a.to_json()["panels"] == b.to_json()["panels"]
    c = assignment.propose(admin_ws, camp)
    assert isinstance(c.params["seed"], str) and len(str(c.params["seed"])) == 16


def test_no_cases_selected(admin_ws: OpenWorkspace) -> None:
    w = World(admin_ws)
    w.expert("E1", "U1")
    camp = w.campaign("empty")
    with pytest.raises(ValidationError, match="no cases are selected for campaign empty; run `reviewdesk select`") as err:
        assignment.propose(admin_ws, camp)
    assert "尚未选定案件" in err.value.message_zh
    with pytest.raises(NotFound):
        assignment.propose(admin_ws, "nope")


def test_too_few_eligible_names_the_rules(admin_ws: OpenWorkspace) -> None:
    w = World(admin_ws)
    w.expert("E1", "U1", id_number=ident(1))
    w.expert("E2", "U2")
    w.expert("E3", "U3")
    w.expert("E4", "U4", available=False)
    handled = w.case("C1", "U2", handlers=[("专家E1", ident(1))])  # E1 handled it, E2 sits in the unit
    camp = w.campaign("c", cases=[handled])
    prop = assignment.propose(admin_ws, camp, seed="x")
    (panel,) = prop.unstaffed
    reason = panel.problems[0]
    assert reason.code == "too_few_eligible"
    assert reason.details["excluded_by_rule"] == {"handler": 1, "same_unit": 1, "unavailable": 1}
    assert "handler: 1" in reason.message and "same_unit: 1" in reason.message
    assert panel.members == []
    with pytest.raises(Conflict, match="cannot be fully staffed"):
        assignment.apply(admin_ws, camp, seed="x")
    assert rows(admin_ws, AssignmentRun) == []


def test_too_few_units(admin_ws: OpenWorkspace) -> None:
    w = World(admin_ws)
    for i in range(4):
        w.expert(f"E{i}", f"U{i % 2}")
    camp = w.campaign("c", cases=[w.case("C1", "H")])
    (panel,) = assignment.propose(admin_ws, camp, seed="x").unstaffed
    assert panel.problems[0].code == "too_few_units"
    assert panel.problems[0].details == {"eligible": 4, "units": 2, "needed": 3}


def test_max_load_and_allow_partial(admin_ws: OpenWorkspace) -> None:
    w = World(admin_ws)
    for i in range(4):
        w.expert(f"E{i}", f"U{i}")
    cases = [w.case(f"C{i}", "H") for i in range(2)]
    camp = w.campaign("c", cases=cases, max_load=1)
    prop = assignment.propose(admin_ws, camp, seed="x")
    assert prop.stats["staffed"] == 1
    (panel,) = prop.unstaffed
    assert panel.problems[0].code == "max_load"
    assert panel.problems[0].details["at_max_load"] == 3
    # The command's max_load overrides the campaign's.
    assert assignment.propose(admin_ws, camp, seed="x", max_load=2).stats["staffed"] == 2
    done = assignment.apply(admin_ws, camp, seed="x", allow_partial=True)
    assert done.run_id is not None
    assert len(rows(admin_ws, PanelMember, campaign_id=camp)) == 3


def test_specialist_missing_and_composition(admin_ws: OpenWorkspace) -> None:
    w = World(admin_ws)
    for i, prof in enumerate(["judge", "judge", "judge", "lawyer", "academic"]):
        w.expert(f"E{i}", f"U{i}", profession=prof, specialties="civil" if i < 4 else "criminal")
    civil = w.case("C1", "H", case_type="civil")
    admin_case = w.case("C2", "H", case_type="administrative")
    rule = json.dumps([{"professions": ["lawyer", "academic"], "min": 2}])
    camp = w.campaign("c", cases=[civil, admin_case], composition=rule)
    prop = assignment.propose(admin_ws, camp, seed="x")
    by_case = {p.case.id: p for p in prop.panels}
    assert {m.profession for m in by_case[civil].members} >= {"lawyer", "academic"}
    assert by_case[civil].status == "staffed"
    assert by_case[admin_case].status == "unmet"
    assert [s.code for s in by_case[admin_case].problems] == ["no_specialist"]
    assert any(m.profession == "lawyer" for m in by_case[admin_case].members)


def test_observer_may_preview_not_apply(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> None:
    _w, camp, _c, _e = standard(admin_ws, 2)
    observer = login_as("observer")
    assert assignment.propose(observer, camp, seed="x").stats["staffed"] == 2
    with pytest.raises(PermissionDenied):
        assignment.apply(observer, camp, seed="x")
    expert = login_as("expert")
    with pytest.raises(PermissionDenied):
        assignment.propose(expert, camp, seed="x")


def test_stale_preview_refused_and_conflict_never_saved(admin_ws: OpenWorkspace) -> None:
    w, camp, cases, _ = standard(admin_ws, 2)
    prop = assignment.propose(admin_ws, camp, seed="s")
    victim = prop.panels[0].members[1]
    w.declare(victim.expert_id, prop.panels[0].case.id)  # a conflict appears between preview and apply
    with pytest.raises(Conflict, match="out of date"):
        assignment.apply(admin_ws, camp, seed="s", expect=prop.fingerprint)
    assert rows(admin_ws, PanelMember) == []
    assignment.apply(admin_ws, camp, seed="s")
    saved = {(r.case_id, r.expert_id) for r in rows(admin_ws, PanelMember, campaign_id=camp)}
    assert (prop.panels[0].case.id, victim.expert_id) not in saved
    assert len(saved) == 6


def test_recheck_refuses_an_excluded_member(admin_ws: OpenWorkspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: even if the solver put an excluded expert on a panel, apply saves nothing."""
    w, camp, cases, experts = standard(admin_ws, 1)
    w.declare(experts[0], cases[0])
    real = assignment.solve

    def sloppy(problem: Problem) -> Solution:
        sol = real(problem)
        cid = problem.cases[0].id
        sol.panels[cid] = [experts[0], *sol.panels[cid][1:]]
        return sol

    monkeypatch.setattr(assignment, "solve", sloppy)
    with pytest.raises(Conflict, match="may not sit on case C0: declared"):
        assignment.apply(admin_ws, camp, seed="s")
    assert rows(admin_ws, PanelMember) == [] and rows(admin_ws, AssignmentRun) == []


def test_replace_takes_best_fitting_backup(admin_ws: OpenWorkspace) -> None:
    w, camp, cases, _ = standard(admin_ws, 1)
    done = assignment.apply(admin_ws, camp, seed="r")
    panel = done.panels[0]
    leader = panel.members[0]
    first, second = panel.backups[0], panel.backups[1]
    w.declare(first.expert_id, cases[0])  # the first backup has meanwhile declared a conflict
    view = assignment.replace(admin_ws, camp, str(cases[0]), leader.external_id, "自行回避")
    ids = {m.expert_id for m in view.members}
    assert leader.expert_id not in ids and second.expert_id in ids and first.expert_id not in ids
    assert sum(m.role == "leader" for m in view.members) == 1
    assert len({m.unit for m in view.members}) == 3
    (ch,) = view.changes
    assert (ch.removed, ch.added, ch.reason) == (leader.external_id, second.external_id, "自行回避")
    assert len(rows(admin_ws, PanelChange)) == 1
    assert second.expert_id not in {b.expert_id for b in view.backups}
    with pytest.raises(NotFound, match="not on the panel"):
        assignment.replace(admin_ws, camp, str(cases[0]), leader.external_id, "again")
    with pytest.raises(ValidationError):
        assignment.replace(admin_ws, camp, str(cases[0]), second.external_id, " ")


def test_replace_without_fitting_backup(admin_ws: OpenWorkspace) -> None:
    w, camp, cases, _ = standard(admin_ws, 1)
    panel = assignment.apply(admin_ws, camp, seed="r").panels[0]
    for b in panel.backups:
        w.declare(b.expert_id, cases[0])
    with pytest.raises(Conflict, match="no backup fits case C0") as err:
        assignment.replace(admin_ws, camp, "C0", panel.members[1].external_id, "late recusal")
    assert "declared" in err.value.message
    assert len(rows(admin_ws, PanelMember, campaign_id=camp)) == 3


def test_manual_change_rechecked(admin_ws: OpenWorkspace) -> None:
    w, camp, cases, experts = standard(admin_ws, 1)
    panel = assignment.apply(admin_ws, camp, seed="m").panels[0]
    out = panel.members[1]
    on_panel = {m.expert_id for m in panel.members}
    outsider = next(e for e in experts if e not in on_panel)
    w.declare(outsider, cases[0])
    with pytest.raises(Conflict, match="declared") as err:
        assignment.change_member(admin_ws, camp, "C0", out.external_id, str(outsider), "换人")
    assert "专家" in err.value.message_zh
    same_unit_as_leader = w.expert("EX", panel.members[0].unit.removeprefix(w.p))
    with pytest.raises(Conflict, match=r"unit \S+ already on the panel"):
        assignment.change_member(admin_ws, camp, "C0", out.external_id, str(same_unit_as_leader), "换人")
    with pytest.raises(Conflict, match="is already on the panel of case C0"):
        assignment.change_member(admin_ws, camp, "C0", out.external_id, panel.members[0].external_id, "换人")
    fresh = w.expert("EY", "U-NEW")
    view = assignment.change_member(admin_ws, camp, "C0", out.external_id, "EY", "换人")
    assert fresh in {m.expert_id for m in view.members} and out.expert_id not in {m.expert_id for m in view.members}
    with admin_ws.read_session() as s:
        assert excludes(s, cases[0], fresh, check_pair(s, camp, cases[0], fresh)) == []
        assert s.execute(select(func.count()).select_from(PanelChange)).scalar_one() == 1


def _cli(folder: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli("--workspace", str(folder), *args, "--user", ADMIN, "--password-env", "PW", env={"PW": ADMIN_PW})
    return done.returncode, done.stdout, done.stderr


def test_cli_assign_refuse_apply_panels_replace(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    _w, camp, cases, _ = standard(admin_ws, 2)
    # Seven experts cannot fill panels of eight: the dry run shows why, the real run saves nothing (exit 11).
    code, out, err = _cli(ws_folder, "assign", "--campaign", camp, "--panel-size", "8", "--dry-run", "--json")
    assert code == 0, err
    preview = json.loads(out)
    assert preview["applied"] is False and preview["stats"]["unstaffed"] == 2
    assert preview["proofs"] == [] and preview["search"]["proven"] is True
    assert preview["unstaffed"][0]["reasons"][0]["code"] == "too_few_eligible"
    code, out, err = _cli(ws_folder, "assign", "--campaign", camp, "--panel-size", "8", "--seed", "k")
    assert code == 11 and "only 7 experts are free of conflicts, 8 needed" in out and "Nothing saved" in out
    assert rows(admin_ws, PanelMember) == []
    code, out, err = _cli(ws_folder, "assign", "--campaign", camp, "--seed", "k")
    assert code == 0, err
    assert "Saved as assignment run" in out and "(组长/leader)" in out and "seed k" in out
    code, out, err = _cli(ws_folder, "panels", "--campaign", camp, "--json")
    listed = json.loads(out)
    assert [p["case"]["id"] for p in listed] == cases
    member = listed[0]["members"][1]["external_id"]
    code, out, err = _cli(ws_folder, "assign", "replace", "--campaign", camp, "--case", "C0", "--expert", member,
                          "--reason", "回避", "--json")
    assert code == 0, err
    assert json.loads(out)["changes"][0]["removed"] == member


def test_saving_a_preview_reuses_its_panels_while_inputs_match(admin_ws: OpenWorkspace, monkeypatch: pytest.MonkeyPatch) -> None:
    w, camp, cases, _ = standard(admin_ws, 2)
    prop = assignment.propose(admin_ws, camp, seed="reuse")
    assert prop.inputs and prop.stats["reused"] is False and prop.search["method"] in ("flow", "exact")

    def no_second_draw(problem: Problem) -> Solution:
        raise AssertionError("drew again although nothing changed")

    monkeypatch.setattr(assignment, "solve", no_second_draw)
    done = assignment.apply(admin_ws, camp, seed="reuse", expect=prop.fingerprint, preview=prop)
    assert done.run_id is not None and done.stats["reused"] is True and done.fingerprint == prop.fingerprint
    audit = [a for a in rows(admin_ws, AuditEntry) if a.action == "assignment.apply"]
    assert json.loads(audit[-1].details)["redrawn"] is False
    monkeypatch.undo()
    # A new finding changes the inputs: the draw is made again (and here differs, so the stale preview is refused).
    w.declare(prop.panels[0].members[1].expert_id, prop.panels[0].case.id)
    with pytest.raises(Conflict, match="out of date"):
        assignment.apply(admin_ws, camp, seed="reuse", expect=prop.fingerprint, preview=prop)
    # Another seed is another input.
    other = assignment.apply(admin_ws, camp, seed="other", preview=prop)
    assert other.stats["reused"] is False


def test_impossible_requirement_is_proven_in_the_cli(admin_ws: OpenWorkspace, ws_folder: Path) -> None:
    """Two lawyers with a maximum load of 1 for three cases that each need one: proven, named, nothing saved."""
    w = World(admin_ws)
    for i, prof in enumerate(["judge", "judge", "judge", "prosecutor", "lawyer", "lawyer"]):
        w.expert(f"E{i}", f"U{i}", profession=prof, max_load=1 if prof == "lawyer" else None)
    cases = [w.case(f"C{i}", "H") for i in range(3)]
    camp = w.campaign("c", cases=cases, composition=json.dumps([{"professions": ["lawyer"], "min": 1}]))
    code, out, err = _cli(ws_folder, "assign", "--campaign", camp, "--seed", "p", "--json")
    assert code == 11, err
    body = json.loads(out)
    (why,) = body["proofs"]
    assert why["code"] == "composition" and why["details"]["capacity"] == 2 and why["details"]["needed"] == 3
    assert body["search"]["requirements"] == "impossible" and body["search"]["proven"] is True
    (short,) = body["unstaffed"]
    assert short["status"] == "unmet" and short["reasons"][0]["details"]["proven"] is True
    code, out, err = _cli(ws_folder, "assign", "--campaign", camp, "--seed", "p", "--dry-run")
    assert code == 0 and "impossible: 3 cases need at least 1 lawyer member(s) each" in out
