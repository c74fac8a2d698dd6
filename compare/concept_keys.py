"""Place and product concepts of a protected name, and the keys the name index adds from them (pure).

A name made of places and product words signs with each (place, product) pair ("parma" + "ham"), so that
"Parma ham", "jambon de Parme" and "帕尔玛火腿" meet "Prosciutto di Parma"; a place alone is kept too
(its other products of the same class are a partial match). A name that is one place or one product
word is that concept in every language.

Chinese names go from the wider place to the narrower: in 吉林长白山人参 the province (吉林) is not the
name's place, the mountain is, so only the last place signs with the product ("Changbai Mountain
ginseng"; "Jilin ginseng" is a partial match at most). A place inside the name's place (贺兰山 inside
贺兰山东麓) is kept apart: "Helan Mountain wine" names a part of the name's place, a partial match.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from compare.rules import CONNECTORS, Key
from names.knowledge import Knowledge
from names.normalise import compact, fold_native


class NameIndex(Protocol):
    """What these functions use of compare.index.NameIndex (which imports this module)."""

    @property
    def k(self) -> Knowledge: ...

    @property
    def signatures(self) -> dict[tuple[str, str], list[Key]]: ...

    @property
    def places_of(self) -> dict[str, list[Key]]: ...

    @property
    def place_names(self) -> dict[str, list[Key]]: ...

    @property
    def place_parts(self) -> dict[str, list[Key]]: ...

    @property
    def product_names(self) -> dict[str, list[Key]]: ...

    @property
    def product_of(self) -> dict[tuple[int, int], list[str]]: ...


def concepts_in_words(ix: NameIndex, words: list[str]) -> tuple[list[str], list[str], list[int], list[str]]:
    """(place concepts, product concepts, positions not explained, generic terms among those) of a
    Latin word list."""
    places: list[str] = []
    products: list[str] = []
    rest: list[int] = []
    generics: list[str] = []
    i = 0
    while i < len(words):
        found = False
        for j in range(min(len(words), i + 5), i, -1):
            c = "".join(words[i:j])
            if c in ix.k.places:
                places.extend(t.concept for t in ix.k.places[c])
                i, found = j, True
                break
            if c in ix.k.products:
                products.extend(t.concept for t in ix.k.products[c])
                i, found = j, True
                break
        if not found:
            if words[i] in ix.k.generics:
                generics.append(words[i])
            if words[i] not in CONNECTORS:
                rest.append(i)
            i += 1
    return places, products, rest, generics


def concepts_in_han(ix: NameIndex, text: str) -> tuple[list[str], list[str], str, list[str]]:
    """(place concepts, product concepts, characters not explained, the places' spans) of a Chinese
    string, the longest piece first."""
    places: list[str] = []
    products: list[str] = []
    rest: list[str] = []
    spans: list[str] = []
    s = compact(fold_native(text))
    i = 0
    while i < len(s):
        for j in range(min(len(s), i + 40), i, -1):
            piece = s[i:j]
            if piece in ix.k.places:
                places.extend(t.concept for t in ix.k.places[piece])
                spans.append(piece)
                i = j
                break
            if piece in ix.k.products:
                products.extend(t.concept for t in ix.k.products[piece])
                i = j
                break
        else:
            rest.append(s[i])
            i += 1
    return places, products, "".join(rest), spans


# characters that begin the rest of a place after a place inside it: directions and landforms
# (东麓 eastern foothills, 河岸 riverbank, 山 mountain)
PART_OF_PLACE = frozenset("东西南北中上下山河江湖岸麓岛峰")


def inner_places(ix: NameIndex, spans: Iterable[str]) -> list[str]:
    """Place concepts that begin the given place spans before a word of direction or landform, not the
    whole span (贺兰山 in 贺兰山东麓, the eastern foothills of the Helan Mountains): a place read from
    the middle of a span (山东 Shandong inside 贺兰山东麓) or from a longer transliteration (阿尔巴 Alba
    inside 阿尔巴斯 Arbas) is chance."""
    out: list[str] = []
    for span in spans:
        whole = {t.concept for t in ix.k.places[span]}
        for j in range(len(span) - 1, 1, -1):
            if span[j] in PART_OF_PLACE and span[:j] in ix.k.places:
                out.extend(t.concept for t in ix.k.places[span[:j]] if t.concept not in whole)
    return list(dict.fromkeys(out))


def _once(keys: list[Key], key: Key) -> None:
    if key not in keys:
        keys.append(key)


def _sign(ix: NameIndex, key: Key, places: list[str], products: list[str]) -> None:
    for place in dict.fromkeys(places):
        _once(ix.places_of[place], key)
        for product in dict.fromkeys(products):
            _once(ix.signatures[(place, product)], key)


def index_concepts(
    ix: NameIndex,
    gi: int,
    pos: int,
    text: str,
    places: list[str],
    products: list[str],
    rest: bool,
    *,
    narrowest_last: bool = False,
) -> None:
    """The place + product signature of a name made of them (a place alone signs too), and a name
    that is a single place or product. `narrowest_last`: a Chinese name, whose last place is its own
    (the ones before it are wider: a province)."""
    concept_key = Key(gi, pos, "concept", text)
    ix.product_of[(gi, pos)] = products
    distinct = list(dict.fromkeys(places))
    if places and products and not rest:
        if narrowest_last and len(distinct) > 1:
            _sign(ix, concept_key, distinct[-1:], products)
            _sign(ix, concept_key, distinct[:-1], [])
        else:
            _sign(ix, concept_key, places, products)
    elif places:
        _sign(ix, concept_key, places, [])
    _index_single_concept(ix, gi, pos, text, places, products, rest)


def generic_concept(ix: NameIndex, term: str) -> str:
    """The signature concept of a generic term (camembert in Camembert de Normandie; 卡门贝尔 too: the
    term's concept, whatever its language)."""
    known = ix.k.generics.get(term)
    return f"generic:{known.concept if known is not None and known.concept else term}"


def index_generic_and_place(
    ix: NameIndex, gi: int, pos: int, text: str, places: list[str], generic: str
) -> None:
    """A name that is a generic term and its place (Camembert de Normandie, Pecorino Sardo): the place in
    another language with the same term ("Normandy Camembert") translates the whole name."""
    key, concept = Key(gi, pos, "concept", text), generic_concept(ix, generic)
    for place in dict.fromkeys(places):
        _once(ix.signatures[(place, concept)], key)


def index_inner_places(ix: NameIndex, gi: int, pos: int, text: str, spans: list[str]) -> None:
    """The places inside a Chinese name's place (贺兰山 inside 贺兰山东麓): a partial match of the name."""
    key = Key(gi, pos, "inner-place", text)
    for place in inner_places(ix, spans):
        _once(ix.places_of[place], key)


def _index_single_concept(
    ix: NameIndex, gi: int, pos: int, text: str, places: list[str], products: list[str], rest: bool
) -> None:
    """A name that is nothing but a place (Margaux) or one product word (宣纸 Xuan paper): that place or
    product named in any language is the name."""
    if rest:
        return
    if places and not products and len(set(places)) == 1:
        ix.place_names[places[0]].append(Key(gi, pos, "place-name", text))
    elif places and not products:  # Parmigiano Reggiano: each place alone is part of the name
        for place in dict.fromkeys(places):
            ix.place_parts[place].append(Key(gi, pos, "place-part", text))
    elif products and not places and len(set(products)) == 1:
        ix.product_names[products[0]].append(Key(gi, pos, "product-name", text))
