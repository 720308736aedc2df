"""Results packages received on the office machine: the packages, each case's result, the opinion files.

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "result_packages",
        sa.Column("package_id", sa.String(36), primary_key=True),
        sa.Column("campaign_id", sa.String(64), nullable=False),
        sa.Column("campaign_name", sa.String(256), nullable=False),
        sa.Column("issuer_name", sa.String(200), nullable=False),
        sa.Column("issuer_key_id", sa.String(16), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("unsigned_reason", sa.Text()),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),
        sa.Column("audit_log", sa.LargeBinary(), nullable=False),
        sa.Column("audit_checkpoint", sa.Text(), nullable=False),
        sa.Column("audit_entries", sa.Integer(), nullable=False),
        sa.Column("audit_head_hash", sa.String(64), nullable=False),
        sa.Column("audit_verified", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_result_packages_campaign_id", "result_packages", ["campaign_id"])
    op.create_index("ix_result_packages_issuer_key_id", "result_packages", ["issuer_key_id"])
    op.create_table(
        "received_results",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("package_id", sa.String(36), sa.ForeignKey("result_packages.package_id"), nullable=False),
        sa.Column("campaign_id", sa.String(64), nullable=False),
        sa.Column("case_external_id", sa.String(64), nullable=False),
        sa.Column("case_number", sa.String(200), nullable=False),
        sa.Column("source_key_id", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.UniqueConstraint("package_id", "case_external_id"),
    )
    op.create_index("ix_received_results_campaign_id", "received_results", ["campaign_id"])
    op.create_index("ix_received_results_digest", "received_results", ["digest"])
    op.create_table(
        "received_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("package_id", sa.String(36), sa.ForeignKey("result_packages.package_id"), nullable=False),
        sa.Column("case_external_id", sa.String(64), nullable=False),
        sa.Column("path", sa.String(240), nullable=False),
        sa.Column("media_type", sa.String(127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("package_id", "path"),
    )


def downgrade() -> None:
    op.drop_table("received_files")
    op.drop_table("received_results")
    op.drop_table("result_packages")
