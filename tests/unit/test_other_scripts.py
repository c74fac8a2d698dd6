"""Cyrillic and Greek labels read by sound against the Latin names of foreign GIs (names.other_scripts,
compare.guesses.other_scripts_by_sound). The GIs here carry ids of their own so that the bundled
translation table (name_translations.csv) cannot answer for the rule. Real-market examples, each with
its source."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from names.other_scripts import readings, word_phonemes
from tests.registers import EU_REGISTER, make_gi

REGISTER = [
    make_gi("t-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("t-cognac", "Cognac", "Spirit", "FR", EU_REGISTER),
    make_gi("t-madeira", "Madeira", "Wine", "PT", EU_REGISTER),
    make_gi("t-chablis", "Chablis", "Wine", "FR", EU_REGISTER),
    make_gi("t-bordeaux", "Bordeaux", "Wine", "FR", EU_REGISTER),
    make_gi("t-roquefort", "Roquefort", "Cheeses", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def test_letters_read_as_they_sound():
    assert word_phonemes("Шабли") == "Sapli"
    assert word_phonemes("Μπορντό") == "polto"  # Greek μπ and ντ are b and d
    # an adjective made from a name is read without its ending too
    assert readings("шампанське") == ["Sampansyke", "Sampan"]
    assert readings("Шампанско")[-1] == "Sampan"


@pytest.mark.parametrize(
    "label,gi_id",
    [
        # Soviet-era names still on Ukrainian and Russian labels: 'shampanskoye', 'konyak', 'Madeira'
        # (The Independent, 'The bubble bursts for Ukraine's Champagne', 28 Feb 2011); Ukraine's
        # шампанське to go by 31 Dec 2025 under the EU association agreement (golos.com.ua/article/354844)
        ("Шампанське напівсолодке", "t-champagne"),
        ("Коньяк", "t-cognac"),
        ("Мадера Массандра", "t-madeira"),  # found as the place name Madeira (places.csv)
        # ru.wikipedia 'Шабли (вино)'; el.wikipedia 'Μπορντό' (the city and its wine)
        ("Шабли", "t-chablis"),
        ("Μπορντό", "t-bordeaux"),
        ("Рокфор", "t-roquefort"),
    ],
)
def test_a_cyrillic_or_greek_label_is_read_by_sound(index, label, gi_id):
    hits = Checker(index, "EU").check(label)
    hit = next(h for h in hits if h.gi.id == gi_id)
    if gi_id == "t-madeira":  # Мадера is in the place table: the place rule finds it first
        assert hit.kind == "translation" and hit.severity == "high", hit.reason
        return
    assert hit.kind == "transliteration" and hit.severity == "medium", hit.reason
    assert "read from Cyrillic or Greek letters" in hit.reason


def test_ordinary_words_in_these_scripts_are_not_names(index):
    # milk, beer, sour cream, Moscow
    for label in ("Молоко", "Пиво", "Сметана", "Москва"):
        assert Checker(index, "EU").check(label) == [], label
