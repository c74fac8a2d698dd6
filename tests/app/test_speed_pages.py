"""Issue 15's small bugs and the warm-up, headless: a profile edit that keeps its confidence, times as
people read them, toasts for saved edits, the caches warmed before a page asks, `giscope serve`'s server
command."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from agreements.profiles import get_profile
from storage.db import Database
from tests.app.conftest import ok
from translation.services import add_rendering
from ui.cells import when
from watch.trademarks.services import list_findings

ROOT = Path(__file__).resolve().parents[2]
PROFILES = "app_pages/profiles.py"
EN_TIME = re.compile(r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d UTC$")
ZH_TIME = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d UTC$")


def page(path: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=60)
    at.session_state["lang"] = lang
    return ok(at.run())


def fact(url: str, jurisdiction: str, key: str):
    db = Database(url)
    try:
        field = get_profile(db, jurisdiction).field(key)
    finally:
        db.dispose()
    assert field is not None
    return field.fact


# --- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "en", "zh"),
    [
        ("2026-12-04T09:30:00+00:00", "4 Dec 2026, 09:30 UTC", "2026年12月4日 09:30 UTC"),
        ("2026-12-04T17:30:59+08:00", "4 Dec 2026, 09:30 UTC", "2026年12月4日 09:30 UTC"),  # moved to UTC
        ("2027-01-01T00:05:00Z", "1 Jan 2027, 00:05 UTC", "2027年1月1日 00:05 UTC"),
        ("2026-12-04 09:30:12", "4 Dec 2026, 09:30 UTC", "2026年12月4日 09:30 UTC"),  # stored without zone
        ("2026-03-01", "1 Mar 2026", "2026年3月1日"),
        ("", "", ""),
        (None, "", ""),
        ("soon", "soon", "soon"),
    ],
)
def test_a_stored_time_reads_as_day_month_year_and_utc_clock(stored, en, zh):
    assert (when(stored, "en"), when(stored, "zh")) == (en, zh)


# --- profiles: "keep" keeps the confidence; a toast; readable history times ---------------------


def edit(at: AppTest, key: str, value: str, source: str, reason: str, confidence=None) -> AppTest:
    at.selectbox(key="profile_key").select(key).run()
    at.text_area(key="profile_value").input(value)
    at.text_input(key="profile_source").input(source)
    at.text_input(key="profile_reason").input(reason)
    at.selectbox(key="profile_confidence").select(confidence or "keep")
    next(b for b in at.button if b.label in ("Save", "保存")).click()
    return ok(at.run())


def reviewed_field(url: str, jurisdiction: str) -> str:
    """A field whose confidence is not 'unconfirmed' (so keeping it differs from resetting it)."""
    db = Database(url)
    try:
        fields = get_profile(db, jurisdiction).fields
    finally:
        db.dispose()
    return next(f.key for f in fields if f.fact.confidence in ("high", "medium"))


def test_a_new_value_with_confidence_keep_keeps_the_fields_confidence(fresh_register):
    key = reviewed_field(fresh_register, "CN")
    before = fact(fresh_register, "CN", key)
    at = edit(page(PROFILES), key, "A corrected value.", "CNIPA notice 2026", "typo fixed", None)
    after = fact(fresh_register, "CN", key)
    assert (after.value_en, after.source) == ("A corrected value.", "CNIPA notice 2026")
    assert after.confidence == before.confidence != "unconfirmed"
    assert at.success and not at.error


def test_a_change_of_confidence_alone_needs_no_source_and_is_saved(fresh_register):
    key = reviewed_field(fresh_register, "CN")
    before = fact(fresh_register, "CN", key)
    at = edit(page(PROFILES), key, "", "", "checked again", "low")
    after = fact(fresh_register, "CN", key)
    assert not at.error, [e.value for e in at.error]
    assert (after.value_en, after.source, after.confidence) == (before.value_en, before.source, "low")


def test_a_saved_profile_edit_shows_a_toast_and_its_time_in_the_history(fresh_register):
    key = reviewed_field(fresh_register, "CN")
    at = edit(page(PROFILES), key, "A corrected value.", "CNIPA notice 2026", "typo fixed", "high")
    assert [t.value for t in at.toast] == [f"Saved: {key}"]
    times = set(at.dataframe[0].value["At"])
    assert times and all(EN_TIME.match(t) for t in times), times
    at = ok(at.run())  # the toast is for the save only
    assert not at.toast


def test_a_saved_profile_edit_in_chinese_shows_a_chinese_toast_and_time(fresh_register):
    key = reviewed_field(fresh_register, "CN")
    at = edit(page(PROFILES, "zh"), key, "更正后的值。", "国家知识产权局 2026 年公告", "更正", "high")
    assert len(at.toast) == 1 and at.toast[0].value.startswith("已保存：")
    frame = at.dataframe[0].value
    times = set(frame[frame.columns[0]])
    assert times and all(ZH_TIME.match(t) for t in times), times


# --- translations and the trademark watch: toasts and times ------------------------------------


def test_approving_a_rendering_shows_a_toast_and_the_review_time(fresh_register):
    row = add_rendering(Database(fresh_register), "cn-anji-bai-cha", "en", "Anji White Tea", who="ana")
    at = page("app_pages/translations.py")
    at.button(key="translations_approve").click()
    at = ok(at.run())
    assert len(at.toast) == 1 and at.toast[0].value.startswith(f"Saved: #{row.id} approved")
    at.radio(key="translations_which").set_value("All")
    frame = ok(at.run()).dataframe[0].value
    assert all(EN_TIME.match(t) for t in frame["reviewed at"]), list(frame["reviewed at"])


def test_recording_a_watch_state_shows_a_toast_and_the_history_time(fresh_register):
    at = page("app_pages/trademark_watch.py")
    gazette = ROOT / "tests" / "data" / "gazette_example.csv"
    at.file_uploader(key="watch_file").set_value(("gazette.csv", gazette.read_bytes(), "text/csv"))
    at.selectbox(key="watch_jurisdiction").select("CN")
    at.date_input(key="watch_published").set_value(dt.date.today() - dt.timedelta(days=10))
    at.text_input(key="watch_gazette").input("CN-TM-EXAMPLE")
    at.button[0].click()
    at = ok(at.run())
    first = list_findings(Database(fresh_register))[0]
    at.selectbox(key="watch_finding").select(first.id)
    at.selectbox(key="watch_new_state_en").select("reviewed")
    at.text_input(key="watch_note").input("checked")
    next(b for b in at.button if b.label == "Record").click()
    at = ok(at.run())
    assert [t.value for t in at.toast] == [f"Saved: Finding {first.id}: reviewed"]
    history = at.table[-1].value
    assert all(EN_TIME.match(t) for t in history["When"]), list(history["When"])


# --- warm-up and the server command -------------------------------------------------------------


def test_the_warm_up_builds_the_index_the_screen_page_then_uses(register, monkeypatch):
    import compare.services
    from ui import resources

    built = []
    real = compare.services.build_index
    monkeypatch.setattr(compare.services, "build_index", lambda db: built.append(db) or real(db))
    resources.warm_up()
    assert len(built) == 1
    at = page("app_pages/screen.py")
    at.text_area(key="screen_labels").input("香宾酒")
    at.button[0].click()
    at = ok(at.run())
    assert len(built) == 1  # read from the warmed cache, not built again
    assert "fr-champagne" in at.table[0].value.to_string()


def test_the_warm_up_imports_what_every_page_imports():
    from ui.resources import page_modules

    modules = page_modules()
    assert {"pandas", "ui.resources", "compare.services", "watch.trademarks.services"} <= set(modules)
    assert not any(m.startswith("app_pages") for m in modules)


def test_giscope_serve_starts_streamlit_warming_up_with_no_deploy_button(monkeypatch):
    import subprocess

    from click.testing import CliRunner

    from cli import main

    calls = []
    monkeypatch.setattr(subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    result = CliRunner().invoke(main, ["serve", "--port", "8599"])
    assert result.exit_code == 0, result.output
    (cmd,) = calls
    assert cmd[1:5] == ["-m", "ui.serve", "run", str(ROOT / "streamlit_app.py")]
    assert cmd[cmd.index("--client.toolbarMode") + 1] == "viewer"
    assert cmd[cmd.index("--server.port") + 1] == "8599"


def test_after_a_switch_to_chinese_the_field_and_confidence_chosen_in_english_are_kept(fresh_register):
    """Streamlit hands back the English label of a keyed selectbox after the switch; the page maps it."""
    key = reviewed_field(fresh_register, "CN")
    db = Database(fresh_register)
    field = get_profile(db, "CN").field(key)
    db.dispose()
    assert field is not None
    at = AppTest.from_file(str(ROOT / PROFILES), default_timeout=60)
    at.session_state["lang"] = "zh"
    at.session_state["profile_key"] = field.label("en")  # what the browser sends back
    at.session_state["profile_confidence"] = "keep"
    at = ok(at.run())
    assert at.selectbox(key="profile_key").value == key
    assert at.selectbox(key="profile_confidence").value == "keep"
    at.text_area(key="profile_value").input("更正后的值。")
    at.text_input(key="profile_source").input("国家知识产权局 2026 年公告")
    at.text_input(key="profile_reason").input("更正")
    next(b for b in at.button if b.label == "保存").click()
    at = ok(at.run())
    assert not at.error, [e.value for e in at.error]
    after = fact(fresh_register, "CN", key)
    assert (after.value_zh, after.confidence) == ("更正后的值。", field.fact.confidence)
