"""Trademark-watch subscriptions: tell a producer group or exporter of new findings against their GI."""

from __future__ import annotations

import click

from cli.app import Context, handles_errors, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json, print_table
from cli.watch import headers, watch
from wording import say
from wording_register import value_word


@watch.command()
@click.option("--gi", "gi_id", metavar="ID", required=True, help="The GI to follow (its id).")
@click.option("--email", metavar="ADDR", help="E-mail address to tell (through GISCOPE_SMTP_HOST).")
@click.option("--webhook", metavar="URL", help="URL to POST each new finding to, as JSON.")
@click.option("--json", "as_json", is_flag=True, help="Print the subscription as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def subscribe(
    ctx: Context, gi_id: str, email: str | None, webhook: str | None, as_json: bool, lang: str
) -> None:
    """Tell a producer group or exporter of every new trademark finding of medium severity or above
    against their GI, by e-mail or webhook. Messages are sent after each scan has stored its findings;
    one that cannot be sent is retried later (`giscope alerts --deliver`).

    Example: giscope watch subscribe --gi fr-champagne --email watch@champagne.example
    """
    from storage.clock import now_iso
    from watch.push import subscribe as add_subscription

    if email is not None and webhook is not None:
        raise click.UsageError(say("cli.watch.not_both", lang, email="--email", webhook="--webhook"))
    if email is None and webhook is None:
        raise click.UsageError(say("cli.watch.either", lang, email="--email ADDR", webhook="--webhook URL"))
    sub, new = add_subscription(ctx.db(), gi_id, email=email, webhook=webhook, who=ctx.who(), at=now_iso())
    if as_json:
        echo_json({**sub.to_dict(), "new": new})
    else:
        verb = say("cli.watch.subscribed" if new else "cli.watch.already", lang)
        channel = value_word(sub.channel, lang)
        click.echo(
            say(
                "cli.watch.subscription",
                lang,
                id=sub.id,
                gi=sub.gi_id,
                channel=channel,
                address=sub.shown_address,
                verb=verb,
            )
        )
    if sub.channel == "email" and not ctx.settings.smtp_host:
        click.echo("giscope: " + say("cli.watch.no_smtp", lang, setting="GISCOPE_SMTP_HOST"), err=True)


@watch.command()
@click.option("--gi", "gi_id", metavar="ID", help="Only subscriptions to this GI.")
@click.option("--json", "as_json", is_flag=True, help="Print the subscriptions as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def subscriptions(ctx: Context, gi_id: str | None, as_json: bool, lang: str) -> None:
    """The subscriptions to new trademark findings, with the messages each still has waiting.

    Example: giscope watch subscriptions --json
    """
    from watch.push import list_subscriptions

    items = list_subscriptions(ctx.db(), gi_id=gi_id)
    if as_json:
        echo_json([s.to_dict() for s in items])
        return
    if not items:
        click.echo(say("cli.watch.no_subscription", lang))
        return
    print_table(
        headers(("id", "gi", "channel", "address", "since", "waiting", "last_error"), lang),
        [
            (
                s.id,
                s.gi_id,
                value_word(s.channel, lang),
                s.shown_address,
                s.created_at[:10],
                s.pending,
                s.last_error or "",
            )
            for s in items
        ],
        max_width=40,
    )


@watch.command()
@click.argument("subscription_id", metavar="ID", type=int)
@lang_option()
@pass_ctx
@handles_errors
def unsubscribe(ctx: Context, subscription_id: int, lang: str) -> None:
    """End a subscription (messages it still had waiting are dropped).

    Example: giscope watch unsubscribe 3
    """
    from watch.push import unsubscribe as end_subscription

    sub = end_subscription(ctx.db(), subscription_id, who=ctx.who())
    channel = value_word(sub.channel, lang)
    click.echo(
        say(
            "cli.watch.unsubscribed",
            lang,
            id=sub.id,
            gi=sub.gi_id,
            channel=channel,
            address=sub.shown_address,
        )
    )
