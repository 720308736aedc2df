"""Case selection (选案): the reproducible random draw, key cases chosen by hand, removal, and `verify`.

The draw itself is pure (reviewdesk/selection/draw.py); here we load the pool from the store, check the
request, and store the Selection with its CampaignCase rows in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from fractions import Fraction

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reviewdesk.audit.chain import canonical_json
from reviewdesk.clock import now
from reviewdesk.errors import Conflict, NotFound, ValidationError
from reviewdesk.selection import draw as pure
from reviewdesk.selection.filters import Clause, apply, parse_where
from reviewdesk.services.base import ADMIN, change, query, require
from reviewdesk.services.lookup import resolve_case
from reviewdesk.store.models import (
    AuditEntry,
    Campaign,
    CampaignCase,
    Case,
    PanelMember,
    Role,
    Selection,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

READERS = frozenset({Role.ADMIN, Role.OBSERVER})
VERIFIERS = frozenset({Role.ADMIN, Role.OBSERVER, Role.AUDITOR})
MAX_SEED = 128  # the column's width


@dataclass(frozen=True)
class DrawnCase:
    case_id: int
    key: str
    external_id: str
    case_number: str
    title: str
    case_type: str
    unit_code: str
    region_code: str


@dataclass(frozen=True)
class SelectionResult:
    selection_id: int | None  # None for a dry run
    campaign_id: str
    seed: str
    params: dict[str, object]  # count, ratio, where, strata (what a replay needs besides seed)
    pool_size: int
    count: int
    pool_fingerprint: str
    cases: list[DrawnCase]  # in draw order
    strata: dict[str, tuple[int, int]] = field(default_factory=dict)  # stratum -> (pool, drawn)
    kept_key_cases: int = 0  # drawn cases that were already key cases (they stay key cases)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["strata"] = {name: {"pool": p, "drawn": d} for name, (p, d) in self.strata.items()}
        data["keys"] = [c.key for c in self.cases]
        return data


@dataclass(frozen=True)
class VerifyReport:
    campaign_id: str
    selection_id: int
    seed: str
    pool_size_then: int
    pool_size_now: int
    fingerprint_then: str
    fingerprint_now: str
    pool_added: int
    pool_removed: int
    pool_edited: int
    result_matches: bool  # redraw with the stored seed and params gives the stored result
    rows_missing: int  # drawn cases without a CampaignCase row, not explained by an audited removal
    rows_removed_by_hand: int  # drawn cases removed with `select remove` (audited)
    rows_extra: int  # random CampaignCase rows not in the stored result

    @property
    def pool_matches(self) -> bool:
        return self.fingerprint_then == self.fingerprint_now

    @property
    def ok(self) -> bool:
        return self.pool_matches and self.result_matches and self.rows_missing == 0 and self.rows_extra == 0

    def problems(self) -> list[tuple[str, str]]:
        """What differs, in English and Chinese (empty when everything matches)."""
        out: list[tuple[str, str]] = []
        if not self.pool_matches:
            out.append((
                f"pool changed: {self.pool_added} added, {self.pool_removed} removed, {self.pool_edited} edited "
                f"(size {self.pool_size_then} → {self.pool_size_now})",
                f"案件池已变化：新增 {self.pool_added} 件，减少 {self.pool_removed} 件，修改 {self.pool_edited} 件"
                f"（{self.pool_size_then} → {self.pool_size_now} 件）",
            ))
        if not self.result_matches:
            out.append(("result differs: the redraw with the stored seed gives other cases", "抽取结果不一致：用记录的种子重新抽取得到的案件不同"))
        if self.rows_missing or self.rows_extra:
            out.append((
                f"selected cases differ from the stored result: {self.rows_missing} drawn case(s) not selected, "
                f"{self.rows_extra} random pick(s) not in the result",
                f"已选案件与记录的抽取结果不符：{self.rows_missing} 件抽中案件未入选，{self.rows_extra} 件随机入选案件不在结果中",
            ))
        return out

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(ok=self.ok, pool_matches=self.pool_matches, problems=[en for en, _ in self.problems()])
        return data


@dataclass(frozen=True)
class SelectedCase:
    case_id: int
    key: str
    external_id: str
    case_number: str
    title: str
    case_type: str
    unit_code: str
    how: str  # random | key
    reason: str
    selection_id: int | None
    added_by: str
    added_at: datetime

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["added_at"] = self.added_at.isoformat(timespec="seconds")
        return data


# -- request checks ---------------------------------------------------------------------------------------
def _check_seed(seed: str) -> str:
    if not seed or not seed.strip():
        raise ValidationError("seed", "must not be empty", message_zh="种子不能为空")
    if len(seed) > MAX_SEED or any(ch in seed for ch in "\r\n"):
        raise ValidationError("seed", f"at most {MAX_SEED} characters on one line", message_zh=f"最多 {MAX_SEED} 个字符，且不能换行")
    return seed


def _parse_ratio(ratio: str | float | Fraction) -> tuple[Fraction, str]:
    text = str(ratio).strip()
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ValidationError("ratio", f"'{text}' is not a number", message_zh=f"“{text}”不是数字") from None
    if not 0 < value <= 1:
        raise ValidationError("ratio", f"must be above 0 and at most 1, not {text}", message_zh=f"须大于 0 且不超过 1，而不是 {text}")
    return value, text


def _check_strata(strata: str | None) -> str | None:
    if strata is not None and strata not in pure.STRATA_FIELDS:
        raise ValidationError(
            "strata", f"'{strata}' is not one of {', '.join(pure.STRATA_FIELDS)}", message_zh=f"“{strata}”不是有效分层字段（{'、'.join(pure.STRATA_FIELDS)}）"
        )
    return strata


def _campaign(session: Session, campaign_id: str) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    return campaign


def _check_units(session: Session, clauses: Sequence[Clause]) -> None:
    for clause in clauses:
        if clause.field != "unit":
            continue
        known = set(session.execute(select(Unit.code).where(Unit.code.in_(clause.values))).scalars())
        for code in clause.values:
            if code not in known:
                raise ValidationError(f"--where {clause.text!r}", f"no unit '{code}'", message_zh=f"没有单位“{code}”")


# -- the pool ---------------------------------------------------------------------------------------------
def _pool(session: Session, campaign_id: str, clauses: Sequence[Clause]) -> tuple[list[pure.PoolCase], dict[str, DrawnCase]]:
    rows = session.execute(
        select(Case, Unit.region_code).join(Unit, Unit.code == Case.unit_code).where(Case.campaign_id == campaign_id)
    ).all()
    pool: list[pure.PoolCase] = []
    info: dict[str, DrawnCase] = {}
    for case, region in rows:
        key = pure.case_key(case.issuer_key_id, case.external_id)
        flags = tuple(f for f in pure.FLAG_ORDER if getattr(case, f"flag_{f}"))
        pool.append(pure.PoolCase(key, case.case_type, case.unit_code, region, flags, case.petition_count, case.closed_on))
        info[key] = DrawnCase(case.id, key, case.external_id, case.case_number, case.title, case.case_type, case.unit_code, region)
    return apply(pool, clauses), info


def _plan(
    session: Session, campaign_id: str, *, count: int | None, ratio: str | float | Fraction | None,
    where: Sequence[str], strata: str | None, seed: str,
) -> tuple[SelectionResult, dict[str, str]]:
    """Everything a draw computes, without writing. Returns the result and the pool's per-case digests."""
    _check_seed(seed)
    _check_strata(strata)
    if (count is None) == (ratio is None):
        raise ValidationError("count", "give either a count or a ratio", message_zh="须指定抽取数量或比例之一")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValidationError("count", "must be a whole number ≥ 1", message_zh="须为不小于 1 的整数")
    ratio_value, ratio_text = _parse_ratio(ratio) if ratio is not None else (None, None)
    clauses = parse_where(where)
    _campaign(session, campaign_id)
    _check_units(session, clauses)
    pool, info = _pool(session, campaign_id, clauses)
    if not pool:
        raise ValidationError("pool", "no case of the campaign passes the filters", message_zh="本活动没有符合筛选条件的案件")
    n = pure.sample_size(len(pool), count=count, ratio=ratio_value)
    if n > len(pool):
        raise ValidationError("count", f"{n} cases asked but the pool holds only {len(pool)}", message_zh=f"要求抽取 {n} 件，但案件池只有 {len(pool)} 件")
    drawn = pure.draw(pool, n, seed, strata)
    params: dict[str, object] = {"count": count, "ratio": ratio_text, "where": [c.text for c in clauses], "strata": strata}
    result = SelectionResult(
        None, campaign_id, seed, params, len(pool), n, pure.fingerprint(pool), [info[k] for k in drawn.keys], drawn.strata
    )
    return result, pure.line_digests(pool)


