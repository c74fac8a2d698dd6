"""Chinese briefs read in Chinese, as a reader sees them in the PDF: statuses, severities, kinds, product
classes, routes, notes, scope citations, court names and the meta line; Chinese punctuation in titles.
Names, the labels supplied and the Sources list keep their own scripts."""

from __future__ import annotations

import re

import pytest

from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from reports.render import render
from storage.db import Database
from tests.reports.pdftools import body_text, squash, without_names

# Labels with no English word a brief could also print of its own.
LABELS = ["香槟型起泡酒", "香宾", "Jumilla", "Parma ham", "帕尔玛火腿", "铁观音茶", "Champanillo"]
# English words a Chinese brief printed before (the list and what a reading found).
ENGLISH = re.compile(
    r"\b(protected|pending|listed|rejected|withdrawn|not-filed|in-objection|high|medium|low|unconfirmed"
    r"|exact|official-rendering|translation|transliteration|script-variant|homophone|imitation|evocation"
    r"|partial|fuzzy|generic-overlap|already-protected|already-listed|generic-term|homonym|duplicate"
    r"|original|transcription|Wine|Cheeses|Spirit|Tea|Annex|Court|Chamber|Intermediate|instance"
    r"|register|GIs|batch|via|verbatim|not found|not read|unknown|no provision|file|communes)\b"
)
# a jurisdiction's code where a brief names the jurisdiction ('在CN受保护', 'CN: china-eu Annex IV')
CODES = re.compile(r"在(CN|EU|FR|TH)|^(CN|EU|FR|TH)[:：]", re.MULTILINE)


@pytest.fixture(scope="module")
def engine(sqlite_loaded):
    engine = Database(sqlite_loaded)
    yield engine
    engine.dispose()


def body(pdf: bytes) -> str:
    """The brief's text as pdftotext reads it, without its footnotes and Sources list (citations keep
    their language)."""
    return body_text(pdf)


def gi_names(engine: Database) -> list[str]:
    """Every name of every GI (the comparison's appendix lists them in their own scripts)."""
    with engine.read() as conn:
        return [r.text for r in conn.records("SELECT text FROM names")]


def english_words(text: str) -> list[str]:
    # the gloss of a term of art in a Chinese label, e.g. 暗示性使用（evocation）, is Chinese writing
    text = text.replace("（evocation）", "")
    return sorted(set(ENGLISH.findall(text)) | {m.group(0) for m in CODES.finditer(text)})


@pytest.mark.parametrize(
    ("gi", "where"),
    [
        ("fr-champagne", "CN"),  # protected (agreement, national register, collective mark)
        ("es-jumilla", "CN"),  # pending (Annex VI)
        ("fr-bordeaux", "TH"),  # neither protected nor pending there
        ("fr-champagne", "EU"),  # the EU register, EU cases
        ("cn-anxi-tie-guan-yin", "FR"),  # a Chinese GI abroad
    ],
)
def test_a_chinese_dispute_brief_prints_no_english_words(engine, gi, where):
    b = dispute_brief(engine, gi, where, labels=LABELS, lang="zh", today="2026-12-03")
    assert "," not in b.title and "(" not in b.title
    text = body(render(b))
    assert english_words(text) == []
    assert "数据版本：登记簿" in squash(text)  # the meta line


def test_a_chinese_screening_brief_of_labels_prints_no_english_words(engine, tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("\n".join(LABELS) + "\n", encoding="utf-8")
    b = screening_brief(engine, labels, "CN", lang="zh", today="2026-12-03")
    text = body(render(b))
    assert english_words(text) == []
    assert "中欧协定附录四" in squash(text) and "附加“型/式”等字样" in squash(text)


def test_a_chinese_screening_brief_of_a_list_prints_no_english_words(engine, tmp_path):
    proposal = tmp_path / "proposal.csv"
    proposal.write_text(
        "name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n安溪铁观音,Tea,CN\n",
        encoding="utf-8",
    )
    b = screening_brief(engine, proposal, "CN", lang="zh", today="2026-12-03")
    text = body(render(b))
    assert english_words(text) == []
    assert "已受保护" in squash(text) and "通用名称" in squash(text) and "第2行" in squash(text)


def test_a_chinese_comparison_brief_prints_no_english_words_and_a_chinese_title(engine):
    b = compare_brief(engine, ["china-eu", "china-france", "china-thailand"], lang="zh", today="2026-12-03")
    assert b.title == "协定比较：中欧、中法、中泰"
    text = body(render(b))
    assert english_words(without_names(text, gi_names(engine))) == []
    assert "中欧协定附录四" in squash(text) and "中法名单" in squash(text) and "受保护96" in squash(text)


def test_court_names_are_chinese_in_a_chinese_brief_and_english_in_an_english_one(engine):
    zh = body(render(dispute_brief(engine, "fr-champagne", "CN", lang="zh", today="2026-12-03")))
    assert "北京市高级人民法院" in squash(zh) and "北京知识产权法院" in squash(zh)
    eu = body(render(dispute_brief(engine, "fr-champagne", "EU", lang="zh", today="2026-12-03")))
    assert "欧盟法院" in squash(eu)
    en = body(render(dispute_brief(engine, "fr-champagne", "CN", lang="en", today="2026-12-03")))
    assert "BeijingHighCourt" in squash(en) and "China–EUAnnexIV" in squash(en) and "Wine" in en
