"""Translation commands: translate, translations list/suggest/add/approve/reject."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json, print_table
from phrases import message_text
from wording import name_kind_text, say
from wording_register import language_word

if TYPE_CHECKING:
    from translation.engine import DeepTranslator
    from translation.model import Translation

LANG = click.Choice(["en", "zh", "fr", "th"], case_sensitive=False)
LIST_COLUMNS = ("id", "text", "to", "rendering", "engine", "status", "for", "reviewed_by", "when")


def translator(ctx: Context) -> DeepTranslator | None:
    from translation.engine import make_translator

    return make_translator(ctx.settings.translator, ctx.settings.translate_timeout)


@main.command()
@click.argument("text")
@click.option("--to", "target", type=LANG, required=True, help="Language to translate into.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def translate(ctx: Context, text: str, target: str, as_json: bool, lang: str) -> None:
    """Translate a name or a text: from the translation memory (reviewed renderings first), the glossary
    (the register's names, product terms and places), else the machine (GISCOPE_TRANSLATOR), whose answer
    is kept as a suggestion to be reviewed. Without network: "machine translation unavailable", at once.

    Example: giscope translate 安吉白茶 --to en --json
    """
    from translation.services import translate as run

    answer = run(ctx.db(), text, target.lower(), translator(ctx), who=ctx.who())
    if as_json:
        echo_json(answer.to_dict())
        return
    if answer.result is None:
        click.echo(f"{text}: {message_text(answer.detail or answer.message or '', lang)}")
        for alt in answer.alternatives:
            kind = name_kind_text(alt["kind"] or "", alt["lang"], lang)
            click.echo("  " + say("cli.translate.known_form", lang, text=alt["text"], kind=kind))
        return
    marker = say("cli.translate.to_review", lang) if answer.status == "suggested" else ""
    click.echo(f"{answer.result}{marker}")
    origin = say(f"cli.translate.origin.{answer.origin}", lang)
    status = say(f"cli.translate.status.{answer.status}", lang) if answer.status else ""
    line = say("cli.translate.from", lang, origin=origin) + (f", {status}" if status else "")
    detail = message_text(answer.detail, lang) if answer.detail else ""
    click.echo(line + (f"; {detail}" if detail else ""), err=True)


@main.group()
def translations() -> None:
    """The translation memory: suggested renderings, their review, and who reviewed what.

    Example: giscope translations list --unreviewed
    """


@translations.command("list")
@click.option("--unreviewed", is_flag=True, help="Only suggestions not yet reviewed.")
@click.option("--gi", "gi_id", metavar="ID", help="Only renderings of this GI's name.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (newest first).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def list_(
    ctx: Context, unreviewed: bool, gi_id: str | None, limit: int | None, as_json: bool, lang: str
) -> None:
    """List the memory, newest first: source text, rendering, engine, status and who reviewed it.

    Example: giscope translations list --unreviewed --json
    """
    from translation.services import list_translations

    rows = list_translations(ctx.db(), unreviewed=unreviewed, gi_id=gi_id, limit=limit)
    if as_json:
        echo_json([t.to_dict() for t in rows])
        return
    if not rows:
        click.echo(say("cli.translate.none_to_review" if unreviewed else "cli.translate.none", lang))
        return
    print_table(
        [say(f"cli.translate.col.{c}", lang) for c in LIST_COLUMNS],
        [
            (t.id, t.text, language_word(t.target_lang, lang), t.result, t.engine,
             say(f"cli.translate.status.{t.status}", lang), t.gi_id or t.subject or "",
             t.reviewed_by or "", (t.reviewed_at or t.at)[:16])
            for t in rows
        ],
        max_width=40,
    )  # fmt: skip


def row_line(t: Translation, state: str, lang: str) -> str:
    """'#3  安吉白茶 -> Anji White Tea [en] (to be reviewed)'; state: suggested, added, reviewed, rejected."""
    where = language_word(t.target_lang, lang)
    head = f"#{t.id}  {t.text} -> {t.result} [{where}]"
    return head + say(f"cli.translate.line.{state}", lang, who=t.reviewed_by or "")


@translations.command()
@click.option("--gi", "gi_ids", metavar="ID", multiple=True, help="A GI whose name to render (repeatable).")
@click.option("--all", "every", is_flag=True, help="Every GI (with --limit).")
@click.option(
    "--to",
    "langs",
    type=LANG,
    multiple=True,
    help="Language(s); default: en, fr, th for Chinese names, zh for others.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many new suggestions.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the suggestions made as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def suggest(
    ctx: Context,
    gi_ids: tuple[str, ...],
    every: bool,
    langs: tuple[str, ...],
    limit: int,
    as_json: bool,
    lang: str,
) -> None:
    """Ask the machine for renderings of GI names that have none in a language, each stored as a
    suggestion to be reviewed. Without network nothing is created.

    Example: giscope translations suggest --gi cn-anji-bai-cha --to en
    """
    from gi_lists.services import list_gis
    from translation.services import suggest_renderings

    if bool(gi_ids) == every:
        raise click.UsageError("give --gi ID (one or more) or --all")
    db = ctx.db()
    ids = list(gi_ids) if gi_ids else [g.id for g in list_gis(db)]
    report = suggest_renderings(
        db, ids, translator(ctx), who=ctx.who(), langs=[x.lower() for x in langs] or None, limit=limit
    )
    if as_json:
        echo_json(
            {
                "created": [t.to_dict() for t in report.created],
                "skipped": report.skipped,
                "unavailable": report.unavailable,
            }
        )
    else:
        for t in report.created:
            click.echo(row_line(t, "suggested", lang))
        click.echo(say("cli.translate.suggested", lang, count=len(report.created), skipped=report.skipped))
    if report.unavailable:
        unavailable = message_text(report.unavailable, lang)
        click.echo("giscope: " + say("cli.translate.stopped", lang, why=unavailable), err=True)


@translations.command()
@click.option("--gi", "gi_id", metavar="ID", required=True, help="The GI whose name this renders.")
@click.option("--to", "target", type=LANG, required=True, help="The rendering's language.")
@click.option("--text", required=True, help="The rendering.")
@lang_option()
@pass_ctx
@handles_errors
def add(ctx: Context, gi_id: str, target: str, text: str, lang: str) -> None:
    """Suggest a rendering of a GI's name written by a person (another person reviews it).

    Example: giscope translations add --gi cn-anji-bai-cha --to en --text "Anji White Tea"
    """
    from translation.services import add_rendering

    t = add_rendering(ctx.db(), gi_id, target.lower(), text, who=ctx.who())
    click.echo(row_line(t, "added", lang))


@translations.command()
@click.argument("row_id", metavar="ID", type=int)
@click.option("--text", help="The corrected rendering, approved in place of the suggestion.")
@click.option("--by", "who", help="Reviewer (default: GISCOPE_USER).")
@lang_option()
@pass_ctx
@handles_errors
def approve(ctx: Context, row_id: int, text: str | None, who: str | None, lang: str) -> None:
    """Approve a suggestion: a rendering of a GI's name becomes one of its names (a label in that language
    then matches in `giscope check`); a profile field's, the field's text.

    Example: giscope translations approve 3 --text "Anji White Tea"
    """
    from translation.services import approve as run

    t = run(ctx.db(), row_id, who=ctx.who(by=who), text=text)
    click.echo(row_line(t, "reviewed", lang))


@translations.command()
@click.argument("row_id", metavar="ID", type=int)
@click.option("--by", "who", help="Reviewer (default: GISCOPE_USER).")
@click.option("--reason", help="Why (kept with the row).")
@lang_option()
@pass_ctx
@handles_errors
def reject(ctx: Context, row_id: int, who: str | None, reason: str | None, lang: str) -> None:
    """Reject a suggestion (or withdraw a reviewed rendering: the GI's name goes again).

    Example: giscope translations reject 4 --reason "a literal rendering"
    """
    from translation.services import reject as run

    t = run(ctx.db(), row_id, who=ctx.who(by=who), reason=reason)
    click.echo(row_line(t, "rejected", lang))
