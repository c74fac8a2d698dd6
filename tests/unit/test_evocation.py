"""Evocation without a 'style' word: coined names sharing a protected name's distinctive part, and
words a court held to evoke a GI."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import GI
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV, EU_REGISTER, make_gi


def _gi(gi_id: str, name: str, cls: str, country: str) -> GI:
    return make_gi(gi_id, name, cls, country, EU_REGISTER)


REGISTER = [
    _gi("fr-calvados", "Calvados", "Spirit", "FR"),
    _gi("it-gorgonzola", "Gorgonzola", "Cheeses", "IT"),
    _gi("fr-champagne", "Champagne", "Wine", "FR"),
    _gi("gb-scotch-whisky", "Scotch Whisky", "Spirit", "GB"),
    # three cheeses ending in -tina: the ending belongs to the language, not to one name
    _gi("it-fontina", "Fontina", "Cheeses", "IT"),
    _gi("it-galatina", "Galatina", "Cheeses", "IT"),
    _gi("it-martina", "Martina", "Cheeses", "IT"),
    _gi("fr-cotes-du-rhone", "Côtes du Rhône", "Wine", "FR"),
    _gi("fr-cotes-du-rhone-villages", "Côtes du Rhône Villages", "Wine", "FR"),
    _gi("es-rioja", "Rioja", "Wine", "ES"),
    _gi("hr-moslavina", "Moslavina", "Wine", "HR"),
    _gi("es-queso-manchego", "Queso Manchego", "Cheeses", "ES"),
]


@pytest.fixture(scope="module")
def eu() -> Checker:
    from names.knowledge import bundled_knowledge

    return Checker(ConflictIndex(REGISTER, bundled_knowledge()), "EU")


def _found(hits: list, gi_id: str):  # type: ignore[no-untyped-def]
    return next((h for h in hits if h.gi.id == gi_id), None)


def test_same_ending_on_like_goods(eu: Checker) -> None:
    # CJEU C-75/15 Viiniverla (21 Jan 2016): 'Verlados' for a cider spirit evokes Calvados; a shared
    # ending is also common in words of the language (Teekanne, Cairanne), so it stays a guess: medium
    hit = _found(eu.check("Verlados", "Spirit"), "fr-calvados")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    assert "shares 'ados'" in hit.reason and "a court weighs" in hit.reason
    # CJEU C-87/97 Consorzio Gorgonzola v Käserei Champignon (4 Mar 1999): 'Cambozola' evokes Gorgonzola
    assert _found(eu.check("Cambozola", "Cheeses"), "it-gorgonzola") is not None


def test_where_the_law_has_no_evocation_limb_a_coined_name_stays_medium() -> None:
    # in China Calvados is protected through the China-EU agreement (Annex IV), which lists no evocation
    from names.knowledge import bundled_knowledge

    cn = Checker(
        ConflictIndex([make_gi("fr-calvados", "Calvados", "Spirit", "FR", CN_IV)], bundled_knowledge()), "CN"
    )
    hit = _found(cn.check("Verlados", "Spirit"), "fr-calvados")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    assert "not a limb of the China–EU agreement" in hit.reason


def test_no_evocation_without_goods_or_on_other_goods_by_an_ending(eu: Checker) -> None:
    # goods unknown: a shared ending is no evidence
    assert _found(eu.check("Verlados"), "fr-calvados") is None
    assert _found(eu.check("Verlados", "Cheeses"), "fr-calvados") is None


def test_a_common_ending_is_not_a_distinctive_part(eu: Checker) -> None:
    # Arla's 'Apetina' white cheese: ends like Fontina, Galatina and Martina
    assert [h.gi.id for h in eu.check("Apetina", "Cheeses") if h.kind == "evocation"] == []


def test_most_of_the_beginning_on_services(eu: Checker) -> None:
    # CJEU C-783/19 CIVC v GB (9 Sep 2021): 'Champanillo' for tapas bars may evoke Champagne
    hit = _found(eu.check("Champanillo", "Non-food goods"), "fr-champagne")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    assert "other goods or services" in hit.reason


def test_a_word_a_court_held_evocative(eu: Checker) -> None:
    # LG Hamburg, 7 Feb 2019, after CJEU C-44/17: 'Glen' on a German whisky misleads as to Scotch origin
    hit = _found(eu.check("Glen Buchenbach", "Spirit"), "gb-scotch-whisky")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "high"
    assert "Landgericht Hamburg" in hit.reason
    assert _found(eu.check("Glen Buchenbach", "Cheeses"), "gb-scotch-whisky") is None
    unknown = _found(eu.check("Glen Buchenbach"), "gb-scotch-whisky")
    assert unknown is not None and unknown.severity == "medium"


def test_a_coined_word_beginning_with_a_word_held_evocative_is_a_guess(eu: Checker) -> None:
    # Glenloy, a Canadian whisky the Scotch Whisky Association objected to after C-44/17 (dropped under a
    # settlement): 'Glen' glued to more letters, medium at most and only on like goods
    hit = _found(eu.check("Glenloy", "Whisky"), "gb-scotch-whisky")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium", hit
    assert "begins with 'glen'" in hit.reason
    assert _found(eu.check("Glenloy", "Footwear"), "gb-scotch-whisky") is None
    # a word of the languages that begins so is no coined word (Glendale, a town)
    assert _found(eu.check("Glendale", "Whisky"), "gb-scotch-whisky") is None


def test_a_chinese_word_held_suggestive_counts_where_a_brand_begins_with_it() -> None:
    # China's TRAB rejected eight 'glen' whisky marks after SWA oppositions (SWA Legal Report 2013);
    # 格兰 is how Chinese writes 'Glen' in Scotch malt names (格兰菲迪 Glenfiddich)
    from gi_lists.model import Protection
    from names.knowledge import bundled_knowledge

    cn_gi = Protection(
        "CN", "national-register", "protected", None, None, "2010-01-01", None, "AQSIQ", "high"
    )
    scotch = make_gi(
        "gb-scotch-whisky",
        [("Scotch Whisky", "original"), ("苏格兰威士忌", "official-rendering")],
        "Spirit",
        "GB",
        cn_gi,
    )
    cn = Checker(ConflictIndex([scotch], bundled_knowledge()), "CN")
    hit = _found(cn.check("格兰德威士忌", "Spirit"), "gb-scotch-whisky")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    # 英格兰 is England: the characters do not begin the brand
    english = _found(cn.check("英格兰单一麦芽威士忌", "Spirit"), "gb-scotch-whisky")
    assert english is None or english.kind != "evocation"


def test_a_long_shared_beginning_on_other_goods_even_when_the_spelling_is_near(eu: Checker) -> None:
    # EUIPO Board of Appeal, 17 Apr 2020: 'Champagnola' for bakery goods and catering exploits the
    # reputation of Champagne; a near spelling alone would be low on other goods
    hit = _found(eu.check("Champagnola", "Non-food goods (bakery and catering services)"), "fr-champagne")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    # on a wine, a near spelling is the misspelling rule's case, not an evocation
    typo = _found(eu.check("Champagme", "Wine"), "fr-champagne")
    assert typo is not None and typo.kind == "fuzzy"


def test_a_name_glued_into_a_coined_word(eu: Checker) -> None:
    # Cour d'appel de Paris, 26 May 2023, n° 21/09232: NEWRHONE for wine evokes Côtes du Rhône through
    # 'Rhône'; a place that is only a part of the name stays a guess (medium)
    hit = _found(eu.check("NEWRHONE", "Wine"), "fr-cotes-du-rhone")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    assert "glued into a coined word" in hit.reason
    # of the names sharing the place, the shortest: not also its Villages
    assert _found(eu.check("NEWRHONE", "Wine"), "fr-cotes-du-rhone-villages") is None
    # the whole of a one-word name glued to other letters; the letters left over ('avina') are nobody's
    # distinctive ending (not Moslavina); a name of five letters inside a word can be chance
    # (trasporto): medium; six or more (Bordeauxland): the route's severity
    found = {h.gi.id: h for h in eu.check("Riojavina", "Wine")}
    assert found["es-rioja"].kind == "evocation" and found["es-rioja"].severity == "medium"
    assert "hr-moslavina" not in found
    # on other goods, nothing
    assert _found(eu.check("NEWRHONE", "Cheeses"), "fr-cotes-du-rhone") is None
    # a word ending after a name is a word of the language ('Comtesse' brie is no Comté)
    comte = ConflictIndex([_gi("fr-comte", "Comté", "Cheeses", "FR")], bundled_knowledge())
    assert [h for h in Checker(comte, "EU").check("Comtesse brie") if h.kind == "evocation"] == []


def test_a_purely_conceptual_evocation_held_by_a_court(eu: Checker) -> None:
    # Tribunal Supremo, STS 451/2019 (18 Jul 2019), after CJEU C-614/17: 'Adarga de Oro' (Don Quixote's
    # shield) on a cheese evokes Queso Manchego without sharing a letter with it
    hit = _found(eu.check("Adarga de Oro", "Cheeses"), "es-queso-manchego")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "high"
    assert "Tribunal Supremo" in hit.reason
    assert _found(eu.check("Adarga de Oro", "Wine"), "es-queso-manchego") is None


def test_words_of_the_language_are_not_coined(eu: Checker) -> None:
    # 'Teekanne' (teapot) ends like Cairanne, 'trasporto' (transport) contains Porto: vocabulary words
    ix = ConflictIndex(
        [_gi("fr-cairanne", "Cairanne", "Wine", "FR"), _gi("pt-porto", "Porto", "Wine", "PT")],
        bundled_knowledge(),
    )
    assert [h for h in Checker(ix, "EU").check("Teekanne", "Wine") if h.kind == "evocation"] == []
    bordeaux = ConflictIndex([_gi("fr-bordeaux", "Bordeaux", "Wine", "FR")], bundled_knowledge())
    hit = _found(Checker(bordeaux, "EU").check("NEWBORDEAUX", "Wine"), "fr-bordeaux")
    assert hit is not None and hit.kind == "evocation" and hit.severity == "high"


def test_a_loose_misspelling_does_not_hide_a_shared_beginning_on_like_goods(eu: Checker) -> None:
    # 'Calvadosse' is two letters from Calvados: too far for a close misspelling (low), yet it keeps the
    # whole name at its beginning on a spirit, the Verlados test (CJEU C-75/15): an evocation
    hit = _found(eu.check("Calvadosse", "Spirits"), "fr-calvados")
    assert hit is not None and hit.kind == "evocation" and hit.severity != "low", hit
