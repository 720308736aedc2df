"""Printed documents of a case: the review opinion and the print versions of score sheets, the recusal form
and interview records, as Word and PDF bytes made in memory.

Producing an opinion gives it its document number the first time (one number per case and campaign, never
reused) and every production is audited, because a document that leaves the store is a disclosure. The
numbers are issued in a short write; the facts are read afterwards and rendering runs outside any
transaction, so a batch of hundreds never holds the store's lock while it typesets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewdesk import clock
from reviewdesk.documents import opinion as opinion_doc
from reviewdesk.documents import opinion_numbers, records
from reviewdesk.documents.blocks import Document
from reviewdesk.documents.facts import CaseFacts, load_case_facts
from reviewdesk.documents.profile import Profile, load_profile
from reviewdesk.errors import NotFound, ValidationError
from reviewdesk.security.atomic import fsync_dir, write_atomic
from reviewdesk.services.base import ADMIN, Refusal, change, query, require
from reviewdesk.services.lookup import resolve_case
from reviewdesk.services.panel_seats import PANEL_ROLES, acting_member, case_campaign, panel
from reviewdesk.services.scoring import recusal_statement
from reviewdesk.store.models import (
    Campaign,
    CampaignCase,
    Case,
    Conclusion,
    Expert,
    OpinionNumber,
    PanelMember,
    Role,
    ScoreSheet,
    Unit,
)
from reviewdesk.workspace import OpenWorkspace

FORMATS = ("docx", "pdf")
RECORD_KINDS = ("score_sheet", "recusal", "interview")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
KIND_ZH = {"opinion": "评查意见书", "score_sheet": "评分表", "recusal": "回避情况表", "interview": "谈话笔录"}


@dataclass(frozen=True)
class Rendered:
    """One produced file. Results packages carry these for opinions (see docs/results-package.md)."""

    case_external_id: str
    kind: str  # opinion | score_sheet | recusal | interview
    number: str | None  # the opinion's document number
    filename: str
    media_type: str
    data: bytes


Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class BatchResult:
    campaign_id: str
    folder: str
    files: list[str]
    skipped: list[str]  # cases in the campaign without a conclusion yet

    def to_json(self) -> dict[str, object]:
        return {"campaign_id": self.campaign_id, "folder": self.folder, "files": self.files,
                "skipped": self.skipped}


@dataclass(frozen=True)
class OpinionRow:
    """A campaign case as the opinions screen lists it."""

    case_id: int
    external_id: str
    case_number: str
    title: str
    unit_name: str
    concluded: bool
    grade: str | None
    outcome: str | None  # wrong | flawed | none
    number: str | None  # issued document number
    leader: str  # the panel leader's name ("" when no panel)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}", message_zh="格式须为 docx 或 pdf")
    return fmt


def render(doc: Document, fmt: str, profile: Profile) -> bytes:
    """A composed document as .docx or PDF bytes (the renderers are imported on first use: they are big)."""
    if check_format(fmt) == "docx":
        from reviewdesk.documents import word

        return word.render(doc, profile.fonts)
    from reviewdesk.documents import pdf

    return pdf.render(doc, profile.fonts)


def _safe(text: str) -> str:
    """A file-name-safe form of a case id (package paths and Windows forbid these)."""
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text).strip(" .") or "case"


def filename(case_external_id: str, kind: str, fmt: str, suffix: str = "") -> str:
    return f"{_safe(case_external_id)}-{KIND_ZH[kind]}{suffix}.{fmt}"


# -- who may produce what -------------------------------------------------------------------------------------
def _require_leader_or_admin(s: Session, ws: OpenWorkspace, campaign_id: str, case: Case) -> None:
    if ws.actor.role == Role.ADMIN:
        return
    seat = acting_member(s, ws, panel(s, campaign_id, case.id))
    if seat is None or seat.role != "leader":
        raise Refusal("only the panel leader or an administrator produces the opinion")


def _sheet_reader(s: Session, ws: OpenWorkspace, campaign_id: str, case: Case) -> tuple[bool, str | None]:
    """(sees every submitted sheet, own roster id). Admins see all; a panel member sees all once their own
    sheet is submitted, before that only their own; anyone else is refused."""
    if ws.actor.role == Role.ADMIN:
        return True, None
    members = panel(s, campaign_id, case.id)
    seat = acting_member(s, ws, members)
    if seat is None:
        raise Refusal("not on the panel of this case")
    own = s.execute(select(ScoreSheet.status).where(
        ScoreSheet.campaign_id == campaign_id, ScoreSheet.case_id == case.id,
        ScoreSheet.expert_id == seat.expert_id)).scalar_one_or_none()
    me = next(e.external_id for m, e in members if e.id == seat.expert_id)
    return own == "submitted", me


# -- document numbers -----------------------------------------------------------------------------------------
def _issue_number(s: Session, campaign_id: str, case_id: int, prefix: str, actor: str) -> tuple[OpinionNumber, bool]:
    """The case's number, issued now if it has none: ×政法评〔2026〕N号 with N the next in prefix and year."""
    existing = s.get(OpinionNumber, (campaign_id, case_id))
    if existing is not None:
        return existing, False
    moment = clock.now()
    seq = opinion_numbers.next_seq(s, prefix, moment.year)
    row = OpinionNumber(campaign_id=campaign_id, case_id=case_id, prefix=prefix, year=moment.year, seq=seq,
                        number=f"{prefix}〔{moment.year}〕{seq}号", issued_by=actor, issued_at=moment)
    s.add(row)
    s.flush()
    return row, True


