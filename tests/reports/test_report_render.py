"""PDF briefings as a reader sees them: extracted text, embedded fonts, page images, page furniture.

Briefings are built by hand (no database). pdffonts, pdftoppm and pdftotext come from poppler-utils; a
missing tool fails the test with a hint to run `make system-deps`.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.demo import SRC_AGREEMENT, SRC_PRESS, THAI_RICE, demo_briefing
from reports.briefing import Briefing, Bullets, Facts, Notice, Para, Section, Source, Table
from reports.render import render
from tests.reports.pdftools import MM, ink_share, page_images, page_texts, pdffonts, pdftotext_pages, squash

LONG_ZH = ("香槟孔泰奶酪布杰约维采啤酒安吉白茶郫县豆瓣" * 20)[:300]
LONG_TH = (THAI_RICE * 12)[:300]
LONG_LATIN = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 7)[:300]
NASTY = ("<b>bold</b>", "A & B", "<script>alert(1)</script>", "5 < 6", "x > y && z", "&amp; &#169; &lt;")
STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


@pytest.fixture(scope="module", params=["en", "zh"])
def demo_pdf(request) -> tuple[str, bytes]:
    return request.param, render(demo_briefing(request.param))


@pytest.fixture(scope="module")
def nasty_pdf() -> bytes:
    """Markup-like text, and 300-character names without spaces, everywhere text can go."""
    paras = tuple(Para(t, sources=(Source(f"source {t}", "low"),)) for t in NASTY)
    longs = (LONG_ZH, LONG_TH, LONG_LATIN)
    briefing = Briefing(
        kind="screening",
        title="<b>Title</b> & " + LONG_ZH,
        subtitle="<i>not italic</i> " + LONG_LATIN,
        lang="en",
        date="2025-01-01",
        data_version="<v1>",
        running_header="<GIScope & co>",
        sections=(
            Section("<h1>heading</h1> & " + LONG_TH, paras + tuple(Para(t) for t in longs)),
            Section(
                "Table",
                (
                    Table(
                        headers=("<th>", LONG_LATIN, "名称", "ชื่อ"),
                        rows=tuple(
                            (Para(a), Para(b), Para(c), Para(d)) for a, b, c, d in [NASTY[:4], longs + ("x",)]
                        ),
                        col_widths=(0.1, 0.2, 0.3, 0.4),
                        highlight_rows=frozenset({1, 99}),
                        caption="<caption> & " + LONG_LATIN,
                    ),
                    Facts(tuple((t, Para(t)) for t in longs + NASTY)),
                    Bullets(tuple(Para(t) for t in longs + NASTY), checklist=True),
                    Notice("<notice> & " + LONG_ZH, kind="unconfirmed"),
                    Notice(LONG_TH, kind="disclaimer"),
                    Notice(LONG_LATIN),
                ),
            ),
        ),
    )
    return render(briefing)


def long_table(lang: str, rows: int = 150) -> Briefing:
    return Briefing(
        kind="compare",
        title="Long table" if lang == "en" else "长表格",
        subtitle="",
        lang=lang,  # type: ignore[arg-type]
        date="2025-01-01",
        data_version="v1",
        running_header="RH-Running-Header",
        sections=(
            Section(
                "Rows",
                (
                    Table(
                        headers=("HdrAlpha", "HdrBeta 名称", "HdrGamma ชื่อ"),
                        rows=tuple(
                            (Para(f"row{i:03d}"), Para(f"香槟 Champagne {i}"), Para(f"{THAI_RICE} {i}"))
                            for i in range(rows)
                        ),
                        highlight_rows=frozenset(range(0, rows, 7)),
                    ),
                ),
            ),
        ),
    )


# --- text ----------------------------------------------------------------------------------------


def test_names_in_every_script_can_be_extracted(demo_pdf):
    lang, pdf = demo_pdf
    text = squash("".join(page_texts(pdf)))
    for name in ("香槟", "Champagne", "Comté", "Českobudějovické", "Φέτα"):
        assert squash(name) in text, name
    poppler = squash("".join(pdftotext_pages(pdf)))
    assert squash(THAI_RICE) in text or squash(THAI_RICE) in poppler


def test_title_block_and_labels_follow_the_language(demo_pdf):
    lang, pdf = demo_pdf
    first = squash(page_texts(pdf)[0])
    if lang == "en":
        for part in ("Champagne-style", "Date:2025-05-06", "Dataversion:2025.05-r2", "Language:English"):
            assert part in first
    else:
        for part in ("香槟风味气泡酒", "日期：2025-05-06", "数据版本：2025.05-r2", "语言：中文"):
            assert part in first


def test_sources_are_listed_once_with_confidence_and_unconfirmed_statements_are_marked(demo_pdf):
    """The Sources list at the end gives each source once (footnotes repeat them on the pages that cite
    them: in full on the first, in a short form naming that page after)."""
    lang, pdf = demo_pdf
    texts = [squash(t) for t in page_texts(pdf)]
    full = "".join(texts)
    heading, conf = ("Sources", "(confidence:low)") if lang == "en" else ("来源", "（可信度：低）")
    short_form = re.compile(r"(—infullonp\.|——全文见第)\d+")
    listed = short_form.sub(
        "", full[full.rindex(heading) :].split("Dataversion" if lang == "en" else "数据版本")[0]
    )
    assert listed.count(squash(SRC_AGREEMENT.text)) == 1
    assert listed.count(squash(SRC_PRESS.text)) == 1
    assert squash(SRC_AGREEMENT.text) in texts[0]  # the first page's foot gives its notes
    assert heading in texts[-1]
    assert squash(SRC_PRESS.text) + "⚠" + conf in full
    assert "[1][2]" in texts[0]  # footnote markers
    assert ("⚠unconfirmed" if lang == "en" else "⚠未经证实") in texts[0]
    assert "☐" in full  # checklist boxes


def test_page_numbers_and_running_header():
    for lang in ("en", "zh"):
        pdf = render(long_table(lang))
        texts = [squash(t) for t in page_texts(pdf)]
        n = len(texts)
        assert n >= 3
        for i, text in enumerate(texts, start=1):
            assert (f"Page{i}of{n}" if lang == "en" else f"第{i}页，共{n}页") in text
            assert ("RH-Running-Header" in text) == (i > 1)  # running header after the first page
        assert ("Longtable" if lang == "en" else "长表格") in texts[1]


def test_a_long_table_splits_across_pages_with_its_header_repeated():
    for lang in ("en", "zh"):
        texts = [squash(t) for t in page_texts(render(long_table(lang)))]
        pages_with_rows = [t for t in texts if "row" in t]
        assert len(pages_with_rows) >= 3
        for text in pages_with_rows:
            assert "HdrAlpha" in text and "HdrBeta名称" in text and "HdrGammaชื่อ" in text
        assert all(f"row{i:03d}" in "".join(texts) for i in range(150))


def test_markup_like_text_prints_literally(nasty_pdf):
    text = squash("".join(page_texts(nasty_pdf)))
    poppler = squash("".join(pdftotext_pages(nasty_pdf)))
    for literal in (*NASTY, "<b>Title</b>", "<i>notitalic</i>", "<h1>heading</h1>", "<caption>", "<notice>"):
        assert squash(literal) in text, literal
    for name in (LONG_ZH, LONG_LATIN):
        assert squash(name) in text
    assert squash(LONG_TH) in text or squash(LONG_TH) in poppler


# --- fonts ---------------------------------------------------------------------------------------


def test_every_font_is_embedded_and_none_is_a_standard_font(demo_pdf, nasty_pdf):
    lang, pdf = demo_pdf
    for doc in (pdf, nasty_pdf):
        rows = pdffonts(doc)
        assert rows
        for row in rows:
            assert row["emb"] == "yes", row
            assert not row["type"].startswith("Type 1"), row
            assert row["name"].split("+")[-1] not in STANDARD_14, row
        names = " ".join(row["name"] for row in rows)
        for face in ("DejaVuSans", "WenQuanYiMicroHei"):
            assert face in names
        assert "Loma" in names or "Garuda" in names


# --- page images ---------------------------------------------------------------------------------


def assert_pages_look_right(pdf: bytes) -> None:
    """Every page has ink, and none outside the margins: the outer 5 mm is blank, and so are the 18 mm
    side margins but for 1 mm (a rough check that nothing runs off the text block)."""
    images = page_images(pdf)
    assert images
    for number, image in enumerate(images, start=1):
        w, h = image.size
        assert ink_share(image) > 0.01, f"page {number} is (nearly) blank"
        edge, side = round(5 * MM), round(17 * MM)
        for box in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, side, h), (w - side, 0, w, h)):
            assert ink_share(image, box) == 0, f"page {number}: ink in the margin {box}"


def test_demo_pages_have_ink_within_the_margins(demo_pdf):
    assert_pages_look_right(demo_pdf[1])


def test_long_names_wrap_inside_the_margins(nasty_pdf):
    assert_pages_look_right(nasty_pdf)


def test_long_table_pages_have_ink_within_the_margins():
    assert_pages_look_right(render(long_table("zh")))


# --- speed ---------------------------------------------------------------------------------------
