"""Trusted issuers, imported packages, cases with parties and handlers, documents in chunks, search index.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_issuers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False, unique=True),
        sa.Column("public_key", sa.String(128), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "packages",
        sa.Column("package_id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("issuer_name", sa.String(200), nullable=False),
        sa.Column("issuer_key_id", sa.String(16), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id")),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("file_count", sa.Integer(), nullable=False),
        sa.Column("total_size", sa.Integer(), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("issuer_key_id", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("campaign_id", sa.String(64), sa.ForeignKey("campaigns.id")),
        sa.Column("package_id", sa.String(36), sa.ForeignKey("packages.package_id")),
        sa.Column("case_number", sa.String(200), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("case_type", sa.String(20), nullable=False),
        sa.Column("cause", sa.String(200), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("unit_code", sa.String(64), sa.ForeignKey("units.code"), nullable=False),
        sa.Column("accepted_on", sa.String(10)),
        sa.Column("closed_on", sa.String(10)),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("petition_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("petition_first_on", sa.String(10)),
        sa.Column("petition_last_on", sa.String(10)),
        sa.Column("flag_unenforced", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("flag_unresolved", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("flag_repeated", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("issuer_key_id", "external_id", name="uq_cases_issuer_external"),
        sa.CheckConstraint(
            "case_type IN ('criminal','civil','administrative','enforcement','public_security','petition')",
            name="ck_cases_case_type",
        ),
    )
    for column in ("external_id", "campaign_id", "case_type", "unit_code"):
        op.create_index(f"ix_cases_{column}", "cases", [column])
    op.create_table(
        "case_handlers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("unit_code", sa.String(64)),
        sa.Column("role", sa.String(100), nullable=False),
    )
    op.create_index("ix_case_handlers_case_id", "case_handlers", ["case_id"])
    op.create_index("ix_case_handlers_id_number", "case_handlers", ["id_number"])
    op.create_table(
        "case_parties",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("id_number", sa.String(18)),
        sa.Column("role", sa.String(100), nullable=False),
    )
    op.create_index("ix_case_parties_case_id", "case_parties", ["case_id"])
    op.create_index("ix_case_parties_id_number", "case_parties", ["id_number"])
    op.create_table(
        "party_counsel",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("party_id", sa.Integer(), sa.ForeignKey("case_parties.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("firm", sa.String(200)),
    )
    op.create_index("ix_party_counsel_party_id", "party_counsel", ["party_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("package_id", sa.String(36), sa.ForeignKey("packages.package_id")),
        sa.Column("path", sa.String(240), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("media_type", sa.String(127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text_status", sa.String(16), nullable=False),
        sa.Column("page_count", sa.Integer()),
    )
    op.create_index("ix_documents_case_id", "documents", ["case_id"])
    op.create_table(
        "document_chunks",
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    # One index over case fields and document text. Trigram tokens make any Chinese substring of three or
    # more characters match; shorter queries fall back to LIKE over the same table.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, ref_id UNINDEXED, case_id UNINDEXED, title, body, tokenize = 'trigram')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    for name in ("document_chunks", "documents", "party_counsel", "case_parties", "case_handlers", "cases", "packages", "trusted_issuers"):
        op.drop_table(name)
