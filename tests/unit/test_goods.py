"""Goods decide severity: a GI name on goods of another Nice class is medium and says which goods and
class (low on goods that are not foodstuffs, for a food or drink GI, unless a decision on record holds
that the name's reputation reaches other goods there); goods the tool cannot place are 'goods unknown'
(medium at most); only a label naming no goods at all is 'like goods assumed'. Real-market examples,
each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from compare.goods import nice_classes_of
from gi_lists.model import GI, Name, Protection
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV as IV
from tests.registers import EU_III as III
from tests.registers import EU_REGISTER


def gi(gi_id: str, names: list[tuple[str, str]], cls: str, origin: str, *prots: Protection) -> GI:
    return GI(gi_id, tuple(Name(t, k) for t, k in names), cls, origin, None, tuple(prots))


REGISTER = [
    gi(
        "fr-champagne",
        [("Champagne", "original"), ("香槟", "official-rendering")],
        "Wine",
        "FR",
        IV,
        EU_REGISTER,
    ),
    gi("fr-bordeaux", [("Bordeaux", "original"), ("波尔多", "official-rendering")], "Wine", "FR", IV),
    gi("fr-bourgogne", [("Bourgogne", "original"), ("勃艮第", "official-rendering")], "Wine", "FR", IV),
    gi("fr-roquefort", [("Roquefort", "original"), ("罗克福", "official-rendering")], "Cheeses", "FR", IV),
    gi("fr-cognac", [("Cognac", "original"), ("干邑", "official-rendering")], "Spirit", "FR", IV),
    gi("it-parmigiano-reggiano", [("Parmigiano Reggiano", "original")], "Cheeses", "IT", IV),
    gi("cn-moutai-jiu", [("茅台酒", "original"), ("Moutai Jiu", "transcription")], "Spirit", "CN", III),
    gi(
        "cn-jingdezhen-ci-qi",
        [("景德镇瓷器", "original"), ("Jingdezhen Ci Qi", "transcription")],
        "Handicraft (porcelain)",
        "CN",
        III,
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def hit_for(index: ConflictIndex, label: str, gi_id: str, jurisdiction: str = "CN"):
    hits = [h for h in Checker(index, jurisdiction).check(label) if h.gi.id == gi_id]
    assert hits, f"no hit on {gi_id} for {label!r}"
    return hits[0]


def test_the_bundled_goods_vocabulary_places_words_in_nice_classes():
    goods = bundled_knowledge().goods_terms()
    classes = {t.product_class for terms in (goods["dogfood"], goods["狗粮"], goods["hotel"]) for t in terms}
    assert classes == {"31", "43"}
    assert {t.product_class for t in goods["handbag"]} == {"18"}
    assert all(t.source and t.confidence for terms in goods.values() for t in terms)


@pytest.mark.parametrize(
    "product_class,classes",
    [
        ("Wine", (33,)),
        ("Spirit (Fruit spirit)", (33,)),
        ("Beer", (32,)),
        ("Cheeses", (29,)),
        ("Meat products (cooked, salted, smoked, etc.)", (29,)),
        ("Tea", (30,)),
        ("Other products of animal origin (honey)", (30,)),
        ("Other products (vinegar)", (30,)),
        ("Handicraft (porcelain)", (21,)),
        ("Handicraft (embroidery)", (26, 24)),
        ("Handicraft (fireworks)", (13,)),
        ("no such class", ()),
    ],
)
def test_each_gi_product_class_falls_in_its_nice_classes(product_class, classes):
    assert nice_classes_of(bundled_knowledge(), product_class) == classes


def test_a_dog_breed_named_after_a_wine_region_is_another_class_not_high(index):
    # Dogue de Bordeaux: FCI breed standard No. 116 (Fédération Cynologique Internationale), a French
    # mastiff; puppies are sold as "Dogue de Bordeaux puppies" (live animals, Nice class 31)
    hit = hit_for(index, "Dogue de Bordeaux puppies for sale", "fr-bordeaux")
    assert hit.severity == "medium"
    assert "Nice class 31" in hit.reason and "(Wine, class 33)" in hit.reason


def test_pet_food_with_a_cheese_name_says_its_goods_and_class(index):
    # pet food and treats named after famous foods: CIVC v. CHAMPAWS (dog food and a dog drink), EUIPO
    # opposition, reported by Abcor, https://trademarkagency.abcor.eu/merkennieuws/merken/champagne-stops-champaws
    hit = hit_for(index, "Roquefort dog treats", "fr-roquefort")
    assert hit.severity == "medium"
    assert (
        "the label's goods (dog treats, Nice class 31) are another class than the GI's (Cheeses, class 29)"
        in hit.reason
    )
    assert hit_for(index, "罗克福狗粮", "fr-roquefort").severity == "medium"


def test_a_plant_protection_product_named_after_a_wine_region_is_not_high(index):
    # Burgundy mixture (bouillie bourguignonne): copper sulphate and sodium carbonate, a fungicide first
    # used on vines around 1885 (en.wikipedia 'Burgundy mixture'); Bordeaux mixture is a generic term
    hit = hit_for(index, "Burgundy mixture fungicide 1 kg", "fr-bourgogne")
    assert hit.severity == "low" and "Nice class 5" in hit.reason and "no such decision" in hit.reason
    assert hit_for(index, "Bordeaux mixture fungicide", "fr-bordeaux").severity == "low"


def test_a_hotel_named_after_a_wine_region_is_a_service_of_class_43(index):
    # hotels and restaurants named after GIs: CJEU C-783/19 Champanillo (tapas bars, 9 Sept 2021) holds
    # that a PDO is protected against use for services too. Where a decision on the name's reputation is
    # on record there (reputations.csv: Champagne in the EU and in China) the tool flags such use at
    # medium and cites the decision; for a name without one (Bordeaux here) the hit is low and says why
    for label in ("Hotel Champagne", "香槟酒店"):
        for where in ("CN", "EU"):
            hit = hit_for(index, label, "fr-champagne", where)
            assert hit.severity == "medium" and "Nice class 43" in hit.reason, hit.reason
            # a decision held for other goods (soft drinks, restaurants) is cited as such: not for hotels
            assert "reputation was held to reach goods of other classes" in hit.reason, hit.reason
            assert "case-by-case" in hit.reason
    hit = hit_for(index, "Hotel Champagne", "fr-champagne", "EU")
    assert "curia.europa.eu" in (hit.legal_source or "") or "origin-gi" in (hit.legal_source or "")
    for label in ("Hotel Bordeaux", "波尔多酒店"):
        hit = hit_for(index, label, "fr-bordeaux")
        assert hit.severity == "low" and "Nice class 43" in hit.reason, hit.reason
        assert "no such decision is on record" in hit.reason
    # 酒 inside 酒店 (hotel) is not liquor
    hit = hit_for(index, "茅台酒店", "cn-moutai-jiu", "EU")
    assert hit.severity == "low" and "Nice class 43" in hit.reason


def test_cosmetics_fashion_and_glassware_are_other_classes(index):
    # Unilever's "Andrelon Champagne shampoo", withdrawn after CIVC action (Abcor, as above);
    # Yves Saint Laurent's perfume "Champagne" (Paris Court of Appeal, 15 Dec 1993, renamed Yvresse);
    # BNIC v Ford, a car colour named Cognac (Jiangsu High Court, (2021)苏知终6号, 9 Aug 2023)
    reputed = (
        ("Andrelon Champagne shampoo", "fr-champagne", "Nice class 3"),
        ("Champagne eau de parfum 50 ml", "fr-champagne", "Nice class 3"),
        ("Cognac leather jacket", "fr-cognac", "(leather, Nice class 18)"),
        ("Cognac down jacket", "fr-cognac", "(down jacket, Nice class 25)"),
        ("Champagne glasses set of 6", "fr-champagne", "Nice class 21"),
        ("香槟杯", "fr-champagne", "Nice class 21"),
    )
    for label, gi_id, nice in reputed:  # decisions on these names' reputation in China are on record
        hit = hit_for(index, label, gi_id)
        assert hit.severity == "medium" and nice in hit.reason, (label, hit.reason)
        assert "reputation was held" in hit.reason
    # no well-known mark nor decision on Bordeaux's or Bourgogne's reputation in China is on record: low
    for label, gi_id, nice in (
        ("Bordeaux wine glass", "fr-bordeaux", "Nice class 21"),
        ("Bordeaux leather handbag", "fr-bordeaux", "Nice class 18"),
        ("Bourgogne eau de parfum", "fr-bourgogne", "Nice class 3"),
    ):
        hit = hit_for(index, label, gi_id)
        assert hit.severity == "low" and nice in hit.reason, (label, hit.reason)
    # in France the Paris Court of Appeal held Champagne's reputation reaches perfume (YSL, 1993): the
    # decision held for the label's goods is the one cited
    hit = hit_for(index, "Champagne eau de parfum 50 ml", "fr-champagne", "FR")
    assert hit.severity == "medium" and "93-25039" in hit.reason, hit.reason
    # a GI that is not food keeps medium on other goods (porcelain names on tiles: below)


def test_a_sorbet_with_a_wine_name_is_another_class(index):
    # CJEU C-393/16 Champagner Sorbet (20 Dec 2017): Aldi's "Champagner Sorbet" (an ice, Nice class 30)
    hit = hit_for(index, "Champagner Sorbet", "fr-champagne")
    assert hit.severity == "medium" and "Nice class 30" in hit.reason


def test_tiles_with_a_porcelain_gi_name_are_building_materials(index):
    hit = hit_for(index, "景德镇瓷砖", "cn-jingdezhen-ci-qi", "EU")
    assert hit.severity == "medium" and "Nice class 19" in hit.reason


def test_goods_the_tool_cannot_place_are_unknown_and_medium_at_most(index):
    hit = hit_for(index, "Champagne accessories", "fr-champagne")
    expected = "goods unknown ('accessories' is goods of no single class): medium at most"
    assert hit.severity == "medium" and hit.reason.rstrip(".").endswith(expected)
    hit = hit_for(index, "Bordeaux city", "fr-bordeaux")
    assert hit.severity == "medium" and "a place, not goods" in hit.reason


def test_a_label_naming_no_goods_is_like_goods_assumed(index):
    hit = hit_for(index, "Champagne", "fr-champagne")
    assert hit.severity == "high" and "like goods assumed (the label names no goods)" in hit.reason


def test_a_product_word_inside_the_match_is_named_goods_not_assumed(index):
    # 茅台酒 names liquor (酒): the name's own product word is the label's goods
    hit = hit_for(index, "茅台酒", "cn-moutai-jiu", "EU")
    assert hit.severity == "high" and "like goods (the label's product word is the name's own)" in hit.reason
    assert "names no goods" not in hit.reason


def test_goods_of_the_gis_own_class_stay_high(index):
    assert hit_for(index, "Parmigiano Reggiano cheese", "it-parmigiano-reggiano").severity == "high"
    assert hit_for(index, "香宾酒", "fr-champagne").severity == "high"
    # cider is Nice class 33 like wine: the goods words find it like goods
    hit = hit_for(index, "Champagne cider", "fr-champagne")
    assert hit.severity == "high", hit.reason


def test_the_product_word_inside_the_name_and_colour_uses_are_not_other_goods(index):
    # 酒 is part of the protected name 茅台酒: it is not a goods word of the label
    assert hit_for(index, "茅台酒", "cn-moutai-jiu", "EU").severity == "high"
    # a colour use stays a colour use (medium), whatever the goods
    hit = hit_for(index, "Champagne colour dress", "fr-champagne")
    assert hit.severity == "medium" and "colour" in hit.reason


def test_the_users_product_class_overrides_the_goods_words(index):
    hits = Checker(index, "CN").check("Champagne dog food", "Wine")
    assert hits[0].gi.id == "fr-champagne" and hits[0].severity == "high"


def test_a_tea_name_on_lingerie_where_a_decision_on_its_reputation_is_on_record():
    # EU General Court T-624/13 to T-627/13 (2 Oct 2015), Tea Board v OHIM - Delta Lingerie: the
    # refusal of 'Darjeeling collection de lingerie' for clothing was annulled for want of an assessment
    # of the unfair advantage taken of Darjeeling's reputation (without a decision on record: low)
    darjeeling = gi("in-darjeeling", [("Darjeeling", "original")], "Tea", "IN", EU_REGISTER)
    ix = ConflictIndex([darjeeling], bundled_knowledge())
    hit = next(
        h for h in Checker(ix, "EU").check("Darjeeling collection de lingerie") if h.gi.id == "in-darjeeling"
    )
    assert hit.severity == "medium" and "T-624/13" in hit.reason, hit.reason


def test_a_place_part_of_a_name_on_goods_of_another_class_is_low():
    # Dijon mustard is no use of Cassis de Dijon (a blackcurrant liqueur); a Bologna sausage none of the
    # Patata di Bologna (a potato): the label's goods words decide partial matches too
    register = [
        gi("fr-cassis-de-dijon", [("Cassis de Dijon", "original")], "Spirit", "FR", EU_REGISTER),
        gi(
            "it-patata-di-bologna",
            [("Patata di Bologna", "original")],
            "Fresh or processed fruit, vegetables and cereals",
            "IT",
            EU_REGISTER,
        ),
    ]
    checker = Checker(ConflictIndex(register, bundled_knowledge()), "EU")
    mustard = next(h for h in checker.check("Dijon mustard") if h.gi.id == "fr-cassis-de-dijon")
    assert mustard.severity == "low" and "Nice class 30" in mustard.reason, mustard.reason
    # Bologna, a city of the place vocabulary, on sausages: the potato's place on another product, at
    # most low
    sausage = next((h for h in checker.check("Bologna sausage") if h.gi.id == "it-patata-di-bologna"), None)
    assert sausage is None or sausage.severity == "low", sausage.reason
    # no goods named: a partial match stays medium
    alone = next(h for h in checker.check("Dijon") if h.gi.id == "fr-cassis-de-dijon")
    assert alone.severity == "medium", alone.reason


def test_a_near_spelling_on_the_very_goods_a_reputation_decision_held_is_medium():
    # General Court T-417/20 (6 Oct 2021): PORTWO GIN for spirits exploits the reputation of the PDO Porto
    # (reputations.csv: held for gin and spirits); a near spelling on other goods is otherwise low
    porto = gi("pt-porto", [("Porto", "original")], "Wine", "PT", EU_REGISTER)
    checker = Checker(ConflictIndex([porto], bundled_knowledge()), "EU")
    gin = next(h for h in checker.check("PORTWO GIN", "Spirit") if h.gi.id == "pt-porto")
    assert (gin.kind, gin.severity) == ("fuzzy", "medium") and "T-417/20" in gin.reason, gin.reason
    shoes = next(h for h in checker.check("PORTWO shoes", "Footwear") if h.gi.id == "pt-porto")
    assert shoes.severity == "low", shoes.reason


def test_a_drinks_name_nearly_spelled_on_other_drinks_is_medium_where_evocation_is_a_ground():
    # General Court T-406/24 (24 Sep 2025): PriSecco, one letter from Prosecco, on non-alcoholic fruit-based
    # cocktails evokes the PDO (both beverages); on clothing, and in China (no evocation limb), still low
    prosecco = gi("it-prosecco", [("Prosecco", "original")], "Wine", "IT", EU_REGISTER, IV)
    index = ConflictIndex([prosecco], bundled_knowledge())
    eu, cn = Checker(index, "EU"), Checker(index, "CN")
    soft = next(h for h in eu.check("PriSecco", "Non-alcoholic beverages") if h.gi.id == "it-prosecco")
    assert (soft.kind, soft.severity) == ("fuzzy", "medium") and "T-406/24" in soft.reason, soft.reason
    for checker, label, cls in ((eu, "PriSecco", "Clothing"), (cn, "PriSecco", "Non-alcoholic beverages")):
        hit = next(h for h in checker.check(label, cls) if h.gi.id == "it-prosecco")
        assert hit.severity == "low", (label, cls, hit.reason)


def test_goods_a_decision_held_similar_to_the_names_count_for_its_evocation_at_medium():
    # General Court T-138/09 (9 Jun 2010): RIOJAVINA refused for vinegar on the opposition of the Rioja
    # council, vinegar and wine held similar (related_goods.csv); on clothing nothing
    rioja = gi("es-rioja", [("Rioja", "original")], "Wine", "ES", EU_REGISTER)
    checker = Checker(ConflictIndex([rioja], bundled_knowledge()), "EU")
    vinegar = next(h for h in checker.check("RIOJAVINA", "Vinegar") if h.gi.id == "es-rioja")
    assert (vinegar.kind, vinegar.severity) == ("evocation", "medium"), vinegar.reason
    assert "T-138/09" in vinegar.reason and "held similar" in vinegar.reason
    assert "on like goods" not in vinegar.reason
    assert not any(h.gi.id == "es-rioja" for h in checker.check("RIOJAVINA", "Clothing"))


def test_only_a_coined_word_one_letter_from_a_long_drinks_name_is_medium_on_other_drinks():
    # the mineral waters Saint-Géron (a place two letters from Saint-Véran) and Parot (one letter from the
    # five-letter Paros) are no evocations; a whole name glued in is (RIOJAVINA), a shared ending is not
    register = [
        gi("fr-saint-veran", [("Saint-Véran", "original")], "Wine", "FR", EU_REGISTER),
        gi("gr-paros", [("Paros", "original")], "Wine", "GR", EU_REGISTER),
        gi("es-navarra", [("Navarra", "original")], "Wine", "ES", EU_REGISTER),
    ]
    checker = Checker(ConflictIndex(register, bundled_knowledge()), "EU")
    for label in ("Saint Géron", "Parot"):
        assert all(h.severity == "low" for h in checker.check(label, "Mineral water")), label
    assert all(h.severity == "low" for h in checker.check("Ybarra Vinagre", "Vinegar"))
