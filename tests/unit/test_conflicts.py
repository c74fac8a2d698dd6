"""The matcher on a small hand-made register with the bundled knowledge tables."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex, class_key, same_class
from gi_lists.model import GI, Name, Protection
from names.knowledge import bundled_knowledge

IV = Protection("CN", "agreement", "protected", "china-eu", "IV", "2021-03-01", None, "OJ L 408I", "high")
III = Protection("EU", "agreement", "protected", "china-eu", "III", "2021-03-01", None, "OJ L 408I", "high")
VI = Protection("CN", "agreement", "pending", "china-eu", "VI", None, None, "CNIPA No. 506", "high")


def gi(gi_id: str, names: list[tuple[str, str]], cls: str, origin: str, *prots: Protection) -> GI:
    return GI(gi_id, tuple(Name(t, k) for t, k in names), cls, origin, None, tuple(prots))


REGISTER = [
    gi("fr-champagne", [("Champagne", "original"), ("香槟", "official-rendering")], "Wine", "FR", IV),
    gi(
        "it-prosciutto-di-parma",
        [("Prosciutto di Parma", "original"), ("帕尔玛火腿", "official-rendering")],
        "Meat products (cooked, salted, smoked, etc.)",
        "IT",
        IV,
    ),
    gi(
        "it-mozzarella-di-bufala-campana", [("Mozzarella di Bufala Campana", "original")], "Cheeses", "IT", IV
    ),
    gi("hu-tokaj", [("Tokaj", "original")], "Wine", "HU", IV),
    gi("de-munchener-bier", [("Münchener Bier", "original")], "Beer", "DE", IV),
    gi(
        "cn-anxi-tie-guan-yin",
        [("安溪铁观音", "original"), ("Anxi Tie Guan Yin", "transcription")],
        "Tea",
        "CN",
        III,
    ),
    gi("cn-anji-bai-cha", [("安吉白茶", "original"), ("Anji Bai Cha", "transcription")], "Tea", "CN", III),
    gi("es-jumilla", [("Jumilla", "original")], "Wine", "ES", VI),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def top(index: ConflictIndex, label: str, jurisdiction: str = "CN", product_class: str | None = None):
    hits = Checker(index, jurisdiction).check(label, product_class)
    assert hits, f"no hit for {label!r}"
    return hits[0]


@pytest.mark.parametrize(
    "label,jurisdiction,gi_id,kind",
    [
        ("Champagne", "CN", "fr-champagne", "exact"),
        ("Napa Valley Champagne", "CN", "fr-champagne", "exact"),
        ("香槟", "CN", "fr-champagne", "official-rendering"),
        ("Parma ham", "CN", "it-prosciutto-di-parma", "translation"),
        ("jambon de Parme", "CN", "it-prosciutto-di-parma", "translation"),
        ("Xiangbin", "CN", "fr-champagne", "transliteration"),
        ("anxi tieguanyin", "EU", "cn-anxi-tie-guan-yin", "transliteration"),
        ("Anhsi Tiehkuanyin", "EU", "cn-anxi-tie-guan-yin", "transliteration"),
        ("安溪鐵觀音", "EU", "cn-anxi-tie-guan-yin", "script-variant"),
        ("Muenchener Bier", "CN", "de-munchener-bier", "script-variant"),
        ("香宾", "CN", "fr-champagne", "homophone"),
        ("Champagne-style sparkling wine", "CN", "fr-champagne", "imitation"),
        ("香槟型起泡酒", "CN", "fr-champagne", "imitation"),
        ("仿香槟", "CN", "fr-champagne", "imitation"),
        ("Tokaji", "CN", "hu-tokaj", "exact"),
        ("Champange", "CN", "fr-champagne", "fuzzy"),
    ],
)
def test_each_kind_of_use_is_found_and_named(index, label, jurisdiction, gi_id, kind):
    hit = top(index, label, jurisdiction)
    assert (hit.gi.id, hit.kind) == (gi_id, kind)


@pytest.mark.parametrize(
    "label,jurisdiction",
    [
        ("Champagne", "CN"),
        ("香槟型起泡酒", "CN"),
        ("Parma ham", "CN"),
        ("安溪鐵觀音", "EU"),
        ("香宾酒", "CN"),
    ],
)
def test_protected_names_used_for_like_goods_are_high(index, label, jurisdiction):
    assert top(index, label, jurisdiction).severity == "high"


def test_homophone_champagne_is_flagged_high_with_a_reason_and_basis(index):
    hit = top(index, "香宾", "CN", "Wine")
    assert hit.kind == "homophone" and hit.severity == "high"
    assert "香槟" in hit.reason and "Annex IV" in hit.reason
    assert "Art. 4" in hit.legal_basis and "TRIPS Art. 23" in hit.legal_basis
    assert hit.confidence in ("high", "medium")


def test_a_generic_term_alone_is_never_high_but_the_compound_is_found(index):
    hits = Checker(index, "CN").check("Mozzarella", "Cheeses")
    assert hits and all(h.severity == "low" for h in hits)
    assert hits[0].gi.id == "it-mozzarella-di-bufala-campana" and hits[0].kind == "generic-overlap"
    full = top(index, "Mozzarella di Bufala Campana", "CN", "Cheeses")
    assert full.kind == "exact" and full.severity == "high"


def test_a_component_of_a_compound_is_a_partial_match(index):
    hit = top(index, "Bufala Campana cheese", "CN")
    assert hit.gi.id == "it-mozzarella-di-bufala-campana"
    assert hit.kind == "partial" and hit.severity == "medium"


def test_place_with_another_product_of_the_class_is_partial(index):
    hit = top(index, "Anji green tea", "EU")
    assert (hit.gi.id, hit.kind, hit.severity) == ("cn-anji-bai-cha", "partial", "medium")


def test_pending_names_are_medium(index):
    hit = top(index, "Jumilla", "CN", "Wine")
    assert hit.kind == "exact" and hit.severity == "medium"
    assert "pending" in hit.reason


def test_another_product_class_is_medium(index):
    hit = top(index, "Champagne chocolate", "CN")
    assert hit.kind == "exact" and hit.severity == "medium"
    assert "another class" in hit.reason


def test_goods_that_are_not_food_are_low_for_a_food_name_without_a_decision_on_its_reputation(index):
    # the agreement protects against use on like goods; on a perfume only a well-known mark or a
    # decision on the name's reputation reaches: none is on record for Tokaj in China, while Champagne's
    # reputation was held to reach soft drinks there (Beijing No. 1 Intermediate Court, 10 Feb 2015)
    hit = top(index, "Tokaj perfume", "CN")
    assert hit.kind == "exact" and hit.severity == "low"
    assert "no such decision is on record" in hit.reason
    hit = top(index, "Champagne perfume", "CN")
    assert hit.severity == "medium" and "1855" in hit.reason, hit.reason


def test_a_colour_use_is_not_high(index):
    hit = top(index, "香槟色连衣裙", "CN")
    assert hit.gi.id == "fr-champagne" and hit.severity == "medium"


def test_names_not_protected_in_the_jurisdiction_are_left_out(index):
    assert Checker(index, "TH").check("Champagne") == []
    assert Checker(index, "CN").check("安吉白茶") == []  # protected in the EU, not listed in China
    assert top(index, "安吉白茶", "FR").gi.id == "cn-anji-bai-cha"  # EU protection applies in France


def test_ordinary_descriptions_raise_no_high_alarm(index):
    for label in [
        "sparkling wine",
        "green tea",
        "smoked ham",
        "Cheddar",
        "大米",
        "white tea from Fujian",
        "Campania",
    ]:
        assert all(h.severity != "high" for h in Checker(index, "CN").check(label)), label


def test_hit_json_has_the_contract_fields(index):
    data = top(index, "Champagne-style", "CN").to_dict()
    assert {
        "gi_id",
        "name",
        "names",
        "matched_form",
        "kind",
        "score",
        "severity",
        "reason",
        "legal_basis",
        "protections",
    } <= set(data)
    assert 0 <= data["score"] <= 1
    assert data["protections"][0]["annex"] == "IV"


def test_product_classes_compare_without_their_notes():
    assert class_key("Rice wine (annex class unverified)") == "rice wine"
    assert same_class(
        "Meat products (cooked, salted, smoked, etc.)", "Meat products (cooked, salted, smoked, etc.)"
    )
    assert not same_class("Wine", "Spirit")


def test_wine_label_terms_name_wine(index):
    """Sugar-content terms of sparkling wine (Reg. (EU) 2019/33 Annex III) and traditional terms such as
    château or crianza name the goods: wine."""
    for label in ["Champagne Brut", "Château Champagne", "Jumilla Crianza"]:
        hit = top(index, label, "CN")
        assert hit.severity in ("high", "medium") and "like goods assumed" not in hit.reason, hit.reason
    assert top(index, "Champagne Brut", "CN").reason.endswith("; like goods.")
    assert "another class" in top(index, "Tokaj extra brut", "CN", "Cheeses").reason


def test_a_trade_rendering_of_a_gi_is_a_transliteration_of_it():
    """A Chinese name from the trade-renderings table finds its GI, in simplified or traditional
    characters, with the rendering's own confidence (the table here is made up for the test;
    the bundled one cites a source for every row)."""
    from dataclasses import replace as copy_with

    from names.knowledge import Term

    knowledge = copy_with(bundled_knowledge())
    knowledge.trade_renderings = {
        "fr-champagne": [Term("fr-champagne", "尚帕涅", "trade", None, None, "test", "medium")]
    }
    index = ConflictIndex(REGISTER, knowledge)
    for label in ("尚帕涅起泡酒", "尚帕涅"):
        hit = Checker(index, "CN").check(label)[0]
        assert (hit.gi.id, hit.kind, hit.severity) == ("fr-champagne", "transliteration", "high"), hit.reason
        assert hit.matched_form == "Champagne" and "a trade rendering" in hit.reason
        assert hit.confidence == "medium"
    assert Checker(index, "CN").check("尚帕涅型起泡酒")[0].kind == "imitation"


def test_a_trade_rendering_without_its_product_word_is_still_the_name_unless_another_gi_shares_it():
    """费塔 of 费塔奶酪 (Feta): the rendering's core, the name's short form, as the market writes it
    ('法国费塔', a Chinese buying guide); but not a core that is a place or begins another GI's rendering
    (帕玛 of 帕玛火腿 begins 帕玛森干酪, Parmesan). The tables are made up here for the test."""
    from dataclasses import replace as copy_with

    from names.knowledge import Term

    knowledge = copy_with(bundled_knowledge())
    knowledge.trade_renderings = {
        "gr-feta": [Term("gr-feta", "费塔奶酪", "trade", None, None, "test", "medium")],
        "it-parma": [Term("it-parma", "帕玛火腿", "trade", None, None, "test", "medium")],
        "it-parmigiano": [Term("it-parmigiano", "帕玛森干酪", "trade", None, None, "test", "medium")],
    }
    register = [
        gi("gr-feta", [("Feta", "original")], "Cheeses", "GR", IV),
        gi(
            "it-parma",
            [("Prosciutto di Parma", "original")],
            "Meat products (cooked, salted, smoked, etc.)",
            "IT",
            IV,
        ),
        gi("it-parmigiano", [("Parmigiano Reggiano", "original")], "Cheeses", "IT", IV),
    ]
    checker = Checker(ConflictIndex(register, knowledge), "CN")
    # the name's short form, as an official rendering's core is: as severe as the name on its goods
    hit = checker.check("法国费塔", "Cheeses")[0]
    assert (hit.gi.id, hit.kind, hit.severity) == ("gr-feta", "partial", "high"), hit.reason
    assert checker.check("费塔")[0].severity == "medium"  # alone, no goods: a short form, medium
    assert "it-parma" not in {h.gi.id for h in checker.check("帕玛森干酪", "Cheeses")}


def test_the_name_in_another_language_or_script_is_a_translation_or_transliteration():
    """Forms from the name-translations table (made up here for the test; the bundled table cites a
    source for every row): a Cyrillic form matches a Cyrillic label, a German one a German label."""
    from dataclasses import replace as copy_with

    from names.knowledge import Term

    knowledge = copy_with(bundled_knowledge())
    knowledge.translations = {
        "fr-champagne": [
            Term("fr-champagne", "Шампань", "ru", None, "transliteration", "test", "medium"),
            Term("fr-champagne", "Schampanjer", "de", None, "translation", "test", "low"),
        ]
    }
    index = ConflictIndex(REGISTER, knowledge)
    cyrillic = Checker(index, "CN").check("Шампань")[0]
    assert (cyrillic.gi.id, cyrillic.kind, cyrillic.severity) == ("fr-champagne", "transliteration", "high")
    assert cyrillic.matched_form == "Champagne" and "another language or script" in cyrillic.reason
    german = Checker(index, "CN").check("Schampanjer Sekt")[0]
    assert (german.kind, german.confidence) == ("translation", "low")
    assert Checker(index, "CN").check("Schampanjer-Art Sekt")[0].kind == "imitation"
    # the pinyin of Chinese characters never reads as such a form
    assert not [h for h in Checker(index, "CN").check("山盘") if h.gi.id == "fr-champagne"]


def test_other_words_of_the_languages_are_no_misspelling_nor_generic_names_a_use():
    from tests.registers import EU_REGISTER, hits_by_gi, make_gi

    index = ConflictIndex(
        [
            make_gi("fr-la-grande-rue", "La Grande Rue", "Wine", "FR", EU_REGISTER),
            make_gi("pt-madeira", "Madeira", "Wine", "PT", EU_REGISTER),
            make_gi(
                "de-nurnberger-bratwurste",
                "Nürnberger Rostbratwürste",
                "Meat products (cooked, salted, smoked, etc.)",
                "DE",
                EU_REGISTER,
            ),
        ],
        bundled_knowledge(),
    )
    # 'grande de' differs from 'Grande Rue' by a whole word ('de'), not by a letter; 'grand' for 'grande' is
    # a misspelling still
    assert "fr-la-grande-rue" not in hits_by_gi(index, "Vega Grande de Guadalupe", "EU", "Wine")
    assert hits_by_gi(index, "La Grand Rue", "EU", "Wine")["fr-la-grande-rue"].severity == "medium"
    # Madeira cake is a British sponge cake (generic_terms.csv); Rostbratwürstchen a German product word
    cake = hits_by_gi(index, "Madeira cake", "EU", "Cake").get("pt-madeira")
    assert cake is not None and cake.severity == "low"
    sausage = hits_by_gi(index, "Mini-Rostbratwürstchen", "EU", "Sausages").get("de-nurnberger-bratwurste")
    assert sausage is None or sausage.severity == "low"


def test_a_saints_title_alone_is_no_distinctive_part_of_a_name():
    from tests.registers import EU_REGISTER, hits_by_gi, make_gi

    index = ConflictIndex(
        [
            make_gi("fr-saint-romain", "Saint-Romain", "Wine", "FR", EU_REGISTER),
            make_gi("fr-saint-joseph", "Saint-Joseph", "Wine", "FR", EU_REGISTER),
        ],
        bundled_knowledge(),
    )
    # 'Romain' is explained (Rome's French adjective), 'Saint' alone is no part of Saint-Romain; and the
    # title is not cut off the name either: 'Joseph' (a wine house's first name) is no part of Saint-Joseph
    assert "fr-saint-romain" not in hits_by_gi(index, "Cuvée du Golfe de Saint-Tropez", "FR", "Wine")
    assert "fr-saint-joseph" not in hits_by_gi(index, "Joseph Drouhin", "FR", "Wine")
    assert hits_by_gi(index, "Saint-Joseph", "FR", "Wine")["fr-saint-joseph"].severity == "high"
