"""The Search page as a browsable list: every GI without a query, facets from the data that narrow it, pages,
a row that opens the record (?id=), in English and Chinese; and the two bugs it had (folded keys in the
"matched" column, protections repeated without their routes)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gi_lists.model import GI, Name, Protection
from tests.app.conftest import ok
from ui.register_tables import protections_summary
from ui.search_browse import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30


def run(lang: str = "en", page: str = "app_pages/search.py") -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    return ok(at.run())


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def choose(at: AppTest, **facets: str) -> AppTest:
    for name, value in facets.items():
        at.selectbox(key=f"search_{name}").select(value)
    return ok(at.run())


def test_an_empty_query_lists_every_gi_a_page_at_a_time(register):
    at = run()
    first = table(at)
    assert len(first) == PAGE_SIZE
    shown = at.markdown[0].value
    assert shown.startswith(f"Showing 1–{PAGE_SIZE} of ") and shown.endswith(" GIs.")
    total = int(shown.split(" of ")[1].split()[0].replace(",", ""))
    assert total > 3000
    assert at.number_input(key="search_page").max == -(-total // PAGE_SIZE)
    at.number_input(key="search_page").set_value(2)
    ok(at.run())
    assert at.markdown[0].value.startswith(f"Showing {PAGE_SIZE + 1}–{2 * PAGE_SIZE} of ")
    assert not set(table(at)["id"]) & set(first["id"])


def test_facets_narrow_the_list(register):
    at = run()
    choose(at, **{"class": "Tea", "origin": "CN"})
    teas = table(at)
    assert 20 < len(teas) < PAGE_SIZE and set(teas["class"]) == {"Tea"} and set(teas["origin"]) == {"CN"}
    assert at.markdown[0].value == f"{len(teas)} GIs."
    assert not at.number_input  # one page: no page box
    choose(at, jurisdiction="FR", status="pending")  # Chinese teas pending in France (through the EU annexes)
    pending = table(at)
    assert 0 < len(pending) < len(teas)
    assert all("EU · China–EU Annex" in p and ": pending" in p for p in pending["protections"])


def test_facet_choices_come_from_the_register(register):
    at = run()
    classes = at.selectbox(key="search_class").options
    assert {"Tea", "Wine", "Spirit", "Other products"} <= set(classes)
    assert "Spirit (Fruit spirit)" not in classes  # a family, not every qualified class
    assert not at.selectbox(key="search_annex").options[1:]  # no agreement chosen: no annexes
    choose(at, agreement="china-eu")
    assert at.selectbox(key="search_annex").options[1:] == ["III", "IV", "V", "VI", "VII"]
    choose(at, origin="CN")
    assert "Sichuan" in at.selectbox(key="search_region").options


def test_route_annex_and_confidence_facets(register):
    at = run()
    choose(at, route="trademark")
    assert len(table(at)) == 6 and "fr-champagne" in set(table(at)["id"])
    at = run()
    choose(at, agreement="china-eu")
    choose(at, annex="IV")
    assert at.markdown[0].value == "100 GIs."
    at = run()
    choose(at, confidence="low")
    assert "cn-xinnong-han-fu-ping-guo" in set(table(at)["id"])


def test_facets_with_nothing_to_show_say_so(register):
    at = run()
    choose(at, route="trademark", jurisdiction="TH")
    assert not at.dataframe
    assert at.warning[0].value == "No GI matches these choices."


def test_a_query_within_facets_pages_its_hits_best_first(register):
    at = run()
    at.text_input(key="search_query").input("champagne")
    ok(at.run())
    hits = table(at)
    assert hits.iloc[0]["id"] == "fr-champagne" and {"matched", "score"} <= set(hits.columns)
    choose(at, origin="CH")
    assert list(table(at)["id"]) == ["ch-commune-de-champagne"]
    assert at.markdown[0].value == "1 GI found, best first."


def test_choosing_a_row_opens_its_record_with_the_id_in_the_url(register):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    ok(at.run())
    ok(at.switch_page("app_pages/search.py").run())
    choose(at, route="trademark")
    row = list(table(at)["id"]).index("fr-cognac")
    at.session_state["search_table_0"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    ok(at.run())
    assert at.title[0].value == "GI record"
    assert at.query_params["id"] == ["fr-cognac"] or at.query_params["id"] == "fr-cognac"
    assert at.session_state["gi_id"] == "fr-cognac"
    assert any("fr-cognac" in c.value for c in at.caption)
    # back on Search: the same choices, and the row chosen before does not open the record again
    ok(at.switch_page("app_pages/search.py").run())
    assert at.title[0].value == "Search"
    assert at.selectbox(key="search_route").value == "trademark"
    assert len(table(at)) == 6


def test_the_matched_column_shows_the_name_as_written_not_its_folded_key(register):
    at = run()
    at.text_input(key="search_query").input("polska wodka")
    ok(at.run())
    first = table(at).iloc[0]
    assert (first["id"], first["matched"]) == ("pl-polska-wodka", "Polska Wódka")
    at.text_input(key="search_query").input("xiangbin")
    ok(at.run())
    assert table(at).iloc[0]["matched"] == "香槟"


def test_each_protection_is_named_with_its_route_and_only_once(register):
    at = run()
    at.text_input(key="search_query").input("Champagne")
    ok(at.run())
    cell = table(at).iloc[0]["protections"]
    parts = cell.split("; ")
    assert len(parts) == len(set(parts))
    assert "CN · national register (China–France list): protected" in parts
    assert "CN · collective/certification mark: protected" in parts
    assert "CN · China–EU Annex IV: protected" in parts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_identical_protections_are_summarised_once(lang):
    twice = Protection("CN", "national-register", "protected", agreement="china-france", confidence="high")
    gi = GI("fr-x", (Name("X", "original"),), "Wine", "FR", protections=(twice, twice))
    assert protections_summary(gi, lang).count("protected" if lang == "en" else "受保护") == 1


def test_the_search_page_browses_in_chinese(register):
    at = run("zh")
    assert at.markdown[0].value.startswith(f"显示第1–{PAGE_SIZE}个，共")
    labels = {s.key: s.label for s in at.selectbox}
    assert labels["search_route"] == "保护途径" and labels["search_class"] == "产品类别"
    assert at.selectbox(key="search_route").options == ["不限", "协定名录", "国内登记", "集体商标/证明商标"]
    choose(at, **{"class": "Tea", "origin": "CN"})
    teas = table(at)
    assert set(teas["产品类别"]) == {"茶叶"} and set(teas["原产地"]) == {"中国"}
    assert at.markdown[0].value == f"共{len(teas)}个地理标志。"
    at.text_input(key="search_query").input("安溪鐵觀音")
    ok(at.run())
    assert table(at).iloc[0]["编号"] == "cn-anxi-tie-guan-yin"
    choose(at, route="trademark")
    assert at.warning[0].value == "在这些筛选条件下，没有与“安溪鐵觀音”匹配的地理标志。"
