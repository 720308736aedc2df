"""Data collision screening (数据碰撞排查): office rule sets, each campaign's officers roster and registry
extract, the matches of the last run, and the decisions on them (keyed on content, so they survive re-imports).

Revision ID: 0010
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _campaign() -> sa.Column:
    return sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "collision_rule_sets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "collision_state",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("rule_set", sa.String(64), nullable=False, server_default="default"),
        sa.Column("key_salt", sa.String(64), nullable=False),
        sa.Column("officers_import", sa.Text()),
        sa.Column("registry_import", sa.Text()),
        sa.Column("last_run", sa.Text()),
    )
    op.create_table(
        "collision_officers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign(),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("name_key", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("birth_date", sa.String(10)),
        sa.Column("unit_code", sa.String(64), sa.ForeignKey("units.code"), nullable=False),
        sa.Column("region4", sa.String(4), nullable=False),
        sa.Column("unit_region4", sa.String(4), nullable=False),
        sa.Column("post", sa.String(100)),
        sa.Column("service_from", sa.String(10)),
        sa.Column("service_until", sa.String(10)),
        sa.Column("party_member", sa.Boolean()),
        sa.Column("civil_servant", sa.Boolean()),
        sa.UniqueConstraint("campaign_id", "id_number", name="uq_collision_officer_id"),
    )
    op.create_index("ix_collision_officers_campaign_id", "collision_officers", ["campaign_id"])
    op.create_index("ix_collision_officers_name_key", "collision_officers", ["name_key"])
    op.create_index("ix_collision_officers_unit_code", "collision_officers", ["unit_code"])
    op.create_table(
        "collision_companies",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("credit_code", sa.String(18)),
        sa.Column("kind", sa.String(64)),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("established_on", sa.String(10)),
        sa.Column("status_on", sa.String(10)),
        sa.Column("listed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_collision_companies_campaign_id", "collision_companies", ["campaign_id"])
    op.create_table(
        "collision_persons",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign(),
        sa.Column("company_id", sa.Integer(), sa.ForeignKey("collision_companies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sheet", sa.String(32), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("name_key", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("region4", sa.String(4)),
        sa.Column("birth_date", sa.String(10)),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("stake", sa.Float()),
        sa.Column("subscribed", sa.String(64)),
        sa.Column("stake_on", sa.String(10)),
    )
    # The two ways a run finds a person: by identity number, by name key; the campaign first in both.
    op.create_index("ix_collision_persons_id", "collision_persons", ["campaign_id", "id_number"])
    op.create_index("ix_collision_persons_name", "collision_persons", ["campaign_id", "name_key"])
    op.create_index("ix_collision_persons_company", "collision_persons", ["company_id"])
    op.create_table(
        "collision_matches",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign(),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("collision_officers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("collision_persons.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("rule_id", sa.String(64), nullable=False),
        sa.Column("exemption", sa.String(64)),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("rule_basis", sa.Text(), nullable=False),
    )
    op.create_index("ix_collision_matches_campaign_id", "collision_matches", ["campaign_id"])
    op.create_index("ix_collision_matches_officer_id", "collision_matches", ["officer_id"])
    op.create_table(
        "collision_decisions",
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("decision", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in ("collision_decisions", "collision_matches", "collision_persons", "collision_companies",
                  "collision_officers", "collision_state", "collision_rule_sets"):
        op.drop_table(table)
