"""A Chinese GI's name with its place and the rest apart: a word put between them ('新会老陈皮' for 新会陈皮:
Jiangmen and Xinhui market regulators acted against it, CCTV 财经调查, 14 Dec 2025) or the two swapped
('红心猕猴桃苍溪' for 苍溪红心猕猴桃: Chizhou Intermediate Court held the reordered phrase a use of the
certification mark). The place is what the annex transcription writes as its first word; no table of places
is needed. And goods named by a Chinese GI's own product words (陈皮) are that GI's class."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex
from gi_lists.model import Protection
from names.knowledge import bundled_knowledge
from tests.registers import hits_by_gi, make_gi

CN_HOME = Protection("CN", "national-register", "protected", None, None, None, None, "CNIPA", "medium")
FRUIT = "Fresh or processed fruit, vegetables and cereals"
REGISTER = [
    make_gi(
        "cn-xinhui-chen-pi",
        [("新会陈皮", "original"), ("Xinhui Chen Pi", "transcription")],
        FRUIT,
        "CN",
        CN_HOME,
    ),
    make_gi(
        "cn-cangxi-kiwi",
        [("苍溪红心猕猴桃", "original"), ("Cangxi Hong Xin Mi Hou Tao", "transcription")],
        FRUIT,
        "CN",
        CN_HOME,
    ),
    make_gi(
        "cn-luzhou-lao-jiao-jiu",
        [("泸州老窖酒", "original"), ("Luzhou Lao Jiao Jiu", "transcription")],
        "Spirit",
        "CN",
        CN_HOME,
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "goods", "gi_id", "how"),
    [
        ("新会老陈皮", "dried citrus peel", "cn-xinhui-chen-pi", "with other words between"),
        ("正宗新会牌陈皮", None, "cn-xinhui-chen-pi", "with other words between"),
        ("红心猕猴桃苍溪", "kiwifruit", "cn-cangxi-kiwi", "the other way round"),
        ("泸州特曲老窖酒", "白酒", "cn-luzhou-lao-jiao-jiu", "with other words between"),
    ],
)
def test_the_place_and_the_rest_apart_are_the_name(index, label, goods, gi_id, how):
    hit = hits_by_gi(index, label, "CN", goods)[gi_id]
    assert hit.kind == "partial" and how in hit.reason, hit.reason
    assert hit.severity == "high", hit.reason  # like goods, or assumed where the label names none


def test_not_when_a_part_is_missing_or_the_parts_are_far_apart(index):
    assert "cn-xinhui-chen-pi" not in hits_by_gi(index, "新会柑普茶", "CN", "tea")
    far = hits_by_gi(index, "新会特产精选优质陈皮", "CN", "dried citrus peel").get("cn-xinhui-chen-pi")
    assert far is None or "apart" not in far.reason and "between" not in far.reason


def test_goods_named_by_the_gis_own_product_words_are_its_class(index):
    hit = hits_by_gi(index, "新会陈皮", "CN", "陈皮")["cn-xinhui-chen-pi"]
    assert hit.kind == "exact" and hit.severity == "high", hit.reason
