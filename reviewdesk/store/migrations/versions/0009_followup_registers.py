"""The follow-up registers (用): rectification items (整改台账) with their history and evidence files, referrals
(线索移送台账) with letter numbers, objections and re-checks (异议复核) with the conclusion versions they keep,
special rectifications (专项整治), re-issued opinion numbers, and each campaign's follow-up settings.

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _stamp(name: str) -> sa.Column:
    return sa.Column(name, sa.String(40), nullable=False)


def upgrade() -> None:
    op.create_table(
        "followup_settings",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("body", sa.Text(), nullable=False),  # JSON: only the keys an admin set
    )
    op.create_table(
        "conclusion_versions",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("kept_by", sa.String(64), nullable=False),
        _stamp("kept_at"),
    )
    op.create_table(
        "special_rectifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False, index=True),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("deadline", sa.String(10), nullable=False),
        sa.Column("cases", sa.Text(), nullable=False),  # JSON list of case ids, as the ranking found them
        sa.Column("units", sa.Text(), nullable=False),  # JSON list of unit codes
        sa.Column("progress", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
        sa.UniqueConstraint("campaign_id", "category", name="uq_special_category"),
    )
    op.create_table(
        "rectification_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("unit_code", sa.String(64), sa.ForeignKey("units.code"), nullable=False, index=True),
        sa.Column("source_key", sa.String(80), nullable=False),
        sa.Column("finding_position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("evidence_ref", sa.String(200), nullable=False, server_default=""),
        sa.Column("responsible_unit", sa.String(200), nullable=False),
        sa.Column("responsible_person", sa.String(100), nullable=False, server_default=""),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("deadline", sa.String(10), nullable=False, index=True),
        sa.Column("measures", sa.Text(), nullable=False, server_default=""),
        sa.Column("progress", sa.Text(), nullable=False, server_default=""),
        sa.Column("recheck_finding", sa.String(12)),
        sa.Column("recheck_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("closed_on", sa.String(10)),
        sa.Column("special_id", sa.Integer(), sa.ForeignKey("special_rectifications.id")),
        sa.Column("status", sa.String(12), nullable=False, index=True),
        sa.Column("sent_back_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("review_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.UniqueConstraint("campaign_id", "seq", name="uq_rectification_seq"),
        sa.UniqueConstraint("campaign_id", "case_id", "source_key", "finding_position", name="uq_rectification_source"),
    )
    op.create_index("ix_rectification_due", "rectification_items", ["status", "deadline"])
    op.create_table(
        "rectification_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("rectification_items.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("from_status", sa.String(12)),
        sa.Column("to_status", sa.String(12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("by", sa.String(64), nullable=False),
        _stamp("at"),
    )
    op.create_table(
        "rectification_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("rectification_items.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("filename", sa.String(240), nullable=False),
        sa.Column("media_type", sa.String(127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),  # inside the encrypted store, never on disk
        sa.Column("added_by", sa.String(64), nullable=False),
        _stamp("added_at"),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False, index=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("source_key", sa.String(80)),  # set when generated from a conclusion; None when added by hand
        sa.Column("persons", sa.Text(), nullable=False),  # JSON [{"name", "unit", "post"}]
        sa.Column("clue", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),  # JSON [{"title", "ref"}]
        sa.Column("receiving_body", sa.String(200), nullable=False, server_default=""),
        sa.Column("officer", sa.String(100), nullable=False, server_default=""),
        sa.Column("sent_on", sa.String(10)),
        sa.Column("letter_prefix", sa.String(64)),
        sa.Column("letter_year", sa.Integer()),
        sa.Column("letter_seq", sa.Integer()),
        sa.Column("letter_number", sa.String(120), unique=True),
        sa.Column("feedback_deadline", sa.String(10), index=True),
        sa.Column("feedback_on", sa.String(10)),
        sa.Column("outcome", sa.String(16)),
        sa.Column("outcome_detail", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False, index=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("review_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
        sa.UniqueConstraint("letter_prefix", "letter_year", "letter_seq", name="uq_referral_letter_seq"),
        sa.UniqueConstraint("campaign_id", "case_id", "source_key", name="uq_referral_source"),
    )
    op.create_table(
        "objections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False, index=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("objector", sa.String(200), nullable=False),
        sa.Column("delivered_on", sa.String(10), nullable=False),
        sa.Column("received_on", sa.String(10), nullable=False),
        sa.Column("deadline", sa.String(10), nullable=False),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("admitted_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("checked", sa.Text(), nullable=False, server_default=""),
        sa.Column("from_version", sa.Integer(), nullable=False),
        sa.Column("to_version", sa.Integer()),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("decided_at", sa.String(40)),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
    )
    op.create_table(
        "followup_numbers",  # numbers of the follow-up papers (整改通知书…), each issued once per subject
        sa.Column("kind", sa.String(24), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("subject", sa.String(64), primary_key=True),  # the unit code, the special's id…
        sa.Column("prefix", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(120), nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=False),
        _stamp("issued_at"),
        sa.UniqueConstraint("prefix", "year", "seq", name="uq_followup_numbers_seq"),
    )
    op.create_table(
        "opinion_reissues",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("objection_id", sa.Integer(), sa.ForeignKey("objections.id"), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("replaces", sa.String(120)),  # the number of the opinion it replaces
        sa.Column("prefix", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(120), nullable=False, unique=True),
        sa.Column("issued_by", sa.String(64), nullable=False),
        _stamp("issued_at"),
    )


def downgrade() -> None:
    for table in ("opinion_reissues", "followup_numbers", "objections", "referrals", "rectification_evidence", "rectification_events"):
        op.drop_table(table)
    op.drop_index("ix_rectification_due", "rectification_items")
    for table in ("rectification_items", "special_rectifications", "conclusion_versions", "followup_settings"):
        op.drop_table(table)
