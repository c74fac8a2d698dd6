"""Refresh commands: import-register (the live EU register, eAmbrosia)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.output import echo_json
from cli.register import echo_plan
from errors import RegisterError


def _timeout(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        raise RegisterError(f"GISCOPE_EAMBROSIA_TIMEOUT={text!r} is not a number of seconds (0–3600)")
    return seconds


@main.command("import-register")
@click.argument("register", type=click.Choice(["eu"], case_sensitive=False))
@click.option(
    "--from-file",
    "from_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A saved JSON answer of the register instead of asking the live register.",
)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option(
    "--force", is_flag=True, help="Accept an answer with more than 5 % fewer rows than the list holds."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every addition, change and removal.")
@pass_ctx
@handles_errors
def import_register(
    ctx: Context,
    register: str,
    from_file: Path | None,
    dry_run: bool,
    force: bool,
    as_json: bool,
    verbose: bool,
) -> None:
    """Refresh the list register/EU from the EU register (eAmbrosia): all rows or none.

    Without --from-file, POSTs to GISCOPE_EAMBROSIA_URL (timeout GISCOPE_EAMBROSIA_TIMEOUT). The answer
    must have the register's shape and every row its fields; an answer holding more than 5 % fewer rows
    than the list holds now is refused unless --force. Names the answer leaves out are withdrawn.

    Example: giscope import-register eu --from-file eambrosia_2026-12.json --dry-run
    """
    from gi_lists.live_register import fetch_answer, read_saved_answer
    from gi_lists.live_register import import_register as run_import

    s = ctx.settings
    db = ctx.db()  # a register that is not initialised fails before the network is asked
    if from_file is not None:
        answer = read_saved_answer(from_file)
    else:
        answer = fetch_answer(s.eambrosia_url, _timeout(s.eambrosia_timeout))
    result = run_import(db, answer, who=s.user, dry_run=dry_run, force=force)
    plan, read = result.plan, result.read
    if as_json:
        data: dict[str, Any] = {
            "list": plan.target.key,
            "source": answer.source,
            "as_of": answer.as_of,
            "as_of_basis": answer.as_of_basis,
            "answer_rows": read.total,
            "skipped": read.skipped,
            "held_before": result.held,
            "dry_run": dry_run,
            "batch": result.batch_id,
            "summary": plan.summary(),
            "added": [{"gi_id": g, "name": n, "status": p.status} for g, n, p in plan.added],
            "changed": [
                {"gi_id": c.gi_id, "name": c.label, "what": c.what, "before": c.before, "after": c.after}
                for c in plan.changed
            ],
            "removed": [{"gi_id": g, "name": n, "status": p.status} for g, n, p in plan.removed],
        }
        echo_json(data)
    else:
        skipped = "; ".join(f"{n} {why}" for why, n in read.skipped.items())
        click.echo(
            f"EU register answer from {answer.source}, as of {answer.as_of} ({answer.as_of_basis}): "
            f"{read.total} rows"
            + (f" ({skipped} skipped)" if skipped else "")
            + f"; {plan.target.key} held {result.held} register rows"
        )
        echo_plan(plan, dry_run=dry_run, verbose=verbose, batch_id=result.batch_id)
        if dry_run:
            click.echo("dry run: nothing was written")
    if not dry_run:
        ctx.deliver_alerts()
