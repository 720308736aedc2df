"""The workspace folder: the SQLCipher database and its key slots, and opening it as a user.

Files in the folder:
  reviewdesk.db (+ -journal)     the encrypted store (SQLCipher 4, rollback journal; see store/engine.py)
  keyslots.json                  key slots (see security/keyslots.py)
  login-throttle.json            failed-login counter (no secrets)
  login-throttle.json.lock       empty; locked while a log-in is checked (one at a time)
  reviewdesk.lock                empty; the OS lock on it says which process writes (see workspace_lock.py)
  backups/                       encrypted backups taken before each migration
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reviewdesk import workspace_lock
from reviewdesk.errors import AuthError, ReviewDeskError, ValidationError, WorkspaceBusy, WorkspaceError
from reviewdesk.locate import DB_NAME, DB_SUFFIXES, SLOTS_NAME, resolve_folder
from reviewdesk.roles import Role
from reviewdesk.security import recovery_code
from reviewdesk.security.keyslots import DEFAULT_KDF, KdfParams, KeySlotFile, Unlocked, new_data_key
from reviewdesk.security.throttle import LoginThrottle
from reviewdesk.store import backup, login_sql
from reviewdesk.store.engine import WRITE_OPTION, check_key, make_engine

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

# SQLAlchemy and the core models (_STORE_MODULES) are imported while the key is derived
# (_unlock_while_importing), not with this module: one after the other they took a CLI call about equally
# long. The open itself needs neither (store/login_sql.py), so a caller that will only read the account
# skips them. The functions below that use them import them where they use them.
_STORE_MODULES = ("sqlalchemy.orm", "reviewdesk.store.core_models", "reviewdesk.store.migrate")
T = TypeVar("T")

events = logging.getLogger("reviewdesk.events")  # event names, codes and numeric ids only (logs.py)

THROTTLE_NAME = "login-throttle.json"
BACKUPS_DIR = "backups"

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")
MIN_PASSWORD = 8


def validate_username(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "username",
            "use 2–32 letters, digits, '.', '_' or '-', starting with a letter or digit",
            message_zh="用户名须为 2–32 位字母、数字或“. _ -”，并以字母或数字开头",
        )
    return name


def validate_password(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            f"must be at least {MIN_PASSWORD} characters",
            message_zh=f"密码至少需要 {MIN_PASSWORD} 位",
        )
    if password.strip().casefold() == username.strip().casefold():
        raise ValidationError("password", "must not be the user name", message_zh="密码不能与用户名相同")


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    role: Role


class OpenWorkspace:
    """A workspace unlocked by one user. Services take this; `close()` disposes the engine and drops the key.
    The engine is made on first use (with SQLAlchemy's import) unless one is given."""

    def __init__(
        self, workspace: Workspace, engine: Engine | None, data_key: bytes, slots: KeySlotFile, actor: Actor
    ) -> None:
        self.workspace = workspace
        self.slots = slots
        self.actor = actor
        self._engine: Engine | None = engine
        self._engine_made = threading.Lock()
        self._closed = False
        self._data_key = bytearray(data_key)
        self._lock: workspace_lock.WorkspaceLock | None = None
        # The CLI sets this: once a command has changed something it stays the writer until it ends.
        # Library callers (tests, the demo builder) hold the lock only for each change.
        self.keep_lock = False

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Be this workspace's writer (workspace_lock.py) for the block; WorkspaceBusy if another process
        is. Every change runs in one (services.base.change), so a command that only reads runs beside an
        open desktop app, and one that writes is refused before it changes anything."""
        if self._lock is not None:  # an outer block, or keep_lock, holds it
            yield
            return
        self._lock = workspace_lock.acquire(self.workspace.folder)
        try:
            yield
        finally:
            if not self.keep_lock and self._lock is not None:
                self._lock.release()
                self._lock = None

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._engine_made:  # the desktop's first pages load on worker threads at once
                if self._engine is None:
                    self._engine = make_engine(self.workspace.db_path, self.data_key)
        return self._engine

    @property
    def data_key(self) -> bytes:
        if self._closed:
            raise WorkspaceError("the workspace is locked", message_zh="工作区已锁定，请重新登录")
        return bytes(self._data_key)

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def raw_connection(self) -> Iterator[Any]:
        """A plain sqlcipher3 connection, for the few reads and writes that must not wait for SQLAlchemy."""
        with login_sql.connection(self.workspace.db_path, self.data_key) as conn:
            yield conn

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session whose transaction starts with BEGIN IMMEDIATE (holds the write lock from the start)."""
        from sqlalchemy.orm import Session

        with Session(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        ) as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def update_slots(self, edit: Callable[[KeySlotFile], object]) -> None:
        """Re-read the slot file, apply `edit`, write it back. Services call this inside their write
        transaction, whose lock (BEGIN IMMEDIATE) also keeps other processes from editing it at once."""
        with self.writing():
            fresh = KeySlotFile.load(self.workspace.slots_path)
            edit(fresh)
            fresh.save()
            self.slots = fresh

    def replace_engine(self, engine: Engine, data_key: bytes) -> None:
        """After a data-key rotation."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine = engine
        self._wipe_key()
        self._data_key = bytearray(data_key)

    def _wipe_key(self) -> None:
        for i in range(len(self._data_key)):
            self._data_key[i] = 0

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._closed = True
        self._wipe_key()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> OpenWorkspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Workspace:
    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = resolve_folder(folder)

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def slots_path(self) -> Path:
        return self.folder / SLOTS_NAME

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS_DIR

    @property
    def throttle(self) -> LoginThrottle:
        return LoginThrottle(self.folder / THROTTLE_NAME)

    def exists(self) -> bool:
        return self.db_path.exists() and self.slots_path.exists()

    def require_exists(self) -> None:
        backup.settle_restores(self.folder)  # a restore killed during its swap is finished first
        if self.exists():
            return
        if self.db_path.exists() or self.slots_path.exists():
            raise WorkspaceError(
                f"workspace at {self.folder} is incomplete (setup was interrupted or a file was removed)",
                message_zh=f"工作区 {self.folder} 不完整（初始化中断或文件被删除），请从备份恢复或重新初始化",
            )
        raise WorkspaceError(
            f"no workspace at {self.folder}; run 'reviewdesk init' first",
            message_zh=f"{self.folder} 处没有工作区，请先运行初始化（reviewdesk init）",
        )

    # -- creation ---------------------------------------------------------------------------------------
    def create(
        self, admin_username: str, admin_display_name: str, password: str, *, kdf: KdfParams = DEFAULT_KDF
    ) -> tuple[OpenWorkspace, str]:
        """Create the workspace and its first admin. Returns the open workspace and the recovery code,
        which is shown once and never stored in the clear."""
        username = validate_username(admin_username)
        validate_password(password, username)
        display = admin_display_name.strip() or username
        if self.db_path.exists() or self.slots_path.exists():
            raise WorkspaceError(
                f"a workspace already exists at {self.folder}", message_zh=f"{self.folder} 处已有工作区"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        with workspace_lock.acquire(self.folder):
            return self._create(username, display, password, kdf)

    def _create(self, username: str, display: str, password: str, kdf: KdfParams) -> tuple[OpenWorkspace, str]:
        from sqlalchemy.orm import Session

        from reviewdesk.services import bootstrap
        from reviewdesk.store import migrate
        from reviewdesk.store.core_models import Role

        data_key = new_data_key()
        slots = KeySlotFile.create(self.slots_path, str(uuid.uuid4()))
        code = recovery_code.new_code()
        slots.set_recovery(recovery_code.normalize(code) or "", data_key, kdf)
        slots.set_user(username, password, data_key, kdf)
        engine = make_engine(self.db_path, data_key)
        try:
            migrate.upgrade(engine)
            with Session(engine.execution_options(**{WRITE_OPTION: True})) as session, session.begin():
                admin = bootstrap.initialise(session, username, display, slots.workspace_id)
                actor = Actor(admin.id, admin.username, admin.display_name, Role.ADMIN)
            slots.save()
        except BaseException:
            engine.dispose()
            for suffix in DB_SUFFIXES:
                Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
            raise
        return OpenWorkspace(self, engine, data_key, slots, actor), code

    # -- opening ----------------------------------------------------------------------------------------
    def open(self, username: str, password: str, *, import_store: bool = True) -> OpenWorkspace:
        """`import_store=False` for a caller that will only read the account (`whoami`): SQLAlchemy is then
        not imported while the key is derived, nor after."""
        try:
            opened = self._open(username, password, import_store)
        except ReviewDeskError as err:
            events.info("open refused: %s", err.code)
            raise
        events.info("opened: user id %d, role %s", opened.actor.user_id, opened.actor.role.value)
        return opened

    def _open(self, username: str, password: str, import_store: bool) -> OpenWorkspace:
        self.require_exists()
        with self.throttle.attempt() as attempt:
            slots = KeySlotFile.load(self.slots_path)

            def unlock() -> Unlocked | None:
                return slots.unlock_user(username, password)

            unlocked = _unlock_while_importing(unlock) if import_store else unlock()
            if unlocked is None:
                raise AuthError()
            data_key = self._open_store(slots, unlocked)
            actor = self.actor_of(data_key, username)
            if actor is None:
                raise AuthError()
            attempt.passed()
        opened = OpenWorkspace(self, None, data_key, slots, actor)
        try:
            self._drop_stale_slots(opened)
            from reviewdesk.services import sessions

            sessions.record_login(opened)
            return opened
        except BaseException:
            opened.close()
            raise

    def recover(self, code: str, username: str, new_password: str) -> OpenWorkspace:
        """Open with the recovery code and set a new password for `username` (an active account)."""
        self.require_exists()
        normalized = recovery_code.normalize(code)
        with self.throttle.attempt() as attempt:
            slots = KeySlotFile.load(self.slots_path)
            unlocked = _unlock_while_importing(lambda: slots.unlock_recovery(normalized)) if normalized else None
            if unlocked is None:
                raise WorkspaceError("wrong recovery code", message_zh="恢复码不正确")
            attempt.passed()
        data_key = self._open_store(slots, unlocked)
        actor = self.actor_of(data_key, username)
        if actor is None:
            raise WorkspaceError(
                f"no active account named '{username}'", message_zh=f"没有名为“{username}”的有效账户"
            )
        validate_password(new_password, actor.username)
        opened = OpenWorkspace(self, None, data_key, slots, actor)
        try:
            from reviewdesk.services import users

            users.reset_password_with_recovery(opened, new_password)
            return opened
        except BaseException:
            opened.close()
            raise

    def _open_store(self, slots: KeySlotFile, unlocked: Unlocked) -> bytes:
        """The data key, once the store opens with it and is at the newest schema (migrated first if behind).
        At the newest schema, the common case, this needs no SQLAlchemy."""
        from reviewdesk.store import migrate

        data_key = self._settle_rotation(slots, unlocked)
        with login_sql.connection(self.db_path, data_key) as conn:
            at_head = login_sql.schema_revisions(conn) == [migrate.head_revision()]
        if not at_head:
            engine = make_engine(self.db_path, data_key)
            try:
                self._migrate(engine, data_key)
            finally:
                engine.dispose()
        return data_key

    def _settle_rotation(self, slots: KeySlotFile, unlocked: Unlocked) -> bytes:
        """Finish or undo a data-key rotation that a crash interrupted (only as the writer: while another
        process holds the workspace, the rotation may be its own, still running)."""
        if check_key(self.db_path, unlocked.data_key):
            if unlocked.next_data_key is not None:
                with workspace_lock.acquire(self.folder):
                    slots.drop_next_key()
                    slots.save()
            return unlocked.data_key
        if unlocked.next_data_key is not None and check_key(self.db_path, unlocked.next_data_key):
            with workspace_lock.acquire(self.folder):
                slots.promote_next_key()
                slots.save()
            return unlocked.next_data_key
        raise WorkspaceError(
            "the database does not open with its key: it is damaged or belongs to other key slots",
            message_zh="数据库无法用其密钥打开：文件已损坏或与密钥文件不匹配，请从备份恢复",
        )

    def _migrate(self, engine: Engine, data_key: bytes) -> None:
        from reviewdesk.store import migrate

        current = migrate.current_revision(engine)
        head = migrate.head_revision()
        if current == head:  # Alembic reads several version rows as the head after all
            return
        known = migrate.known_revisions()
        if current is not None and current not in known:
            raise WorkspaceError(
                f"the workspace was written by a newer version of ReviewDesk (schema {current})",
                message_zh=f"此工作区由更新版本的评查工作台创建（数据结构 {current}），请升级软件",
            )
        with workspace_lock.acquire(self.folder):  # never migrate under another process's feet
            if current is not None:
                slots_bytes = self.slots_path.read_bytes()
                target = self.backups_dir / f"pre-migrate-{current}-to-{head}-{backup.stamp()}.rdbak"
                backup.write_backup(self.db_path, data_key, slots_bytes, target, {"reason": "pre-migration", "schema": current})
            migrate.upgrade(engine)

    def actor_of(self, data_key: bytes, username: str) -> Actor | None:
        """The active account named `username` (None if there is none or it is disabled)."""
        with login_sql.connection(self.db_path, data_key) as conn:
            account = login_sql.account(conn, username)
        if account is None or account.disabled:
            return None
        return Actor(account.id, account.username, account.display_name, Role(account.role))

    @staticmethod
    def _drop_stale_slots(opened: OpenWorkspace) -> None:
        """Only as the writer: another process may be between writing a new account's slot and committing
        the account. If one holds the workspace, the slots are dropped at a later log-in."""
        if not Workspace._stale_slots(opened):
            return
        try:
            hold = workspace_lock.acquire(opened.workspace.folder)
        except WorkspaceBusy:
            return
        with hold:
            active = Workspace._active_users(opened)
            fresh = KeySlotFile.load(opened.workspace.slots_path)
            if fresh.keep_only_users(active):
                fresh.save()
            opened.slots = fresh

    @staticmethod
    def _active_users(opened: OpenWorkspace) -> set[str]:
        with opened.raw_connection() as conn:
            return login_sql.active_usernames(conn)

    @staticmethod
    def _stale_slots(opened: OpenWorkspace) -> bool:
        probe = KeySlotFile.load(opened.workspace.slots_path)
        return probe.keep_only_users(Workspace._active_users(opened)) > 0

    # -- restore ----------------------------------------------------------------------------------------
    def restore(self, source: Path, username: str, password: str) -> OpenWorkspace:
        """Replace this workspace by a backup, after checking that `username`/`password` (an admin of the
        backup) opens it. The replaced files are kept in a `replaced-<time>` folder, never deleted."""
        from reviewdesk.services import maintenance

        self.folder.mkdir(parents=True, exist_ok=True)
        with workspace_lock.acquire(self.folder):  # never swap files under another process's feet
            return maintenance.restore_workspace(self, source, username, password)


def ensure_role_value(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(
            "role",
            f"unknown role '{role}' (use one of: {', '.join(r.value for r in Role)})",
            message_zh=f"未知角色“{role}”（可选：{'、'.join(r.value for r in Role)}）",
        ) from None


def _unlock_while_importing(unlock: Callable[[], T]) -> T:
    """Run `unlock` (the slot's Argon2id derivation, which releases the GIL) on a thread while this thread
    imports the store's code, which the open needs next: the two waits overlap instead of adding up. The same
    derivation at the same cost, inside the same throttle attempt; only the waiting is shared."""
    if all(name in sys.modules for name in _STORE_MODULES):  # a later log-in in the same process
        return unlock()
    outcome: dict[str, Any] = {}

    def derive() -> None:
        try:
            outcome["value"] = unlock()
        except BaseException as err:  # handed to the caller below
            outcome["error"] = err

    thread = threading.Thread(target=derive, name="reviewdesk-unlock", daemon=True)
    thread.start()
    try:
        _import_store()
    finally:
        thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _import_store() -> None:
    import sqlalchemy.orm  # noqa: F401

    from reviewdesk.store import core_models, migrate  # noqa: F401
