"""How the index takes a name apart (pure): the concepts, generic terms and distinctive components of a
Latin name; the concepts, the part after the place and the core before the product of a Chinese or Thai
name. Called by NameIndex for each name it indexes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from compare import concept_keys
from compare.concept_keys import (
    concepts_in_han,
    concepts_in_words,
    index_concepts,
    index_generic_and_place,
    index_inner_places,
)
from compare.name_parts import product_core
from compare.rules import CONNECTORS, LAUDATORY_WORDS, NO_PART, Key
from gi_lists.model import GI
from names.normalise import compact, fold_native, has_han, latin_words, name_syllables

_SIDES = re.compile(r"\s[-–]\s")  # 'Coppa de Corse - Coppa di Corsica', 'Zagorje – Međimurje'


class NameIndex(concept_keys.NameIndex, Protocol):
    """What these functions use of compare.index.NameIndex (which imports this module)."""

    @property
    def gis(self) -> Sequence[GI]: ...

    @property
    def generic_in(self) -> dict[str, list[Key]]: ...

    @property
    def _native_generics(self) -> list[str]: ...

    def _add_latin(self, words: Iterable[str], key: Key) -> None: ...

    def romanised(self, gi: int, pos: int) -> bool: ...

    def index_native_and_readings(
        self, part: str, key: Key, han: bool, syllables: tuple[str, ...] | None = None
    ) -> None: ...


def language_versions(ix: NameIndex, text: str) -> list[str]:
    """The two sides of a name registered in two languages, each a name of its own: sides that name the
    same place ('Coppa de Corse - Coppa di Corsica', "Piment d'Espelette - Ezpeletako Biperra"), sides of
    two words or more (not Candia of 'Χάνδακας - Candia'); none for two places or a place and a wine
    ('Zagorje – Međimurje', 'Conegliano - Prosecco')."""
    if " - " not in text and " – " not in text:
        return []
    sides = _SIDES.split(text)
    if len(sides) != 2 or has_han(text):
        return []
    places = [set(concept_keys.concepts_in_words(ix, latin_words(side))[0]) for side in sides]
    if not places[0] & places[1]:
        return []
    # a side of one word (Candia, Lonzu) is too often a word or a brand of its own: the register's name
    # is still found whole
    return [side.strip() for side in sides if len(latin_words(side)) >= 2]


def index_latin_parts(ix: NameIndex, gi: int, pos: int, text: str, words: list[str]) -> None:
    """Concepts, generic terms inside a compound and distinctive components of a Latin name."""
    places, products, rest, generics = concepts_in_words(ix, words)
    if places and not products and len(generics) == 1 and len(rest) == 1:
        index_generic_and_place(ix, gi, pos, text, places, generics[0])
    # a Chinese name's transcription goes from the wider place to the narrower, as its characters do
    names = ix.gis[gi].names
    chinese = (
        names[pos].kind == "transcription"
        and "CN" in ix.gis[gi].origin_countries
        and any(has_han(n.text) for n in names)
    )
    index_concepts(ix, gi, pos, text, places, products, bool(rest), narrowest_last=chinese)
    # generic terms inside a compound (Mozzarella di Bufala Campana)
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            c = "".join(words[i:j])
            if c in ix.k.generics and len(words) > j - i:
                ix.generic_in[c].append(Key(gi, pos, "generic", text))
    # distinctive components: runs of words that are neither product, place, connector nor generic
    # (not for romanised Chinese or Thai names: their parts are found through the characters)
    # (nor for translations: "Finnish fruit liqueur" has no distinctive part of its own)
    kind = ix.gis[gi].names[pos].kind
    if len(words) >= 2 and not ix.romanised(gi, pos) and kind != "translation":
        explained = set(range(len(words))) - set(rest)
        runs: list[list[str]] = []
        current: list[str] = []
        for i, w in enumerate(words):
            if i in explained or w in CONNECTORS or w in ix.k.generics or w in LAUDATORY_WORDS:
                if current:
                    runs.append(current)
                current = []
            else:
                current.append(w)
        if current:
            runs.append(current)
        # a name that is one run and product words only is that run with its product: the run is the
        # name's core, as 龙井 is of 龙井茶 (Marennes Oléron of Huîtres Marennes Oléron, Tetilla of Queso
        # Tetilla), the name itself on goods of its class
        core = len(runs) == 1 and bool(products) and not places and not generics
        for run in runs:
            c = "".join(run)
            if len(c) >= 5 and run != words and c not in ix.k.generics and c not in NO_PART:
                ix._add_latin(run, Key(gi, pos, "latin-core" if core else "component", text))


def index_han_parts(ix: NameIndex, gi: int, pos: int, text: str) -> None:
    """Concepts, the part after the place, the part before the product, and generic terms inside a
    Chinese or Thai name."""
    han = has_han(text)
    places, products, rest_chars, spans = concepts_in_han(ix, text)
    chinese = han and "CN" in ix.gis[gi].origin_countries  # foreign names keep their own order
    index_concepts(ix, gi, pos, text, places, products, bool(rest_chars), narrowest_last=chinese)
    if han:
        index_inner_places(ix, gi, pos, text, spans)
    s = compact(fold_native(text))
    syllables = name_syllables(text) if han else None  # parts read as they do inside the name
    # the part after the place name is a component (安溪铁观音 -> 铁观音, tie guan yin)
    for j in range(len(s) - 1, 1, -1):
        head = s[:j]
        if head in ix.k.places:
            tail = s[j:]
            if len(tail) >= 2 and tail not in ix.k.products:
                part_syllables = syllables[j:] if syllables else None
                ix.index_native_and_readings(tail, Key(gi, pos, "component", text), han, part_syllables)
            break
    # the part before a closing product word is the core (龙井茶 -> 龙井, "Lung Ching" + tea)
    cut = product_core(ix.k, text)
    if cut:
        j, core = cut
        # a core that is only a place counts with the name's own product, never alone
        via = "place-core" if core in ix.k.places else "core"
        part_syllables = syllables[:j] if syllables else None
        ix.index_native_and_readings(core, Key(gi, pos, via, text), han, part_syllables)
    # generic terms inside the name (大米 in 五常大米)
    for g in ix._native_generics:
        if g in s and g != s:
            ix.generic_in[g].append(Key(gi, pos, "generic", text))
