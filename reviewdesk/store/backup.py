"""Encrypted backups: one `.rdbak` file holding an encrypted copy of the database and the key slots.

`sqlcipher_export` into an attached database keyed and configured like the workspace writes an encrypted
copy, so no plaintext page ever touches the disk. (`VACUUM INTO` is not used: with this app's page-codec
settings it wrote an unreadable copy.) The copy and the slots go into an uncompressed ZIP (compression gains nothing on
ciphertext) with a small `backup.json` describing it; the file appears under its final name only when
complete.

While a backup is written, its pieces live beside the destination under temporary names
(`.NAME.<pid>-<random>.db-partial`, its SQLite `-journal`, `.NAME.<pid>-<random>.partial`); the finished ZIP is
fsynced and renamed to NAME, then the folder is fsynced. A backup killed half-way leaves only such names: the
next backup or restore in that folder removes those whose process is gone, and a restore refuses them by
name, so a leftover is never taken for a backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewdesk import __version__
from reviewdesk.clock import rfc3339
from reviewdesk.errors import WorkspaceError
from reviewdesk.locate import DB_NAME, DB_SUFFIXES, SLOTS_NAME
from reviewdesk.security.atomic import fsync_dir, process_alive, remove_quietly
from reviewdesk.store.engine import CIPHER_PRAGMAS, key_literal, raw_connect

FORMAT = "reviewdesk-backup"
DB_MEMBER = "reviewdesk.db"
SLOTS_MEMBER = "keyslots.json"
META_MEMBER = "backup.json"
_CHUNK = 1 << 20


# Temporary names: ours (with the writer's pid), and those of versions before it (`.NAME.db.partial`,
# `.NAME.partial`), each perhaps with a SQLite journal beside it.
TEMP_RE = re.compile(r"^\..+?(?:\.(?P<pid>\d+)-[0-9a-f]+)?\.(?:db[.-])?partial(?:-journal|-wal|-shm)?$")


def is_temporary(path: Path) -> bool:
    """A piece of a backup being written (or of one that was killed), never a backup itself."""
    return TEMP_RE.match(path.name) is not None


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the pieces of killed backups in `folder` (those of a backup still running are kept)."""
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = TEMP_RE.match(path.name)
            if match is None or not path.is_file():
                continue
            if match["pid"] is not None and process_alive(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


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
    remove_leftovers(dest.parent)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    copy = dest.with_name(f".{dest.name}.{token}.db-partial")
    partial = dest.with_name(f".{dest.name}.{token}.partial")
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
        for leftover in (copy, Path(f"{copy}-journal"), partial):
            remove_quietly(leftover)
    return dest


@dataclass(frozen=True)
class BackupContents:
    meta: dict[str, Any]
    slots: bytes


def read_backup(source: Path) -> BackupContents:
    if is_temporary(source):
        raise WorkspaceError(
            f"{source} is a temporary file of an unfinished backup, not a backup; choose a .rdbak file",
            message_zh=f"{source} 是未完成备份留下的临时文件，不是备份，请选择 .rdbak 备份文件",
        )
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


# -- restore: the swap of the database and its slots, finished after a crash ----------------------------------
STAGING_PREFIX = ".restore-"
SWAP_MARKER = "swap-to"  # in the staging folder: the checks passed; names the folder the old files go to
_STAGING_RE = re.compile(r"^\.restore-[0-9-]+?(?:-p(?P<pid>\d+))?$")


def staging_folder(workspace_folder: Path) -> Path:
    return workspace_folder / f"{STAGING_PREFIX}{stamp()}-p{os.getpid()}"


def swap_in(workspace_folder: Path, staging: Path, aside_name: str) -> None:
    """Move the current database, its journals and slots into `aside_name` (kept, never deleted), then the
    checked copy from `staging` in. The marker written first makes the swap finish on the next open if the
    process dies half-way (see `settle_restores`), so the workspace is always the old pair or the new one."""
    marker = staging / SWAP_MARKER
    marker.write_text(aside_name, encoding="utf-8")
    with open(marker, "rb") as fh:
        os.fsync(fh.fileno())
    fsync_dir(staging)
    _finish_swap(workspace_folder, staging)


def _finish_swap(workspace_folder: Path, staging: Path) -> None:
    aside = workspace_folder / (staging / SWAP_MARKER).read_text(encoding="utf-8").strip()
    db_names = [f"{DB_NAME}{suffix}" for suffix in DB_SUFFIXES]
    # A file still in staging has not moved in yet, so what stands under its name is old; journals never
    # come from staging (the checked copy was closed cleanly), so any journal present is the old one's.
    for name in (*db_names, SLOTS_NAME):
        current = workspace_folder / name
        new_pending = (staging / name).exists()
        if current.exists() and (new_pending or name not in (DB_NAME, SLOTS_NAME)):
            aside.mkdir(exist_ok=True)
            if not (aside / name).exists():
                os.replace(current, aside / name)
            else:
                current.unlink()
    for name in (DB_NAME, SLOTS_NAME):
        if (staging / name).exists():
            os.replace(staging / name, workspace_folder / name)
    fsync_dir(workspace_folder)
    shutil.rmtree(staging, ignore_errors=True)


def settle_restores(workspace_folder: Path) -> None:
    """Finish a restore that was killed during its swap; remove the staging folders of restores that were
    killed before it (their process is gone)."""
    with contextlib.suppress(OSError):
        for path in workspace_folder.iterdir():
            match = _STAGING_RE.match(path.name)
            if match is None or not path.is_dir():
                continue
            if (path / SWAP_MARKER).exists():
                _finish_swap(workspace_folder, path)
            elif match["pid"] is None or not process_alive(int(match["pid"])):
                shutil.rmtree(path, ignore_errors=True)
