"""The phrase catalogue: both languages hold every key with the same placeholders, every key the code
asks for exists, and the Chinese holds no English words but names, codes and citations."""

from __future__ import annotations

import re
import string

import pytest

from phrases import PHRASE_LANGS, catalogue, message_text, say
from tests.conftest import PROJECT_ROOT

SOURCE_DIRS = (
    "app_pages",
    "ui",
    "cli",
    "briefings",
    "translation",
    "watch",
    "compare",
    "gi_lists",
    "agreements",
)
# Words the Chinese may keep in Latin letters: the product's name, file formats, codes and citations.
LATIN_ALLOWED = {
    "GIScope", "PDF", "CSV", "XLSX", "JSON", "TRIPS", "EU", "CN", "FR", "TH", "ID", "URL", "OJ", "RTGS",
    "GISCOPE", "LANG", "SMTP", "CLI", "UI", "XML", "HTTP", "HTTPS", "Nice", "giscope", "WIPO", "CJEU",
    "OAPI", "TSV", "ISO", "MB", "UTF", "en", "zh", "fr", "th", "Webhook", "webhook", "JSONL", "email",
    "Streamlit", "google", "none", "deep-translator",
}  # fmt: skip
KEY_CALL = re.compile(r"""\bsay\(\s*["']([a-z0-9_.]+)["']""")


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_languages_hold_the_same_keys():
    en, zh = (set(catalogue(lang)) for lang in PHRASE_LANGS)
    assert not en - zh, f"keys without Chinese: {sorted(en - zh)}"
    assert not zh - en, f"keys without English: {sorted(zh - en)}"


def test_placeholders_agree():
    en, zh = catalogue("en"), catalogue("zh")
    wrong = {k: (fields(en[k]), fields(zh[k])) for k in en if fields(en[k]) != fields(zh.get(k, ""))}
    assert not wrong, wrong


def test_no_phrase_is_empty():
    empty = [(lang, k) for lang in PHRASE_LANGS for k, v in catalogue(lang).items() if not v.strip()]
    assert not empty, empty


def test_chinese_phrases_hold_no_english_words():
    stray = {}
    for key, text in catalogue("zh").items():
        plain = re.sub(r"\{[^}]*\}", "", text)  # placeholders hold names and numbers
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+", plain) if w not in LATIN_ALLOWED]
        if words:
            stray[key] = words
    assert not stray, f"English inside Chinese phrases: {stray}"


def test_every_key_the_code_asks_for_exists():
    keys = set(catalogue("en"))
    asked = {}
    for folder in SOURCE_DIRS:
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
                asked.setdefault(key, path.relative_to(PROJECT_ROOT))
    for path in sorted(set(PROJECT_ROOT.glob("*.py")) - {PROJECT_ROOT / "phrases.py"}):  # not its docstring
        for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            asked.setdefault(key, path.name)
    missing = {k: str(p) for k, p in asked.items() if k not in keys}
    assert not missing, f"keys asked for but not in data/phrases: {missing}"
    assert asked, "the scan found no say() call: the pattern is wrong"


def test_say_fills_fields_and_refuses_unknown_keys():
    assert say("nav.screen", "zh") == "标签筛查"
    assert say("nav.screen", "en") == "Screen labels"
    assert say("nav.screen", None) == "Screen labels"
    with pytest.raises(KeyError):
        say("no.such.key", "en")


def test_the_checker_catches_english_in_chinese():
    """The English-word check on a planted phrase: it must flag 'Download' and keep 'PDF'."""
    plain = "下载 PDF Download"
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+", plain) if w not in LATIN_ALLOWED]
    assert words == ["Download"]


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("batch.csv:3: name: required value is empty", "batch.csv:3: name: 必填值为空"),
        ("batch.csv:1: region: required column is missing", "batch.csv:1: region: 缺少必需的列"),
        (
            "batch.csv:4: since: '2021-13' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
            "batch.csv:4: since: “2021-13”不是日期（YYYY-MM-DD, YYYY-MM or YYYY）",
        ),
        ("no GI with id or name 'Xyz'; try `giscope search`", "没有编号或名称为 'Xyz' 的地理标志；请先检索"),
        ("labels.csv: no rows after the header", "labels.csv: 表头之后没有数据行"),
    ],
)
def test_known_errors_read_in_chinese_with_their_location_kept(english, chinese):
    assert message_text(english, "zh") == chinese
    assert message_text(english, "en") == english


def test_an_unknown_error_keeps_its_english_behind_a_chinese_lead_in():
    text = message_text("a.csv:2: name: something new went wrong\nsecond problem", "zh")
    first, second = text.split("\n")
    assert first.startswith("a.csv:2: name: （") and first.endswith("something new went wrong")
    assert second.endswith("second problem") and second != "second problem"


def test_every_error_pattern_fills_its_chinese_from_its_own_groups():
    from phrases import _message_patterns

    for pattern, zh in _message_patterns():
        assert fields(zh) <= set(pattern.groupindex), (pattern.pattern, zh)
