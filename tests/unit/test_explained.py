"""Words of a label that another protected name explains as a whole, countries and praise words inside
names, and goods of another class: the hits that used to be medium without reason. Real-market
examples, each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex, Hit
from gi_lists.model import Protection
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV, EU_III, EU_REGISTER, hits_by_gi, make_gi

CN_VI = Protection("CN", "agreement", "pending", "china-eu", "VI", None, None, "OJ L 408I", "high")

REGISTER = [
    # Médoc and Haut-Médoc are two appellations, both in the EU register and in Annex IV
    make_gi("fr-medoc", [("Médoc", "original"), ("梅多克", "official-rendering")], "Wine", "FR", CN_IV),
    make_gi(
        "fr-haut-medoc", [("Haut-Médoc", "original"), ("上梅多克", "official-rendering")], "Wine", "FR", CN_IV
    ),
    make_gi("gr-feta", [("Feta", "original"), ("菲达奶酪", "official-rendering")], "Cheeses", "GR", CN_IV),
    make_gi(
        "dk-danablu", [("Danablu", "original"), ("丹麦蓝乳酪", "official-rendering")], "Cheeses", "DK", CN_IV
    ),
    make_gi(
        "lt-originali-lietuviska-degtine",
        [("Originali lietuviška degtinė", "original"), ("Original Lithuanian vodka", "translation")],
        "Spirit",
        "LT",
        EU_REGISTER,
    ),
    make_gi("ie-irish-cream", "Irish Cream", "Spirit", "IE", EU_REGISTER),
    make_gi("it-parmigiano-reggiano", "Parmigiano Reggiano", "Cheeses", "IT", EU_REGISTER, CN_IV),
    make_gi("pt-madeira", [("Madeira", "original"), ("马德拉", "official-rendering")], "Wine", "PT", CN_VI),
    make_gi(
        "cn-helan-shan-dong-lu-pu-tao-jiu",
        [("贺兰山东麓葡萄酒", "original"), ("Helan Shan Dong Lu Pu Tao Jiu", "transcription")],
        "Wine",
        "CN",
        EU_III,
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def hits(index: ConflictIndex, label: str, jurisdiction: str, cls: str | None = None) -> dict[str, Hit]:
    return hits_by_gi(index, label, jurisdiction, cls)


def test_a_name_inside_the_longer_name_the_label_uses_is_explained_by_it(index):
    # a Haut-Médoc wine is not a use of Médoc (INAO: two appellations, Médoc and Haut-Médoc)
    found = hits(index, "Haut-Médoc 2019", "CN", "Wine")
    assert found["fr-haut-medoc"].severity == "high"
    assert found["fr-medoc"].severity == "low"
    assert "whole of another protected name" in found["fr-medoc"].reason
    # the label 'Médoc' alone is still Médoc
    assert hits(index, "Médoc", "CN", "Wine")["fr-medoc"].severity == "high"


def test_a_country_on_a_product_of_the_class_is_not_a_names_distinctive_part(index):
    # Danish-made white cheese sold as 'feta' (CJEU C-159/20 Commission v Denmark, 14 Jul 2022): it uses
    # Feta; it takes nothing of Danablu but the country
    found = hits(index, "Danish Feta cheese", "CN", "Cheeses")
    assert found["gr-feta"].severity == "high"
    assert "dk-danablu" not in found or found["dk-danablu"].severity == "low"
    # Danablu's English name is Danish Blue (Oxford Reference, 'Danish blue'): a translation, high
    blue = hits(index, "Danish Blue cheese", "CN", "Cheeses")["dk-danablu"]
    assert (blue.kind, blue.severity) == ("translation", "high")


def test_praise_words_are_no_distinctive_part(index):
    # Baileys Original Irish Cream (the Irish Cream GI's best-known product) shares only 'Original' with
    # the spirit GI Original Lithuanian vodka
    found = hits(index, "Baileys Original Irish Cream", "EU", "Spirit")
    assert found["ie-irish-cream"].severity == "high"
    assert "lt-originali-lietuviska-degtine" not in found


def test_a_place_in_a_name_is_no_part_of_it_on_goods_of_another_class(index):
    # Parma Violets: Swizzels' violet-flavoured sweets, made in England since the 1940s
    found = hits(index, "Parma Violets", "EU", "Bread, pastry, cakes, confectionery")
    hit = found.get("it-parmigiano-reggiano")
    assert hit is None or hit.severity == "low"


def test_a_pending_name_on_goods_of_another_class_is_low(index):
    # Madeira fudge: a pending wine name on confectionery (Madeira cake, the British sponge cake named
    # after the wine it was served with, is a generic term: low as such)
    hit = hits(index, "Madeira fudge", "CN", "Bread, pastry, cakes, confectionery")["pt-madeira"]
    assert hit.severity == "low" and "pending" in hit.reason and "another class" in hit.reason
    cake = hits(index, "Madeira cake", "CN", "Bread, pastry, cakes, confectionery")["pt-madeira"]
    assert cake.severity == "low" and "generic term" in cake.reason
    # on wine a pending name stays medium
    assert hits(index, "Madeira", "CN", "Wine")["pt-madeira"].severity == "medium"


def test_an_english_possessive_is_also_written_without_its_s(index):
    # the region's English name, 'Helan Mountain's East Foothill' (Xinhua, 12 Aug 2024), is written
    # without the possessive on many export labels
    for label in ("Helan Mountain's East Foothill Cabernet", "Helan Mountain East Foothill wine"):
        hit = hits(index, label, "EU", "Wine")["cn-helan-shan-dong-lu-pu-tao-jiu"]
        assert (hit.kind, hit.severity) == ("translation", "high"), (label, hit.reason)


def test_a_name_not_protected_where_the_check_asks_explains_nothing_there():
    # where only Médoc is protected, a label 'Haut-Médoc' must not lose its Médoc hit to a name that the
    # check does not screen
    medoc = make_gi("fr-medoc", "Médoc", "Wine", "FR", CN_IV)
    haut = make_gi("fr-haut-medoc", "Haut-Médoc", "Wine", "FR", EU_REGISTER)
    found = hits(ConflictIndex([medoc, haut], bundled_knowledge()), "Haut-Médoc", "CN", "Wine")
    assert found["fr-medoc"].severity != "low"


def test_a_name_registered_nowhere_yet_explains_nothing():
    # Coppa de Corse is a PDO (2014); 'Coppa de l'Ile de Beauté' was only applied for as a PGI in July
    # 2020 (PGI-FR-02430, eAmbrosia): a label with the applied-for name is still a use of Coppa de Corse
    # (Île de Beauté, the island's byname, is Corsica in places.csv)
    coppa = make_gi(
        "fr-coppa-de-corse",
        "Coppa de Corse",
        "Meat products (cooked, salted, smoked, etc.)",
        "FR",
        EU_REGISTER,
    )
    applied = Protection("EU", "national-register", "pending", None, None, None, None, "eAmbrosia", "medium")
    ile = make_gi(
        "fr-coppa-de-lile-de-beaute",
        "Coppa de l'Ile de Beauté",
        "Meat products (cooked, salted, smoked, etc.)",
        "FR",
        applied,
    )
    index = ConflictIndex([coppa, ile], bundled_knowledge())
    found = hits(index, "Coppa de l'Île de Beauté", "EU", "Meat products")
    assert found["fr-coppa-de-corse"].severity == "high", found["fr-coppa-de-corse"].reason
    assert found["fr-coppa-de-lile-de-beaute"].severity == "medium"  # pending: said so
    # once registered, the name is the label's own and the other stays low
    registered = make_gi(
        "fr-coppa-de-lile-de-beaute",
        "Coppa de l'Ile de Beauté",
        "Meat products (cooked, salted, smoked, etc.)",
        "FR",
        EU_REGISTER,
    )
    found = hits(
        ConflictIndex([coppa, registered], bundled_knowledge()),
        "Coppa de l'Île de Beauté",
        "EU",
        "Meat products",
    )
    assert found["fr-coppa-de-corse"].severity == "low", found["fr-coppa-de-corse"].reason


def test_a_near_spelling_counts_on_like_goods_only_and_never_for_a_goods_word():
    # the wine Corton against cotton cloth; the wine Cori against the dog breed Pembroke Welsh Corgi
    corton = make_gi("fr-corton", "Corton", "Wine", "FR", EU_REGISTER)
    cori = make_gi("it-cori", "Cori", "Wine", "IT", EU_REGISTER)
    index = ConflictIndex([corton, cori], bundled_knowledge())
    cloth = hits(index, "Organic cotton jersey fabric", "EU").get("fr-corton")
    assert cloth is None or (cloth.severity == "low" and "Nice class 25" in cloth.reason)
    corgi = hits(index, "Pembroke Welsh Corgi", "EU", "Non-food goods (dog breed)").get("it-cori")
    assert corgi is None or (corgi.severity == "low" and "another class" in corgi.reason)
    # on wine the same near spelling is a medium hit
    assert hits(index, "Cortton", "EU", "Wine")["fr-corton"].severity == "medium"


def test_a_use_a_court_held_does_not_infringe_is_low_and_cites_the_decision():
    # CJEU C-56/16 P (14 Sep 2017): 'Port Charlotte' whisky does not use or evoke the PDO Port/Porto
    port = make_gi("pt-porto", [("Porto", "original"), ("Port", "original")], "Wine", "PT", EU_REGISTER)
    index = ConflictIndex([port], bundled_knowledge())
    hit = hits(index, "Port Charlotte", "EU", "Spirit")["pt-porto"]
    assert hit.severity == "low" and "C-56/16 P" in hit.reason
    # the decision covers that use only: port wine is still the name on like goods
    assert hits(index, "Port", "EU", "Wine")["pt-porto"].severity == "high"


def test_a_label_naming_the_gis_country_keeps_the_part_from_being_explained_by_another_countrys_name():
    # Tokaj is a Hungarian GI and the Slovak 'Vinohradnícka oblasť Tokaj' contains it; a 'Slovak Tokaj'
    # is the Slovak name's case too, not only the Hungarian one (both are in the EU register)
    tokaj = [
        make_gi("hu-tokaj", "Tokaj", "Wine", "HU", EU_REGISTER),
        make_gi("sk-tokaj", "Vinohradnícka oblasť Tokaj", "Wine", "SK", EU_REGISTER),
    ]
    ix = ConflictIndex(tokaj, bundled_knowledge())
    slovak = hits(ix, "Slovak Tokaj", "EU", "Wine")
    assert slovak["sk-tokaj"].severity == "medium"
    plain = hits(ix, "Tokaj", "EU", "Wine")
    assert plain["hu-tokaj"].severity == "high"
    assert (
        plain["sk-tokaj"].severity == "low" and "whole of another protected name" in plain["sk-tokaj"].reason
    )


def test_a_grape_variety_is_not_a_names_distinctive_part():
    # TRIPS Art. 24(6): names of grape varieties; 'Cabernet' on a Chinese wine is the variety, not a use
    # of Cabernet d'Anjou (the compound stays protected)
    anjou = make_gi("fr-cabernet-danjou", "Cabernet d'Anjou", "Wine", "FR", EU_REGISTER)
    ix = ConflictIndex([anjou], bundled_knowledge())
    variety = hits(ix, "Great Wall Cabernet", "EU", "Wine")
    assert variety["fr-cabernet-danjou"].severity == "low"
    assert hits(ix, "Cabernet d'Anjou", "EU", "Wine")["fr-cabernet-danjou"].severity == "high"


def test_a_place_inside_a_generic_term_is_the_terms_case():
    # the Valencia orange is a sweet-orange cultivar grown worldwide; crème de cassis a category of spirit
    # drink (Reg. (EU) 2019/787 Annex I): neither is a use of Valencia's rice or citrus PGIs or of the
    # Cassis wine AOC
    register = [
        make_gi(
            "es-citricos-valencianos",
            "Cítricos Valencianos",
            "Fresh or processed fruit, vegetables and cereals",
            "ES",
            EU_REGISTER,
        ),
        make_gi(
            "es-arroz-de-valencia",
            "Arròs de València",
            "Fresh or processed fruit, vegetables and cereals",
            "ES",
            EU_REGISTER,
        ),
        make_gi("fr-cassis", "Cassis", "Wine", "FR", EU_REGISTER),
    ]
    ix = ConflictIndex(register, bundled_knowledge())
    assert all(h.severity == "low" for h in hits(ix, "Valencia orange", "EU").values())
    assert all(h.severity == "low" for h in hits(ix, "Crème de cassis", "FR", "Spirit").values())
    assert hits(ix, "Cassis rosé", "FR", "Wine")["fr-cassis"].severity == "high"


def test_a_name_of_the_stated_goods_explains_its_place_for_a_gi_of_other_goods():
    # Liquirizia di Calabria (PDO, liquorice) on liquorice is no use of the wine PGI Calabria; the wine
    # Reggiano still does not explain a cheese label's part of Parmigiano Reggiano
    liquorice = make_gi(
        "it-liquirizia-di-calabria", "Liquirizia di Calabria", "Other products", "IT", EU_REGISTER
    )
    wine = make_gi("it-calabria", "Calabria", "Wine", "IT", EU_REGISTER)
    index = ConflictIndex([liquorice, wine], bundled_knowledge())
    found = hits(index, "Liquirizia di Calabria", "EU", "Other products")
    assert found["it-liquirizia-di-calabria"].severity == "high"
    assert found["it-calabria"].severity == "low", found["it-calabria"].reason
    assert "whole of another protected name" in found["it-calabria"].reason
