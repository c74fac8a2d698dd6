"""Where a line may end, for text that mixes Chinese, Thai and Latin, and the paragraph that uses it.

reportlab's ``wordWrap="CJK"`` breaks between any two characters: inside Latin words and ids ("unknow|n",
"CN-EU-|IV"), inside Thai syllables, inside footnote markers ("[" | "9]"), and it only pulls back one
closing mark. Here a line may end:

- after a space (spaces hang at the end of the line);
- between two Chinese characters, or between Chinese and anything else, unless the next character
  is closing punctuation (，。、；：！？）」』》 …, and their ASCII kin) or the previous one opening
  punctuation (（「『《 …) — the Chinese line-breaking rules (禁则);
- between two Thai words, as pythainlp's dictionary tokenizer (newmm) cuts them, never inside a word;
- never inside or before a footnote marker (a raised run such as "[12]"): it stays whole and stays
  with the text it follows.

Inside a web address a line may also end after a single "/", and inside a hyphenated run longer than
LONG_TOKEN characters (a slug such as "th-khao-hom-mali-thung-kula-rong-hai") after a hyphen. Other
Latin words, numbers and ids are broken only when a single one is wider than the line (then between
characters, so nothing overflows).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    makeCJKParaLine,
)

from reports.fonts import CJK, LATIN, THAI, script_of

# a line never starts with these (closing and trailing punctuation; ASCII quotes are ambiguous and left out)
CLOSING = frozenset(
    (set(ALL_CANNOT_START) - {'"', "'"})
    | set("，。、；：！？）」』》】〉〕］｝〗〙〛〞・…‥％‰℃°′″’”›»,.;:!?)]}%")
    | set("\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\uff3d\uff5d\uff60")  # fullwidth , . : ; ! ? ) ] } ⦆
)
# a line never ends with these (opening punctuation)
OPENING = frozenset(
    set(ALL_CANNOT_END) | set("（「『《【〈〔［｛〖〘〚〝‘“‹«([{") | set("\uff08\uff3b\uff5b\uff5f")
)
LONG_TOKEN = 24  # ids up to this long (EU-PDO-FR-A1359, CN-EU-IV-034) never break at their hyphens
_PAIRED = "—―…‥"
_QUOTES = "'\""  # a two-em dash (——) or a double ellipsis (……) is never split
_FUZZ = 1e-6


def _is_space(ch: str) -> bool:
    return ch.isspace() and ch != "\u00a0"


@lru_cache(maxsize=4096)
def thai_word_ends(run: str) -> frozenset[int]:
    """Offsets inside a run of Thai letters where one word ends and the next begins (pythainlp newmm)."""
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.tokenize import word_tokenize

    ends, at = set(), 0
    for word in word_tokenize(run, engine="newmm", keep_whitespace=True):
        at += len(word)
        ends.add(at)
    ends.discard(len(run))
    return frozenset(ends)


def break_points(text: str, glued: Sequence[bool] | None = None) -> list[bool]:
    """allowed[k]: whether a line may end before text[k] (k >= 1). glued[k]: text[k] is part of a raised
    footnote marker, which never starts a line."""
    n = len(text)
    allowed = [False] * n
    scripts = [script_of(ch) for ch in text]
    thai_ok = _thai_breaks(text, scripts)
    long_token = _long_tokens(text, scripts)
    for k in range(1, n):
        a, b = text[k - 1], text[k]
        if glued is not None and glued[k]:
            continue  # a marker stays with what it follows
        if _is_space(b):
            continue  # break after the spaces, not before them
        if _is_space(a):
            allowed[k] = True
            continue
        if b in CLOSING or a in OPENING or (a == b and a in _PAIRED):
            continue
        if b in _QUOTES or (a in _QUOTES and (k < 2 or _is_space(text[k - 2]) or text[k - 2] in OPENING)):
            continue  # an ASCII quote after text closes it; one after a space opens what follows
        if a == "/" and b != "/" and k >= 2 and text[k - 2] != "/":
            allowed[k] = True  # web addresses and paths: after a single slash
            continue
        if a == "-" and long_token[k] and b.isalnum() and k >= 2 and text[k - 2].isalnum():
            allowed[k] = True  # a long hyphenated slug (th-khao-hom-mali-thung-kula-rong-hai): after a hyphen
            continue
        if glued is not None and glued[k - 1] or scripts[k - 1] == CJK or scripts[k] == CJK:
            allowed[k] = True
        elif scripts[k - 1] == THAI and scripts[k] == THAI:
            allowed[k] = k in thai_ok
        elif scripts[k - 1] == THAI or scripts[k] == THAI:
            allowed[k] = True
    return allowed


def _long_tokens(text: str, scripts: list[str]) -> list[bool]:
    """For each character: whether it is inside a run of Latin script without spaces longer than
    LONG_TOKEN and without a "/" (web addresses break after their slashes only)."""
    out = [False] * len(text)
    start = 0
    for k in range(len(text) + 1):
        if k == len(text) or _is_space(text[k]) or scripts[k] != LATIN:
            if k - start > LONG_TOKEN and "/" not in text[start:k]:
                out[start:k] = [True] * (k - start)
            start = k + 1
    return out


def _thai_breaks(text: str, scripts: list[str]) -> set[int]:
    out: set[int] = set()
    k, n = 0, len(text)
    while k < n:
        if scripts[k] != THAI:
            k += 1
            continue
        start = k
        while k < n and scripts[k] == THAI:
            k += 1
        out.update(start + e for e in thai_word_ends(text[start:k]))
    return out


def unbreakable_parts(text: str) -> list[str]:
    """text cut at every place a line may end (for the narrowest width a column can take)."""
    allowed = break_points(text)
    parts, start = [], 0
    for k in range(1, len(text)):
        if allowed[k]:
            parts.append(text[start:k])
            start = k
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _emergency(U: list[Any], start: int, i: int) -> int:
    """Where to cut a run wider than the line: as late as possible but not before closing punctuation."""
    for j in range(i, start + 1, -1):
        if U[j] not in CLOSING and U[j - 1] not in OPENING and not _glued(U[j]):
            return j
    return max(i, start + 1)


class _Char(str):
    """One character with its frag and width (what reportlab's cjkU holds, with widths cached)."""

    frag: Any
    width: float


@lru_cache(maxsize=65536)
def _char_width(ch: str, font: str, size: float) -> float:
    return stringWidth(ch, font, size)


def _char(ch: str, frag: Any) -> _Char:
    u = _Char(ch)
    u.frag = frag
    cb = getattr(frag, "cbDefn", None)
    u.width = getattr(cb, "width", 0) if cb is not None else _char_width(ch, frag.fontName, frag.fontSize)
    return u


def _glued(u: Any) -> bool:
    return bool(getattr(u.frag, "rise", 0))


def split_lines(frags: list[Any], maxWidths: Sequence[float], calcBounds: bool) -> ParaLines:
    """Fill lines greedily, ending each at the last place the rules above allow."""
    U: list[Any] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        U.extend(_char(t, f) for t in text) if text else U.append(_char("", f))
    allowed = break_points("".join(u or "\u0000" for u in U), [_glued(u) for u in U])
    lines: list[Any] = []

    def line_width(start: int, end: int) -> float:
        while end > start and U[end - 1] and _is_space(U[end - 1]):
            end -= 1  # trailing spaces hang
        return sum(U[k].width for k in range(start, end))

    def emit(start: int, end: int, line_break: bool) -> None:
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        used = line_width(start, end)
        lines.append(makeCJKParaLine(U[start:end], max_width, used, max_width - used, line_break, calcBounds))

    start = i = 0
    width = 0.0
    last = -1  # the last place (after start) the line may end
    n = len(U)
    while i < n:
        u = U[i]
        if hasattr(u.frag, "lineBreak"):
            emit(start, i + 1, True)
            start = i = i + 1
            width, last = 0.0, -1
            continue
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        if i > start and allowed[i]:
            last = i
        w = u.width
        if width + w > max_width + _FUZZ and i > start and not (u and _is_space(u)):
            end = last if last > start else _emergency(U, start, i)
            emit(start, end, False)
            start = i = end
            width, last = 0.0, -1
            continue
        width += w
        i += 1
    if start < n:
        emit(start, n, False)
    return ParaLines(kind=1, lines=lines)


class NotedParagraph(Paragraph):
    """A Paragraph that knows the footnote numbers it cites (kept by the part that carries the markers when
    it splits over pages) and, with ``wordWrap="CJK"``, breaks lines by the rules above."""

    notes: tuple[int, ...] = ()
    outline: str | None = None  # a heading: its entry in the PDF outline

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        key = (tuple(maxWidths), id(self.frags), self.bulletText)
        cached = getattr(self, "_broken", None)
        if cached is not None and cached[0] == key:  # tables wrap a cell several times at one width
            return cached[1]
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        lines = split_lines(self.frags, maxWidths, auto not in ("", "off"))
        self._broken = (key, lines)
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            parts[0].notes, parts[1].notes = (), self.notes
            parts[0].outline, parts[1].outline = self.outline, None
        return parts
