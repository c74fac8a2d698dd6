"""giscope import: a batch as the new state of one list, its plan, and the confirmation a large
withdrawal needs (gi_lists.safety)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import fail
from wording import CONFIDENCES, say

if TYPE_CHECKING:
    from gi_lists.batches import BatchPlan


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--agreement", help="Agreement id, e.g. china-eu (with --annex for annexed lists).")
@click.option("--annex", help="Annex code, e.g. IV.")
@click.option(
    "--register", "register", metavar="JURISDICTION", help="A national register instead: CN, EU, FR or TH."
)
@click.option("--dry-run", is_flag=True, help="Only print what would be added, changed and removed.")
@click.option("--source", help="Source recorded for rows without a source cell (default: the file name).")
@click.option(
    "--confidence",
    type=click.Choice(CONFIDENCES),
    default="unconfirmed",
    show_default=True,
    help="Confidence recorded for rows without a confidence cell.",
)
@click.option(
    "--keep-missing", is_flag=True, help="Do not withdraw entries of the list that the file leaves out."
)
@click.option("-v", "--verbose", is_flag=True, help="List every addition, change and removal.")
@click.option(
    "--published",
    metavar="DATE",
    help="Date the batch was published for objection (YYYY-MM-DD): records its objection window.",
)
@click.option(
    "--confirm-withdrawals",
    type=click.IntRange(min=0),
    metavar="N",
    help="Apply a batch that withdraws many entries (more than 5, or more than 10 % of the list): "
    "N must be the number it withdraws (see --dry-run).",
)
@lang_option()
@pass_ctx
@handles_errors
def import_(
    ctx: Context,
    file: Path,
    agreement: str | None,
    annex: str | None,
    register: str | None,
    dry_run: bool,
    source: str | None,
    confidence: str,
    keep_missing: bool,
    verbose: bool,
    published: str | None,
    confirm_withdrawals: int | None,
    lang: str,
) -> None:
    """Import a list (CSV or XLSX) as the new state of one list: all rows or none.

    Columns: name, product_class, origin (required); transcription, name_zh, translation_en, region,
    status, since, source, confidence, note, reference (optional). GIScope's own CSV, XLSX or JSON export
    of the list can be imported as it is: its id names the GI, and rows of other lists are left out.
    Entries of the list missing from the file are withdrawn unless --keep-missing is given; a batch that
    withdraws more than 5 entries or more than 10 % of the list needs --confirm-withdrawals N.

    Example: giscope import annex_v_2025.csv --agreement china-eu --annex V --source "OJ C 459"
    """
    from gi_lists.safety import WithdrawalsNotConfirmed
    from gi_lists.services import import_file

    try:
        result = import_file(
            ctx.db(),
            file,
            agreement=agreement,
            annex=annex,
            register=register,
            who=ctx.who(),
            source=source,
            confidence=confidence,
            dry_run=dry_run,
            keep_missing=keep_missing,
            published=published,
            confirm_withdrawals=confirm_withdrawals,
        )
    except WithdrawalsNotConfirmed as exc:
        from gi_lists.batches import BatchPlan

        assert isinstance(exc.plan, BatchPlan)
        echo_plan(exc.plan, dry_run=True, verbose=verbose, batch_id=None, lang=lang)
        echo_left_out(exc.plan, lang)
        values = {"withdrawn": exc.withdrawn, "listed": exc.listed, "list": exc.list_key}
        option = f"--confirm-withdrawals {exc.withdrawn}"
        if exc.confirmed is None:
            fail(say("cli.import.safety.refused", lang, **values, option=option, keep="--keep-missing"))
        fail(say("cli.import.safety.wrong_count", lang, **values, confirmed=exc.confirmed, option=option))
    echo_plan(result.plan, dry_run=dry_run, verbose=verbose, batch_id=result.batch_id, lang=lang)
    echo_left_out(result.plan, lang)
    plan = result.plan
    if dry_run and plan.needs_confirmation:
        click.echo(
            say(
                "cli.import.safety.dry_run",
                lang,
                withdrawn=len(plan.removed),
                listed=plan.listed,
                list=plan.target.key,
                option=f"--confirm-withdrawals {len(plan.removed)}",
            )
        )
    if result.objection_window is not None:
        w = result.objection_window
        click.echo(say("cli.import.window", lang, due=w.due, basis=w.basis, source=w.source))
    ctx.deliver_alerts()


def echo_left_out(plan: BatchPlan, lang: str) -> None:
    """The rows of other lists an export held, left out of the batch: how many, which lists, which lines."""
    if not plan.left_out:
        return
    lists = ", ".join(sorted({key for _, key in plan.left_out}))
    lines = ", ".join(str(line) for line, _ in plan.left_out[:10]) + (" …" if len(plan.left_out) > 10 else "")
    click.echo(say("cli.import.safety.left_out", lang, count=len(plan.left_out), lists=lists, lines=lines))


def echo_plan(
    plan: BatchPlan, *, dry_run: bool, verbose: bool, batch_id: int | None, lang: str = "en"
) -> None:
    """A batch's diff: `+` added, `~` changed, `-` withdrawn (20 of each unless verbose), then its summary."""
    from wording import note_text
    from wording_register import key_text, value_word, what_text

    shown = None if verbose else 20

    def echo_some(lines: list[str]) -> None:
        for line in lines[:shown]:
            click.echo(line)
        if shown is not None and len(lines) > shown:
            click.echo(say("cli.import.more", lang, count=len(lines) - shown, option="--verbose"))

    colon = "：" if lang == "zh" else ": "

    def where(p: Any) -> str:
        return f"{key_text(p.key_text, lang)}{colon}{value_word(p.status, lang)}"

    def value(what: str, text: str | None) -> str:
        return note_text(text, lang) if text and what.endswith("note") else value_word(text, lang)

    withdrawn = value_word("withdrawn", lang)
    echo_some([f"+ {gi_id}  {label}  [{where(p)}]" for gi_id, label, p in plan.added])
    echo_some(
        [
            f"~ {c.gi_id}  {c.label}  {what_text(c.what, lang)}{colon}"
            f"{value(c.what, c.before)} -> {value(c.what, c.after)}"
            for c in plan.changed
        ]
    )
    echo_some([f"- {gi_id}  {label}  [{where(p)} -> {withdrawn}]" for gi_id, label, p in plan.removed])
    s = plan.summary()
    key = "cli.import.summary_dry" if dry_run else "cli.import.summary"
    click.echo(
        say(key, lang, list=plan.target.key, **s)
        + (say("cli.import.batch", lang, batch=batch_id) if batch_id else "")
    )