# -- use cases --------------------------------------------------------------------------------------------
def draw(
    ws: OpenWorkspace,
    campaign_id: str,
    *,
    count: int | None = None,
    ratio: str | float | Fraction | None = None,
    where: Sequence[str] = (),
    strata: str | None = None,
    seed: str,
    dry_run: bool = False,
) -> SelectionResult:
    """Draw cases at random (reproducibly) and, unless a dry run, store them as the campaign's random picks."""
    if dry_run:
        with query(ws, "selection.draw", ADMIN) as session:
            return _plan(session, campaign_id, count=count, ratio=ratio, where=where, strata=strata, seed=seed)[0]
    with change(ws, "selection.draw", ADMIN) as ch:
        s = ch.session
        result, digests = _plan(s, campaign_id, count=count, ratio=ratio, where=where, strata=strata, seed=seed)
        if s.execute(select(PanelMember.case_id).where(PanelMember.campaign_id == campaign_id).limit(1)).first():
            raise Conflict(
                f"campaign '{campaign_id}' already has panels; a new draw would change the cases they review",
                message_zh=f"评查活动“{campaign_id}”已组建评查组，不能重新抽取案件",
            )
        stored_params = {**result.params, "pool_digests": digests}
        row = Selection(
            campaign_id=campaign_id, params=canonical_json(stored_params), seed=result.seed,
            pool_fingerprint=result.pool_fingerprint, pool_size=result.pool_size,
            result=canonical_json([c.key for c in result.cases]), created_by=ws.actor.username, created_at=now(),
        )
        s.add(row)
        s.flush()
        s.execute(delete(CampaignCase).where(CampaignCase.campaign_id == campaign_id, CampaignCase.how == "random"))
        key_cases = set(s.execute(select(CampaignCase.case_id).where(CampaignCase.campaign_id == campaign_id)).scalars())
        stamp = now()
        kept = 0
        for case in result.cases:
            if case.case_id in key_cases:
                kept += 1  # already chosen by hand: it stays a key case with its reason
                continue
            s.add(CampaignCase(campaign_id=campaign_id, case_id=case.case_id, how="random", selection_id=row.id, reason="", added_by=ws.actor.username, added_at=stamp))
        ch.audit(
            f"campaign:{campaign_id}", selection_id=row.id, seed=result.seed, pool_size=result.pool_size,
            drawn=result.count, kept_key_cases=kept, fingerprint=result.pool_fingerprint,
        )
        return SelectionResult(
            row.id, campaign_id, result.seed, result.params, result.pool_size, result.count,
            result.pool_fingerprint, result.cases, result.strata, kept,
        )


