"""The user's class in everyday words names its head product ('Sparkling wine', 'Fortified wine',
红葡萄酒 are wine; 'Wine glasses' stays as written); an inflected form of a name in another language is a near
spelling of it (Finnish 'Konjakkia', the partitive of Konjakki, CJEU C-4/10); of the names sharing a place,
the one closest to the label as a whole comes first."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi(
        "es-jerez-xeres-sherry",
        [("Jerez-Xérès-Sherry", "original"), ("Sherry", "original")],
        "Wine",
        "ES",
        EU_REGISTER,
    ),
    make_gi("fr-cognac", "Cognac", "Spirit", "FR", EU_REGISTER),
    make_gi("fr-chateauneuf-du-pape", "Châteauneuf-du-Pape", "Wine", "FR", EU_REGISTER),
    make_gi("fr-cotes-de-provence", "Côtes de Provence", "Wine", "FR", EU_REGISTER),
    make_gi("fr-coteaux-daix-en-provence", "Coteaux d'Aix-en-Provence", "Wine", "FR", EU_REGISTER),
    make_gi("fr-coteaux-varois-en-provence", "Coteaux Varois en Provence", "Wine", "FR", EU_REGISTER),
    make_gi("fr-alpes-de-haute-provence", "Alpes-de-Haute-Provence", "Wine", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        ("Armenian champagne", "Sparkling wine", "fr-champagne"),  # EU wine law: Armenian brandy/champagne
        ("Australian sherry", "Fortified wine", "es-jerez-xeres-sherry"),
        ("香槟", "红葡萄酒", "fr-champagne"),
    ],
)
def test_a_class_in_everyday_words_is_its_head_products(index, label, cls, gi_id):
    assert Checker(index, "EU").stated_class(cls) == "Wine"
    assert hits_by_gi(index, label, "EU", cls)[gi_id].severity == "high"


def test_goods_that_serve_a_product_are_not_resolved_to_it(index):
    # 'Wine glasses' ends with no product word: the class stays as the user wrote it
    assert Checker(index, "EU").stated_class("Wine glasses") == "Wine glasses"


def test_an_inflected_form_of_a_translation_is_a_near_spelling(index):
    # 'Hienoa Konjakkia' (fine cognac, Finnish partitive): Konjakki is Cognac in Finnish (CJEU C-4/10)
    hit = hits_by_gi(index, "Hienoa Konjakkia", "EU", "Spirits")["fr-cognac"]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit


def test_the_name_closest_to_the_label_comes_first_among_those_sharing_a_place(index):
    hits = Checker(index, "FR").check("Cœur de Provence", "Wine")
    assert hits[0].gi.id == "fr-cotes-de-provence", [h.gi.id for h in hits]


def test_a_product_word_is_inside_the_match_only_as_whole_words(index):
    # 'tea' is in chaTEAuneuf but the label's tea is its own goods: another class, not the name's word
    hit = hits_by_gi(index, "Chateauneuf-du-Pape tea", "EU")["fr-chateauneuf-du-pape"]
    assert hit.severity == "medium" and "another class" in hit.reason, hit.reason
