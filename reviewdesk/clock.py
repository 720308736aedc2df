"""Time in one place: RFC 3339 with the machine's offset, as the package format and the audit log want."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC).astimezone()


def rfc3339(moment: datetime | None = None) -> str:
    return (moment or now()).isoformat(timespec="milliseconds")