def _latest_selection(session: Session, campaign_id: str) -> Selection:
    row = session.execute(
        select(Selection).where(Selection.campaign_id == campaign_id).order_by(Selection.id.desc()).limit(1)
    ).scalar()
    if row is None:
        raise NotFound(f"campaign '{campaign_id}' has no random draw", message_zh=f"评查活动“{campaign_id}”尚无随机抽取记录")
    return row


def _removed_by_hand(session: Session, campaign_id: str, selection_id: int) -> set[int]:
    """Case ids of this selection's picks that `remove_case` took out (read from the audit log)."""
    removed: set[int] = set()
    rows = session.execute(
        select(AuditEntry.details).where(AuditEntry.action == "selection.remove", AuditEntry.target == f"campaign:{campaign_id}")
    ).scalars()
    for details in rows:
        data = json.loads(details)
        if data.get("selection_id") == selection_id:
            removed.add(int(data["case_id"]))
    return removed


def verify(ws: OpenWorkspace, campaign_id: str) -> VerifyReport:
    """Replay the campaign's latest draw from its stored params and seed, and compare everything."""
    with query(ws, "selection.verify", VERIFIERS) as session:
        _campaign(session, campaign_id)
        row = _latest_selection(session, campaign_id)
        params = json.loads(row.params)
        then: dict[str, str] = params.get("pool_digests", {})
        clauses = parse_where(params.get("where", []))
        pool, info = _pool(session, campaign_id, clauses)
        now_digests = pure.line_digests(pool)
        stored_keys: list[str] = json.loads(row.result)
        strata = params.get("strata")
        if params.get("ratio") is not None:
            n = pure.sample_size(len(pool), ratio=Fraction(params["ratio"]))
        else:
            n = int(params["count"])
        redraw = pure.draw(pool, n, row.seed, strata).keys if 0 < n <= len(pool) else None
        random_rows = set(
            session.execute(select(CampaignCase.case_id).where(CampaignCase.campaign_id == campaign_id, CampaignCase.how == "random")).scalars()
        )
        all_rows = set(session.execute(select(CampaignCase.case_id).where(CampaignCase.campaign_id == campaign_id)).scalars())
        # Drawn cases are compared by store id; a drawn key no longer in the store counts as missing.
        id_of = {k: d.case_id for k, d in info.items()}
        drawn_ids = {id_of[k] for k in stored_keys if k in id_of}
        removed = _removed_by_hand(session, campaign_id, row.id)
        missing = sum(1 for k in stored_keys if id_of.get(k) not in all_rows)
        by_hand = sum(1 for k in stored_keys if k in id_of and id_of[k] not in all_rows and id_of[k] in removed)
        return VerifyReport(
            campaign_id, row.id, row.seed, row.pool_size, len(pool), row.pool_fingerprint, pure.fingerprint(pool),
            pool_added=len(now_digests.keys() - then.keys()),
            pool_removed=len(then.keys() - now_digests.keys()),
            pool_edited=sum(1 for k in now_digests.keys() & then.keys() if now_digests[k] != then[k]),
            result_matches=redraw is not None and list(redraw) == stored_keys,
            rows_missing=missing - by_hand,
            rows_removed_by_hand=by_hand,
            rows_extra=len(random_rows - drawn_ids),
        )


