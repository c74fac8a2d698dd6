"""A place spelled right is no misspelling of another name ('Parma' is not 'Πάτρα', Patra, two letters
off), and Wade-Giles spells Chinese places only: the Chinese rendering of a European name (帕尔玛火腿 for
Prosciutto di Parma) is not read 'P'a-erh-ma' (which made 'Parma' a near spelling of it)."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi(
        "it-prosciutto-di-parma",
        [("Prosciutto di Parma", "original"), ("帕尔玛火腿", "official-rendering")],
        "Meat products (cooked, salted, smoked, etc.)",
        "IT",
        EU_REGISTER,
    ),
    make_gi("gr-patra", [("Πάτρα", "original"), ("Patra", "transcription")], "Wine", "GR", EU_REGISTER),
    make_gi("cn-anxi-tie-guan-yin", [("安溪铁观音", "original")], "Tea", "CN", EU_REGISTER),
    make_gi("fr-grand-roussillon", "Grand Roussillon", "Wine", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def test_a_place_spelled_right_is_no_misspelling_of_another_name(index):
    hits = hits_by_gi(index, "Culatello di Parma", "EU", "Wine")
    assert "gr-patra" not in hits
    # a misspelling that is no place is still one
    assert hits_by_gi(index, "Patrra", "EU", "Wine")["gr-patra"].kind == "fuzzy"


def test_wade_giles_spells_chinese_names_only(index):
    parma = next(i for i, gi in enumerate(index.gis) if gi.id == "it-prosciutto-di-parma")
    anxi = next(i for i, gi in enumerate(index.gis) if gi.id == "cn-anxi-tie-guan-yin")
    vias = {(k.gi, k.via) for keys in index.latin.values() for k in keys}
    assert (parma, "wade-giles") not in vias and "paerhma" not in index.latin
    assert (anxi, "wade-giles") in vias


def test_size_and_rank_words_are_no_distinctive_part(index):
    # 'Grand' of Grand Roussillon is a word of every wine list ('Grand Vin Rouge'), not the name's own
    hit = hits_by_gi(index, "Grand Vin Rouge", "EU", "Wine").get("fr-grand-roussillon")
    assert hit is None or hit.severity == "low"
    assert hits_by_gi(index, "Roussillon", "EU", "Wine")["fr-grand-roussillon"].severity != "low"
