"""The goods a label names, by Nice class (pure).

The product words of data/knowledge/product_terms.csv decide "same class" for the GI product classes
(compare.matching.label_class); the broader goods vocabulary of goods_terms.csv says which Nice class
any other goods or service word of the label is in (dog food 31, handbag 18, hotel 43), and
nice_classes.csv which Nice classes a GI's product class falls in (Cheeses 29, Wine 33). Together they
tell three labels apart that used to look alike:

- a label naming goods of another Nice class (a Bordeaux wine glass, Dogue de Bordeaux puppies): medium;
- a label with goods words the tool cannot place in one class ("accessories", "city"): goods unknown,
  medium at most;
- a label naming no goods at all (a brand, filler words): like goods assumed.

Words inside the matched name ("Parmigiano Reggiano" in "Parmigiano Reggiano cheese"), inside a generic
term of the label (波尔多液) and colour words never count as goods.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from compare.rules import COLOUR_HAN, COLOUR_WORDS, Candidate, LabelAnalysis, class_key
from names.knowledge import Knowledge, Term
from names.normalise import HAN_CHAR, compact, fold_latin, forms, latin_words

# Nice classes of foodstuffs and drinks (29 meat, fish, dairy, oils; 30 staples, tea, coffee; 31 fresh
# produce; 32 beer; 33 wine and spirits)
FOOD_NICE = frozenset({29, 30, 31, 32, 33})
# goods words that name a trade in goods, not goods ('shop', 'caviste', 商城): a shop under a name sells
# the name's goods
SELLING = frozenset({"retail"})
# product_terms' class for goods outside every GI class: goods_terms says which Nice class they are in
NON_FOOD_CLASS = "Non-food goods"
NON_FOOD = class_key(NON_FOOD_CLASS)
_MAX_WORDS = 5
# kinds whose label form is the label's own spelling of the name (not a place + product explanation)
_LITERAL_KINDS = frozenset(
    {"exact", "official-rendering", "script-variant", "homophone", "transliteration", "fuzzy"}
)
_MAX_CHARS = 8


@dataclass(frozen=True)
class GoodsWord:
    text: str  # the label's word(s), as folded
    concept: str  # dog food, handbag ...
    nice_class: int | None  # None: goods of no single class, or a place


@dataclass(frozen=True)
class LabelGoods:
    """Goods and service words of a label outside the matched name."""

    words: tuple[GoodsWord, ...] = ()
    # classes of the product words (product_terms) that a longer goods word swallows ("wine" in
    # "wine glass", 酒 in 酒店): they do not name the label's goods
    swallowed: frozenset[str] = frozenset()

    @property
    def placed(self) -> tuple[GoodsWord, ...]:
        return tuple(w for w in self.words if w.nice_class is not None)

    @property
    def unplaced(self) -> tuple[GoodsWord, ...]:
        return tuple(w for w in self.words if w.nice_class is None)


def nice_classes_of(knowledge: Knowledge, product_class: str | None) -> tuple[int, ...]:
    """The Nice classes of a GI product class ('Handicraft (porcelain)' -> (21,)); () when unknown."""
    key = class_key(product_class)
    if not key:
        return ()
    whole = fold_latin(product_class or "")
    best: tuple[int, ...] = ()
    best_len = -1
    for row in knowledge.nice_classes:
        row_key = class_key(row.product_class)
        if not row_key or not key.startswith(row_key):
            continue
        detail = fold_latin(row.detail) if row.detail else ""
        if detail and detail not in whole:
            continue
        rank = len(row_key) * 2 + (1 if detail else 0)  # the longest class, then the one with a detail
        if rank > best_len:
            best, best_len = row.classes, rank
    return best


def registered_goods(
    k: Knowledge, classes: Sequence[int], goods: str | None, gi_product_class: str | None
) -> tuple[str | None, GoodsVerdict | None]:
    """What the Nice classes a trademark is filed in say about one GI: (label class, verdict). Like goods
    where one of the mark's classes is one of the GI's (nice_classes_of); otherwise goods of another
    class, named by the mark's classes (a food class first: it is the closer one). (None, None) where the
    GI's Nice classes are unknown: like goods assumed."""
    gi_classes = nice_classes_of(k, gi_product_class)
    if not gi_classes or not classes:
        return None, None
    text = goods or "the mark's goods"
    shared = [c for c in classes if c in gi_classes]
    if shared:
        return None, GoodsVerdict("like", GoodsWord(text, "registered goods", shared[0]), gi_classes)
    nearest = next((c for c in classes if c in FOOD_NICE), classes[0])
    label_class = "Nice class " + "; ".join(str(c) for c in classes)
    return label_class, GoodsVerdict("other", GoodsWord(text, "registered goods", nearest), gi_classes)


