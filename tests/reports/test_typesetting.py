"""Typesetting a lawyer would sign: line breaks by the Chinese and Thai rules, footnote markers whole,
ids whole in narrow columns, footnotes on the page that cites them, links, outline, metadata and
landscape sections. Real rendering, read back with pdftotext and pypdf."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import pytest
from pypdf import PdfReader

from reports.briefing import Briefing, Facts, Para, Section, Source, Table
from reports.linebreak import CLOSING, OPENING
from reports.render import render
from tests.reports.pdftools import ink_share, page_images, page_texts, pdftotext_pages, squash

# long Chinese sentences full of punctuation, so many lines end next to a mark
ZH_SENTENCE = (
    "根据《中华人民共和国与欧洲联盟地理标志保护与合作协定》第4条，香槟（Champagne）在中国受保护；"
    "使用“香槟型”“香槟风味”等表述，亦属侵权。附件三、附件四所列名称，自2021年3月1日起生效！"
    "异议期为两个月？请注意：商标与地理标志冲突时，以在先权利为准。"
)
THAI_NAMES = (
    "ข้าวหอมมะลิทุ่งกุลาร้องไห้",
    "ส้มโอนครชัยศรี",
    "กาแฟดอยช้าง",
    "ผ้าไหมยกดอกลำพูน",
    "มะขามหวานเพชรบูรณ์",
)
THAI_TEXT = "สินค้าที่ได้รับความคุ้มครองสิ่งบ่งชี้ทางภูมิศาสตร์ในประเทศไทยได้แก่ " + " ".join(THAI_NAMES) + " "
IDS = ("EU-PDO-FR-A1359", "CN-EU-IV-034", "EU-PGI-IT-0035", "TH-GI-55100084", "CN-FR-II-107")
URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:22020A1204(01)"
LONG_TAIL = "; with the annex entry, the signing and entry-into-force dates and the official publication" * 2
SOURCES = tuple(
    Source(f"Source number {i}: official journal, item {i}" + (LONG_TAIL if i % 3 == 1 else ""), "high")
    for i in range(1, 25)
)
SOURCES += (Source(f"EU–China agreement, OJ L 408I — {URL}", "high"),)


def _zh_briefing() -> Briefing:
    paras = tuple(
        Para(ZH_SENTENCE * 2, sources=SOURCES[i % 12 : i % 12 + 3 if i % 5 else i % 12 + 1])
        for i in range(14)
    )
    return Briefing(
        kind="dispute",
        title="维权指引：香槟（Champagne）在中国",
        subtitle="排版检验",
        lang="zh",
        date="2026-01-01",
        data_version="v1",
        sections=(
            Section("保护状况", paras[:7]),
            Section(
                "编号表",
                (
                    Table(
                        headers=("编号", "名称", "说明", "来源"),
                        rows=tuple(
                            (
                                Para(i),
                                Para("香槟 Champagne"),
                                Para(ZH_SENTENCE[:60]),
                                Para("附件", (SOURCES[-1],)),
                            )
                            for i in IDS
                        ),
                        col_widths=(0.08, 0.3, 0.5, 0.12),
                    ),
                ),
                landscape=False,
            ),
            Section(
                "宽表（横向）",
                (Table(("编号", "说明"), tuple((Para(i), Para(ZH_SENTENCE)) for i in IDS)),),
                True,
            ),
            Section("维权途径", paras[7:]),
        ),
    )


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return render(_zh_briefing())


@pytest.fixture(scope="module")
def thai_pdf() -> bytes:
    return render(
        Briefing(
            kind="screening",
            title="Thai GIs",
            subtitle="",
            lang="en",
            date="2026-01-01",
            data_version="v1",
            sections=(
                Section("ชื่อสินค้า", tuple(Para(THAI_TEXT * 3, (SOURCES[0],)) for _ in range(3))),
                Section(
                    "Table", (Table(("Name", "ชื่อ"), tuple((Para(n), Para(THAI_TEXT)) for n in THAI_NAMES)),)
                ),
            ),
        )
    )


def body_lines(pdf: bytes) -> list[str]:
    return [line.strip() for page in pdftotext_pages(pdf) for line in page.splitlines() if line.strip()]


# --- Chinese -------------------------------------------------------------------------------------


def test_no_chinese_line_starts_with_closing_or_ends_with_opening_punctuation(zh_pdf):
    lines = body_lines(zh_pdf)
    assert sum("香槟" in line for line in lines) > 30  # the long text is there, over many lines
    starts = [line for line in lines if line[0] in CLOSING]
    ends = [line for line in lines if line[-1] in OPENING]
    assert not starts, starts[:5]
    assert not ends, ends[:5]


def test_footnote_markers_stay_whole_and_with_their_text(zh_pdf):
    lines = body_lines(zh_pdf)
    assert sum(bool(re.search(r"\[\d+\]", line)) for line in lines) > 20
    for line in lines:
        assert not re.match(r"^\d*\]", line), line  # no "9]" or "]" opening a line
        assert not re.search(r"\[\d*$", line), line  # no "[" or "[1" ending one
        # a marker never opens a line of body text (footnote numbers stand alone, one to a line)
        assert not re.match(r"^(\[\d+\])+\s*[\u3000-\u9fff\uff00-\uffef]", line), line
        assert not re.fullmatch(r"(\[\d+\]){2,}", line), line


# --- Thai ----------------------------------------------------------------------------------------


def test_thai_names_round_trip_through_text_extraction(thai_pdf):
    poppler = squash("".join(pdftotext_pages(thai_pdf)))
    pypdf = squash("".join(page_texts(thai_pdf)))
    for name in THAI_NAMES:
        assert name in poppler, name
        assert name in pypdf, name
    assert not re.search("[\u200b\u200c\u200d\u2060\ufeff]", poppler + pypdf)  # no zero-width characters


def test_thai_lines_break_only_between_words(thai_pdf):
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.tokenize import word_tokenize

    lines = [line for line in body_lines(thai_pdf) if re.fullmatch(r"[\u0e00-\u0e7f ]+", line)]
    assert len(lines) >= 6
    text = squash(THAI_TEXT)
    ends, at = set(), 0
    for word in word_tokenize(text, engine="newmm"):
        at += len(word)
        ends.add(at)
    wrapped = 0
    for a, b in zip(lines, lines[1:], strict=False):
        last, first = squash(a)[-6:], squash(b)[:6]
        pos = (text * 2).find(last + first)
        if pos < 0:
            continue  # not consecutive lines of one paragraph
        wrapped += 1
        assert (pos + len(last)) % len(text) in ends | {0}, (a, b)
    assert wrapped >= 3


# --- tables --------------------------------------------------------------------------------------


def test_ids_in_a_narrow_column_stay_on_one_line(zh_pdf):
    lines = body_lines(zh_pdf)
    for ident in IDS:
        assert any(ident in line for line in lines), ident
    for line in lines:
        for ident in IDS:
            for cut in range(3, len(ident) - 2):
                head = ident[:cut]
                if line.endswith(head) and not line.endswith(ident):
                    pytest.fail(f"{ident} broken: {line!r}")


# --- pages and furniture -------------------------------------------------------------------------


def test_a_landscape_section_is_on_landscape_pages_and_the_next_returns_to_portrait(zh_pdf):
    reader = PdfReader(io.BytesIO(zh_pdf))
    shapes = []
    for page, text in zip(reader.pages, page_texts(zh_pdf), strict=True):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        shapes.append(("landscape" if w > h else "portrait", squash(text)))
    landscape = [text for shape, text in shapes if shape == "landscape"]
    assert landscape and all("宽表（横向）" in t or "EU-PDO-FR-A1359" in t for t in landscape[:1])
    after = [shape for shape, text in shapes if "维权途径" in text]
    assert after and after[0] == "portrait"
    assert shapes[0][0] == "portrait"
    images = page_images(zh_pdf)
    for image, (shape, _) in zip(images, shapes, strict=True):
        assert (image.width > image.height) == (shape == "landscape")


def test_footnotes_are_at_the_foot_of_the_page_that_cites_them(zh_pdf):
    """Every marker in a page's text has its note, "[n] Source …", at the foot of that same page."""
    starts = {squash(s.text)[:12] for s in SOURCES}
    cited = 0
    for text in (squash(t) for t in page_texts(zh_pdf)):
        notes = dict(re.findall(r"\[(\d+)\]((?:Sourcenumber|EU–China)[^\[]{0,8})", text))
        for number in set(re.findall(r"(?<![\]\d])\[(\d+)\](?!Sourcenumber|EU–China)", text)):
            assert number in notes, (number, text[:60])
            assert notes[number][:12] in starts
            cited += 1
    assert cited > 10


