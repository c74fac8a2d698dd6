"""Cell and markdown text: confidence marks, severities, unknowns, user text shown as typed (pure
presentation, no streamlit)."""

from __future__ import annotations

from collections.abc import Sequence

from compare.conflicts import SEVERITY_RANK, worst_severity
from compare.services import LabelResult
from wording import DOUBTFUL, confidence_word, say

UNKNOWN = "unknown"
# Severity is shown by colour and a plain glyph, not by emoji: browsers without an emoji font
# (Debian's chromium, many locked-down desktops) draw emoji as empty boxes.
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "gray"}
NO_MATCH = "no match"
MAX_PROBLEMS = 50


def tr(lang: str, en: str, zh: str) -> str:
    """The English or the Chinese text, by the page's language."""
    return zh if lang == "zh" else en


def confidence(level: str | None, lang: str = "en") -> str:
    """Confidence as text ('⚠ unconfirmed' / '⚠ 未经证实'); a low or unconfirmed fact is marked so nobody
    takes it as settled."""
    level = level or "unconfirmed"
    word = confidence_word(level, lang)
    return f"⚠ {word}" if level in DOUBTFUL else word


def marked(text: str, level: str | None, lang: str = "en") -> str:
    """Text followed by '⚠ low' / '⚠ 低' when its confidence is doubtful."""
    level = level or "unconfirmed"
    return f"{text} {confidence(level, lang)}" if level in DOUBTFUL else text


def unknown(lang: str = "en") -> str:
    return say("common.unknown", lang)


def source_text(source: str | None, lang: str = "en") -> str:
    """A source as stored; none or 'no source found' in the page's language."""
    if not source:
        return unknown(lang)
    return say("profiles.no_source", lang) if source == say("profiles.no_source", "en") else source


def sourced(source: str | None, level: str | None, lang: str = "en") -> str:
    """'Source: … · confidence: …' as a markdown line."""
    return say("profiles.sourced", lang, source=source_text(source, lang), level=confidence(level, lang))


def source_line(source: str | None, lang: str = "en") -> str:
    """'Source: …' as a caption (the source shown as typed)."""
    return say("profiles.source_line", lang, source=plain(source_text(source, lang)))


def or_unknown(value: object, lang: str = "en") -> str:
    return unknown(lang) if value in (None, "") else str(value)


def problems_markdown(problems: Sequence[str]) -> str:
    """An InputError's problems as a markdown list (the first MAX_PROBLEMS of them)."""
    lines = [f"- {plain(p)}" for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"- … and {len(problems) - MAX_PROBLEMS} more")
    return "\n".join(lines)


def plain(text: str) -> str:
    """User text shown in markdown as typed (no emphasis, links, maths or HTML)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|$~" else ch for ch in text)


def severity(level: str | None) -> str:
    """Severity as table text: '● high', '● medium', '○ low' (coloured by `styled`)."""
    if level is None:
        return NO_MATCH
    return f"{'○' if level == 'low' else '●'} {level}"


def severity_badge(level: str | None) -> str:
    """Severity as a coloured markdown badge (for labels, summaries and reasons)."""
    if level is None:
        return f":green-badge[{NO_MATCH}]"
    return f":{SEVERITY_COLOURS.get(level, 'gray')}-badge[{level}]"


def label_severity(result: LabelResult) -> str | None:
    return worst_severity(result.matches)


def screen_summary(results: Sequence[LabelResult]) -> str:
    """'**3 labels checked** · worst match per label: high 2 · medium 0 · low 1 · no match 0' (as badges)."""
    worst = [label_severity(r) for r in results]
    levels: list[str | None] = [*SEVERITY_RANK, None]
    counts = [f"{severity_badge(level)} {worst.count(level)}" for level in levels]
    noun = "label" if len(results) == 1 else "labels"
    return f"**{len(results)} {noun} checked** · worst match per label: " + " · ".join(counts)


def confidence_badge(level: str | None, lang: str = "en") -> str:
    """Confidence as a markdown badge: orange with ⚠ when low or unconfirmed."""
    level = level or "unconfirmed"
    word = confidence_word(level, lang)
    return f":orange-badge[⚠ {word}]" if level in DOUBTFUL else f":gray-badge[{word}]"
