"""The giscope command. Thin: parse arguments, call a service, print a table or JSON.

Errors a user can cause print one clear message on stderr and exit 1 (2 for usage errors).
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from config import SETTINGS, Settings

F = TypeVar("F", bound=Callable[..., Any])


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 48) -> None:
    cells = [[_clip("" if v is None else str(v), max_width) for v in row] for row in rows]
    widths = [_width(h) for h in headers]
    for row in cells:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], _width(v))
    click.echo("  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())


LABELS = {
    "en": {"source": "source", "confidence": "confidence", "unconfirmed": "unconfirmed", "basis": "basis"},
    "zh": {"source": "来源", "confidence": "可信度", "unconfirmed": "未经证实", "basis": "依据"},
}
SCOPE_NOTE = (
    "note: screened against the names the register holds as protected or pending in {j} (China's "
    "agreement lists and bilateral entries); names protected only by {j}'s own register are not included."
)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"giscope: {message}", err=True)
    sys.exit(code)


def handles_errors(func: F) -> F:
    """Turn the errors a user can cause into one message and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import OperationalError, ProgrammingError

        from agreements.services import AgreementError
        from gi_lists.importers import InputError
        from gi_lists.services import RegisterError
        from storage.engine import StorageError

        try:
            return func(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(problem, err=True)
            if len(exc.problems) > 1:
                click.echo(f"giscope: {len(exc.problems)} problems; nothing was written", err=True)
            sys.exit(1)
        except (RegisterError, StorageError, AgreementError) as exc:
            fail(str(exc))
        except Exception as exc:
            from reports.fonts import FontsMissing

            if isinstance(exc, FontsMissing):
                fail(str(exc))
            raise
        except (OperationalError, ProgrammingError) as exc:
            from storage.engine import one_line

            hint = "is the database reachable and initialised (`giscope init`)?"
            fail(f"database error: {one_line(exc.orig)}; {hint}")
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


class Context:
    def __init__(self) -> None:
        self.settings = Settings.from_env()
        self._engine: Any = None

    def engine(self, *, check_schema: bool = True) -> Any:
        from storage.engine import make_engine
        from storage.migrate import ensure_current

        if self._engine is None:
            self._engine = make_engine(self.settings.database_url)
        if check_schema:
            ensure_current(self._engine)
        return self._engine

    def deliver_alerts(self) -> None:
        """Send new alerts to the outbox file and the webhook, when they are set."""
        from agreements.outbox import deliver

        s = self.settings
        if self._engine is None or not (s.alert_outbox or s.alert_webhook):
            return
        report = deliver(self._engine, outbox=s.alert_outbox, webhook=s.alert_webhook)
        if report.failed:
            click.echo(
                f"giscope: {report.failed} alert(s) not delivered: {report.error} (kept for later)", err=True
            )


pass_ctx = click.make_pass_decorator(Context, ensure=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="giscope")
def main() -> None:
    """GIScope: China's international GI lists, in one register.

    Settings come from the environment (see `giscope settings`).

    Example: giscope init && giscope search 香槟
    """


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
    from gi_lists.services import initialise

    result = initialise(
        ctx.engine(check_schema=False), who=ctx.settings.user, reload_reference=reload_reference
    )
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
    type=click.Choice(["high", "medium", "low", "unconfirmed"]),
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
        ctx.engine(),
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
    plan = result.plan
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
        f"{s['removed']} removed, {s['unchanged']} unchanged"
        + (f" (batch {result.batch_id})" if result.batch_id else "")
    )
    if result.objection_window is not None:
        w = result.objection_window
        click.echo(f"objection window: until {w.due} ({w.basis}; source: {w.source})")
    ctx.deliver_alerts()


@main.command()
@click.option("--agreement", help="Only this agreement's lists.")
@click.option("--annex", help="Only this annex.")
@click.option("--in", "jurisdiction", metavar="J", help="Only protections that apply in J (CN, EU, FR, TH).")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), required=True)
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
    output: Path | None,
) -> None:
    """Export GIs with their protections, sources and confidence.

    CSV and XLSX give one row per GI and protection; JSON gives whole GI objects.

    Example: giscope export --agreement china-eu --annex IV --format xlsx -o annex_iv.xlsx
    """
    from gi_lists import export as ex
    from gi_lists.services import Filters, list_gis

    filters = Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    with ctx.engine().connect() as conn:
        gis = list_gis(conn, filters)
    if fmt == "json":
        data = ex.to_json(gis)
    else:
        keep = filters.protection_matches if filters.filters_protections else (lambda p: True)
        rows = ex.rows_for(gis, keep)
        data = ex.to_csv(rows) if fmt == "csv" else ex.to_xlsx(rows)
    if output is None:
        if fmt == "xlsx" and sys.stdout.isatty():
            fail("XLSX is binary: give -o FILE.xlsx")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
        click.echo(f"wrote {len(gis)} GIs to {output}", err=True)


