"""A campaign's scoring deadline (评分截止日期): the date by which its panels' sheets are due, shown on the
experts' to-do lists. Optional; existing campaigns have none.

Revision ID: 0013
Revises: 0012
"""

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch copy: other tables refer to campaigns, and with foreign keys on, the copy's
# DROP TABLE would be refused (SQLite adds and drops a plain column in place).
def upgrade() -> None:
    op.add_column("campaigns", sa.Column("scoring_deadline", sa.String(10)))


def downgrade() -> None:
    op.drop_column("campaigns", "scoring_deadline")
