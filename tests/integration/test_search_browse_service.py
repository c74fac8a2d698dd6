"""Browsing the register by facets (route, confidence, class, origin, annex), with or without a query, on
SQLite and PostgreSQL: the filters the Search page and `giscope search` share."""

from __future__ import annotations

import pytest

from errors import RegisterError
from gi_lists.search import class_prefixes
from gi_lists.services import Filters, browse, count_gis, facet_values, list_gis, search
from names.normalise import fold_latin

TRADEMARKED = {"fr-bordeaux", "fr-champagne", "fr-cognac", "fr-graves", "fr-saint-estephe", "fr-saint-julien"}


def test_the_route_filter_keeps_gis_protected_through_that_route(loaded_engine):
    gis = list_gis(loaded_engine, Filters(route="trademark"))
    assert {gi.id for gi in gis} == TRADEMARKED
    assert all(any(p.route == "trademark" for p in gi.protections) for gi in gis)
    assert count_gis(loaded_engine, Filters(route="trademark")) == len(TRADEMARKED)
    # every other GI has no trademark: the filter does not merely keep a subset
    others = {gi.id for gi in list_gis(loaded_engine) if any(p.route == "trademark" for p in gi.protections)}
    assert others == TRADEMARKED


def test_the_route_and_the_jurisdiction_must_hold_for_one_protection(loaded_engine):
    # the collective marks are Chinese; Champagne is protected in the EU too, but not by a mark there
    assert list_gis(loaded_engine, Filters(route="trademark", jurisdiction="EU")) == []
    in_cn = list_gis(loaded_engine, Filters(route="trademark", jurisdiction="CN"))
    assert {gi.id for gi in in_cn} == TRADEMARKED
    annex_iv = {
        gi.id for gi in list_gis(loaded_engine, Filters(route="agreement", agreement="china-eu", annex="IV"))
    }
    assert "fr-champagne" in annex_iv and len(annex_iv) == 100


def test_the_confidence_filter_keeps_gis_with_a_protection_of_that_confidence(loaded_engine):
    low = list_gis(loaded_engine, Filters(confidence="low"))
    assert low and all(any(p.confidence == "low" for p in gi.protections) for gi in low)
    assert "cn-xinnong-han-fu-ping-guo" in {gi.id for gi in low}
    assert count_gis(loaded_engine, Filters(confidence="low")) == len(low)
    high = {gi.id for gi in list_gis(loaded_engine, Filters(confidence="high"))}
    assert high and not high & {gi.id for gi in low if all(p.confidence == "low" for p in gi.protections)}
    low_in_eu_annexes = list_gis(loaded_engine, Filters(confidence="low", route="agreement"))
    assert all(
        any(p.confidence == "low" and p.route == "agreement" for p in gi.protections)
        for gi in low_in_eu_annexes
    )


@pytest.mark.parametrize(
    ("filters", "fragment"),
    [
        (Filters(route="post"), "unknown route 'post'"),
        (Filters(confidence="certain"), "unknown confidence 'certain'"),
    ],
)
def test_an_unknown_route_or_confidence_is_a_clear_error(loaded_engine, filters, fragment):
    with pytest.raises(RegisterError, match=fragment):
        list_gis(loaded_engine, filters)
    with pytest.raises(RegisterError, match=fragment):
        browse(loaded_engine, "champagne", filters)


def test_an_empty_query_lists_every_gi_matching_the_filters_by_name(loaded_engine):
    everything = browse(loaded_engine, "", limit=50)
    assert everything.total == count_gis(loaded_engine) > 3000
    assert len(everything.gis) == 50 and everything.hits == ()
    keys = [fold_latin(next(n.text for n in gi.names if n.script == "Latn")) for gi in everything.gis]
    assert keys == sorted(keys)
    second = browse(loaded_engine, "   ", offset=50, limit=50)
    assert second.total == everything.total
    assert not {gi.id for gi in second.gis} & {gi.id for gi in everything.gis}
    teas = browse(loaded_engine, "", Filters(product_class="Tea", origin="CN", jurisdiction="EU"))
    assert teas.total == len(teas.gis) > 20
    assert all(gi.product_class == "Tea" and "CN" in gi.origin_countries for gi in teas.gis)


def test_a_query_pages_its_hits_and_counts_them_all(loaded_engine):
    first = browse(loaded_engine, "cha", limit=10)
    assert first.total == len(search(loaded_engine, "cha", limit=100_000)) > 10
    assert [h.gi.id for h in first.hits] == [gi.id for gi in first.gis]
    rest = browse(loaded_engine, "cha", offset=10, limit=10)
    assert not {gi.id for gi in rest.gis} & {gi.id for gi in first.gis}


def test_a_class_names_its_family_not_a_longer_class_that_starts_alike(loaded_engine):
    other = {gi.product_class for gi in list_gis(loaded_engine, Filters(product_class="Other products"))}
    assert other and all(c.startswith("Other products (") or c == "Other products" for c in other)
    spirits = {gi.product_class for gi in list_gis(loaded_engine, Filters(product_class="spirit"))}
    assert {"Spirit", "Spirit (Fruit spirit)"} <= spirits
    assert class_prefixes("Fresh meat (and offal) [goat]") == [
        "Fresh meat",
        "Fresh meat (and offal)",
        "Fresh meat (and offal) [goat]",
    ]


def test_an_origin_names_a_country_or_the_words_of_a_region(loaded_engine):
    sichuan = list_gis(loaded_engine, Filters(origin="Sichuan"))
    assert sichuan and all(gi.region == "Sichuan" for gi in sichuan)
    mongolia = list_gis(loaded_engine, Filters(origin="Inner Mongolia"))
    assert mongolia and all(gi.region == "Inner Mongolia" for gi in mongolia)
    assert {gi.id for gi in list_gis(loaded_engine, Filters(origin="TH"))} >= {
        "th-khao-hom-mali-thung-kula-rong-hai"
    }


def test_facet_values_are_what_the_register_holds(loaded_engine):
    values = facet_values(loaded_engine)
    assert values.routes == ("agreement", "national-register", "trademark")
    assert {"high", "medium", "low", "unconfirmed"} == set(values.confidences)
    assert "protected" in values.statuses
    assert values.annexes["china-eu"] == ("III", "IV", "V", "VI", "VII")
    assert "Sichuan" in values.origins["CN"] and values.origins["IT"] == ()
    assert {"Tea", "Wine", "Spirit (Fruit spirit)"} <= set(values.product_classes)


@pytest.mark.parametrize(
    ("query", "gi_id", "written"),
    [
        ("polska wodka", "pl-polska-wodka", "Polska Wódka"),
        ("Muenchener Bier", "de-munchener-bier", "Münchener Bier"),
        ("anxi tieguanyin", "cn-anxi-tie-guan-yin", "Anxi Tie Guan Yin"),
    ],
)
def test_a_hit_says_which_name_as_written_matched(loaded_engine, query, gi_id, written):
    hit = search(loaded_engine, query)[0]
    assert (hit.gi.id, hit.matched_name) == (gi_id, written)
    assert hit.matched_form != written  # the key is folded: the page shows the name instead


def test_a_romanised_or_close_match_names_one_of_the_gis_names(loaded_engine):
    for query in ("ti kuan yin", "xiangbin", "Champagen", "安溪鐵觀音"):
        hit = search(loaded_engine, query)[0]
        assert hit.matched_name in {n.text for n in hit.gi.names}, (query, hit)
