"""The reading room: the OCR queue and recognised pages (text and line boxes), and experts' reading marks.
Documents already stored without a text layer (scanned PDFs, images) are queued for OCR.

Revision ID: 0011
Revises: 0010
"""

from datetime import datetime, UTC

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif")  # casefiles/text.py


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(40), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "ocr_jobs",
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("pages", sa.Integer()),
        sa.Column("pages_done", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.String(300), nullable=False, server_default=""),
        _stamp("queued_at"),
        _stamp("finished_at", nullable=True),
    )
    op.create_table(
        "ocr_pages",
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("page", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        _stamp("recognised_at"),
    )
    op.create_table(
        "reading_marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("passage", sa.Text(), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        _stamp("created_at"),
        _stamp("updated_at"),
    )
    types = ", ".join(f"'{t}'" for t in IMAGE_TYPES)
    op.execute(
        sa.text(
            "INSERT INTO ocr_jobs (document_id, case_id, state, pages_done, error, queued_at) "
            "SELECT id, case_id, 'queued', 0, '', :at FROM documents "
            f"WHERE text_status = 'scanned' OR media_type IN ({types})"
        ).bindparams(at=datetime.now(UTC).isoformat())
    )


def downgrade() -> None:
    op.drop_table("reading_marks")
    op.drop_table("ocr_pages")
    op.drop_table("ocr_jobs")
