"""Chinese names with more than one place: the last is the name's own (the ones before it are wider),
and a place inside the name's place is a partial match. Real-market names, each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import ConflictIndex, Hit
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV, EU_III, hits_by_gi, make_gi

REGISTER = [
    make_gi(
        "cn-jilin-chang-bai-shan-ren-shen",
        [("吉林长白山人参", "original"), ("Jilin Chang Bai Shan Ren Shen", "transcription")],
        "Other products (medicinal plant)",
        "CN",
        EU_III,
    ),
    make_gi(
        "cn-helan-shan-dong-lu-pu-tao-jiu",
        [("贺兰山东麓葡萄酒", "original"), ("Helan Shan Dong Lu Pu Tao Jiu", "transcription")],
        "Wine",
        "CN",
        EU_III,
    ),
    make_gi(
        "cn-guiping-xishan-cha",
        [("桂平西山茶", "original"), ("Guiping Xishan Cha", "transcription")],
        "Tea",
        "CN",
        CN_IV,
    ),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def hits(index: ConflictIndex, label: str, jurisdiction: str = "EU") -> dict[str, Hit]:
    return hits_by_gi(index, label, jurisdiction)


@pytest.mark.parametrize("label", ["Changbai Mountain Ginseng", "Changbaishan ginseng", "长白山人参"])
def test_the_name_without_its_province_is_the_name(index, label):
    # "Changbai Mountain Ginseng" is how the Jilin GI is sold abroad and certified (IP Australia
    # certification trade mark 1402577, Jilin Ginseng Association; CNIPA, 22 Aug 2018:
    # "Jilin Changbai Mountain Ginseng")
    hit = hits(index, label)["cn-jilin-chang-bai-shan-ren-shen"]
    assert hit.severity == "high", hit


@pytest.mark.parametrize("label", ["Jilin ginseng", "吉林人参"])
def test_the_province_alone_with_the_product_is_a_partial_match(index, label):
    # Jilin province grows ginseng outside the Changbai Mountains (IP Australia 1402577 lists 14 cities
    # and counties of the certified area): the province with the product is no translation of the name
    hit = hits(index, label)["cn-jilin-chang-bai-shan-ren-shen"]
    assert (hit.kind, hit.severity) == ("partial", "medium"), hit


@pytest.mark.parametrize("label", ["Guiping tea", "桂平茶"])
def test_a_wider_place_of_a_transcribed_name_is_partial(index, label):
    hit = hits(index, label, "CN")["cn-guiping-xishan-cha"]
    assert (hit.kind, hit.severity) == ("partial", "medium"), hit


@pytest.mark.parametrize("label", ["Helan Mountain wine", "Helan Mountains red wine", "贺兰山葡萄酒"])
def test_a_place_inside_the_names_place_is_a_partial_match(index, label):
    # "Helan Mountain wine" is the market's short name for wine of the eastern foothills (China Daily,
    # 21 Oct 2020; en.wikipedia.org/wiki/Helan_Mountains): the mountain is inside the name's place
    hit = hits(index, label)["cn-helan-shan-dong-lu-pu-tao-jiu"]
    assert (hit.kind, hit.severity) == ("partial", "medium"), hit
    assert "within the name's place" in hit.reason


def test_the_mountain_on_other_goods_is_no_hit(index):
    assert "cn-helan-shan-dong-lu-pu-tao-jiu" not in hits(index, "Helan Mountain hiking boots")


@pytest.mark.parametrize("label", ["Shandong wine", "山东葡萄酒"])
def test_a_place_read_from_the_middle_of_the_names_place_is_no_hit(index, label):
    # 贺兰山东麓 holds 山东 (Shandong, another province) across its words: Shandong wine is no use of it
    # (葡萄酒 alone, a generic term, is a low hit at most)
    hit = hits(index, label).get("cn-helan-shan-dong-lu-pu-tao-jiu")
    assert hit is None or (hit.kind, hit.severity) == ("generic-overlap", "low"), hit