def _selected(session: Session, cc: CampaignCase) -> SelectedCase:
    case = session.get(Case, cc.case_id)
    assert case is not None
    return _selected_case(cc, case)


def _selected_case(cc: CampaignCase, case: Case) -> SelectedCase:
    return SelectedCase(
        case.id, pure.case_key(case.issuer_key_id, case.external_id), case.external_id, case.case_number, case.title,
        case.case_type, case.unit_code, cc.how, cc.reason, cc.selection_id, cc.added_by, cc.added_at,
    )


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "a reason is required", message_zh="必须填写理由")
    if len(reason) > 2000:
        raise ValidationError("reason", "at most 2000 characters", message_zh="最多 2000 个字符")
    return reason


def _case_of_campaign(session: Session, campaign_id: str, case_ref: str) -> Case:
    _campaign(session, campaign_id)
    case = resolve_case(session, str(case_ref))
    if case.campaign_id != campaign_id:
        raise ValidationError(
            "case", f"case {case.id} does not belong to campaign '{campaign_id}'", message_zh=f"案件 {case.id} 不属于评查活动“{campaign_id}”"
        )
    return case


def add_key_case(ws: OpenWorkspace, campaign_id: str, case_ref: str, reason: str) -> SelectedCase:
    """Choose a case by hand as a key case (重点案件), with the reason."""
    require(ws, "selection.key", ADMIN)
    reason = _reason(reason)
    with change(ws, "selection.key", ADMIN) as ch:
        case = _case_of_campaign(ch.session, campaign_id, case_ref)
        existing = ch.session.get(CampaignCase, (campaign_id, case.id))
        if existing is not None:
            how = "as a key case" if existing.how == "key" else f"by draw {existing.selection_id}"
            how_zh = "为重点案件" if existing.how == "key" else f"（第 {existing.selection_id} 次随机抽取）"
            raise Conflict(f"case {case.id} is already selected {how}", message_zh=f"案件 {case.id} 已入选{how_zh}")
        cc = CampaignCase(campaign_id=campaign_id, case_id=case.id, how="key", selection_id=None, reason=reason, added_by=ws.actor.username, added_at=now())
        ch.session.add(cc)
        ch.session.flush()
        ch.audit(f"campaign:{campaign_id}", case_id=case.id)
        return _selected(ch.session, cc)


