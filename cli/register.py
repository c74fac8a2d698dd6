"""Register commands: init, import, export, search, show, settings, serve."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.output import echo_json, fail, print_table, write_out
from config import SETTINGS
from wording import CONFIDENCES

if TYPE_CHECKING:
    from gi_lists.batches import BatchPlan
    from gi_lists.model import GI


@main.command()
@click.option(
    "--reload-reference",
    is_flag=True,
    help="Merge the bundled lists in again even though the register holds GIs (changes go to the history).",
)
@pass_ctx
@handles_errors
def init(ctx: Context, reload_reference: bool) -> None:
    """Create or migrate the database; load the bundled lists when the register is empty.

    Safe to repeat. Example: giscope init
    """
    from bootstrap import initialise

    result = initialise(ctx.db(check_schema=False), who=ctx.settings.user, reload_reference=reload_reference)
    state = "created" if result.migrated_from is None else "migrated and checked"
    if not result.loaded_reference:
        click.echo(
            f"database {state}; the register already holds GIs, bundled lists not reloaded "
            "(use --reload-reference to merge them in)"
        )
        return
    rows = [(key, s["rows"], s["added"], s["changed"], s["removed"]) for key, s in result.lists]
    print_table(["list", "rows", "added", "changed", "removed"], rows)
    click.echo(f"database {state}; {result.added} protections added, {result.changed} GIs changed")


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
) -> None:
    """Import a list (CSV or XLSX) as the new state of one list: all rows or none.

    Columns: name, product_class, origin (required); transcription, name_zh, translation_en, region,
    status, since, source, confidence (optional). Entries of the list missing from the file are
    withdrawn unless --keep-missing is given.

    Example: giscope import annex_v_2025.csv --agreement china-eu --annex V --source "OJ C 459"
    """
    from gi_lists.services import import_file

    result = import_file(
        ctx.db(),
        file,
        agreement=agreement,
        annex=annex,
        register=register,
        who=ctx.settings.user,
        source=source,
        confidence=confidence,
        dry_run=dry_run,
        keep_missing=keep_missing,
        published=published,
    )
    echo_plan(result.plan, dry_run=dry_run, verbose=verbose, batch_id=result.batch_id)
    if result.objection_window is not None:
        w = result.objection_window
        click.echo(f"objection window: until {w.due} ({w.basis}; source: {w.source})")
    ctx.deliver_alerts()


def echo_plan(plan: BatchPlan, *, dry_run: bool, verbose: bool, batch_id: int | None) -> None:
    """A batch's diff: `+` added, `~` changed, `-` withdrawn (20 of each unless verbose), then its summary."""
    verb = "would be" if dry_run else "were"
    shown = None if verbose else 20

    def echo_some(lines: list[str]) -> None:
        for line in lines[:shown]:
            click.echo(line)
        if shown is not None and len(lines) > shown:
            click.echo(f"  … and {len(lines) - shown} more (--verbose lists all)")

    echo_some([f"+ {gi_id}  {label}  [{p.key_text}: {p.status}]" for gi_id, label, p in plan.added])
    echo_some(
        [f"~ {c.gi_id}  {c.label}  {c.what}: {c.before or '—'} -> {c.after or '—'}" for c in plan.changed]
    )
    echo_some(
        [f"- {gi_id}  {label}  [{p.key_text}: {p.status} -> withdrawn]" for gi_id, label, p in plan.removed]
    )
    s = plan.summary()
    click.echo(
        f"{plan.target.key}: {s['rows']} rows; {s['added']} {verb} added, {s['changed']} changed, "
        f"{s['removed']} removed, {s['unchanged']} unchanged" + (f" (batch {batch_id})" if batch_id else "")
    )


@main.command()
@click.option("--agreement", help="Only this agreement's lists.")
@click.option("--annex", help="Only this annex.")
@click.option("--in", "jurisdiction", metavar="J", help="Only protections that apply in J (CN, EU, FR, TH).")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), required=True)
@click.option(
    "--lang",
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
    lang: str | None,
    output: Path | None,
) -> None:
    """Export GIs with their protections, sources and confidence.

    CSV and XLSX give one row per GI and protection; JSON gives whole GI objects. With --lang, each GI's
    name in that language for promotion abroad (columns rendering_lang, rendering, rendering_status:
    register, reviewed, or "to be reviewed").

    Example: giscope export --agreement china-eu --annex IV --format xlsx -o annex_iv.xlsx
    """
    from gi_lists import export as ex
    from gi_lists.services import Filters, list_gis

    filters = Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    db = ctx.db()
    gis = list_gis(db, filters)
    lang = lang.lower() if lang else None
    renderings = None
    if lang:
        from translation.renderings import export_renderings

        renderings = export_renderings(db, gis, lang)
    if fmt == "json":
        data = ex.to_json(gis, lang=lang, renderings=renderings)
    else:
        keep = filters.protection_matches if filters.filters_protections else (lambda p: True)
        rows = ex.rows_for(gis, keep, lang=lang, renderings=renderings)
        columns = ex.columns_for(lang)
        data = ex.to_csv(rows, columns) if fmt == "csv" else ex.to_xlsx(rows, columns)
    if output is None:
        if fmt == "xlsx" and sys.stdout.isatty():
            fail("XLSX is binary: give -o FILE.xlsx")
        write_out(data)
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
        click.echo(f"wrote {len(gis)} GIs to {output}", err=True)


