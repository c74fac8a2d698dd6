"""How a match on a name's core is named and weighed (pure): the name without its product word (龙井 of
龙井茶, 泸州老窖 of 泸州老窖酒, Marennes Oléron of Huîtres Marennes Oléron) with the product in other words,
alone on goods of the name's class (its short form), or beside other words (a partial match). Called by
compare.classify for keys whose via is core, place-core or latin-core."""

from __future__ import annotations

from compare.index import NameIndex
from compare.rules import (
    BASE_SCORE,
    CONNECTORS,
    OTHER_PRODUCT_WHY,
    Candidate,
    Key,
    LabelAnalysis,
    class_key,
    same_class,
)
from names.common_words import is_common_word
from names.normalise import compact, fold_latin, has_han, has_thai, pinyin, thai_romanisation, to_simplified

# product classes too wide to say that two products in them are the same goods (rice and goji berries)
WIDE_CLASSES = ("fresh or processed fruit", "other products")


def _standard_reading(name: str, span: str) -> bool:
    """Is the label's Latin span part of the name's pinyin or RTGS reading (Anji of 安吉白茶), not an old
    romanisation (Lung Ching of 龙井茶)?"""
    reading = (
        thai_romanisation(name) if has_thai(name) else pinyin(to_simplified(name)) if has_han(name) else name
    )
    return bool(reading) and compact(fold_latin(span)) in compact(fold_latin(reading or ""))


COMMON_CORE = (
    "medium",
    "the name's own part is also a word of the languages (a place or people's name, an adjective): which is "
    "meant is to be checked",
)


