"""The agreements-and-law pages and the briefings page, run headless with AppTest on a real register."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from agreements.profiles import get_profile, profile_history
from storage.db import Database
from tests.app.conftest import ok

ROOT = Path(__file__).resolve().parents[2]
COMPARE = "app_pages/comparison.py"
PROFILES = "app_pages/profiles.py"
DEADLINES = "app_pages/deadlines.py"
BRIEFS = "app_pages/briefs.py"
TIMEOUT = 30
THREE = ["China–EU", "China–France", "China–Thailand"]


@pytest.fixture
def register(fresh_register: str) -> str:
    """A register per test: these pages write to it."""
    return fresh_register


def run(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang  # the sidebar's language switch
    return ok(at.run())


def texts(at: AppTest) -> str:
    parts = [
        str(e.value) for els in (at.title, at.header, at.subheader, at.markdown, at.caption) for e in els
    ]
    parts += [e.value for els in (at.error, at.warning, at.info, at.success) for e in els]
    parts += [e.label for e in at.expander]
    parts += [t.value.to_string() for t in at.table] + [d.value.to_string() for d in at.dataframe]
    return "\n".join(parts)


def field_value(url: str, jurisdiction: str, key: str):
    engine = Database(url)
    try:
        field = get_profile(engine, jurisdiction).field(key)
        history = profile_history(engine, jurisdiction, key)
    finally:
        engine.dispose()
    assert field is not None
    return field.fact, history


# --- Compare agreements ----------------------------------------------------------------------


def test_compare_shows_every_dimension_for_the_three_agreements_key_differences_first(register):
    at = run(COMPARE)
    assert at.multiselect(key="compare_ids").value == ["china-eu", "china-france", "china-thailand"]
    table = at.table[0].value  # where the agreements differ among themselves
    assert list(table.columns) == ["Why here", *THREE]
    assert "Legal form and binding force" in table.index
    assert all(why.startswith("≠ ") for why in table["Why here"])
    eu = table.loc["Legal form and binding force", "China–EU"]
    assert "[Title; Preamble]" in eu  # the article is in the cell
    assert sum(len(t.value) for t in at.table) == 19  # every dimension, once
    assert any("⚠ unconfirmed" in cell for t in at.table for cell in t.value["China–Thailand"])
    keyed = [e.label for e in at.expander if e.label.endswith("· key difference")]
    assert len(keyed) == sum(len(t.value) for t in at.table[:2])
    assert any(b.label == "Prepare the PDF" for b in at.button)
    assert not at.get("download_button")  # the brief is built only when asked for


def test_compare_adds_the_trips_baseline_and_filters_to_differences(register):
    at = run(COMPARE)
    at.checkbox(key="compare_trips").check().run()
    assert "TRIPS (baseline)" in ok(at).table[0].value.columns
    at.multiselect(key="compare_ids").set_value(["china-france", "china-thailand"]).run()
    full = sum(len(t.value) for t in ok(at).table)
    at.toggle(key="compare_only_diff").set_value(True).run()
    only = sum(len(t.value) for t in ok(at).table)
    assert 0 < only < full
    assert "Unknown on one side" not in [s.value for s in at.subheader]


def test_compare_asks_for_two_agreements(register):
    at = run(COMPARE)
    at.multiselect(key="compare_ids").set_value(["china-eu"]).run()
    assert not ok(at).table
    assert "two agreements" in at.info[0].value


def test_compare_in_chinese_shows_the_chinese_labels(register):
    at = run(COMPARE, "zh")
    table = at.table[0].value
    assert at.title[0].value == "协定比较"
    assert "法律形式与约束力" in table.index
    assert "中欧" in table.columns
    assert any(b.label == "生成PDF" for b in at.button)


# --- Foreign GI law ---------------------------------------------------------------------------


@pytest.mark.parametrize("jurisdiction", ["CN", "EU", "FR", "TH"])
def test_profile_shows_every_field_with_its_source_and_marks_unconfirmed_ones(register, jurisdiction):
    at = run(PROFILES)
    at.selectbox(key="profile_jurisdiction").select(jurisdiction).run()
    ok(at)
    engine = Database(register)
    profile = get_profile(engine, jurisdiction)
    engine.dispose()
    page = texts(at)
    assert f"({jurisdiction})" in at.header[0].value
    for f in profile.fields:
        badge = ":orange-badge[⚠" if f.fact.doubtful else ":gray-badge["
        assert f"**{f.label_en}** {badge}" in page, f.key
    sources = [c.value for c in at.caption if c.value.startswith("Source: ")]
    assert len(sources) == len(profile.fields)
    assert all(s != "Source: unknown" for s in sources)
    doubtful = sum(f.fact.doubtful for f in profile.fields)
    if jurisdiction == "TH":  # the 2026-12 review confirmed every Thai field it covered from the Acts' text
        # (the action-plan and regime fields came later; the Thai evidence checklist has no source yet)
        reviewed = [f for f in profile.fields if not f.key.startswith(("act_", "regime_"))]
        assert not any(f.fact.doubtful for f in reviewed)
    assert doubtful and f"{doubtful} of {len(profile.fields)} fields are low or unconfirmed" in page
    if profile.cases:
        assert len(at.table[0].value) == len(profile.cases)


def test_profile_in_chinese_shows_the_chinese_labels_and_values(register):
    page = texts(run(PROFILES, "zh"))
    assert "外国地理标志法律" in page and "主要地理标志法律" in page
    assert "来源：" in page


def edit(at: AppTest, key: str, value: str, source: str, reason: str, confidence=None) -> AppTest:
    at.selectbox(key="profile_key").select(key).run()
    at.text_area(key="profile_value").input(value)
    at.text_input(key="profile_source").input(source)
    at.text_input(key="profile_reason").input(reason)
    if confidence:
        at.selectbox(key="profile_confidence").select(confidence)
    at.button[0].click()
    return ok(at.run())


def test_an_edit_without_a_source_shows_the_error_and_changes_nothing(register):
    before, history_before = field_value(register, "TH", "fees")
    at = run(PROFILES)
    at.selectbox(key="profile_jurisdiction").select("TH").run()
    at = edit(at, "fees", "Application 600 THB.", "", "fee schedule changed")
    assert at.error and "source is empty" in at.error[0].value
    assert (before, history_before) == field_value(register, "TH", "fees")


def test_an_edit_without_a_reason_shows_the_error(register):
    before, _ = field_value(register, "CN", "fees")
    at = edit(run(PROFILES), "fees", "CNY 0", "CNIPA notice", "  ")
    assert at.error and "say why" in at.error[0].value
    assert field_value(register, "CN", "fees")[0] == before


def test_a_valid_edit_is_stored_and_shown_with_its_history(register):
    at = run(PROFILES)
    at.selectbox(key="profile_jurisdiction").select("TH").run()
    at = edit(at, "fees", "Application 600 THB.", "DIP fee notice 2026", "fee schedule changed", "high")
    fact, history = field_value(register, "TH", "fees")
    assert (fact.value_en, fact.source, fact.confidence) == (
        "Application 600 THB.",
        "DIP fee notice 2026",
        "high",
    )
    assert "fees: value_en, value_zh, source changed" in at.success[0].value  # zh marked "to be updated"
    shown = at.dataframe[0].value
    assert set(shown["What"]) == {"value_en", "value_zh", "source"}
    assert set(shown["Who"]) == {"page-tester"} and set(shown["Reason"]) == {"fee schedule changed"}
    assert "Application 600 THB." in set(shown["After"])
    assert len(history) == 3
    assert "Application 600 THB." in texts(at)  # the field block shows the new value on the same run


# --- Deadlines and alerts ---------------------------------------------------------------------


def test_deadlines_show_the_annex_v_vi_processing_deadline_passed_with_its_reported_outcome(register):
    import datetime as dt

    at = run(DEADLINES)
    at.date_input(key="deadlines_today").set_value(dt.date(2026, 11, 27)).run()
    table = ok(at).table[0].value
    row = table[table["Deadline"].str.startswith("Annex V and VI names to be processed")].iloc[0]
    assert row["Due"] == "2025-03-01" and row["State"] == "passed — outcome reported (unverified)"
    assert "Not confirmed by an official act" in row["Outcome"]
    assert "le-fay.com/industry/ChinaEuropeAgreement.html" in row["Source"]
    assert "legal_facts.md" not in row["Source"]
    met = table[table["Due"] == "2023-02-02"]
    assert set(met["State"]) == {"met"}
    reviews = table[table["Deadline"].str.startswith("Review")]
    assert set(reviews[reviews["Due"] < "2026-11-27"]["State"]) == {"passed — outcome unknown"}
    assert "overdue" not in set(table["State"])


def test_deadlines_within_a_window_and_the_alert_feed(register):
    import datetime as dt

    at = run(DEADLINES)
    at.date_input(key="deadlines_today").set_value(dt.date(2027, 2, 1)).run()
    at.number_input(key="deadlines_within").set_value(60).run()
    table = ok(at).table[0].value
    assert "due" in set(table["State"]) and "met" not in set(table["State"])
    titles = list(at.dataframe[0].value["Alert"]) if at.dataframe else []
    assert not any(title.startswith("overdue:") for title in titles), titles  # reported or unknown outcomes
    if at.dataframe:
        alerts = at.dataframe[0].value
        assert list(alerts["At"]) == sorted(alerts["At"], reverse=True)
    at.date_input(key="alerts_since").set_value(dt.date.today() + dt.timedelta(days=1)).run()
    assert not ok(at).dataframe and "No alert." in texts(at)


def test_deadlines_in_chinese(register):
    table = run(DEADLINES, "zh").table[0].value
    assert "附录V、VI名称处理期限（生效后四年）" in set(table["事项"])
    assert "已过期——结果有报道（未经证实）" in set(table["状态"]) and "逾期" not in set(table["状态"])


# --- Briefings --------------------------------------------------------------------------------


def test_briefs_page_reports_an_unknown_gi_without_a_download(register):
    at = run(BRIEFS)
    at.text_input(key="brief_gi").input("xx-nowhere")
    at.button[0].click()
    ok(at.run())
    assert "no GI with id or name 'xx-nowhere'" in at.error[0].value
    assert not at.get("download_button")


def test_briefs_page_prepares_the_dispute_brief_for_champagne_in_cn(register):
    at = run(BRIEFS)
    at.text_input(key="brief_gi").input("香槟")
    at.selectbox(key="brief_dispute_in").select("CN")
    at.radio(key="brief_dispute_lang").set_value("zh")
    at.button[0].click()
    ok(at.run())
    assert not at.error
    assert "维权指引" in at.success[0].value
    assert [b.label for b in at.get("download_button")] == ["Download dispute brief (PDF)"]


def test_briefs_page_screens_the_typed_labels_with_the_index_the_screen_page_uses(register):
    at = run(BRIEFS)
    at.text_input(key="brief_gi").input("fr-champagne")
    at.selectbox(key="brief_dispute_in").select("CN")
    at.text_area(key="brief_labels").input("香宾酒\nChampagne-style sparkling wine\n")
    at.button[0].click()
    ok(at.run())
    assert not at.error, [e.value for e in at.error]
    assert [b.label for b in at.get("download_button")] == ["Download dispute brief (PDF)"]
    # the index was built once and kept beside the register, for the next process too
    assert Database(register).cache_path("conflict-index").exists()


def test_briefs_page_refuses_a_comparison_of_one_agreement(register):
    at = run(BRIEFS)
    at.multiselect(key="brief_compare_ids").set_value(["china-eu"])
    at.button[1].click()
    ok(at.run())
    assert "two to four agreements" in at.error[0].value
    assert not at.get("download_button")


def test_briefs_page_screens_an_uploaded_label_file(register):
    at = run(BRIEFS)
    at.file_uploader(key="brief_file").set_value(
        ("labels.txt", "香宾酒\nplain green tea\n".encode(), "text/plain")
    )
    at.selectbox(key="brief_screen_in").select("CN")
    at.button[2].click()
    ok(at.run())
    assert not at.error, [e.value for e in at.error]
    assert "Screening report: labels.txt against China" in at.success[0].value


def test_briefs_page_reports_an_unreadable_upload(register):
    at = run(BRIEFS)
    at.file_uploader(key="brief_file").set_value(("list.csv", b"name\nChampagne\n", "text/csv"))
    at.button[2].click()
    ok(at.run())
    assert "list.csv cannot be used" in at.error[0].value
    assert not at.get("download_button")


def test_the_router_reaches_the_new_pages(register):
    at = run("streamlit_app.py")
    for page, title in ((COMPARE, "Compare agreements"), (PROFILES, "Foreign GI law"), (BRIEFS, "Briefings")):
        at.switch_page(page).run()
        assert ok(at).title[0].value == title
