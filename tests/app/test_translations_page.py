"""The Translations page, run headless with AppTest on a register of its own per test: suggestions are
listed with their source text, edited and approved or rejected, and who reviewed what is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gi_lists.services import find_gi
from storage.db import Database
from tests.app.conftest import ok
from translation.services import add_rendering, get_translation

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/translations.py"
ANJI = "cn-anji-bai-cha"


@pytest.fixture
def db(fresh_register: str) -> Database:
    return Database(fresh_register)


def opened() -> AppTest:
    return ok(AppTest.from_file(str(ROOT / PAGE), default_timeout=30).run())


def test_a_suggestion_is_listed_edited_and_approved_by_the_page_user(db: Database) -> None:
    row = add_rendering(db, ANJI, "en", "Anji Whit Tea", who="ana")
    at = opened()
    frame = at.dataframe[0].value
    assert list(frame["source text"]) == ["安吉白茶"]
    assert list(frame["rendering"]) == ["Anji Whit Tea"]
    assert list(frame["status"]) == ["to be reviewed"]
    at.text_input(key=f"translations_text_{row.id}").set_value("Anji White Tea")
    at.button(key="translations_approve").click()
    at = ok(at.run())
    assert "approved by page-tester: Anji White Tea" in at.success[0].value
    done = get_translation(db, row.id)
    assert (done.status, done.reviewed_by, done.result) == ("reviewed", "page-tester", "Anji White Tea")
    assert "Anji White Tea" in {n.text for n in find_gi(db, ANJI).names}
    at.radio(key="translations_which").set_value("All")
    frame = ok(at.run()).dataframe[0].value
    assert list(frame["reviewed by"]) == ["page-tester"]


def test_a_suggestion_is_rejected_with_its_reason(db: Database) -> None:
    row = add_rendering(db, ANJI, "fr", "Thé d'Anji", who="ana")
    at = opened()
    at.text_input(key=f"translations_reason_{row.id}").set_value("too loose")
    at.button(key="translations_reject").click()
    at = ok(at.run())
    assert "rejected by page-tester" in at.success[0].value
    done = get_translation(db, row.id)
    assert done.status == "rejected" and "too loose" in (done.note or "")
    assert at.info[0].value == "Nothing to review."


def test_asking_the_machine_without_it_says_unavailable_and_creates_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GISCOPE_TRANSLATOR", "none")
    at = opened()
    at.text_input(key="translations_gi").set_value(ANJI)
    at = ok(at.run())
    at.button(key="translations_ask").click()
    at = ok(at.run())
    assert "machine translation unavailable" in at.warning[0].value
    assert "0 suggestion(s) made" in at.info[-1].value


def test_the_gi_record_lists_renderings_to_be_reviewed(db: Database) -> None:
    add_rendering(db, ANJI, "fr", "Thé blanc d'Anji", who="ana")
    at = AppTest.from_file(str(ROOT / "app_pages/gi.py"), default_timeout=30)
    at.session_state["gi_id"] = ANJI
    at = ok(at.run())
    assert any(
        "Renderings to be reviewed (Translations page): Thé blanc d'Anji [fr]" in c.value for c in at.caption
    ), [c.value for c in at.caption]


def test_a_profile_field_shows_its_translation_to_be_reviewed(db: Database) -> None:
    from agreements.profiles import edit_profile
    from translation.profiles import suggest_field

    class Fake:
        name = "fake"

        def translate(self, text: str, source: str, target: str) -> str:
            return "每件申请500泰铢"

    edit_profile(
        db, "TH", "fees", who="ana", reason="new fee", value_en="500 baht per application", source="DIP"
    )
    row = suggest_field(db, "TH", "fees", "zh", Fake(), who="ana")
    at = AppTest.from_file(str(ROOT / "app_pages/profiles.py"), default_timeout=30)
    at.session_state["profile_jurisdiction"] = "TH"
    at = ok(at.run())
    expected = f"#{row.id} [zh, fake]: 每件申请500泰铢 (to be reviewed, Translations page)"
    assert any(expected in c.value for c in at.caption), [c.value for c in at.caption]
