"""Alembic migrations, run from code (`giscope init`) so no alembic.ini is needed at run time.

Every command checks that the schema is current. That check reads the revision table with a plain query
and finds the newest revision from the migration files themselves, so it never imports Alembic (about
a quarter of a second); only `upgrade` does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from errors import StorageError
from storage.engine import one_line, sqlite_path

SCRIPT_LOCATION = Path(__file__).resolve().parent / "alembic"
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w]+)['"]?""", re.M)


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(_engine: Engine | None = None) -> str:
    """The newest revision of the migration files: the one no other revision follows (the same for
    every database; the engine argument is accepted for symmetry with current_revision)."""
    return _head_of_files()


@lru_cache(maxsize=1)
def _head_of_files() -> str:
    revisions: dict[str, str | None] = {}
    for path in (SCRIPT_LOCATION / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    followed = set(revisions.values())
    heads = [r for r in revisions if r not in followed]
    if len(heads) != 1:
        raise StorageError(f"the migrations have {len(heads)} newest revisions ({', '.join(heads)})")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    path = sqlite_path(engine)
    if path is not None and not path.exists():
        return None  # do not create an empty file just by looking
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except OperationalError as exc:
        raise StorageError(f"cannot reach the database {engine.url!r}: {one_line(exc.orig)}") from exc
    return rows[0] if len(rows) == 1 else None


def upgrade(engine: Engine) -> None:
    """Create (for SQLite, with its folder) or migrate the schema to the newest revision."""
    from alembic import command

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
    if current != head_revision():
        raise StorageError("the database schema is out of date: run `giscope init` to migrate it")
