"""The GI record as a provenance page (issue 15): a shareable ?id=, the lookup Search uses (also in the
dispute-brief form), names in every script, each protection with its route, status history, linked source
and confidence, and the actions that start from a record."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ok

ROOT = Path(__file__).resolve().parents[2]
GI_PAGE = "app_pages/gi.py"
BRIEFS = "app_pages/briefs.py"
TIMEOUT = 60  # the first run imports the name-folding libraries
TIEGUANYIN = "cn-anxi-tie-guan-yin"


def run(page: str, query: dict[str, str] | None = None, lang: str = "en", **state: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params.update(query or {})
    for key, value in state.items():
        at.session_state[key] = value
    return ok(at.run())


def typed(at: AppTest, text: str) -> AppTest:
    at.text_input(key="gi_ref").input(text)
    return ok(at.run())


def shown(at: AppTest) -> str:
    """The id of the GI the record shows (its caption)."""
    return at.caption[0].value.strip("`")


def protections(at: AppTest):
    return at.table[1].value


# --- the address ------------------------------------------------------------------------------------


def test_the_id_in_the_address_opens_that_gi(register):
    at = run(GI_PAGE, {"id": "fr-champagne"})
    assert shown(at) == "fr-champagne"
    assert "香槟" in at.header[0].value
    assert at.query_params["id"] == "fr-champagne"


def test_the_address_wins_over_the_gi_the_session_opened_last(register):
    at = run(GI_PAGE, {"id": "fr-champagne"}, gi_id="es-rioja")
    assert shown(at) == "fr-champagne"


def test_a_gi_handed_over_by_the_session_alone_opens_and_goes_into_the_address(register):
    at = run(GI_PAGE, gi_id="es-rioja")  # what a page does that sets only st.session_state["gi_id"]
    assert shown(at) == "es-rioja"
    assert at.query_params["id"] == "es-rioja"


def test_the_address_follows_the_gi_the_user_opens(register):
    at = run(GI_PAGE, {"id": "fr-champagne"})
    at = typed(at, "Rioja")
    assert shown(at) == "es-rioja"
    assert at.query_params["id"] == "es-rioja"
    assert at.session_state["gi_id"] == "es-rioja"
    at = ok(at.run())  # a later run keeps what the user typed and the GI it opened
    assert at.text_input(key="gi_ref").value == "Rioja" and shown(at) == "es-rioja"


def test_choosing_a_homonym_puts_it_in_the_address(register):
    at = run(GI_PAGE, {"id": "Toscano"})
    assert at.query_params["id"] == "it-toscano"
    at.radio(key="gi_homonym").set_value("it-toscano-2")
    at = ok(at.run())
    assert shown(at) == "it-toscano-2"
    assert at.query_params["id"] == "it-toscano-2"
    assert at.text_input(key="gi_ref").value == "Toscano"  # the choice stays offered


# --- the lookup -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_spacing_search_finds_opens_the_closest_match(register, lang):
    at = typed(run(GI_PAGE, lang=lang), "Tie Guan Yin")
    assert shown(at) == TIEGUANYIN
    assert at.query_params["id"] == TIEGUANYIN
    assert "Tie Guan Yin" in at.info[0].value and TIEGUANYIN in at.info[0].value
    assert ("closest match" if lang == "en" else "最接近的匹配") in at.info[0].value
    assert not at.error


def test_several_close_matches_are_offered_to_choose_from(register):
    at = typed(run(GI_PAGE), "Parma")
    assert "3 come close" in at.warning[0].value
    choices = at.radio(key="gi_homonym").options
    assert any("it-prosciutto-di-parma" in c for c in choices) and len(choices) == 3
    at.radio(key="gi_homonym").set_value("it-coppa-di-parma")
    at = ok(at.run())
    assert shown(at) == "it-coppa-di-parma" and at.query_params["id"] == "it-coppa-di-parma"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_found_is_one_message_without_a_command_line_hint(register, lang):
    at = typed(run(GI_PAGE, lang=lang), "qqqzzzxxx")
    assert len(at.error) == 1 and "qqqzzzxxx" in at.error[0].value
    assert "giscope" not in at.error[0].value and not at.caption
    assert not at.table


# --- what the record shows ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_names_in_every_script(register, lang):
    at = run(GI_PAGE, {"id": TIEGUANYIN}, lang)
    names = at.table[0].value
    texts = list(names.iloc[:, 0])
    assert texts[:2] == ["安溪铁观音", "Anxi Tie Guan Yin"]  # as recorded
    assert "安溪鐵觀音" in texts and "ān xī tiě guān yīn" in texts  # read from the Chinese name
    kinds = list(names.iloc[:, 1])
    assert kinds[2] == ("traditional characters (computed)" if lang == "en" else "繁体字（推算）")


def test_each_protection_with_route_status_history_linked_source_and_confidence(register):
    at = run(GI_PAGE, {"id": "fr-champagne"})
    table = protections(at)
    assert {"Route", "Status", "Status history", "Source", "Confidence", "Note"} <= set(table.columns)
    assert list(table.columns) == [
        "Jurisdiction",
        "Route",
        "Status",
        "Since",
        "Until",
        "Status history",
        "Source",
        "Confidence",
        "Note",
    ]
    annex = table[table["Route"] == "china-eu Annex IV"].iloc[0]
    assert annex["Status"] == "protected" and annex["Since"] == "2021-03-01"
    assert "status: protected" in annex["Status history"]
    home = table[table["Jurisdiction"] == "FR"].iloc[0]
    assert home["Route"] == "national register (home protection, inferred) (PDO-FR-A1359)"
    assert "[eur-lex.europa.eu](<https://eur-lex.europa.eu/legal-content/" in home["Source"]
    assert "[law-ref.org](<http://law-ref.org/TRIPS/article24.html>)" in home["Source"]
    assert set(table["Confidence"]) <= {"high", "medium", "⚠ low", "⚠ unconfirmed"}
    assert at.dataframe[0].value["At"].str.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC").all()


def test_an_unconfirmed_protection_is_marked_so(register):
    at = run(GI_PAGE, {"id": "gb-cornish-clotted-cream"})
    assert "⚠ unconfirmed" in set(protections(at)["Confidence"])
    assert "unconfirmed" in at.warning[0].value


def test_the_record_in_chinese_links_its_sources(register):
    at = run(GI_PAGE, {"id": "fr-champagne"}, "zh")
    table = protections(at)
    assert {"状态变更", "来源", "可信度"} <= set(table.columns)
    assert any("](<https://" in cell for cell in table["来源"])
    assert "受保护" in " ".join(table["状态变更"])
    reasons = set(at.dataframe[0].value["原因"])
    assert "随附参考数据 原产地保护（依各名单推定）（法国登记簿）" in reasons, reasons
    assert not any("bundled" in r for r in reasons)


def test_the_tab_is_titled_with_the_gi_name(register, monkeypatch):
    titles: list[str] = []
    original = st.set_page_config

    def spy(*args, **kwargs):
        titles.append(kwargs.get("page_title"))
        return original(*args, **kwargs)

    monkeypatch.setattr(st, "set_page_config", spy)
    run(GI_PAGE, {"id": "fr-champagne"})
    assert titles == ["Champagne"]


# --- actions ------------------------------------------------------------------------------------------


def record_in_the_app(gi_id: str) -> AppTest:
    """The whole app (router) with the GI record of `gi_id` open."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    ok(at.run())
    at.switch_page(GI_PAGE)
    at.query_params["id"] = gi_id
    return ok(at.run())