def _latin_core(
    ix: NameIndex, key: Key, span: str, a: LabelAnalysis, own_products: set[str]
) -> Candidate | None:
    """A European name's one distinctive run (Marennes Oléron of Huîtres Marennes Oléron): with the name's
    product in another language and nothing else it is the name translated ('Limoni di Sorrento', 'Gaeta
    olives'); with all the name's own other words, the name ('Huîtres de Marennes Oléron'); alone on goods
    of the name's class its short form ('Marennes-Oléron' on oysters). With more words (an ingredient:
    'Sorrento lemon cake'; another product: 'New Jersey sweet corn') or only some of the name's words
    ('Somerset cider' of Somerset Cider Brandy) a partial match; a run that is also a word of the
    languages (Canada, Latina, Hollandse) at most medium."""
    gi = ix.gis[key.gi]
    name_words = [w for w in fold_latin(gi.names[key.name].text).split() if w not in CONNECTORS]
    run = fold_latin(span).split()
    product_words = [w for p in a.product_spans.values() if p for w in fold_latin(p).split()]
    said = set(product_words) | set(run) | {w for m in a.modifiers for w in fold_latin(m).split()}
    rest = [w for w in a.own_words if w not in said and w not in CONNECTORS]
    common = is_common_word(compact(" ".join(run)), ix.k.directory)
    like = any(ix.compatible(c, own) for c in a.main_products for own in own_products)
    cap = COMMON_CORE if common else None
    if like and not rest and not a.modifier:
        others = sorted(w for w in name_words if w not in run)
        if product_words and sorted(product_words) == others:
            return Candidate(key.gi, "exact", 0.9, key.text, span, "the name's words apart", max_severity=cap)
        if not set(product_words) & set(name_words):
            note = "the name's own part, with the product named in another language"
            return Candidate(key.gi, "translation", 0.9, key.text, span, note, max_severity=cap)
    if like and a.modifier and not rest:  # 'Pachino style cherry tomatoes'; not 'Sorrento style sorbet'
        modifier = a.modifier
        return Candidate(key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{modifier}'")
    alone = not rest and not a.product_concepts
    note = "the name's short form, without its product word" if alone else "the name's own part"
    return _short_form(key, span, a, gi.product_class, note, alone, cap)


def name_core(ix: NameIndex, key: Key, span: str, a: LabelAnalysis, *, native: bool) -> Candidate | None:
    """The name without its product word: with a product of the same class it is the name in
    another writing (龙井 + tea = 龙井茶, 帕达诺 + 芝士 = 帕达诺干奶酪); a place part with a product in
    Chinese characters, or a part alone, is a partial match."""
    gi = ix.gis[key.gi]
    own_products = set(ix.product_of.get((key.gi, key.name), []))
    asian = bool({"CN", "TH"} & set(gi.origin_countries))  # its Latin names are romanisations
    if key.via == "latin-core":  # a European name's own run (Marennes Oléron)
        return _latin_core(ix, key, span, a, own_products)
    if own_products & ix.broad_products and not class_key(gi.product_class).startswith(WIDE_CLASSES):
        like = any(same_class(cls, gi.product_class) for _, cls in a.product_concepts)
    else:
        like = any(ix.compatible(c, own) for c in a.main_products for own in own_products)
    if like and (not native or key.via == "core"):
        modifier = a.modifier
        if modifier:
            return Candidate(
                key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{modifier}'"
            )
        if native and asian:  # 阳澄湖蟹 for 阳澄湖大闸蟹: the place with its product in other words
            return Candidate(
                key.gi,
                "partial",
                0.9,
                key.text,
                span,
                "the name's place with its product in other words",
                short_form=True,
            )
        # a romanised name's part in its standard reading (Anji, Phatthalung) with the product in another
        # language is the name translated; an old romanisation of it (Lung Ching, Chinkiang) with the
        # product is a transliteration, as is a Chinese rendering's part (帕达诺 + 芝士)
        translated = not native and _standard_reading(key.text, span)
        return Candidate(
            key.gi,
            "translation" if translated else "transliteration",
            0.9,
            key.text,
            span,
            "the name's own part, with the product named in another language",
        )
    # the name without its product word is how the trade names the product (龙井 for 龙井茶 Longjing
    # tea): where the user says the goods are of the name's class, it counts as the name (alone it may
    # be a place or a brand: 苏格兰 Scotland is the core of 苏格兰威士忌)
    stated_like = bool(a.states_like(gi.product_class)) and not a.product_concepts
    if key.via == "place-core":
        # the name's place without its product: a partial use, unless the label names goods of
        # another class (安吉竹笋 is bamboo shoots, not 安吉白茶)
        if _other_goods(a, gi.product_class):
            return None
        cand = Candidate(
            key.gi,
            "partial",
            BASE_SCORE["partial"] - 0.07,
            key.text,
            span,
            "the name's place without its product" + (", on goods of its class" if stated_like else ""),
            short_form=stated_like,
        )
        if (
            own_products
            and a.main_products
            and not any(ix.compatible(c, own) for c in a.main_products for own in own_products)
        ):
            cand.max_severity = ("low", OTHER_PRODUCT_WHY)  # 宁夏枸杞 goji is not 宁夏大米 rice
        return cand
    return _short_form(
        key, span, a, gi.product_class, "the name's short form, without its product word", True
    )


def _other_goods(a: LabelAnalysis, gi_class: str) -> bool:
    """Does the label name goods of another class than the GI's?"""
    return any(not same_class(cls, gi_class) for _, cls in a.product_concepts if cls)


def _short_form(
    key: Key,
    span: str,
    a: LabelAnalysis,
    gi_class: str,
    note: str,
    alone: bool,
    cap: tuple[str, str] | None = None,
) -> Candidate:
    """A partial use of the name's core: as severe as the name (its short form) where the core stands
    `alone` and the user says the goods are of the name's class, none of another."""
    return Candidate(
        key.gi,
        "partial",
        BASE_SCORE["partial"] + 0.05,
        key.text,
        span,
        note,
        short_form=alone and bool(a.states_like(gi_class)) and not _other_goods(a, gi_class),
        max_severity=cap,
    )
