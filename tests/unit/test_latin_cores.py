"""A Latin name that is one distinctive run and product words only (Huîtres Marennes Oléron, Pecorino
Crotonese, Limone di Sorrento) is that run with its product: the run alone on goods of the name's class is
the name's short form, and with its product named in another language the name translated; as 龙井 is of
龙井茶. Real-market cases, each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

VEG = "Fresh or processed fruit, vegetables and cereals"
REGISTER = [
    make_gi(
        "fr-huitres-marennes-oleron",
        "Huîtres Marennes Oléron",
        "Fresh fish, molluscs and crustaceans",
        "FR",
        EU_REGISTER,
    ),
    make_gi("it-pecorino-crotonese", "Pecorino Crotonese", "Cheeses", "IT", EU_REGISTER),
    make_gi("it-limone-di-sorrento", "Limone di Sorrento", VEG, "IT", EU_REGISTER),
    make_gi("it-radicchio-di-chioggia", "Radicchio di Chioggia", VEG, "IT", EU_REGISTER),
    make_gi(
        "it-cipolla-rossa-di-tropea-calabria", "Cipolla Rossa di Tropea Calabria", VEG, "IT", EU_REGISTER
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "jurisdiction", "cls", "gi_id", "kind"),
    [
        # DGCCRF prosecuted a farmer for 99 t of Irish oysters sold as Marennes-Oléron (La Rochelle, 2018:
        # marine-oceans.com/?p=14900)
        ("Marennes-Oléron", "FR", "Oysters", "fr-huitres-marennes-oleron", "partial"),
        ("Marennes Oléron oysters", "EU", None, "fr-huitres-marennes-oleron", "translation"),
        # Coldiretti's list of fake Made-in-Italy foods: 'Crotonese' cheese made in Canada
        # (distribuzionemoderna.info, made-in-italy-dal-pandoro-argentino-al-salame-veneto)
        ("Crotonese", "EU", "Sheep cheese", "it-pecorino-crotonese", "partial"),
    ],
)
def test_the_names_own_part_on_its_goods_is_the_name(index, label, jurisdiction, cls, gi_id, kind):
    hit = hits_by_gi(index, label, jurisdiction, cls)[gi_id]
    assert (hit.kind, hit.severity) == (kind, "high"), hit.reason


def test_a_part_that_is_also_a_word_of_the_languages_is_at_most_medium(index):
    # six tonnes of Argentinian 'Sorrento lemons' seized in Naples (ANSA, 4 Oct 2012): found, but Sorrento
    # is also a town and a word of the word lists (as Canada, Latina, Hollandse are: the review)
    hit = hits_by_gi(index, "Limoni di Sorrento", "EU", "Lemons")["it-limone-di-sorrento"]
    assert (hit.kind, hit.severity) == ("translation", "medium"), hit.reason


def test_the_part_with_the_names_own_product_word_is_the_name_words_apart(index):
    hit = hits_by_gi(index, "Crotonese Pecorino", "EU", "Cheeses")["it-pecorino-crotonese"]
    assert hit.severity == "high", hit.reason


@pytest.mark.parametrize(
    "label",
    [
        "Sorrento lemon cake",  # the product is an ingredient of the goods
        "Crotonese sheep cheese spread",
        "New Marennes Oléron mussels",  # another product
    ],
)
def test_a_part_with_more_words_is_a_partial_match(index, label):
    found = hits_by_gi(index, label, "EU")
    assert all(h.severity != "high" for h in found.values()), [(h.gi.id, h.severity) for h in found.values()]


def test_the_part_on_another_product_or_goods_of_another_class_is_not_high(index):
    # Chioggia is also a beet variety (barbabietola di Chioggia): not the radicchio
    hit = hits_by_gi(index, "Chioggia beetroot", "EU", "Vegetables").get("it-radicchio-di-chioggia")
    assert hit is None or hit.severity != "high", hit
    hit = hits_by_gi(index, "Crotonese", "EU", "Wine").get("it-pecorino-crotonese")
    assert hit is None or hit.severity == "low", hit


def test_a_name_with_a_place_beside_the_run_keeps_it_a_part(index):
    # Tropea is one of two places of Cipolla Rossa di Tropea Calabria: a distinctive part, not its core
    hit = hits_by_gi(index, "Tropea", "EU", VEG)["it-cipolla-rossa-di-tropea-calabria"]
    assert hit.kind == "partial" and "distinctive part" in hit.reason, hit.reason


def test_a_chinese_names_core_with_its_product_is_named_by_how_it_is_written():
    # the labelled set's market cases: 阳澄湖蟹 crabs sold as Yangcheng Lake's (the place with its product
    # in other words), 'Anji white tea' (the pinyin place, the product in English: a translation), 'Lung
    # Ching tea' (an old romanisation of 龙井 with the product: a transliteration)
    from tests.registers import CN_IV

    register = [
        make_gi(
            "cn-yangchenghu-da-zha-xie",
            [("阳澄湖大闸蟹", "original")],
            "Fresh fish, molluscs and crustaceans",
            "CN",
            CN_IV,
        ),
        make_gi("cn-anji-bai-cha", [("安吉白茶", "original")], "Tea", "CN", CN_IV),
        make_gi("cn-longjing-cha", [("龙井茶", "original")], "Tea", "CN", CN_IV),
    ]
    index = ConflictIndex(register, bundled_knowledge())
    for label, gi_id, kind in [
        ("阳澄湖蟹", "cn-yangchenghu-da-zha-xie", "partial"),
        ("Anji white tea", "cn-anji-bai-cha", "translation"),
        ("Lung Ching tea", "cn-longjing-cha", "transliteration"),
    ]:
        hit = hits_by_gi(index, label, "CN")[gi_id]
        assert (hit.kind, hit.severity) == (kind, "high"), (label, hit.reason)
        assert "another language" not in hit.reason or kind != "partial"
