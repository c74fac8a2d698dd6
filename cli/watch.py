"""Trademark watch commands: scan a trademark gazette, list the findings, record what was done."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import current_lang, lang_option
from cli.output import echo_json, print_table
from escaping import escaped
from wording import confidence_word, hit_kind_word, say, severity_word
from wording_register import state_word

STATES = ("new", "reviewed", "opposed", "dismissed", "won", "lost")


@main.group()
def watch() -> None:
    """Trademark watch: screen trademark gazettes for marks that use protected GIs, with each
    opposition deadline, and track what was done with every finding.

    Example: giscope watch scan gazette.csv --in CN --published 2026-11-30
    """


PROGRESS_OVER = 1000  # marks: a smaller gazette is screened before a bar would be worth drawing


class _Progress:
    """A progress bar on stderr (stdout stays the table or the JSON) for a gazette of more than
    PROGRESS_OVER marks; drawn from the first mark screened, closed once the last one is."""

    def __init__(self) -> None:
        self.bar: Any = None  # click's ProgressBar, entered by hand
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_OVER or done <= self.shown:  # (a pool that stopped starts again here)
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label=say("cli.watch.progress", current_lang()), file=sys.stderr
            )
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _days(left: int | None, lang: str) -> str:
    if left is None:
        return "—"
    return (
        say("cli.watch.days_left", lang, days=left)
        if left >= 0
        else say("cli.watch.days_ago", lang, days=-left)
    )


_FOUND = re.compile(
    r"^found in gazette (?P<gazette>.+) \((?P<jurisdiction>\w+), published (?P<published>[\d-]+)\): "
    r"(?P<severity>\w+)$"
)


def _note(note: str | None, lang: str) -> str:
    """A finding's history note: the one the scan writes (watch.trademarks.services) in the language."""
    found = _FOUND.match(note or "") if lang == "zh" else None
    if found is None:
        return note or ""
    parts = found.groupdict()
    return say("cli.watch.found_note", lang, **{**parts, "severity": severity_word(parts["severity"], lang)})


def headers(keys: tuple[str, ...], lang: str) -> list[str]:
    return [say(f"cli.watch.{key}", lang) for key in keys]  # cli.watch.id .application .mark …


@watch.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--in", "jurisdiction", metavar="J", required=True, help="Gazette's jurisdiction: CN, EU, FR, TH."
)
@click.option(
    "--published", metavar="YYYY-MM-DD", help="Publication date (or a publication_date column per row)."
)
@click.option("--gazette", metavar="ID", help="Gazette issue, e.g. CN-TM-2026-45 (default: the file name).")
@click.option(
    "--min-severity",
    type=click.Choice(["low", "medium", "high"]),
    default="medium",
    show_default=True,
    help="Store findings at least this severe.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scan and its findings as JSON.")
@lang_option("Language of the output and of the legal bases stored with new findings.")
@pass_ctx
@handles_errors
def scan(
    ctx: Context,
    file: Path,
    jurisdiction: str,
    published: str | None,
    gazette: str | None,
    min_severity: str,
    as_json: bool,
    lang: str,
) -> None:
    """Screen every mark of a trademark gazette (CSV or XLSX: application_no, mark, classes, applicant;
    optional goods, filing_date, publication_date) against the GIs protected or pending in J. The mark's
    Nice classes decide like goods; a well-known mark reaches other classes. Findings are stored with
    their opposition deadline (and listed by `giscope deadlines`); a re-scan adds nothing twice.

    Example: giscope watch scan gazette.csv --in CN --published 2026-11-30 --gazette CN-TM-2026-45
    """
    from gi_lists.services import coverage
    from storage.clock import now_iso, today_iso
    from watch.trademarks.services import scan_gazette

    db = ctx.db()
    today = today_iso()
    progress = _Progress()
    try:
        result = scan_gazette(
            db,
            file,
            jurisdiction,
            published=published,
            gazette=gazette,
            min_severity=min_severity,
            who=ctx.who(),
            at=now_iso(),
            today=today,
            lang=lang,
            progress=progress,
        )
    finally:
        progress.close()
    ctx.deliver_alerts()
    covered = coverage(db, result.jurisdiction)
    if as_json:
        echo_json({**result.to_dict(today), "coverage": covered.to_dict()})
        return
    click.echo(say("cli.check.note", lang, note=covered.text(lang)), err=True)
    rows = [
        (
            f.id,
            f.application_no,
            f.mark,
            ";".join(map(str, f.classes)),
            f.gi_id,
            severity_word(f.severity, lang),
            hit_kind_word(f.kind, lang),
            f.opposition_deadline or "—",
            _days(f.days_left(today), lang),
            state_word(f.state, lang),
        )
        for f in result.findings
    ]
    if rows:
        keys = ("id", "application", "mark", "classes", "gi", "severity", "kind", "deadline", "left", "state")
        print_table(headers(keys, lang), rows, max_width=32)
    rule = result.rule
    click.echo(
        say(
            "cli.watch.scanned",
            lang,
            gazette=result.gazette,
            jurisdiction=result.jurisdiction,
            marks=result.marks,
            findings=len(result.findings),
            severity=severity_word(min_severity, lang),
            added=result.added,
        )
    )
    if not rule.known:
        period = say("cli.watch.period_unknown", lang)
    elif rule.months:
        period = say("cli.watch.months", lang, months=rule.months)
    else:
        period = say("cli.watch.days", lang, days=rule.days)
    basis = rule.basis_zh if lang == "zh" and rule.basis_zh else rule.basis
    if lang == "zh" and not rule.known:
        basis = say("cli.watch.no_rule", lang)
    level = confidence_word(rule.confidence, lang)
    click.echo(say("cli.watch.period", lang, period=period, basis=basis, confidence=level))


