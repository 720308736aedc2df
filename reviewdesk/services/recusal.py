"""Recusal use cases: check a case (or one pair), decide on soft findings, record declarations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from reviewdesk import identity_number
from reviewdesk.clock import now
from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.recusal import decisions
from reviewdesk.recusal.engine import check_pair, screen
from reviewdesk.recusal.findings import CLEARED, CONFIRMED, RULE_IDS, Finding, mask_id
from reviewdesk.recusal.rules.interest import HandlerFlag, handler_interest_collisions
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.services.lookup import resolve_case, resolve_expert
from reviewdesk.store.models import Case, Expert, RecusalDecision, RecusalDeclaration, Role
from reviewdesk.workspace import OpenWorkspace

READERS = frozenset({Role.ADMIN, Role.OBSERVER})
DECLARATION_KINDS = ("conduct", "self_declared", "request_granted")


@dataclass(frozen=True)
class FindingStatus:
    finding: Finding
    status: str  # hard | pending | confirmed | cleared
    decided_by: str | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, object]:
        return {**self.finding.to_json(), "status": self.status, "decided_by": self.decided_by, "reason": self.reason}


@dataclass(frozen=True)
class ExpertReport:
    expert_id: int
    external_id: str
    name: str
    eligible: bool
    findings: list[FindingStatus]

    def to_json(self) -> dict[str, object]:
        return {
            "expert_id": self.expert_id, "external_id": self.external_id, "name": self.name,
            "eligible": self.eligible, "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True)
class RecusalReport:
    case_id: int
    case_external_id: str
    case_number: str
    campaign_id: str | None
    experts: list[ExpertReport]  # one expert if asked for; else every expert with findings
    handler_flags: list[HandlerFlag] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "case_id": self.case_id, "case_external_id": self.case_external_id, "case_number": self.case_number,
            "campaign_id": self.campaign_id, "experts": [e.to_json() for e in self.experts],
            "handler_flags": [h.to_json() for h in self.handler_flags],
        }


@dataclass(frozen=True)
class DecisionInfo:
    case_id: int
    expert_id: int
    rule_id: str
    evidence_key: str
    decision: str
    previous: str | None  # the decision it replaced, if any

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class DeclarationInfo:
    id: int
    expert_id: int
    expert_external_id: str
    expert_name: str
    case_id: int | None
    case_external_id: str | None
    kind: str
    counterpart_name: str | None
    counterpart_id_masked: str
    note: str
    recorded_by: str
    recorded_at: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def check(
    ws: OpenWorkspace, case_ref: str, expert_ref: str | None = None, campaign_id: str | None = None
) -> RecusalReport:
    """Findings for a case (all experts with findings, or the one asked for), with their decision status.
    The campaign defaults to the case's own."""
    with query(ws, "recusal.check", READERS) as session:
        case = resolve_case(session, case_ref)
        expert = resolve_expert(session, expert_ref) if expert_ref is not None else None
        campaign = campaign_id if campaign_id is not None else case.campaign_id
        result = screen(session, campaign, [case.id])
        found = result.findings.get(case.id, {})
        wanted = [expert.id] if expert is not None else sorted(found)
        stored = {
            (d.expert_id, d.rule_id, d.evidence_key): d
            for d in session.execute(select(RecusalDecision).where(RecusalDecision.case_id == case.id)).scalars()
        }
        reports = []
        for eid in wanted:
            e = result.pool.experts[eid]
            rows = []
            for f in found.get(eid, []):
                d = stored.get((eid, f.rule_id, f.evidence_key))
                st = decisions.status(f, d.decision if d else None)
                rows.append(FindingStatus(f, st, d.decided_by if d and not f.hard else None, d.reason if d and not f.hard else None))
            reports.append(ExpertReport(eid, e.external_id, e.name, result.eligible(case.id, eid), rows))
        flags = handler_interest_collisions(result.cases[case.id], result.pool)
        return RecusalReport(case.id, case.external_id, case.case_number, campaign, reports, flags)


@dataclass(frozen=True)
class PendingFinding:
    """A soft finding nobody has decided yet (待决定): until cleared it keeps the expert off the case."""

    case_id: int
    case_external_id: str
    expert_external_id: str
    expert_name: str
    evidence: str
    evidence_zh: str


def pending_findings(ws: OpenWorkspace, campaign_id: str, case_ids: list[int]) -> list[PendingFinding]:
    """The open soft findings on these cases, by case and expert (what a save of panels should name first)."""
    with query(ws, "recusal.check", READERS) as session:
        result = screen(session, campaign_id, case_ids)
        out = []
        for case_id in case_ids:
            facts = result.cases.get(case_id)
            if facts is None:
                continue
            for expert_id, waiting in sorted(result.pending(case_id).items()):
                expert = result.pool.experts[expert_id]
                out.extend(
                    PendingFinding(case_id, facts.external_id, expert.external_id, expert.name, f.evidence, f.evidence_zh)
                    for f in waiting
                )
        return out


