"""Data collision screening (数据碰撞排查, issue 17; docs/collision.md): import a campaign's officers roster and
registry extract, run the campaign's rule set, decide on leads, read results and the ledger.

Every import replaces what the campaign had, in one transaction, streaming; any problem in the file (all of
them are reported, by sheet, row and column) or a cancel rolls it back whole. Admin only; observers read the
per-unit counts. Audit entries carry counts and content keys, never names or identity numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.collision import ledger as collision_ledger
from reviewdesk.collision import results, rules, sheets
from reviewdesk.collision.results import ConfirmedHit, MatchRow, UnitCounts
from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.experts.sheet import Problems
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.services.imports import ImportCancelled
from reviewdesk.store.models import (
    Campaign,
    CollisionCompany,
    CollisionDecision,
    CollisionMatch,
    CollisionOfficer,
    CollisionPerson,
    CollisionRuleSet,
    CollisionState,
    Role,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

COUNT_READERS = frozenset({Role.ADMIN, Role.OBSERVER})
DECISIONS = ("confirm", "clear")
BATCH = 5_000
ProgressFn = Callable[[str, int], None]  # (stage, rows done): stages "officers", "registry", "run"
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class ImportSummary:
    kind: str  # officers | registry
    source: str
    sha256: str
    officers: int = 0
    companies: int = 0
    persons: int = 0
    replaced: int = 0
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RunSummary:
    rule_set: str
    officers: int
    persons: int
    hits: int
    leads: int
    exempt: int
    confirmed: int
    pending: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RuleSetInfo:
    name: str
    title: str
    builtin: bool

    def to_json(self) -> dict[str, object]:
        return asdict(self)


# -- helpers ---------------------------------------------------------------------------------------------
def _campaign(s: Session, campaign_id: str) -> Campaign:
    campaign = s.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    return campaign


def _state(s: Session, campaign_id: str) -> CollisionState:
    state = s.get(CollisionState, campaign_id)
    if state is None:
        state = CollisionState(campaign_id=campaign_id, rule_set=rules.DEFAULT, key_salt=secrets.token_hex(32))
        s.add(state)
    return state


class _Ticker:
    def __init__(self, stage: str, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.stage, self.progress, self.cancel = stage, progress, cancel

    def __call__(self, done: int) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled
        if self.progress is not None:
            self.progress(self.stage, done)


def _clear_matches(s: Session, campaign_id: str) -> None:
    s.execute(delete(CollisionMatch).where(CollisionMatch.campaign_id == campaign_id))


def _flush(s: Session, model: Any, batch: list[dict[str, Any]]) -> None:
    if batch:  # Core executemany: the ORM's bulk insert would run one statement a row here
        s.execute(model.__table__.insert(), batch)
        batch.clear()


def _analyze(s: Session) -> None:
    """Fresh planner statistics once an import has replaced rows by the hundred thousand (about a second at
    2 million rows): without them SQLite walks the whole extract to find the identity-number hits instead of
    looking up each officer's number (10.9 s against 0.14 s at 800,000 rows)."""
    for table in (CollisionOfficer, CollisionPerson, CollisionCompany):
        s.execute(text(f"ANALYZE {table.__tablename__}"))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# -- templates and rule sets -----------------------------------------------------------------------------
def officers_template() -> bytes:
    return sheets.officers_template()


def registry_template() -> bytes:
    return sheets.registry_template()


def _rule_set(s: Session, name: str) -> rules.RuleSet:
    stored = s.get(CollisionRuleSet, name)
    if stored is not None:
        return rules.parse(stored.body.encode("utf-8"), name)
    found = rules.builtin(name)
    if found is None:
        raise NotFound(f"no collision rule set '{name}'", message_zh=f"没有碰撞规则集“{name}”")
    return found


