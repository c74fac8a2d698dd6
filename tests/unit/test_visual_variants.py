"""A Chinese name with one character swapped for one that looks like it (形近字: 芧台酒 for 茅台酒) is a
near spelling: medium on like goods, low on other goods; a swap for a character that does not look like
it is nothing; the look-alike table (data/knowledge/visual_variants.csv) is well-formed."""

from __future__ import annotations

import csv
import unicodedata

import pytest

from compare.conflicts import ConflictIndex
from config import KNOWLEDGE_DIR
from names.knowledge import bundled_knowledge
from names.visual import COLUMNS, looked_like, visual_variants
from tests.registers import CN_IV, EU_III, hits_by_gi, make_gi

MOUTAI = [("茅台酒", "original"), ("Moutai Jiu", "transcription")]
LONGJING = [("西湖龙井", "original"), ("Xihu Longjing", "transcription")]
REGISTER = [
    make_gi("cn-moutai-jiu", MOUTAI, "Spirit", "CN", EU_III),
    make_gi("cn-xi-hu-long-jing", LONGJING, "Tea", "CN", EU_III, CN_IV),
    make_gi(
        "pt-vinho-verde", "Vinho Verde", "Wine", "PT", EU_III
    ),  # 青酒 in the trade (trade_renderings.csv)
    make_gi("fr-champagne", [("Champagne", "original"), ("香槟", "official-rendering")], "Wine", "FR", CN_IV),
    make_gi(
        "cn-tongjiang-lu-yu", [("桐江鲈鱼", "original")], "Fresh fish, molluscs and crustaceans", "CN", CN_IV
    ),
    make_gi(
        "cn-anqiu-da-cong",
        [("安丘大葱", "original")],
        "Fresh or processed fruit, vegetables and cereals",
        "CN",
        CN_IV,
    ),
    make_gi("it-grappa", [("Grappa", "original"), ("格拉帕酒", "official-rendering")], "Spirit", "IT", CN_IV),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def test_the_table_knows_the_maotai_lookalike():
    assert "芧" in visual_variants("茅")
    assert "茅" in looked_like("芧")


def test_a_lookalike_character_in_a_name_is_a_near_spelling_on_like_goods(index):
    hit = hits_by_gi(index, "季老飞天芧台酒", "EU", "Spirits")["cn-moutai-jiu"]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit
    assert "芧 for 茅, characters that look alike" in hit.reason


def test_a_lookalike_is_low_on_other_goods(index):
    hit = hits_by_gi(index, "芧台酒", "EU", "Cheeses")["cn-moutai-jiu"]
    assert (hit.kind, hit.severity) == ("fuzzy", "low"), hit


def test_a_name_of_four_characters_counts_alone(index):
    swapped = next(c for c in visual_variants("湖") if c != "湖")
    hit = hits_by_gi(index, f"西{swapped}龙井", "EU", "Tea")["cn-xi-hu-long-jing"]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit


def test_two_characters_count_only_beside_the_names_product(index):
    # 芧台 alone is no name of three characters; 芧台酒 names the liquor of 茅台酒
    assert "cn-moutai-jiu" not in hits_by_gi(index, "芧台", "EU")
    assert hits_by_gi(index, "芧台白酒", "EU", "Spirits")["cn-moutai-jiu"].kind == "fuzzy"


def test_two_characters_count_as_the_whole_brand_on_goods_said_to_be_of_the_names_class(index):
    # 茅合: among the brands in 茅台镇 shops that lean on 茅 or 台 (zhantu88.com, the table's source)
    hit = hits_by_gi(index, "茅合", "EU", "Spirits")["cn-moutai-jiu"]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit
    assert "cn-moutai-jiu" not in hits_by_gi(index, "茅合", "EU", "Tea")
    assert "cn-moutai-jiu" not in hits_by_gi(index, "茅合", "EU")  # no goods said: nothing to go on
    assert "cn-moutai-jiu" not in hits_by_gi(index, "大茅合", "EU", "Spirits")  # part of a longer brand


def test_a_product_word_elsewhere_in_the_label_does_not_count(index):
    # 清酒 (sake) is 青酒 with 清 for 青, but the wine named beside it is another word of the label
    assert "清" in visual_variants("青")
    hit = hits_by_gi(index, "清酒 葡萄酒", "EU").get("pt-vinho-verde")
    assert hit is None or hit.kind != "fuzzy", hit


def test_a_character_that_does_not_look_alike_finds_nothing(index):
    assert "米" not in visual_variants("茅")
    assert "cn-moutai-jiu" not in hits_by_gi(index, "米台酒", "EU", "Spirits")
    hit = hits_by_gi(index, "西湖龙门", "EU", "Tea").get("cn-xi-hu-long-jing")  # 西湖: the name's place
    assert hit is None or hit.kind != "fuzzy", hit


def test_the_name_itself_is_not_a_lookalike(index):
    hit = hits_by_gi(index, "茅台酒", "EU", "Spirits")["cn-moutai-jiu"]
    assert hit.kind != "fuzzy"


def test_the_table_rows_are_well_formed():
    with open(KNOWLEDGE_DIR / "visual_variants.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = list(reader)
    assert len(rows) > 1000
    seen = set()
    per_char: dict[str, int] = {}
    for row in rows:
        char, similar = row["char"], row["similar"]
        for c in (char, similar):
            assert len(c) == 1 and unicodedata.name(c, "").startswith("CJK"), row
        assert char != similar and (char, similar) not in seen, row
        seen.add((char, similar))
        assert row["basis"] and row["source"], row
        assert row["confidence"] in ("high", "medium", "low"), row
        if row["confidence"] == "high":
            assert "http" in row["source"], row  # a documented case carries its source
        per_char[char] = per_char.get(char, 0) + 1
    assert max(per_char.values()) <= 9


@pytest.mark.parametrize(
    ("label", "gi_id"),
    [
        ("桐江鲤鱼", "cn-tongjiang-lu-yu"),  # 鲤鱼 carp is a word of its own, not 鲈 written another way
        ("格拉白酒", "it-grappa"),  # 白酒 is a word of its own
        ("安岳大葱", "cn-anqiu-da-cong"),  # 安岳 is a county (安岳柠檬), not 安丘 written another way
    ],
)
def test_a_swapped_character_inside_a_word_of_its_own_is_that_word(index, label, gi_id):
    hit = hits_by_gi(index, label, "CN").get(gi_id)
    assert hit is None or hit.kind != "fuzzy"
