"""Agreements and law commands: compare, profile, deadlines, alerts, and the PDF briefs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.output import echo_json, fail
from wording import CONFIDENCES, DOUBTFUL, LABELS


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
    from compare.services import compare_agreements

    comparison = compare_agreements(ctx.db(), list(agreements), include_trips=include == "trips")
    if as_json:
        echo_json(comparison.to_dict(lang))
        return
    dims = comparison.differing if differences else list(comparison.dimensions)
    for d in dims:
        # ≠ two agreements state different known positions; ? a side is unknown or unconfirmed (no
        # difference can be claimed there); = every position is known and the same
        mark = "≠" if d.differs else "?" if any(p.open_sides for p in d.pairs if not p.baseline) else "="
        against = [p.a for p in d.contrasts if p.baseline]
        tail = f"  [≠ trips: {', '.join(against)}]" if against else ""
        click.echo(f"{mark} {d.dimension.label(lang)}{tail}")
        for agreement, v in d.values.items():
            doubt = " [unconfirmed]" if v.confidence in DOUBTFUL else ""
            click.echo(f"    {agreement:<15} {v.value(lang)}  ({v.article}){doubt}")
    click.echo(
        f"{len(comparison.differing)} of {len(comparison.dimensions)} dimensions differ "
        "(≠ known positions differ; ? a side unknown or unconfirmed, not a difference)"
    )


@main.command()
@click.argument("jurisdiction", metavar="J")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@click.option(
    "--set", "set_key", metavar="FIELD", help="Staff edit: the field to change (see the field keys)."
)
@click.option("--value", help="New value in the --lang language (with --set).")
@click.option("--source", help="Source of the new value (with --set; required when the value changes).")
@click.option("--confidence", type=click.Choice(CONFIDENCES), help="With --set.")
@click.option("--reason", default="", help="Why the field changes (with --set; kept in the history).")
@click.option("--history", "show_history", is_flag=True, help="Print the profile's change history.")
@click.option(
    "--translate",
    "translate_key",
    metavar="FIELD",
    help="Machine-translate the field's text in the other language into --to (a suggestion to be reviewed).",
)
@click.option(
    "--to", "target", type=click.Choice(["en", "zh"]), help="With --translate: the language to fill."
)
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
    translate_key: str | None,
    target: str | None,
) -> None:
    """A jurisdiction's GI law: laws, routes for a foreign GI, fees, time limits, protection, enforcement,
    cases; every field with its source and confidence. Staff can correct a field with --set.

    Example: giscope profile TH --lang zh
    """
    from agreements.profiles import edit_profile, get_profile, profile_history
    from translation.profiles import field_suggestions

    db = ctx.db()
    if translate_key:
        from cli.translate import translator
        from translation.profiles import suggest_field

        if target is None:
            raise click.UsageError("--translate FIELD needs --to en|zh")
        t = suggest_field(db, jurisdiction, translate_key, target, translator(ctx), who=ctx.settings.user)
        click.echo(f"#{t.id}  {jurisdiction.upper()} {translate_key} [{t.target_lang}]: {t.marked}")
        click.echo(f"giscope: approve with `giscope translations approve {t.id}` ({t.engine})", err=True)
        return
    if set_key:
        changed = edit_profile(
            db,
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
    p = get_profile(db, jurisdiction)
    history = profile_history(db, p.jurisdiction) if show_history else []
    pending = field_suggestions(db, p.jurisdiction)
    if as_json:
        data = p.to_dict(lang)
        if show_history:
            data["history"] = history
        data["suggestions"] = {k: [t.to_dict() for t in rows] for k, rows in pending.items()}
        echo_json(data)
        return
    click.echo(f"{p.name(lang)} ({p.jurisdiction})")
    words = LABELS[lang]
    for f in p.fields:
        doubt = f"  [{words['unconfirmed']}]" if f.fact.doubtful else ""
        click.echo(f"\n{f.label(lang)}{doubt}")
        click.echo(f"  {f.fact.text(lang)}")
        source, level = f.fact.source or "—", f.fact.confidence
        click.echo(f"  {words['source']}: {source} · {words['confidence']}: {level}")
        for t in pending.get(f.key, []):
            click.echo(f"  #{t.id} suggested {t.target_lang} ({t.engine}): {t.marked}")
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
        from errors import RegisterError

        raise RegisterError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def _today(today: str | None) -> str:
    from storage.clock import today_iso

    return today_iso() if today is None else _date_option(today, "--today")


@main.command()
@click.option(
    "--within", type=click.IntRange(min=0), metavar="DAYS", help="Only due in the next DAYS days, or overdue."
)
@click.option("--json", "as_json", is_flag=True, help="Print the deadlines as JSON.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--today", metavar="DATE", help="Date to judge against (default: today).")
@click.option(
    "--outcome",
    nargs=2,
    metavar="KEY STATUS",
    help="Staff: record an outcome (met, missed, reported, unknown).",
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
    scope reviews; each upcoming, due (within 30 days), met, or once past: "passed — outcome reported
    (unverified)", "passed — outcome unknown" (no record found) or overdue (no outcome at all). Due and
    overdue ones raise alerts.

    Example: giscope deadlines --within 90
    """
    from storage.clock import now_iso
    from watch.deadlines import list_deadlines, refresh_deadline_alerts, set_deadline_outcome
    from wording import deadline_state

    day = _today(today)
    db = ctx.db()
    if outcome:
        d = set_deadline_outcome(
            db,
            outcome[0],
            status=outcome[1],
            note=note,
            source=source,
            who=ctx.settings.user,
            at=now_iso(),
        )
        click.echo(f"{d.key}: outcome {d.outcome_status} recorded")
        ctx.deliver_alerts()
        return
    if today is None:  # a what-if date (--today) only changes the table, never the alert feed
        refresh_deadline_alerts(db, today=day, at=now_iso())
        ctx.deliver_alerts()
    items = list_deadlines(db, today=day, within=within)
    if as_json:
        echo_json([d.to_dict(day) for d in items])
        return
    if not items:
        click.echo("no deadline in that window")
    for d in items:
        click.echo(f"{d.due}  {deadline_state(d.state(day), lang):<8} {d.title(lang)}  [{d.key}]")
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
    from watch.alerts import list_alerts

    if since:
        _date_option(since, "--since")
    db = ctx.db()
    if deliver:
        ctx.deliver_alerts()
    items = list_alerts(db, since=since)
    if as_json:
        echo_json([a.to_dict() for a in items])
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
    from briefings.dispute import dispute_brief
    from compare.services import read_labels

    items = read_labels(labels) if labels else []
    briefing = dispute_brief(ctx.db(), gi_ref, jurisdiction, labels=items, lang=lang)
    _write_pdf(briefing, output)


