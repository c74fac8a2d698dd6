"""Names written as one word with a product word, as German and Dutch write compounds: Fetakäse is Feta
cheese (the name used), Moselwein is Mosel wine; a word of the language built on a product word
(Rheinwein, Rhine wine) is not a coined name evoking a GI, while a product word at the start proves
nothing (Vinosecco)."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("gr-feta", "Feta", "Cheeses", "GR", EU_REGISTER),
    make_gi("de-mosel", "Mosel", "Wine", "DE", EU_REGISTER),
    make_gi("de-rheingau", "Rheingau", "Wine", "DE", EU_REGISTER),
    make_gi("it-casteller", "Casteller", "Wine", "IT", EU_REGISTER),
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(("label", "gi_id"), [("Fetakäse", "gr-feta"), ("Moselwein 2021", "de-mosel")])
def test_a_name_and_its_product_word_written_as_one_is_the_name(index, label, gi_id):
    # German compounds: Fetakäse (the Feta PDO's name, CJEU C-159/20 Commission v Denmark, on cheese
    # sold as feta), Moselwein
    hit = hits_by_gi(index, label, "EU")[gi_id]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit


def test_a_place_and_a_product_word_written_as_one_is_no_coined_name(index):
    # Rheinwein is Rhine wine: the place with its product word, not a coined word evoking Rheingau
    found = hits_by_gi(index, "Rheinwein", "EU", "Wine")
    assert not [h for h in found.values() if h.kind == "evocation"], found


def test_a_product_word_at_the_start_does_not_hide_a_coined_name(index):
    # 'Vinosecco' begins with vino but shares 'secco' with Prosecco on a wine: a possible evocation
    hit = hits_by_gi(index, "Vinosecco", "EU", "Wine")["it-prosecco"]
    assert hit.kind == "evocation" and hit.severity == "medium", hit


def test_a_name_form_that_is_also_a_product_word_still_evokes(index):
    # champán is Spanish for Champagne: Champanillo still shares the name's beginning (CJEU C-783/19)
    hit = hits_by_gi(index, "Champanillo", "EU", "Wine")["fr-champagne"]
    assert hit.kind == "evocation", hit
