"""Trademark watch commands: scan a trademark gazette, list the findings, record what was done."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.output import echo_json, print_table

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
            self.bar = click.progressbar(length=total, label="screening marks", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _days(left: int | None) -> str:
    if left is None:
        return "—"
    return f"{left} d" if left >= 0 else f"{-left} d ago"


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
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of legal bases.",
)
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
            who=ctx.settings.user,
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
    click.echo("note: " + covered.text(lang), err=True)
    rows = [
        (
            f.id,
            f.application_no,
            f.mark,
            ";".join(map(str, f.classes)),
            f.gi_id,
            f.severity,
            f.kind,
            f.opposition_deadline or "—",
            _days(f.days_left(today)),
            f.state,
        )
        for f in result.findings
    ]
    if rows:
        print_table(
            ["id", "application", "mark", "classes", "GI", "severity", "kind", "deadline", "left", "state"],
            rows,
            max_width=32,
        )
    rule = result.rule
    click.echo(
        f"gazette {result.gazette} ({result.jurisdiction}): {result.marks} marks screened; "
        f"{len(result.findings)} findings at {min_severity} or above, {result.added} new"
    )
    click.echo(
        f"opposition period: {rule.period if rule.known else 'unknown'}; {rule.basis} "
        f"(confidence: {rule.confidence})"
    )


@watch.command("list")
@click.option("--state", type=click.Choice(STATES), help="Only findings in this state.")
@click.option("--gi", "gi_id", metavar="ID", help="Only findings against this GI.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--today", metavar="DATE", help="Date to count days left from (default: today).")
@pass_ctx
@handles_errors
def list_(ctx: Context, state: str | None, gi_id: str | None, as_json: bool, today: str | None) -> None:
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
        click.echo("no finding")
        return
    print_table(
        ["id", "gazette", "application", "mark", "GI", "severity", "deadline", "left", "state"],
        [
            (
                f.id,
                f.gazette,
                f.application_no,
                f.mark,
                f.gi_id,
                f.severity,
                f.opposition_deadline or "—",
                _days(f.days_left(day)),
                f.state,
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
@pass_ctx
@handles_errors
def set_(ctx: Context, finding_id: int, state: str, note: str, as_json: bool) -> None:
    """Record what was done with a finding (reviewed, opposed, dismissed, won, lost), and why.

    Example: giscope watch set 12 --state opposed --note "opposition filed by CIVC, 2026-12-10"
    """
    from storage.clock import now_iso, today_iso
    from watch.trademarks.services import set_finding_state

    finding, history = set_finding_state(
        ctx.db(), finding_id, state=state, note=note, who=ctx.settings.user, at=now_iso(), today=today_iso()
    )
    ctx.deliver_alerts()
    if as_json:
        echo_json({**finding.to_dict(today_iso()), "history": [h.to_dict() for h in history]})
        return
    click.echo(f"finding {finding.id} ({finding.mark} / {finding.gi_id}): {state}")
    for h in history:
        click.echo(f"  {h.at}  {h.who}: {h.before or '—'} -> {h.after}  {h.note}")


@watch.command()
@click.option("--gi", "gi_id", metavar="ID", required=True, help="The GI to follow (its id).")
@click.option("--email", metavar="ADDR", help="E-mail address to tell (through GISCOPE_SMTP_HOST).")
@click.option("--webhook", metavar="URL", help="URL to POST each new finding to, as JSON.")
@click.option("--json", "as_json", is_flag=True, help="Print the subscription as JSON.")
@pass_ctx
@handles_errors
def subscribe(ctx: Context, gi_id: str, email: str | None, webhook: str | None, as_json: bool) -> None:
    """Tell a producer group or exporter of every new trademark finding of medium severity or above
    against their GI, by e-mail or webhook. Messages are sent after each scan has stored its findings;
    one that cannot be sent is retried later (`giscope alerts --deliver`).

    Example: giscope watch subscribe --gi fr-champagne --email watch@champagne.example
    """
    from storage.clock import now_iso
    from watch.push import subscribe as add_subscription

    if email is not None and webhook is not None:
        raise click.UsageError("give --email or --webhook, not both")
    if email is None and webhook is None:
        raise click.UsageError("give --email ADDR or --webhook URL")
    sub, new = add_subscription(
        ctx.db(), gi_id, email=email, webhook=webhook, who=ctx.settings.user, at=now_iso()
    )
    if as_json:
        echo_json({**sub.to_dict(), "new": new})
    else:
        verb = "subscribed" if new else "already subscribed"
        click.echo(f"subscription {sub.id}: {sub.gi_id} -> {sub.channel} {sub.address} ({verb})")
    if sub.channel == "email" and not ctx.settings.smtp_host:
        click.echo("giscope: GISCOPE_SMTP_HOST is not set; e-mails wait until it is", err=True)


@watch.command()
@click.option("--gi", "gi_id", metavar="ID", help="Only subscriptions to this GI.")
@click.option("--json", "as_json", is_flag=True, help="Print the subscriptions as JSON.")
@pass_ctx
@handles_errors
def subscriptions(ctx: Context, gi_id: str | None, as_json: bool) -> None:
    """The subscriptions to new trademark findings, with the messages each still has waiting.

    Example: giscope watch subscriptions --json
    """
    from watch.push import list_subscriptions

    items = list_subscriptions(ctx.db(), gi_id=gi_id)
    if as_json:
        echo_json([s.to_dict() for s in items])
        return
    if not items:
        click.echo("no subscription")
        return
    print_table(
        ["id", "GI", "channel", "address", "since", "waiting", "last error"],
        [
            (s.id, s.gi_id, s.channel, s.address, s.created_at[:10], s.pending, s.last_error or "")
            for s in items
        ],
        max_width=40,
    )


@watch.command()
@click.argument("subscription_id", metavar="ID", type=int)
@pass_ctx
@handles_errors
def unsubscribe(ctx: Context, subscription_id: int) -> None:
    """End a subscription (messages it still had waiting are dropped).

    Example: giscope watch unsubscribe 3
    """
    from watch.push import unsubscribe as end_subscription

    sub = end_subscription(ctx.db(), subscription_id)
    click.echo(f"unsubscribed {sub.id}: {sub.gi_id} -> {sub.channel} {sub.address}")