def remove_case(ws: OpenWorkspace, campaign_id: str, case_ref: str, reason: str) -> SelectedCase:
    """Take a selected case (random or key) out of the campaign; refused once it has a panel."""
    require(ws, "selection.remove", ADMIN)
    reason = _reason(reason)
    with change(ws, "selection.remove", ADMIN) as ch:
        s = ch.session
        case = _case_of_campaign(s, campaign_id, case_ref)
        cc = s.get(CampaignCase, (campaign_id, case.id))
        if cc is None:
            raise NotFound(f"case {case.id} is not selected in campaign '{campaign_id}'", message_zh=f"案件 {case.id} 未入选评查活动“{campaign_id}”")
        if s.execute(select(PanelMember.expert_id).where(PanelMember.campaign_id == campaign_id, PanelMember.case_id == case.id).limit(1)).first():
            raise Conflict(f"case {case.id} already has a panel; change the panel first", message_zh=f"案件 {case.id} 已组建评查组，请先调整评查组")
        gone = _selected(s, cc)
        s.delete(cc)
        # The reason has no column once the row is gone; the audit entry keeps it (encrypted store).
        ch.audit(f"campaign:{campaign_id}", case_id=case.id, how=cc.how, selection_id=cc.selection_id, reason=reason)
        return gone


def selected_cases(ws: OpenWorkspace, campaign_id: str) -> list[SelectedCase]:
    with query(ws, "selection.list", READERS) as session:
        _campaign(session, campaign_id)
        rows = session.execute(  # the case with its row, not one read per case
            select(CampaignCase, Case).join(Case, Case.id == CampaignCase.case_id)
            .where(CampaignCase.campaign_id == campaign_id).order_by(CampaignCase.how, Case.external_id)
        ).all()
        return [_selected_case(cc, case) for cc, case in rows]


def chosen_counts(ws: OpenWorkspace) -> dict[str, int]:
    """How many cases each campaign has chosen (campaigns with none are left out): one grouped count, for
    pages that only need to know which campaigns have cases."""
    with query(ws, "selection.list", READERS) as session:
        rows = session.execute(
            select(CampaignCase.campaign_id, func.count()).group_by(CampaignCase.campaign_id)
        ).all()
        return {campaign: int(count) for campaign, count in rows}
