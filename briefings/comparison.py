"""The comparison brief for two to four agreements: key differences pair by pair (each agreement also
against the TRIPS baseline), then the full matrix on landscape pages, then the names on each list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from agreements.model import ScopeValue
from briefings.list_names import names_appendix
from briefings.parts import sourced, today_or
from briefings.text import ARTICLE_WORDS, T
from compare.scope import (
    UNCONFIRMED,
    UNKNOWN,
    ComparedDimension,
    Comparison,
    Pair,
    difference_groups,
    state,
)
from compare.services import compare_agreements
from errors import AgreementError
from gi_lists.services import data_version
from reports.briefing import Block, Briefing, Facts, Notice, Para, Section, Table
from storage.db import Database
from wording import AGREEMENT_SHORT

# A column whose position is unknown on this many dimensions for one reason says so once.
COLUMN_NOTE_MIN = 2


def compare_brief(
    db: Database, ids: Sequence[str], *, lang: str = "en", today: str | None = None
) -> Briefing:
    if not 2 <= len(set(ids)) <= 4:
        raise AgreementError("a comparison brief takes two to four agreements")
    s = T[lang]
    comparison = compare_agreements(db, list(ids), include_trips=True)
    names = _join([_short(a, lang) for a in dict.fromkeys(ids)], lang)
    return Briefing(
        kind="compare",
        title=s["compare_title"].format(names=names),
        subtitle=s["compare_sub"],
        lang="zh" if lang == "zh" else "en",
        date=today_or(today),
        data_version=data_version(db, lang),
        sections=(
            Section(s["key_diff"], key_differences(comparison, lang)),
            Section(s["matrix"], matrix(comparison, lang), landscape=True),
            # portrait: a six-column name table fits, and a tall page holds more names
            Section(s["appendix"], names_appendix(db, list(dict.fromkeys(ids)), lang)),
            Section("", notes(lang)),
        ),
    )


def _short(agreement_id: str, lang: str) -> str:
    return AGREEMENT_SHORT[lang].get(agreement_id, agreement_id)


def _join(items: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def _pair_label(p: Pair, lang: str) -> str:
    return T[lang]["vs"].format(a=_short(p.a, lang), b=_short(p.b, lang))


# ---------------------------------------------------------------------------------------------
# key differences
# ---------------------------------------------------------------------------------------------


def key_differences(comparison: Comparison, lang: str) -> tuple[Block, ...]:
    s = T[lang]
    blocks: list[Block] = [Para(s["pairs_intro"]), pair_table(comparison, lang)]
    groups = difference_groups(comparison)  # the Compare page leads with the same groups
    if not groups.key:
        blocks.append(Para(s["no_diff"]))
    for heading, dims in ((s["among"], groups.among), (s["from_baseline"], groups.from_baseline)):
        if not dims:
            continue
        blocks.append(Para(heading, style="lead"))
        for d in dims:
            blocks.extend(_difference_blocks(d, lang))
    return tuple(blocks)


def pair_table(comparison: Comparison, lang: str) -> Table:
    """One row per pair: the dimensions where both positions are known and differ, and where a side's
    position is unknown or unconfirmed."""
    s = T[lang]
    rows = []
    for i, first in enumerate(comparison.dimensions[0].pairs if comparison.dimensions else ()):
        pairs = [(d, d.pairs[i]) for d in comparison.dimensions]
        contrasts = [d.dimension.label(lang) for d, p in pairs if p.state == "differs"]
        rows.append(
            (
                Para(_pair_label(first, lang)),
                Para(_join(contrasts, lang) if contrasts else s["none"]),
                Para(_open_text(pairs, lang)),
            )
        )
    return Table((s["pair"], s["contrasts"], s["open"]), tuple(rows), (0.2, 0.5, 0.3))


def _open_text(pairs: Sequence[tuple[ComparedDimension, Pair]], lang: str) -> str:
    """'unknown for China–France: 13 dimensions; unconfirmed for China–EU: Homonyms, …' (dimension
    names when there are few, a count when many: the matrix names them all)."""
    s = T[lang]
    lines = []
    for wanted, key in ((UNKNOWN, "unknown_for"), (UNCONFIRMED, "unconfirmed_for")):
        by_side: dict[str, list[str]] = {}
        for d, p in pairs:
            for side in p.open_sides:
                if state(d.values[side]) == wanted:
                    by_side.setdefault(side, []).append(d.dimension.label(lang))
        for side, labels in by_side.items():
            dims = _join(labels, lang) if len(labels) <= 4 else s["n_dims"].format(n=len(labels))
            lines.append(s[key].format(who=_short(side, lang), dims=dims))
    return "\n".join(lines) or s["none"]


def _difference_blocks(d: ComparedDimension, lang: str) -> list[Block]:
    s = T[lang]
    involved = [a for a in d.values if any(a in (p.a, p.b) for p in d.contrasts)]
    blocks: list[Block] = [
        Para(d.dimension.label(lang), style="lead"),
        Para(
            s["differ_line"].format(pairs=_join([_pair_label(p, lang) for p in d.contrasts], lang)),
            style="small",
        ),
        Facts(tuple((_short(a, lang), value_para(d.values[a], lang)) for a in involved)),
    ]
    for wanted, key in ((UNKNOWN, "unknown_line"), (UNCONFIRMED, "unconfirmed_line")):
        sides = [a for a in d.columns_in(wanted) if a not in involved]
        if sides:
            who = _join([_short(a, lang) for a in sides], lang)
            # an unconfirmed position keeps its source; 'unknown' has none to give (the matrix says why)
            sources = tuple(
                src
                for a in sides
                if wanted == UNCONFIRMED
                for src in sourced(d.values[a].source, d.values[a].confidence)
            )
            blocks.append(Para(s[key].format(who=who), tuple(dict.fromkeys(sources)), style="small"))
    return blocks


# ---------------------------------------------------------------------------------------------
# the matrix
# ---------------------------------------------------------------------------------------------


def _unknown_key(value: ScopeValue) -> tuple[str | None, str | None, str]:
    return (value.note, value.source, value.confidence)


def column_notes(comparison: Comparison) -> dict[str, tuple[ScopeValue, list[ComparedDimension]]]:
    """Per column, the most common reason its position is unknown (note, source, confidence) and the
    dimensions it covers, where it covers COLUMN_NOTE_MIN or more: said once, not in every cell."""
    out = {}
    for a in comparison.agreements:
        unknown = [d for d in comparison.dimensions if state(d.values[a]) == UNKNOWN]
        if not unknown:
            continue
        key, n = Counter(_unknown_key(d.values[a]) for d in unknown).most_common(1)[0]
        if n >= COLUMN_NOTE_MIN:
            value = next(d.values[a] for d in unknown if _unknown_key(d.values[a]) == key)
            out[a] = (value, [d for d in unknown if _unknown_key(d.values[a]) == key])
    return out


def value_para(value: ScopeValue, lang: str) -> Para:
    """The value, its article ('article unknown' rather than a bare 'unknown') and its note, in the
    brief's language (a Chinese brief cites the Chinese article and note, where the data has them)."""
    article = ARTICLE_WORDS[lang].get(value.article.strip().lower(), value.article_in(lang))
    if lang == "zh":
        note = value.note_in(lang)
        text = f"{value.value(lang)}（{article}{'；' + note if note and note != value.note else ''}）"
    else:
        text = f"{value.value(lang)} ({article}{'; ' + value.note if value.note else ''})"
    return Para(text, sourced(value.source, value.confidence))


