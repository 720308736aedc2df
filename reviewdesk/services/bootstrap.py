"""What a new workspace starts with: the first admin, the signing key, default settings, the first entry."""

from __future__ import annotations

from sqlalchemy.orm import Session

from reviewdesk import __version__
from reviewdesk.audit import chain
from reviewdesk.audit.checkpoint import create_signing_key
from reviewdesk.clock import now
from reviewdesk.store.models import Role, User


def initialise(session: Session, username: str, display_name: str, workspace_id: str) -> User:
    moment = now()
    admin = User(
        username=username,
        display_name=display_name,
        role=Role.ADMIN.value,
        disabled=False,
        created_at=moment,
        password_changed_at=moment,
    )
    session.add(admin)
    key = create_signing_key(session)
    from reviewdesk.services.keys import age_identity

    age_identity(session)  # the workstation's package identity exists from the first day
    chain.append(
        session,
        username,
        "workspace.init",
        f"workspace:{workspace_id}",
        {"app_version": __version__, "admin": username, "signing_key_id": key.key_id},
    )
    session.flush()
    return admin
