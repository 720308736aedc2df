"""ORM models. Each later issue adds its tables here and by an Alembic migration, never by create_all."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from reviewdesk.store.core_models import (  # noqa: F401 - one import place for every model
    ROLE_LABELS_ZH,
    AuditCheckpoint,
    AuditEntry,
    AuditHead,
    Base,
    Role,
    Setting,
    Timestamp,
    User,
    WorkstationKey,
)

DEFAULT_GRADE_BANDS = (
    '[{"grade": "优秀", "min": 90}, {"grade": "合格", "min": 70}, {"grade": "瑕疵", "min": 60}, {"grade": "不合格", "min": 0}]'
)


class CrossRegionLevel(enum.StrEnum):
    NONE = "none"  # no same-region exclusion
    COUNTY = "county"  # exclude experts whose unit lies in the same county (6 digits)
    PREFECTURE = "prefecture"  # … in the same prefecture (first 4 digits)


class UnitKind(enum.StrEnum):
    COURT = "court"
    PROCURATORATE = "procuratorate"
    POLICE = "police"
    JUSTICE = "justice"
    OTHER = "other"


class Unit(Base):
    """A handling or expert unit (court, procuratorate, police, justice bureau…)."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(6), index=True)  # GB/T 2260


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    year: Mapped[int] = mapped_column(Integer)
    cross_region_level: Mapped[str] = mapped_column(String(16), default=CrossRegionLevel.NONE.value)
    panel_size: Mapped[int] = mapped_column(Integer, default=3)
    organiser_unit: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    status: Mapped[str] = mapped_column(String(16), default="planning")
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    kind: Mapped[str] = mapped_column(String(16), default="regular")  # regular | recheck (回头看)
    # Panel composition rules, JSON: [{"professions": ["lawyer", "academic"], "min": 1}, …]
    composition: Mapped[str] = mapped_column(Text, default="[]")
    max_load: Mapped[int | None] = mapped_column(Integer)  # cases per expert; None = fair share
    # Grade bands, JSON, highest first: [{"grade": "优秀", "min": 90}, …, {"grade": "不合格", "min": 0}]
    grade_bands: Mapped[str] = mapped_column(Text, default=DEFAULT_GRADE_BANDS)
    spread_threshold: Mapped[float] = mapped_column(Float, default=10.0)  # deliberation flag: points between members
    consolidation: Mapped[str] = mapped_column(String(8), default="mean")  # mean | median of the members' totals
    scoring_deadline: Mapped[str | None] = mapped_column(String(10))  # ISO date the sheets are due; None = none set


# -- packages and cases (issue: case packages) ----------------------------------------------------------
class TrustedIssuer(Base):
    """A minisign public key an admin imported: packages signed by it are accepted."""

    __tablename__ = "trusted_issuers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key_id: Mapped[str] = mapped_column(String(16), unique=True)  # as minisign prints it
    public_key: Mapped[str] = mapped_column(String(128))  # the base64 line of the .pub file
    added_at: Mapped[datetime] = mapped_column(Timestamp())
    added_by: Mapped[str] = mapped_column(String(64))


class ImportedPackage(Base):
    __tablename__ = "packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    issuer_name: Mapped[str] = mapped_column(String(200))
    issuer_key_id: Mapped[str] = mapped_column(String(16))
    signed: Mapped[bool] = mapped_column(Boolean)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"))
    created_at: Mapped[str] = mapped_column(String(40))  # as the manifest says
    imported_at: Mapped[datetime] = mapped_column(Timestamp())
    imported_by: Mapped[str] = mapped_column(String(64))
    file_count: Mapped[int] = mapped_column(Integer)
    total_size: Mapped[int] = mapped_column(Integer)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)  # exact signed bytes


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("issuer_key_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_key_id: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64), index=True)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    package_id: Mapped[str | None] = mapped_column(ForeignKey("packages.package_id"))
    case_number: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500))
    case_type: Mapped[str] = mapped_column(String(20), index=True)
    cause: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    accepted_on: Mapped[str | None] = mapped_column(String(10))
    closed_on: Mapped[str | None] = mapped_column(String(10))
    summary: Mapped[str] = mapped_column(Text)
    petition_count: Mapped[int] = mapped_column(Integer, default=0)
    petition_first_on: Mapped[str | None] = mapped_column(String(10))
    petition_last_on: Mapped[str | None] = mapped_column(String(10))
    flag_unenforced: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_unresolved: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_repeated: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[datetime] = mapped_column(Timestamp())


