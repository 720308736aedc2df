"""Encrypted backups: one `.rdbak` file holding an encrypted copy of the database and the key slots.

`sqlcipher_export` into an attached database keyed and configured like the workspace writes an encrypted
copy, so no plaintext page ever touches the disk. (`VACUUM INTO` is not used: with this app's page-codec
settings it wrote an unreadable copy.) The copy and the slots go into an uncompressed ZIP (compression gains nothing on
ciphertext) with a small `backup.json` describing it; the file appears under its final name only when
complete.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewdesk import __version__
from reviewdesk.clock import rfc3339
from reviewdesk.errors import WorkspaceError
from reviewdesk.security.atomic import fsync_dir, remove_quietly
from reviewdesk.store.engine import CIPHER_PRAGMAS, key_literal, raw_connect

FORMAT = "reviewdesk-backup"
DB_MEMBER = "reviewdesk.db"
SLOTS_MEMBER = "keyslots.json"
META_MEMBER = "backup.json"
_CHUNK = 1 << 20


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_copy(db_path: Path, data_key: bytes, copy: Path) -> None:
    """An encrypted, consistent copy of the database at `copy` (same key, same codec settings)."""
    conn = raw_connect(db_path, data_key)
    try:
        conn.execute(f'ATTACH DATABASE {_sql_string(copy)} AS backup KEY "{key_literal(data_key)}"')
        for pragma in CIPHER_PRAGMAS:
            conn.execute(pragma.replace("PRAGMA ", "PRAGMA backup."))
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute("DETACH DATABASE backup")
    finally:
        conn.close()


def write_backup(db_path: Path, data_key: bytes, slots_bytes: bytes, dest: Path, meta: dict[str, Any]) -> Path:
    dest = dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    copy = dest.with_name(f".{dest.name}.db.partial")
    partial = dest.with_name(f".{dest.name}.partial")
    remove_quietly(copy)
    try:
        export_copy(db_path, data_key, copy)
        doc = {"format": FORMAT, "version": 1, "created_at": rfc3339(), "app_version": __version__, **meta}
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            zf.writestr(META_MEMBER, json.dumps(doc, ensure_ascii=False, indent=1))
            zf.writestr(SLOTS_MEMBER, slots_bytes)
            with open(copy, "rb") as src, zf.open(DB_MEMBER, "w", force_zip64=True) as out:
                shutil.copyfileobj(src, out, _CHUNK)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        partial.replace(dest)
        fsync_dir(dest.parent)
    finally:
        remove_quietly(copy)
        remove_quietly(partial)
    return dest


@dataclass(frozen=True)
class BackupContents:
    meta: dict[str, Any]
    slots: bytes


def read_backup(source: Path) -> BackupContents:
    bad = WorkspaceError(
        f"not a ReviewDesk backup or damaged: {source}",
        message_zh=f"不是评查工作台备份文件，或文件已损坏：{source}",
    )
    try:
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
            if names != {META_MEMBER, SLOTS_MEMBER, DB_MEMBER}:
                raise bad
            meta = json.loads(zf.read(META_MEMBER))
            slots = zf.read(SLOTS_MEMBER)
            if zf.testzip() is not None:
                raise bad
    except FileNotFoundError:
        raise WorkspaceError(
            f"backup file not found: {source}", message_zh=f"找不到备份文件：{source}"
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise bad from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise bad
    return BackupContents(meta, slots)


def extract_database(source: Path, dest: Path) -> None:
    with zipfile.ZipFile(source) as zf, zf.open(DB_MEMBER) as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out, _CHUNK)
        out.flush()
        os.fsync(out.fileno())
