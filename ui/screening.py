"""How a screening's scope and results look on the Screen labels page: what was screened against (lists,
registers, dates), a label with no hit, the severity chart and each legal basis once.
Pure presentation: service results in, strings, frames and charts out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from compare.conflicts import SEVERITY_RANK, worst_severity
from compare.services import LabelResult
from gi_lists.coverage import Coverage
from ui.cells import severity_badge
from wording import jurisdiction_name, say, severity_word

LEVELS = (*SEVERITY_RANK, "none")  # high, medium, low, none (no conflict found)
CHART_COLOURS = {"high": "#b71c1c", "medium": "#e67e22", "low": "#9e9e9e", "none": "#546e7a"}


def worst_level(result: LabelResult) -> str:
    """The label's worst severity, or 'none' when nothing was found."""
    return worst_severity(result.matches) or "none"


def level_word(level: str, lang: str = "en") -> str:
    return say("screen.scope.no_conflict_badge", lang) if level == "none" else severity_word(level, lang)


def scope_markdown(covered: Coverage, lang: str = "en") -> str:
    """'**Screened against** the European Union: China–EU Annex III (loaded …); …; the EU register as of
    July 2020.'"""
    where = jurisdiction_name(covered.jurisdiction, lang)
    if not covered.lists:
        return say("screen.scope.nothing_screened", lang, where=where)
    return say("screen.scope.screened_against", lang, where=where, lists=covered.names_text(lang))


def gap_warning(covered: Coverage, lang: str = "en") -> str | None:
    """What the screening could not see in the jurisdiction's own register (not imported, a 2020 snapshot,
    a partial list); None when it was screened as imported."""
    return covered.register().warning(lang)


def no_conflict(covered: Coverage, lang: str = "en") -> str:
    """'No conflict found in China–EU Annex III (loaded …); …' (never a bare 'no match')."""
    if not covered.lists:
        return scope_markdown(covered, lang)
    return say("screen.scope.no_conflict", lang, lists=covered.names_text(lang))


def label_badge(result: LabelResult, covered: Coverage, lang: str = "en") -> str:
    """The worst hit's severity; with no hit 'no conflict found', grey (orange with ⚠ when the
    jurisdiction's own register was not fully screened): not a green clear."""
    level = worst_severity(result.matches)
    if level is not None:
        return severity_badge(level, lang)
    word = say("screen.scope.no_conflict_badge", lang)
    return f":orange-badge[⚠ {word}]" if gap_warning(covered, lang) else f":gray-badge[{word}]"


def severity_counts(results: Sequence[LabelResult], lang: str = "en") -> pd.DataFrame:
    """Labels counted by their worst severity, in order high, medium, low, no conflict found."""
    worst = [worst_level(r) for r in results]
    return pd.DataFrame(
        {
            "level": list(LEVELS),
            say("screen.scope.chart_severity", lang): [level_word(v, lang) for v in LEVELS],
            say("screen.scope.chart_labels", lang): [worst.count(v) for v in LEVELS],
        }
    )


def summary(results: Sequence[LabelResult], jurisdiction: str, lang: str = "en") -> str:
    """'**3 labels checked** against the European Union · worst severity per label: high 1 · … ·
    no conflict found 1' (as badges)."""
    counts = severity_counts(results, lang)
    number = say("screen.scope.chart_labels", lang)
    parts = []
    for level, count in zip(counts["level"], counts[number], strict=True):
        badge = f":gray-badge[{level_word(level, lang)}]" if level == "none" else severity_badge(level, lang)
        parts.append(f"{badge} {count}")
    key = "screen.scope.summary_one" if len(results) == 1 else "screen.scope.summary"
    where = jurisdiction_name(jurisdiction, lang)
    return say(key, lang, count=len(results), where=where, counts=" · ".join(parts))


def severity_chart(results: Sequence[LabelResult], lang: str = "en") -> Any:
    """A bar chart (Altair) of the labels by worst severity, coloured by severity."""
    import altair as alt

    frame = severity_counts(results, lang)
    severity = say("screen.scope.chart_severity", lang)
    labels = say("screen.scope.chart_labels", lang)
    words = list(frame[severity])
    colours = alt.Scale(domain=words, range=[CHART_COLOURS[v] for v in LEVELS])
    return (
        alt.Chart(frame, title=say("screen.scope.chart_title", lang))
        .mark_bar()
        .encode(
            x=alt.X(f"{severity}:N", title=severity, sort=words, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{labels}:Q", title=labels, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{severity}:N", scale=colours, legend=None),
            tooltip=[alt.Tooltip(f"{severity}:N"), alt.Tooltip(f"{labels}:Q")],
        )
        .properties(height=260)
    )


@dataclass(frozen=True)
class Basis:
    """One legal basis a label's hits rest on, with the GIs it applies to."""

    text: str
    source: str | None
    gis: tuple[str, ...]


def label_bases(result: LabelResult) -> list[Basis]:
    """Each distinct legal basis of a label's hits once, in the order of the hits."""
    seen: dict[tuple[str, str | None], list[str]] = {}
    for hit in result.matches:
        ids = seen.setdefault((hit.legal_basis, hit.legal_source), [])
        if hit.gi.id not in ids:
            ids.append(hit.gi.id)
    return [Basis(text, source, tuple(ids)) for (text, source), ids in seen.items()]
