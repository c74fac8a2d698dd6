"""Every kind of brief, read as a lawyer would sign it (issue: "Briefs a lawyer would sign").

Each brief is rendered from the real register and read back with pdftotext and pdfinfo: the coverage
statement on page 1, the agreement cited, no internal note or key, every label supplied present, no line
opening with closing punctuation, no English status words in a Chinese brief, bookmarks, and the real
creation date and title in the metadata.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from gi_lists.services import coverage
from reports.render import render
from storage.clock import today_iso
from storage.db import Database
from tests.reports.pdftools import body_text, pdftotext_pages, require_tool, squash, without_names

LABELS = {
    # a protected name (China–EU Annex IV), a pending one (Annex VI), one not protected there
    "protected": ("fr-champagne", "CN", ["香宾酒", "Champagne-style sparkling wine", "plain mineral water"]),
    "pending": ("cn-ningxia-gou-qi", "EU", ["Ningxia goji berries", "宁夏枸杞 dried", "green tea"]),
    "unprotected": ("cn-anxi-tie-guan-yin", "TH", ["安溪铁观音 oolong", "Tieguanyin tea", "jasmine rice"]),
}
OJ = "OJ L 408I"
# the register's own vocabulary: printed in English inside a Chinese brief, it is untranslated
ENGLISH_WORDS = re.compile(
    r"\b(protected|pending|withdrawn|rejected|listed|high|medium|low|unconfirmed|exact|partial|fuzzy|"
    r"translation|transliteration|agreement|Annex|severity|Wine|Cheese|Tea|Spirit drinks?)\b"
)
INTERNAL = re.compile(
    r"legal_facts\.md|legal_review|SOURCES\.md|\b[a-z]+_[a-z]+(?:_[a-z]+)*\b|\bsev_\w+|\{[a-z_]+\}"
)
CLOSING_START = ("，", "；", "。", "、", "：", "）", "」", "』", "》", "！", "？")


@pytest.fixture(scope="module")
def engine(sqlite_loaded):
    engine = Database(sqlite_loaded)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def briefs(engine, tmp_path_factory) -> dict[tuple[str, str], bytes]:
    tmp = tmp_path_factory.mktemp("briefs")
    labels_file = tmp / "labels.txt"
    labels_file.write_text("香槟型起泡酒\nParma ham\nRoquefort blue cheese\nplain water\n", encoding="utf-8")
    proposed = tmp / "proposed.csv"
    proposed.write_text(
        "name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n",
        encoding="utf-8",
    )
    out: dict[tuple[str, str], bytes] = {}
    for lang in ("en", "zh"):
        for kind, (gi, where, labels) in LABELS.items():
            out[(kind, lang)] = render(dispute_brief(engine, gi, where, labels=labels, lang=lang))
        out[("compare", lang)] = render(compare_brief(engine, ["china-eu", "china-thailand"], lang=lang))
        out[("screening", lang)] = render(screening_brief(engine, labels_file, "CN", lang=lang))
        out[("scan", lang)] = render(screening_brief(engine, proposed, "CN", lang=lang))
    return out


KINDS = ["protected", "pending", "unprotected", "compare", "screening", "scan"]
CASES = [(k, lang) for k in KINDS for lang in ("en", "zh")]


def body_lines(pdf: bytes) -> list[str]:
    return [line for page in pdftotext_pages(pdf) for line in page.splitlines()]


def without_sources(pdf: bytes) -> str:
    """The text a reader reads as the brief's own words: no footnotes or Sources list (citations keep
    their own language), no wrapped web addresses or register ids."""
    keep = []
    for line in body_text(pdf).splitlines():
        line = " ".join(t for t in line.split() if not re.search(r"[/%=]|\.html?\b", t))
        keep.append(re.sub(r"\b[a-z]{2}-[a-z0-9-]+\b|\b[A-Z]{2,3}-[A-Z0-9-]+\b", "", line))
    return "\n".join(keep)


def pdfinfo(pdf: bytes) -> dict[str, str]:
    tool = require_tool("pdfinfo")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run([tool, "-isodates", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip())
        for k, v in (line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
    )


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_metadata_bookmarks_and_punctuation(briefs, kind, lang):
    pdf = briefs[(kind, lang)]
    info = pdfinfo(pdf)
    assert info.get("CreationDate", "").startswith(today_iso()), info
    assert info.get("Title"), info
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.outline) >= 2, "no bookmarks per section"
    pages = pdftotext_pages(pdf)
    for entry in reader.outline:  # each bookmark opens the page its heading is on
        assert squash(entry.title) in squash(pages[reader.get_destination_page_number(entry)]), entry.title
    for line in body_lines(pdf):
        assert not line.strip().startswith(CLOSING_START), line


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_no_internal_notes_or_keys(briefs, kind, lang):
    text = without_sources(briefs[(kind, lang)])
    found = INTERNAL.findall(text)
    assert not found, found


@pytest.mark.parametrize(("kind", "lang"), [c for c in CASES if c[0] in LABELS or c[0] == "screening"])
def test_coverage_on_page_one_and_every_label_present(engine, briefs, kind, lang):
    pdf = briefs[(kind, lang)]
    pages = pdftotext_pages(pdf)
    where = "CN" if kind == "screening" else LABELS[kind][1]
    statement = coverage(engine, where).text(lang)
    head = statement[:40]
    assert squash(head) in squash(pages[0]), "the coverage statement is not on page 1"
    labels = ["香槟型起泡酒", "Parma ham", "plain water"] if kind == "screening" else LABELS[kind][2]
    whole = squash("".join(pages))
    for label in labels:
        assert squash(label) in whole, label


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unprotected_name_is_never_all_clear(briefs, lang):
    text = squash("".join(pdftotext_pages(briefs[("unprotected", lang)])))
    assert squash("No conflict") not in text and "未发现冲突" not in text
    assert ("notprotected" in text) if lang == "en" else ("未受保护" in text)


@pytest.mark.parametrize(
    ("kind", "lang"), [(k, lang) for k in ("protected", "pending", "compare") for lang in ("en", "zh")]
)
def test_the_agreement_is_cited(briefs, kind, lang):
    text = squash("".join(pdftotext_pages(briefs[(kind, lang)])))
    assert squash(OJ) in text
    assert "2020-09-14" in text or "14Sep2020" in text or "2020年9月14日" in text


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_briefs_have_no_english_status_words(engine, briefs, kind):
    with engine.read() as conn:
        names = [r.text for r in conn.records("SELECT text FROM names")]
    text = without_names(without_sources(briefs[(kind, "zh")]), names)
    found = sorted(set(ENGLISH_WORDS.findall(text)))
    assert not found, found
