"""The database URL and the migration engine (no server needed: nothing connects)."""

import pytest

from errors import StorageError
from storage.db import Database, masked
from storage.migrate import sqlalchemy_engine


def test_a_postgres_url_migrates_through_the_psycopg_dialect():
    for url in ("postgres://u@h:5432/db", "postgresql://u@h/db", "postgresql+psycopg://u:pw@h/db"):
        assert sqlalchemy_engine(Database(url)).url.drivername == "postgresql+psycopg", url


def test_database_urls_are_read_or_refused_with_the_setting_named():
    assert Database("sqlite:///register.sqlite3").path is not None
    assert str(Database("sqlite:////tmp/x/register.sqlite3").path) == "/tmp/x/register.sqlite3"
    for bad in ("not a url", "nosuchdb://host/db", "sqlite://"):
        with pytest.raises(StorageError, match="GISCOPE_DATABASE_URL"):
            Database(bad)


def test_a_password_never_appears_in_a_message():
    assert masked("postgresql+psycopg://giscope:s3cret@db:5432/register") == (
        "postgresql+psycopg://giscope:***@db:5432/register"
    )
    assert "s3cret" not in repr(Database("postgresql://giscope:s3cret@db/register"))
    assert masked("postgresql://:s3cret@db/register?sslmode=require&password=s3cret") == (
        "postgresql://:***@db/register?sslmode=require&password=***"
    )


def test_files_made_from_a_database_live_beside_it_or_in_the_cache_folder():
    from pathlib import Path

    from config import Settings

    assert Database("sqlite:////srv/gi/register.sqlite3").cache_path("index") == Path(
        "/srv/gi/register.sqlite3-index"
    )
    assert Database("postgresql+psycopg://u:secret@host/db").cache_path("index") is None
    folder = Settings.from_env({"GISCOPE_CACHE_DIR": "/var/cache/giscope"}).cache_dir
    one = Database("postgresql+psycopg://u:secret@host/db", cache_dir=folder).cache_path("index")
    other = Database("postgresql+psycopg://u:secret@host/db2", cache_dir=folder).cache_path("index")
    assert one is not None and other is not None and one != other
    assert one.parent == Path("/var/cache/giscope") and one.name.startswith("index-")
    assert "secret" not in str(one)
    assert Settings.from_env({}).cache_dir is None