@main.command()
@click.argument("query")
@click.option("--in", "jurisdiction", metavar="J", help="Only GIs with a protection that applies in J.")
@click.option("--agreement", help="Only GIs on this agreement's lists.")
@click.option("--class", "product_class", metavar="C", help="Product class, e.g. Tea or Wine.")
@click.option("--origin", metavar="O", help="Origin country code (CN, FR ...) or region.")
@click.option("--status", metavar="S", help="Protection status, e.g. protected or pending.")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="At most this many results."
)
@click.option("--json", "as_json", is_flag=True, help="Print GI objects as JSON, best first.")
@pass_ctx
@handles_errors
def search(
    ctx: Context,
    query: str,
    jurisdiction: str | None,
    agreement: str | None,
    product_class: str | None,
    origin: str | None,
    status: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Find GIs by any written form: Chinese (simplified or traditional), pinyin with or without
    tones and spaces, Latin with or without accents, Thai.

    Example: giscope search "anxi tieguanyin" --in EU
    """
    from gi_lists.services import Filters
    from gi_lists.services import search as run_search
    from wording import protection_label

    filters = Filters(jurisdiction, agreement, None, product_class, origin, status)
    hits = run_search(ctx.db(), query, filters, limit=limit)
    if as_json:
        echo_json([h.gi.to_dict() for h in hits])
        return
    if not hits:
        click.echo(f"no GI matches {query!r}")
        return
    rows = [
        (
            h.gi.id,
            h.gi.display_name,
            h.gi.product_class,
            h.gi.origin,
            "; ".join(protection_label(p) for p in h.gi.protections),
            f"{h.score:.2f}",
        )
        for h in hits
    ]
    print_table(["id", "name", "class", "origin", "protections", "score"], rows, max_width=60)


@main.command()
@click.argument("ref", metavar="ID|NAME")
@click.option("--json", "as_json", is_flag=True, help="Print the GI object (with its history) as JSON.")
@pass_ctx
@handles_errors
def show(ctx: Context, ref: str, as_json: bool) -> None:
    """Print a GI whole: names, protections with sources, and history. A name that several GIs bear
    (Toscano the wine and the olive oil) prints each of them (--json: a list).

    Example: giscope show 香槟
    """
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
        click.echo(f"{ref!r} names {len(gis)} GIs: {', '.join(g.id for g in gis)}")
    for i, gi in enumerate(gis):
        if i or len(gis) > 1:
            click.echo("")
            click.echo("=" * 70)
        _show_one(gi)
        pending = [t for t in renderings[gi.id] if t.status == "suggested"]
        if pending:
            click.echo("")
            click.echo("renderings to be reviewed (`giscope translations approve ID`):")
            print_table(
                ["id", "rendering", "lang", "engine", "suggested by", "when"],
                [(t.id, t.marked, t.target_lang, t.engine, t.suggested_by, t.at[:16]) for t in pending],
            )


def _show_one(gi: GI) -> None:
    click.echo(f"{gi.display_name}  [{gi.id}]")
    click.echo(f"class: {gi.product_class}   origin: {gi.origin}" + (f" ({gi.region})" if gi.region else ""))
    click.echo("")
    print_table(["name", "kind", "lang", "script"], [(n.text, n.kind, n.lang, n.script) for n in gi.names])
    click.echo("")
    print_table(
        ["in", "route", "agreement", "annex", "file", "status", "since", "confidence", "source"],
        [
            (
                p.jurisdiction,
                p.route,
                p.agreement,
                p.annex,
                p.reference,
                p.status,
                p.since,
                p.confidence,
                p.source,
            )
            for p in gi.protections
        ],
        max_width=70,
    )
    notes = [p for p in gi.protections if p.note]
    for p in notes:
        click.echo(f"note ({p.key_text}): {p.note}")
    click.echo("")
    click.echo("history:")
    print_table(
        ["when", "who", "what", "before", "after", "reason"],
        [(h.at, h.who, h.what, h.before, h.after, h.reason) for h in gi.history],
        max_width=50,
    )


@main.command()
def settings() -> None:
    """List the settings read from the environment, with their current values.

    Example: GISCOPE_DATABASE_URL=sqlite:///register.sqlite3 giscope settings
    """
    import os

    for s in SETTINGS:
        current = os.environ.get(s.name)
        if s.secret and current:
            current = "(set)"
        click.echo(f"{s.name}={current if current is not None else ''}")
        click.echo(f"    {s.help}")
        if s.default:
            click.echo(f"    default: {s.default}")


@main.command()
@click.option("--port", default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True)
def serve(port: int, address: str) -> None:
    """Start the web UI (Streamlit).

    Example: giscope serve --port 8501
    """
    import subprocess

    from config import PROJECT_ROOT

    cmd = [
        sys.executable,
        "-m",
        "streamlit",
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
    ]
    sys.exit(subprocess.call(cmd))
