"""Accounts: `giscope user add|list|disable|enable|role|password|token`.

A password is asked twice (hidden) or read as one line from stdin with --password-stdin; never an
option, so it never shows in the process list or the shell history. While no account exists anyone may
add the first one, which is an admin; after that only an admin may manage accounts.
"""

from __future__ import annotations

import sys

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json, print_table
from errors import AccountError
from wording import say

ROLE_CHOICE = click.Choice(["viewer", "editor", "admin"])


@main.group()
def user() -> None:
    """Accounts and their roles: viewer (reads), editor (imports, edits, watch states, translations),
    admin (also manages accounts). With no account GIScope is single-user: anyone may edit.

    Example: giscope user add ana --role editor
    """


def _password(from_stdin: bool, lang: str) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise AccountError("--password-stdin read no password: give it as one line on stdin")
        return password
    if not sys.stdin.isatty():
        raise AccountError("no terminal to ask the password on: give it as one line with --password-stdin")
    return str(
        click.prompt(
            say("cli.user.password", lang),
            hide_input=True,
            confirmation_prompt=say("cli.user.repeat", lang),
        )
    )


_STDIN_HELP = "Read the password as one line from stdin (for scripts) instead of asking for it."


@user.command()
@click.argument("name")
@click.option(
    "--role",
    type=ROLE_CHOICE,
    help="viewer, editor or admin. The first account of a register is always an admin (leave --role out).",
)
@click.option("--password-stdin", "from_stdin", is_flag=True, help=_STDIN_HELP)
@lang_option()
@pass_ctx
@handles_errors
def add(ctx: Context, name: str, role: str | None, from_stdin: bool, lang: str) -> None:
    """Add an account; its password is asked twice (hidden), or read from stdin with --password-stdin.

    The first account (none exists yet) may be added by anyone and is an admin: from then on editing
    needs an editor account, and managing accounts an admin (GISCOPE_USER or GISCOPE_TOKEN says who you
    are).

    Example: giscope user add ana --role editor
    """
    from accounts.services import add_account

    db = ctx.db()
    password = _password(from_stdin, lang)
    account = add_account(db, name, role, password, who=ctx.who())
    click.echo(say("cli.user.added", lang, name=account.name, role=account.role))


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the accounts as JSON.")
@lang_option()
@pass_ctx
@handles_errors
def list_(ctx: Context, as_json: bool, lang: str) -> None:
    """The accounts, their roles and states (admins only, once accounts exist).

    Example: giscope user list
    """
    from accounts.services import list_accounts

    accounts = list_accounts(ctx.db(), who=ctx.who())
    if as_json:
        echo_json([a.to_dict() for a in accounts])
        return
    if not accounts:
        click.echo(say("cli.user.none", lang, command="giscope user add NAME"))
        return
    state = {True: say("cli.user.disabled_state", lang), False: say("cli.user.enabled_state", lang)}
    print_table(
        [say(f"cli.user.col.{c}", lang) for c in ("name", "role", "state", "token", "created")],
        [
            (a.name, a.role, state[a.disabled], "✓" if a.has_token else "", a.created_at[:10])
            for a in accounts
        ],
    )


@user.command()
@click.argument("name")
@lang_option()
@pass_ctx
@handles_errors
def disable(ctx: Context, name: str, lang: str) -> None:
    """Disable an account: it can no longer sign in nor act (its sessions and token stop working).

    Example: giscope user disable ana
    """
    from accounts.services import set_disabled

    account = set_disabled(ctx.db(), name, True, who=ctx.who())
    click.echo(say("cli.user.disabled", lang, name=account.name))


@user.command()
@click.argument("name")
@lang_option()
@pass_ctx
@handles_errors
def enable(ctx: Context, name: str, lang: str) -> None:
    """Enable a disabled account again (and unlock one locked by failed sign-ins).

    Example: giscope user enable ana
    """
    from accounts.services import set_disabled

    account = set_disabled(ctx.db(), name, False, who=ctx.who())
    click.echo(say("cli.user.enabled", lang, name=account.name))


@user.command()
@click.argument("name")
@click.argument("role", type=ROLE_CHOICE)
@lang_option()
@pass_ctx
@handles_errors
def role(ctx: Context, name: str, role: str, lang: str) -> None:
    """Give an account another role (viewer, editor or admin).

    Example: giscope user role ana admin
    """
    from accounts.services import set_role

    account = set_role(ctx.db(), name, role, who=ctx.who())
    click.echo(say("cli.user.role", lang, name=account.name, role=account.role))


@user.command()
@click.argument("name")
@click.option("--password-stdin", "from_stdin", is_flag=True, help=_STDIN_HELP)
@lang_option()
@pass_ctx
@handles_errors
def password(ctx: Context, name: str, from_stdin: bool, lang: str) -> None:
    """Set a new password (an admin for anyone, or an account for itself); signs its sessions out.

    Example: giscope user password ana
    """
    from accounts.services import set_password

    db = ctx.db()
    who = ctx.who()
    new = _password(from_stdin, lang)
    account = set_password(db, name, new, who=who)
    click.echo(say("cli.user.password_set", lang, name=account.name))


@user.command()
@click.argument("name")
@lang_option()
@pass_ctx
@handles_errors
def token(ctx: Context, name: str, lang: str) -> None:
    """Make a new token for an account (admins only) and print it once: set GISCOPE_TOKEN to it and the
    command acts as that account. Only its hash is kept; the account's previous token stops working.

    Example: giscope user token ci-bot
    """
    from accounts.services import new_token

    secret = new_token(ctx.db(), name, who=ctx.who())
    click.echo(secret)
    click.echo("giscope: " + say("cli.user.token_once", lang, name=name, setting="GISCOPE_TOKEN"), err=True)