def _cell(value: ScopeValue, noted: bool, lang: str) -> Para:
    if noted:  # the column's note says why, with the source, once
        return Para(T[lang]["unknown_cell"])
    if state(value) == UNKNOWN:
        note_zh = value.note_in(lang) if value.note_in(lang) != value.note else None
        note = f" ({value.note})" if value.note and lang != "zh" else (f"（{note_zh}）" if note_zh else "")
        return Para(T[lang]["unknown_cell"] + note, sourced(value.source, value.confidence))
    return value_para(value, lang)


def _widths(comparison: Comparison, noted: dict[str, list[str]], lang: str) -> tuple[float, ...]:
    """The dimension column, then each agreement's column by what it says, at least 70% of the widest
    (an 'unknown' column stays readable; no column is squeezed to a few letters)."""
    first = 0.16
    sizes = [
        sum(
            len(_cell(d.values[a], d.dimension.key in noted.get(a, []), lang).text)
            for d in comparison.dimensions
        )
        for a in comparison.agreements
    ]
    weights = [max(n, 0.7 * max(sizes), 1) for n in sizes]
    return (first, *((1 - first) * w / sum(weights) for w in weights))


def _dimension_cell(d: ComparedDimension, lang: str) -> Para:
    """The dimension, and under it its known contrasts: 'all differ: …' when every two stated positions
    differ, else the pairs."""
    s = T[lang]
    stated = d.columns_in("known")
    every = len(stated) > 2 and len(d.contrasts) == len(stated) * (len(stated) - 1) // 2
    if every:
        line = s["all_differ"].format(names=_join([_short(a, lang) for a in stated], lang))
    elif d.contrasts:
        line = "≠ " + _join([_pair_label(p, lang) for p in d.contrasts], lang)
    else:
        line = f"（{s['no_contrast']}）" if lang == "zh" else f"({s['no_contrast']})"
    return Para(f"{d.dimension.label(lang)}\n{line}")


def matrix(comparison: Comparison, lang: str) -> tuple[Block, ...]:
    s = T[lang]
    notes = column_notes(comparison)
    noted = {a: [d.dimension.key for d in dims] for a, (_, dims) in notes.items()}
    blocks: list[Block] = []
    total = len(comparison.dimensions)
    for a, (value, dims) in notes.items():
        text = s["column_unknown"].format(
            who=_short(a, lang),
            n=len(dims),
            total=total,
            dims=_join([d.dimension.label(lang) for d in dims], lang),
        )
        if value.note and lang != "zh":
            text += f" {value.note[0].upper()}{value.note[1:]}."
        blocks.append(Para(text, sourced(value.source, value.confidence), style="small"))
    rows = tuple(
        (
            _dimension_cell(d, lang),
            *(_cell(d.values[a], d.dimension.key in noted.get(a, []), lang) for a in comparison.agreements),
        )
        for d in comparison.dimensions
    )
    blocks.append(
        Table(
            (s["dimension"], *(_short(a, lang) for a in comparison.agreements)),
            rows,
            _widths(comparison, noted, lang),
            frozenset(i for i, d in enumerate(comparison.dimensions) if d.differs),
            s["matrix_caption"],
        )
    )
    return tuple(blocks)


def notes(lang: str) -> tuple[Block, ...]:
    s = T[lang]
    return (Notice(s["unconfirmed"], "unconfirmed"), Notice(s["disclaimer"], "disclaimer"))