def _concluded(s: Session, campaign_id: str, case: Case) -> None:
    if s.get(Conclusion, (campaign_id, case.id)) is None:
        raise ValidationError("case", f"case {case.external_id} has no panel conclusion yet",
                              message_zh=f"案件 {case.external_id} 尚未形成合议结论，不能出具评查意见书")


def _facts(ws: OpenWorkspace, action: str, campaign_id: str, case_ids: Sequence[int]) -> list[CaseFacts]:
    with query(ws, action, PANEL_ROLES) as s:
        return [load_case_facts(s, campaign_id, cid) for cid in case_ids]


def _opinion_file(f: CaseFacts, fmt: str, profile: Profile, draft: bool = False) -> Rendered:
    issued = f.issued_at or (None if draft else clock.now())
    doc = opinion_doc.opinion(f, profile, issued, draft=draft)
    return Rendered(f.external_id, "opinion", f.number, filename(f.external_id, "opinion", fmt, "（草稿）" if draft else ""),
                    MEDIA_TYPES[fmt], render(doc, fmt, profile))


def _reviewed(s: Session, campaign_id: str, case: Case) -> None:
    """A conclusion migration 0008 marked (findings without deductions behind them…) is not issued as it is."""
    row = s.get(Conclusion, (campaign_id, case.id))
    if row is not None and row.needs_review:
        raise ValidationError("case", f"the conclusion of case {case.external_id} needs the leader's review",
                              message_zh=f"案件 {case.external_id} 的合议结论有待组长复核（问题与扣分尚未对应），"
                                         "请组长重新记录结论后再出具评查意见书")


def render_opinion(ws: OpenWorkspace, case_ref: str | int, fmt: str, campaign_id: str | None = None,
                   profile: Profile | None = None, *, draft: bool = False) -> Rendered:
    """The opinion of a concluded case (admin or the panel leader). Exporting or printing issues its number the
    first time (audited as opinion.export); a draft (preview) issues nothing, is marked 草稿 and reads 文号待定
    until the number exists, and is audited as document.preview."""
    action = "document.preview" if draft else "opinion.export"
    require(ws, action, PANEL_ROLES)
    check_format(fmt)
    profile = profile or load_profile()
    with change(ws, action, PANEL_ROLES) as ch:
        case = resolve_case(ch.session, str(case_ref))
        campaign = case_campaign(ch.session, case, campaign_id)
        _require_leader_or_admin(ch.session, ws, campaign.id, case)
        _concluded(ch.session, campaign.id, case)
        if draft:
            ch.audit(f"case:{case.id}", campaign=campaign.id, format=fmt, kind="opinion")
        else:
            _reviewed(ch.session, campaign.id, case)
            number, issued = _issue_number(ch.session, campaign.id, case.id, profile.number_prefix, ws.actor.username)
            ch.audit(f"case:{case.id}", campaign=campaign.id, format=fmt, number=number.number, issued=issued)
        campaign_id, case_id = campaign.id, case.id
    return _opinion_file(_facts(ws, action, campaign_id, [case_id])[0], fmt, profile, draft)


