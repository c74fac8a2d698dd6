"""Alembic migrations, run from code (`giscope init`) so no alembic.ini is needed at run time."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from storage.engine import StorageError, one_line, sqlite_path

SCRIPT_LOCATION = Path(__file__).resolve().parent / "alembic"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    path = sqlite_path(engine)
    if path is not None and not path.exists():
        return None  # do not create an empty file just by looking
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise StorageError(f"cannot reach the database {engine.url!r}: {one_line(exc.orig)}") from exc


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def upgrade(engine: Engine) -> None:
    """Create (for SQLite, with its folder) or migrate the schema to the newest revision."""
    path = sqlite_path(engine)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the folder for the database {path}: {exc.strerror}") from exc
    try:
        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise StorageError(
            f"cannot open or migrate the database {engine.url!r}: {one_line(exc.orig)}"
        ) from exc


def ensure_current(engine: Engine) -> None:
    """Refuse to work on a database that `giscope init` has not prepared."""
    path = sqlite_path(engine)
    if path is not None and not path.exists():
        raise StorageError(f"no database at {path}: run `giscope init` first")
    current = current_revision(engine)
    if current is None:
        raise StorageError("the database is empty: run `giscope init` first")
    if current != head_revision(engine):
        raise StorageError("the database schema is out of date: run `giscope init` to migrate it")