def rule_sets(ws: OpenWorkspace) -> list[RuleSetInfo]:
    with query(ws, "collision.rules", ADMIN) as s:
        own = {r.name: RuleSetInfo(r.name, r.title, False) for r in s.execute(select(CollisionRuleSet)).scalars()}
    shipped = {n: RuleSetInfo(n, r.title, True) for n in rules.builtin_names() if (r := rules.builtin(n))}
    return sorted({**shipped, **own}.values(), key=lambda r: (not r.builtin, r.name))


def import_rule_set(ws: OpenWorkspace, data: bytes, source_name: str) -> RuleSetInfo:
    """Add or replace an office rule set; RuleSetInvalid (every fault) before anything is written."""
    require(ws, "collision.rules_import", ADMIN)
    parsed = rules.parse(data, source_name)
    if parsed.name in rules.builtin_names():
        raise ValidationError("name", f"{parsed.name!r} is a built-in rule set: give yours another name",
                              message_zh=f"“{parsed.name}”是内置规则集的名称，请另取名称")
    with change(ws, "collision.rules_import", ADMIN) as ch:
        ch.session.merge(CollisionRuleSet(name=parsed.name, title=parsed.title, body=data.decode("utf-8-sig"),
                                          imported_by=ws.actor.username, imported_at=now()))
        ch.audit(f"collision_rules:{parsed.name}", rules=len(parsed.rules), exemptions=len(parsed.exemptions),
                 sha256=hashlib.sha256(data).hexdigest())
    return RuleSetInfo(parsed.name, parsed.title, False)


def set_rule_set(ws: OpenWorkspace, campaign_id: str, name: str) -> None:
    """The rule set the campaign's next run uses (the last run's matches stay until then)."""
    with change(ws, "collision.set_rules", ADMIN) as ch:
        _campaign(ch.session, campaign_id)
        _rule_set(ch.session, name)
        _state(ch.session, campaign_id).rule_set = name
        ch.audit(f"campaign:{campaign_id}", rule_set=name)


