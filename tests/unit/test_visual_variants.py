"""A Chinese name with one character swapped for one that looks like it (形近字: 芧台酒 for 茅台酒) is a
near spelling: medium on like goods, low on other goods; a swap for a character that does not look like
it is nothing, unless the name's distinctive part has three characters or more and the first is kept
(泸牌老窖 for 泸州老窖: CNIPA's examination standard); the look-alike table
(data/knowledge/visual_variants.csv) is well-formed."""

from __future__ import annotations

import csv
import unicodedata

import pytest

from compare.conflicts import ConflictIndex
from config import KNOWLEDGE_DIR
from gi_lists.model import Protection
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
    make_gi("cn-luzhou-lao-jiao-jiu", [("泸州老窖酒", "original")], "Spirit", "CN", CN_IV, EU_III),
    make_gi("cn-wu-liang-ye", [("五粮液", "original")], "Spirit", "CN", CN_IV),
    make_gi("cn-anji-bai-cha", [("安吉白茶", "original")], "Tea", "CN", CN_IV),
    make_gi("fr-bordeaux", [("Bordeaux", "original"), ("波尔多", "official-rendering")], "Wine", "FR", CN_IV),
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


# Cases of the market: the Luzhou intermediate court held 泸牌老窖 baijiu infringing 泸州老窖 (upheld by the
# Sichuan High Court, April 2023: m.myjjw.001ce.com/yuan/2023/0424/454042.html); Jinan Tianqiao AIC took
# 泸川老窖 off the shelves (origiot.com/hhydt/2446.html); Aba prefecture seized counterfeit 五粮春 and 五粮纯
# beside fake 五粮液 (douliaovip.com/hangye/0F5CA62016.html).
@pytest.mark.parametrize(
    ("label", "gi_id", "changed"),
    [
        ("泸牌老窖", "cn-luzhou-lao-jiao-jiu", "牌 for 州"),
        ("泸川老窖 浓香型白酒", "cn-luzhou-lao-jiao-jiu", "川 for 州"),
        ("五粮春", "cn-wu-liang-ye", "春 for 液"),
        ("五粮纯", "cn-wu-liang-ye", "纯 for 液"),
    ],
)
def test_one_character_after_the_first_changed_is_a_near_spelling(index, label, gi_id, changed):
    hit = hits_by_gi(index, label, "CN", "Spirits")[gi_id]
    assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit
    assert f"written with {changed}: one character of the name changed, the first kept" in hit.reason
    assert "商标审查及审理标准" in hit.reason


def test_one_character_changed_is_low_on_other_goods_and_capped_at_medium(index):
    assert hits_by_gi(index, "泸牌老窖", "CN", "Tea")["cn-luzhou-lao-jiao-jiu"].severity == "low"
    # no goods said: the standard weighs marks on like goods, so nothing to go on beyond a low hint
    assert hits_by_gi(index, "泸牌老窖", "CN")["cn-luzhou-lao-jiao-jiu"].severity == "low"
    # the examination standard is China's: elsewhere the hit is a near spelling without it
    eu = hits_by_gi(index, "泸牌老窖", "EU", "Spirits")["cn-luzhou-lao-jiao-jiu"]
    assert eu.severity == "medium" and "商标审查" not in eu.reason
    # the standard says similar, not the same: never high, even on the name's own goods
    assert hits_by_gi(index, "泸牌老窖酒", "CN", "Spirits")["cn-luzhou-lao-jiao-jiu"].severity == "medium"


@pytest.mark.parametrize(
    ("label", "gi_id"),
    [
        ("贵州老窖", "cn-luzhou-lao-jiao-jiu"),  # the first character changed: the standard's exception
        ("大五粮春", "cn-wu-liang-ye"),  # three characters only as the whole brand or before a product word
        ("五粮春饼", "cn-wu-liang-ye"),
        ("安吉红茶", "cn-anji-bai-cha"),  # 安吉 with another tea: the name's product word, not its name
        ("波尔卡", "fr-bordeaux"),  # a rendering of a foreign name is matched by sound, not by characters
        ("老泸州窖", "cn-luzhou-lao-jiao-jiu"),  # not one character changed
        ("五谷液", "cn-wu-liang-ye"),  # 五谷, the five grains: a word of its own (the review, 2026-12-05)
    ],
)
def test_a_change_outside_the_rule_is_no_near_spelling(index, label, gi_id):
    hit = hits_by_gi(index, label, "CN", "Spirits" if gi_id.startswith("cn-") else "Wine").get(gi_id)
    assert hit is None or "one character of the name changed" not in hit.reason, hit


def test_another_number_for_the_names_number_is_a_near_spelling(index):
    # the Supreme People's Court held 滨河九粮液 / 九粮液 on baijiu to infringe the well-known 五粮液
    # ((2017)最高法民再234号, May 2019; madecom.cn and chiram.com reports): a number put for the name's own,
    # anywhere in the label, the rest of the name kept
    for label in ("滨河九粮液", "十粮液"):
        hit = hits_by_gi(index, label, "CN", "Spirits")["cn-wu-liang-ye"]
        assert (hit.kind, hit.severity) == ("fuzzy", "medium"), hit
        assert "the name's number changed" in hit.reason and "(2017)最高法民再234号" in hit.reason
        assert "商标审查及审理标准" not in hit.reason  # the standard's rule keeps the first character
    # a number for a character that is no number, or a word for the number, is not this rule
    for label in ("大粮液", "五谷液"):
        hit = hits_by_gi(index, label, "CN", "Spirits").get("cn-wu-liang-ye")
        assert hit is None or "number changed" not in hit.reason, hit
    # on other goods, low, as any changed character; a formal numeral is a number too (玖粮液)
    assert hits_by_gi(index, "九粮液", "CN", "Tea")["cn-wu-liang-ye"].severity == "low"
    assert "number changed" in hits_by_gi(index, "玖粮液", "CN", "Spirits")["cn-wu-liang-ye"].reason


def test_a_place_that_begins_with_a_number_is_no_number_to_change():
    # 九寨沟 (Jiuzhaigou) is the place of 九寨沟蜂蜜 (a Chinese GI honey): 三寨沟 is no 'number changed'
    home = Protection("CN", "national-register", "protected", None, None, "2011-01-01", None, "CNIPA", "high")
    honey = make_gi("cn-jiuzhaigou-feng-mi", "九寨沟蜂蜜", "Other products of animal origin", "CN", home)
    index = ConflictIndex([honey], bundled_knowledge())
    hit = hits_by_gi(index, "三寨沟风光", "CN", "蜂蜜").get("cn-jiuzhaigou-feng-mi")
    assert hit is None or "number changed" not in hit.reason, hit


def test_the_chinese_word_list_is_sorted_for_bisection_and_knows_common_words():
    from names.common_words import _chinese_words, is_chinese_word

    words = _chinese_words()
    assert len(words) > 200_000 and words == sorted(words)
    assert all(is_chinese_word(w) for w in ("老虎", "五谷", "青瓷", "龙泉驿"))
    assert not any(is_chinese_word(w) for w in ("泸牌", "粮春", "", "泸州老窖"))
