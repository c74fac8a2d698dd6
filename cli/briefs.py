"""The PDF briefs: dispute guidance, agreement comparison, screening report, opposition brief."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cli.app import Context, handles_errors, main, pass_ctx
from cli.lang import current_lang, lang_option
from cli.output import fail
from wording import say


@main.group()
def brief() -> None:
    """Print PDF briefings: dispute guidance, agreement comparison, screening report.

    Example: giscope brief dispute --gi 香槟 --in CN --labels labels.txt --lang zh -o champagne_cn.pdf
    """


def _write_pdf(briefing: Any, output: Path) -> None:
    from reports.render import render

    data = render(briefing)  # render first: an error leaves no file behind
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(say("cli.error.cannot_write", current_lang(), file=output, error=exc.strerror))
    click.echo(say("cli.brief.wrote", current_lang(), file=output, kb=len(data) // 1024), err=True)


@brief.command("dispute")
@click.option(
    "--gi", "gi_ref", metavar="ID|NAME", required=True, help="The GI, by id or by any of its names."
)
@click.option("--in", "jurisdiction", metavar="J", required=True, help="Target jurisdiction: CN, EU, FR, TH.")
@click.option(
    "--labels", type=click.Path(path_type=Path, dir_okay=False), help="Labels or marks met there, one a line."
)
@lang_option("Language of the brief (and of the messages).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_dispute(
    ctx: Context, gi_ref: str, jurisdiction: str, labels: Path | None, lang: str, output: Path
) -> None:
    """Dispute guidance for one GI in one jurisdiction.

    Example: giscope brief dispute --gi cn-anxi-tie-guan-yin --in FR -o anxi_fr.pdf
    """
    from briefings.dispute import dispute_brief
    from compare.services import read_labels

    items = read_labels(labels) if labels else []
    briefing = dispute_brief(ctx.db(), gi_ref, jurisdiction, labels=items, lang=lang)
    _write_pdf(briefing, output)


@brief.command("compare")
@click.argument("agreements", nargs=-1, required=True)
@lang_option("Language of the brief (and of the messages).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_compare(ctx: Context, agreements: tuple[str, ...], lang: str, output: Path) -> None:
    """Comparison brief for two to four agreements: key differences pair by pair (TRIPS included), the
    full matrix (landscape), the names on each list.

    Example: giscope brief compare china-eu china-france china-thailand --lang zh -o compare.pdf
    """
    from briefings.comparison import compare_brief

    briefing = compare_brief(ctx.db(), list(agreements), lang=lang)
    _write_pdf(briefing, output)


@brief.command("screening")
@click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Labels (.txt, one a line) or a proposed list (.csv/.xlsx, import format).")  # fmt: skip
@click.option("--in", "jurisdiction", metavar="J", required=True, help="Jurisdiction: CN, EU, FR, TH.")
@lang_option("Language of the brief (and of the messages).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_screening(ctx: Context, file: Path, jurisdiction: str, lang: str, output: Path) -> None:
    """Screening report: the results of `check --file` (a .txt file) or `scan` (a .csv/.xlsx list),
    grouped by severity, with reasons and legal basis.

    Example: giscope brief screening --file labels.txt --in CN -o screening.pdf
    """
    from briefings.screening import screening_brief

    briefing = screening_brief(ctx.db(), file, jurisdiction, lang=lang)
    _write_pdf(briefing, output)


@brief.command("opposition")
@click.option("--finding", "finding_id", type=int, metavar="ID", required=True,
              help="A trademark-watch finding's id (giscope watch list).")  # fmt: skip
@lang_option("Language of the brief (and of the messages).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def brief_opposition(ctx: Context, finding_id: int, lang: str, output: Path) -> None:
    """Opposition brief for one trademark-watch finding: the mark, the GI and its protection there, the
    grounds with their articles, the deadline with the days left, the evidence, where and how to file.

    Example: giscope brief opposition --finding 3 --lang zh -o opposition_3.pdf
    """
    from briefings.opposition import opposition_brief

    briefing = opposition_brief(ctx.db(), finding_id, lang=lang)
    _write_pdf(briefing, output)