class CaseHandler(Base):
    __tablename__ = "case_handlers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    unit_code: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(100))


class CaseParty(Base):
    __tablename__ = "case_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    role: Mapped[str] = mapped_column(String(100))


class PartyCounsel(Base):
    __tablename__ = "party_counsel"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    firm: Mapped[str | None] = mapped_column(String(200))


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    package_id: Mapped[str | None] = mapped_column(ForeignKey("packages.package_id"))
    path: Mapped[str] = mapped_column(String(240))
    title: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # text: has a text layer; scanned: PDF pages without text; none: format without text; too_large; error
    text_status: Mapped[str] = mapped_column(String(16))
    page_count: Mapped[int | None] = mapped_column(Integer)
    volume: Mapped[int | None] = mapped_column(Integer)  # the file's volume (卷); None counts as volume 1


class DocumentChunk(Base):
    __tablename__ = "document_chunks"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# -- expert pool, recusal, selection, panels (issue: expert pool and panels) -----------------------------
class Expert(Base):
    __tablename__ = "experts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)  # the roster's id, e.g. EXP-0001
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    gender: Mapped[str | None] = mapped_column(String(4))
    profession: Mapped[str] = mapped_column(String(16))  # judge prosecutor police lawyer academic other
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    specialties: Mapped[str] = mapped_column(String(200), default="")  # case types, comma-separated, sorted
    phone: Mapped[str | None] = mapped_column(String(40))
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list: 人大代表, 政协委员…
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    availability_note: Mapped[str] = mapped_column(String(200), default="")
    max_load: Mapped[int | None] = mapped_column(Integer)  # this expert's own cap, if any
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # their account on this laptop
    source: Mapped[str] = mapped_column(String(200))  # "xlsx:<file>" or "package:<package_id>"
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    updated_at: Mapped[datetime] = mapped_column(Timestamp())

    @property
    def specialty_set(self) -> frozenset[str]:
        return frozenset(s for s in self.specialties.split(",") if s)


class ExpertFormerUnit(Base):
    __tablename__ = "expert_former_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    unit_code: Mapped[str] = mapped_column(String(64))
    until: Mapped[str | None] = mapped_column(String(10))  # YYYY-MM-DD; None = date unknown


class ExpertRelation(Base):
    """A declared relation: near relative, former colleague, business interest, counsel role, other."""

    __tablename__ = "expert_relations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))  # a person or an organisation
    id_number: Mapped[str | None] = mapped_column(String(18))
    unit_code: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(500), default="")


class RegistryCompany(Base):
    """Interest registry (企业登记): a company and the people who hold shares in it or run it."""

    __tablename__ = "registry_companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    source: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(Timestamp())


class RegistryHolder(Base):
    __tablename__ = "registry_holders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("registry_companies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    role: Mapped[str] = mapped_column(String(32))  # shareholder | officer | legal_representative
    share: Mapped[str | None] = mapped_column(String(32))  # as the registry states it, e.g. "12.5%"


class RecusalDeclaration(Base):
    """Recorded by the coordinator: conduct reports (rule 7), self-declared or granted recusal (rule 8)."""

    __tablename__ = "recusal_declarations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))  # None: any case
    kind: Mapped[str] = mapped_column(String(24))  # conduct | self_declared | request_granted
    counterpart_name: Mapped[str | None] = mapped_column(String(200))  # conduct: the party or handler
    counterpart_id_number: Mapped[str | None] = mapped_column(String(18))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(Timestamp())


