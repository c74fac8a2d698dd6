"""Register commands: init, export, search, show, settings, serve (import: cli/imports.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import current_lang, lang_option
from cli.output import echo_json, fail, print_table, write_out
from gi_lists.model import ROUTES
from wording import CONFIDENCES, say
from wording_register import language_word


@main.command()
@click.option(
    "--reload-reference",
    is_flag=True,
    help="Merge the bundled lists in again even though the register holds GIs (changes go to the history).",
)
@lang_option()
@pass_ctx
@handles_errors
def init(ctx: Context, reload_reference: bool, lang: str) -> None:
    """Create or migrate the database; load the bundled lists when the register is empty.

    Safe to repeat. Example: giscope init
    """
    from bootstrap import initialise

    db = ctx.db(check_schema=False)
    # reloading rewrites lists: authorised (bootstrap); a token is read from a schema already current
    who = ctx.who() if reload_reference and ctx.settings.token else ctx.settings.user
    result = initialise(db, who=who, reload_reference=reload_reference)
    state = say("cli.init.created" if result.migrated_from is None else "cli.init.migrated", lang)
    if not result.loaded_reference:
        click.echo(say("cli.init.kept", lang, state=state, option="--reload-reference"))
        return
    rows = [(key, s["rows"], s["added"], s["changed"], s["removed"]) for key, s in result.lists]
    headers = ("list", "rows", "added", "changed", "removed")
    print_table([say(f"cli.init.{h}", lang) for h in headers], rows)  # cli.init.list .rows .added …
    click.echo(say("cli.init.done", lang, state=state, added=result.added, changed=result.changed))


@main.command()
@click.option("--agreement", help="Only this agreement's lists.")
@click.option("--annex", help="Only this annex.")
@click.option("--in", "jurisdiction", metavar="J", help="Only protections that apply in J (CN, EU, FR, TH).")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), required=True)
@click.option(
    "--lang",
    "names_lang",
    type=click.Choice(["en", "fr", "th"], case_sensitive=False),
    help="Add each GI's name in this language: the register's, a reviewed rendering, or one to be reviewed.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File (default: stdout)."
)
@pass_ctx
@handles_errors
def export(
    ctx: Context,
    agreement: str | None,
    annex: str | None,
    jurisdiction: str | None,
    fmt: str,
    names_lang: str | None,
    output: Path | None,
) -> None:
    """Export GIs with their protections, sources and confidence.

    CSV and XLSX give one row per GI and protection; JSON gives whole GI objects. With --lang, each GI's
    name in that language for promotion abroad (columns rendering_lang, rendering, rendering_status:
    register, reviewed, or "to be reviewed"). Its messages are in GISCOPE_LANG (--lang names the
    renderings here).

    Example: giscope export --agreement china-eu --annex IV --format xlsx -o annex_iv.xlsx
    """
    from gi_lists import export as ex
    from gi_lists.services import Filters, list_gis

    filters = Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    db = ctx.db()
    gis = list_gis(db, filters)
    names_lang = names_lang.lower() if names_lang else None
    lang = current_lang()
    renderings = None
    if names_lang:
        from translation.renderings import export_renderings

        renderings = export_renderings(db, gis, names_lang)
    if fmt == "json":
        data = ex.to_json(gis, lang=names_lang, renderings=renderings)
    else:
        keep = filters.protection_matches if filters.filters_protections else (lambda p: True)
        rows = ex.rows_for(gis, keep, lang=names_lang, renderings=renderings)
        columns = ex.columns_for(names_lang)
        data = ex.to_csv(rows, columns) if fmt == "csv" else ex.to_xlsx(rows, columns)
    if output is None:
        if fmt == "xlsx" and sys.stdout.isatty():
            fail(say("cli.export.binary", lang, option="-o FILE.xlsx"))
        write_out(data)
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            fail(say("cli.error.cannot_write", lang, file=output, error=exc.strerror))
        click.echo(say("cli.export.wrote", lang, count=len(gis), file=output), err=True)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--in", "jurisdiction", metavar="J", help="Only GIs with a protection that applies in J.")
@click.option("--agreement", help="Only GIs on this agreement's lists.")
@click.option("--annex", help="Only GIs on this annex of --agreement, e.g. IV.")
@click.option("--route", type=click.Choice(ROUTES), help="Only GIs protected through this route.")
@click.option("--status", metavar="S", help="Protection status, e.g. protected or pending.")
@click.option(
    "--confidence", type=click.Choice(CONFIDENCES), help="Only GIs with a protection of this confidence."
)
@click.option("--class", "product_class", metavar="C", help="Product class, e.g. Tea, Wine or Spirit.")
@click.option("--origin", metavar="O", help="Origin country code (CN, FR ...) or region.")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="At most this many results."
)
@click.option("--json", "as_json", is_flag=True, help="Print GI objects as JSON, best first.")
@lang_option()
@pass_ctx
@handles_errors
def search(
    ctx: Context,
    query: str,
    jurisdiction: str | None,
    agreement: str | None,
    annex: str | None,
    route: str | None,
    status: str | None,
    confidence: str | None,
    product_class: str | None,
    origin: str | None,
    limit: int,
    as_json: bool,
    lang: str,
) -> None:
    """Find GIs by any written form: Chinese (simplified or traditional), pinyin with or without
    tones and spaces, Latin with or without accents, Thai. Without a query, list every GI that
    matches the filters (by name). The protection filters (--in, --agreement, --annex, --route,
    --status, --confidence) must all hold for one protection.

    Example: giscope search "anxi tieguanyin" --in EU; giscope search --class Tea --in EU --route agreement
    """
    from cli.gi_view import print_found
    from gi_lists.services import Filters, browse

    filters = Filters(jurisdiction, agreement, annex, product_class, origin, status, route, confidence)
    found = browse(ctx.db(), query, filters, limit=limit)
    if as_json:
        echo_json([gi.to_dict() for gi in found.gis])
        return
    if not found.gis:
        none = "cli.search.none" if query.strip() else "cli.search.facets.none"
        click.echo(say(none, lang, query=repr(query)))
        return
    print_found(found, lang)


@main.command()
@click.argument("ref", metavar="ID|NAME")
@click.option("--json", "as_json", is_flag=True, help="Print the GI object (with its history) as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def show(ctx: Context, ref: str, as_json: bool, lang: str) -> None:
    """Print a GI whole: names, protections with sources, and history. A name that several GIs bear
    (Toscano the wine and the olive oil) prints each of them (--json: a list).

    Example: giscope show 香槟
    """
    from cli.gi_view import show_gi
    from gi_lists.services import find_gis
    from translation.renderings import all_renderings

    db = ctx.db()
    gis = find_gis(db, ref)
    renderings = {gi.id: all_renderings(db, gi.id) for gi in gis}
    if as_json:
        data = [
            {**gi.to_dict(with_history=True), "renderings": [t.to_dict() for t in renderings[gi.id]]}
            for gi in gis
        ]
        echo_json(data[0] if len(data) == 1 else data)
        return
    if len(gis) > 1:
        ids = (", " if lang == "en" else "、").join(g.id for g in gis)
        click.echo(say("cli.show.several", lang, ref=repr(ref), count=len(gis), ids=ids))
    for i, gi in enumerate(gis):
        if i or len(gis) > 1:
            click.echo("")
            click.echo("=" * 70)
        show_gi(gi, lang)
        pending = [t for t in renderings[gi.id] if t.status == "suggested"]
        if pending:
            click.echo("")
            click.echo(say("cli.show.pending", lang, command="`giscope translations approve ID`"))
            print_table(
                [
                    say(f"cli.show.{c}", lang)
                    for c in ("id", "rendering", "lang", "engine", "suggested_by", "when")
                ],
                [
                    (t.id, t.result, language_word(t.target_lang, lang), t.engine, t.suggested_by, t.at[:16])
                    for t in pending
                ],
            )


@main.command()
@lang_option()
def settings(lang: str) -> None:
    """List the settings read from the environment, with their current values.

    Example: GISCOPE_DATABASE_URL=sqlite:///register.sqlite3 giscope settings
    """
    import os

    from config import SETTINGS
    from outbound import shown_value

    for s in SETTINGS:
        current = shown_value(s, os.environ.get(s.name))
        if s.secret and current:
            current = say("cli.settings.set", lang)
        click.echo(f"{s.name}={current if current is not None else ''}")
        # the English is config's own help text; the catalogue holds it too, with its Chinese
        help_key = "cli.settings." + s.name.removeprefix("GISCOPE_").lower()
        click.echo(f"    {s.help if lang == 'en' else say(help_key, lang)}")
        if s.default:
            click.echo("    " + say("cli.settings.default", lang, value=s.default))


@main.command()
@click.option("--port", default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True)
def serve(port: int, address: str) -> None:
    """Start the web UI (Streamlit).

    The server warms up as it starts (the name index, the pages' modules, the PDF fonts), so that the
    first page and the first screening do not wait for them.

    Example: giscope serve --port 8501
    """
    import subprocess

    from config import PROJECT_ROOT

    cmd = [
        sys.executable,
        "-m",
        "ui.serve",  # streamlit's command line, warming the caches up as the server starts
        "run",
        str(PROJECT_ROOT / "streamlit_app.py"),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # as .streamlit/config.toml says, wherever giscope is started from: no Deploy button
        "--client.toolbarMode",
        "viewer",
        # the world's boundaries for the overview's maps, from static/ (see ui/charts.py)
        "--server.enableStaticServing",
        "true",
    ]
    sys.exit(subprocess.call(cmd))
