"""Alembic migrations, run from code (`giscope init`) so no alembic.ini is needed at run time.

Only `upgrade` imports SQLAlchemy and Alembic. Every other command checks that the schema is current
by reading the revision table with a plain query and finding the newest revision in the migration
files themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from errors import StorageError
from storage.db import SQLITE_PRAGMAS, Database, driver_errors, masked, one_line

SCRIPT_LOCATION = Path(__file__).resolve().parent / "alembic"
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w]+)['"]?""", re.M)


def sqlalchemy_engine(db: Database) -> Any:
    """A SQLAlchemy engine on the same database, for Alembic (and the tests that compare the schema)."""
    from sqlalchemy import create_engine, event

    if db.backend == "sqlite":
        engine = create_engine(f"sqlite:///{db.path}")

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            for pragma in SQLITE_PRAGMAS:
                cur.execute(pragma)
            cur.close()

        return engine
    # db.conninfo is a libpq URI (postgresql://...): the same database through SQLAlchemy's psycopg dialect
    return create_engine("postgresql+psycopg" + db.conninfo[len("postgresql") :], pool_pre_ping=True)


def head_revision(_db: Database | None = None) -> str:
    """The newest revision of the migration files: the one no other revision follows (the same for
    every database; the argument is accepted for symmetry with current_revision)."""
    return _head_of_files()


@lru_cache(maxsize=1)
def _revisions_of_files() -> dict[str, str | None]:
    """Each revision of the migration files -> the one it follows (None for the first)."""
    revisions: dict[str, str | None] = {}
    for path in (SCRIPT_LOCATION / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    return revisions


def earlier_revisions() -> list[str]:
    """The revisions the newest one follows, newest first (a database at one of them can be migrated)."""
    revisions = _revisions_of_files()
    out: list[str] = []
    current = revisions.get(head_revision())
    while current is not None and current not in out:
        out.append(current)
        current = revisions.get(current)
    return out


@lru_cache(maxsize=1)
def _head_of_files() -> str:
    revisions = _revisions_of_files()
    followed = set(revisions.values())
    heads = [r for r in revisions if r not in followed]
    if len(heads) != 1:
        raise StorageError(f"the migrations have {len(heads)} newest revisions ({', '.join(heads)})")
    return heads[0]


def current_revision(db: Database) -> str | None:
    if db.path is not None and not db.path.exists():
        return None  # do not create an empty file just by looking
    with db.read() as conn:
        if db.backend == "sqlite":
            exists = conn.scalar(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", ["alembic_version"]
            )
        else:
            exists = conn.scalar("SELECT to_regclass('alembic_version') IS NOT NULL")
        if not exists:
            return None
        found = [r[0] for r in conn.rows("SELECT version_num FROM alembic_version")]
    return found[0] if len(found) == 1 else None


def upgrade(db: Database, revision: str = "head") -> None:
    """Create (for SQLite, with its folder) or migrate the schema to the newest revision (or to
    `revision`, an earlier one: `giscope restore` of an older backup)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy.exc import OperationalError

    if db.path is not None:
        try:
            db.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the folder for the database {db.path}: {exc.strerror}"
            ) from exc
    try:
        engine = sqlalchemy_engine(db)
    except ImportError as exc:  # SQLAlchemy's NoSuchModuleError is one
        raise StorageError(f"cannot migrate the database {masked(db.url)!r}: {one_line(exc)}") from exc
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["engine"] = engine
    try:
        command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise StorageError(
            f"cannot open or migrate the database {masked(db.url)!r}: {one_line(exc.orig)}"
        ) from exc
    finally:
        engine.dispose()


def ensure_current(db: Database) -> None:
    """Refuse to work on a database that `giscope init` has not prepared."""
    if db.path is not None and not db.path.exists():
        raise StorageError(f"no database at {db.path}: run `giscope init` first")
    try:
        current = current_revision(db)
    except driver_errors() as exc:
        raise StorageError(f"cannot read the database {masked(db.url)!r}: {one_line(exc)}") from exc
    if current is None:
        raise StorageError("the database is empty: run `giscope init` first")
    if current != head_revision():
        raise StorageError("the database schema is out of date: run `giscope init` to migrate it")
