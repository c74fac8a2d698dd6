"""Cell and markdown text: confidence marks, severities, unknowns, user text shown as typed (pure
presentation, no streamlit)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from compare.conflicts import SEVERITY_RANK, worst_severity
from compare.services import LabelResult
from phrases import message_line
from wording import DOUBTFUL, confidence_word, product_class_word, say, severity_word

UNKNOWN = "unknown"
# Severity is shown by colour and a plain glyph, not by emoji: browsers without an emoji font
# (Debian's chromium, many locked-down desktops) draw emoji as empty boxes.
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "gray"}
MAX_PROBLEMS = 50


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


def problems_markdown(problems: Sequence[str], lang: str = "en") -> str:
    """An InputError's problems as a markdown list (the first MAX_PROBLEMS of them)."""
    lines = [f"- {plain(message_line(p, lang))}" for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append("- " + say("screen.more_problems", lang, count=len(problems) - MAX_PROBLEMS))
    return "\n".join(lines)


# where markdown would turn a web address into a link (www., http://, a@b.c): a word joiner (U+2060, drawn
# as nothing) breaks the pattern; a backslash escape does not
_AUTOLINK = re.compile(r"(?i)(?<=\bwww)(?=\.)|(?<=\bhttps)(?=:)|(?<=\bhttp)(?=:)|(?=@)")


def plain(text: str) -> str:
    """User text shown in markdown as typed (no emphasis, links, maths or HTML)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|$~" else ch for ch in text)


def plain_label(text: str) -> str:
    """A screened label shown in markdown as typed, and no web address in it made a link: a label
    'www.champagne-shop.fr' is what was screened, not a link to follow (sources keep theirs)."""
    return _AUTOLINK.sub("\u2060", plain(text))


def no_match(lang: str = "en") -> str:
    """'no match' / '未发现匹配' (screen.no_match)."""
    return say("screen.no_match", lang)


def severity(level: str | None, lang: str = "en") -> str:
    """Severity as table text: '● high', '● medium', '○ low' (coloured by `styled`); '● 高' in Chinese."""
    if level is None:
        return no_match(lang)
    return f"{'○' if level == 'low' else '●'} {severity_word(level, lang)}"


def severity_badge(level: str | None, lang: str = "en") -> str:
    """Severity as a coloured markdown badge (for labels, summaries and reasons)."""
    if level is None:
        return f":green-badge[{no_match(lang)}]"
    return f":{SEVERITY_COLOURS.get(level, 'gray')}-badge[{severity_word(level, lang)}]"


def doubt(level: str | None, lang: str = "en") -> str:
    """A match's confidence as a cell: '⚠ low' / '⚠ 低' when low or unconfirmed, else the word."""
    word = confidence_word(level, lang)
    return f"⚠ {word}" if (level or "unconfirmed") in DOUBTFUL else word


def label_severity(result: LabelResult) -> str | None:
    return worst_severity(result.matches)


def screen_summary(results: Sequence[LabelResult], lang: str = "en") -> str:
    """'**3 labels checked** · worst match per label: high 2 · medium 0 · low 1 · no match 0' (as badges)."""
    worst = [label_severity(r) for r in results]
    levels: list[str | None] = [*SEVERITY_RANK, None]
    counts = " · ".join(f"{severity_badge(level, lang)} {worst.count(level)}" for level in levels)
    key = "screen.summary_one" if len(results) == 1 else "screen.summary"
    return say(key, lang, count=len(results), counts=counts)


def typed_class(text: str, classes: Iterable[str], lang: str = "en") -> str:
    """A product class typed on a Chinese page ('葡萄酒') as the register writes it ('Wine'); any other
    text as it is."""
    if lang != "zh":
        return text
    return next((c for c in classes if product_class_word(c, "zh") == text), text)


def confidence_badge(level: str | None, lang: str = "en") -> str:
    """Confidence as a markdown badge: orange with ⚠ when low or unconfirmed."""
    level = level or "unconfirmed"
    word = confidence_word(level, lang)
    return f":orange-badge[⚠ {word}]" if level in DOUBTFUL else f":gray-badge[{word}]"


def when(at: str | None, lang: str = "en") -> str:
    """A stored time ('2026-12-04T09:30:00+00:00') as people read it, in UTC: '4 Dec 2026, 09:30 UTC' /
    '2026年12月4日 09:30 UTC'; a date alone as '4 Dec 2026' / '2026年12月4日'; no time as ''; anything
    else as stored."""
    if not at:
        return ""
    text = at.strip()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return at
    if moment.tzinfo is not None:  # stored in UTC; a time written with another offset is moved to UTC
        moment = moment.astimezone(dt.UTC)
    month = say("common.speed.months", lang).split()[moment.month - 1]
    day = {"day": moment.day, "month": month, "year": moment.year}
    if len(text) <= len("2026-12-04"):  # a date: no time of day
        return say("common.speed.date", lang, **day)
    return say("common.speed.time", lang, **day, clock=moment.strftime("%H:%M"), zone="UTC")
