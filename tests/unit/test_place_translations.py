"""GI names translated word by word into English: a place's English name or adjective with the product
word (Nuremberg sausages for Nürnberger Bratwürste, Spreewald gherkins for Spreewälder Gurken), and a
name in another language held to be the GI (Konjakki, CJEU C-4/10 and C-27/10, 14 Jul 2011)."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, make_gi

REGISTER = [
    make_gi(
        "de-nurnberger-bratwurste",
        "Nürnberger Bratwürste",
        "Meat products (cooked, salted, smoked, etc.)",
        "DE",
        EU_REGISTER,
    ),
    make_gi(
        "de-aachener-printen",
        "Aachener Printen",
        "Bread, pastry, cakes, confectionery, biscuits and other baker's wares",
        "DE",
        EU_REGISTER,
    ),
    make_gi(
        "de-spreewalder-gurken",
        "Spreewälder Gurken",
        "Fresh or processed fruit, vegetables and cereals",
        "DE",
        EU_REGISTER,
    ),
    make_gi("fr-cognac", "Cognac", "Spirit", "FR", EU_REGISTER),
    make_gi(
        "it-mortadella-bologna",
        "Mortadella Bologna",
        "Meat products (cooked, salted, smoked, etc.)",
        "IT",
        EU_REGISTER,
    ),
    make_gi("es-jijona", "Jijona", "Confectionery (turrón; class unverified)", "ES", EU_REGISTER),
]


@pytest.fixture(scope="module")
def eu() -> Checker:
    return Checker(ConflictIndex(REGISTER, bundled_knowledge()), "EU")


@pytest.mark.parametrize(
    "label,gi_id",
    [
        ("Nuremberg sausages", "de-nurnberger-bratwurste"),
        ("Nuremberg bratwurst", "de-nurnberger-bratwurste"),
        ("Aachen gingerbread", "de-aachener-printen"),
        ("Spreewald gherkins", "de-spreewalder-gurken"),
        ("Konjakki", "fr-cognac"),
        # Carabinieri and the consortium seized 'Mortadela bolonia' in Spain as an evocation of the PGI
        # (qualivita.it, 'Spagna, Mortadella Bologna IGP contraffatta'): Bolonia is Bologna in Spanish
        ("Mortadela Bolonia", "it-mortadella-bologna"),
        # Nîmes Court of Appeal, Jan 2002 (El País, 16 Jan 2002): French nougat as 'Turrón de Xixona', the
        # town's official Valencian name; turrón is confectionery, the EU's class 2.4
        ("Turrón de Xixona", "es-jijona"),
    ],
)
def test_a_translated_name_is_the_name(eu: Checker, label: str, gi_id: str) -> None:
    hit = next(h for h in eu.check(label) if h.gi.id == gi_id)
    assert hit.kind == "translation" and hit.severity == "high", hit.reason


def test_the_place_alone_on_another_product_is_not_the_name(eu: Checker) -> None:
    hits = {h.gi.id: h for h in eu.check("Nuremberg gherkins")}
    assert "de-nurnberger-bratwurste" not in hits or hits["de-nurnberger-bratwurste"].severity == "low"


def test_a_renamed_place_and_a_variety_word_are_the_names_place_and_product():
    # 郫县 became 成都市郫都区 in 2016 (zh.wikipedia 郫都区): 郫都豆瓣 is 郫县豆瓣 under the district's new
    # name; Hom Mali is the Thai name of the jasmine rice of Khao Hom Mali Thung Kula Rong-Hai
    from tests.registers import CN_IV

    register = [
        make_gi("cn-pixian-dou-ban", [("郫县豆瓣", "original")], "Other products", "CN", CN_IV),
        make_gi(
            "th-khao-hom-mali-thung-kula-rong-hai",
            [("ข้าวหอมมะลิทุ่งกุลาร้องไห้", "original"), ("Khao Hom Mali Thung Kula Rong-Hai", "transcription")],
            "Fresh or processed fruit, vegetables and cereals",
            "TH",
            EU_REGISTER,
        ),
    ]
    index = ConflictIndex(register, bundled_knowledge())
    pidu = {h.gi.id: h for h in Checker(index, "CN").check("郫都豆瓣酱")}["cn-pixian-dou-ban"]
    assert pidu.severity == "high", pidu.reason
    rice = {h.gi.id: h for h in Checker(index, "EU").check("Thung Kula Hom Mali", "Rice")}
    assert rice["th-khao-hom-mali-thung-kula-rong-hai"].severity == "high", rice
