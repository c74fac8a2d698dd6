"""Screening commands: check labels, scan a proposed list."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import lang_option
from cli.output import echo_json, fail, pad
from wording import (
    LABELS,
    confidence_word,
    finding_word,
    hit_kind_word,
    origin_text,
    product_class_word,
    say,
    severity_word,
)

if TYPE_CHECKING:
    from compare.conflicts import ConflictIndex


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
@lang_option("Language of the output and of legal bases (--json too).")
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
    from compare.index_cache import wait_for_saves
    from compare.services import build_index, read_labels
    from gi_lists.model import check_jurisdiction

    jurisdiction = check_jurisdiction(jurisdiction)
    items = list(labels)
    if file is not None:
        items += read_labels(file)
    items = [label for label in items if label.strip()]
    if not items:
        fail(say("cli.check.no_labels", lang, option="--file FILE"))
    # a new index file is written by a child while the labels are screened (waited for before the end)
    index = build_index(ctx.db(), background_save=True)
    try:
        _check(ctx, index, items, jurisdiction, product_class, as_json, fail_on, lang)
    finally:
        wait_for_saves()


def _check(
    ctx: Context,
    index: ConflictIndex,
    items: list[str],
    jurisdiction: str,
    product_class: str | None,
    as_json: bool,
    fail_on: str | None,
    lang: str,
) -> None:
    from compare.rules import SEVERITY_RANK
    from compare.services import check_labels
    from gi_lists.services import coverage
    from loading import long_lived_heap

    with long_lived_heap():  # the index lives as long as the command
        if len(items) > 20 and not as_json or len(items) > 200:
            with click.progressbar(
                length=len(items), label=say("cli.check.progress", lang), file=sys.stderr
            ) as bar:
                results = check_labels(
                    index, items, jurisdiction, product_class=product_class, lang=lang, progress=bar.update
                )
        else:
            results = check_labels(index, items, jurisdiction, product_class=product_class, lang=lang)
    covered = coverage(ctx.db(), jurisdiction)
    if as_json:
        echo_json([{**r.to_dict(), "coverage": covered.to_dict()} for r in results])
    else:
        click.echo(say("cli.check.note", lang, note=covered.text(lang)), err=True)
        for r in results:
            click.echo(f"{r.label}  [{r.jurisdiction}]")
            if not r.matches:
                click.echo(say("cli.check.none", lang))
                continue
            for m in r.matches:
                confidence = say("cli.check.confidence", lang, level=confidence_word(m.confidence, lang))
                click.echo(
                    f"  {pad(severity_word(m.severity, lang), 6)} {pad(hit_kind_word(m.kind, lang), 18)} "
                    f"{m.score:.2f}  {m.gi.id}  {m.matched_form}  {confidence}"
                )
                click.echo(f"         {m.reason}")
                colon = "：" if lang == "zh" else ": "
                click.echo(f"         {LABELS[lang]['basis']}{colon}{m.legal_basis}")
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
@lang_option("Language of the output for people (--json stays in English).")
@pass_ctx
@handles_errors
def scan(ctx: Context, file: Path, against: str, as_json: bool, lang: str) -> None:
    """Screen a proposed list (import format) before a negotiation round: names already protected
    there and through which route, conflicts with protected names, homonyms, generic terms and
    duplicates inside the list.

    Example: giscope scan proposed_annex.csv --against EU
    """
    from compare.index_cache import wait_for_saves
    from compare.services import build_index, scan_list
    from gi_lists.model import check_jurisdiction
    from gi_lists.services import coverage

    check_jurisdiction(against)
    index = build_index(ctx.db(), background_save=True)
    try:
        rows = scan_list(index, file, against, lang="en" if as_json else lang)  # JSON details: English
    finally:
        wait_for_saves()
    if as_json:
        echo_json([r.to_dict() for r in rows])
        return
    click.echo(say("cli.check.note", lang, note=coverage(ctx.db(), against).text(lang)), err=True)
    for r in rows:
        what = say(
            "cli.scan.row_of",
            lang,
            origin=origin_text(r.origin, None, lang) if lang == "zh" else r.origin,
            product_class=product_class_word(r.product_class, lang),
        )
        click.echo(f"{file.name}:{r.line}  {r.name}  {what}")
        if not r.findings:
            click.echo(say("cli.scan.none", lang))
        for f in r.findings:
            severity, kind = pad(severity_word(f.severity, lang), 6), pad(finding_word(f.type, lang), 17)
            click.echo(f"  {severity} {kind} {f.detail}")
    flagged = sum(1 for r in rows if r.objectionable)
    click.echo(say("cli.scan.summary", lang, rows=len(rows), flagged=flagged))
