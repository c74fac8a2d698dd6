from __future__ import annotations

from alembic import context

from storage.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` command line: take the URL from the settings
    from config import Settings
    from storage.db import Database
    from storage.migrate import sqlalchemy_engine

    engine = sqlalchemy_engine(Database(Settings.from_env().database_url))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