def test_screen_this_name_opens_screen_labels_with_the_names_and_the_market(register):
    at = record_in_the_app(TIEGUANYIN)
    at.selectbox(key="gi_market").select("EU")
    at.button(key="gi_screen").click()
    at = ok(at.run())
    assert at.title[0].value == "Screen labels"
    assert at.text_area(key="screen_labels").value == "安溪铁观音\nAnxi Tie Guan Yin"
    assert at.selectbox(key="screen_jurisdiction").value == "EU"


def test_dispute_brief_opens_the_briefing_form_for_the_gi_and_market(register):
    at = record_in_the_app("fr-champagne")
    at.selectbox(key="gi_market").select("TH")
    at.button(key="gi_brief").click()
    at = ok(at.run())
    assert at.title[0].value == "Briefings"
    assert at.text_input(key="brief_gi").value == "fr-champagne"
    assert at.selectbox(key="brief_dispute_in").value == "TH"


def test_the_history_action_leads_to_the_history_section(register):
    at = run(GI_PAGE, {"id": "fr-champagne"})
    assert "[History](#history)" in [m.value for m in at.markdown]
    assert at.subheader[-1].value == "History" and at.subheader[-1].proto.anchor == "history"


# --- the dispute-brief form ---------------------------------------------------------------------------