def opinion_number(ws: OpenWorkspace, case_ref: str | int, campaign_id: str | None = None) -> str | None:
    """The case's issued opinion number, or None while none was issued (the GUI asks before issuing one)."""
    with query(ws, "opinion.show", PANEL_ROLES | {Role.OBSERVER}) as s:
        case = resolve_case(s, str(case_ref))
        campaign = case_campaign(s, case, campaign_id)
        row = s.get(OpinionNumber, (campaign.id, case.id))
        return row.number if row else None


def _campaign_cases(s: Session, campaign_id: str) -> tuple[list[Case], list[str]]:
    """The campaign's concluded cases (by external id) and the ids of those still without a conclusion."""
    if s.get(Campaign, campaign_id) is None:
        raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
    chosen = s.execute(select(Case).join(CampaignCase, CampaignCase.case_id == Case.id)
                       .where(CampaignCase.campaign_id == campaign_id).order_by(Case.external_id)).scalars().all()
    # A conclusion marked for the leader's review (migration 0008) waits with the unconcluded ones.
    concluded = set(s.execute(select(Conclusion.case_id).where(Conclusion.campaign_id == campaign_id,
                                                               Conclusion.needs_review.is_(False))).scalars())
    return [c for c in chosen if c.id in concluded], [c.external_id for c in chosen if c.id not in concluded]


def _campaign_opinions(ws: OpenWorkspace, campaign_id: str, formats: Sequence[str], profile: Profile,
                       action: str, progress: Progress | None) -> tuple[Iterator[Rendered], list[str]]:
    """Issue the numbers of every concluded case (one audited write), then render lazily: a batch writes each
    file as soon as it is made instead of holding them all. Returns the files and the cases skipped."""
    for fmt in formats:
        check_format(fmt)
    with change(ws, action, ADMIN) as ch:
        cases, skipped = _campaign_cases(ch.session, campaign_id)
        issued = sum(_issue_number(ch.session, campaign_id, c.id, profile.number_prefix, ws.actor.username)[1]
                     for c in cases)
        ch.audit(f"campaign:{campaign_id}", cases=len(cases), numbers_issued=issued, formats=list(formats),
                 skipped=len(skipped))
        case_ids = [c.id for c in cases]
    facts = _facts(ws, action, campaign_id, case_ids)

    def files() -> Iterator[Rendered]:
        total, done = len(facts) * len(formats), 0
        for f in facts:
            for fmt in formats:
                yield _opinion_file(f, fmt, profile)
                done += 1
                if progress:
                    progress(done, total)

    return files(), skipped


def opinion_files(ws: OpenWorkspace, campaign_id: str, formats: Sequence[str] = FORMATS,
                  progress: Progress | None = None, profile: Profile | None = None) -> list[Rendered]:
    """Every concluded case's opinion in each format, in memory (admin). For results packages."""
    require(ws, "opinion.export_all", ADMIN)
    files, _ = _campaign_opinions(ws, campaign_id, formats, profile or load_profile(), "opinion.export_all", progress)
    return list(files)


def batch_opinions(ws: OpenWorkspace, campaign_id: str, folder: Path, formats: Sequence[str] = FORMATS,
                   progress: Progress | None = None, profile: Profile | None = None) -> BatchResult:
    """Write every concluded case's opinion into `folder` (admin); each file appears whole or not at all."""
    require(ws, "opinion.batch", ADMIN)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("out", f"{folder} is not a folder", message_zh=f"{folder} 不是文件夹")
    files, skipped = _campaign_opinions(ws, campaign_id, formats, profile or load_profile(), "opinion.batch", progress)
    written: list[str] = []
    for rendered in files:
        write_atomic(folder / rendered.filename, rendered.data)
        written.append(rendered.filename)
    fsync_dir(folder)
    return BatchResult(campaign_id, str(folder), written, skipped)