class RecusalDecision(Base):
    """The coordinator's decision on a soft finding: confirmed (excludes) or cleared (may sit)."""

    __tablename__ = "recusal_decisions"
    __table_args__ = (UniqueConstraint("case_id", "expert_id", "rule_id", "evidence_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"))
    rule_id: Mapped[str] = mapped_column(String(32))
    evidence_key: Mapped[str] = mapped_column(String(300))
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | cleared
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(Timestamp())


class Selection(Base):
    """One random draw of cases: parameters, seed, pool fingerprint and result, so it can be replayed."""

    __tablename__ = "selections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    params: Mapped[str] = mapped_column(Text)  # canonical JSON
    seed: Mapped[str] = mapped_column(String(128))
    pool_fingerprint: Mapped[str] = mapped_column(String(64))
    pool_size: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(Text)  # JSON list of case keys, in draw order
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class CampaignCase(Base):
    """A case chosen for review in a campaign: drawn at random or picked by hand as a key case."""

    __tablename__ = "campaign_cases"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    how: Mapped[str] = mapped_column(String(8))  # random | key
    selection_id: Mapped[int | None] = mapped_column(ForeignKey("selections.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(Timestamp())


class AssignmentRun(Base):
    __tablename__ = "assignment_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    params: Mapped[str] = mapped_column(Text)  # canonical JSON incl. seed
    summary: Mapped[str] = mapped_column(Text)  # JSON: loads, unstaffed cases…
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class PanelMember(Base):
    __tablename__ = "panel_members"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(8))  # leader | member
    run_id: Mapped[int | None] = mapped_column(ForeignKey("assignment_runs.id"))
    assigned_by: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[datetime] = mapped_column(Timestamp())


class PanelBackup(Base):
    """Ranked stand-ins for a case's panel, drawn with it, for late recusals."""

    __tablename__ = "panel_backups"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)


class PanelChange(Base):
    """A member replaced or changed by hand after the draw, with the reason."""

    __tablename__ = "panel_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    removed_expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    added_expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(Timestamp())


# -- scoring, deliberation, interviews (issue: scoring) -------------------------------------------------------
class Rubric(Base):
    """A score sheet definition (resources/rubrics/*.json), stored whole: a campaign keeps the exact version."""

    __tablename__ = "rubrics"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # the rubric JSON, canonical
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))  # "builtin" or "file:<name>"
    added_at: Mapped[datetime] = mapped_column(Timestamp())


class CampaignRubric(Base):
    """Which rubric (exact version) a campaign scores a case type with."""

    __tablename__ = "campaign_rubrics"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubrics.id"))


class ScoreSheet(Base):
    """One expert's sheet for one case: draft until submitted (then locked; amendments keep the old version)."""

    __tablename__ = "score_sheets"
    __table_args__ = (UniqueConstraint("campaign_id", "case_id", "expert_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubrics.id"))
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft | submitted
    version: Mapped[int] = mapped_column(Integer, default=1)  # +1 with every amendment after submission
    total: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(16))
    veto: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    certification: Mapped[str] = mapped_column(Text)  # the 回避声明 the expert confirmed before the first edit
    certified_at: Mapped[datetime] = mapped_column(Timestamp())
    submitted_at: Mapped[datetime | None] = mapped_column(Timestamp())
    updated_at: Mapped[datetime] = mapped_column(Timestamp())


class ScoreItem(Base):
    """One rubric item on a sheet: points deducted (or added, for bonus items), with reason and 卷×第×页."""

    __tablename__ = "score_items"

    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    points: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence_ref: Mapped[str] = mapped_column(String(200), default="")
    veto: Mapped[bool] = mapped_column(Boolean, default=False)  # a veto item found to apply


