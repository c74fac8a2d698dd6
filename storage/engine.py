"""Engine and unit of work. The only place that knows how to reach the database.

Services own their transactions: an entrypoint hands a service the `Engine`, and the service reads
with `read(engine)` or writes with `transaction(engine, work)`, which commits `work` as a whole or not
at all and tries again once when another writer holds the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from errors import StorageError

T = TypeVar("T")
SQLITE_BUSY_TIMEOUT_S = 5.0  # how long SQLite waits for another writer before saying "locked"
WRITE_ATTEMPTS = 2  # a write that finds the database locked is tried once more
RETRY_PAUSE_S = 0.5
# PostgreSQL: serialization failure, deadlock, lock not available
_PG_BUSY_CODES = frozenset({"40001", "40P01", "55P03"})


def one_line(error: object) -> str:
    """A driver's message on one line (psycopg spreads its messages over several)."""
    return " ".join(str(error).split())


def sqlite_path(engine: Engine) -> Path | None:
    """The file of an SQLite database (None for other backends and in-memory databases)."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    return Path(database) if database and database != ":memory:" else None


def make_engine(url: str) -> Engine:
    """An engine for `url`; nothing is created or connected yet."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"GISCOPE_DATABASE_URL is not a database URL: {url!r}") from exc
    try:
        if parsed.get_backend_name() != "sqlite":
            return create_engine(url, pool_pre_ping=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    except (NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            f"GISCOPE_DATABASE_URL names a database GIScope cannot use: {parsed.drivername!r} "
            "(use sqlite:///FILE or postgresql+psycopg://USER@HOST:PORT/DB)"
        ) from exc

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def is_busy(error: OperationalError) -> bool:
    """Another writer holds the database (SQLite "locked"/"busy", a PostgreSQL lock conflict)."""
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    if code in _PG_BUSY_CODES:
        return True
    text = str(error.orig).lower()
    return "database is locked" in text or "database is busy" in text


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A connection for reading; nothing done through it is committed."""
    with engine.connect() as conn:
        yield conn


def transaction(engine: Engine, work: Callable[[Connection], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
    """Run `work` in one transaction: everything it writes commits together or not at all. When another
    writer holds the database, `work` is rolled back and run again (it must do nothing but database
    work); when it is still held, a StorageError says so and nothing was written."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            if attempt == attempts:
                raise StorageError(
                    "the database is locked by another writer (an import or an edit in progress); "
                    "nothing was written: try again when it has finished"
                ) from exc
            time.sleep(RETRY_PAUSE_S)
    raise AssertionError("unreachable")  # pragma: no cover