def stated_goods(k: Knowledge, product_class: str | None) -> list[str]:
    """Concepts of the goods words a stated product class spells out in brackets ('Non-food goods
    (perfume)' -> perfume)."""
    if not product_class or "(" not in product_class:
        return []
    words = fold_latin(product_class[product_class.index("(") :]).split()
    out = [t.concept for _, products, goods in _segments(k, words, " ", _MAX_WORDS) for t in products + goods]
    return list(dict.fromkeys(out))


_HAN_RUN = re.compile(f"{HAN_CHAR}+")


def stated_nice_classes(k: Knowledge, text: str | None) -> tuple[tuple[int, ...], GoodsWord | None]:
    """The Nice classes of the goods and services words of goods a user stated that name no product of the
    register's ('cocktail', 'frozen pizza', 'banking', 保险服务), and the first of them where they all name a
    trade in goods ('online shop', 'wine shop': SELLING), else None; ((), None) where they name a product
    (its class reading decides) or nothing known."""
    if not text:
        return (), None
    units = [([w for w in latin_words(_HAN_RUN.sub(" ", text)) if w.isalpha()], " ", _MAX_WORDS)]
    units += [(list(run), "", _MAX_CHARS) for run in _HAN_RUN.findall(text)]
    found: list[GoodsWord] = []
    for words, joiner, limit in units:
        for span, products, goods in _segments(k, words, joiner, limit):
            if any(t.product_class and class_key(t.product_class) != NON_FOOD for t in products):
                return (), None
            found += [
                GoodsWord(span, t.concept, int(t.product_class or 0))
                for t in goods[:1]
                if (t.product_class or "").isdigit()
            ]
    classes = tuple(dict.fromkeys(w.nice_class for w in found if w.nice_class))
    selling = found[0] if found and all(w.concept in SELLING for w in found) else None
    return classes, selling


def selling_verdict(k: Knowledge, word: GoodsWord, gi_product_class: str | None) -> GoodsVerdict | None:
    """Stated goods that only name a trade in goods: a shop of the name's goods (None where the GI's Nice
    classes are unknown: like goods assumed)."""
    gi_classes = nice_classes_of(k, gi_product_class)
    return _shop_verdict(k, word, gi_classes) if gi_classes else None


def _shop_verdict(k: Knowledge, word: GoodsWord, gi_classes: tuple[int, ...]) -> GoodsVerdict:
    """A shop under a name sells the name's goods, unless its words name goods of another class: a 'wine
    shop' sells no Roquefort."""
    joiner = " " if word.text.isascii() else ""
    sold = [
        set(nice_classes_of(k, c)) & set(gi_classes) for c in _inner_product_classes(k, word.text, joiner)
    ]
    if any(sold):  # a wine shop under a wine's name: the name on the goods it sells, like goods
        shared = min(c for both in sold for c in both)
        return GoodsVerdict("like", GoodsWord(word.text, word.concept, shared), gi_classes)
    return GoodsVerdict("other" if sold else "retail", word, gi_classes)


