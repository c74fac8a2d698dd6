"""Agreements and law commands: compare, profile, deadlines, alerts (the PDF briefs: cli/briefs.py)."""

from __future__ import annotations

from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json, pad
from escaping import escaped
from wording import CONFIDENCES, DOUBTFUL, LABELS, confidence_word, joined, say
from wording_register import alert_kind, field_word, language_word, value_word


@main.command("compare")
@click.argument("agreements", nargs=-1, required=True)
@click.option(
    "--include", "include", type=click.Choice(["trips"]), help="Add the TRIPS Arts. 22–24 baseline."
)
@lang_option("Language of the output (--json too).")
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
    from wording import agreement_name

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
        sides = ", ".join(against) if lang == "en" else "、".join(agreement_name(a, lang) for a in against)
        tail = say("cli.compare.against_trips", lang, agreements=sides) if against else ""
        click.echo(f"{mark} {d.dimension.label(lang)}{tail}")
        for agreement, v in d.values.items():
            doubt = say("cli.compare.doubt", lang) if v.confidence in DOUBTFUL else ""
            side = agreement if lang == "en" else agreement_name(agreement, lang)
            click.echo(f"    {pad(side, 15)} {v.value(lang)}  ({_article(v, lang)}){doubt}")
    click.echo(
        say("cli.compare.summary", lang, differ=len(comparison.differing), of=len(comparison.dimensions))
    )


@main.command()
@click.argument("jurisdiction", metavar="J")
@lang_option("Language of the output (--json too).")
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
        t = suggest_field(db, jurisdiction, translate_key, target, translator(ctx), who=ctx.who())
        click.echo(f"#{t.id}  {jurisdiction.upper()} {translate_key} [{t.target_lang}]: {t.marked}")
        click.echo(f"giscope: approve with `giscope translations approve {t.id}` ({t.engine})", err=True)
        return
    if set_key:
        changed = edit_profile(
            db,
            jurisdiction,
            set_key,
            who=ctx.who(),
            reason=reason,
            value_en=value if lang == "en" else None,
            value_zh=value if lang == "zh" else None,
            source=source,
            confidence=confidence,
        )
        what = (
            say(
                "cli.profile.changed",
                lang,
                fields=joined([field_word(f, lang) for f in changed], lang, enum=True),
            )
            if changed
            else say("cli.profile.unchanged", lang)
        )
        click.echo(f"{jurisdiction.upper()} {set_key}: {what}")
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
        source, level, colon = f.fact.source or "—", confidence_word(f.fact.confidence, lang), _colon(lang)
        click.echo(f"  {words['source']}{colon}{source} · {words['confidence']}{colon}{level}")
        for t in pending.get(f.key, []):
            language = language_word(t.target_lang, lang)
            click.echo(
                "  "
                + say(
                    "cli.profile.suggestion", lang, id=t.id, language=language, engine=t.engine, text=t.result
                )
            )
    if p.cases:
        click.echo("\n" + say("cli.profile.cases", lang))
        for c in p.cases:
            click.echo(f"  {c.name_in(lang)} — {c.court_in(lang) or ''} {c.date_in(lang) or ''}".rstrip())
            level = confidence_word(c.confidence, lang)
            click.echo(
                f"    {c.point(lang)} "
                + say("cli.profile.case_source", lang, source=c.source, confidence=level)
            )
    for h in history:
        before, after = (value_word(h[k], lang) if lang == "zh" else h[k] for k in ("before", "after"))
        change = escaped(f"{h['key']}.{field_word(h['what'], lang)}{_colon(lang)}{before} -> {after}")
        who, reason = escaped(h["who"]), escaped(h["reason"])  # one line each, whatever was stored
        click.echo(say("cli.profile.history", lang, at=h["at"], who=who, change=change, reason=reason))


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _article(v: Any, lang: str) -> str:
    """A scope value's article; the data's placeholders 'unknown' and 'no provision' in Chinese too."""
    if lang != "zh":
        return str(v.article)
    article = v.article_in(lang)
    if article == "unknown":
        return say("cli.compare.article_unknown", lang)
    if article == "no provision":
        return say("cli.compare.no_provision", lang)
    return str(article)


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
@lang_option()
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
    from wording_register import basis_text, outcome_word

    day = _today(today)
    db = ctx.db()
    if outcome:
        d = set_deadline_outcome(
            db,
            outcome[0],
            status=outcome[1],
            note=note,
            source=source,
            who=ctx.who(),
            at=now_iso(),
        )
        click.echo(
            say("cli.deadlines.recorded", lang, key=d.key, outcome=outcome_word(d.outcome_status, lang))
        )
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
        click.echo(say("cli.deadlines.none", lang))
    for d in items:
        click.echo(f"{d.due}  {pad(deadline_state(d.state(day), lang), 8)} {d.title(lang)}  [{d.key}]")
        level = confidence_word(d.confidence, lang)
        basis = say(
            "cli.deadlines.basis",
            lang,
            basis=basis_text(d.basis, lang),
            source=d.source or "—",
            confidence=level,
        )
        click.echo(f"            {basis}")
        text = d.outcome_zh if lang == "zh" and d.outcome_zh else d.outcome_en
        if text:
            source = (
                say("cli.deadlines.outcome_source", lang, source=d.outcome_source) if d.outcome_source else ""
            )
            click.echo("            " + say("cli.deadlines.outcome", lang, outcome=text) + source)


@main.command()
@click.option("--since", metavar="DATE", help="Only alerts at or after this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the alerts as JSON.")
@click.option("--deliver", is_flag=True, help="Retry delivery of undelivered alerts to the outbox/webhook.")
@lang_option()
@pass_ctx
@handles_errors
def alerts(ctx: Context, since: str | None, as_json: bool, deliver: bool, lang: str) -> None:
    """The alert feed: new batches, status changes and deadlines that came due.

    Example: giscope alerts --since 2026-01-01 --json
    """
    from watch.alerts import list_alerts
    from wording_register import alert_title

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
        click.echo(say("cli.alerts.none", lang))
    titles_zh = _deadline_titles(db) if lang == "zh" else {}
    for a in items:
        sent = (
            ""
            if a.delivered_at
            else (
                say("cli.alerts.undelivered", lang)
                if ctx.settings.alert_outbox or ctx.settings.alert_webhook
                else ""
            )
        )
        click.echo(
            f"{a.at}  {pad(alert_kind(a.kind, lang), 13)} {alert_title(a.title, lang, titles_zh)}{sent}"
        )


def _deadline_titles(db: Any) -> dict[str, str]:
    """Every deadline's Chinese title by its English one (for the alerts that name them)."""
    from storage.clock import today_iso
    from watch.deadlines import list_deadlines

    return {d.title_en: d.title_zh for d in list_deadlines(db, today=today_iso(), within=None)}
