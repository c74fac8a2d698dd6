"""Chinese renderings of foreign GI names by sound (names.phonetic and the matcher's sound rule)."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import GI, Protection
from names.knowledge import bundled_knowledge
from names.latin_sounds import name_phonemes
from names.normalise import pinyin_syllables
from names.phonetic import (
    PhoneticIndex,
    SoundKey,
    rendering_phonemes,
    rendering_runs,
    similarity,
    skeleton,
)
from tests.registers import CN_IV, EU_REGISTER, make_gi

IV = CN_IV
EU = EU_REGISTER


def sound(han: str) -> str:
    return rendering_phonemes(han, pinyin_syllables(han))


# Renderings seen in the Chinese wine and cheese trade, none in the bundled rendering tables:
# 沙布利 (Chablis): article on Burgundy sub-regions, http://shoufuban.net/content/22/0816/13/80376825_1044096196.shtml
# 古冈左拉 (Gorgonzola): LuxuryWatcher, https://luxurywatcher.com/zh-Hant/article/26749 (古岡左拉)
# 巴巴雷斯科 (Barbaresco): https://maitredevin.com/zh-us/blogs/post/piedmont-italy-heart-of-premier-wine-production
# 乌迭尔雷格纳 (Utiel-Requena): '你不可不知的十大西班牙葡萄酒产区', https://972229.com/a44822
# 阿曼涅克 (Armagnac, 涅 nie for its 'gn'): Sina wine guide, http://style.sina.com.cn/tas/wine/2011-10-11/164085256.shtml
@pytest.mark.parametrize(
    "latin,lang,han",
    [
        ("Chablis", "fr", "沙布利"),
        ("Gorgonzola", "it", "古冈左拉"),
        ("Barbaresco", "it", "巴巴雷斯科"),
        ("Utiel-Requena", "es", "乌迭尔雷格纳"),
        ("Saint-Émilion", "fr", "圣特美隆"),  # the t of "saint" sounded before a vowel
        ("Armagnac", "fr", "阿曼涅克"),
        ("Armagnac", "fr", "阿马涅克"),
    ],
)
def test_trade_renderings_sound_like_their_name(latin: str, lang: str, han: str) -> None:
    assert similarity(name_phonemes(latin, lang), sound(han)) >= 0.85


@pytest.mark.parametrize(
    "latin,lang,han",
    [
        ("Chablis", "fr", "波尔多"),  # Bordeaux
        ("Gorgonzola", "it", "帕尔玛"),  # Parma
        ("Barbaresco", "it", "沙布利"),
        ("Champagne", "fr", "科罗娜"),  # Corona, a beer brand
    ],
)
def test_other_renderings_do_not(latin: str, lang: str, han: str) -> None:
    assert similarity(name_phonemes(latin, lang), sound(han)) < 0.8


def test_reading_rules_follow_the_language() -> None:
    assert name_phonemes("Chablis", "fr") == "Sapli"  # French ch = sh, final s silent
    assert name_phonemes("Chianti", "it").startswith("k")  # Italian chi = ki
    assert name_phonemes("Jerez", "es").startswith("h")  # Spanish j = h
    assert sound("柏林").startswith("p")  # 柏 is read bo in foreign names, b and p are one sound


def test_runs_keep_only_characters_used_for_foreign_names() -> None:
    assert rendering_runs("青岛啤酒") == []  # Chinese words, not a rendering
    assert rendering_runs("沙布利干白") == [(0, 3)]  # 干白 (dry white) is wine vocabulary


def test_index_finds_a_name_one_sound_away() -> None:
    ix = PhoneticIndex()
    gorgonzola = SoundKey(0, 0, "Gorgonzola", name_phonemes("Gorgonzola", "it"), True)
    ix.add(gorgonzola)
    assert skeleton(sound("古冈左拉")) != skeleton(gorgonzola.phonemes)  # the r is not rendered
    assert ix.lookup(sound("古冈左拉")) == [gorgonzola]
    assert ix.lookup(sound("帕尔玛")) == []


def _gi(gi_id: str, name: str, cls: str, country: str, *prots: Protection) -> GI:
    return make_gi(gi_id, name, cls, country, *prots)


REGISTER = [
    _gi("fr-chablis", "Chablis", "Wine", "FR", IV),
    _gi("it-gorgonzola", "Gorgonzola", "Cheeses", "IT", IV),
    _gi("it-barbaresco", "Barbaresco", "Wine", "IT", EU),  # not protected in China
]


@pytest.fixture(scope="module")
def checker_cn() -> Checker:
    return Checker(ConflictIndex(REGISTER, bundled_knowledge()), "CN")


def test_a_rendering_by_sound_is_a_transliteration_high_only_when_close_long_and_on_like_goods(
    checker_cn: Checker,
) -> None:
    # 沙布利 is the trade's Chablis (三个字, almost the same sounds) on a wine: a transliteration
    hits = checker_cn.check("沙布利干白葡萄酒")
    assert [(h.gi.id, h.kind, h.severity) for h in hits] == [("fr-chablis", "transliteration", "high")]
    assert "sounds like 'Chablis'" in hits[0].reason and "close in sound" in hits[0].reason
    # the same characters with no goods named: still a guess, at most medium, and it says so
    alone = checker_cn.check("沙布利")
    assert [(h.gi.id, h.severity) for h in alone] == [("fr-chablis", "medium")]
    assert "at most medium" in alone[0].reason


def test_traditional_characters_and_a_hyphen(checker_cn: Checker) -> None:
    hits = checker_cn.check("古岡左拉")
    assert hits and hits[0].gi.id == "it-gorgonzola"


def test_no_sound_hit_on_goods_of_another_class(checker_cn: Checker) -> None:
    assert checker_cn.check("沙布利奶酪") == []  # cheese: Chablis is a wine


def test_no_sound_hit_where_the_name_is_not_protected(checker_cn: Checker) -> None:
    assert checker_cn.check("巴巴雷斯科") == []
    eu = Checker(ConflictIndex(REGISTER, bundled_knowledge()), "EU")
    assert [h.gi.id for h in eu.check("巴巴雷斯科")] == ["it-barbaresco"]


def test_every_consonant_of_a_long_name_in_its_order_allows_other_vowels(checker_cn: Checker) -> None:
    # 戈尔根朱勒干酪 for Gorgonzola on a Chinese food site (9dish.com/geergenzhuleganlao/71313613.html):
    # the consonants k-l-k-n-s-l are the name's, in its order; its vowels differ (朱 zhu, 勒 le)
    han = "戈尔根朱勒"
    assert skeleton(sound(han)) == skeleton(name_phonemes("Gorgonzola", "it"))
    assert rendering_runs(han) == [(0, 5)]  # 朱 writes 'ju' in foreign names (Xinhua's table)
    hits = checker_cn.check("戈尔根朱勒干酪", "Cheeses")
    assert [(h.gi.id, h.kind, h.severity) for h in hits] == [("it-gorgonzola", "transliteration", "medium")]
