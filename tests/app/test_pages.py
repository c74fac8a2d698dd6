"""Each page run headless with Streamlit's AppTest against a real SQLite register."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("app_pages/overview.py", "app_pages/search.py", "app_pages/gi.py")
TIMEOUT = 30  # the first run imports the name-folding libraries


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the pages in English, whatever GISCOPE_LANG says (Chinese: test_zh_register_pages)."""
    monkeypatch.setenv("GISCOPE_LANG", "en")


def run(page: str, query_params: dict[str, str] | None = None, **state: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.query_params.update(query_params or {})
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything a person can read on the page, as one string."""
    parts = [
        str(e.value)
        for elements in (at.title, at.header, at.subheader, at.markdown, at.caption)
        for e in elements
    ]
    parts += [e.value for elements in (at.error, at.warning, at.info) for e in elements]
    parts += [t.value.to_string() for t in at.table] + [d.value.to_string() for d in at.dataframe]
    return "\n".join(parts)


def table_with_annex(at: AppTest, code: str) -> pd.DataFrame:
    return next(t.value for t in at.table if t.value.index.name == "Annex" and code in t.value.index)


def search(query: str, **filters: str) -> AppTest:
    at = run("app_pages/search.py")
    for name, value in filters.items():
        at.selectbox(key=f"search_{name}").select(value)
    at.text_input(key="search_query").input(query).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_overview_names_the_three_agreements(register):
    at = run("app_pages/overview.py")
    assert at.title[0].value == "GIScope"
    page = texts(at)
    for agreement_id in ("china-eu", "china-france", "china-thailand"):
        assert f"`{agreement_id}`" in page
    headers = [h.value for h in at.header]
    assert any(h.startswith("Agreement between the European Union") for h in headers)
    assert "中欧地理标志保护与合作协定" in [s.value for s in at.subheader]


def test_overview_lists_annex_counts(register):
    at = run("app_pages/overview.py")
    eu = table_with_annex(at, "IV")
    assert eu.loc["IV", "GIs on the list"] == 100  # 96 in force, 4 UK names withdrawn
    assert eu.loc["III", "GIs on the list"] == 100
    assert eu.loc["III", "Expected"] == "100"
    assert eu.loc["IV", "protected"] == 96
    assert eu.loc["IV", "withdrawn"] == 4
    assert eu.loc["VI", "pending"] == 171
    assert eu.loc["III", "Meaning"].startswith("Chinese GIs protected in the EU")
    assert "Lists not complete" not in texts(at)


def test_overview_counts_the_thai_names_by_status(register):
    at = run("app_pages/overview.py")
    thai = next(t.value for t in at.table if "not-filed" in t.value.columns)
    assert thai.loc["—", "GIs on the list"] == 7
    assert (thai.loc["—", "pending"], thai.loc["—", "not-filed"]) == (3, 4)


def test_overview_says_unknown_when_the_date_in_force_is_not_known(register):
    at = run("app_pages/overview.py")
    assert "**In force**  \nunknown" in [m.value for m in at.markdown]
    assert "**In force**  \n2021-03-01" in [m.value for m in at.markdown]


def test_overview_shows_the_china_eu_events_in_an_expander(register):
    at = run("app_pages/overview.py")
    labels = [e.label for e in at.expander]
    assert "Dated events (17)" in labels
    events = next(t.value for t in at.table if "Event" in t.value.columns)
    assert "2021-03-01" in set(events["Date"])
    assert {"high", "medium"} <= set(events["Confidence"])


def test_search_finds_a_gi_by_its_pinyin(register):
    at = search("anxi tieguanyin")
    results = at.dataframe[0].value
    assert results.iloc[0]["id"] == "cn-anxi-tie-guan-yin"
    assert "EU · China–EU Annex III: protected" in results.iloc[0]["protections"]


def test_search_finds_a_gi_by_its_traditional_characters(register):
    at = search("安溪鐵觀音")
    assert "cn-anxi-tie-guan-yin" in list(at.dataframe[0].value["id"])


def test_search_filters_by_jurisdiction(register):
    # Bordeaux is protected in China but on no list protecting names in Thailand
    at = search("Bordeaux", jurisdiction="TH")
    assert not at.dataframe
    assert "No GI matches 'Bordeaux'" in at.warning[0].value


def test_search_filters_by_agreement_and_status(register):
    at = search("Champagne", agreement="china-eu", status="protected")
    assert list(at.dataframe[0].value["id"]) == ["fr-champagne"]


def test_search_lists_every_gi_before_a_name_is_typed(register):
    at = run("app_pages/search.py")
    assert len(at.dataframe[0].value) == 200
    assert at.markdown[0].value.startswith("Showing 1–200 of ")


def test_search_reports_a_query_with_nothing_to_search_for(register):
    at = search("!!!")
    assert at.error and "nothing to search for" in at.error[0].value


def test_gi_page_opens_the_gi_named_in_the_query_parameter(register):
    at = run("app_pages/gi.py", {"id": "fr-champagne"})
    page = texts(at)
    assert "香槟" in page
    protections = at.table[1].value
    assert "china-eu Annex IV" in set(protections["Route"])
    assert {"Source", "Confidence", "Note"} <= set(protections.columns)
    history = at.dataframe[0].value
    assert "created" in set(history["After"])


def test_gi_page_opens_the_gi_chosen_on_the_search_page(register):
    at = run("app_pages/gi.py", gi_id="fr-champagne")
    assert at.text_input(key="gi_ref").value == "fr-champagne"
    assert "香槟" in texts(at)
    assert "china-eu" in texts(at)


def test_gi_page_looks_a_gi_up_by_a_name(register):
    at = run("app_pages/gi.py")
    assert "Enter a GI id" in at.info[0].value
    at.text_input(key="gi_ref").input("香槟").run()
    assert at.caption[0].value == "`fr-champagne`"


def test_gi_page_marks_low_confidence_protections(register):
    at = run("app_pages/gi.py", {"id": "cn-xinnong-han-fu-ping-guo"})  # the one low-confidence annex row
    assert "⚠ low" in set(at.table[1].value["Confidence"])
    assert "low confidence" in at.warning[0].value


def test_gi_page_reports_an_unknown_gi(register):
    at = run("app_pages/gi.py", {"id": "xx-nowhere"})
    assert "no GI with id or name 'xx-nowhere'" in at.error[0].value


def test_router_opens_the_agreements_page_and_switches_to_a_gi_from_search(register):
    at = run("streamlit_app.py")
    assert at.title[0].value == "GIScope"
    at.switch_page("app_pages/search.py").run()
    at.text_input(key="search_query").input("Champagne").run()
    at.session_state["search_table_0"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.title[0].value == "GI record"
    assert "香槟" in at.header[0].value


@pytest.mark.parametrize("page", PAGES)
def test_an_uninitialised_database_shows_an_error_asking_for_giscope_init(monkeypatch, tmp_path, page):
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    at = run(page, {"id": "fr-champagne"})
    assert at.error, "expected an error message"
    assert "giscope init" in at.error[0].value
    assert not at.dataframe and not at.table


def test_overview_lists_the_china_eu_articles_with_their_confidence(register):
    at = run("app_pages/overview.py")
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Articles, as far as the sources were read") for label in labels)
    cells = " ".join(str(v) for t in at.table for v in t.value.to_numpy().ravel())
    assert "Art. 4 Scope of protection" in cells and "unconfirmed" in cells


def test_gi_page_lets_the_user_choose_between_homonyms(register):
    at = run("app_pages/gi.py", {"id": "Toscano"})
    assert "names 2 GIs" in at.warning[0].value
    assert at.caption[0].value == "`it-toscano`"  # the wine, first
    at.radio(key="gi_homonym").set_value("it-toscano-2").run()
    assert at.caption[0].value == "`it-toscano-2`"
    protections = at.table[1].value
    assert any("PGI-IT-1512" in r for r in protections["Route"])  # the olive oil's EU register file


def test_overview_says_what_a_screening_covers_in_each_jurisdiction(register):
    at = run("app_pages/overview.py")
    covered = [m.value for m in at.markdown if "Screened against" in m.value]
    assert len(covered) == 4
    eu = next(c for c in covered if c.startswith("**The European Union**"))
    assert "the EU register as of July 2020" in eu
    assert "home protection" in next(c for c in covered if c.startswith("**China**"))
