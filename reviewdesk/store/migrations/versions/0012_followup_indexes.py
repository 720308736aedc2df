"""Indexes for the follow-up registers at office scale (100,000 items): the due list reads a campaign's items
still owed by deadline and its sent referrals by feedback deadline; a register filtered by unit reads one
campaign's items of one unit in problem-number order. Each had to scan a campaign's whole register before.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_rectification_campaign_due", "rectification_items", ["campaign_id", "status", "deadline"]),
    ("ix_rectification_campaign_unit", "rectification_items", ["campaign_id", "unit_code", "seq"]),
    ("ix_referral_campaign_due", "referrals", ["campaign_id", "status", "feedback_deadline"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table)
