"""Engine and unit of work. The only place that knows how to reach the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError


class StorageError(Exception):
    """The database cannot be reached or used; the message says why, for a person."""


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
        engine = create_engine(url)
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


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Connection]:
    """One transaction: everything inside commits together or not at all."""
    with engine.begin() as conn:
        yield conn