class ScoreSheetVersion(Base):
    """A submitted sheet as it was (JSON), kept when it is amended."""

    __tablename__ = "score_sheet_versions"
    __table_args__ = (UniqueConstraint("sheet_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    amend_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class Conclusion(Base):
    """The panel's conclusion on a case (合议), recorded by the leader."""

    __tablename__ = "conclusions"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    computed_grade: Mapped[str] = mapped_column(String(16))
    grade: Mapped[str] = mapped_column(String(16))  # differs from computed_grade only with grade_reason
    grade_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(8))  # wrong (错案) | flawed (瑕疵案) | none
    majority_view: Mapped[str] = mapped_column(Text, default="")
    minority_view: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="{}")  # JSON: correction with deadline, referral suggestion
    # Why the outcome is "none" although substantive (实体) deductions stand on the members' sheets.
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    # Set by migration 0008 when an older conclusion breaks today's rules; cleared when the leader re-records it.
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    concluded_by: Mapped[str] = mapped_column(String(64))
    concluded_at: Mapped[datetime] = mapped_column(Timestamp())


class ConclusionFinding(Base):
    """A problem the panel found (发现的问题): category, description, evidence reference."""

    __tablename__ = "conclusion_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    evidence_ref: Mapped[str] = mapped_column(String(200), default="")
    item_code: Mapped[str | None] = mapped_column(String(32))
    basis_reason: Mapped[str] = mapped_column(Text, default="")  # why a finding rests on no member's deduction
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)  # migrated, no deduction matched: for the leader