# -- imports ---------------------------------------------------------------------------------------------
def import_officers(ws: OpenWorkspace, campaign_id: str, data: bytes, source_name: str, *,
                    progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> ImportSummary:
    """Replace the campaign's roster. SheetErrors (all problems) or ImportCancelled: nothing is stored."""
    require(ws, "collision.import_officers", ADMIN)
    tick = _Ticker("officers", progress, cancel)
    with change(ws, "collision.import_officers", ADMIN) as ch:
        s = ch.session
        _campaign(s, campaign_id)
        units = dict(s.execute(select(Unit.code, Unit.region_code)).all())
        _clear_matches(s, campaign_id)
        replaced = s.execute(delete(CollisionOfficer).where(CollisionOfficer.campaign_id == campaign_id)).rowcount
        problems = Problems(source_name)
        batch: list[dict[str, Any]] = []
        count = 0
        for o in sheets.read_officers(data, source_name, problems, units, tick):
            count += 1
            birth = sheets.birth_of(o.id_number)
            batch.append(dict(
                campaign_id=campaign_id, row=o.row, name=o.name, name_key=o.name_key, id_number=o.id_number,
                birth_date=_iso(birth), unit_code=o.unit_code, region4=o.id_number[:4],
                unit_region4=(units[o.unit_code] or "")[:4], post=o.post, service_from=_iso(o.service_from),
                service_until=_iso(o.service_until), party_member=o.party_member, civil_servant=o.civil_servant))
            if len(batch) >= BATCH and not problems.items:
                _flush(s, CollisionOfficer, batch)
            elif problems.items:
                batch.clear()  # the import fails anyway: stop spending on inserts, keep collecting problems
        problems.raise_if_any()
        _flush(s, CollisionOfficer, batch)
        _analyze(s)
        tick(count)
        result = ImportSummary("officers", source_name, hashlib.sha256(data).hexdigest(), officers=count,
                               replaced=replaced or 0, warnings=tuple(str(n) for n in problems.notices))
        _state(s, campaign_id).officers_import = json.dumps(_stamp(ws, result), ensure_ascii=False)
        ch.audit(f"campaign:{campaign_id}", file=f"file:{source_name}"[:256], officers=count, replaced=replaced or 0,
                 sha256=result.sha256)
        return result


def import_registry(ws: OpenWorkspace, campaign_id: str, data: bytes, source_name: str, *,
                    progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> ImportSummary:
    """Replace the campaign's registry extract. SheetErrors or ImportCancelled: nothing is stored. Decisions
    on earlier matches stay (keyed on content) and apply again when the same rows come back."""
    require(ws, "collision.import_registry", ADMIN)
    tick = _Ticker("registry", progress, cancel)
    with change(ws, "collision.import_registry", ADMIN) as ch:
        s = ch.session
        _campaign(s, campaign_id)
        _clear_matches(s, campaign_id)
        s.execute(delete(CollisionPerson).where(CollisionPerson.campaign_id == campaign_id))
        replaced = s.execute(delete(CollisionCompany).where(CollisionCompany.campaign_id == campaign_id)).rowcount
        next_id = (s.scalar(select(func.max(CollisionCompany.id))) or 0) + 1
        ids: dict[str, int] = {}
        problems = Problems(source_name)
        companies: list[dict[str, Any]] = []
        persons: list[dict[str, Any]] = []
        n_persons = 0
        for item in sheets.read_registry(data, source_name, problems, tick):
            if isinstance(item, sheets.CompanyIn):
                ids[item.key] = next_id
                companies.append(dict(
                    id=next_id, campaign_id=campaign_id, name=item.name, credit_code=item.credit_code, kind=item.kind,
                    status=item.status, established_on=_iso(item.established_on), status_on=_iso(item.status_on),
                    listed=item.listed))
                next_id += 1
            else:
                n_persons += 1
                persons.append(dict(
                    campaign_id=campaign_id, company_id=ids[item.company_key], sheet=item.sheet, row=item.row,
                    name=item.name, name_key=item.name_key, id_number=item.id_number, region4=item.region4,
                    birth_date=_iso(item.birth_date), role=item.role, post=item.post, stake=item.stake,
                    subscribed=item.subscribed, stake_on=_iso(item.stake_on)))
            if problems.items:
                companies.clear()
                persons.clear()
            elif len(persons) >= BATCH or len(companies) >= BATCH:
                _flush(s, CollisionCompany, companies)  # companies first: persons refer to them
                _flush(s, CollisionPerson, persons)
        problems.raise_if_any()
        _flush(s, CollisionCompany, companies)
        _flush(s, CollisionPerson, persons)
        _analyze(s)
        tick(n_persons)
        result = ImportSummary("registry", source_name, hashlib.sha256(data).hexdigest(), companies=len(ids),
                               persons=n_persons, replaced=replaced or 0,
                               warnings=tuple(str(n) for n in problems.notices))
        _state(s, campaign_id).registry_import = json.dumps(_stamp(ws, result), ensure_ascii=False)
        ch.audit(f"campaign:{campaign_id}", file=f"file:{source_name}"[:256], companies=len(ids), persons=n_persons,
                 replaced=replaced or 0, sha256=result.sha256)
        return result


def _stamp(ws: OpenWorkspace, result: ImportSummary) -> dict[str, object]:
    body = {k: v for k, v in result.to_json().items() if k != "warnings"}
    return {**body, "by": ws.actor.username, "at": now().isoformat()}


# -- matching --------------------------------------------------------------------------------------------
def match_key(salt: str, officer_id_number: str, company: str, role: str, post: str, person_name_key: str,
              person_id_number: str | None) -> str:
    """Same officer, company (credit code, else name), role and registry person → same key, whatever row ids
    a re-import gives them. An HMAC under the campaign's random salt: the key reveals nothing checkable."""
    return _Keys(salt)(officer_id_number, company, role, post, person_name_key, person_id_number)


class _Keys:
    """match_key for one run: the HMAC keyed once and copied per match (a run makes half a million keys)."""

    def __init__(self, salt: str) -> None:
        self._keyed = hmac.new(bytes.fromhex(salt), digestmod=hashlib.sha256)

    def __call__(self, officer_id_number: str, company: str, role: str, post: str, person_name_key: str,
                 person_id_number: str | None) -> str:
        mac = self._keyed.copy()
        parts = (officer_id_number, company, role, post, person_name_key, person_id_number or "")
        mac.update("\x1f".join(parts).encode("utf-8"))
        return mac.hexdigest()


_O, _P, _C = CollisionOfficer, CollisionPerson, CollisionCompany
# What a verdict and a key need, read as plain tuples (a run may meet half a million candidates):
# officer id, person id, officer's number, service from, person's name key and number, role, post, stake,
# company name, credit code, status, status date, listed.
Candidate = tuple[Any, ...]
_COLUMNS = (_O.id, _P.id, _O.id_number, _O.service_from, _P.name_key, _P.id_number, _P.role, _P.post, _P.stake,
            _C.name, _C.credit_code, _C.status, _C.status_on, _C.listed)
# The registry rows without an identity number whose name is an officer's, in table order. Read this way, the
# extract and its companies are read front to back once (they are stored in the file's order); joined in SQL
# from each officer through a name index, the same rows cost a random page read each (14 s against 3 s at
# 2 million rows, where the page cache holds a tenth of the extract).
_NAMED_PERSONS = """
SELECT p.id, p.name_key, p.region4, p.birth_date, p.role, p.post, p.stake,
       c.name, c.credit_code, c.status, c.status_on, c.listed
FROM collision_persons AS p NOT INDEXED CROSS JOIN collision_companies AS c
WHERE c.id = p.company_id AND p.campaign_id = ? AND p.id_number IS NULL
  AND p.name_key IN (SELECT name_key FROM collision_officers WHERE campaign_id = ?)
"""


def _candidates(s: Session, campaign_id: str) -> Iterator[tuple[str, Candidate]]:
    """(basis, candidate) of every identity-number hit and name lead, read in batches as they are used."""
    o, p, c = _O, _P, _C
    hits = s.execute(select(*_COLUMNS).join(p, (p.campaign_id == o.campaign_id) & (p.id_number == o.id_number))
                     .join(c, c.id == p.company_id).where(o.campaign_id == campaign_id)
                     .execution_options(yield_per=BATCH))
    for row in hits:
        yield "id_number", tuple(row)
    yield from _name_leads(s, campaign_id)


def _driver_cursor(s: Session) -> closing[Any]:
    """A cursor of the driver's connection, inside the session's transaction, closed after its block."""
    return closing(s.connection().connection.cursor())


def _name_leads(s: Session, campaign_id: str) -> Iterator[tuple[str, Candidate]]:
    """A registry person without an identity number is a lead for an officer of the same name when it is
    not someone else (no other birth date) and is placed near them: the same birth date, or registered in the
    prefecture of the officer's identity number or of the officer's unit."""
    by_name: dict[str, list[tuple[Any, ...]]] = {}
    officers = s.execute(select(_O.name_key, _O.id, _O.id_number, _O.service_from, _O.birth_date, _O.region4,
                                _O.unit_region4).where(_O.campaign_id == campaign_id))
    for name_key, *officer in officers:
        by_name.setdefault(name_key, []).append(tuple(officer))
    # The driver's cursor, in the session's transaction: SQLAlchemy's result rows cost a third more here.
    with _driver_cursor(s) as cursor:
        cursor.execute(_NAMED_PERSONS, (campaign_id, campaign_id))
        while batch := cursor.fetchmany(BATCH):
            for person_id, name_key, region4, birth, role, post, stake, *company in batch:
                for officer_id, number, served, officer_birth, officer_region4, unit_region4 in by_name[name_key]:
                    if birth is not None and birth != officer_birth:
                        continue  # another birth date: another person
                    if birth is None and region4 != officer_region4 and region4 != unit_region4:
                        continue
                    yield ("name_birth" if birth is not None else "name_region"), (
                        officer_id, person_id, number, served, name_key, None, role, post, stake, *company)


_INSERT_MATCH = ('INSERT INTO collision_matches (campaign_id, officer_id, person_id, "key", kind, basis, rule_id, '
                 "exemption, wording, rule_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _insert_matches(s: Session, rows: list[tuple[Any, ...]]) -> None:
    """The run's matches, as the driver's executemany of plain tuples in the session's transaction (Core's
    insert of dicts spent as long on its parameters as SQLite on the rows)."""
    with _driver_cursor(s) as cursor:
        for i in range(0, len(rows), BATCH):
            cursor.executemany(_INSERT_MATCH, rows[i:i + BATCH])


def run(ws: OpenWorkspace, campaign_id: str, *, progress: ProgressFn | None = None,
        cancel: CancelFn | None = None) -> RunSummary:
    """开始碰撞: match the roster against the extract under the campaign's rule set; replaces the last run."""
    tick = _Ticker("run", progress, cancel)
    with change(ws, "collision.run", ADMIN) as ch:
        s = ch.session
        _campaign(s, campaign_id)
        state = _state(s, campaign_id)
        rule_set = _rule_set(s, state.rule_set)
        decided = dict(s.execute(select(CollisionDecision.key, CollisionDecision.decision)
                                 .where(CollisionDecision.campaign_id == campaign_id)).all())
        keys = _Keys(state.key_salt)
        found: Counter[str] = Counter()  # hits, leads and each state
        # Every match is read before the last run's are deleted and the new ones written, as compact tuples
        # (~300 bytes each; the wording and basis are the rule set's own strings): with the deletion's dirty
        # pages in the cache, the name lookups of the read took 221 s instead of 16 s at 2 million rows.
        rows: list[tuple[Any, ...]] = []
        for n, (basis, row) in enumerate(_candidates(s, campaign_id), start=1):
            if n % 1000 == 0:
                tick(n)
            (officer_id, person_id, officer_number, service_from, name_key, person_number, role, post, stake,
             company, credit, status, status_on, listed) = row
            verdict = rules.evaluate(rule_set, rules.Facts(
                company, status, results.day(status_on), listed, role, post, stake, results.day(service_from)))
            if verdict is None:
                continue
            kind = "hit" if basis == "id_number" else "lead"
            key = keys(officer_number, credit or company, role, post, name_key, person_number)
            exemption = verdict.exemption.id if verdict.exemption else None
            found[kind] += 1
            found[results.state_of(kind, exemption, decided.get(key))] += 1
            rows.append((campaign_id, officer_id, person_id, key, kind, basis, verdict.rule.id, exemption,
                         verdict.wording, verdict.exemption.basis if verdict.exemption else verdict.rule.basis))
        _clear_matches(s, campaign_id)
        _insert_matches(s, rows)
        summary = RunSummary(
            rule_set=rule_set.name,
            officers=s.scalar(select(func.count()).select_from(CollisionOfficer)
                              .where(CollisionOfficer.campaign_id == campaign_id)) or 0,
            persons=s.scalar(select(func.count()).select_from(CollisionPerson)
                             .where(CollisionPerson.campaign_id == campaign_id)) or 0,
            hits=found["hit"], leads=found["lead"],
            exempt=found["exempt"], confirmed=found["confirmed"], pending=found["pending"],
        )
        state.last_run = json.dumps({**summary.to_json(), "by": ws.actor.username, "at": now().isoformat()})
        ch.audit(f"campaign:{campaign_id}", **summary.to_json())
        return summary


# -- decisions and results -------------------------------------------------------------------------------
def decide(ws: OpenWorkspace, campaign_id: str, match_id: int, decision: str, reason: str) -> MatchRow:
    """Confirm or clear a match (a lead, or an identity-number hit the office finds permitted), with a reason.
    Kept under the match's content key: a re-imported extract with the same rows keeps the decision."""
    if decision not in DECISIONS:
        raise ValidationError("decision", "must be confirm or clear", message_zh="认定结果须为 confirm（认定）或 clear（排除）")
    reason = reason.strip()
    if not reason or len(reason) > 2000:
        raise ValidationError("reason", "give a reason (at most 2000 characters)", message_zh="请填写理由（不超过 2000 字）")
    with change(ws, "collision.decide", ADMIN) as ch:
        s = ch.session
        match = s.get(CollisionMatch, match_id)
        if match is None or match.campaign_id != campaign_id:
            raise NotFound(f"no collision match {match_id} in campaign '{campaign_id}'",
                           message_zh=f"评查活动“{campaign_id}”中没有编号为 {match_id} 的碰撞结果")
        before = s.get(CollisionDecision, (campaign_id, match.key))
        s.merge(CollisionDecision(campaign_id=campaign_id, key=match.key, decision=decision, reason=reason,
                                  decided_by=ws.actor.username, decided_at=now()))
        ch.audit(f"campaign:{campaign_id}", match=match_id, key=match.key, kind=match.kind, decision=decision,
                 previous=before.decision if before else None)
        s.flush()
        return results.match_rows(s, campaign_id, ids=[match_id])[0]


def matches(ws: OpenWorkspace, campaign_id: str, *, unit_code: str | None = None,
            state: str | None = None) -> list[MatchRow]:
    if state is not None and state not in results.STATES:
        raise ValidationError("state", f"must be one of {', '.join(results.STATES)}")
    with query(ws, "collision.list", ADMIN) as s:
        _campaign(s, campaign_id)
        return results.match_rows(s, campaign_id, unit_code=unit_code, state=state)


def match_ids(ws: OpenWorkspace, campaign_id: str, *, unit_code: str | None = None,
              state: str | None = None) -> list[int]:
    """The ids of `matches(…)`, in its order: table views hold these and fetch rows as they are shown."""
    return [r.id for r in matches(ws, campaign_id, unit_code=unit_code, state=state)]


def matches_by_id(ws: OpenWorkspace, campaign_id: str, ids: list[int]) -> dict[int, MatchRow]:
    with query(ws, "collision.list", ADMIN) as s:
        return {r.id: r for r in results.match_rows(s, campaign_id, ids=list(ids)[:900])}


def counts(ws: OpenWorkspace, campaign_id: str) -> list[UnitCounts]:
    """Per unit: officers screened and matches by state (no names: observers may read these)."""
    with query(ws, "collision.counts", COUNT_READERS) as s:
        _campaign(s, campaign_id)
        return results.unit_counts(s, campaign_id)


def status(ws: OpenWorkspace, campaign_id: str) -> dict[str, object]:
    """The campaign's rule set and its last imports and run (counts only)."""
    with query(ws, "collision.counts", COUNT_READERS) as s:
        _campaign(s, campaign_id)
        st = s.get(CollisionState, campaign_id)
        return {"rule_set": st.rule_set if st else rules.DEFAULT,
                "officers_import": _load(st.officers_import if st else None),
                "registry_import": _load(st.registry_import if st else None),
                "last_run": _load(st.last_run if st else None)}


def _load(value: str | None) -> object:
    return json.loads(value) if value else None


def confirmed_hits_for_unit(ws: OpenWorkspace, campaign_id: str, unit_code: str) -> tuple[ConfirmedHit, ...]:
    """The unit's confirmed hits for its feedback opinion (评查情况反馈意见), identity numbers masked. Inside
    another service's session, call reviewdesk.collision.results.confirmed_hits(session, …) instead."""
    with query(ws, "collision.list", ADMIN) as s:
        _campaign(s, campaign_id)
        return results.confirmed_hits(s, campaign_id, unit_code)


def ledger(ws: OpenWorkspace, campaign_id: str) -> bytes:
    """The ledger sheet 数据碰撞排查 (confirmed hits) as an .xlsx, built in memory; audited as an export."""
    with change(ws, "collision.export", ADMIN) as ch:
        campaign = _campaign(ch.session, campaign_id)
        rows = results.match_rows(ch.session, campaign_id, state="confirmed")
        ch.audit(f"campaign:{campaign_id}", rows=len(rows))
        return collision_ledger.workbook(campaign.name, rows)
