"""Findings tied to the deductions they rest on; the volume (卷) of each case-file document.

Existing findings are linked to the members' submitted deductions whose evidence reference (or item) matches;
a finding that matches none, and a "no problem" conclusion beside standing substantive (实体) deductions, are
marked for the leader to review (they are not changed otherwise).

Revision ID: 0008
Revises: 0007
"""

import json
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _norm(ref: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", ref or "").split())


def _tags(body: str) -> dict[str, str]:
    try:
        data = json.loads(body)
        return {i["code"]: i.get("tag", "") for p in data.get("parts", []) for i in p.get("items", [])}
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("volume", sa.Integer()))
    with op.batch_alter_table("conclusions") as batch:
        batch.add_column(sa.Column("outcome_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("conclusion_findings") as batch:
        batch.add_column(sa.Column("basis_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "finding_deductions",
        sa.Column("finding_id", sa.Integer(), sa.ForeignKey("conclusion_findings.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("sheet_id", sa.Integer(), sa.ForeignKey("score_sheets.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_code", sa.String(32), primary_key=True),
    )
    _infer_links(op.get_bind())


def _infer_links(conn: sa.Connection) -> None:
    tags = {rid: _tags(body) for rid, body in conn.execute(sa.text("SELECT id, body FROM rubrics"))}
    marks: dict[tuple[str, int], list[tuple[int, str, str, str]]] = {}  # (campaign, case) → sheet, item, ref, tag
    for campaign_id, case_id, sheet_id, rubric_id, code, ref in conn.execute(sa.text(
            "SELECT s.campaign_id, s.case_id, s.id, s.rubric_id, i.item_code, i.evidence_ref "
            "FROM score_sheets s JOIN score_items i ON i.sheet_id = s.id "
            "WHERE s.status = 'submitted' AND (i.points > 0 OR i.veto)")):
        marks.setdefault((campaign_id, case_id), []).append(
            (sheet_id, code, _norm(ref), tags.get(rubric_id, {}).get(code, "")))
    for fid, campaign_id, case_id, ref, item_code in conn.execute(sa.text(
            "SELECT id, campaign_id, case_id, evidence_ref, item_code FROM conclusion_findings")).all():
        wanted = _norm(ref)
        links = {(sheet_id, code) for sheet_id, code, mref, _tag in marks.get((campaign_id, case_id), [])
                 if (wanted and mref == wanted) or (item_code and code == item_code)}
        for sheet_id, code in sorted(links):
            conn.execute(sa.text("INSERT INTO finding_deductions (finding_id, sheet_id, item_code) "
                                 "VALUES (:f, :s, :c)"), {"f": fid, "s": sheet_id, "c": code})
        if not links:
            conn.execute(sa.text("UPDATE conclusion_findings SET needs_review = 1 WHERE id = :f"), {"f": fid})
    for campaign_id, case_id in conn.execute(sa.text(
            "SELECT campaign_id, case_id FROM conclusions WHERE outcome = 'none'")).all():
        if any(tag == "实体" for *_rest, tag in marks.get((campaign_id, case_id), [])):
            conn.execute(sa.text("UPDATE conclusions SET needs_review = 1 WHERE campaign_id = :c AND case_id = :k"),
                         {"c": campaign_id, "k": case_id})
    conn.execute(sa.text(
        "UPDATE conclusions SET needs_review = 1 WHERE EXISTS (SELECT 1 FROM conclusion_findings f "
        "WHERE f.campaign_id = conclusions.campaign_id AND f.case_id = conclusions.case_id AND f.needs_review)"))


def downgrade() -> None:
    op.drop_table("finding_deductions")
    with op.batch_alter_table("conclusion_findings") as batch:
        batch.drop_column("needs_review")
        batch.drop_column("basis_reason")
    with op.batch_alter_table("conclusions") as batch:
        batch.drop_column("needs_review")
        batch.drop_column("outcome_reason")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("volume")
