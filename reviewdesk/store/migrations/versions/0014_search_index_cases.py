"""Which case each search-index row belongs to, in an ordinary indexed table.

An expert's search is limited to the cases of their panels. The FTS5 table keeps case_id as an unindexed
column, so that limit was checked on every row the text matched: a common term over 20,000 documents took
150–400 ms for an expert with ten cases. With this table the search looks up only the rows of those cases
(casefiles/search.py keeps it in step with search_index; FTS5 tables take no triggers).

Revision ID: 0014
Revises: 0013
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE search_index_cases (row_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL)")
    op.execute("CREATE INDEX ix_search_index_cases_case_id ON search_index_cases (case_id)")
    op.execute("INSERT INTO search_index_cases (row_id, case_id) SELECT rowid, case_id FROM search_index")


def downgrade() -> None:
    op.execute("DROP TABLE search_index_cases")
