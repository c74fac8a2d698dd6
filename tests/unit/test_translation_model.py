"""The translation memory's vocabulary: languages, scripts, marks on unreviewed renderings."""

from __future__ import annotations

import pytest

from translation.model import (
    Translation,
    TranslationError,
    check_lang,
    detect_lang,
    parse_subject,
    profile_subject,
)


def test_the_source_language_is_read_from_the_script():
    assert detect_lang("安吉白茶") == "zh"
    assert detect_lang("ข้าวหอมมะลิ") == "th"
    assert detect_lang("Champagne") == "auto"


def test_an_unknown_language_is_one_clear_error():
    assert check_lang("EN") == "en"
    with pytest.raises(TranslationError, match="unknown language 'de'; known: en, zh, fr, th"):
        check_lang("de")


def test_an_unreviewed_rendering_is_marked_to_be_reviewed():
    row = Translation(1, "安吉白茶", "zh", "en", "Anji White Tea", "google", "2026-12-04", "a", "suggested")
    assert row.marked == "Anji White Tea (to be reviewed)"
    assert Translation(**{**row.__dict__, "status": "reviewed"}).marked == "Anji White Tea"


def test_a_profile_subject_names_its_jurisdiction_and_field():
    assert parse_subject(profile_subject("TH", "scope")) == ("TH", "scope")
    assert parse_subject("other") is None
