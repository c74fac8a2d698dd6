"""Thai names in their many Latin spellings and without their generic words, and Chinese names in old
romanisations followed by more words: the matcher on a small hand-made register.

Real-market sources of the examples:
- Khao Sangyod Muang Phatthalung (ข้าวสังข์หยดเมืองพัทลุง): registered as a Thai GI on 14 March 2006 by the
  Department of Intellectual Property (listed as "Sang Yod rice of Phatthalung" by the Thai Rice
  Department's thairiceforlife.com/en/certification/gi); EU PGI TH-PGI-0005-01115 (OJ C 188/50,
  27.5.2016; registered OJ L 275, 12.10.2016). Press and export spellings: "Sung Yod rice" (The Nation,
  13 Oct 2016, nationthailand.com/business/30297602), "Sangyod Muang Phatthalung rice" (Bangkok Post,
  20 Jan 2023), "Phattalung rice" (riceoutlook.com, Oct 2016).
- Kafae Doi Chaang (กาแฟดอยช้าง, EU PGI-TH-0815), sold as "Doi Chang coffee"; its Chinese trade rendering
  象山咖啡 (the Chinese embassy's trade page, th.mofcom.gov.cn, May 2021).
- Kweichow Moutai: the producer's own label spelling of 贵州茅台 in the postal/Wade-Giles era
  romanisation (moutaigermany.de, "Historical imprint on MOUTAI"; the 53 % "Kweichow Moutai Feitian").
- "Anhsi Ti Kuan Yin", "Moutai chiu": old trade spellings of 安溪铁观音 and 茅台酒 as used in tea and liquor
  trade listings before pinyin (data/knowledge/romanisations.csv).
"""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import GI, Name, Protection
from names.knowledge import bundled_knowledge
from names.thai import thai_skeleton

EU_REG = Protection(
    "EU", "national-register", "protected", None, None, "2016-10-12", None, "OJ L 275", "high"
)
TH_REG = Protection("TH", "national-register", "protected", None, None, "2006-03-14", None, "DIP", "high")
III = Protection("EU", "agreement", "protected", "china-eu", "III", "2021-03-01", None, "OJ L 408I", "high")

RICE = "Fresh or processed fruit, vegetables and cereals"
REGISTER = [
    GI(
        "th-khao-sangyod-muang-phatthalung",
        (
            Name("ข้าวสังข์หยดเมืองพัทลุง", "original", "th"),
            Name("Khao Sangyod Muang Phatthalung", "transcription", "th-Latn"),
        ),
        RICE,
        "TH",
        "Phatthalung",
        (EU_REG, TH_REG),
    ),
    GI(
        "th-kafae-doi-chaang",
        (
            Name("กาแฟดอยช้าง", "original", "th"),
            Name("Kafae Doi Chaang", "transcription", "th-Latn"),
            Name("象山咖啡", "translation", "zh"),
        ),
        "Coffee",
        "TH",
        "Chiang Rai",
        (EU_REG, TH_REG),
    ),
    GI(
        "th-thurian-prachin",
        (
            Name("ทุเรียนปราจีน", "original", "th"),
            Name("Thurian Prachin", "transcription", "th-Latn"),
            Name("Prachin durian", "translation", "en"),
        ),
        "Fresh or processed fruit, vegetables and cereals",
        "TH",
        "Prachin Buri",
        (TH_REG,),
    ),
    GI(
        "cn-moutai-jiu",
        (Name("茅台酒", "original", "zh"), Name("Moutai Jiu", "transcription", "zh-Latn")),
        "Spirit",
        "CN",
        "Guizhou",
        (III,),
    ),
    GI(
        "cn-guizhou-lu-cha",
        (Name("贵州绿茶", "original", "zh"), Name("Guizhou Lü Cha", "transcription", "zh-Latn")),
        "Tea",
        "CN",
        "Guizhou",
        (III,),
    ),
    GI(
        "cn-anxi-tie-guan-yin",
        (Name("安溪铁观音", "original", "zh"), Name("Anxi Tie Guan Yin", "transcription", "zh-Latn")),
        "Tea",
        "CN",
        "Fujian",
        (III,),
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def hit_for(index: ConflictIndex, label: str, gi_id: str, jurisdiction: str = "EU"):
    return next((h for h in Checker(index, jurisdiction).check(label) if h.gi.id == gi_id), None)


# -- the Thai skeleton ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ["Sangyod", "Sang Yod", "Sangyot", "Sang Yhod", "Sang Yhode", "Sung Yod"],
        ["Hom Mali", "Hommali"],
        ["Muang", "Mueang", "Muong"],
        ["Phatthalung", "Pattalung", "Phattalung", "Patthalung"],
        ["Kafae Doi Chaang", "Kafae Doi Chang", "Kafae Doi Jang"],
        ["Khao", "Kao", "Khaw"],
        ["Thapthim", "Tubtim", "Tuptim"],
        ["Yasothon", "Yasothorn"],
    ],
)
def test_common_thai_spellings_share_one_skeleton(spellings):
    assert len({thai_skeleton(s) for s in spellings}) == 1, {s: thai_skeleton(s) for s in spellings}


