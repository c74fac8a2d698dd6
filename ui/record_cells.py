"""Cells of the GI record as a provenance page: sources with their addresses as links, times people
read, and the readings of a GI's Chinese names (traditional characters, pinyin with tone marks) that the
register does not record (pure presentation, no streamlit)."""

from __future__ import annotations

import re
from functools import lru_cache

from gi_lists.model import GI
from names.normalise import has_han, pinyin_tones
from ui.cells import plain


def computed_names(gi: GI) -> list[tuple[str, str, str, str]]:
    """(text, kind phrase key, language, script) read from each Chinese name: its traditional characters
    and its pinyin with tone marks."""
    out = []
    for n in gi.names:
        if not has_han(n.text):
            continue
        traditional = to_traditional(n.text)
        if traditional != n.text:
            out.append((traditional, "gi.record.kind_traditional", "zh", "Hant"))
        out.append((tone_pinyin(n.text), "gi.record.kind_pinyin", "zh-Latn", "Latn"))
    return out


@lru_cache(maxsize=1)
def _s2t():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("s2t")


def to_traditional(text: str) -> str:
    return str(_s2t().convert(text))


_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def _marked(syllable: str) -> str:
    """'xiang1' -> 'xiāng', 'lü4' -> 'lǜ', 'de5' -> 'de': the mark on a or e, on the o of ou, else on
    the last vowel."""
    if not syllable[-1:].isdigit():
        return syllable
    body, tone = syllable[:-1], int(syllable[-1])
    if not 1 <= tone <= 4:
        return body
    vowels = [i for i, ch in enumerate(body) if ch in _TONE_MARKS]
    if not vowels:
        return body
    at = next((i for i in vowels if body[i] in "ae"), None)
    if at is None:
        at = body.index("o") if "ou" in body else vowels[-1]
    return body[:at] + _TONE_MARKS[body[at]][tone - 1] + body[at + 1 :]


def tone_pinyin(text: str) -> str:
    """'香槟' -> 'xiāng bīn' (read in context, as the register's pinyin is)."""
    return " ".join(_marked(s.replace("v", "ü")) for s in pinyin_tones(text))


URL = re.compile(
    r"https?://[^\s<>\"'“”]+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|asia|gov|int|eu|cn|fr|th|uk|de|it)\b[^\s<>\"'“”;]*",
    re.I,
)


def linked(text: str) -> str:
    """A source as markdown for st.table: its addresses as links (named by their host), the rest shown
    as written."""
    out, last = [], 0
    for found in URL.finditer(text):
        address = found.group(0).rstrip(".,;:)")
        end = found.start() + len(address)
        host = re.sub(r"^https?://", "", address).split("/")[0].split("?")[0]
        target = address if re.match(r"https?://", address, re.I) else f"https://{address}"
        out.append(plain(text[last : found.start()]))
        out.append(f"[{plain(host)}](<{target}>)")
        last = end
    out.append(plain(text[last:]))
    return "".join(out)
