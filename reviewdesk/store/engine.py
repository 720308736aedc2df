"""SQLCipher engine with the settings this app depends on.

The data key goes to SQLCipher in raw form (x'…'), so SQLCipher skips its own passphrase derivation; the
Argon2id work happens once, in the key slot. QueuePool is mandatory: the dialect's default
SingletonThreadPool crashed the process once several threads shared the database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

# SQLAlchemy is imported by the functions that make engines, not with this module: opening a workspace reads
# its key slots and derives the key first, and imports SQLAlchemy meanwhile (workspace.py); backups and the
# key check need only sqlcipher3.

# Page cache per connection, in KiB (negative cache_size). SQLCipher decrypts each page as it enters the
# cache, so a cache that holds the working set avoids re-decrypting hot pages; bench/store.py measured it.
CACHE_KIB = 32768
# Page codec settings, fixed for every workspace (SQLCipher must be told them on every connection, after
# the key and before the first read). 16 KiB pages and HMAC-SHA256 (hardware-accelerated here, unlike
# SHA-512) roughly double bulk write speed for imports; bench/import.py and bench/store.py measure it.
CIPHER_PRAGMAS = ("PRAGMA cipher_page_size = 16384", "PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
BUSY_TIMEOUT_MS = 10000
# A rollback journal, not WAL: a package import writes gigabytes in one transaction, and WAL writes every page
# twice (into the WAL, then the checkpoint copies it), which made a 1 GiB import 2.8x the raw decrypt-and-hash
# time; new pages go straight into the database with a rollback journal (1.7x, bench/import.py). Writers take
# the lock up front (BEGIN IMMEDIATE) and reads are short, so the lost reader/writer overlap costs little.
# TRUNCATE rather than DELETE: no journal file created and removed per commit (slow on Windows).
JOURNAL_MODE = "TRUNCATE"
WRITE_OPTION = "reviewdesk_write"


def key_literal(data_key: bytes) -> str:
    return f"x'{data_key.hex()}'"


def sqlcipher_url(db_path: Path, data_key: bytes) -> URL:
    from sqlalchemy.engine import URL

    return URL.create("sqlite+pysqlcipher", password=key_literal(data_key), database=str(db_path))


def _connection_setup(cache_kib: int, cipher: bool) -> Callable[[Any, Any], None]:
    def configure(dbapi_conn: Any, _record: Any) -> None:
        # Autocommit at the driver level; the "begin" hook below issues BEGIN itself, so writers take the
        # write lock up front (BEGIN IMMEDIATE) and never deadlock upgrading a read lock.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA cipher_log_level = NONE")
            if cipher:
                for pragma in CIPHER_PRAGMAS:
                    cur.execute(pragma)
            else:
                cur.execute("PRAGMA page_size = 16384")  # the baseline gets the same page size as the store
            cur.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute(f"PRAGMA cache_size = -{cache_kib}")
        finally:
            cur.close()

    return configure


def _begin(conn: Any) -> None:
    mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN"
    conn.exec_driver_sql(mode)


def install_listeners(engine: Engine, cache_kib: int = CACHE_KIB, *, cipher: bool = True) -> None:
    from sqlalchemy import event

    from reviewdesk.store import text_guard  # noqa: F401  (registers the check on every session, once)

    event.listen(engine, "connect", _connection_setup(cache_kib, cipher))
    event.listen(engine, "begin", _begin)


def make_engine(db_path: Path, data_key: bytes, *, pool_size: int = 4, cache_kib: int = CACHE_KIB) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        sqlcipher_url(db_path, data_key),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=False,
    )
    install_listeners(engine, cache_kib)
    return engine


def make_plain_engine(db_path: Path, *, cache_kib: int = CACHE_KIB) -> Engine:
    """Plain SQLite with the same settings: the baseline of bench/store.py, never used for data."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import URL
    from sqlalchemy.pool import QueuePool

    engine = create_engine(URL.create("sqlite", database=str(db_path)), poolclass=QueuePool)
    install_listeners(engine, cache_kib, cipher=False)
    return engine


def raw_connect(db_path: Path, data_key: bytes) -> Any:
    """A plain sqlcipher3 connection (autocommit), keyed and configured like the engine's."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
    for pragma in CIPHER_PRAGMAS:
        conn.execute(pragma)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def configured_connect(db_path: Path, data_key: bytes, *, cache_kib: int = 2048) -> Any:
    """A sqlcipher3 connection set up exactly as the engine's (journal, synchronous, foreign keys…), for the
    log-in's few statements (login_sql.py); a small page cache, as they read a handful of pages."""
    conn = raw_connect(db_path, data_key)
    _connection_setup(cache_kib, cipher=True)(conn, None)
    return conn


def check_key(db_path: Path, data_key: bytes) -> bool:
    """True when the key opens the database (SQLCipher only notices a wrong key on first read)."""
    from sqlcipher3 import dbapi2

    conn = raw_connect(db_path, data_key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except dbapi2.DatabaseError:
        return False
    finally:
        conn.close()
