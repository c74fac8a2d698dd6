"""A Chinese GI's everyday short form: the name without its product word (龙井 for 龙井茶)."""

from __future__ import annotations

from compare.conflicts import Checker, ConflictIndex
from gi_lists.model import GI, Name, Protection
from names.knowledge import bundled_knowledge

EU_III = Protection(
    "EU", "agreement", "protected", "china-eu", "III", "2021-03-01", None, "OJ L 408I", "high"
)
LONGJING = GI(
    "cn-longjing-cha",
    (Name("龙井茶", "original"), Name("Longjing Cha", "transcription")),
    "Tea",
    "CN",
    None,
    (EU_III,),
)


def test_short_form_on_goods_the_user_names_counts_as_the_name() -> None:
    # 狮峰龙井 (Shifeng Longjing) is how tea shops sell Longjing tea, e.g. the Hangzhou West Lake Longjing
    # tea standard GB/T 18650 names the Shifeng production area
    eu = Checker(ConflictIndex([LONGJING], bundled_knowledge()), "EU")
    hit = eu.check("狮峰龙井", "Tea")[0]
    assert (hit.gi.id, hit.kind, hit.severity) == ("cn-longjing-cha", "partial", "high")
    assert "without its product" in hit.reason


def test_short_form_alone_stays_medium() -> None:
    eu = Checker(ConflictIndex([LONGJING], bundled_knowledge()), "EU")
    assert eu.check("狮峰龙井")[0].severity == "medium"  # goods unknown: 龙井 may be a place or a brand
    assert eu.check("狮峰龙井", "Cheeses")[0].severity == "medium"
