"""`giscope show`: one GI whole, for people, in English or Chinese (names, protections, notes, history);
`giscope search`: a list of GIs, a line each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from cli.output import print_table
from escaping import escaped
from wording import (
    agreement_name,
    annex_code,
    confidence_word,
    name_kind_text,
    note_text,
    origin_text,
    product_class_word,
    say,
    status_word,
)
from wording_register import (
    key_text,
    language_word,
    protections_cell,
    route_word,
    script_word,
    value_word,
    what_text,
)

if TYPE_CHECKING:
    from gi_lists.model import GI
    from gi_lists.services import Found

# How the register words the reason of a change it made itself (bootstrap, gi_lists.services,
# gi_lists.live_register); a reason a person wrote stays as written.
_REASONS = (
    (
        re.compile(
            r"^bundled reference data home protection \(inferred from the lists\) \((?P<list>[^)]+)\)$"
        ),
        "cli.show.reason_home",
    ),
    (re.compile(r"^bundled reference data (?P<file>\S+) \((?P<list>[^)]+)\)$"), "cli.show.reason_bundled"),
    (re.compile(r"^batch (?P<file>\S+) \((?P<list>[^)]+)\)$"), "cli.show.reason_batch"),
    (re.compile(r"^EU register refresh \((?P<label>.+), as of (?P<as_of>[^)]+)\)$"), "cli.show.reason_eu"),
)


def reason_text(reason: str | None, lang: str) -> str:
    if not reason or lang != "zh":
        return reason or ""
    for pattern, key in _REASONS:
        found = pattern.match(reason)
        if found:
            return say(key, lang, **found.groupdict())
    return reason


def show_gi(gi: GI, lang: str) -> None:
    zh = lang == "zh"
    click.echo(f"{gi.display_name}  [{gi.id}]")
    origin = origin_text(gi.origin, gi.region, lang)
    click.echo(
        say(
            "cli.show.class_origin",
            lang,
            product_class=product_class_word(gi.product_class, lang),
            origin=origin,
        )
    )
    click.echo("")
    print_table(
        [
            say("cli.show.name", lang),
            say("cli.show.kind", lang),
            say("cli.show.lang", lang),
            say("cli.show.script", lang),
        ],
        [
            (
                n.text,
                name_kind_text(n.kind, None, lang),
                language_word(n.lang, lang),
                script_word(n.script, lang),
            )
            for n in gi.names
        ],
    )
    click.echo("")
    headers = ("in", "route", "agreement", "annex", "file", "status", "since", "confidence", "source")
    print_table(
        [say(f"cli.show.{h}", lang) for h in headers],  # cli.show.in .route .agreement … .source
        [
            (
                p.jurisdiction,
                route_word(p.route, lang),
                agreement_name(p.agreement, lang) if zh and p.agreement else p.agreement,
                annex_code(p.annex, lang) if p.annex else p.annex,
                p.reference,
                status_word(p.status, lang),
                p.since,
                confidence_word(p.confidence, lang) if zh else p.confidence,
                p.source,
            )
            for p in gi.protections
        ],
        max_width=70,
    )
    for p in gi.protections:
        if p.note:
            click.echo(
                say("cli.show.note", lang, key=key_text(p.key_text, lang), note=note_text(p.note, lang))
            )
    click.echo("")
    click.echo(say("cli.show.history", lang))
    print_table(
        [say(f"cli.show.{h}", lang) for h in ("when", "who", "what", "before", "after", "reason")],
        [
            (
                h.at,
                escaped(h.who),
                what_text(h.what, lang),
                escaped(value_word(h.before, lang) if zh else h.before),
                escaped(value_word(h.after, lang) if zh else h.after),
                escaped(reason_text(h.reason, lang)),
            )
            for h in gi.history
        ],
        max_width=50,
    )


def print_found(found: Found, lang: str) -> None:
    """A list or a search's hits as a table (each GI's protections with their routes, each once), then how
    many more there are."""
    scores = [f"{h.score:.2f}" for h in found.hits]
    rows = [
        (
            gi.id,
            gi.display_name,
            product_class_word(gi.product_class, lang),
            gi.origin if lang == "en" else origin_text(gi.origin, None, lang),
            protections_cell(gi.protections, lang),
            *scores[i : i + 1],
        )
        for i, gi in enumerate(found.gis)
    ]
    headers = ("id", "name", "class", "origin", "protections", *(("score",) if scores else ()))
    print_table([say(f"cli.search.{h}", lang) for h in headers], rows, max_width=60)
    if found.total > len(found.gis):
        shown = len(found.gis)
        click.echo(say("cli.search.facets.more", lang, shown=shown, total=found.total, option="--limit"))