def _protection_summary(protections: Sequence[Any]) -> str:
    parts = []
    for p in protections:
        where = p.agreement + (f" {p.annex}" if p.annex else "") if p.agreement else p.route
        parts.append(f"{p.jurisdiction}: {p.status} ({where})")
    return "; ".join(parts)


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
    from gi_lists.services import Filters, dumps
    from gi_lists.services import search as run_search

    filters = Filters(jurisdiction, agreement, None, product_class, origin, status)
    with ctx.engine().connect() as conn:
        hits = run_search(conn, query, filters, limit=limit)
    if as_json:
        click.echo(dumps([h.gi.to_dict() for h in hits]))
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
            _protection_summary(h.gi.protections),
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
    """Print one GI whole: names, protections with sources, and history.

    Example: giscope show 香槟
    """
    from gi_lists.services import dumps, find_gi

    with ctx.engine().connect() as conn:
        gi = find_gi(conn, ref)
    if as_json:
        click.echo(dumps(gi.to_dict(with_history=True)))
        return
    click.echo(f"{gi.display_name}  [{gi.id}]")
    click.echo(f"class: {gi.product_class}   origin: {gi.origin}" + (f" ({gi.region})" if gi.region else ""))
    click.echo("")
    print_table(["name", "kind", "lang", "script"], [(n.text, n.kind, n.lang, n.script) for n in gi.names])
    click.echo("")
    print_table(
        ["in", "route", "agreement", "annex", "status", "since", "confidence", "source"],
        [
            (p.jurisdiction, p.route, p.agreement, p.annex, p.status, p.since, p.confidence, p.source)
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
@click.argument("labels", nargs=-1)
@click.option(
    "--in", "jurisdiction", metavar="J", required=True, help="Jurisdiction to screen against: CN, EU, FR, TH."
)
@click.option(
    "--file", "file", type=click.Path(path_type=Path, dir_okay=False), help="UTF-8 file, one label a line."
)
@click.option(
    "--class", "product_class", metavar="C", help="Product class of the labelled goods (e.g. Wine)."
)
@click.option("--json", "as_json", is_flag=True, help="Print one object per label, in input order.")
@click.option(
    "--fail-on", type=click.Choice(["high", "medium"]), help="Exit 3 when a match this severe is found."
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of legal bases.",
)
@pass_ctx
@handles_errors
def check(
    ctx: Context,
    labels: tuple[str, ...],
    jurisdiction: str,
    file: Path | None,
    product_class: str | None,
    as_json: bool,
    fail_on: str | None,
    lang: str,
) -> None:
    """Screen labels, brands or listings for names protected in a jurisdiction: used, translated,
    transliterated, imitated or evoked. Every hit says why and on what legal basis.

    Example: giscope check "Champagne-style sparkling wine" 香宾酒 --in CN
    """
    from compare.conflicts import SEVERITY_RANK
    from compare.services import check_jurisdiction, check_labels, index_for, read_labels
    from gi_lists.services import RegisterError, dumps

    check_jurisdiction(jurisdiction)
    items = list(labels)
    if file is not None:
        items += read_labels(file)
    items = [label for label in items if label.strip()]
    if not items:
        raise RegisterError("give labels to check, or --file FILE")
    index = index_for(ctx.engine())
    if len(items) > 20 and not as_json or len(items) > 200:
        with click.progressbar(length=len(items), label="checking", file=sys.stderr) as bar:
            results = check_labels(
                index, items, jurisdiction, product_class=product_class, lang=lang, progress=bar.update
            )
    else:
        results = check_labels(index, items, jurisdiction, product_class=product_class, lang=lang)
    if as_json:
        click.echo(dumps([r.to_dict() for r in results]))
    else:
        click.echo(SCOPE_NOTE.format(j=jurisdiction.upper()), err=True)
        for r in results:
            click.echo(f"{r.label}  [{r.jurisdiction}]")
            if not r.matches:
                click.echo("  no conflict found")
                continue
            for m in r.matches:
                click.echo(
                    f"  {m.severity:<6} {m.kind:<18} {m.score:.2f}  {m.gi.id}  {m.matched_form}  "
                    f"(confidence {m.confidence})"
                )
                click.echo(f"         {m.reason}")
                click.echo(f"         {LABELS[lang]['basis']}: {m.legal_basis}")
    if fail_on:
        limit = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[m.severity] <= limit for r in results for m in r.matches):
            sys.exit(3)


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--against", metavar="J", required=True, help="Jurisdiction the list is proposed to: CN, EU, FR, TH."
)
@click.option("--json", "as_json", is_flag=True, help="Print one object per row with its findings.")
@pass_ctx
@handles_errors
def scan(ctx: Context, file: Path, against: str, as_json: bool) -> None:
    """Screen a proposed list (import format) before a negotiation round: names already protected
    there and through which route, conflicts with protected names, homonyms, generic terms and
    duplicates inside the list.

    Example: giscope scan proposed_annex.csv --against EU
    """
    from compare.services import check_jurisdiction, index_for, scan_list
    from gi_lists.services import dumps

    check_jurisdiction(against)
    index = index_for(ctx.engine())
    rows = scan_list(index, file, against)
    if as_json:
        click.echo(dumps([r.to_dict() for r in rows]))
        return
    for r in rows:
        click.echo(f"{file.name}:{r.line}  {r.name}  ({r.origin}, {r.product_class})")
        if not r.findings:
            click.echo("  no objection ground found")
        for f in r.findings:
            click.echo(f"  {f.severity:<6} {f.type:<17} {f.detail}")
    flagged = sum(1 for r in rows if r.objectionable)
    click.echo(f"{len(rows)} rows; {flagged} with possible objection grounds")


