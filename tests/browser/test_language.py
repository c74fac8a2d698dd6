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
        cells = [m.group(0) for t in visible_texts(page, CELLS) for m in ENGLISH_CELL_WORDS.finditer(t)]
        if stray or cells:
            problems[key] = {"interface": sorted(set(stray)), "cells": sorted(set(cells))}
    assert not problems, f"English in the Chinese interface: {problems}"
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    open_page(page, "search", "en")
    page.get_by_role("heading", name=say("nav.search", "en")).first.wait_for()
