"""The profile page refuses an edit made on a field someone changed after the page showed it: it names
who changed it, writes nothing, keeps the person's text, and offers a Reload that shows the field as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from agreements.profiles import edit_profile, get_profile, profile_history
from storage.db import Database
from tests.app.conftest import ok

ROOT = Path(__file__).resolve().parents[2]
PROFILES = "app_pages/profiles.py"


@pytest.fixture
def register(fresh_register: str) -> str:
    return fresh_register


def open_field(lang: str, key: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / PROFILES), default_timeout=30)
    at.session_state["lang"] = lang
    ok(at.run())
    at.selectbox(key="profile_jurisdiction").select("TH").run()
    at.selectbox(key="profile_key").select(key).run()
    return ok(at)


def submit(at: AppTest, value: str, source: str, reason: str) -> AppTest:
    at.text_area(key="profile_value").input(value)
    at.text_input(key="profile_source").input(source)
    at.text_input(key="profile_reason").input(reason)
    at.button[0].click()
    return ok(at.run())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_stale_save_names_who_changed_the_field_and_reload_shows_it(register, lang):
    db = Database(register)
    at = open_field(lang, "fees")  # the page shows the field as it is now
    # meanwhile, someone else saves the other language of the same field
    edit_profile(
        db,
        "TH",
        "fees",
        who="other-editor",
        reason="fee notice",
        value_zh="申请费 700 泰铢" if lang == "en" else None,
        value_en="Application 700 THB." if lang == "zh" else None,
        source="DIP notice 7",
    )
    theirs = get_profile(db, "TH").field("fees")
    history_before = profile_history(db, "TH", "fees")

    at = submit(at, "Application 650 THB." if lang == "en" else "申请费 650 泰铢", "DIP notice 6", "mine")
    assert at.error, "a stale save must be refused visibly"
    message = at.error[0].value
    assert "other-editor" in message and "TH" in message and "fees" in message
    assert ("reload" in message.lower()) if lang == "en" else ("重新载入" in message)
    assert get_profile(db, "TH").field("fees") == theirs  # nothing written over their change
    assert profile_history(db, "TH", "fees") == history_before
    reload = [b for b in at.button if b.key == "profile_reload"]
    assert reload and reload[0].label == ("Reload" if lang == "en" else "重新载入")

    reload[0].click()
    at = ok(at.run())
    assert not at.error
    now = [c.value for c in at.caption]
    shown = theirs.fact.value_zh if lang == "zh" else theirs.fact.value_en
    assert any(shown in c.replace("\\", "") for c in now)  # the page shows their text
    # saved again after the reload, the edit applies on top of theirs, with the right "before"
    at = submit(at, "Application 650 THB." if lang == "en" else "申请费 650 泰铢", "DIP notice 6", "mine")
    assert not at.error and at.success
    field = get_profile(db, "TH").field("fees")
    mine = field.fact.value_en if lang == "en" else field.fact.value_zh
    assert "650" in mine
    part = "value_en" if lang == "en" else "value_zh"
    last = [h for h in profile_history(db, "TH", "fees") if h["what"] == part][-1]
    assert last["before"] == getattr(theirs.fact, part) and last["who"] == "page-tester"
