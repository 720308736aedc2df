"""Units (with GB/T 2260 region codes) and review campaigns.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False),
        sa.CheckConstraint(
            "kind IN ('court','procuratorate','police','justice','other')", name="ck_units_kind"
        ),
    )
    op.create_index("ix_units_region_code", "units", ["region_code"])
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cross_region_level", sa.String(16), nullable=False, server_default="none"),
        sa.Column("panel_size", sa.Integer(), nullable=False, server_default="3"),
        sa.Column("organiser_unit", sa.String(64), sa.ForeignKey("units.code")),
        sa.Column("status", sa.String(16), nullable=False, server_default="planning"),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.CheckConstraint(
            "cross_region_level IN ('none','county','prefecture')", name="ck_campaigns_cross_region_level"
        ),
    )


def downgrade() -> None:
    op.drop_table("campaigns")
    op.drop_index("ix_units_region_code", "units")
    op.drop_table("units")