def ends_with_goods(k: Knowledge, a: LabelAnalysis) -> bool:
    """Does the text end with a goods word, not a product word, of a Nice class none of its product words
    is in ('Wine glasses', 'Cheese knives', 葡萄酒杯, 'Non-alcoholic beverages'; not 茶叶, 'Tea bags',
    'Craft beer')? Its head then names those goods, not the product word before it."""
    units, joiner, limit = next(((u, j, n) for u, j, n in reversed(_label_units(a)) if u), ([], " ", 0))
    segments = _segments(k, units, joiner, limit)
    if not segments:
        return False
    span, products, goods = segments[-1]
    tail = span.split(" ") if joiner == " " else list(span)
    named = {n for _, cls in a.product_concepts if cls for n in nice_classes_of(k, cls)}
    same = any(g.product_class and int(g.product_class) in named for g in goods)
    # goods named by a product word at their end are that product ('Non-alcoholic wine' is a wine)
    product_last = bool(tail) and tail[-1] in k.products
    return bool(goods) and not products and not same and not product_last and units[-len(tail) :] == tail


def _lookup(k: Knowledge, key: str, plural: bool) -> tuple[list[Term], list[Term]]:
    products = k.products.get(key, [])
    vocabulary = k.goods_terms()
    goods = vocabulary.get(key, [])
    if plural and not products and not goods and len(key) > 3 and key.endswith("s"):
        goods = vocabulary.get(key[:-1], [])
    return products, goods


def _label_units(a: LabelAnalysis) -> list[tuple[list[str], str, int]]:
    """The label's Latin words and each run of its Chinese characters: (units, joiner, longest span)."""
    return [(a.own_words, " ", _MAX_WORDS)] + [(list(run), "", _MAX_CHARS) for run in a.han_runs]


def _once(a: LabelAnalysis, key: object, make: Callable[[], Any]) -> Any:
    """`make()` once per label: label_goods runs for every candidate name of the label, and what only
    depends on the label would otherwise cost (label length x candidates), quadratic in a long label."""
    if key not in a.memo:
        a.memo[key] = make()
    return a.memo[key]


def _product_covered(k: Knowledge, units: list[str]) -> list[bool]:
    """Which units are part of a product word (of a food class)."""
    covered = [False] * len(units)
    for i in range(len(units)):
        for j in range(i + 1, min(len(units), i + _MAX_CHARS) + 1):
            rows = k.products.get("".join(units[i:j]), ())
            if any(t.product_class and class_key(t.product_class) != NON_FOOD for t in rows):
                covered[i:j] = [True] * (j - i)
    return covered


def _all_name_or_products(k: Knowledge, a: LabelAnalysis, inside: set[str]) -> bool:
    """True when every word (character) of the label is part of the name or a product word: nothing
    is left for the goods vocabulary, which is then not even read (香宾酒, Champagne)."""
    for index, (units, _, _) in enumerate(_once(a, "units", lambda: _label_units(a))):
        by_product = _once(a, ("products", index), lambda: _product_covered(k, units))  # noqa: B023
        for unit, product in zip(units, by_product, strict=True):
            if not product and not any(unit in m for m in inside):
                return False
    return True


def _segments(
    k: Knowledge, units: list[str], joiner: str, limit: int
) -> list[tuple[str, list[Term], list[Term]]]:
    """Longest product or goods words, left to right: (span, product rows, goods rows)."""
    out = []
    i = 0
    while i < len(units):
        for j in range(min(len(units), i + limit), i, -1):
            span = "".join(units[i:j])
            products, goods = _lookup(k, span, plural=joiner == " ")
            if products or goods:
                out.append((joiner.join(units[i:j]), products, goods))
                i = j
                break
        else:
            i += 1
    return out


def _inner_product_classes(k: Knowledge, span: str, joiner: str) -> set[str]:
    """Classes of product words inside a longer goods word ('wine' in 'wine glass')."""
    units = span.split(" ") if joiner == " " else list(span)
    out: set[str] = set()
    for i in range(len(units)):
        for j in range(i + 1, len(units) + 1):
            if j - i == len(units):
                continue
            for t in k.products.get("".join(units[i:j]), ()):
                if t.product_class:
                    out.add(class_key(t.product_class))
    return out


