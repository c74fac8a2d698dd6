"""Refresh commands: import-register (the live EU register, eAmbrosia)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.imports import echo_plan
from cli.lang import lang_option
from cli.output import echo_json
from errors import RegisterError
from wording import say

# The register's own English for why rows were skipped and how old the answer is (gi_lists.eambrosia,
# gi_lists.live_register), with their phrase keys.
_WORDS = {
    "traditional speciality (TSG), not a GI": "cli.register.why_tsg",
    "amendment of a registered name (file number -AMnn)": "cli.register.why_amendment",
    "retrieved today": "cli.register.basis_today",
    "the file's modification date": "cli.register.basis_file",
}


def _words(text: str, lang: str) -> str:
    return say(_WORDS[text], lang) if lang == "zh" and text in _WORDS else text


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
@lang_option()
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
    lang: str,
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
    result = run_import(db, answer, who=ctx.who(), dry_run=dry_run, force=force)
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
        skipped = ("; " if lang == "en" else "；").join(
            say("cli.register.skipped_one", lang, count=n, why=_words(why, lang))
            for why, n in read.skipped.items()
        )
        click.echo(
            say(
                "cli.register.answer",
                lang,
                source=answer.source,
                as_of=answer.as_of,
                basis=_words(answer.as_of_basis, lang),
            )
            + say("cli.register.rows", lang, rows=read.total)
            + (say("cli.register.skipped", lang, skipped=skipped) if skipped else "")
            + say("cli.register.held", lang, list=plan.target.key, held=result.held)
        )
        echo_plan(plan, dry_run=dry_run, verbose=verbose, batch_id=result.batch_id, lang=lang)
        if dry_run:
            click.echo(say("cli.register.dry_run", lang))
    if not dry_run:
        ctx.deliver_alerts()
