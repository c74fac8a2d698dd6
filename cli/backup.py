"""giscope backup and giscope restore: the whole register in one file, and back (storage/backup.py)."""

from __future__ import annotations

from pathlib import Path

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json
from wording import say


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The backup file to write (gzip-compressed JSON lines; replaced only once complete).",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def backup(ctx: Context, output: Path, as_json: bool, lang: str) -> None:
    """Write the whole register to one file: every table, the history, profile edits, watch findings,
    subscriptions and translations, with the schema revision and a checksum.

    The file reads the same on SQLite and PostgreSQL: a backup of one restores into the other. Secrets
    are never in clear: passwords and tokens, where the register keeps any, are stored and backed up only
    as hashes; keep the file as safe as the database all the same.

    Example: giscope backup -o register-2026-12-04.giscope.gz
    """
    from storage.backup import backup as write_backup

    result = write_backup(ctx.db(), output, who=ctx.settings.user)
    if as_json:
        echo_json(
            {
                "file": str(result.path),
                "schema_revision": result.schema_revision,
                "rows": result.rows,
                "tables": result.tables,
            }
        )
        return
    click.echo(
        say(
            "cli.backup.wrote",
            lang,
            file=result.path,
            rows=result.rows,
            tables=len(result.tables),
            revision=result.schema_revision,
        )
    )


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--force", is_flag=True, help="Replace a database that holds rows (everything in it is deleted)."
)
@click.option("--json", "as_json", is_flag=True, help="Print what was restored as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def restore(ctx: Context, file: Path, force: bool, as_json: bool, lang: str) -> None:
    """Restore a backup written by `giscope backup` into the database: all of it or nothing.

    The database must hold no rows: a new one (restore creates its schema, as `giscope init` would, but
    loads no bundled lists) or one whose tables are empty. A database with rows, such as one made by
    `giscope init`, is replaced only with --force (by an admin, once accounts exist). The file is read
    whole and its checksum checked first: a truncated or edited backup is refused and the database left
    as it was. A backup made by an earlier GIScope (an earlier schema revision) restores into a new
    database, which is then migrated.

    Example: giscope restore register-2026-12-04.giscope.gz
    """
    from storage.backup import restore as run_restore

    if force:  # replacing a register that holds rows (its accounts too) is an admin's act
        from accounts.services import authorise

        authorise(ctx.db(), ctx.who(), "admin")
    result = run_restore(ctx.db(check_schema=False), file, force=force)
    h = result.header
    if as_json:
        echo_json(
            {
                "file": str(result.path),
                "schema_revision": h.schema_revision,
                "created_at": h.created_at,
                "source_backend": h.source_backend,
                "rows": result.rows,
                "tables": h.tables,
                "replaced_rows": result.replaced_rows,
                "created_schema": result.created_schema,
            }
        )
        return
    click.echo(
        say(
            "cli.backup.restored",
            lang,
            file=result.path,
            rows=result.rows,
            tables=len(h.tables),
            created_at=h.created_at,
            backend=h.source_backend,
        )
    )
    if result.replaced_rows:
        click.echo(say("cli.backup.replaced", lang, rows=result.replaced_rows))