def decide(
    ws: OpenWorkspace, case_ref: str, expert_ref: str, rule_id: str, evidence_key: str, decision: str, reason: str
) -> DecisionInfo:
    """Confirm (excludes) or clear (may sit) a soft finding. Deciding again replaces the earlier decision."""
    require(ws, "recusal.decide", ADMIN)
    if decision not in (CONFIRMED, CLEARED):
        raise ValidationError(
            "decision", f"'{decision}' is not one of confirmed, cleared", message_zh=f"“{decision}”不是有效取值（confirmed、cleared）"
        )
    if rule_id not in RULE_IDS:
        raise ValidationError("rule", f"unknown rule '{rule_id}'", message_zh=f"没有回避规则“{rule_id}”")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "a reason is required", message_zh="必须说明理由")
    with change(ws, "recusal.decide", ADMIN) as ch:
        s = ch.session
        case = resolve_case(s, case_ref)
        expert = resolve_expert(s, expert_ref)
        findings = check_pair(s, case.campaign_id, case.id, expert.id)
        match = next((f for f in findings if f.rule_id == rule_id and f.evidence_key == evidence_key), None)
        if match is None:
            raise NotFound(
                f"no finding {rule_id} / {evidence_key} for case {case.id} and expert {expert.id}",
                message_zh=f"案件 {case.id} 与专家 {expert.id} 之间没有回避事由 {rule_id} / {evidence_key}",
            )
        if match.hard:
            raise ValidationError(
                "key", "this finding is a hard conflict: it always excludes and cannot be decided",
                message_zh="该事由属于必须回避的情形，不能确认或排除",
            )
        row = s.execute(
            select(RecusalDecision).where(
                RecusalDecision.case_id == case.id, RecusalDecision.expert_id == expert.id,
                RecusalDecision.rule_id == rule_id, RecusalDecision.evidence_key == evidence_key,
            )
        ).scalar()
        previous = row.decision if row else None
        if row is None:
            row = RecusalDecision(case_id=case.id, expert_id=expert.id, rule_id=rule_id, evidence_key=evidence_key)
            s.add(row)
        row.decision, row.reason = decision, reason
        row.decided_by, row.decided_at = ws.actor.username, now()
        # The reason is free text and may name people: it stays in the table, not in the audit details.
        ch.audit(
            f"recusal:{case.id}:{expert.id}", case_id=case.id, expert_id=expert.id, rule_id=rule_id,
            evidence_key=evidence_key, decision=decision, previous=previous,
        )
        return DecisionInfo(case.id, expert.id, rule_id, evidence_key, decision, previous)


def declare(
    ws: OpenWorkspace,
    expert_ref: str,
    kind: str,
    case_ref: str | None = None,
    counterpart_name: str | None = None,
    counterpart_id_number: str | None = None,
    note: str = "",
) -> DeclarationInfo:
    """Record a conduct report (rule 7) or a self-declared / granted recusal (rule 8)."""
    require(ws, "recusal.declare", ADMIN)
    if kind not in DECLARATION_KINDS:
        raise ValidationError("kind", f"'{kind}' is not one of {', '.join(DECLARATION_KINDS)}",
                              message_zh=f"“{kind}”不是有效取值（{'、'.join(DECLARATION_KINDS)}）")
    name = (counterpart_name or "").strip() or None
    number = (counterpart_id_number or "").strip().upper() or None
    if number is not None and (why := identity_number.problem(number)):
        raise ValidationError("id_number", f"invalid identity number: {why}", message_zh="身份证号码无效（位数、出生日期或校验位有误）")
    if name is not None and len(name) > 200:
        raise ValidationError("name", "at most 200 characters", message_zh="最多 200 个字符")
    if kind == "conduct" and case_ref is None and name is None and number is None:
        raise ValidationError("name", "a conduct report names the case or the party/handler concerned",
                              message_zh="不当接触登记须指明案件或所涉当事人、承办人")
    if kind == "request_granted" and case_ref is None:
        raise ValidationError("case", "a granted recusal request concerns one case", message_zh="申请回避须指明案件")
    with change(ws, "recusal.declare", ADMIN) as ch:
        expert = resolve_expert(ch.session, expert_ref)
        case = resolve_case(ch.session, case_ref) if case_ref is not None else None
        row = RecusalDeclaration(
            expert_id=expert.id, case_id=case.id if case else None, kind=kind, counterpart_name=name,
            counterpart_id_number=number, note=note.strip(), recorded_by=ws.actor.username, recorded_at=now(),
        )
        ch.session.add(row)
        ch.session.flush()
        ch.audit(f"expert:{expert.id}", declaration_id=row.id, kind=kind, case_id=row.case_id)
        return _declaration_info(row, expert, case)


def _declaration_info(d: RecusalDeclaration, expert: Expert, case: Case | None) -> DeclarationInfo:
    return DeclarationInfo(
        d.id, expert.id, expert.external_id, expert.name, d.case_id, case.external_id if case else None, d.kind,
        d.counterpart_name, mask_id(d.counterpart_id_number), d.note, d.recorded_by, d.recorded_at.isoformat(),
    )


def list_declarations(ws: OpenWorkspace, expert_ref: str | None = None) -> list[DeclarationInfo]:
    with query(ws, "recusal.declarations", READERS) as session:
        stmt = (
            select(RecusalDeclaration, Expert, Case)
            .join(Expert, Expert.id == RecusalDeclaration.expert_id)
            .outerjoin(Case, Case.id == RecusalDeclaration.case_id)
            .order_by(RecusalDeclaration.id)
        )
        if expert_ref is not None:
            stmt = stmt.where(RecusalDeclaration.expert_id == resolve_expert(session, expert_ref).id)
        return [_declaration_info(d, e, c) for d, e, c in session.execute(stmt)]
