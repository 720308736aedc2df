"""Reading the matches of a campaign in the caller's session: rows for screens and the CLI, counts per unit,
and the confirmed hits a unit's feedback opinion lists (identity numbers masked)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk.collision.vocab import ROLE_ZH
from reviewdesk.experts.records import mask_identity
from reviewdesk.store.models import (
    CollisionCompany,
    CollisionDecision,
    CollisionMatch,
    CollisionOfficer,
    CollisionPerson,
    Unit,
)

STATES = ("confirmed", "pending", "cleared", "exempt")
STATE_ZH = {"confirmed": "已认定", "pending": "待核实", "cleared": "已排除", "exempt": "不计入"}
KIND_ZH = {"hit": "身份证号一致", "lead": "姓名一致（线索）"}
BASIS_ZH = {"id_number": "身份证号", "name_region": "姓名+同一地市", "name_birth": "姓名+出生日期"}


@dataclass(frozen=True)
class MatchRow:
    id: int
    key: str
    kind: str  # hit | lead
    basis: str  # id_number | name_region | name_birth
    state: str  # confirmed | pending | cleared | exempt
    unit_code: str
    unit_name: str
    officer_name: str
    officer_id_masked: str
    officer_post: str | None
    service_from: str | None
    company: str
    credit_code: str | None
    company_kind: str | None
    company_status: str
    established_on: str | None
    status_on: str | None
    listed: bool
    person_name: str
    person_id_masked: str | None
    role: str
    post: str
    stake: float | None
    stake_on: str | None
    evidence: str  # where in the extract: "股东及高管 row 12"
    rule_id: str
    wording: str
    rule_basis: str
    exemption: str | None
    decision: str | None
    reason: str | None
    decided_by: str | None
    decided_at: str | None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ConfirmedHit:
    """What the feedback opinion prints for one confirmed hit."""

    officer_name: str
    officer_id_masked: str
    officer_post: str | None
    company: str
    credit_code: str | None
    company_status: str
    role: str  # Chinese: 法定代表人, 股东…
    stake: float | None
    wording: str  # e.g. 持有“某公司”股份（认缴12.5%）
    basis: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class UnitCounts:
    unit_code: str
    unit_name: str
    officers: int
    confirmed: int
    pending: int
    cleared: int
    exempt: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def state_of(kind: str, exemption: str | None, decision: str | None) -> str:
    if exemption:
        return "exempt"
    if decision == "clear":
        return "cleared"
    if decision == "confirm" or kind == "hit":
        return "confirmed"
    return "pending"


def match_rows(s: Session, campaign_id: str, *, unit_code: str | None = None, state: str | None = None,
               ids: list[int] | None = None) -> list[MatchRow]:
    q = (select(CollisionMatch, CollisionOfficer, CollisionPerson, CollisionCompany, Unit.name, CollisionDecision)
         .join(CollisionOfficer, CollisionOfficer.id == CollisionMatch.officer_id)
         .join(CollisionPerson, CollisionPerson.id == CollisionMatch.person_id)
         .join(CollisionCompany, CollisionCompany.id == CollisionPerson.company_id)
         .join(Unit, Unit.code == CollisionOfficer.unit_code)
         .outerjoin(CollisionDecision, (CollisionDecision.campaign_id == CollisionMatch.campaign_id)
                    & (CollisionDecision.key == CollisionMatch.key))
         .where(CollisionMatch.campaign_id == campaign_id)
         .order_by(CollisionOfficer.unit_code, CollisionOfficer.row, CollisionMatch.id))
    if unit_code is not None:
        q = q.where(CollisionOfficer.unit_code == unit_code)
    if ids is not None:
        q = q.where(CollisionMatch.id.in_(ids))
    out = []
    for m, o, p, c, unit_name, d in s.execute(q):
        row = MatchRow(
            id=m.id, key=m.key, kind=m.kind, basis=m.basis, state=state_of(m.kind, m.exemption, d.decision if d else None),
            unit_code=o.unit_code, unit_name=unit_name, officer_name=o.name,
            officer_id_masked=mask_identity(o.id_number) or "", officer_post=o.post, service_from=o.service_from,
            company=c.name, credit_code=c.credit_code, company_kind=c.kind, company_status=c.status,
            established_on=c.established_on, status_on=c.status_on, listed=c.listed, person_name=p.name,
            person_id_masked=mask_identity(p.id_number), role=p.role, post=p.post, stake=p.stake, stake_on=p.stake_on,
            evidence=f"{p.sheet} row {p.row}", rule_id=m.rule_id, wording=m.wording, rule_basis=m.rule_basis,
            exemption=m.exemption, decision=d.decision if d else None, reason=d.reason if d else None,
            decided_by=d.decided_by if d else None, decided_at=d.decided_at.isoformat() if d else None,
        )
        if state is None or row.state == state:
            out.append(row)
    return out


def confirmed_hits(s: Session, campaign_id: str, unit_code: str) -> tuple[ConfirmedHit, ...]:
    """The unit's confirmed hits (identity-number hits not cleared, leads confirmed; exemptions left out)."""
    return tuple(
        ConfirmedHit(r.officer_name, r.officer_id_masked, r.officer_post, r.company, r.credit_code, r.company_status,
                     ROLE_ZH[r.role], r.stake, r.wording, r.rule_basis)
        for r in match_rows(s, campaign_id, unit_code=unit_code, state="confirmed")
    )


def unit_counts(s: Session, campaign_id: str) -> list[UnitCounts]:
    officers = Counter(s.execute(select(CollisionOfficer.unit_code).where(CollisionOfficer.campaign_id == campaign_id)).scalars())
    names = dict(s.execute(select(Unit.code, Unit.name).where(Unit.code.in_(list(officers)))).all())
    per: dict[str, Counter[str]] = {u: Counter() for u in officers}
    for r in match_rows(s, campaign_id):
        per[r.unit_code][r.state] += 1
    return [UnitCounts(u, names.get(u, u), officers[u], *(per[u][k] for k in STATES)) for u in sorted(officers)]


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