class FindingDeduction(Base):
    """A deduction on a member's submitted sheet that a finding rests on (finding ↔ sheet item)."""

    __tablename__ = "finding_deductions"

    finding_id: Mapped[int] = mapped_column(ForeignKey("conclusion_findings.id", ondelete="CASCADE"), primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class Interview(Base):
    """谈话笔录: an interview with a party or an original handler."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(Timestamp())
    ended_at: Mapped[datetime] = mapped_column(Timestamp())
    place: Mapped[str] = mapped_column(String(200))
    interviewers: Mapped[str] = mapped_column(Text)  # JSON list of names (at least two)
    recorder: Mapped[str] = mapped_column(String(100))
    interviewee_name: Mapped[str] = mapped_column(String(100))
    interviewee_unit: Mapped[str] = mapped_column(String(200), default="")
    relation: Mapped[str] = mapped_column(String(16))  # party | handler | other
    notice: Mapped[str] = mapped_column(Text)  # JSON: identity, purpose, recusal_right, truth_duty → bool
    qa: Mapped[str] = mapped_column(Text)  # JSON list of {"q": …, "a": …}
    confirmation: Mapped[str] = mapped_column(Text, default="")  # the interviewee's confirmation
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    updated_at: Mapped[datetime] = mapped_column(Timestamp())


class OpinionNumber(Base):
    """The document number a review opinion got when it was first produced; it never changes afterwards."""

    __tablename__ = "opinion_numbers"
    __table_args__ = (UniqueConstraint("prefix", "year", "seq", name="uq_opinion_numbers_seq"),)

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(120))
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(Timestamp())


# -- received results (issue: results packages) ---------------------------------------------------------------
class ResultPackage(Base):
    """A results package imported on the office machine: who sent it and whether its audit log verified."""

    __tablename__ = "result_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    campaign_id: Mapped[str] = mapped_column(String(64), index=True)  # the sender's; need not exist here
    campaign_name: Mapped[str] = mapped_column(String(256))
    issuer_name: Mapped[str] = mapped_column(String(200))
    issuer_key_id: Mapped[str] = mapped_column(String(16), index=True)  # the sending workstation's minisign key
    signed: Mapped[bool] = mapped_column(Boolean)  # False: an admin allowed it unsigned (audited)
    unsigned_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))  # as the manifest says
    imported_at: Mapped[datetime] = mapped_column(Timestamp())
    imported_by: Mapped[str] = mapped_column(String(64))
    manifest: Mapped[bytes] = mapped_column(LargeBinary)  # exact signed bytes
    audit_log: Mapped[bytes] = mapped_column(LargeBinary)  # audit.jsonl as received
    audit_checkpoint: Mapped[str] = mapped_column(Text)  # audit-checkpoint.json as received
    audit_entries: Mapped[int] = mapped_column(Integer)
    audit_head_hash: Mapped[str] = mapped_column(String(64))
    # The chain always links (else the package is refused); True when the checkpoint's signature was checked
    # with a trusted key too, False for a package an admin allowed unsigned.
    audit_verified: Mapped[bool] = mapped_column(Boolean)


class ReceivedResult(Base):
    """One case's result as one package carried it. Never overwritten: a different result for the same case
    from another package is another row, and the case is a conflict until the office settles it."""

    __tablename__ = "received_results"
    __table_args__ = (UniqueConstraint("package_id", "case_external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("result_packages.package_id"))
    campaign_id: Mapped[str] = mapped_column(String(64), index=True)
    case_external_id: Mapped[str] = mapped_column(String(64))
    case_number: Mapped[str] = mapped_column(String(200))
    source_key_id: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)  # the case's entry of the manifest, canonical JSON
    digest: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of body: equal digests, equal results


class ReceivedFile(Base):
    """An opinion file (.docx, .pdf) from a results package, kept inside the encrypted store."""

    __tablename__ = "received_files"
    __table_args__ = (UniqueConstraint("package_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(ForeignKey("result_packages.package_id"))
    case_external_id: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(240))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


# -- follow-up registers (issue 16: rectification, referrals, objections, special rectification) ----------------
class FollowupSettings(Base):
    """A campaign's follow-up settings (reviewdesk/followup/settings.py names the keys and defaults)."""

    __tablename__ = "followup_settings"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # JSON, only the keys an admin set


class ConclusionVersion(Base):
    """A conclusion as it stood before it was re-recorded (复核 or a later deliberation): never changed."""

    __tablename__ = "conclusion_versions"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # JSON: the conclusion's fields and findings
    kept_by: Mapped[str] = mapped_column(String(64))
    kept_at: Mapped[datetime] = mapped_column(Timestamp())


class SpecialRectification(Base):
    """专项整治: a problem category found across many cases or units, with its own requirement and deadline."""

    __tablename__ = "special_rectifications"
    __table_args__ = (UniqueConstraint("campaign_id", "category", name="uq_special_category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    requirement: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str] = mapped_column(String(10))
    cases: Mapped[str] = mapped_column(Text)  # JSON list of case ids
    units: Mapped[str] = mapped_column(Text)  # JSON list of unit codes
    progress: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12))  # open | closed
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class RectificationItem(Base):
    """整改台账: one problem of a wrong or flawed case that its unit must fix."""

    __tablename__ = "rectification_items"
    __table_args__ = (
        UniqueConstraint("campaign_id", "seq", name="uq_rectification_seq"),
        UniqueConstraint("campaign_id", "case_id", "source_key", "finding_position", name="uq_rectification_source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    seq: Mapped[int] = mapped_column(Integer)  # the problem number within the campaign
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    source_key: Mapped[str] = mapped_column(String(80))  # local:v<version> | received:<digest> | manual
    finding_position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # 实体 程序 文书 卷宗 作风
    category: Mapped[str] = mapped_column(String(32))  # the rubric's problem category
    description: Mapped[str] = mapped_column(Text)
    evidence_ref: Mapped[str] = mapped_column(String(200), default="")
    responsible_unit: Mapped[str] = mapped_column(String(200))
    responsible_person: Mapped[str] = mapped_column(String(100), default="")
    requirement: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str] = mapped_column(String(10), index=True)
    measures: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[str] = mapped_column(Text, default="")
    recheck_finding: Mapped[str | None] = mapped_column(String(12))  # fixed | partly | not_fixed (回头看)
    recheck_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[str | None] = mapped_column(String(10))
    special_id: Mapped[int | None] = mapped_column(ForeignKey("special_rectifications.id"))
    status: Mapped[str] = mapped_column(String(12), index=True)  # open reported verified closed sent_back
    sent_back_reason: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)  # a later conclusion version exists
    review_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    updated_at: Mapped[datetime] = mapped_column(Timestamp())


class RectificationEvent(Base):
    """One status step of a rectification item, with who, when and the note given."""

    __tablename__ = "rectification_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rectification_items.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(Timestamp())


class RectificationEvidence(Base):
    """A file the unit sent as evidence of fixing (佐证材料), kept inside the encrypted store."""

    __tablename__ = "rectification_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rectification_items.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(240))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(Timestamp())


class Referral(Base):
    """线索移送台账: a clue sent to the discipline inspection body, its letter and the feedback."""

    __tablename__ = "referrals"
    __table_args__ = (
        UniqueConstraint("letter_prefix", "letter_year", "letter_seq", name="uq_referral_letter_seq"),
        UniqueConstraint("campaign_id", "case_id", "source_key", name="uq_referral_source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    source_key: Mapped[str | None] = mapped_column(String(80))
    persons: Mapped[str] = mapped_column(Text)  # JSON [{"name", "unit", "post"}]
    clue: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)  # JSON [{"title", "ref"}]
    receiving_body: Mapped[str] = mapped_column(String(200), default="")
    officer: Mapped[str] = mapped_column(String(100), default="")
    sent_on: Mapped[str | None] = mapped_column(String(10))
    letter_prefix: Mapped[str | None] = mapped_column(String(64))
    letter_year: Mapped[int | None] = mapped_column(Integer)
    letter_seq: Mapped[int | None] = mapped_column(Integer)
    letter_number: Mapped[str | None] = mapped_column(String(120), unique=True)
    feedback_deadline: Mapped[str | None] = mapped_column(String(10), index=True)
    feedback_on: Mapped[str | None] = mapped_column(String(10))
    outcome: Mapped[str | None] = mapped_column(String(16))  # investigated punished not_filed other
    outcome_detail: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)  # draft sent feedback
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class Objection(Base):
    """异议: the reviewed unit's objection to a conclusion, and the panel's re-check (复核) of it."""

    __tablename__ = "objections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    objector: Mapped[str] = mapped_column(String(200))
    delivered_on: Mapped[str] = mapped_column(String(10))  # the unit received the opinion
    received_on: Mapped[str] = mapped_column(String(10))  # the office received the objection
    deadline: Mapped[str] = mapped_column(String(10))
    grounds: Mapped[str] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean)
    admitted_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12))  # pending upheld changed
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    checked: Mapped[str] = mapped_column(Text, default="")  # what the panel looked at
    from_version: Mapped[int] = mapped_column(Integer)
    to_version: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp())
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp())


