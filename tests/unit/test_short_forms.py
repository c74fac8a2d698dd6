"""A Chinese GI's everyday short form: the name without its product word (龙井 for 龙井茶)."""

from __future__ import annotations

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_III, make_gi

LONGJING = make_gi(
    "cn-longjing-cha", [("龙井茶", "original"), ("Longjing Cha", "transcription")], "Tea", "CN", EU_III
)


def test_short_form_on_goods_the_user_names_counts_as_the_name() -> None:
    # 狮峰龙井 (Shifeng Longjing): a common shop name for Longjing tea from the Shifeng hill by West Lake
    eu = Checker(ConflictIndex([LONGJING], bundled_knowledge()), "EU")
    hit = eu.check("狮峰龙井", "Tea")[0]
    assert (hit.gi.id, hit.kind, hit.severity) == ("cn-longjing-cha", "partial", "high")
    assert "without its product" in hit.reason


def test_short_form_alone_stays_medium() -> None:
    eu = Checker(ConflictIndex([LONGJING], bundled_knowledge()), "EU")
    assert eu.check("狮峰龙井")[0].severity == "medium"  # goods unknown: 龙井 may be a place or a brand
    # on goods of another class the short form is a partial match only: low, and it says why
    hit = eu.check("狮峰龙井", "Cheeses")[0]
    assert hit.severity == "low" and "partial match on goods of another class" in hit.reason
