"""Screening commands: check labels, scan a proposed list."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.output import echo_json
from wording import LABELS


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
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of legal bases.",
)
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
    from compare.rules import SEVERITY_RANK
    from compare.services import build_index, check_labels, read_labels
    from errors import RegisterError
    from gi_lists.model import check_jurisdiction
    from gi_lists.services import coverage

    jurisdiction = check_jurisdiction(jurisdiction)
    items = list(labels)
    if file is not None:
        items += read_labels(file)
    items = [label for label in items if label.strip()]
    if not items:
        raise RegisterError("give labels to check, or --file FILE")
    index = build_index(ctx.db())
    if len(items) > 20 and not as_json or len(items) > 200:
        with click.progressbar(length=len(items), label="checking", file=sys.stderr) as bar:
            results = check_labels(
                index, items, jurisdiction, product_class=product_class, lang=lang, progress=bar.update
            )
    else:
        results = check_labels(index, items, jurisdiction, product_class=product_class, lang=lang)
    covered = coverage(ctx.db(), jurisdiction)
    if as_json:
        echo_json([{**r.to_dict(), "coverage": covered.to_dict()} for r in results])
    else:
        click.echo("note: " + covered.text(lang), err=True)
        for r in results:
            click.echo(f"{r.label}  [{r.jurisdiction}]")
            if not r.matches:
                click.echo("  no conflict found")
                continue
            for m in r.matches:
                click.echo(
                    f"  {m.severity:<6} {m.kind:<18} {m.score:.2f}  {m.gi.id}  {m.matched_form}  "
                    f"(confidence {m.confidence})"
                )
                click.echo(f"         {m.reason}")
                click.echo(f"         {LABELS[lang]['basis']}: {m.legal_basis}")
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
@pass_ctx
@handles_errors
def scan(ctx: Context, file: Path, against: str, as_json: bool) -> None:
    """Screen a proposed list (import format) before a negotiation round: names already protected
    there and through which route, conflicts with protected names, homonyms, generic terms and
    duplicates inside the list.

    Example: giscope scan proposed_annex.csv --against EU
    """
    from compare.services import build_index, scan_list
    from gi_lists.model import check_jurisdiction
    from gi_lists.services import coverage

    check_jurisdiction(against)
    index = build_index(ctx.db())
    rows = scan_list(index, file, against)
    if as_json:
        echo_json([r.to_dict() for r in rows])
        return
    click.echo("note: " + coverage(ctx.db(), against).text(), err=True)
    for r in rows:
        click.echo(f"{file.name}:{r.line}  {r.name}  ({r.origin}, {r.product_class})")
        if not r.findings:
            click.echo("  no objection ground found")
        for f in r.findings:
            click.echo(f"  {f.severity:<6} {f.type:<17} {f.detail}")
    flagged = sum(1 for r in rows if r.objectionable)
    click.echo(f"{len(rows)} rows; {flagged} with possible objection grounds")
