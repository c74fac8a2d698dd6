"""The register's database: the one place that knows how to reach it.

Repositories speak plain, portable SQL (the same text on SQLite and PostgreSQL, `?` for parameters)
through the DB-API driver: `sqlite3` from the standard library, or `psycopg`. SQLAlchemy declares the
tables (storage/tables.py) for Alembic, which only `giscope init` runs (storage/migrate.py): importing
SQLAlchemy costs about 0.3 s, more than a whole `giscope show`, so no other command pays for it.

Services own their transactions: an entrypoint hands a service the `Database`, and the service reads
with `db.read()` or writes with `db.transaction(work)`, which commits `work` as a whole or not at all
and, while another writer holds the database, runs it again (for up to LOCK_WAIT_S).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from errors import StorageError

T = TypeVar("T")
SQLITE_BUSY_TIMEOUT_S = 5.0  # how long SQLite waits for another writer before saying "locked"
# how long a write keeps trying while another writer holds the lock: longer than a large import's write
# phase, so an edit made meanwhile waits for it instead of failing; then one clear message
LOCK_WAIT_S = 12 * SQLITE_BUSY_TIMEOUT_S
PG_LOCK_TIMEOUT = "5s"  # one wait for a named lock (db.transaction(lock=...)) before trying again
RETRY_PAUSE_S = 0.25
PG_CONNECT_TIMEOUT_S = 10
# PostgreSQL: serialization failure, deadlock, lock not available
_PG_BUSY_CODES = frozenset({"40001", "40P01", "55P03"})
_PLACEHOLDER = re.compile(r"\?")
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA cache_size=-65536",  # 64 MB: a large batch updates its indexes in memory, not page by page
)


def one_line(error: object) -> str:
    """A driver's message on one line (psycopg spreads its messages over several)."""
    return " ".join(str(error).split())


def masked(url: str) -> str:
    """The URL with its password hidden, for messages: the user part's and a libpq `password=` parameter's."""
    text = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", text)


def is_busy(error: BaseException) -> bool:
    """Another writer holds the database (SQLite "locked"/"busy", a PostgreSQL lock conflict)."""
    code = getattr(error, "sqlstate", None)
    if code in _PG_BUSY_CODES:
        return True
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text


class StaleVersion(Exception):
    """A conditional update (`... AND version = ?`) found the row changed since this transaction read it:
    db.transaction rolls back and runs the work again on fresh data (a service that was handed the version
    a person saw raises errors.StaleWriteError instead)."""


def lock_number(name: str) -> int:
    """A stable signed 64-bit number for a named lock (PostgreSQL advisory locks take a bigint)."""
    import hashlib

    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def driver_errors() -> tuple[type[BaseException], ...]:
    """The error classes of the drivers loaded so far (psycopg only if a PostgreSQL URL was used)."""
    import sys

    found: list[type[BaseException]] = [sqlite3.Error]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        found.append(psycopg.Error)
    return tuple(found)


@lru_cache(maxsize=256)
def _record_type(columns: tuple[str, ...]) -> Any:
    return namedtuple("Record", columns)  # type: ignore[misc]


