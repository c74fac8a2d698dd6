"""The Latin-script names of GIs from outside China and Thailand, and how two words share their beginning or
ending (pure): what the rules that compare coined words with names (compare.guesses, compare.coined,
compare.shortened) all start from.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.index import NameIndex
from gi_lists.model import GI, Name
from names.normalise import script_of


def foreign_latin_names(ix: NameIndex, kinds: tuple[str, ...]) -> Iterator[tuple[int, int, GI, Name]]:
    """(GI position, name position, GI, name) of the Latin-script names of the given kinds of GIs from
    outside China and Thailand (their Chinese and Thai names are matched by their own keys)."""
    for gi_pos, gi in enumerate(ix.gis):
        if set(gi.origin_countries) & {"CN", "TH"}:
            continue
        for pos, name in enumerate(gi.names):
            if name.kind in kinds and script_of(name.text) == "Latn":
                yield gi_pos, pos, gi, name


def common_prefix(a: str, b: str) -> int:
    """How many letters `a` and `b` begin with alike."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def common_suffix(a: str, b: str) -> int:
    """How many letters `a` and `b` end with alike."""
    return common_prefix(a[::-1], b[::-1])
