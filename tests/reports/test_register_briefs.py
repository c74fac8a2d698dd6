"""Briefs made from the real register, checked as a reader sees them: names in every script, fonts
embedded, every page inked, in English and Chinese."""

from __future__ import annotations

import pytest

from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from reports.render import render
from storage.db import Database
from tests.reports.pdftools import page_images, page_texts, pdffonts, pdftotext_pages, squash


@pytest.fixture(scope="module")
def engine(sqlite_loaded):
    engine = Database(sqlite_loaded)
    yield engine
    engine.dispose()


def whole_text(pdf: bytes) -> str:
    return squash("".join(page_texts(pdf))) + "|" + squash("".join(pdftotext_pages(pdf)))


def assert_readable(pdf: bytes) -> None:
    fonts = pdffonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    for image in page_images(pdf):
        dark = sum(image.convert("L").histogram()[:200])
        assert dark > 500, "a page is blank"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_champagne_dispute_brief_shows_both_scripts(engine, lang):
    pdf = render(dispute_brief(engine, "fr-champagne", "CN", labels=["香宾酒", "Champagne-style"], lang=lang))
    text = whole_text(pdf)
    assert "香槟" in text and "Champagne" in text and "香宾" in text
    assert_readable(pdf)


def test_thai_gi_brief_keeps_the_thai_script(engine):
    pdf = render(dispute_brief(engine, "ข้าวหอมมะลิทุ่งกุลาร้องไห้", "CN", lang="en"))
    assert squash("ข้าวหอมมะลิทุ่งกุลาร้องไห้") in whole_text(pdf)
    assert_readable(pdf)


def test_comparison_and_screening_briefs_render(engine, tmp_path):
    compare = render(compare_brief(engine, ["china-eu", "china-france", "china-thailand"], lang="zh"))
    assert "中欧" in whole_text(compare) and len(page_texts(compare)) >= 2
    assert_readable(compare)
    labels = tmp_path / "labels.txt"
    labels.write_text(
        "香槟型起泡酒\nParma ham\n<b>&amp;</b> & <script>\n" + "香" * 300 + "\n", encoding="utf-8"
    )
    screening = render(screening_brief(engine, labels, "CN", lang="en"))
    text = whole_text(screening)
    assert "fr-champagne" in text and squash("<b>&amp;</b> & <script>") in text
    assert_readable(screening)