class Connection:
    """One connection: rows as tuples, records with named fields, and small helpers for writes."""

    def __init__(self, raw: Any, backend: str) -> None:
        self.raw = raw
        self.backend = backend

    def _sql(self, sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql) if self.backend == "postgresql" else sql

    def _run(self, sql: str, params: Sequence[Any]) -> Any:
        cur = self.raw.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._run(sql, params).fetchall()]

    def records(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows whose fields are named after the columns (row.id, row.gi_id ...)."""
        cur = self._run(sql, params)
        make = _record_type(tuple(d[0] for d in cur.description))
        return [make(*r) for r in cur.fetchall()]

    def first(self, sql: str, params: Sequence[Any] = ()) -> Any | None:
        found = self.records(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._run(sql, params).fetchone()
        return row[0] if row else None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a write; the number of rows it touched."""
        return int(self._run(sql, params).rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.raw.cursor().executemany(self._sql(sql), [tuple(r) for r in rows])

    def insert(self, table: str, values: Mapping[str, Any], *, returning: str | None = None) -> Any:
        """INSERT one row; with `returning`, the value of that column (e.g. the new id)."""
        columns = ", ".join(quote(c) for c in values)
        marks = ", ".join("?" for _ in values)
        sql = f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})"
        if returning:
            return self.scalar(f"{sql} RETURNING {quote(returning)}", list(values.values()))
        return self.execute(sql, list(values.values()))

    def insert_many(
        self, table: str, rows: Sequence[Mapping[str, Any]], *, upsert_on: Sequence[str] = ()
    ) -> None:
        """Bulk INSERT through the driver's executemany (imports write ~10 rows per list entry). With
        `upsert_on` (the unique columns), a row already there is updated instead (SQLite and
        PostgreSQL share the ON CONFLICT syntax)."""
        if not rows:
            return
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        if upsert_on:
            updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns if c not in upsert_on)
            sql += f" ON CONFLICT ({', '.join(quote(c) for c in upsert_on)}) DO UPDATE SET {updates}"
        from operator import itemgetter

        values = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
        for start in range(0, len(rows), 20000):
            self.executemany(sql, [values(row) for row in rows[start : start + 20000]])

    def update(self, table: str, values: Mapping[str, Any], where: str, params: Sequence[Any]) -> int:
        """UPDATE table SET values WHERE `where` (with `?` parameters)."""
        sets = ", ".join(f"{quote(c)} = ?" for c in values)
        return self.execute(f"UPDATE {quote(table)} SET {sets} WHERE {where}", [*values.values(), *params])


def quote(identifier: str) -> str:
    """A table or column name, quoted: some of ours are keywords (key, position, before, after ...)."""
    return '"' + identifier.replace('"', '""') + '"'


def in_list(values: Sequence[Any]) -> str:
    """'(?, ?, ?)' for an IN clause of len(values) parameters."""
    return "(" + ", ".join("?" for _ in values) + ")"


