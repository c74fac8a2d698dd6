"""A coined word that is the beginning of one GI's name, on like goods, is a possible evocation (medium):
PROSE' for a wine (EUIPO upheld the Prosecco consortium's opposition), 'Champ' (the first five of
Champagne's nine letters). Not on other goods, not where the beginning is that of two unrelated names
on those goods, not for a beginning under half the name."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("fr-saint-emilion", "Saint-Émilion", "Wine", "FR", EU_REGISTER),
    make_gi("fr-saint-emilion-grand-cru", "Saint-Emilion Grand Cru", "Wine", "FR", EU_REGISTER),
    make_gi("fr-sainte-marie-la-blanche", "Sainte-Marie-la-Blanche", "Wine", "FR", EU_REGISTER),
    make_gi("it-montepulciano-dabruzzo", "Montepulciano d'Abruzzo", "Wine", "IT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(("label", "gi_id"), [("PROSE'", "it-prosecco"), ("Champ Champ", "fr-champagne")])
def test_the_beginning_of_a_name_on_like_goods_may_evoke_it(index, label, gi_id):
    hit = hits_by_gi(index, label, "EU", "Wine")[gi_id]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert "beginning" in hit.reason


def test_not_on_other_goods_nor_when_the_beginning_is_ambiguous_or_short(index):
    on_cheese = hits_by_gi(index, "PROSE'", "EU", "Cheese").get("it-prosecco")
    assert on_cheese is None or (on_cheese.kind != "evocation" and on_cheese.severity == "low")
    # 'saintem' begins Saint-Émilion and Sainte-Marie-la-Blanche, both wines: whose is it?
    assert not {"fr-saint-emilion", "fr-sainte-marie-la-blanche"} & set(
        hits_by_gi(index, "SAINTEM", "EU", "Wine")
    )
    # a phrase of the language, not a coined mark
    phrase = hits_by_gi(index, "Prose and Poetry", "EU", "Wine").get("it-prosecco")
    assert phrase is None or (phrase.kind != "evocation" and phrase.severity == "low")
    # 'montep' is 6 of the 21 letters of Montepulciano d'Abruzzo
    assert "it-montepulciano-dabruzzo" not in hits_by_gi(index, "Montep", "EU", "Wine")