@pytest.fixture
def file_names(monkeypatch) -> list[str]:
    """The file names the page offers its downloads under."""
    names: list[str] = []
    original = st.download_button

    def spy(*args, **kwargs):
        names.append(kwargs.get("file_name"))
        return original(*args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return names


def dispute(ref: str, market: str = "CN", out: str = "en", lang: str = "en") -> AppTest:
    at = run(BRIEFS, lang=lang)
    at.text_input(key="brief_gi").input(ref)
    at.selectbox(key="brief_dispute_in").select(market)
    at.radio(key="brief_dispute_lang").set_value(out)
    at.button[0].click()
    return ok(at.run())


def test_the_brief_of_a_chinese_name_is_named_after_the_gi_id(register, file_names):
    at = dispute("香槟", out="zh")
    assert [b.label for b in at.get("download_button")] == ["Download dispute brief (PDF)"]
    assert file_names == ["giscope-dispute-fr-champagne-CN-zh.pdf"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_dispute_form_finds_a_gi_as_the_record_does(register, file_names, lang):
    at = dispute("Tie Guan Yin", "EU", lang=lang)
    assert TIEGUANYIN in at.info[0].value and not at.error
    assert file_names == [f"giscope-dispute-{TIEGUANYIN}-EU-en.pdf"]


def test_the_dispute_form_offers_several_close_matches_then_prepares_the_one_chosen(register, file_names):
    at = dispute("Parma")
    assert not at.get("download_button") and "3 come close" in at.warning[0].value
    at.radio(key="brief_pick").set_value("it-coppa-di-parma")
    at = ok(at.run())  # choosing keeps the choice offered
    assert at.radio(key="brief_pick").value == "it-coppa-di-parma" and not file_names
    at.button(key="brief_pick_go").click()
    at = ok(at.run())
    assert file_names == ["giscope-dispute-it-coppa-di-parma-CN-en.pdf"]
    at = ok(at.run())  # answered: a later run asks nothing more
    assert "brief_pick" not in [r.key for r in at.radio] and not at.warning


def test_the_dispute_form_says_nothing_found_without_a_command_line_hint(register):
    at = dispute("qqqzzzxxx")
    assert len(at.error) == 1 and "giscope" not in at.error[0].value
    assert not at.get("download_button")


# --- the service both pages use -----------------------------------------------------------------------


def test_lookup_gives_the_exact_gi_the_homonyms_the_clear_best_or_the_close_ones(register):
    from errors import RegisterError
    from gi_lists.services import lookup_gi
    from storage.db import Database

    db = Database(register)
    try:
        found = {ref: lookup_gi(db, ref) for ref in ("香槟", "Toscano", "Champagn", "Parma", "qqqzzzxxx")}
        assert [g.id for g in found["香槟"].gis] == ["fr-champagne"] and found["香槟"].exact
        assert [g.id for g in found["Toscano"].gis] == ["it-toscano", "it-toscano-2"]
        assert found["Toscano"].exact and found["Toscano"].chosen is None
        # 'Champagne' (a name starting with the text, 0.8) stands clear of 'Marc de Champagne' (0.7)
        assert found["Champagn"].chosen is not None and found["Champagn"].chosen.id == "fr-champagne"
        assert not found["Champagn"].exact
        assert len(found["Parma"].gis) == 3 and found["Parma"].chosen is None
        assert found["qqqzzzxxx"].gis == ()
        assert found["Champagn"].chosen.history  # the record shows the GI's history
        with pytest.raises(RegisterError):
            lookup_gi(db, "  ")
    finally:
        db.dispose()
