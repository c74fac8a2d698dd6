"""The language switch in the browser: every page in Chinese (navigation, headings, labels, buttons, tabs,
table headers and the words in table cells), then back to English.

Allowed in Chinese: names as the register holds them, codes and citations (tests/unit/test_phrases.py's
list), numbers. Streamlit's own widget chrome (the uploader's "Drag and drop" text) is not ours and is
not read.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from phrases import say
from tests.browser.test_browser import REGISTERS, app_url, browser, page  # noqa: F401 (fixtures)
from tests.unit.test_phrases import LATIN_ALLOWED

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGES = (
    "overview",
    "search",
    "gi",
    "lists",
    "screen",
    "scan",
    "watch",
    "compare",
    "profiles",
    "deadlines",
    "briefs",
)
# What the page shows in the interface's own words (not the user's data in markdown or captions).
CHROME = (
    "[data-testid='stSidebarNav'] a",
    "[data-testid='stMain'] h1",
    "[data-testid='stMain'] h2",
    "[data-testid='stMain'] h3",
    "[data-testid='stMain'] [data-testid='stWidgetLabel']",
    "[data-testid='stMain'] button",
    "[data-testid='stMain'] [role='tab']",
    "[data-testid='stMain'] th",
    "[data-testid='stMain'] [role='columnheader']",
    "[data-testid='stMain'] [data-testid='stMetricLabel']",
    "[data-testid='stMain'] [data-testid='stExpander'] summary",
)
CELLS = (
    "[data-testid='stMain'] td",
    "[data-testid='stMain'] [role='gridcell']",
    "[data-testid='stMain'] [data-testid='stCaptionContainer']",  # "Source: … · confidence: …" lines
)
# Words of the interface that must never show in a Chinese cell (statuses, confidences, severities).
ENGLISH_CELL_WORDS = re.compile(
    r"\b(protected|pending|listed|withdrawn|rejected|in-objection|high|medium|low|unconfirmed|unknown|yes|"
    r"differs|overdue|upcoming|agreement|trademark|national register)\b|\bSource:|\bconfidence:"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@pytest.fixture(scope="module")
def name_words(app_url) -> set[str]:  # noqa: F811
    """Every word of every name and citation the register holds: those may show in Latin letters."""
    words: set[str] = set()
    with sqlite3.connect(REGISTERS[app_url]) as con:
        for (text,) in con.execute("select text from names"):
            words.update(w.lower() for w in WORD.findall(text or ""))
    assert len(words) > 1000
    return words


URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|asia|gov|int|eu|cn|fr|th)\b")
CITED = re.compile(r"来源：.*$", re.S)  # a source is a citation, written as published


def uncited(text: str) -> str:
    """The text without its citation ('来源：…' to the end); a cell holding a link is a citation."""
    return "" if URL.search(text) else CITED.sub("", text)


def english_words(texts: list[str], allowed: set[str]) -> list[str]:
    stray = []
    for text in texts:
        for word in (w.strip("-'’") for w in WORD.findall(text)):
            if word not in LATIN_ALLOWED and word.lower() not in allowed:
                stray.append(word)
    return stray


def open_page(page, key: str, lang: str) -> None:  # noqa: F811
    page.locator("[data-testid='stSidebarNav'] a").filter(
        has_text=re.compile(f"^{re.escape(say(f'nav.{key}', lang))}$")
    ).first.click()
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")


# Texts of the matching elements, leaving out icon ligatures (an expander's "keyboard_arrow_right") and
# the file uploader, whose drop zone Streamlit writes in English whatever the page's language.
TEXTS_JS = """selectors => selectors.flatMap(sel => [...document.querySelectorAll(sel)]
    .filter(e => !e.closest('[data-testid="stFileUploader"]'))
    .map(e => { const c = e.cloneNode(true);
                c.querySelectorAll('[data-testid="stIconMaterial"]').forEach(i => i.remove());
                return (c.textContent || '').trim(); })
    .filter(Boolean))"""


def visible_texts(page, selectors: tuple[str, ...]) -> list[str]:  # noqa: F811
    return page.evaluate(TEXTS_JS, list(selectors))


def check(page, what: str, name_words: set[str], problems: dict) -> None:  # noqa: F811
    """Record in `problems` the English words on the page's interface and the English status words in its
    cells."""
    stray = english_words(visible_texts(page, CHROME), name_words)
    cells = [m.group(0) for t in visible_texts(page, CELLS) for m in ENGLISH_CELL_WORDS.finditer(uncited(t))]
    if stray or cells:
        samples = [t for t in visible_texts(page, CELLS) if ENGLISH_CELL_WORDS.search(uncited(t))][:3]
        problems[what] = {"interface": sorted(set(stray)), "cells": sorted(set(cells)), "in": samples}


def test_every_page_in_chinese_then_back_to_english(app_url, page, name_words):  # noqa: F811
    page.goto(app_url)
    page.locator("[data-testid='stSidebarNav']").wait_for()
    page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text=say("nav.search", "zh")).wait_for()
    problems = {}
    for key in PAGES:
        open_page(page, key, "zh")
        chrome = visible_texts(page, CHROME)
        stray = english_words(chrome, name_words)
        cells = [
            m.group(0) for t in visible_texts(page, CELLS) for m in ENGLISH_CELL_WORDS.finditer(uncited(t))
        ]
        if stray or cells:
            samples = [t for t in visible_texts(page, CELLS) if ENGLISH_CELL_WORDS.search(uncited(t))][:3]
            problems[key] = {"interface": sorted(set(stray)), "cells": sorted(set(cells)), "in": samples}
    # with results: a search and a screening, whose tables hold statuses, severities and kinds
    open_page(page, "search", "zh")
    box = page.get_by_label(say("search.query", "zh"))
    box.fill("香槟")
    box.press("Enter")
    page.get_by_text(re.compile("找到")).first.wait_for()
    check(page, "search (香槟)", name_words, problems)
    open_page(page, "screen", "zh")
    page.get_by_label(say("screen.labels", "zh")).fill("香槟型起泡酒\n香宾酒")
    page.get_by_role("button", name=say("screen.submit", "zh"), exact=True).click()
    page.get_by_text(re.compile("已筛查 2 个标签")).wait_for()
    for expander in page.locator("[data-testid='stExpander'] summary").all():
        expander.click()
    check(page, "screen (2 labels)", name_words, problems)
    assert not problems, f"English in the Chinese interface: {problems}"
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    open_page(page, "search", "en")
    page.get_by_role("heading", name=say("nav.search", "en")).first.wait_for()
