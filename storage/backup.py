"""Back up the whole register to one file and restore it (`giscope backup`, `giscope restore`).

Generic over the declared schema: every table of storage/tables.py and storage/work_tables.py (their
metadata's `sorted_tables`, parents before children), so a table added later is backed up without a
change here. `alembic_version` is not copied: the backup's header records the schema revision. A backup
restores into a database at that same revision; one made at an earlier revision restores into a new
database, created at that revision and migrated once the rows are in; one from a revision this GIScope
does not know is refused. Account secrets stay as the database holds them (hashes, never clear text).
The file format is in storage/backup_file.py.

Restore works on a database that holds no rows: a new one (restore creates the schema, as `giscope init`
would, but loads no bundled lists), or one whose tables are all empty. A database with rows is replaced
only with `force`; either way everything is written in one transaction, all or nothing, after the whole
file has been read and its checksum checked. On PostgreSQL the id sequences are then moved past the
restored ids, so later inserts do not collide.

Importing the table declarations costs about 0.2 s (SQLAlchemy): acceptable for these two commands.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from errors import StorageError
from storage.backup_file import Block, Header, Reader, Writer, open_for_writing, verify
from storage.clock import now_iso
from storage.db import Connection, Database, quote
from storage.migrate import current_revision, earlier_revisions, ensure_current, head_revision, upgrade

CHUNK = 5000  # rows read and written at a time


@dataclass(frozen=True)
class BackupResult:
    path: Path
    schema_revision: str
    tables: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    header: Header
    replaced_rows: int  # rows the database held before (only with force)
    created_schema: bool

    @property
    def rows(self) -> int:
        return self.header.total_rows


def declared_tables() -> list[Any]:
    """The register's tables (SQLAlchemy Table objects), parents before the tables that refer to them."""
    from storage import tables  # noqa: F401  (declares every table on the metadata)
    from storage.metadata import metadata

    return list(metadata.sorted_tables)


def _order_by(table: Any) -> str:
    keys = [c.name for c in table.primary_key.columns] or [c.name for c in table.columns]
    return ", ".join(quote(k) for k in keys)


def _snapshot(conn: Connection) -> None:
    """Make every read of this connection see the same moment (a backup of a database in use)."""
    if conn.backend == "sqlite":
        conn.raw.execute("BEGIN")
    else:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _rows_of(conn: Connection, table: Any, columns: list[str]) -> Iterator[tuple[Any, ...]]:
    sql = (
        f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table.name)} ORDER BY {_order_by(table)}"
    )
    cur = conn.raw.cursor(name=f"backup_{table.name}") if conn.backend == "postgresql" else conn.raw.cursor()
    try:
        cur.execute(sql)
        while batch := cur.fetchmany(CHUNK):
            yield from (tuple(r) for r in batch)
    finally:
        cur.close()


def backup(db: Database, path: Path, *, who: str) -> BackupResult:
    """Write every table of `db` to `path` (replaced only once the whole backup is written)."""
    ensure_current(db)
    tables = declared_tables()
    revision = head_revision()
    partial = path.with_name(f".{path.name}.partial")
    try:
        with db.read() as conn:
            _snapshot(conn)
            counts = {t.name: int(conn.scalar(f"SELECT count(*) FROM {quote(t.name)}")) for t in tables}
            header = Header(revision, now_iso(), who, db.backend, counts)
            with open_for_writing(partial) as fh:
                writer = Writer(fh)
                writer.header(header)
                for table in tables:
                    columns = [c.name for c in table.columns]
                    writer.block(Block(table.name, tuple(columns), counts[table.name]))
                    for row in _rows_of(conn, table, columns):
                        writer.row(row)
                writer.trailer()
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"cannot write the backup {path}: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(path, revision, counts)


# --- restore -----------------------------------------------------------------------------------------


def _refuse(path: Path, problem: str) -> StorageError:
    return StorageError(f"{path}: {problem}; nothing was restored")


def _check_tables(path: Path, blocks: list[Block], columns: dict[str, set[str]], revision: str) -> None:
    """The backup holds exactly the tables and columns of the schema at `revision` (`columns`)."""
    if sorted(b.table for b in blocks) != sorted(columns):
        raise _refuse(path, f"it does not hold the tables of schema revision {revision}")
    for block in blocks:
        if set(block.columns) != columns[block.table] or len(block.columns) != len(columns[block.table]):
            raise _refuse(
                path, f"the columns of table {block.table} differ from those of revision {revision}"
            )


def _check_order(path: Path, blocks: list[Block], tables: list[Any]) -> None:
    """Parents come before the tables that refer to them (the rows are inserted in the file's order)."""
    declared = {t.name: t for t in tables}
    seen: set[str] = set()
    for block in blocks:
        parents = {fk.column.table.name for fk in declared[block.table].foreign_keys} - {block.table}
        if not parents <= seen:
            raise _refuse(path, f"table {block.table} comes before a table it refers to")
        seen.add(block.table)


