"""Accounts: add, list, change or reset passwords, disable, enable."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewdesk.clock import now
from reviewdesk.errors import AuthError, Conflict, NotFound, ValidationError
from reviewdesk.services.account import UserInfo
from reviewdesk.services.base import ADMIN, ANYONE, change, query, require
from reviewdesk.store.core_models import Role, User
from reviewdesk.workspace import OpenWorkspace, ensure_role_value, validate_password, validate_username


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.disabled,
        user.created_at,
        user.password_changed_at,
    )


def _get(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username.strip())).scalar_one_or_none()
    if user is None:
        raise NotFound(f"no user named '{username}'", message_zh=f"没有名为“{username}”的用户")
    return user


def list_users(ws: OpenWorkspace, *, include_disabled: bool = True) -> list[UserInfo]:
    with query(ws, "user.list", ADMIN) as session:
        stmt = select(User).order_by(User.username)
        if not include_disabled:
            stmt = stmt.where(User.disabled.is_(False))
        return [_info(u) for u in session.execute(stmt).scalars()]


def add_user(ws: OpenWorkspace, username: str, display_name: str, role: str, password: str) -> UserInfo:
    require(ws, "user.add", ADMIN)
    name = validate_username(username)
    role_value = ensure_role_value(role)
    validate_password(password, name)
    display = display_name.strip() or name
    if len(display) > 128:
        raise ValidationError("display_name", "at most 128 characters", message_zh="姓名最多 128 个字符")
    with change(ws, "user.add", ADMIN) as ch:
        clash = ch.session.execute(
            select(User).where(func.lower(User.username) == name.lower())
        ).scalar_one_or_none()
        if clash is not None:
            raise Conflict(f"user '{name}' already exists", message_zh=f"用户“{name}”已存在")
        moment = now()
        user = User(
            username=name,
            display_name=display,
            role=role_value.value,
            disabled=False,
            created_at=moment,
            password_changed_at=moment,
        )
        ch.session.add(user)
        ch.session.flush()
        ch.audit(f"user:{name}", role=role_value.value)
        ch.before_commit(lambda: _write_slot(ws, name, password))
        return _info(user)


def _write_slot(ws: OpenWorkspace, username: str, password: str) -> None:
    key = ws.data_key
    ws.update_slots(lambda slots: slots.set_user(username, password, key))


def change_own_password(ws: OpenWorkspace, old_password: str, new_password: str) -> None:
    """Any user, for their own account; the old password must open their slot."""
    validate_password(new_password, ws.actor.username)
    if ws.slots.unlock_user(ws.actor.username, old_password) is None:
        raise AuthError()
    with change(ws, "user.passwd", ANYONE) as ch:
        user = _get(ch.session, ws.actor.username)
        user.password_changed_at = now()
        ch.audit(f"user:{user.username}", by="self")
        ch.before_commit(lambda: _write_slot(ws, user.username, new_password))


def reset_password(ws: OpenWorkspace, username: str, new_password: str) -> None:
    """Admin sets another user's password (forgotten password)."""
    with change(ws, "user.passwd", ADMIN) as ch:
        user = _get(ch.session, username)
        validate_password(new_password, user.username)
        if user.disabled:
            raise Conflict(f"user '{user.username}' is disabled", message_zh=f"用户“{user.username}”已停用")
        user.password_changed_at = now()
        ch.audit(f"user:{user.username}", by="admin")
        ch.before_commit(lambda: _write_slot(ws, user.username, new_password))


def reset_password_with_recovery(ws: OpenWorkspace, new_password: str) -> None:
    """After the workspace was opened with the recovery code: the actor gets a new password."""
    with change(ws, "user.passwd", ANYONE) as ch:
        user = _get(ch.session, ws.actor.username)
        user.password_changed_at = now()
        ch.audit(f"user:{user.username}", by="recovery_code")
        ch.before_commit(lambda: _write_slot(ws, user.username, new_password))


def disable_user(ws: OpenWorkspace, username: str) -> None:
    """Disable an account and delete its key slot. Run `rekey` afterwards if the person may have copied
    the key material while they had access."""
    with change(ws, "user.disable", ADMIN) as ch:
        user = _get(ch.session, username)
        if user.disabled:
            raise Conflict(
                f"user '{user.username}' is already disabled", message_zh=f"用户“{user.username}”已停用"
            )
        if user.id == ws.actor.user_id:
            raise Conflict("you cannot disable your own account", message_zh="不能停用自己的账户")
        if user.role == Role.ADMIN.value:
            admins = ch.session.execute(
                select(func.count())
                .select_from(User)
                .where(User.role == Role.ADMIN.value, User.disabled.is_(False))
            ).scalar_one()
            if admins <= 1:
                raise Conflict(
                    "the last active admin cannot be disabled", message_zh="不能停用最后一个管理员"
                )
        user.disabled = True
        ch.audit(f"user:{user.username}")

        ch.before_commit(lambda: ws.update_slots(lambda slots: slots.remove_user(user.username)))


def enable_user(ws: OpenWorkspace, username: str, new_password: str) -> None:
    """Re-enable a disabled account; its old slot is gone, so it needs a new password."""
    with change(ws, "user.enable", ADMIN) as ch:
        user = _get(ch.session, username)
        if not user.disabled:
            raise Conflict(
                f"user '{user.username}' is not disabled", message_zh=f"用户“{user.username}”未停用"
            )
        validate_password(new_password, user.username)
        user.disabled = False
        user.password_changed_at = now()
        ch.audit(f"user:{user.username}")
        ch.before_commit(lambda: _write_slot(ws, user.username, new_password))
