"""`giscope history`: check that the history tables were only ever appended to (storage/chain.py)."""

from __future__ import annotations

import sys

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json
from wording import say


@main.group()
def history() -> None:
    """The change history of GIs, law profiles and trademark findings: append-only, each line chained to
    the one before it by a hash.

    Example: giscope history verify
    """


@history.command()
@click.option("--json", "as_json", is_flag=True, help="Print each chain's state as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def verify(ctx: Context, as_json: bool, lang: str) -> None:
    """Walk every history chain from its first line: report the lines each holds, or the first broken
    link (a line edited, deleted or put in) and exit 1.

    Example: giscope history verify --json
    """
    from storage.chain import verify as verify_chains

    chains = verify_chains(ctx.db())
    broken = [c for c in chains if c.broken is not None]
    if as_json:
        echo_json({"ok": not broken, "chains": [c.to_dict() for c in chains]})
    else:
        for c in chains:
            table = say(f"cli.history.table.{c.table}", lang)
            if c.broken is None:
                click.echo(say("cli.history.intact", lang, table=table, rows=c.rows))
                continue
            b = c.broken
            problem = say(f"cli.history.problem.{b.problem}", lang, id=b.row_id, previous=b.previous_id)
            click.echo(say("cli.history.broken", lang, table=table, name=c.table, problem=problem))
    if broken:
        sys.exit(1)
