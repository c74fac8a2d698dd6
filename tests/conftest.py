"""Shared fixtures: real SQLite files and, when reachable, a real PostgreSQL database per test module.

PostgreSQL: GISCOPE_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test) names
a server and a database to connect to; each fixture creates its own database there and drops it
afterwards. With GISCOPE_TEST_REQUIRE_POSTGRES=1 (set by .ci/run when CI=true) an unreachable server
fails the run instead of skipping the PostgreSQL half.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from storage.db import Database

POSTGRES_URL = os.environ.get(
    "GISCOPE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("GISCOPE_TEST_REQUIRE_POSTGRES") == "1"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"

_pg_reachable: bool | None = None


def postgres_reachable() -> bool:
    global _pg_reachable
    if _pg_reachable is None:
        import psycopg

        url = make_url(POSTGRES_URL)
        try:
            psycopg.connect(
                host=url.host,
                port=url.port or 5432,
                user=url.username,
                dbname=url.database,
                connect_timeout=3,
            ).close()
            _pg_reachable = True
        except psycopg.OperationalError:
            _pg_reachable = False
    return _pg_reachable


class PostgresDatabase:
    """A throw-away database on the test server."""

    def __init__(self) -> None:
        self.name = f"giscope_t_{uuid.uuid4().hex[:12]}"
        base = make_url(POSTGRES_URL)
        self.url = base.set(database=self.name).render_as_string(hide_password=False)
        self._admin = dict(host=base.host, port=base.port or 5432, user=base.username, dbname=base.database)

    def _run(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(**self._admin, autocommit=True) as conn:
            conn.execute(sql)

    def create(self, template: str = "template0") -> None:
        self._run(f'CREATE DATABASE "{self.name}" ENCODING \'UTF8\' TEMPLATE "{template}"')

    def drop(self) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _backend_param(request: pytest.FixtureRequest) -> str:
    backend = request.param
    if backend == "postgresql" and not postgres_reachable():
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required (CI) but not reachable at {POSTGRES_URL}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    return str(backend)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL, once per backend."""
    backend = _backend_param(request)
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite3'}"
        return
    pg = PostgresDatabase()
    pg.create()
    try:
        yield pg.url
    finally:
        from sqlalchemy.orm import close_all_sessions

        close_all_sessions()
        pg.drop()


@pytest.fixture
def engine(db_url: str) -> Iterator[Database]:
    """The register's Database on an empty SQLite file or PostgreSQL database (the name is historical)."""
    eng = Database(db_url)
    yield eng
    eng.dispose()


class _LoadedTemplates:
    """One initialised register per backend and test process, copied for each test that needs one
    (`giscope init` with every bundled list takes seconds; a copy takes milliseconds)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sqlite: Path | None = None
        self.postgres: PostgresDatabase | None = None

    def _initialise(self, url: str) -> None:
        from bootstrap import initialise

        initialise(Database(url), who="tester")

    def sqlite_copy(self, target: Path) -> None:
        import shutil

        if self.sqlite is None:
            path = self.folder / "template.sqlite3"
            self._initialise(f"sqlite:///{path}")
            self.sqlite = path
        shutil.copyfile(self.sqlite, target)

    def postgres_template(self) -> str:
        if self.postgres is None:
            pg = PostgresDatabase()
            pg.create()
            self._initialise(pg.url)
            self.postgres = pg
        return self.postgres.name

    def drop(self) -> None:
        if self.postgres is not None:
            self.postgres.drop()


@pytest.fixture(scope="session")
def _loaded_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_LoadedTemplates]:
    templates = _LoadedTemplates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.drop()


@pytest.fixture
def loaded_engine(db_url: str, _loaded_templates: _LoadedTemplates) -> Iterator[Database]:
    """A database with the schema and the bundled reference data (as `giscope init` leaves it), a
    copy of one initialised per backend."""
    if db_url.startswith("sqlite:///"):
        _loaded_templates.sqlite_copy(Path(db_url.removeprefix("sqlite:///")))
    else:
        template = _loaded_templates.postgres_template()
        name = make_url(db_url).database
        pg = PostgresDatabase()
        pg.name = str(name)
        pg.drop()
        pg.create(template)
    eng = Database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def sqlite_loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One initialised SQLite register shared by a module's read-only tests."""
    from bootstrap import initialise

    path = tmp_path_factory.mktemp("shared") / "register.sqlite3"
    url = f"sqlite:///{path}"
    eng = Database(url)
    initialise(eng, who="tester")
    eng.dispose()
    yield url
