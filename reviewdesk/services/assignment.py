"""Panel drawing (组建评查组/分案): propose, apply, replace a member, change a member by hand, list panels.

The solver (reviewdesk/assignment/) works on arrays; this module feeds it from the recusal engine's screening
and the expert rows, and turns its result into views, JSON and stored rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reviewdesk.assignment import CaseSpec, CompositionRule, ExpertSpec, Problem, Shortfall, solve
from reviewdesk.assignment.problem import LEADER_PROFESSIONS, PROFESSION_ORDER
from reviewdesk.assignment.tiebreak import key_hashes, pair_hash
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.recusal.engine import Screening, check_pair, excludes, screen
from reviewdesk.recusal.findings import Finding
from reviewdesk.services import panel_views
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.services.lookup import resolve_case, resolve_expert
from reviewdesk.services.panel_views import (  # noqa: F401 (MemberInfo, ChangeInfo: part of this service's views)
    PANEL_READERS,
    CaseRef,
    ChangeInfo,
    MemberInfo,
    PanelView,
    _campaign,
    _member,
    _unit_names,
    _views,
)
from reviewdesk.services.panel_views import ExpertRow as _ExpertRow
from reviewdesk.store.models import (
    AssignmentRun,
    Campaign,
    CampaignCase,
    Case,
    Expert,
    PanelBackup,
    PanelChange,
    PanelMember,
)
from reviewdesk.workspace import OpenWorkspace


# -- views ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CasePanel:
    case: CaseRef
    status: str  # staffed | unmet (full panel missing a requirement) | unstaffed
    members: list[MemberInfo]
    backups: list[MemberInfo]
    problems: list[Shortfall]

    def to_json(self) -> dict[str, object]:
        return {
            "case": self.case.to_json(),
            "status": self.status,
            "members": [m.to_json() for m in self.members],
            "backups": [b.to_json() for b in self.backups],
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass
class Proposal:
    campaign_id: str
    params: dict[str, object]
    panels: list[CasePanel]
    loads: list[dict[str, object]]
    stats: dict[str, object]
    fingerprint: str
    run_id: int | None = None
    inputs: str = ""  # SHA-256 of what the draw was computed from (cases, pool, findings, rules, seed)
    search: dict[str, object] = field(default_factory=dict)  # method, what is proven, limits (docs/assignment.md)
    proofs: list[Shortfall] = field(default_factory=list)  # requirements proven impossible together

    @property
    def unstaffed(self) -> list[CasePanel]:
        return [p for p in self.panels if p.status == "unstaffed"]

    @property
    def unmet(self) -> list[CasePanel]:
        return [p for p in self.panels if p.status == "unmet"]

    def to_json(self) -> dict[str, object]:
        return {
            "campaign": self.campaign_id,
            "params": self.params,
            "fingerprint": self.fingerprint,
            "run_id": self.run_id,
            "applied": self.run_id is not None,
            "panels": [p.to_json() for p in self.panels],
            "unstaffed": [
                {
                    "case": p.case.external_id,
                    "case_id": p.case.id,
                    "status": p.status,
                    "reasons": [s.to_json() for s in p.problems],
                }
                for p in self.panels
                if p.status != "staffed"
            ],
            "loads": self.loads,
            "stats": self.stats,
            "search": self.search,
            "proofs": [p.to_json() for p in self.proofs],
        }


# -- building the problem ------------------------------------------------------------------------------------
def _composition(campaign: Campaign) -> list[CompositionRule]:
    try:
        raw = json.loads(campaign.composition or "[]")
        rules = [CompositionRule(frozenset(str(p) for p in r["professions"]), int(r["min"])) for r in raw]
    except (ValueError, KeyError, TypeError) as err:
        raise ValidationError(
            "composition",
            f"campaign {campaign.id}: composition must be a JSON list of {{professions, min}} ({err})",
            message_zh=f"评查活动 {campaign.id} 的组成规则须为 {{professions, min}} 的 JSON 列表",
        ) from None
    return [r for r in rules if r.min > 0]


def _selected_case_ids(session: Session, campaign_id: str) -> list[int]:
    ids = list(
        session.execute(
            select(CampaignCase.case_id).where(CampaignCase.campaign_id == campaign_id).order_by(CampaignCase.case_id)
        ).scalars()
    )
    if not ids:
        raise ValidationError(
            "campaign",
            f"no cases are selected for campaign {campaign_id}; run `reviewdesk select` first",
            message_zh=f"评查活动 {campaign_id} 尚未选定案件，请先运行 `reviewdesk select`",
        )
    return ids


@dataclass(frozen=True)
class _Params:
    panel_size: int
    seed: str
    max_load: int | None
    composition: tuple[CompositionRule, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "panel_size": self.panel_size,
            "seed": self.seed,
            "max_load": self.max_load,
            "composition": [{"professions": sorted(r.professions), "min": r.min} for r in self.composition],
        }


def _params(campaign: Campaign, panel_size: int | None, seed: str | None, max_load: int | None) -> _Params:
    size = panel_size if panel_size is not None else campaign.panel_size
    if not 1 <= size <= 15:
        raise ValidationError("panel_size", "must be between 1 and 15", message_zh="须在 1 到 15 之间")
    cap = max_load if max_load is not None else campaign.max_load
    if cap is not None and cap < 1:
        raise ValidationError("max_load", "must be at least 1", message_zh="须至少为 1")
    if seed is not None and not seed.strip():
        raise ValidationError("seed", "must not be empty", message_zh="不能为空")
    return _Params(size, seed if seed is not None else secrets.token_hex(8), cap, tuple(_composition(campaign)))


def _expert_rows(session: Session) -> list[Expert]:
    return list(session.execute(select(Expert).order_by(Expert.id)).scalars())


def _problem(
    session: Session, campaign_id: str, params: _Params
) -> tuple[Problem, Screening, dict[int, CaseRef], dict[int, _ExpertRow]]:
    case_ids = _selected_case_ids(session, campaign_id)
    screening = screen(session, campaign_id, case_ids)
    names = _unit_names(session)
    cases = {
        cid: CaseRef(cid, ext, ctype, unit, names.get(unit, ""))
        for cid, ext, ctype, unit in session.execute(
            select(Case.id, Case.external_id, Case.case_type, Case.unit_code).where(Case.id.in_(case_ids))
        )
    }
    experts = [
        _ExpertRow(e.id, e.external_id, e.name, e.profession, e.unit_code, e.specialty_set, e.available, e.max_load)
        for e in _expert_rows(session)
    ]
    column = {e.id: i for i, e in enumerate(experts)}
    unavailable = sum(1 for e in experts if not e.available)
    eligible = np.ones((len(case_ids), len(experts)), dtype=bool)
    excluded_by: list[dict[str, int]] = []
    for row, cid in enumerate(case_ids):
        counts: Counter[str] = Counter()
        for eid, found in screening.excluding(cid).items():
            if eid in column:
                eligible[row, column[eid]] = False
                counts.update({f.rule_id for f in found})
        if unavailable:
            counts["unavailable"] = unavailable
        excluded_by.append(dict(counts))
    problem = Problem(
        cases=[CaseSpec(cid, cases[cid].external_id, cases[cid].case_type) for cid in case_ids],
        experts=[
            ExpertSpec(e.id, e.external_id, e.unit_code, e.profession, e.specialty_set, e.available, e.max_load)
            for e in experts
        ],
        eligible=eligible,
        panel_size=params.panel_size,
        seed=params.seed,
        max_load=params.max_load,
        composition=params.composition,
        excluded_by=excluded_by,
    )
    return problem, screening, cases, {e.id: e for e in experts}


def _fingerprint(params: _Params, panels: list[CasePanel]) -> str:
    """Hash of the parameters and the result, by external ids: a preview is stale iff this changes."""
    body = {
        "params": params.to_json(),
        "panels": [
            [p.case.external_id, p.status, [m.external_id for m in p.members], [b.external_id for b in p.backups]]
            for p in panels
        ],
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _inputs_digest(problem: Problem) -> str:
    """What a draw depends on, by external ids: cases, experts, the eligibility the findings and decisions give,
    the excluded-by counts, the campaign's rules and the seed. Equal digests give equal draws."""
    h = hashlib.sha256()
    head = {
        "params": [problem.panel_size, problem.seed, problem.max_load,
                   sorted([sorted(r.professions), r.min] for r in problem.composition)],
        "cases": [[c.key, c.case_type] for c in problem.cases],
        "experts": [[e.key, e.unit, e.profession, sorted(e.specialties), e.available, e.max_load] for e in problem.experts],
        "excluded_by": [sorted(x.items()) for x in problem.excluded_by or ()],
    }
    h.update(json.dumps(head, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode())
    h.update(np.ascontiguousarray(problem.eligible, dtype=bool).tobytes())
    return h.hexdigest()


def _compute(
    session: Session, campaign_id: str, params: _Params, reuse: Proposal | None = None
) -> tuple[Proposal, Screening]:
    """Screen and draw; with `reuse` (an earlier preview), its panels are taken as they are when the inputs are
    unchanged, so that saving a preview costs the screening but not a second draw."""
    started = time.perf_counter()
    problem, screening, cases, experts = _problem(session, campaign_id, params)
    digest = _inputs_digest(problem)
    if reuse is not None and reuse.inputs == digest and reuse.params == params.to_json():
        stats = {**reuse.stats, "reused": True, "seconds": round(time.perf_counter() - started, 3)}
        return dataclasses.replace(reuse, stats=stats, run_id=None), screening
    solution = solve(problem)
    names = _unit_names(session)
    panels: list[CasePanel] = []
    for spec in sorted(problem.cases, key=lambda c: c.key):
        case = cases[spec.id]
        members = [
            _member(experts[eid], case, names, "leader" if i == 0 else "member")
            for i, eid in enumerate(solution.panels[spec.id])
        ]
        backups = [_member(experts[eid], case, names, rank=i + 1) for i, eid in enumerate(solution.backups[spec.id])]
        if spec.id in solution.unstaffed:
            status, problems = "unstaffed", [solution.unstaffed[spec.id]]
        elif spec.id in solution.unmet:
            status, problems = "unmet", solution.unmet[spec.id]
        else:
            status, problems = "staffed", []
        panels.append(CasePanel(case, status, members, backups, problems))
    loads = [
        {
            "expert_id": eid,
            "external_id": experts[eid].external_id,
            "load": load,
            "target": list(solution.targets[eid]),
        }
        for eid, load in sorted(solution.loads.items(), key=lambda kv: experts[kv[0]].external_id)
    ]
    values = list(solution.loads.values())
    stats: dict[str, object] = {
        "cases": len(panels),
        "staffed": sum(p.status == "staffed" for p in panels),
        "unmet": sum(p.status == "unmet" for p in panels),
        "unstaffed": sum(p.status == "unstaffed" for p in panels),
        "experts_available": len(loads),
        "load_min": min(values, default=0),
        "load_max": max(values, default=0),
        "rounds": solution.rounds,
        "widened": solution.widened,
        "method": solution.search.get("method"),
        "proven": solution.search.get("proven"),
        "reused": False,
        "seconds": round(time.perf_counter() - started, 3),
    }
    proposal = Proposal(
        campaign_id, params.to_json(), panels, loads, stats, _fingerprint(params, panels), inputs=digest,
        search=dict(solution.search), proofs=list(solution.proofs),
    )
    return proposal, screening


# -- services ------------------------------------------------------------------------------------------------
def propose(
    ws: OpenWorkspace,
    campaign_id: str,
    *,
    panel_size: int | None = None,
    seed: str | None = None,
    max_load: int | None = None,
) -> Proposal:
    """Draw panels without saving them (admin, observer). Without a seed a random one is drawn and reported."""
    with query(ws, "assignment.propose", PANEL_READERS) as session:
        params = _params(_campaign(session, campaign_id), panel_size, seed, max_load)
        proposal, _ = _compute(session, campaign_id, params)
        return proposal


def _recheck(fresh: Screening, panels: Sequence[CasePanel]) -> None:
    """Independent of the solver and of its eligibility matrix: the screening made inside the write transaction
    is asked directly whether each member of each panel to save may sit."""
    staffed = [p for p in panels if p.members]
    for p in staffed:
        excluded = fresh.excluding(p.case.id)
        for m in p.members:
            if m.expert_id in excluded:
                raise _refusal(p.case.external_id, m.external_id, excluded[m.expert_id])


def _refusal(case_key: str, expert_key: str, findings: Sequence[Finding]) -> Conflict:
    rules = "; ".join(f"{f.rule_id}: {f.evidence}" for f in findings)
    rules_zh = "；".join(f"{f.rule_id}：{f.evidence_zh}" for f in findings)
    return Conflict(
        f"expert {expert_key} may not sit on case {case_key}: {rules}",
        message_zh=f"专家 {expert_key} 应回避案件 {case_key}：{rules_zh}",
    )


def apply(
    ws: OpenWorkspace,
    campaign_id: str,
    *,
    panel_size: int | None = None,
    seed: str | None = None,
    max_load: int | None = None,
    expect: str | None = None,
    allow_partial: bool = False,
    preview: Proposal | None = None,
) -> Proposal:
    """Screen again inside the write transaction and save the panels, replacing the campaign's earlier ones.

    `preview`: the draw the user saw; when the inputs (cases, pool, findings, rules, seed) are unchanged its panels
    are saved without drawing again, otherwise the draw is made again and compared with `expect`.
    `expect`: the fingerprint of the preview the user saw; if the draw now differs, nothing is saved.
    Cases left unstaffed or missing a requirement refuse the whole apply unless `allow_partial`; then the full
    panels are saved (unmet ones too) and unstaffed cases get none.
    """
    with change(ws, "assignment.apply", ADMIN) as ch:
        s = ch.session
        params = _params(_campaign(s, campaign_id), panel_size, seed, max_load)
        proposal, fresh = _compute(s, campaign_id, params, reuse=preview)
        if expect is not None and expect != proposal.fingerprint:
            raise Conflict(
                "the preview is out of date (cases, experts or recusal records changed); draw again",
                message_zh="预览已过期（案件、专家或回避记录已变更），请重新分案",
            )
        failing = proposal.unstaffed + proposal.unmet
        if failing and not allow_partial:
            listed = ", ".join(f"{p.case.external_id} ({p.problems[0].code})" for p in failing[:10])
            raise Conflict(
                f"{len(failing)} cases cannot be fully staffed: {listed}; nothing saved (use --allow-partial "
                "to save the others)",
                message_zh=f"{len(failing)} 件案件无法组成完整评查组：{listed}；未保存（可用 --allow-partial 保存其余）",
            )
        _recheck(fresh, proposal.panels)
        s.execute(delete(PanelMember).where(PanelMember.campaign_id == campaign_id))
        s.execute(delete(PanelBackup).where(PanelBackup.campaign_id == campaign_id))
        stamp = now()
        run = AssignmentRun(
            campaign_id=campaign_id,
            params=json.dumps(params.to_json(), sort_keys=True, separators=(",", ":")),
            summary=json.dumps(
                {
                    "stats": proposal.stats,
                    "fingerprint": proposal.fingerprint,
                    "unstaffed": {p.case.id: [x.code for x in p.problems] for p in failing},
                },
                sort_keys=True,
            ),
            created_by=ws.actor.username,
            created_at=stamp,
        )
        s.add(run)
        s.flush()
        members = 0
        for p in proposal.panels:
            for m in p.members:
                s.add(
                    PanelMember(
                        campaign_id=campaign_id, case_id=p.case.id, expert_id=m.expert_id, role=m.role,
                        run_id=run.id, assigned_by=ws.actor.username, assigned_at=stamp,
                    )
                )
                members += 1
            for b in p.backups:
                s.add(PanelBackup(campaign_id=campaign_id, case_id=p.case.id, expert_id=b.expert_id, rank=b.rank))
        proposal.run_id = run.id
        ch.audit(
            f"campaign:{campaign_id}",
            run_id=run.id,
            seed=params.seed,
            panel_size=params.panel_size,
            cases=len(proposal.panels),
            staffed=sum(1 for p in proposal.panels if p.members),
            unstaffed=len(proposal.unstaffed),
            unmet=len(proposal.unmet),
            members=members,
            fingerprint=proposal.fingerprint,
            redrawn=not proposal.stats.get("reused", False),
        )
        return proposal


# -- after the draw ------------------------------------------------------------------------------------------
def _panel_rows(s: Session, campaign_id: str, case_id: int) -> list[PanelMember]:
    return list(
        s.execute(
            select(PanelMember).where(PanelMember.campaign_id == campaign_id, PanelMember.case_id == case_id)
        ).scalars()
    )


def _leader_count(s: Session, campaign_id: str, expert_id: int) -> int:
    return int(
        s.execute(
            select(func.count()).where(
                PanelMember.campaign_id == campaign_id, PanelMember.expert_id == expert_id, PanelMember.role == "leader"
            )
        ).scalar_one()
    )


def _load(s: Session, campaign_id: str, expert_id: int) -> int:
    return int(
        s.execute(
            select(func.count()).where(PanelMember.campaign_id == campaign_id, PanelMember.expert_id == expert_id)
        ).scalar_one()
    )


def _choose_leader(s: Session, campaign: Campaign, case: Case, experts: Sequence[Expert]) -> Expert:
    """Same order as the draw: specialist, judge/prosecutor/academic, fewest panels led, profession, hash."""
    seed = _run_seed(s, campaign.id)
    case_h = key_hashes(seed, "case", [case.external_id])
    expert_h = key_hashes(seed, "expert", [e.external_id for e in experts])
    tie = pair_hash(case_h, expert_h)

    def key(i: int) -> tuple[bool, int, int, int, int]:
        e = experts[i]
        order = PROFESSION_ORDER.index(e.profession) if e.profession in PROFESSION_ORDER else len(PROFESSION_ORDER)
        return (
            case.case_type not in e.specialty_set,
            0 if e.profession in LEADER_PROFESSIONS else 1,
            _leader_count(s, campaign.id, e.id),
            order,
            int(tie[i]),
        )

    return experts[min(range(len(experts)), key=key)]


def _run_seed(s: Session, campaign_id: str) -> str:
    params = s.execute(
        select(AssignmentRun.params).where(AssignmentRun.campaign_id == campaign_id).order_by(AssignmentRun.id.desc())
    ).scalar()
    return str(json.loads(params).get("seed", "")) if params else ""


def _swap(
    s: Session, ws: OpenWorkspace, campaign: Campaign, case: Case, out: PanelMember, incoming: Expert, reason: str
) -> None:
    was_leader = out.role == "leader"
    run_id = out.run_id
    s.delete(out)
    s.execute(
        delete(PanelBackup).where(
            PanelBackup.campaign_id == campaign.id, PanelBackup.case_id == case.id, PanelBackup.expert_id == incoming.id
        )
    )
    s.flush()
    stamp = now()
    added = PanelMember(
        campaign_id=campaign.id, case_id=case.id, expert_id=incoming.id, role="member", run_id=run_id,
        assigned_by=ws.actor.username, assigned_at=stamp,
    )
    s.add(added)
    s.flush()
    if was_leader:
        rows = _panel_rows(s, campaign.id, case.id)
        people = [s.get(Expert, r.expert_id) for r in rows]
        chosen = _choose_leader(s, campaign, case, [p for p in people if p is not None])
        for r in rows:
            r.role = "leader" if r.expert_id == chosen.id else "member"
    s.add(
        PanelChange(
            campaign_id=campaign.id, case_id=case.id, removed_expert_id=out.expert_id, added_expert_id=incoming.id,
            reason=reason, changed_by=ws.actor.username, changed_at=stamp,
        )
    )
    s.flush()


def _locate(s: Session, campaign_id: str, case_ref: str, expert_ref: str) -> tuple[Campaign, Case, PanelMember]:
    campaign = _campaign(s, campaign_id)
    case = resolve_case(s, case_ref)
    expert = resolve_expert(s, expert_ref)
    row = s.get(PanelMember, (campaign_id, case.id, expert.id))
    if row is None:
        raise NotFound(
            f"expert {expert.external_id} is not on the panel of case {case.external_id} in campaign {campaign_id}",
            message_zh=f"专家 {expert.external_id} 不在评查活动 {campaign_id} 案件 {case.external_id} 的评查组中",
        )
    return campaign, case, row


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError("reason", "must not be empty", message_zh="须说明理由")
    return reason.strip()


def _cap(campaign: Campaign, e: Expert) -> int | None:
    caps = [x for x in (e.max_load, campaign.max_load) if x is not None]
    return min(caps) if caps else None


def _blockers(s: Session, campaign: Campaign, case: Case, others: Sequence[Expert], e: Expert) -> list[str]:
    """Why `e` may not join the panel of `case` beside `others` (empty: may join)."""
    why: list[str] = []
    if not e.available:
        why.append(f"{e.external_id}: not available")
    clash = next((o for o in others if o.unit_code == e.unit_code), None)
    if clash is not None:
        why.append(f"{e.external_id}: unit {e.unit_code} already on the panel ({clash.external_id})")
    found = excludes(s, case.id, e.id, check_pair(s, campaign.id, case.id, e.id))
    why.extend(f"{e.external_id}: {f.rule_id}: {f.evidence}" for f in found)
    return why


def replace(ws: OpenWorkspace, campaign_id: str, case_ref: str, expert_ref: str, reason: str) -> PanelView:
    """Late recusal: take the member off and put in the best backup that is still eligible, fits the unit rule
    and is below its maximum load."""
    require(ws, "panel.replace", ADMIN)
    why = _reason(reason)
    with change(ws, "panel.replace", ADMIN) as ch:
        s = ch.session
        campaign, case, out = _locate(s, campaign_id, case_ref, expert_ref)
        others = [s.get(Expert, r.expert_id) for r in _panel_rows(s, campaign_id, case.id) if r.expert_id != out.expert_id]
        remaining = [o for o in others if o is not None]
        backups = s.execute(
            select(PanelBackup).where(PanelBackup.campaign_id == campaign_id, PanelBackup.case_id == case.id)
            .order_by(PanelBackup.rank)
        ).scalars().all()
        refused: list[str] = []
        chosen: Expert | None = None
        for b in backups:
            e = s.get(Expert, b.expert_id)
            if e is None or e.id == out.expert_id:
                continue
            blockers = _blockers(s, campaign, case, remaining, e)
            cap = _cap(campaign, e)
            if cap is not None and _load(s, campaign_id, e.id) >= cap:
                blockers.append(f"{e.external_id}: maximum load {cap} reached")
            if blockers:
                refused.extend(blockers)
                continue
            chosen = e
            break
        if chosen is None:
            detail = "; ".join(refused) or "no backups were drawn"
            raise Conflict(
                f"no backup fits case {case.external_id}: {detail}; use `reviewdesk assign change` to pick someone",
                message_zh=f"案件 {case.external_id} 没有合适的备选专家：{detail}；请用 `reviewdesk assign change` 指定",
            )
        removed_id = out.expert_id
        _swap(s, ws, campaign, case, out, chosen, why)
        ch.audit(f"campaign:{campaign_id}", case_id=case.id, removed=removed_id, added=chosen.id, kind="replace")
        return _view(s, campaign_id, case)


def change_member(
    ws: OpenWorkspace, campaign_id: str, case_ref: str, remove_ref: str, add_ref: str, reason: str
) -> PanelView:
    """Manual change: the incoming expert is re-checked against recusal and the unit rule (the maximum load is
    the coordinator's call here, not enforced)."""
    require(ws, "panel.change", ADMIN)
    why = _reason(reason)
    with change(ws, "panel.change", ADMIN) as ch:
        s = ch.session
        campaign, case, out = _locate(s, campaign_id, case_ref, remove_ref)
        incoming = resolve_expert(s, add_ref)
        rows = _panel_rows(s, campaign_id, case.id)
        if any(r.expert_id == incoming.id for r in rows):
            raise Conflict(
                f"expert {incoming.external_id} is already on the panel of case {case.external_id}",
                message_zh=f"专家 {incoming.external_id} 已在案件 {case.external_id} 的评查组中",
            )
        others = [e for r in rows if r.expert_id != out.expert_id and (e := s.get(Expert, r.expert_id)) is not None]
        blockers = _blockers(s, campaign, case, others, incoming)
        if blockers:
            raise Conflict(
                f"expert {incoming.external_id} may not join the panel of case {case.external_id}: "
                + "; ".join(blockers),
                message_zh=f"专家 {incoming.external_id} 不能加入案件 {case.external_id} 的评查组：" + "；".join(blockers),
            )
        removed_id = out.expert_id
        _swap(s, ws, campaign, case, out, incoming, why)
        ch.audit(f"campaign:{campaign_id}", case_id=case.id, removed=removed_id, added=incoming.id, kind="manual")
        return _view(s, campaign_id, case)


def _view(s: Session, campaign_id: str, case: Case) -> PanelView:
    return _views(s, campaign_id, [case])[0]


# The listing lives in panel_views (no solver, no numpy to load); callers keep finding it here.
panels = panel_views.panels
