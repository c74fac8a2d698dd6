"""A name the EU register holds in two languages joined by a dash ('Coppa de Corse - Coppa di Corsica',
PDO-FR-0992; "Piment d'Espelette - Ezpeletako Biperra", PDO-FR-9131; 'Χάνδακας - Candia', PDO-GR-A1615,
eAmbrosia as of July 2020) is used by a label that writes either language's side of two words or more; a
name joining two places or a place and a wine ('Zagorje – Međimurje', 'Conegliano - Prosecco') is not
taken apart so."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from compare.index_parts import language_versions
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

MEAT = "Meat products (cooked, salted, smoked, etc.)"
REGISTER = [
    make_gi(
        "fr-coppa-de-corse",
        [("Coppa de Corse", "original"), ("Coppa de Corse - Coppa di Corsica", "original")],
        MEAT,
        "FR",
        EU_REGISTER,
    ),
    make_gi(
        "fr-piment-despelette",
        [("Piment d'Espelette - Ezpeletako Biperra", "original")],
        "Other products (spices etc.)",
        "FR",
        EU_REGISTER,
    ),
    make_gi("gr-chandakas-candia", "Χάνδακας - Candia", "Wine", "GR", EU_REGISTER),
    make_gi("hr-zagorje-medimurje", "Zagorje – Međimurje", "Wine", "HR", EU_REGISTER),
    make_gi("it-conegliano-valdobbiadene-prosecco", "Conegliano - Prosecco", "Wine", "IT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        ("Coppa di Corsica", MEAT, "fr-coppa-de-corse"),
        ("Ezpeletako Biperra", "Other products (spices etc.)", "fr-piment-despelette"),
    ],
)
def test_either_language_of_the_registered_name_is_the_name(index, label, cls, gi_id):
    hit = hits_by_gi(index, label, "EU", cls)[gi_id]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit.reason


def test_two_places_or_a_place_and_a_wine_are_not_two_languages(index):
    assert language_versions(index, "Zagorje – Međimurje") == []
    assert language_versions(index, "Conegliano - Prosecco") == []
    assert language_versions(index, "Coppa de Corse - Coppa di Corsica") == [
        "Coppa de Corse",
        "Coppa di Corsica",
    ]
    hit = hits_by_gi(index, "Zagorje", "EU", "Wine").get("hr-zagorje-medimurje")
    assert hit is None or hit.kind != "exact", hit