@pytest.mark.parametrize("a,b", [("Doi Tung", "Doi Chang"), ("Sangyod", "Sangkhom"), ("Surin", "Sarin khao")])
def test_different_thai_names_keep_different_skeletons(a, b):
    assert thai_skeleton(a) != thai_skeleton(b)


# -- Thai names spelled another way -----------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Khao Sang Yod Mueang Phatthalung",
        "Khao Sangyot Muang Pattalung",
        "KHAO SANG YHOD MUONG PHATTHALUNG red rice",
    ],
)
def test_a_thai_name_in_another_romanisation_is_a_transliteration(index, label):
    hit = hit_for(index, label, "th-khao-sangyod-muang-phatthalung")
    assert hit is not None and hit.kind == "transliteration" and hit.severity == "high", hit


def test_another_spelling_scores_just_below_the_registered_spelling(index):
    registered = hit_for(index, "Khao Sangyod Muang Phatthalung", "th-khao-sangyod-muang-phatthalung")
    variant = hit_for(index, "Khao Sang Yod Mueang Phatthalung", "th-khao-sangyod-muang-phatthalung")
    assert registered and variant and variant.score < registered.score
    assert "another spelling" in variant.reason


def test_the_thai_core_with_the_product_in_english_is_the_name(index):
    # the Thai Rice Department's own listing: "Sang Yod rice of Phatthalung"
    hit = hit_for(index, "Sang Yod rice of Phatthalung", "th-khao-sangyod-muang-phatthalung", "TH")
    assert hit is not None and hit.kind == "transliteration" and hit.severity == "high", hit


def test_the_variety_without_its_place_is_a_partial_use(index):
    hit = hit_for(index, "Khao Sang Yhode", "th-khao-sangyod-muang-phatthalung")
    assert hit is not None and hit.kind == "partial" and hit.severity == "medium", hit


# -- Thai script without a generic word -------------------------------------------------------------


@pytest.mark.parametrize(
    "label,kinds",
    [
        ("ข้าวสังข์หยดพัทลุง", {"partial", "transliteration"}),  # without เมือง (town)
        ("สังข์หยดพัทลุง", {"partial"}),  # without ข้าว (rice) and เมือง
        ("ข้าวสังข์หยด", {"partial"}),  # without the place
    ],
)
def test_a_thai_label_without_a_generic_word_matches_part_of_the_name(index, label, kinds):
    hit = hit_for(index, label, "th-khao-sangyod-muang-phatthalung", "TH")
    assert hit is not None and hit.kind in kinds and hit.severity in ("high", "medium"), hit


def test_rice_from_the_province_without_the_variety_is_not_the_name(index):
    hit = hit_for(index, "ข้าวเมืองพัทลุง", "th-khao-sangyod-muang-phatthalung", "TH")
    assert hit is None or hit.severity != "high", hit


# -- the pinyin of a Chinese rendering is a weaker key than the RTGS form ----------------------------


def test_the_pinyin_of_a_chinese_rendering_scores_below_the_rtgs_form(index):
    rtgs = hit_for(index, "Kafae Doi Chang", "th-kafae-doi-chaang")
    pinyin = hit_for(index, "Xiangshan Kafei", "th-kafae-doi-chaang")
    assert rtgs is not None and pinyin is not None
    assert rtgs.kind == pinyin.kind == "transliteration"
    assert pinyin.score < rtgs.score


# -- old romanisations followed by more words -------------------------------------------------------


@pytest.mark.parametrize(
    "label,gi_id",
    [
        ("Kweichow Moutai", "cn-moutai-jiu"),
        ("Kweichow Moutai Feitian 53% vol", "cn-moutai-jiu"),
        ("KWEICHOW MOUTAI liquor", "cn-moutai-jiu"),
        ("Moutai chiu", "cn-moutai-jiu"),
        ("Anhsi Ti Kuan Yin oolong", "cn-anxi-tie-guan-yin"),
    ],
)
def test_an_old_romanisation_of_the_whole_name_stays_whole_with_more_words(index, label, gi_id):
    hits = Checker(index, "EU").check(label)
    assert hits and hits[0].gi.id == gi_id, hits
    # the whole name in another writing ("liquor" for 酒 makes it a translation), never a partial
    assert hits[0].kind in ("transliteration", "translation") and hits[0].severity == "high", hits[0]


