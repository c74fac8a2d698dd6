"""A coined word that is the beginning of one GI's name (six letters or more, more than half of it), in a
label of one or two words on like goods, is a possible evocation (medium): 'Valpoli' for a wine is
Valpolicella cut short. Not on other goods, not where the beginning is that of two unrelated names on
those goods, not for five-letter beginnings (words of
the languages: Santé, Prior, Primo), not in a phrase ('Prose and Poetry')."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("it-valpolicella", "Valpolicella", "Wine", "IT", EU_REGISTER),
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
    make_gi("fr-santenay", "Santenay", "Wine", "FR", EU_REGISTER),
    make_gi("fr-saint-emilion", "Saint-Émilion", "Wine", "FR", EU_REGISTER),
    make_gi("fr-saint-emilion-grand-cru", "Saint-Emilion Grand Cru", "Wine", "FR", EU_REGISTER),
    make_gi("fr-sainte-marie-la-blanche", "Sainte-Marie-la-Blanche", "Wine", "FR", EU_REGISTER),
    make_gi("it-montepulciano-dabruzzo", "Montepulciano d'Abruzzo", "Wine", "IT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def _not_evoked(index, label, cls, gi_id):
    hit = hits_by_gi(index, label, "EU", cls).get(gi_id)
    return hit is None or (hit.kind != "evocation" and hit.severity == "low")


def test_the_beginning_of_a_name_on_like_goods_may_evoke_it(index):
    hit = hits_by_gi(index, "Valpoli", "EU", "Wine")["it-valpolicella"]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert "beginning" in hit.reason


def test_not_on_other_goods_nor_in_a_phrase_nor_for_words_of_five_letters(index):
    assert _not_evoked(index, "Valpoli", "Cheese", "it-valpolicella")
    assert _not_evoked(index, "Valpoli Red Wine Blend", "Wine", "it-valpolicella")
    assert _not_evoked(index, "Santé", "Wine", "fr-santenay")
    assert _not_evoked(index, "Prose and Poetry", "Wine", "it-prosecco")


def test_the_name_it_covers_more_than_half_of_and_its_family(index):
    # 'saintem' begins Saint-Émilion (7 of 12 letters) and Sainte-Marie-la-Blanche (7 of 20): the first;
    # Saint-Émilion Grand Cru begins with Saint-Émilion, one family (INPI annulled the mark SAINTEM)
    hits = hits_by_gi(index, "SAINTEM", "EU", "Wine")
    assert hits["fr-saint-emilion"].kind == "evocation"
    assert "fr-sainte-marie-la-blanche" not in hits


def test_not_for_a_short_beginning(index):
    # 'montepu' is 7 of the 21 letters of Montepulciano d'Abruzzo
    assert _not_evoked(index, "Montepu", "Wine", "it-montepulciano-dabruzzo")
