"""Profile notes: a fact shown only for the GIs or goods it concerns (data, not code naming a GI)."""

from __future__ import annotations

from agreements.notes import home_origins, load_profile_notes


def _notes(jurisdiction: str, applies_to: str):
    return [n for n in load_profile_notes() if n.jurisdiction == jurisdiction and n.applies_to == applies_to]


def test_every_note_has_both_languages_a_source_and_a_confidence():
    for n in load_profile_notes():
        assert n.fact.value_en and n.fact.value_zh and n.fact.source
        assert n.fact.confidence in ("high", "medium", "low", "unconfirmed")


def test_the_1989_notice_concerns_champagne_by_id_or_name_only():
    (notice,) = _notes("CN", "gi")
    assert notice.concerns("fr-champagne", ("Champagne",), "Wine")
    assert notice.concerns("x", ("fr-champagne",), "Wine")
    assert not notice.concerns("fr-bordeaux", ("Bordeaux", "波尔多"), "Wine")


def test_thailands_special_tier_turns_on_the_goods_named():
    (inside,) = _notes("TH", "goods")
    (outside,) = _notes("TH", "other_goods")
    for product in (
        "Fresh or processed fruit, vegetables and cereals (rice)",
        "Spirits",
        "Wine",
        "Handicraft (silk gauze)",
    ):
        assert inside.concerns("g", (), product) and not outside.concerns("g", (), product), product
    for product in ("Tea", "Coffee (unverified class)", "Fresh meat (and offal)", "Cheeses"):
        assert outside.concerns("g", (), product) and not inside.concerns("g", (), product), product
    assert "'Tea'" in outside.text("en", "Tea") and "“Tea”" in outside.text("zh", "Tea")


def test_home_origins_tell_a_home_gi_from_a_foreign_one():
    homes = home_origins()
    assert homes["CN"] == {"CN"} and homes["TH"] == {"TH"} and homes["FR"] == {"FR"}
    assert {"FR", "IT", "DE"} <= homes["EU"] and "CN" not in homes["EU"] and "GB" not in homes["EU"]