class Database:
    """The register's database, from GISCOPE_DATABASE_URL: `sqlite:///FILE` or
    `postgresql+psycopg://USER@HOST:PORT/DB`. Nothing connects until a service reads or writes."""

    def __init__(self, url: str, *, cache_dir: str | None = None, lock_wait_s: float = LOCK_WAIT_S) -> None:
        self.url = url
        self.cache_dir = cache_dir  # GISCOPE_CACHE_DIR: see cache_path
        self.lock_wait_s = lock_wait_s  # GISCOPE_LOCK_WAIT: how long a write waits for another writer
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise StorageError(f"GISCOPE_DATABASE_URL is not a database URL: {masked(url)!r}") from exc
        scheme = parts.scheme.lower()
        if not scheme or "://" not in url:
            raise StorageError(f"GISCOPE_DATABASE_URL is not a database URL: {masked(url)!r}")
        self.path: Path | None = None
        self.conninfo = ""
        if scheme == "sqlite":
            self.backend = "sqlite"
            target = url[len("sqlite://") :]
            target = target[1:] if target.startswith("/") else target
            target = unquote(target.split("?", 1)[0])
            self.path = None if target in ("", ":memory:") else Path(target)
            if self.path is None:
                raise StorageError("GISCOPE_DATABASE_URL must name an SQLite file (sqlite:///FILE)")
        elif scheme in ("postgresql", "postgresql+psycopg", "postgres"):
            self.backend = "postgresql"
            self.conninfo = "postgresql" + url[len(parts.scheme) :]
        else:
            raise StorageError(
                f"GISCOPE_DATABASE_URL names a database GIScope cannot use: {scheme!r} "
                "(use sqlite:///FILE or postgresql+psycopg://USER@HOST:PORT/DB)"
            )

    def __repr__(self) -> str:
        return f"Database({masked(self.url)!r})"

    def cache_path(self, name: str) -> Path | None:
        """Where a file made from this database (and rebuilt from it at will) is kept between processes:
        in cache_dir, named after the database, when one is set; else beside an SQLite file
        (register.sqlite3-NAME); None for a server database without a cache_dir."""
        if self.cache_dir:
            import hashlib

            return Path(self.cache_dir) / f"{name}-{hashlib.sha256(self.url.encode()).hexdigest()[:16]}"
        if self.path is not None:
            return self.path.with_name(f"{self.path.name}-{name}")
        return None

    def connect(self) -> Connection:
        if self.backend == "sqlite":
            assert self.path is not None
            try:
                raw = sqlite3.connect(
                    self.path, timeout=SQLITE_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
                )
                for pragma in SQLITE_PRAGMAS:
                    raw.execute(pragma)
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise
                raise StorageError(f"cannot open the database {self.path}: {one_line(exc)}") from exc
            return Connection(raw, "sqlite")
        import psycopg

        try:
            pg = psycopg.connect(self.conninfo, connect_timeout=PG_CONNECT_TIMEOUT_S)
        except psycopg.OperationalError as exc:
            raise StorageError(f"cannot reach the database {masked(self.url)!r}: {one_line(exc)}") from exc
        return Connection(pg, "postgresql")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; nothing done through it is committed."""
        conn = self.connect()
        try:
            yield conn
        finally:
            with contextlib.suppress(*driver_errors()):  # never hide the error that ended the read
                if self.backend == "postgresql":
                    conn.raw.rollback()
            conn.raw.close()

    def transaction(
        self,
        work: Callable[[Connection], T],
        *,
        wait_s: float | None = None,
        lock: str | None = None,
        busy_message: str | None = None,
    ) -> T:
        """Run `work` in one transaction: everything it writes commits together or not at all.

        Without `lock` the transaction reads first and takes the write lock at its first write. When
        another writer holds the database, `work` is rolled back and run again on fresh data (it must do
        nothing but database work) until `wait_s` (default: the database's lock_wait_s, GISCOPE_LOCK_WAIT)
        have passed since it first found the database held;
        then a StorageError (`busy_message`, if given) says so, and nothing was written. A row changed
        under a conditional update (StaleVersion) is retried the same way.

        With `lock` (a name, e.g. gi_lists.safety.IMPORT_LOCK), the transaction first takes that lock and
        holds it to its end, so two transactions with the same lock run one after the other, the second
        planning on the first one's result: PostgreSQL takes an advisory lock of that name (waiting
        PG_LOCK_TIMEOUT at a time), SQLite the write lock (BEGIN IMMEDIATE, which other writers wait for)."""
        deadline: float | None = None
        retried: tuple[type[BaseException], ...] = (*driver_errors(), StaleVersion)
        while True:
            try:
                return self._once(work, lock)
            except retried as exc:
                if not isinstance(exc, StaleVersion) and not is_busy(exc):
                    raise
                deadline = deadline or time.monotonic() + (self.lock_wait_s if wait_s is None else wait_s)
                if time.monotonic() + RETRY_PAUSE_S > deadline:
                    raise StorageError(
                        busy_message
                        or "the database is locked by another writer (an import or an edit in progress); "
                        "nothing was written: try again when it has finished"
                    ) from exc
                time.sleep(RETRY_PAUSE_S)

    def _once(self, work: Callable[[Connection], T], lock: str | None = None) -> T:
        conn = self.connect()
        try:
            if self.backend == "sqlite":
                conn.raw.execute("BEGIN IMMEDIATE" if lock else "BEGIN")
            elif lock:
                conn.execute(f"SET LOCAL lock_timeout = '{PG_LOCK_TIMEOUT}'")
                conn.scalar("SELECT pg_advisory_xact_lock(?)", [lock_number(lock)])
            result = work(conn)
            conn.raw.commit() if self.backend == "postgresql" else conn.raw.execute("COMMIT")
            return result
        except BaseException:
            if self.backend == "postgresql":
                conn.raw.rollback()
            elif conn.raw.in_transaction:
                conn.raw.execute("ROLLBACK")
            raise
        finally:
            conn.raw.close()

    def dispose(self) -> None:
        """Nothing to release: connections are closed after every read and write."""


def open_database(url: str) -> Database:
    return Database(url)
