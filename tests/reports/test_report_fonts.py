"""Fonts, script runs, escaping and the fixed labels of PDF briefings."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from reports import fonts
from reports.briefing import Briefing, Para, Section
from reports.fonts import CJK, LATIN, THAI, FontFile, FontsMissing, markup, split_runs
from reports.i18n import LABELS, confidence, label
from reports.render import render


def test_text_is_split_into_runs_by_script():
    assert split_runs("Comté 香槟 ข้าวหอมมะลิ Φέτα") == [
        (LATIN, "Comté "),
        (CJK, "香槟 "),
        (THAI, "ข้าวหอมมะลิ "),
        (LATIN, "Φέτα"),
    ]
    assert split_runs("第 1 页，共 3 页") == [
        (CJK, "第 "),
        (LATIN, "1 "),
        (CJK, "页，共 "),
        (LATIN, "3 "),
        (CJK, "页"),
    ]


def test_decomposed_accents_are_composed_and_control_characters_dropped():
    assert split_runs(fonts.clean("Comte\u0301\x00\x07")) == [(LATIN, "Comté")]


@pytest.mark.parametrize("text", ["<b>bold</b>", "A & B", "<script>alert(1)</script>", "5 < 6", "&amp;"])
def test_markup_escapes_text(text):
    out = markup(text)
    assert escape(text) in out
    assert "<b>" not in out and "<script>" not in out and "< 6" not in out


def test_newlines_become_line_breaks():
    assert markup("a\nb").count("<br/>") == 1


@pytest.mark.parametrize(
    "key, package", [(LATIN, "fonts-dejavu-core"), (CJK, "fonts-wqy-microhei"), (THAI, "fonts-thai-tlwg")]
)
def test_a_missing_font_names_the_debian_package(monkeypatch, key, package):
    monkeypatch.setitem(fonts.FONT_FILES, key, FontFile(package, ("/nonexistent/font.ttf",)))
    briefing = Briefing("dispute", "T", "", "en", "2025-01-01", "v1", (Section("S", (Para("x"),)),))
    with pytest.raises(FontsMissing, match=package) as info:
        render(briefing)
    assert info.value.packages == [package]
    assert "/nonexistent/font.ttf" in str(info.value)
    assert "make system-deps" in str(info.value)


def test_fonts_are_registered_once():
    assert fonts.ensure_fonts() is fonts.ensure_fonts()


def test_labels_exist_in_both_languages():
    assert set(LABELS["en"]) == set(LABELS["zh"])
    assert label("zh", "page_x_of_y", page=1, pages=3) == "第 1 页，共 3 页"
    assert label("en", "page_x_of_y", page=1, pages=3) == "Page 1 of 3"
    assert label("fr", "sources") == "Sources"  # unknown language: English
    assert confidence("zh", "low") == "低"
    assert confidence("en", "somewhat") == "somewhat"