class OpinionReissue(Base):
    """The number of an opinion re-issued after a 复核 changed the conclusion; it names the one it replaces."""

    __tablename__ = "opinion_reissues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    objection_id: Mapped[int] = mapped_column(ForeignKey("objections.id"), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    replaces: Mapped[str | None] = mapped_column(String(120))
    prefix: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(120), unique=True)
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(Timestamp())


class FollowupNumber(Base):
    """The document number of a follow-up paper (整改通知书 to a unit…), issued the first time it is exported."""

    __tablename__ = "followup_numbers"
    __table_args__ = (UniqueConstraint("prefix", "year", "seq", name="uq_followup_numbers_seq"),)

    kind: Mapped[str] = mapped_column(String(24), primary_key=True)  # rectification_notice
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    subject: Mapped[str] = mapped_column(String(64), primary_key=True)  # the unit code
    prefix: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(120))
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(Timestamp())


# -- data collision screening (issue 17, migration 0010) --------------------------------------------------
class CollisionRuleSet(Base):
    """An office's own rule set (the built-in ones live in resources/collision/)."""

    __tablename__ = "collision_rule_sets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # the JSON as imported (validated)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(Timestamp())


class CollisionState(Base):
    """Per campaign: the rule set it uses and what was imported and run last (JSON summaries, counts only)."""

    __tablename__ = "collision_state"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    rule_set: Mapped[str] = mapped_column(String(64), default="default")
    # Random, per campaign: match keys are HMACs under it, so a key (in an audit entry, which results packages
    # carry) cannot be checked against a guessed identity number.
    key_salt: Mapped[str] = mapped_column(String(64))
    officers_import: Mapped[str | None] = mapped_column(Text)
    registry_import: Mapped[str | None] = mapped_column(Text)
    last_run: Mapped[str | None] = mapped_column(Text)


