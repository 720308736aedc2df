"""Log-in and lock events. Failed log-ins cannot be written (the store is closed); they go to the throttle."""

from __future__ import annotations

from reviewdesk.store import login_sql
from reviewdesk.workspace import OpenWorkspace


def record_login(ws: OpenWorkspace) -> None:
    """In plain SQL: every CLI call logs in, and most need no SQLAlchemy before it (store/login_sql.py)."""
    with ws.raw_connection() as conn:
        login_sql.append_audit(
            conn,
            ws.actor.username,
            "session.login",
            f"user:{ws.actor.username}",
            {"role": ws.actor.role.value},
        )


def record_lock(ws: OpenWorkspace, reason: str) -> None:
    """Called just before the engine is disposed (reason: 'manual', 'idle', 'session', 'quit')."""
    from reviewdesk.audit import chain

    with ws.write_session() as session, session.begin():
        chain.append(
            session, ws.actor.username, "session.lock", f"user:{ws.actor.username}", {"reason": reason}
        )
