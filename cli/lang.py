"""The language of what the giscope command prints for people: one `--lang en|zh` option for every
command that prints prose or tables (its default GISCOPE_LANG, read when the command runs), and the
register's own words (fields, routes, states, kinds) in that language. Phrases come from the catalogue
(data/phrases/*.toml, tables [cli] and [cli.*]); JSON output never changes with the language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
LANG_META = "giscope.lang"  # where the chosen language waits for the error handler and alert delivery


def default_lang() -> str:
    """GISCOPE_LANG, read now (not when the module was imported)."""
    from config import Settings

    return Settings.from_env().lang


def _remember(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta[LANG_META] = value
    return value


def lang_option(
    help: str = "Language of the output for people (tables, messages); JSON stays as it is.",
) -> Callable[[F], F]:
    """The one --lang option: en or zh, by default GISCOPE_LANG (else en)."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "zh"]),
        default=default_lang,
        callback=_remember,
        show_default="GISCOPE_LANG, else en",
        help=help,
    )


def current_lang() -> str:
    """The language of the command running now: its --lang, else GISCOPE_LANG."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and LANG_META in ctx.meta:
        return str(ctx.meta[LANG_META])
    return default_lang()