class CollisionOfficer(Base):
    __tablename__ = "collision_officers"
    __table_args__ = (UniqueConstraint("campaign_id", "id_number", name="uq_collision_officer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    row: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), index=True)
    id_number: Mapped[str] = mapped_column(String(18))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    region4: Mapped[str] = mapped_column(String(4))  # prefecture of the identity number
    unit_region4: Mapped[str] = mapped_column(String(4))  # prefecture of the unit
    post: Mapped[str | None] = mapped_column(String(100))
    service_from: Mapped[str | None] = mapped_column(String(10))
    service_until: Mapped[str | None] = mapped_column(String(10))
    party_member: Mapped[bool | None] = mapped_column(Boolean)
    civil_servant: Mapped[bool | None] = mapped_column(Boolean)


class CollisionCompany(Base):
    __tablename__ = "collision_companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    kind: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8))
    established_on: Mapped[str | None] = mapped_column(String(10))
    status_on: Mapped[str | None] = mapped_column(String(10))
    listed: Mapped[bool] = mapped_column(Boolean, default=False)


class CollisionPerson(Base):
    """One person in one role in one company, as one row of the extract says."""

    __tablename__ = "collision_persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    company_id: Mapped[int] = mapped_column(ForeignKey("collision_companies.id", ondelete="CASCADE"))
    sheet: Mapped[str] = mapped_column(String(32))
    row: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str | None] = mapped_column(String(18))
    region4: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    role: Mapped[str] = mapped_column(String(24))
    post: Mapped[str] = mapped_column(String(32))
    stake: Mapped[float | None] = mapped_column(Float)
    subscribed: Mapped[str | None] = mapped_column(String(64))
    stake_on: Mapped[str | None] = mapped_column(String(10))


class CollisionMatch(Base):
    """One officer found in one registry row by the last run (replaced by each run, cleared by each import)."""

    __tablename__ = "collision_matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("collision_officers.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("collision_persons.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))  # content key: the decision on it survives re-imports
    kind: Mapped[str] = mapped_column(String(8))  # hit (identity number) | lead (name)
    basis: Mapped[str] = mapped_column(String(16))  # id_number | name_region | name_birth
    rule_id: Mapped[str] = mapped_column(String(64))
    exemption: Mapped[str | None] = mapped_column(String(64))
    wording: Mapped[str] = mapped_column(Text)
    rule_basis: Mapped[str] = mapped_column(Text)


class CollisionDecision(Base):
    """The office's decision on a match, keyed on the match's content (not on row ids)."""

    __tablename__ = "collision_decisions"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    decision: Mapped[str] = mapped_column(String(8))  # confirm | clear
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(Timestamp())


# -- the reading room (issue 18): OCR queue and recognised pages, reading marks ---------------------------
class OcrJob(Base):
    """A document waiting for (or done with) OCR. Rows outlive restarts: a run picks up queued and running
    jobs (a killed run left its job running), skipping pages already in ocr_pages."""

    __tablename__ = "ocr_jobs"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(12))  # queued | running | done | failed
    pages: Mapped[int | None] = mapped_column(Integer)  # known once the run opened the document
    pages_done: Mapped[int] = mapped_column(Integer, default=0)  # pages handled (recognised or with a text layer)
    error: Mapped[str] = mapped_column(String(300), default="")
    queued_at: Mapped[datetime] = mapped_column(Timestamp())
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp())


class OcrPage(Base):
    """The recognised text of one page, and its lines: JSON [[x0, y0, x1, y1, text, score], …], boxes as
    fractions of the page (reviewdesk/ocr/engine.Line)."""

    __tablename__ = "ocr_pages"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1-based, the file's own page
    text: Mapped[str] = mapped_column(Text)
    lines: Mapped[str] = mapped_column(Text)
    recognised_at: Mapped[datetime] = mapped_column(Timestamp())


class ReadingMark(Base):
    """An expert's private mark (私人标注) on a page or passage of a case document, with a note."""

    __tablename__ = "reading_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)  # 1-based page of the file
    passage: Mapped[str] = mapped_column(Text, default="")  # the marked words ("" = the whole page)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp())
    updated_at: Mapped[datetime] = mapped_column(Timestamp())
