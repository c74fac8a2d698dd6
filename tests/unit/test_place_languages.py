"""Places in the languages labels use: a name's place in English with its product ("Alsace honey" for Miel
d'Alsace, an elided article apart), a generic term with its place ("Normandy Camembert"), the GI on the
label's class of goods first, and a place that GIs of several countries share written in one of those
countries' languages (Dunavska, the Bulgarian Danube plain) kept at medium for another country's GI."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

FRUIT = "Fresh or processed fruit, vegetables and cereals"
REGISTER = [
    make_gi("fr-miel-dalsace", "Miel d'Alsace", "Other products of animal origin", "FR", EU_REGISTER),
    make_gi("fr-camembert-de-normandie", "Camembert de Normandie", "Cheeses", "FR", EU_REGISTER),
    make_gi("it-nocciola-del-piemonte", "Nocciola del Piemonte", FRUIT, "IT", EU_REGISTER),
    make_gi("it-piemonte", "Piemonte", "Wine", "IT", EU_REGISTER),
    make_gi("hu-duna", "Duna", "Wine", "HU", EU_REGISTER),
    make_gi("bg-dunavska-ravnina", "Dunavska ravnina", "Wine", "BG", EU_REGISTER),
    make_gi("es-mallorca", "Mallorca", "Wine", "ES", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        ("Alsace honey", "Honey", "fr-miel-dalsace"),  # d'Alsace: the elided article apart, Alsace is found
        ("Normandy Camembert", "Cheese", "fr-camembert-de-normandie"),  # generic term + place, translated
    ],
)
def test_the_place_in_english_with_the_product_translates_the_name(index, label, cls, gi_id):
    hit = hits_by_gi(index, label, "EU", cls)[gi_id]
    assert (hit.kind, hit.severity) == ("translation", "high"), hit


def test_the_gi_on_the_labels_goods_comes_first(index):
    # Nocciola del Piemonte (PGI, hazelnuts) before the Piemonte wine for a hazelnut label
    hits = Checker(index, "EU").check("Piedmont hazelnuts", "Nuts")
    assert hits[0].gi.id == "it-nocciola-del-piemonte", [h.gi.id for h in hits]


def test_a_shared_place_in_another_countrys_language_stays_medium(index):
    # Dunavska is Bulgarian for the Danube plain (Dunavska ravnina, BG): no translation of Hungary's Duna
    found = hits_by_gi(index, "Dunavska", "EU", "Wine")
    assert found["hu-duna"].severity == "medium" and "several countries" in found["hu-duna"].reason
    assert found["bg-dunavska-ravnina"].severity == "medium", found["bg-dunavska-ravnina"]
    # in English the river is no country's own word: the Hungarian name's translation stands
    assert hits_by_gi(index, "Danube wine", "EU")["hu-duna"].severity == "high"


def test_a_place_in_english_on_other_goods_stays_low(index):
    # Majorca pearls (imitation pearls made on the island since the 1890s) are jewellery, Nice class 14:
    # the place's English name on them is no use of the Mallorca wine's name
    hit = hits_by_gi(index, "Majorca pearls", "EU")["es-mallorca"]
    assert hit.severity == "low", hit
    assert hits_by_gi(index, "Majorca wine", "EU")["es-mallorca"].severity == "high"
