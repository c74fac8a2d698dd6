"""The giscope group, its context (settings read once, one database) and the error handling every
command shares.

Errors a user can cause print one clear line on stderr and exit 1 (2 for usage errors): a
`GIScopeError`, a database that cannot be reached or stays locked, and an output pipe closed early
(`giscope export --format json | head -1`). Nothing here imports a heavy library: each command imports
what it needs when it runs, so `giscope --help` starts at once.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cli.lang import current_lang
from cli.output import escaped_stdout, fail
from config import Settings, lock_wait_seconds
from errors import AccessError, GIScopeError, InputError
from escaping import escaped
from phrases import message_line, message_text
from wording import say

F = TypeVar("F", bound=Callable[..., Any])


def _database_error(exc: BaseException, lang: str) -> str | None:
    """The one-line message for a database driver's error (sqlite3, psycopg), or None."""
    from storage.db import driver_errors, is_busy, one_line

    if not isinstance(exc, driver_errors()):
        return None
    if is_busy(exc):
        return say("cli.error.locked", lang)
    return say("cli.error.database", lang, detail=one_line(exc), command="giscope init")


def _output_closed() -> None:
    """The reader of our output went away (`| head -1`): say so once, and keep Python from printing
    a second error when it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    with contextlib.suppress(OSError):
        click.echo("giscope: " + say("cli.error.output_closed", current_lang()), err=True)
    sys.exit(1)


def handles_errors(func: F) -> F:
    """Turn the errors a user can cause into one message and exit 1, never a traceback (in the command's
    language: a service's English message reads in Chinese where phrases.message_text knows it)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with escaped_stdout():
                return func(*args, **kwargs)
        except InputError as exc:
            lang = current_lang()
            for problem in exc.problems:
                click.echo(escaped(message_line(problem, lang), keep_breaks=True), err=True)
            if len(exc.problems) > 1:
                click.echo("giscope: " + say("cli.error.problems", lang, count=len(exc.problems)), err=True)
            sys.exit(1)
        except GIScopeError as exc:
            fail(message_text(str(exc), current_lang()))
        except BrokenPipeError:
            _output_closed()
        except Exception as exc:
            message = _database_error(exc, current_lang())
            if message is None:
                raise
            fail(message)

    return wrapper  # type: ignore[return-value]


class Context:
    def __init__(self) -> None:
        self.settings = Settings.from_env()
        self._db: Any = None

    def db(self, *, check_schema: bool = True) -> Any:
        """The register's database (checked to be initialised and current, unless asked not to)."""
        from storage.db import Database
        from storage.migrate import ensure_current

        if self._db is None:
            self._db = Database(
                self.settings.database_url,
                cache_dir=self.settings.cache_dir,
                lock_wait_s=lock_wait_seconds(self.settings.lock_wait),
            )
        if check_schema:
            ensure_current(self._db)
        return self._db

    def who(self, *, by: str | None = None) -> str:
        """The account the command acts as: GISCOPE_TOKEN's (which must match an enabled account), else
        `by` (a command's --by) or GISCOPE_USER or the login name. The write services check that it may
        (accounts.services.authorise)."""
        if self.settings.token:
            from accounts.services import token_account

            name = token_account(self.db(), self.settings.token).name
            if by and by != name:
                raise AccessError(f"--by {by} is not the account of GISCOPE_TOKEN ({name})")
            return name
        return by or self.settings.user

    def deliver_alerts(self) -> None:
        """Send new alerts to the outbox file and the webhook, when they are set, and the messages
        subscribers wait for (`giscope watch subscribe`), after the command's own transaction has
        committed. A failure is reported on stderr and kept for later; the command has succeeded."""
        s = self.settings
        if self._db is None:
            return
        lang = current_lang()
        from storage.db import driver_errors

        failures: tuple[type[BaseException], ...] = (GIScopeError, *driver_errors())
        if s.alert_outbox or s.alert_webhook:
            from watch.outbox import deliver_pending

            try:
                report = deliver_pending(self._db, s)
            except failures as exc:
                click.echo("giscope: " + say("cli.alerts.not_delivered", lang, error=exc), err=True)
            else:
                if report.left:
                    click.echo(
                        "giscope: " + say("delivery.stopped", lang, error=report.error, left=report.left),
                        err=True,
                    )
                elif report.failed:
                    click.echo(
                        "giscope: "
                        + say("cli.alerts.some_not_delivered", lang, count=report.failed, error=report.error),
                        err=True,
                    )
        from watch.push import deliver_pushes

        try:
            pushed = deliver_pushes(self._db, s)
        except failures as exc:
            click.echo("giscope: " + say("cli.alerts.push_not_sent", lang, error=exc), err=True)
            return
        if pushed.failed:
            count = pushed.failed + pushed.left
            click.echo(
                "giscope: " + say("cli.alerts.some_push_not_sent", lang, count=count, error=pushed.error),
                err=True,
            )


pass_ctx = click.make_pass_decorator(Context, ensure=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="giscope")
def main() -> None:
    """GIScope: China's international GI lists, in one register.

    Settings come from the environment (see `giscope settings`).

    Example: giscope init && giscope search 香槟
    """
