"""Places whose toneless pinyin is the same are told apart by tones and official spellings."""

from __future__ import annotations

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from names.normalise import official_syllables, pinyin_syllables, pinyin_tones
from tests.registers import CN_IV, EU_V, make_gi

SHAANXI = make_gi(
    "cn-shaanxi-ping-guo",
    [("陕西苹果", "original"), ("Shaanxi ping guo", "transcription")],
    "Fresh or processed fruit, vegetables and cereals",
    "CN",
    EU_V,
)
BORDEAUX = make_gi(
    "fr-bordeaux", [("Bordeaux", "original"), ("波尔多", "official-rendering")], "Wine", "FR", CN_IV
)


def test_tones_and_official_spelling() -> None:
    assert pinyin_tones("山西") != pinyin_tones("陕西")  # shān xī, shǎn xī
    assert official_syllables("陕西苹果", pinyin_syllables("陕西苹果"))[:2] == ("shaan", "xi")


def test_shanxi_is_not_shaanxi() -> None:
    # Shanxi (山西) and Shaanxi (陕西) are neighbouring provinces; both grow apples (e.g. 运城 in Shanxi)
    eu = Checker(ConflictIndex([SHAANXI], bundled_knowledge()), "EU")
    assert [h.gi.id for h in eu.check("山西运城苹果") if h.severity != "low"] == []
    assert [h.gi.id for h in eu.check("Shanxi apples") if h.severity != "low"] == []
    assert [h.severity for h in eu.check("Shaanxi apples")][:1] == ["medium"]  # pending in the EU
    assert eu.check("陕西苹果")[0].kind == "exact"


def test_renderings_of_foreign_names_keep_the_loose_reading() -> None:
    # 波尔朵 (duǒ) for 波尔多 (duō): near-homophones are how squatters imitate a rendering
    cn = Checker(ConflictIndex([BORDEAUX], bundled_knowledge()), "CN")
    hit = cn.check("波尔朵红酒")[0]
    assert (hit.gi.id, hit.kind) == ("fr-bordeaux", "homophone")
