"""A finished briefing: what a service prepared, ready to be rendered (pure: no reportlab here).

Text is plain text (never markup): the renderer escapes it. Every sourced statement can carry
footnotes; a statement whose confidence is low or unconfirmed is shown with a clear mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wording import DOUBTFUL

Confidence = Literal["high", "medium", "low", "unconfirmed"]


@dataclass(frozen=True)
class Source:
    """A footnote: where a statement comes from and how sure we are."""

    text: str
    confidence: str = "unconfirmed"


@dataclass(frozen=True)
class Para:
    text: str
    sources: tuple[Source, ...] = ()
    style: Literal["body", "lead", "small"] = "body"

    @property
    def unconfirmed(self) -> bool:
        return any(s.confidence in DOUBTFUL for s in self.sources)


@dataclass(frozen=True)
class Facts:
    """Label/value pairs (a definition list), each value with its sources."""

    items: tuple[tuple[str, Para], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Para, ...], ...]
    col_widths: tuple[float, ...] | None = None  # fractions of the text width, summing to 1
    highlight_rows: frozenset[int] = frozenset()  # row indexes to shade (e.g. differences, high severity)
    caption: str | None = None


@dataclass(frozen=True)
class Bullets:
    items: tuple[Para, ...]
    checklist: bool = False  # render with empty boxes to tick


@dataclass(frozen=True)
class Notice:
    """A boxed line: a warning about unconfirmed facts, or a disclaimer."""

    text: str
    kind: Literal["unconfirmed", "disclaimer", "info"] = "info"


Block = Para | Facts | Table | Bullets | Notice


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...] = ()
    landscape: bool = False  # set on landscape A4 pages (a wide matrix)


@dataclass(frozen=True)
class Briefing:
    kind: Literal["dispute", "compare", "screening", "opposition"]
    title: str
    subtitle: str
    lang: Literal["en", "zh"]
    date: str  # YYYY-MM-DD
    data_version: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    running_header: str = "GIScope"
