"""Rubrics, score sheets with their history, conclusions with findings, interview records.

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DEFAULT_BANDS = (
    '[{"grade": "优秀", "min": 90}, {"grade": "合格", "min": 70}, {"grade": "瑕疵", "min": 60}, {"grade": "不合格", "min": 0}]'
)


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(40), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("grade_bands", sa.Text(), nullable=False, server_default=DEFAULT_BANDS))
        batch.add_column(sa.Column("spread_threshold", sa.Float(), nullable=False, server_default="10"))
        batch.add_column(sa.Column("consolidation", sa.String(8), nullable=False, server_default="mean"))
    op.create_table(
        "rubrics",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        _stamp("added_at"),
        sa.UniqueConstraint("code", "version", name="uq_rubrics_code_version"),
    )
    op.create_table(
        "campaign_rubrics",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_type", sa.String(20), primary_key=True),
        sa.Column("rubric_id", sa.Integer(), sa.ForeignKey("rubrics.id"), nullable=False),
    )
    op.create_table(
        "score_sheets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id"), nullable=False),
        sa.Column("rubric_id", sa.Integer(), sa.ForeignKey("rubrics.id"), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="draft"),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("total", sa.Float()),
        sa.Column("grade", sa.String(16)),
        sa.Column("veto", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
        sa.Column("certification", sa.Text(), nullable=False),
        _stamp("certified_at"),
        _stamp("submitted_at", nullable=True),
        _stamp("updated_at"),
        sa.UniqueConstraint("campaign_id", "case_id", "expert_id", name="uq_score_sheets_member"),
        sa.CheckConstraint("status IN ('draft','submitted')", name="ck_score_sheets_status"),
    )
    op.create_index("ix_score_sheets_case_id", "score_sheets", ["case_id"])
    op.create_table(
        "score_items",
        sa.Column("sheet_id", sa.Integer(), sa.ForeignKey("score_sheets.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_code", sa.String(32), primary_key=True),
        sa.Column("points", sa.Float(), nullable=False, server_default="0"),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("evidence_ref", sa.String(200), nullable=False, server_default=""),
        sa.Column("veto", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "score_sheet_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sheet_id", sa.Integer(), sa.ForeignKey("score_sheets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("amend_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
        sa.UniqueConstraint("sheet_id", "version", name="uq_score_sheet_versions"),
    )
    op.create_table(
        "conclusions",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("computed_grade", sa.String(16), nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("grade_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("majority_view", sa.Text(), nullable=False, server_default=""),
        sa.Column("minority_view", sa.Text(), nullable=False, server_default=""),
        sa.Column("actions", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("concluded_by", sa.String(64), nullable=False),
        _stamp("concluded_at"),
        sa.CheckConstraint("outcome IN ('wrong','flawed','none')", name="ck_conclusions_outcome"),
    )
    op.create_table(
        "conclusion_findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("evidence_ref", sa.String(200), nullable=False, server_default=""),
        sa.Column("item_code", sa.String(32)),
    )
    op.create_index("ix_conclusion_findings_case_id", "conclusion_findings", ["case_id"])
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        _stamp("started_at"),
        _stamp("ended_at"),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("interviewers", sa.Text(), nullable=False),
        sa.Column("recorder", sa.String(100), nullable=False),
        sa.Column("interviewee_name", sa.String(100), nullable=False),
        sa.Column("interviewee_unit", sa.String(200), nullable=False, server_default=""),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("qa", sa.Text(), nullable=False),
        sa.Column("confirmation", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint("relation IN ('party','handler','other')", name="ck_interviews_relation"),
    )
    op.create_index("ix_interviews_case_id", "interviews", ["case_id"])


def downgrade() -> None:
    for name in (
        "interviews", "conclusion_findings", "conclusions", "score_sheet_versions", "score_items", "score_sheets",
        "campaign_rubrics", "rubrics",
    ):
        op.drop_table(name)
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("consolidation")
        batch.drop_column("spread_threshold")
        batch.drop_column("grade_bands")