def test_urls_in_sources_are_links(zh_pdf):
    reader = PdfReader(io.BytesIO(zh_pdf))
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/A" in a:
                uris.add(a["/A"].get("/URI"))
    assert URL in uris


def test_the_outline_has_a_bookmark_per_section_and_the_metadata_is_real(zh_pdf):
    reader = PdfReader(io.BytesIO(zh_pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["保护状况", "编号表", "宽表（横向）", "维权途径", "来源"]
    assert reader.metadata.title == "维权指引：香槟（Champagne）在中国"
    assert reader.metadata.creation_date.date() == dt.datetime.now(dt.UTC).date()
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_chinese_bold_is_visibly_bolder_than_regular():
    """A Facts row sets its label bold and its value regular, at the same size: the same Chinese text
    carries clearly more ink in the label (synthetic bold: filled and stroked)."""
    text = "香槟保护状况地理标志"
    facts = Facts(((text, Para(text)),))
    pdf = render(Briefing("dispute", "", "", "zh", "2026-01-01", "v1", (Section("", (facts,)),)))
    dpi = 100
    image = page_images(pdf, dpi=dpi)[0]
    px = dpi / 25.4
    split = round((18 + 0.3 * 174) * px)  # the label column: 30 % of the 174 mm frame, after the margin
    rows = [y for y in range(image.height // 3) if ink_share(image, (split, y, image.width, y + 1)) > 0]
    top, bottom = rows[-1] - round(6 * px), rows[-1] + 2  # the facts row: the last inked band up there
    left = ink_share(image, (0, top, split, bottom))
    right = ink_share(image, (split, top, 2 * split, bottom))
    assert left > right * 1.25, (left, right)


def test_typeset_pages_keep_ink_inside_the_margins_portrait_and_landscape(zh_pdf, thai_pdf):
    from tests.reports.test_report_render import assert_pages_look_right

    assert_pages_look_right(zh_pdf)
    assert_pages_look_right(thai_pdf)


def test_every_note_of_an_ordinary_brief_is_at_the_foot_of_its_page_not_only_at_the_end(zh_pdf):
    text = squash("".join(pdftotext_pages(zh_pdf)))
    assert "见文末" not in text  # no note had to be shortened to a pointer to the Sources list


# --- the rules themselves ------------------------------------------------------------------------


def test_break_points_follow_the_chinese_rules_and_keep_ids_and_words_whole():
    from reports.linebreak import unbreakable_parts

    parts = unbreakable_parts("根据《协定》第4条，香槟（Champagne）受保护——见CN-EU-IV-034。")
    assert "CN-EU-IV-034。" in parts  # an id whole, with the full stop that must follow it
    assert "条，" in parts and "（Champagne）" in parts and "香" in parts
    assert "《协" in parts  # an opening mark stays with what it opens
    assert "'型')," in unbreakable_parts("名称'香槟'(with '型'),")  # ASCII quotes stay with what they quote
    assert any(p.endswith("——") for p in parts)  # the two-em dash is not split
    assert not any(p.startswith(("，", "）", "。", "》")) or p.endswith(("（", "《")) for p in parts)
    assert unbreakable_parts("GI th-khao-hom-mali-thung-kula-rong-hai, EU-PDO-FR-A1359") == [
        "GI",
        "th-",
        "khao-",
        "hom-",
        "mali-",
        "thung-",
        "kula-",
        "rong-",
        "hai,",
        "EU-PDO-FR-A1359",
    ]  # a long slug may break after its hyphens; an id of up to 24 characters never does
    assert unbreakable_parts("see https://eur-lex.europa.eu/legal-content/EN/TXT") == [
        "see",
        "https://eur-lex.europa.eu/",
        "legal-content/",
        "EN/",
        "TXT",
    ]


def test_thai_is_cut_only_between_words():
    from reports.linebreak import unbreakable_parts

    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.tokenize import word_tokenize

    for name in THAI_NAMES:
        assert unbreakable_parts(name) == word_tokenize(name, engine="newmm"), name
    assert unbreakable_parts("ข้าวหอมมะลิทุ่งกุลาร้องไห้")[-1] == "ร้องไห้"  # not ร้อง|ไห้ nor inside a syllable


def test_column_widths_give_ids_room_and_respect_the_total():
    from reports.colwidths import Cell, column_widths

    ids = [Cell(i, 9) for i in IDS]
    prose = [Cell("a long explanation that can wrap over several lines " * 4, 9)]
    widths = column_widths([ids, prose], 300, 4, hints=(0.05, 0.95))
    assert abs(sum(widths) - 300) < 0.01
    from reports import fonts as F

    assert widths[0] >= max(F.text_width(i, 9) for i in IDS) + 8  # the hint was too narrow for the ids
    narrow = column_widths([[Cell("EU-PDO-FR-A1359" * 4, 9)], [Cell("x", 9)]], 100, 4)
    assert abs(sum(narrow) - 100) < 0.01 and narrow[1] >= 8 + 1  # only the widest column is cut


def test_a_short_note_names_the_page_that_gives_it_in_full(zh_pdf):
    texts = [squash(t) for t in page_texts(zh_pdf)]
    full_text = {squash(s.text): s for s in SOURCES}
    shorts = 0
    for text in texts:
        for number, page in re.findall(r"\[(\d+)\][^\[]*?——全文见第(\d+)页", text):
            shorts += 1
            there = texts[int(page) - 1]
            entry = re.search(rf"\[{number}\]((?:Sourcenumber|EU–China)[^\[]*?)（可信度", there)
            assert entry and entry.group(1) in full_text, (number, page)
    assert shorts >= 3


def test_a_table_of_tall_rows_repeats_its_header_once_per_page_never_mid_page():
    rows = tuple(
        (
            Para(f"row {i}"),
            Para(ZH_SENTENCE * (1 + i % 4), (SOURCES[i % 5],)),
            Para("CN-EU-IV-034 " * (i % 3 + 1)),
        )
        for i in range(14)
    )
    sections = (
        Section("矩阵", (Table(("HdrAlpha", "HdrBeta", "HdrGamma"), rows, col_widths=(0.2, 0.5, 0.3)),)),
    )
    for landscape in (False, True):
        pdf = render(
            Briefing(
                "compare",
                "表",
                "",
                "zh",
                "2026-01-01",
                "v1",
                tuple(Section(s.heading, s.blocks, landscape) for s in sections),
            )
        )
        counts = [squash(t).count("HdrAlpha") for t in page_texts(pdf)]
        assert len(counts) >= 3 and max(counts) == 1, counts