def _database_columns(db: Database) -> dict[str, set[str]]:
    """Each table of the database (alembic_version aside) -> its columns, as the database has them."""
    with db.read() as conn:
        if db.backend == "sqlite":
            names = [r[0] for r in conn.rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
            found = {n: {r[1] for r in conn.rows(f"PRAGMA table_info({quote(n)})")} for n in names}
        else:
            found = {}
            for table, column in conn.rows(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema()"
            ):
                found.setdefault(table, set()).add(column)
    return {n: c for n, c in found.items() if n not in ("alembic_version", "sqlite_sequence")}


def _columns_at(revision: str) -> dict[str, set[str]]:
    """The tables and columns of the schema at an earlier revision, from a scratch SQLite database
    migrated to it (names are the same on PostgreSQL), so a backup is checked before anything is made."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="giscope-restore-") as folder:
        scratch = Database(f"sqlite:///{Path(folder) / 'schema.sqlite3'}")
        upgrade(scratch, revision)
        return _database_columns(scratch)


def _no_schema(db: Database) -> bool:
    """Nothing there yet: no GIScope schema, and (PostgreSQL) no tables of anything else either."""
    if current_revision(db) is not None:
        return False
    if db.backend == "postgresql" and _database_columns(db):
        raise StorageError("the database holds tables but no GIScope schema; nothing was restored")
    return True


def _insert(conn: Connection, block: Block, rows: Iterator[list[Any]]) -> None:
    sql = (
        f"INSERT INTO {quote(block.table)} ({', '.join(quote(c) for c in block.columns)}) "
        f"VALUES ({', '.join('?' for _ in block.columns)})"
    )
    while chunk := list(islice(rows, CHUNK)):
        conn.executemany(sql, chunk)


def _reset_sequences(conn: Connection, tables: list[Any]) -> None:
    """PostgreSQL: each serial id's sequence continues after the largest id restored."""
    if conn.backend != "postgresql":
        return
    for table in tables:
        column = table.autoincrement_column
        if column is None:
            continue
        name, col = quote(table.name), quote(column.name)
        conn.scalar(
            f"SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX({col}), 0) + 1, false) FROM {name}",
            [name, column.name],
        )


def _load(db: Database, path: Path, digest: str, tables: list[Any], *, force: bool) -> int:
    """Replace every row of `tables` by the backup's in one transaction; the rows there were before."""

    def work(conn: Connection) -> int:
        held = {t.name: int(conn.scalar(f"SELECT count(*) FROM {quote(t.name)}")) for t in tables}
        total = sum(held.values())
        if total and not force:
            busy = sum(1 for n in held.values() if n)
            raise StorageError(
                f"the database is not empty ({total} rows in {busy} tables); "
                "restore replaces everything only with --force; nothing was restored"
            )
        for table in reversed(tables):
            if held[table.name]:
                conn.execute(f"DELETE FROM {quote(table.name)}")
        reader = Reader(path)
        for block, rows in reader.blocks():
            _insert(conn, block, rows)
        if reader.finish() != digest:
            raise reader.bad("it changed while it was being restored")
        _reset_sequences(conn, tables)
        return total

    return db.transaction(work)


def restore(db: Database, path: Path, *, force: bool = False) -> RestoreResult:
    """Load a backup into `db`: one holding no rows, or any one with `force` (its rows are replaced).
    All or nothing; the file is read whole and checked before the database is touched.

    A backup made at an earlier schema revision restores into a new database only: its schema is created
    at that revision, the rows go in, and the database is then migrated to this GIScope's revision."""
    header, blocks, digest = verify(path)
    tables = declared_tables()
    head = head_revision()
    made = header.schema_revision
    if made == head:
        _check_tables(path, blocks, {t.name: {c.name for c in t.columns} for t in tables}, head)
        _check_order(path, blocks, tables)
        created = _no_schema(db)
        if created:
            upgrade(db)
        else:
            ensure_current(db)
        replaced = _load(db, path, digest, tables, force=force)
        return RestoreResult(path, header, replaced, created)
    if made not in earlier_revisions():
        raise _refuse(
            path, f"it was made at schema revision {made}, which this GIScope (revision {head}) does not know"
        )
    if not _no_schema(db):
        raise _refuse(
            path,
            f"it was made at the earlier schema revision {made}: restore it into a new database, "
            "which is then migrated",
        )
    _check_tables(path, blocks, _columns_at(made), made)
    upgrade(db, made)
    old = [t for t in tables if t.name in {b.table for b in blocks}]  # for the sequences only
    _load(db, path, digest, old, force=False)
    upgrade(db)
    return RestoreResult(path, header, 0, True)