@main.command("compare")
@click.argument("agreements", nargs=-1, required=True)
@click.option(
    "--include", "include", type=click.Choice(["trips"]), help="Add the TRIPS Arts. 22–24 baseline."
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@click.option("--differences", is_flag=True, help="Only the dimensions where the agreements differ.")
@pass_ctx
@handles_errors
def compare_cmd(
    ctx: Context,
    agreements: tuple[str, ...],
    include: str | None,
    lang: str,
    as_json: bool,
    differences: bool,
) -> None:
    """Compare what agreements protect, dimension by dimension, with the article for each value.

    Example: giscope compare china-eu china-france china-thailand --include trips
    """
    from agreements.services import compare_agreements
    from gi_lists.services import dumps

    with ctx.engine().connect() as conn:
        comparison = compare_agreements(conn, list(agreements), include_trips=include == "trips")
    if as_json:
        click.echo(dumps(comparison.to_dict(lang)))
        return
    dims = comparison.differing if differences else list(comparison.dimensions)
    for d in dims:
        mark = "≠" if d.differs else "="
        click.echo(f"{mark} {d.dimension.label(lang)}")
        for agreement, v in d.values.items():
            doubt = " [unconfirmed]" if v.confidence in ("low", "unconfirmed") else ""
            click.echo(f"    {agreement:<15} {v.value(lang)}  ({v.article}){doubt}")
    click.echo(f"{len(comparison.differing)} of {len(comparison.dimensions)} dimensions differ")


@main.command()
@click.argument("jurisdiction", metavar="J")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@click.option(
    "--set", "set_key", metavar="FIELD", help="Staff edit: the field to change (see the field keys)."
)
@click.option("--value", help="New value in the --lang language (with --set).")
@click.option("--source", help="Source of the new value (with --set; required when the value changes).")
@click.option("--confidence", type=click.Choice(["high", "medium", "low", "unconfirmed"]), help="With --set.")
@click.option("--reason", default="", help="Why the field changes (with --set; kept in the history).")
@click.option("--history", "show_history", is_flag=True, help="Print the profile's change history.")
@pass_ctx
@handles_errors
def profile(
    ctx: Context,
    jurisdiction: str,
    lang: str,
    as_json: bool,
    set_key: str | None,
    value: str | None,
    source: str | None,
    confidence: str | None,
    reason: str,
    show_history: bool,
) -> None:
    """A jurisdiction's GI law: laws, routes for a foreign GI, fees, time limits, protection, enforcement,
    cases; every field with its source and confidence. Staff can correct a field with --set.

    Example: giscope profile TH --lang zh
    """
    from agreements.repository import ProfileRepository
    from agreements.services import edit_profile, get_profile
    from gi_lists.services import dumps

    engine = ctx.engine()
    if set_key:
        with engine.begin() as conn:
            changed = edit_profile(
                conn,
                jurisdiction,
                set_key,
                who=ctx.settings.user,
                reason=reason,
                value_en=value if lang == "en" else None,
                value_zh=value if lang == "zh" else None,
                source=source,
                confidence=confidence,
            )
        click.echo(
            f"{jurisdiction.upper()} {set_key}: "
            + (", ".join(changed) + " changed" if changed else "unchanged")
        )
        return
    with engine.connect() as conn:
        p = get_profile(conn, jurisdiction)
        history = ProfileRepository(conn).history(p.jurisdiction) if show_history else []
    if as_json:
        data = p.to_dict(lang)
        if show_history:
            data["history"] = history
        click.echo(dumps(data))
        return
    click.echo(f"{p.name(lang)} ({p.jurisdiction})")
    words = LABELS[lang]
    for f in p.fields:
        doubt = f"  [{words['unconfirmed']}]" if f.fact.doubtful else ""
        click.echo(f"\n{f.label(lang)}{doubt}")
        click.echo(f"  {f.fact.text(lang)}")
        source, level = f.fact.source or "—", f.fact.confidence
        click.echo(f"  {words['source']}: {source} · {words['confidence']}: {level}")
    if p.cases:
        click.echo("\n" + ("案例" if lang == "zh" else "Cases"))
        for c in p.cases:
            click.echo(f"  {c.name} — {c.court or ''} {c.date or ''}".rstrip())
            click.echo(f"    {c.point(lang)} (source: {c.source}; confidence: {c.confidence})")
    for h in history:
        change = f"{h['key']}.{h['what']}: {h['before']} -> {h['after']}"
        click.echo(f"history: {h['at']} {h['who']} {change} ({h['reason']})")


def _date_option(value: str, option: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        from gi_lists.services import RegisterError

        raise RegisterError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def _today(today: str | None) -> str:
    import datetime as dt

    return dt.date.today().isoformat() if today is None else _date_option(today, "--today")


@main.command()
@click.option(
    "--within", type=click.IntRange(min=0), metavar="DAYS", help="Only due in the next DAYS days, or overdue."
)
@click.option("--json", "as_json", is_flag=True, help="Print the deadlines as JSON.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--today", metavar="DATE", help="Date to judge against (default: today).")
@click.option(
    "--outcome", nargs=2, metavar="KEY STATUS", help="Staff: record an outcome (met, missed, reported)."
)
@click.option("--note", default="", help="With --outcome: what happened.")
@click.option("--source", default="", help="With --outcome: where that is stated.")
@pass_ctx
@handles_errors
def deadlines(
    ctx: Context,
    within: int | None,
    as_json: bool,
    lang: str,
    today: str | None,
    outcome: tuple[str, str] | None,
    note: str,
    source: str,
) -> None:
    """Deadlines of the agreements: Annex V/VI processing, objection windows of published batches,
    scope reviews; each upcoming, due (within 30 days), overdue or met. Due and overdue ones raise alerts.

    Example: giscope deadlines --within 90
    """
    from agreements.services import list_deadlines, refresh_deadline_alerts, set_deadline_outcome
    from gi_lists.services import dumps, now_iso

    day = _today(today)
    engine = ctx.engine()
    with engine.begin() as conn:
        if outcome:
            d = set_deadline_outcome(
                conn,
                outcome[0],
                status=outcome[1],
                note=note,
                source=source,
                who=ctx.settings.user,
                at=now_iso(),
            )
            click.echo(f"{d.key}: outcome {d.outcome_status} recorded")
            return
        if today is None:  # a what-if date (--today) only changes the table, never the alert feed
            refresh_deadline_alerts(conn, today=day, at=now_iso())
        items = list_deadlines(conn, today=day, within=within)
    if today is None:
        ctx.deliver_alerts()
    if as_json:
        click.echo(dumps([d.to_dict(day) for d in items]))
        return
    if not items:
        click.echo("no deadline in that window")
    for d in items:
        click.echo(f"{d.due}  {d.state(day):<8} {d.title(lang)}  [{d.key}]")
        click.echo(
            f"            basis: {d.basis or '—'} (source: {d.source or '—'}; confidence: {d.confidence})"
        )
        text = d.outcome_zh if lang == "zh" and d.outcome_zh else d.outcome_en
        if text:
            click.echo(
                f"            outcome: {text}"
                + (f" (source: {d.outcome_source})" if d.outcome_source else "")
            )


@main.command()
@click.option("--since", metavar="DATE", help="Only alerts at or after this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the alerts as JSON.")
@click.option("--deliver", is_flag=True, help="Retry delivery of undelivered alerts to the outbox/webhook.")
@pass_ctx
@handles_errors
def alerts(ctx: Context, since: str | None, as_json: bool, deliver: bool) -> None:
    """The alert feed: new batches, status changes and deadlines that came due.

    Example: giscope alerts --since 2026-01-01 --json
    """
    from agreements.services import list_alerts
    from gi_lists.services import dumps

    if since:
        _date_option(since, "--since")
    engine = ctx.engine()
    if deliver:
        ctx.deliver_alerts()
    with engine.connect() as conn:
        items = list_alerts(conn, since=since)
    if as_json:
        click.echo(dumps([a.to_dict() for a in items]))
        return
    if not items:
        click.echo("no alerts")
    for a in items:
        sent = (
            ""
            if a.delivered_at
            else ("  (not delivered)" if ctx.settings.alert_outbox or ctx.settings.alert_webhook else "")
        )
        click.echo(f"{a.at}  {a.kind:<13} {a.title}{sent}")


@main.group()
def brief() -> None:
    """Print PDF briefings: dispute guidance, agreement comparison, screening report.

    Example: giscope brief dispute --gi 香槟 --in CN --labels labels.txt --lang zh -o champagne_cn.pdf
    """


def _write_pdf(briefing: Any, output: Path) -> None:
    from reports.render import render

    data = render(briefing)  # render first: an error leaves no file behind
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    click.echo(f"wrote {output} ({len(data) // 1024} KB)", err=True)


@brief.command("dispute")
@click.option(
    "--gi", "gi_ref", metavar="ID|NAME", required=True, help="The GI, by id or by any of its names."
)
@click.option("--in", "jurisdiction", metavar="J", required=True, help="Target jurisdiction: CN, EU, FR, TH.")
@click.option(
    "--labels", type=click.Path(path_type=Path, dir_okay=False), help="Labels or marks met there, one a line."
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_dispute(
    ctx: Context, gi_ref: str, jurisdiction: str, labels: Path | None, lang: str, output: Path
) -> None:
    """Dispute guidance for one GI in one jurisdiction.

    Example: giscope brief dispute --gi cn-anxi-tie-guan-yin --in FR -o anxi_fr.pdf
    """
    from briefings.services import dispute_brief
    from compare.services import read_labels

    items = read_labels(labels) if labels else []
    with ctx.engine().connect() as conn:
        briefing = dispute_brief(conn, gi_ref, jurisdiction, labels=items, lang=lang)
    _write_pdf(briefing, output)


@brief.command("compare")
@click.argument("agreements", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_compare(ctx: Context, agreements: tuple[str, ...], lang: str, output: Path) -> None:
    """Comparison brief for two to four agreements: key differences, the full matrix, names per list.

    Example: giscope brief compare china-eu china-france china-thailand --lang zh -o compare.pdf
    """
    from briefings.services import compare_brief

    with ctx.engine().connect() as conn:
        briefing = compare_brief(conn, list(agreements), lang=lang)
    _write_pdf(briefing, output)


@brief.command("screening")
@click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Labels (.txt, one a line) or a proposed list (.csv/.xlsx, import format).")  # fmt: skip
@click.option("--in", "jurisdiction", metavar="J", required=True, help="Jurisdiction: CN, EU, FR, TH.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_screening(ctx: Context, file: Path, jurisdiction: str, lang: str, output: Path) -> None:
    """Screening report: the results of `check --file` (a .txt file) or `scan` (a .csv/.xlsx list),
    grouped by severity, with reasons and legal basis.

    Example: giscope brief screening --file labels.txt --in CN -o screening.pdf
    """
    from briefings.services import screening_brief

    with ctx.engine().connect() as conn:
        briefing = screening_brief(conn, file, jurisdiction, lang=lang)
    _write_pdf(briefing, output)


@main.command()
def settings() -> None:
    """List the settings read from the environment, with their current values.

    Example: GISCOPE_DATABASE_URL=sqlite:///register.sqlite3 giscope settings
    """
    import os

    for s in SETTINGS:
        current = os.environ.get(s.name)
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


if __name__ == "__main__":
    main()
