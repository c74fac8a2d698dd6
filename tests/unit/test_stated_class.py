"""The product class a user states in everyday words ('Rice', 'Fish (hairtail)') is read as the
register's class, the way a label's goods words are: it is not 'another class' for want of the
register's exact wording. Real cases: Beijing Fengtai District Court on 舟山带鱼 hairtail (2023);
Heilongjiang inspectors on rice from outside Wuchang sold as 五常大米."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import Protection
from names.knowledge import bundled_knowledge
from tests.registers import make_gi

HOME = Protection("CN", "national-register", "protected", None, None, "2011-01-01", None, "CNIPA", "high")
REGISTER = [
    make_gi("cn-wuchang-da-mi", "五常大米", "Fresh or processed fruit, vegetables and cereals", "CN", HOME),
    make_gi("cn-zhoushan-dai-yu", "舟山带鱼", "Fresh fish, molluscs and crustaceans", "CN", HOME),
]


@pytest.fixture(scope="module")
def cn() -> Checker:
    return Checker(ConflictIndex(REGISTER, bundled_knowledge()), "CN")


def _severity(cn: Checker, label: str, cls: str, gi_id: str) -> str:
    return next(h.severity for h in cn.check(label, cls) if h.gi.id == gi_id)


def test_everyday_words_for_the_class_are_like_goods(cn: Checker) -> None:
    assert cn.stated_class("Rice") == "Fresh or processed fruit, vegetables and cereals"
    assert _severity(cn, "星光村 五常大米", "Rice", "cn-wuchang-da-mi") == "high"
    assert _severity(cn, "舟山带鱼", "Fish (hairtail)", "cn-zhoushan-dai-yu") == "high"


def test_a_class_the_register_uses_stays_and_other_goods_stay_other(cn: Checker) -> None:
    assert cn.stated_class("Fresh fish, molluscs and crustaceans") == "Fresh fish, molluscs and crustaceans"
    assert cn.stated_class("Non-food goods (lingerie)") == "Non-food goods (lingerie)"
    assert cn.stated_class("  ") is None
    # rice stated for a fish name: another class, as before
    assert _severity(cn, "舟山带鱼", "Rice", "cn-zhoushan-dai-yu") == "medium"


def test_rice_is_not_rice_wine() -> None:
    # 'Rice' begins like the class 'Rice wine' (Shaoxing): it is the cereal, not the drink
    wine = make_gi("cn-shao-xing-jiu", "绍兴酒", "Rice wine", "CN", HOME)
    checker = Checker(ConflictIndex([*REGISTER, wine], bundled_knowledge()), "CN")
    assert checker.stated_class("Rice") == "Fresh or processed fruit, vegetables and cereals"
    assert checker.stated_class("Rice wine") == "Rice wine"


def test_a_gloss_in_brackets_ending_in_a_goods_word_does_not_hide_the_goods(cn: Checker) -> None:
    # 'application' is also software (Nice class 9); the goods stated are a dessert wine
    assert cn.stated_class("Dessert wine (traditional term application)") == "Wine"
    assert cn.stated_class("Wine glasses") == "Wine glasses"  # glasses for wine: not wine


def test_goods_in_the_plural_before_a_gloss_in_brackets_are_those_goods(cn: Checker) -> None:
    # Jinan AICs' raid at Dikou Road fruit market (2 Sep 2011): stall signs naming 沾化冬枣 over Shaanxi
    # jujubes (news.e23.cn, 2011-09-03); the user states the goods with a note on where the sign was
    fruit = "Fresh or processed fruit, vegetables and cereals"
    assert cn.stated_class("fresh winter jujubes (market stall sign)") == fruit
    assert cn.stated_class("Hairtails (market stall sign)") == "Fresh fish, molluscs and crustaceans"
    assert _severity(cn, "舟山带鱼第一家", "Hairtails (market stall sign)", "cn-zhoushan-dai-yu") == "high"
    # goods for goods ('Bottles for wine'): the bottles, with or without a note in brackets
    assert cn.stated_class("Bottles for wine (gift set)") == "Bottles for wine (gift set)"
    # what the brackets say of goods the register has no class for stays as written
    assert cn.stated_class("Non-food goods (lingerie)") == "Non-food goods (lingerie)"


def test_goods_named_by_a_generic_term_are_its_class() -> None:
    """'Camembert' stated as the goods is a cheese (Codex CXS 276-1973 in generic_terms.csv), so the place of
    'Camembert de Normandie' on it is on goods of the name's class (non-PDO camembert labelled 'fabriqué
    en Normandie' is a use long disputed in France)."""
    eu = Protection(
        "EU", "national-register", "protected", None, None, "1996-06-21", None, "EU register", "high"
    )
    camembert = make_gi("fr-camembert-de-normandie", "Camembert de Normandie", "Cheeses", "FR", eu)
    checker = Checker(ConflictIndex([camembert], bundled_knowledge()), "EU")
    assert checker.stated_class("camembert") == "Cheeses"
    assert checker.stated_class("Camemberts (non-PDO)") == "Cheeses"
    assert checker.stated_class("Bric-a-brac") == "Bric-a-brac"
    assert _severity(checker, "élaboré en Normandie", "camembert", "fr-camembert-de-normandie") == "medium"


def test_stated_goods_the_register_has_no_class_for_are_read_by_their_nice_classes():
    # 'Prosejito' (Prosecco + mojito), named by the Consorzio Prosecco DOC among the imitations it acts
    # against (WineNews, winenews.it/it/?p=327058): on a stated 'cocktail / beverage' the coined word was
    # screened as if no goods were known (nothing); the goods words' Nice classes (cocktails, beverages) now
    # say they are drinks of the wine's kind, where a coined evocation is weighed
    from tests.registers import EU_REGISTER

    eu = Checker(
        ConflictIndex([make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER)], bundled_knowledge()),
        "EU",
    )
    hit = next((h for h in eu.check("Prosejito", "cocktail / beverage") if h.gi.id == "it-prosecco"), None)
    assert hit is not None and hit.kind == "evocation" and hit.severity == "medium"
    # a stated class of other goods says so too: banking is no drink, and the coined word stays unflagged
    assert not [h for h in eu.check("Prosejito", "banking services") if h.severity != "low"]
