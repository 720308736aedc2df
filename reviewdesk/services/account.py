"""The acting account as stored (`reviewdesk whoami`), read in plain SQL.

Scripts call `whoami` to check a log-in; it should cost little more than the key derivation, so neither it
nor the open before it imports SQLAlchemy (store/login_sql.py). users.py keeps the accounts' changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from reviewdesk.store import login_sql
from reviewdesk.workspace import OpenWorkspace


@dataclass(frozen=True)
class UserInfo(login_sql.Account):
    """An account as the services and `--json` give it (the stored row's fields)."""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "disabled": self.disabled,
            "created_at": self.created_at.isoformat(),
            "password_changed_at": self.password_changed_at.isoformat(),
        }


def whoami(ws: OpenWorkspace) -> UserInfo:
    """Anyone may ask; an account disabled since its log-in is refused (audited), as by every service."""
    with ws.raw_connection() as conn:
        account = login_sql.account(conn, ws.actor.username)
    if account is None or account.disabled:
        from reviewdesk.services.base import refuse

        raise refuse(ws, "user.whoami", "account disabled")
    return UserInfo(**asdict(account))
