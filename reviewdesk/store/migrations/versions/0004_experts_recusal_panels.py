"""Expert pool, interest registry, recusal records, case selection and panels.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PROFESSIONS = "'judge','prosecutor','police','lawyer','academic','other'"
RELATION_KINDS = "'near_relative','former_colleague','business_interest','counsel_for','other'"


def _stamp(name: str) -> sa.Column:
    return sa.Column(name, sa.String(40), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="regular"))
        batch.add_column(sa.Column("composition", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("max_load", sa.Integer()))
        batch.create_check_constraint("ck_campaigns_kind", "kind IN ('regular','recheck')")
    op.create_table(
        "experts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("external_id", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("gender", sa.String(4)),
        sa.Column("profession", sa.String(16), nullable=False),
        sa.Column("unit_code", sa.String(64), sa.ForeignKey("units.code"), nullable=False),
        sa.Column("specialties", sa.String(200), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40)),
        sa.Column("tags", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("available", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("availability_note", sa.String(200), nullable=False, server_default=""),
        sa.Column("max_load", sa.Integer()),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id")),
        sa.Column("source", sa.String(200), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint(f"profession IN ({PROFESSIONS})", name="ck_experts_profession"),
    )
    op.create_index("ix_experts_id_number", "experts", ["id_number"])
    op.create_index("ix_experts_unit_code", "experts", ["unit_code"])
    op.create_table(
        "expert_former_units",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("until", sa.String(10)),
    )
    op.create_index("ix_expert_former_units_expert_id", "expert_former_units", ["expert_id"])
    op.create_table(
        "expert_relations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("unit_code", sa.String(64)),
        sa.Column("note", sa.String(500), nullable=False, server_default=""),
        sa.CheckConstraint(f"kind IN ({RELATION_KINDS})", name="ck_expert_relations_kind"),
    )
    op.create_index("ix_expert_relations_expert_id", "expert_relations", ["expert_id"])
    op.create_table(
        "registry_companies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("credit_code", sa.String(18)),
        sa.Column("source", sa.String(200), nullable=False),
        _stamp("imported_at"),
    )
    op.create_index("ix_registry_companies_name", "registry_companies", ["name"])
    op.create_table(
        "registry_holders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("registry_companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("share", sa.String(32)),
    )
    op.create_index("ix_registry_holders_company_id", "registry_holders", ["company_id"])
    op.create_index("ix_registry_holders_id_number", "registry_holders", ["id_number"])
    op.create_table(
        "recusal_declarations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE")),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("counterpart_name", sa.String(200)),
        sa.Column("counterpart_id_number", sa.String(18)),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        _stamp("recorded_at"),
        sa.CheckConstraint("kind IN ('conduct','self_declared','request_granted')", name="ck_recusal_declarations_kind"),
    )
    op.create_index("ix_recusal_declarations_expert_id", "recusal_declarations", ["expert_id"])
    op.create_table(
        "recusal_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rule_id", sa.String(32), nullable=False),
        sa.Column("evidence_key", sa.String(300), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        _stamp("decided_at"),
        sa.UniqueConstraint("case_id", "expert_id", "rule_id", "evidence_key", name="uq_recusal_decisions_finding"),
        sa.CheckConstraint("decision IN ('confirmed','cleared')", name="ck_recusal_decisions_decision"),
    )
    op.create_table(
        "selections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("seed", sa.String(128), nullable=False),
        sa.Column("pool_fingerprint", sa.String(64), nullable=False),
        sa.Column("pool_size", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
    )
    op.create_index("ix_selections_campaign_id", "selections", ["campaign_id"])
    op.create_table(
        "campaign_cases",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("how", sa.String(8), nullable=False),
        sa.Column("selection_id", sa.Integer(), sa.ForeignKey("selections.id")),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("added_by", sa.String(64), nullable=False),
        _stamp("added_at"),
        sa.CheckConstraint("how IN ('random','key')", name="ck_campaign_cases_how"),
    )
    op.create_table(
        "assignment_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        _stamp("created_at"),
    )
    op.create_table(
        "panel_members",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id"), primary_key=True),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("assignment_runs.id")),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        _stamp("assigned_at"),
        sa.CheckConstraint("role IN ('leader','member')", name="ck_panel_members_role"),
    )
    op.create_index("ix_panel_members_expert_id", "panel_members", ["expert_id"])
    op.create_table(
        "panel_backups",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("expert_id", sa.Integer(), sa.ForeignKey("experts.id"), primary_key=True),
        sa.Column("rank", sa.Integer(), nullable=False),
    )
    op.create_table(
        "panel_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("removed_expert_id", sa.Integer(), sa.ForeignKey("experts.id")),
        sa.Column("added_expert_id", sa.Integer(), sa.ForeignKey("experts.id")),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(64), nullable=False),
        _stamp("changed_at"),
    )


def downgrade() -> None:
    for name in (
        "panel_changes", "panel_backups", "panel_members", "assignment_runs", "campaign_cases", "selections",
        "recusal_decisions", "recusal_declarations", "registry_holders", "registry_companies",
        "expert_relations", "expert_former_units", "experts",
    ):
        op.drop_table(name)
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_constraint("ck_campaigns_kind", type_="check")
        batch.drop_column("max_load")
        batch.drop_column("composition")
        batch.drop_column("kind")