def label_goods(k: Knowledge, a: LabelAnalysis, cand: Candidate) -> LabelGoods:
    # the name as the label writes it and as protected; a rule that explains the whole label (a place and
    # a product word, 'Bordeaux wine glass') leaves only the protected form to exclude
    whole = {compact(f) for f in forms(a.text)}
    if {compact(f) for f in forms(cand.matched_form)} & whole or (
        cand.kind in _LITERAL_KINDS and {compact(f) for f in forms(cand.label_form)} & whole
    ):
        return LabelGoods()  # the label is the name and nothing else
    texts = [t for t in (cand.label_form, cand.matched_form) if not {compact(f) for f in forms(t)} & whole]
    inside = {compact(f) for text in texts for f in forms(text)}
    if _all_name_or_products(k, a, inside):
        return LabelGoods()
    generics = set(a.generic_terms)
    words: list[GoodsWord] = []
    swallowed: set[str] = set()
    standalone: set[str] = set()
    for index, (units, joiner, limit) in enumerate(_once(a, "units", lambda: _label_units(a))):
        segments = _once(a, ("segments", index), lambda: _segments(k, units, joiner, limit))  # noqa: B023
        for span, products, goods in segments:
            key = span.replace(" ", "")
            if any(key in m for m in inside) or any(key in g for g in generics):
                continue
            if span in COLOUR_WORDS or span in COLOUR_HAN:
                continue
            classes = {class_key(t.product_class) for t in products if t.product_class}
            if products and (classes - {NON_FOOD} or not goods):
                standalone |= classes  # product_terms decide the class (compare.matching.label_class)
                continue
            swallowed |= _inner_product_classes(k, span, joiner)
            for t in goods[:1]:
                words.append(GoodsWord(span, t.concept, int(t.product_class) if t.product_class else None))
    return LabelGoods(tuple(words), frozenset(swallowed - standalone))


@dataclass(frozen=True)
class GoodsVerdict:
    """What the label's goods words say about one GI: like, other (another Nice class), retail (only a
    shop's words: the name's goods are what it sells) or unknown."""

    kind: str  # like, other, retail, unknown
    word: GoodsWord
    gi_classes: tuple[int, ...]

    def phrase(self, gi_product_class: str | None) -> str:
        w = self.word
        if self.kind == "unknown":
            what = "a place, not goods" if w.concept.startswith("place") else "goods of no single class"
            return f"goods unknown ('{w.text}' is {what}): medium at most"
        classes = ", ".join(str(c) for c in self.gi_classes)
        label = "classes" if len(self.gi_classes) > 1 else "class"
        if self.kind == "like":
            return f"like goods ({w.text}, Nice class {w.nice_class})"
        if self.kind == "retail":
            return (
                f"a shop under the name ({w.text}, Nice class {w.nice_class}): it sells goods under the "
                "name, lawful only where they are the genuine product; which goods it sells decides: medium"
            )
        return (
            f"the label's goods ({w.text}, Nice class {w.nice_class}) are another class than the GI's "
            f"({gi_product_class}, {label} {classes})"
        )


def verdict(k: Knowledge, goods: LabelGoods | None, gi_product_class: str | None) -> GoodsVerdict | None:
    """None when the goods words decide nothing (none found, or the GI's Nice classes unknown)."""
    if goods is None or not goods.words:
        return None
    gi_classes = nice_classes_of(k, gi_product_class)
    if not gi_classes:
        return None
    placed = goods.placed
    for w in placed:
        if w.nice_class in gi_classes:
            return GoodsVerdict("like", w, gi_classes)
    if placed and all(w.concept in SELLING for w in placed):  # 'Cava shop': a shop of the name's goods
        return _shop_verdict(k, placed[0], gi_classes)
    if placed:
        return GoodsVerdict("other", placed[0], gi_classes)
    return GoodsVerdict("unknown", goods.unplaced[0], gi_classes)