@watch.command("list")
@click.option("--state", type=click.Choice(STATES), help="Only findings in this state.")
@click.option("--gi", "gi_id", metavar="ID", help="Only findings against this GI.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--today", metavar="DATE", help="Date to count days left from (default: today).")
@lang_option()
@pass_ctx
@handles_errors
def list_(
    ctx: Context, state: str | None, gi_id: str | None, as_json: bool, today: str | None, lang: str
) -> None:
    """Stored findings of the trademark watch, the nearest opposition deadline first, with days left.

    Example: giscope watch list --state new --gi fr-champagne
    """
    from cli.law import _today
    from storage.clock import now_iso
    from watch.deadlines import refresh_deadline_alerts
    from watch.trademarks.services import list_findings

    day = _today(today)
    db = ctx.db()
    if today is None:  # a what-if date never changes the alert feed
        refresh_deadline_alerts(db, today=day, at=now_iso())
        ctx.deliver_alerts()
    items = list_findings(db, state=state, gi_id=gi_id)
    if as_json:
        echo_json([f.to_dict(day) for f in items])
        return
    if not items:
        click.echo(say("cli.watch.no_finding", lang))
        return
    print_table(
        headers(
            ("id", "gazette", "application", "mark", "gi", "severity", "deadline", "left", "state"), lang
        ),
        [
            (
                f.id,
                f.gazette,
                f.application_no,
                f.mark,
                f.gi_id,
                severity_word(f.severity, lang),
                f.opposition_deadline or "—",
                _days(f.days_left(day), lang),
                state_word(f.state, lang),
            )
            for f in items
        ],
        max_width=32,
    )


@watch.command("set")
@click.argument("finding_id", metavar="ID", type=int)
@click.option("--state", type=click.Choice(STATES), required=True, help="The finding's new state.")
@click.option("--note", required=True, help="Why (kept in the finding's history with who and when).")
@click.option("--json", "as_json", is_flag=True, help="Print the finding and its history as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def set_(ctx: Context, finding_id: int, state: str, note: str, as_json: bool, lang: str) -> None:
    """Record what was done with a finding (reviewed, opposed, dismissed, won, lost), and why.

    Example: giscope watch set 12 --state opposed --note "opposition filed by CIVC, 2026-12-10"
    """
    from storage.clock import now_iso, today_iso
    from watch.trademarks.services import set_finding_state

    finding, history = set_finding_state(
        ctx.db(), finding_id, state=state, note=note, who=ctx.who(), at=now_iso(), today=today_iso()
    )
    ctx.deliver_alerts()
    if as_json:
        echo_json({**finding.to_dict(today_iso()), "history": [h.to_dict() for h in history]})
        return
    click.echo(
        say(
            "cli.watch.set",
            lang,
            id=finding.id,
            mark=finding.mark,
            gi=finding.gi_id,
            state=state_word(state, lang),
        )
    )
    for h in history:
        before = state_word(h.before, lang) if h.before else "—"
        who, note = escaped(h.who), escaped(_note(h.note, lang))
        click.echo(f"  {h.at}  {who}: {before} -> {state_word(h.after, lang)}  {note}")