def opinion_list(ws: OpenWorkspace, campaign_id: str) -> list[OpinionRow]:
    """The campaign's cases with their conclusion and opinion number. Admins and observers see every case;
    an expert sees the cases of the panels they sit on."""
    with query(ws, "opinion.list", PANEL_ROLES | {Role.OBSERVER}) as s:
        if s.get(Campaign, campaign_id) is None:
            raise NotFound(f"no campaign '{campaign_id}'", message_zh=f"没有评查活动“{campaign_id}”")
        mine: set[int] | None = None
        if ws.actor.role == Role.EXPERT:
            mine = set(s.execute(
                select(PanelMember.case_id).join(Expert, Expert.id == PanelMember.expert_id)
                .where(PanelMember.campaign_id == campaign_id, Expert.user_id == ws.actor.user_id)).scalars())
        rows = s.execute(
            select(Case, Unit.name, Conclusion, OpinionNumber.number)
            .join(CampaignCase, CampaignCase.case_id == Case.id)
            .join(Unit, Unit.code == Case.unit_code)
            .outerjoin(Conclusion, (Conclusion.case_id == Case.id) & (Conclusion.campaign_id == campaign_id))
            .outerjoin(OpinionNumber, (OpinionNumber.case_id == Case.id) & (OpinionNumber.campaign_id == campaign_id))
            .where(CampaignCase.campaign_id == campaign_id).order_by(Case.external_id)
        ).all()
        leaders = dict(s.execute(
            select(PanelMember.case_id, Expert.name).join(Expert, Expert.id == PanelMember.expert_id)
            .where(PanelMember.campaign_id == campaign_id, PanelMember.role == "leader")).all())
        return [
            OpinionRow(c.id, c.external_id, c.case_number, c.title, unit, conclusion is not None,
                       conclusion.grade if conclusion else None, conclusion.outcome if conclusion else None,
                       number, leaders.get(c.id, ""))
            for c, unit, conclusion, number in rows if mine is None or c.id in mine
        ]


def render_records(ws: OpenWorkspace, case_ref: str | int, kind: str, fmt: str, campaign_id: str | None = None,
                   profile: Profile | None = None) -> list[Rendered]:
    """Print versions of a case's score sheets (one per submitted sheet the actor may see), its recusal form,
    or its interview records (one each). Admins and the case's panel members; audited."""
    require(ws, "document.print", PANEL_ROLES)
    if kind not in RECORD_KINDS:
        raise ValidationError("kind", f"must be one of {', '.join(RECORD_KINDS)}",
                              message_zh="文书种类须为 score_sheet、recusal 或 interview")
    check_format(fmt)
    profile = profile or load_profile()
    with change(ws, "document.print", PANEL_ROLES) as ch:
        case = resolve_case(ch.session, str(case_ref))
        campaign = case_campaign(ch.session, case, campaign_id)
        sees_all, me = _sheet_reader(ch.session, ws, campaign.id, case)
        ch.audit(f"case:{case.id}", campaign=campaign.id, kind=kind, format=fmt)
        campaign_id, case_id = campaign.id, case.id
    f = _facts(ws, "document.print", campaign_id, [case_id])[0]
    docs: list[Document]
    if kind == "score_sheet":
        docs = [records.score_sheet(f, s, profile) for s in f.sheets if sees_all or s.expert_id == me]
    elif kind == "recusal":
        docs = [records.recusal_form(f, profile, recusal_statement())]
    else:
        docs = [records.interview_record(f, note, profile) for note in f.interviews]
    return [
        Rendered(f.external_id, kind, None, filename(f.external_id, kind, fmt, f"-{n}" if len(docs) > 1 else ""),
                 MEDIA_TYPES[fmt], render(doc, fmt, profile))
        for n, doc in enumerate(docs, 1)
    ]

