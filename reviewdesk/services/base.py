"""The frame every service runs in: role check, one transaction, one or more audit entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from reviewdesk.audit import chain
from reviewdesk.errors import PermissionDenied
from reviewdesk.store.core_models import Role, User
from reviewdesk.workspace import OpenWorkspace

ANYONE = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})
AUDIT_READERS = frozenset({Role.ADMIN, Role.AUDITOR})


class Change:
    """Handed to a service body: the session, the acting user, and the audit entry to write."""

    def __init__(self, session: Session, ws: OpenWorkspace, action: str) -> None:
        self.session = session
        self.ws = ws
        self.action = action
        self.audited = False
        self._before_commit: list[Callable[[], None]] = []

    def audit(self, target: str, **details: Any) -> None:
        chain.append(self.session, self.ws.actor.username, self.action, target, details)
        self.audited = True

    def before_commit(self, step: Callable[[], None]) -> None:
        """Run `step` after the body, just before COMMIT; if it fails, the transaction rolls back."""
        self._before_commit.append(step)

    def finish(self) -> None:
        if not self.audited:
            raise AssertionError(f"service {self.action} changed state without an audit entry")
        for step in self._before_commit:
            step()


class Refusal(Exception):
    """Raised by a service body for an access rule that depends on the data (not on the role): "not on the
    panel of this case". `change` and `query` turn it into an audited PermissionDenied once their transaction
    has ended."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def refuse(ws: OpenWorkspace, action: str, reason: str) -> PermissionDenied:
    """Record the refusal in its own transaction, then hand back the error to raise. Call it with no read
    transaction open: with a rollback journal the write would wait for that reader forever (until the busy
    timeout)."""
    with ws.write_session() as session, session.begin():
        chain.append(
            session,
            ws.actor.username,
            "permission.denied",
            action,
            {"role": ws.actor.role.value, "reason": reason},
        )
    return PermissionDenied(action, ws.actor.role.value)


def _refusal(ws: OpenWorkspace, session: Session, roles: Iterable[Role]) -> str | None:
    """Why the stored account may not act (None: it may)."""
    user = session.get(User, ws.actor.user_id)
    if user is None or user.disabled:
        return "account disabled"
    if Role(user.role) not in roles:
        return "role"
    return None


def require(ws: OpenWorkspace, action: str, roles: Iterable[Role]) -> None:
    """The role check alone (audited refusal), for the top of a service that validates its input before its
    transaction starts: a wrong role is told "permission denied" (exit 5) before anything about its input."""
    with ws.read_session() as probe:
        reason = _refusal(ws, probe, frozenset(roles))
    if reason is not None:
        raise refuse(ws, action, reason)


@contextmanager
def change(ws: OpenWorkspace, action: str, roles: Iterable[Role]) -> Iterator[Change]:
    """One state change: role checked against the stored account, body and audit entry in one transaction."""
    require(ws, action, roles)
    try:
        # The workspace lock first (workspace_lock.py): another process that writes refuses us here.
        with ws.writing(), ws.write_session() as session, session.begin():
            ch = Change(session, ws, action)
            yield ch
            ch.finish()
    except Refusal as refusal:  # written after the change rolled back
        raise refuse(ws, action, refusal.reason) from None


@contextmanager
def query(ws: OpenWorkspace, action: str, roles: Iterable[Role]) -> Iterator[Session]:
    """A read: role checked, no audit entry (reads of case data get their own audit in later issues)."""
    roles = frozenset(roles)
    try:
        with ws.read_session() as session:
            reason = _refusal(ws, session, roles)
            if reason is None:
                yield session
                return
    except Refusal as refusal:  # written once the read has ended
        raise refuse(ws, action, refusal.reason) from None
    raise refuse(ws, action, reason)