@brief.command("compare")
@click.argument("agreements", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_compare(ctx: Context, agreements: tuple[str, ...], lang: str, output: Path) -> None:
    """Comparison brief for two to four agreements: key differences pair by pair (TRIPS included), the
    full matrix (landscape), the names on each list.

    Example: giscope brief compare china-eu china-france china-thailand --lang zh -o compare.pdf
    """
    from briefings.comparison import compare_brief

    briefing = compare_brief(ctx.db(), list(agreements), lang=lang)
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
    from briefings.screening import screening_brief

    briefing = screening_brief(ctx.db(), file, jurisdiction, lang=lang)
    _write_pdf(briefing, output)


@brief.command("opposition")
@click.option("--finding", "finding_id", type=int, metavar="ID", required=True,
              help="A trademark-watch finding's id (giscope watch list).")  # fmt: skip
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_opposition(ctx: Context, finding_id: int, lang: str, output: Path) -> None:
    """Opposition brief for one trademark-watch finding: the mark, the GI and its protection there, the
    grounds with their articles, the deadline with the days left, the evidence, where and how to file.

    Example: giscope brief opposition --finding 3 --lang zh -o opposition_3.pdf
    """
    from briefings.opposition import opposition_brief

    briefing = opposition_brief(ctx.db(), finding_id, lang=lang)
    _write_pdf(briefing, output)
