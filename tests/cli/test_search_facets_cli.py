"""`giscope search` as a faceted list: no query lists every GI the filters keep; --annex, --route and
--confidence join --in, --agreement, --status, --class and --origin; protections are named with their
routes, each once."""

from __future__ import annotations

from gi_lists.model import Protection
from tests.cli.test_cli import Shared, as_json, clean_error, giscope, ok
from tests.cli.test_cli_lang import assert_chinese, json_of
from wording_register import protections_cell

TRADEMARKED = {"fr-bordeaux", "fr-champagne", "fr-cognac", "fr-graves", "fr-saint-estephe", "fr-saint-julien"}


def test_without_a_query_search_lists_every_gi_the_filters_keep(shared: Shared) -> None:
    gis = as_json(giscope("search", "--route", "trademark", "--json", db=shared.path))
    assert {gi["id"] for gi in gis} == TRADEMARKED
    assert all(any(p["route"] == "trademark" for p in gi["protections"]) for gi in gis)
    empty = as_json(giscope("search", "", "--route", "trademark", "--json", db=shared.path))
    assert [gi["id"] for gi in empty] == [gi["id"] for gi in gis]


def test_annex_route_and_confidence_filters(shared: Shared) -> None:
    annex_iv = as_json(
        giscope(
            "search", "--agreement", "china-eu", "--annex", "IV", "--limit", "500", "--json", db=shared.path
        )
    )
    assert len(annex_iv) == 100
    assert all(any(p["annex"] == "IV" for p in gi["protections"]) for gi in annex_iv)
    low = as_json(giscope("search", "--confidence", "low", "--json", db=shared.path))
    assert low and all(any(p["confidence"] == "low" for p in gi["protections"]) for gi in low)
    # the filters hold for one protection: no GI has a collective mark in the EU
    run = ok(giscope("search", "--route", "trademark", "--in", "EU", db=shared.path))
    assert run.out.strip() == "no GI matches these filters"
    teas = as_json(
        giscope("search", "cha", "--class", "Tea", "--route", "agreement", "--json", db=shared.path)
    )
    assert teas and all(gi["product_class"] == "Tea" for gi in teas)


def test_a_long_list_says_how_many_more_there_are(shared: Shared) -> None:
    run = ok(giscope("search", "--origin", "CN", "--limit", "5", db=shared.path))
    assert len([line for line in run.out.splitlines() if line.startswith("cn-")]) == 5
    total = len(as_json(giscope("search", "--origin", "CN", "--limit", "100000", "--json", db=shared.path)))
    assert run.out.rstrip().endswith(f"5 of {total} GIs shown (--limit shows more)")


def test_protections_are_named_with_their_route_and_listed_once(shared: Shared) -> None:
    run = ok(giscope("search", "--route", "trademark", "--origin", "FR", "--class", "Spirit", db=shared.path))
    cognac = next(line for line in run.out.splitlines() if line.startswith("fr-cognac"))
    assert "CN · China–EU Annex IV: protected; CN · national register (" in cognac  # the cell is clipped


def test_the_protections_cell_names_each_route_once() -> None:
    register = Protection("CN", "national-register", "protected", agreement="china-france")
    mark = Protection("CN", "trademark", "protected", agreement="china-france")
    assert protections_cell([register, mark, register], "en") == (
        "CN · national register (China–France list): protected; CN · collective/certification mark: protected"
    )
    assert protections_cell([register, mark, register], "zh") == (
        "CN 国内登记（中法名录）：受保护；CN 集体商标/证明商标：受保护"
    )


def test_wrong_facets_are_one_clean_error_line(shared: Shared) -> None:
    clean_error(giscope("search", "--annex", "IV", db=shared.path), "--annex needs --agreement")
    clean_error(
        giscope("search", "--agreement", "china-eu", "--annex", "IX", db=shared.path), "no annex 'IX'"
    )
    bad_route = giscope("search", "--route", "post", db=shared.path)
    assert bad_route.code == 2 and "Traceback" not in bad_route.err and "'post'" in bad_route.err


def test_the_faceted_list_in_chinese(shared: Shared) -> None:
    run = ok(giscope("search", "--route", "trademark", "--lang", "zh", db=shared.path))
    assert "集体商标/证明商标" in run.out
    assert_chinese(run, json_of("search", "--route", "trademark", db=shared.path))
    none = ok(giscope("search", "--route", "trademark", "--in", "TH", "--lang", "zh", db=shared.path))
    assert none.out.strip() == "没有符合这些筛选条件的地理标志"
    more = ok(giscope("search", "--origin", "CN", "--limit", "3", "--lang", "zh", db=shared.path))
    assert_chinese(more, json_of("search", "--origin", "CN", "--limit", "3", db=shared.path))
