"""Backup, restore, data-key rotation and a new recovery code (admin only)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from reviewdesk.audit import chain
from reviewdesk.errors import PermissionDenied, WorkspaceError
from reviewdesk.security import recovery_code
from reviewdesk.security.keyslots import KeySlotFile, new_data_key
from reviewdesk.services.base import ADMIN, change, require
from reviewdesk.store import backup as backup_files
from reviewdesk.store import migrate
from reviewdesk.store.engine import key_literal, make_engine, raw_connect
from reviewdesk.store.models import Role
from reviewdesk.workspace import DB_NAME, SLOTS_NAME, OpenWorkspace, Workspace


def backup(ws: OpenWorkspace, dest: Path) -> Path:
    """Write an encrypted backup to `dest` (a `.rdbak` file). Anyone with an account in the workspace at
    this moment can open it with their password, or with the recovery code."""
    dest = Path(dest)
    if dest.exists() and dest.is_dir():
        dest = dest / f"reviewdesk-{backup_files.stamp()}.rdbak"
    with change(ws, "workspace.backup", ADMIN) as ch:
        # Committed before the copy is taken, so the backup itself records that it was made, and by whom.
        ch.audit(f"file:{dest.name}")
    return backup_files.write_backup(
        ws.workspace.db_path,
        ws.data_key,
        ws.workspace.slots_path.read_bytes(),
        dest,
        {
            "reason": "manual",
            "schema": migrate.current_revision(ws.engine),
            "workspace_id": ws.slots.workspace_id,
        },
    )


def rekey(ws: OpenWorkspace) -> None:
    """Rotate the data key: re-encrypt the database with a fresh key and re-seal it to every slot.

    The next key is staged in the slot file before the database is re-encrypted; opening settles a rotation
    that a crash interrupted, in either direction (see Workspace._settle_rotation)."""
    with ws.writing():  # the whole rotation, not only its audited start, as the workspace's one writer
        with change(ws, "workspace.rekey", ADMIN) as ch:
            ch.audit(f"workspace:{ws.slots.workspace_id}")
        next_key = new_data_key()
        ws.update_slots(lambda slots: slots.stage_next_key(next_key))
        ws.engine.dispose()  # no pooled connection may keep the old key
        conn = raw_connect(ws.workspace.db_path, ws.data_key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f'PRAGMA rekey = "{key_literal(next_key)}"')
        finally:
            conn.close()
        ws.update_slots(lambda slots: slots.promote_next_key())
        ws.replace_engine(make_engine(ws.workspace.db_path, next_key), next_key)


def new_recovery_code(ws: OpenWorkspace) -> str:
    """Replace the recovery slot (e.g. the printed code was lost or exposed). Returns the new code."""
    code = recovery_code.new_code()
    key = ws.data_key
    with change(ws, "workspace.recovery_code", ADMIN) as ch:
        ch.audit(f"workspace:{ws.slots.workspace_id}")
        ch.before_commit(
            lambda: ws.update_slots(lambda s: s.set_recovery(recovery_code.normalize(code) or "", key))
        )
    return code


@dataclass(frozen=True)
class BackupInfo:
    """What a restore from a backup would bring back, told before anyone confirms it."""

    created_at: str  # RFC 3339, as written into the backup
    app_version: str
    same_workspace: bool  # made from this workspace (not from another office's or a test one)


def describe_backup(ws: OpenWorkspace, source: Path) -> BackupInfo:
    """Read a backup's description without opening its database (admin only; a damaged file is refused)."""
    require(ws, "workspace.restore", ADMIN)
    meta = backup_files.read_backup(Path(source)).meta
    return BackupInfo(
        created_at=str(meta.get("created_at") or ""),
        app_version=str(meta.get("app_version") or ""),
        same_workspace=meta.get("workspace_id") == ws.slots.workspace_id,
    )


def restore_workspace(workspace: Workspace, source: Path, username: str, password: str) -> OpenWorkspace:
    source = Path(source)
    backup_files.remove_leftovers(source.resolve().parent)
    contents = backup_files.read_backup(source)
    workspace.folder.mkdir(parents=True, exist_ok=True)
    backup_files.settle_restores(workspace.folder)
    staging = backup_files.staging_folder(workspace.folder)
    staging.mkdir()
    try:
        backup_files.extract_database(source, staging / DB_NAME)
        (staging / SLOTS_NAME).write_bytes(contents.slots)
        candidate = Workspace(staging)
        opened = candidate.open(username, password)  # wrong password → AuthError, nothing replaced
        try:
            if opened.actor.role is not Role.ADMIN:
                raise PermissionDenied("workspace.restore", opened.actor.role.value)
            with opened.engine.connect() as conn:
                if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
                    raise WorkspaceError(
                        "the backup's database fails its integrity check",
                        message_zh="备份中的数据库未通过完整性检查",
                    )
        finally:
            opened.close()
        backup_files.swap_in(workspace.folder, staging, f"replaced-{backup_files.stamp()}")
        KeySlotFile.load(workspace.slots_path)  # sanity: the swapped-in slots parse
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    restored = workspace.open(username, password)
    with restored.write_session() as session, session.begin():
        _audit_restore(session, restored, source, contents.meta.get("created_at"))
    return restored


def _audit_restore(session: Session, ws: OpenWorkspace, source: Path, created_at: object) -> None:
    chain.append(
        session,
        ws.actor.username,
        "workspace.restore",
        f"file:{source.name}",
        {"backup_created_at": created_at},
    )
