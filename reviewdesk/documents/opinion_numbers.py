"""The sequence of opinion numbers (×政法评〔年〕N号): first issues and the opinions re-issued after a 复核 share it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk.store.models import OpinionNumber, OpinionReissue


def next_seq(s: Session, prefix: str, year: int) -> int:
    """The next number of `prefix` in `year`, after every first issue and every re-issue (inside the caller's
    write transaction, so no two papers take the same one)."""
    first = s.execute(select(func.max(OpinionNumber.seq)).where(
        OpinionNumber.prefix == prefix, OpinionNumber.year == year)).scalar() or 0
    again = s.execute(select(func.max(OpinionReissue.seq)).where(
        OpinionReissue.prefix == prefix, OpinionReissue.year == year)).scalar() or 0
    return max(first, again) + 1
