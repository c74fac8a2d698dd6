"""A GI the EU register files under its catch-all class ('Other products (spices etc.)', where tea,
coffee, cider and saffron all go) takes the class of what it is made of: Café de Colombia on coffee is
like goods, not 'another class' (EU register, PGI-CO-0467); Darjeeling is tea (PGI-IN-0659, by
register_products.csv, since its name has no product word). A user's class is read word by word:
'Wine glasses' are not wine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import same_class
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

CATCH_ALL = "Other products (spices etc.)"
REGISTER = [
    make_gi("co-cafe-de-colombia", "Café de Colombia", CATCH_ALL, "CO", EU_REGISTER),
    make_gi("in-darjeeling", "Darjeeling", CATCH_ALL, "IN", EU_REGISTER),
    make_gi("es-azafran-de-la-mancha", "Azafrán de la Mancha", CATCH_ALL, "ES", EU_REGISTER),
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("fr-domfront", "Domfront", CATCH_ALL, "FR", EU_REGISTER),
    make_gi("fr-cidre-de-bretagne", "Cidre de Bretagne", CATCH_ALL, "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    knowledge = replace(
        bundled_knowledge(),
        register_products={"in-darjeeling": [("tea", None)], "fr-domfront": [("perry", "Cider and perry")]},
    )
    return ConflictIndex(REGISTER, knowledge)


def _class_of(index: ConflictIndex, gi_id: str) -> str:
    return next(gi.product_class for gi in index.gis if gi.id == gi_id)


def test_a_catch_all_gi_takes_the_class_of_its_product_word(index):
    assert _class_of(index, "co-cafe-de-colombia") == f"Coffee (the register's class: {CATCH_ALL})"
    assert hits_by_gi(index, "Café de Colombia", "EU", "Coffee")["co-cafe-de-colombia"].severity == "high"
    assert hits_by_gi(index, "Colombian coffee", "EU")["co-cafe-de-colombia"].severity == "high"


def test_a_catch_all_gi_without_a_product_word_takes_the_tables_product(index):
    assert _class_of(index, "in-darjeeling").startswith("Tea (")
    assert hits_by_gi(index, "Darjeeling", "EU", "Tea")["in-darjeeling"].severity == "high"
    assert hits_by_gi(index, "Darjeeling", "EU", "Wine")["in-darjeeling"].severity != "high"


def test_a_product_with_no_class_of_its_own_takes_the_tables_class(index):
    # Domfront is perry (OJ C 261, 2003): 'Cider and perry', Nice class 33
    assert _class_of(index, "fr-domfront").startswith("Cider and perry (")
    assert hits_by_gi(index, "Domfront", "EU", "Perry")["fr-domfront"].severity == "high"
    # no table row and a product word with no class (cidre): the register's class stays
    assert _class_of(index, "fr-cidre-de-bretagne") == CATCH_ALL


def test_a_product_of_the_catch_all_class_itself_keeps_the_registers_class(index):
    # saffron is one of the 'other products': nothing to tell apart, the class stays as the register has it
    assert _class_of(index, "es-azafran-de-la-mancha") == CATCH_ALL


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wine glasses", "Wine", False),
        ("Beer mugs", "Beer", False),
        ("Cheese", "Cheeses", True),
        ("Wine, sparkling", "Wine", True),
        ("Pasta", "Pasta / noodles", True),
        ("Other products", "Other products of animal origin (eggs, honey)", True),
        ("Bread", "Bread, pastry, cakes, confectionery, biscuits and other baker's wares", True),
        # one of the goods a class lists: turrón GIs in the annexes' 'Confectionery' are the EU's class 2.4
        ("Confectionery (turrón; class unverified)", "Bread, pastry, cakes, confectionery, biscuits", True),
        ("Vegetables", "Fresh or processed fruit, vegetables and cereals", True),
        ("Wine", "Bread, pastry, cakes, confectionery, biscuits and other baker's wares", False),
        ("Honey", "Other products of animal origin (eggs, honey, dairy products except butter)", False),
    ],
)
def test_classes_are_compared_word_by_word(a, b, same):
    assert same_class(a, b) is same


def test_a_class_ending_with_goods_words_names_those_goods(index):
    checker = Checker(index, "EU")
    assert checker.stated_class("Wine glasses") == "Wine glasses"
    assert checker.stated_class("Sparkling wine") == "Wine"
    assert hits_by_gi(index, "Champagne", "EU", "Wine glasses")["fr-champagne"].severity != "high"
    assert hits_by_gi(index, "Champagne", "EU", "葡萄酒杯")["fr-champagne"].severity != "high"


@pytest.mark.parametrize(
    ("stated", "classes"),
    [
        # a trademark's specification lists its goods: each names its class (EUIPO oppositions)
        ("Wines and alcoholic beverages", ["Wine", "Spirit"]),
        ("Alcoholic beverages including wine", ["Wine", "Spirit"]),
        ("Wines, spirits and liqueurs", ["Wine", "Spirit"]),
        ("Coffee beans and coffee shop signs", ["Coffee"]),
        ("葡萄酒、白酒", ["Wine", "Spirit"]),
    ],
)
def test_a_list_of_goods_names_each_of_its_classes(index, stated, classes):
    named = Checker(index, "EU").stated_classes(stated)
    assert all(any(same_class(c, n) for n in named) for c in classes), named


def test_a_use_on_a_list_of_goods_is_on_like_goods_where_one_of_them_is(index):
    assert hits_by_gi(index, "Champagne", "EU", "Spirits and wines")["fr-champagne"].severity == "high"
    assert (
        hits_by_gi(index, "Café de Colombia", "EU", "Tea, coffee")["co-cafe-de-colombia"].severity == "high"
    )
    # goods excepted in brackets are not among them
    assert Checker(index, "EU").stated_classes("Alcoholic beverages (except wines)")[1:] == []


@pytest.mark.parametrize("stated", ["Dried beef", "Cured pork (culatello)", "Smoked ham"])
def test_fresh_meat_cured_smoked_or_dried_is_a_meat_product(index, stated):
    # the EU register's class 1.2 'Meat products (cooked, salted, smoked, etc.)' (Bresaola: dried beef)
    assert Checker(index, "EU").stated_class(stated).startswith("Meat products")
    assert Checker(index, "EU").stated_class("Fresh pork").startswith("Fresh meat")


@pytest.mark.parametrize(
    ("stated", "cls"),
    [
        ("Draft sparkling wine dispensed in a London pub", "Wine"),
        ("Cheese for pizza", "Cheeses"),
        # a gloss in brackets after the goods; services name their goods in brackets
        ("Sparkling red wine (Lambrusco)", "Wine"),
        ("Restaurant services (crayfish)", "Fresh fish, molluscs and crustaceans"),
    ],
)
def test_the_goods_come_before_what_is_said_of_them(index, stated, cls):
    assert Checker(index, "EU").stated_class(stated) == cls


@pytest.mark.parametrize(
    ("stated", "cls"),
    [
        # food goods words at the end are the product itself (茶叶 had become other goods for a while)
        ("茶叶", "Tea"),
        ("Tea bags", "Tea"),
        ("Ground coffee", "Coffee"),
        ("Craft beer", "Beer"),
        # vintages, sizes and 'etc.' after the goods; a bracket without a space
        ("Wine 2019", "Wine"),
        ("Wine 750ml", "Wine"),
        ("Wine etc.", "Wine"),
        ("Wine(sparkling)", "Wine"),
        ("Sparkling wines", "Wine"),
        ("Wine 75 cl", "Wine"),
        ("Wine 0.75 l", "Wine"),
        ("Wine 2019 for export", "Wine"),
        ("Wines of 2019", "Wine"),
        ("Non-alcoholic wine", "Wine"),
        ("白酒52度", "Spirit"),
    ],
)
def test_everyday_goods_words_name_their_class(index, stated, cls):
    assert same_class(Checker(index, "EU").stated_class(stated), cls)


@pytest.mark.parametrize(
    "stated",
    [
        "Bottles for wine",
        "Tea cups",
        "Beer mugs",
        "Beverages (not wine)",
        "Non-alcoholic beverages",
        "Ice cream with rum",  # the goods before what they are made with
    ],
)
def test_goods_around_a_product_or_excepting_it_are_not_it(index, stated):
    stated_class = Checker(index, "EU").stated_class(stated)
    assert not same_class(stated_class, "Wine") and not same_class(stated_class, "Spirit")


def test_the_registers_own_class_still_names_a_catch_all_gi(index):
    # a user who types the register's class: like goods of the GI filed under it
    hit = hits_by_gi(index, "Café de Colombia", "EU", CATCH_ALL)["co-cafe-de-colombia"]
    assert hit.severity == "high"


def test_processed_meat_is_like_goods_of_fresh_meat_too(index):
    checker = Checker(index, "EU")
    assert any(c.startswith("Fresh meat") for c in checker.stated_classes("Dried beef"))
    assert any(c.startswith("Fresh meat") for c in checker.stated_classes("Dried beef for stew"))
    assert checker.stated_class("Beef (not cured)").startswith("Fresh meat")


def test_a_reputed_names_place_on_the_goods_a_decision_was_held_for(index: ConflictIndex) -> None:
    """The place of a name whose reputation a decision held to reach other goods (reputations.csv: EUIPO
    held COLOMBUENO for restaurant and café services evocative of Café de Colombia): its adjective on those
    very goods is medium, citing the decision; on goods no decision was held for it stays low."""
    hit = hits_by_gi(index, "COLOMBIANO HOUSE", "EU", "restaurant and café services")["co-cafe-de-colombia"]
    assert (hit.kind, hit.severity) == ("partial", "medium") and "COLOMBUENO" in hit.reason
    shirts = hits_by_gi(index, "Colombiano", "EU", "shirts").get("co-cafe-de-colombia")
    assert shirts is None or shirts.severity == "low"