def test_the_province_alone_in_an_old_spelling_is_not_the_liquor(index):
    hit = hit_for(index, "Kweichow", "cn-moutai-jiu")
    assert hit is None


@pytest.mark.parametrize("label", ["Prachinburi durian", "Prachin Buri durian", "ทุเรียนปราจีนบุรี"])
def test_the_province_in_full_is_the_names_short_place(index, label):
    # Prachin is the short name of Prachin Buri province, the area of the DIP GI ทุเรียนปราจีน; sellers
    # write the province in full ("Prachinburi durian")
    hit = hit_for(index, label, "th-thurian-prachin", "TH")
    assert hit is not None and hit.severity == "high", hit


# -- Thai script spelled another way ----------------------------------------------------------------


@pytest.mark.parametrize(
    "label,gi_id,note",
    [
        ("กาแฟดอยชาง", "th-kafae-doi-chaang", "other tone marks or none"),  # ช้าง's tone mark
        ("ข้าวสังหยดเมืองพัทลุง", "th-khao-sangyod-muang-phatthalung", "without a silent letter"),  # ข์ left out
        ("ทุเรียนปาจีนแท้", "th-thurian-prachin", "a letter left out or added"),  # ร of ปราจีน left out
    ],
)
def test_a_thai_name_in_thai_script_spelled_another_way_is_a_near_spelling(index, label, gi_id, note):
    hit = hit_for(index, label, gi_id, "TH")
    assert hit is not None and (hit.kind, hit.severity) == ("fuzzy", "medium"), hit
    assert note in hit.reason


def test_a_thai_name_as_written_stays_exact_and_short_thai_words_are_no_near_spelling(index):
    hit = hit_for(index, "กาแฟดอยช้าง", "th-kafae-doi-chaang", "TH")
    assert hit is not None and hit.kind == "exact"
    assert hit_for(index, "กาแฟดอย", "th-kafae-doi-chaang", "TH") is None  # 'coffee of the mountain'
    # Doi Pang Khon, another coffee mountain of Chiang Rai: one letter swapped, another place
    assert hit_for(index, "กาแฟดอยปางขอน", "th-kafae-doi-chaang", "TH") is None


def test_a_foreign_name_in_thai_script_is_its_transliteration() -> None:
    """คอนยัค is Cognac in Thai (th.wikipedia 'คอนยัค'; name_translations.csv), protected in Thailand."""
    cognac = GI("fr-cognac", (Name("Cognac", "original", "fr"),), "Spirit", "FR", "Cognac", (TH_REG,))
    hits = Checker(ConflictIndex([cognac], bundled_knowledge()), "TH").check("บรั่นดีคอนยัค", "brandy")
    assert [(h.gi.id, h.kind, h.severity) for h in hits[:1]] == [("fr-cognac", "transliteration", "high")]


def test_the_plain_of_hom_mali_rice_by_its_short_name_is_a_partial_use() -> None:
    """'Thung Kula' is the everyday short name of Thung Kula Rong-Hai (places.csv, with its sources)."""
    hom_mali = GI(
        "th-khao-hom-mali-thung-kula-rong-hai",
        (
            Name("ข้าวหอมมะลิทุ่งกุลาร้องไห้", "original", "th"),
            Name("Khao Hom Mali Thung Kula Rong-Hai", "transcription", "th-Latn"),
        ),
        RICE,
        "TH",
        "Roi Et",
        (TH_REG,),
    )
    checker = Checker(ConflictIndex([hom_mali], bundled_knowledge()), "TH")
    for label in ("Thung Kula", "ทุ่งกุลา"):
        hits = checker.check(label, "rice")
        assert [(h.kind, h.severity) for h in hits[:1]] == [("partial", "medium")], label


@pytest.mark.parametrize("label", ["Prajinburi durian", "PRAJINBURI DURIAN", "durian from Prajin Buri"])
def test_a_thai_place_spelled_another_way_is_the_place(index, label):
    """Thai places by the Thai skeleton of their Latin spellings (names.knowledge.thai_place_skeletons):
    'Prajinburi' (j for จ, as in many English spellings) is Prachinburi, the province of Thurian Prachin."""
    hit = hit_for(index, label, "th-thurian-prachin", "TH")
    assert hit is not None and hit.severity in ("high", "medium"), hit


def test_thai_place_skeletons_are_made_only_for_places_with_a_thai_name() -> None:
    k = bundled_knowledge()
    assert {t.concept for t in k.thai_place_skeletons[thai_skeleton("Petchabun")]} == {"phetchabun"}
    assert {t.concept for t in k.thai_place_skeletons[thai_skeleton("Pakpanang")]} == {"pak-phanang"}
    assert thai_skeleton("Champagne") not in k.thai_place_skeletons  # a Thai rendering, no Thai place
