"""A name with or without its linking words (di, de, du, of ...) is the same name: 'Mortadella di Bologna'
on a label is the PGI Mortadella Bologna (EU register file PGI-IT-0325), 'Jambon Bayonne' on a price list is
the PGI Jambon de Bayonne."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex, Hit
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi(
        "it-mortadella-bologna",
        "Mortadella Bologna",
        "Meat products (cooked, salted, smoked, etc.)",
        "IT",
        EU_REGISTER,
    ),
    make_gi(
        "fr-jambon-de-bayonne",
        "Jambon de Bayonne",
        "Meat products (cooked, salted, smoked, etc.)",
        "FR",
        EU_REGISTER,
    ),
    make_gi("fr-cotes-du-rhone", "Côtes du Rhône", "Wine", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def hits(index: ConflictIndex, label: str) -> dict[str, Hit]:
    return hits_by_gi(index, label, "EU")


@pytest.mark.parametrize(
    ("label", "gi_id"),
    [
        ("Mortadella di Bologna", "it-mortadella-bologna"),  # a linking word the name does not have
        ("Jambon Bayonne", "fr-jambon-de-bayonne"),  # the name's linking word left out
        ("Côtes Rhône 2022", "fr-cotes-du-rhone"),
    ],
)
def test_the_name_with_or_without_its_linking_words_is_the_name(index, label, gi_id):
    hit = hits(index, label)[gi_id]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit


def test_linking_words_alone_do_not_make_a_name(index):
    # 'de' and 'du' between other words: no name is made of them
    assert not {gi_id for gi_id, h in hits(index, "Pâté de campagne du chef").items() if h.severity == "high"}
