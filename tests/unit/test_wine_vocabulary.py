"""Words of wine and spirit vocabulary that many register names share are no distinctive part of any one
of them: grape varieties (Muscat, Moscato, Malvasia: TRIPS Art. 24(6)), Crémant, Landwein, Retsina and
grape rakia. Alone on a label they share only a generic term (low), found in eAmbrosia names such as
'Crémant d'Alsace', 'Muscat de Frontignan', 'Pfälzer Landwein', 'Retsina Attikis' and 'Karlovska grozdova
rakya', which stay protected compounds (high when used whole)."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

FRUIT = "Fresh or processed fruit, vegetables and cereals"  # the register's class of olives and capers

REGISTER = [
    make_gi("fr-cremant-dalsace", "Crémant d'Alsace", "Wine", "FR", EU_REGISTER),
    make_gi("be-cremant-de-wallonie", "Crémant de Wallonie", "Wine", "BE", EU_REGISTER),
    make_gi("fr-muscat-de-frontignan", "Muscat de Frontignan", "Wine", "FR", EU_REGISTER),
    make_gi("fr-muscat-de-lunel", "Muscat de Lunel", "Wine", "FR", EU_REGISTER),
    make_gi("it-moscato-di-sardegna", "Moscato di Sardegna", "Wine", "IT", EU_REGISTER),
    make_gi("it-malvasia-di-bosa", "Malvasia di Bosa", "Wine", "IT", EU_REGISTER),
    make_gi("de-pfalzer-landwein", "Pfälzer Landwein", "Wine", "DE", EU_REGISTER),
    make_gi("de-badischer-landwein", "Badischer Landwein", "Wine", "DE", EU_REGISTER),
    make_gi("gr-retsina-attikis", "Retsina Attikis", "Wine", "GR", EU_REGISTER),
    make_gi("bg-karlovska-grozdova-rakya", "Karlovska grozdova rakya", "Spirit", "BG", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "goods"),
    [
        ("Crémant brut", "sparkling wine"),
        ("Muscat sec", "wine"),
        ("Moscato dolce", "wine"),
        ("Malvasia bianca", "wine"),
        ("Landwein trocken", "wine"),
        ("Retsina", "wine"),
        ("Grozdova rakya", "spirit"),
    ],
)
def test_a_word_many_names_share_is_no_distinctive_part(index, label, goods):
    hits = hits_by_gi(index, label, "EU", goods)
    assert hits and {h.severity for h in hits.values()} == {"low"}, hits
    assert {h.kind for h in hits.values()} == {"generic-overlap"}


@pytest.mark.parametrize(
    ("label", "goods", "gi_id"),
    [
        ("Crémant d'Alsace brut", "sparkling wine", "fr-cremant-dalsace"),
        ("Muscat de Frontignan", "wine", "fr-muscat-de-frontignan"),
        ("Moscato di Sardegna", "wine", "it-moscato-di-sardegna"),
        ("Pfälzer Landwein", "wine", "de-pfalzer-landwein"),
        ("Retsina Attikis", "wine", "gr-retsina-attikis"),
        ("Karlovska grozdova rakya", "spirit", "bg-karlovska-grozdova-rakya"),
    ],
)
def test_the_compound_names_stay_protected(index, label, goods, gi_id):
    assert hits_by_gi(index, label, "EU", goods)[gi_id].severity == "high"


def test_a_product_word_for_a_word_of_the_name_is_another_phrase_not_a_misspelling():
    # 'Coteaux vin rouge' (slopes, red wine) is no misspelt 'Coteaux de l'Ain' (eAmbrosia PGI-FR-A1160):
    # 'vin' is the product word, one letter from 'Ain' only by chance; a real misspelling still is one
    index = ConflictIndex(
        [make_gi("fr-coteaux-de-lain", "Coteaux de l'Ain", "Wine", "FR", EU_REGISTER)], bundled_knowledge()
    )
    assert "fr-coteaux-de-lain" not in hits_by_gi(index, "Coteaux vin rouge", "EU", "wine")
    hit = hits_by_gi(index, "Cotaux de l'Ain", "EU", "wine")["fr-coteaux-de-lain"]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium")


def test_an_olive_variety_and_words_for_hills_are_no_distinctive_part():
    # eAmbrosia: Konservolia Stylidas, Konservolia Amfissis (olives; Konservolia the variety); Dealurile
    # Transilvaniei, Dealurile Vrancei (Romanian wines: 'the hills of'); Πλαγιές Αιγιαλείας (Greek: 'slopes')
    register = [
        make_gi("gr-konservolia-stylidas", "Konservolia Stylidas", FRUIT, "GR", EU_REGISTER),
        make_gi("gr-konservolia-amfissis", "Konservolia Amfissis", FRUIT, "GR", EU_REGISTER),
        make_gi("ro-dealurile-transilvaniei", "Dealurile Transilvaniei", "Wine", "RO", EU_REGISTER),
        make_gi("ro-dealurile-vrancei", "Dealurile Vrancei", "Wine", "RO", EU_REGISTER),
    ]
    index = ConflictIndex(register, bundled_knowledge())
    for label, goods in (("Konservolia olives", "olives"), ("Dealurile vin", "wine")):
        hits = hits_by_gi(index, label, "EU", goods)
        assert all(h.severity == "low" for h in hits.values()), (label, hits)
    assert (
        hits_by_gi(index, "Konservolia Stylidas", "EU", "olives")["gr-konservolia-stylidas"].severity
        == "high"
    )
    hit = hits_by_gi(index, "Dealurile Transilvaniei", "EU", "wine")["ro-dealurile-transilvaniei"]
    assert hit.severity == "high"


@pytest.mark.parametrize(
    ("name", "cls", "alone", "goods"),
    [
        ("Lambrusco di Sorbara", "Wine", "Lambrusco rosso", "wine"),
        ("Verdicchio di Matelica", "Wine", "Verdicchio", "wine"),
        ("Vernaccia di San Gimignano", "Wine", "Vernaccia", "wine"),
        ("Moschatos Limnou", "Wine", "Moschatos", "wine"),
        ("Throumpa Thassou", FRUIT, "Throumpa olives", "olives"),
        ("Südtiroler Williams", "Spirit", "Williams pear brandy", "spirit"),
        ("Hierbas de Mallorca", "Spirit", "Hierbas liqueur", "spirit"),
        ("Linguiça de Portalegre", "Meat products", "Linguiça", "sausage"),
        ("Cappero delle Isole Eolie", FRUIT, "Delle", "capers"),
        ("Vlaamse landwijn", "Wine", "Landwijn", "wine"),
        ("English Regional", "Wine", "Vinho regional", "wine"),
        ("Cassis de Dijon", "Spirit", "Liqueur de cassis", "spirit"),
        ("Pâté de Campagne Breton", "Meat products", "Pâté de campagne", "pâté"),
        ("Sidra Natural del País Vasco", "Cider", "Sidra natural", "cider"),
        ("Loveshka slivova rakya", "Spirit", "Slivovice", "spirit"),
    ],
)
def test_a_variety_a_product_type_or_a_connector_alone_is_no_use_of_the_name(name, cls, alone, goods):
    # eAmbrosia names whose first or last word is a grape or olive variety, a pear, a herbal liqueur, a
    # sausage or an Italian 'of the': alone on a label that word is no partial use of the name
    index = ConflictIndex([make_gi("x-name", name, cls, "IT", EU_REGISTER)], bundled_knowledge())
    hit = hits_by_gi(index, alone, "EU", goods).get("x-name")
    assert hit is None or hit.severity == "low", hit
    assert hits_by_gi(index, name, "EU", goods)["x-name"].severity == "high"


def test_a_beer_style_is_no_adjective_of_a_name():
    # porter, the London beer style (Fuller's London Porter, Baltika No. 6 Porter), is no adjectival form
    # of Port (eAmbrosia PDO-PT-A1540 Porto / Port); the name itself still is
    index = ConflictIndex(
        [make_gi("pt-porto", [("Porto", "original"), ("Port", "original")], "Wine", "PT", EU_REGISTER)],
        bundled_knowledge(),
    )
    assert "pt-porto" not in hits_by_gi(index, "Fuller's London Porter", "EU", "porter beer")
    assert hits_by_gi(index, "Port wine", "EU")["pt-porto"].severity == "high"


def test_a_place_name_ending_and_a_capital_are_no_near_spelling_of_a_name():
    # Nederburg (a South African winery) shares only the place-name ending -burg with Salzburg (eAmbrosia
    # PDO-AT-A0224); Café de Paris (a French sparkling wine brand) names Paris, not a misspelt Paros
    # (PDO-GR-A1570); Verlados still shares Calvados's distinctive ending (CJEU C-75/15)
    index = ConflictIndex(
        [
            make_gi("at-salzburg", "Salzburg", "Wine", "AT", EU_REGISTER),
            make_gi("gr-paros", "Paros", "Wine", "GR", EU_REGISTER),
            make_gi("fr-calvados", "Calvados", "Spirit", "FR", EU_REGISTER),
        ],
        bundled_knowledge(),
    )
    for label, gi_id in (
        ("Nederburg The Winemasters Pinotage", "at-salzburg"),
        ("Café de Paris Pêche", "gr-paros"),
    ):
        hit = hits_by_gi(index, label, "EU", "wine").get(gi_id)
        assert hit is None or hit.severity == "low", hit
    assert hits_by_gi(index, "Verlados", "EU", "spirit")["fr-calvados"].kind == "evocation"
