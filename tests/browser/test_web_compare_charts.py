"""In the browser: Compare leads with key differences and shows the dimensions unknown on one side apart;
the comparison PDF downloads after the prepare button; the overview and the deadlines page draw their
Vega-Lite charts (an SVG or canvas with something on it). English and Chinese; screenshots go to
/tmp/charts/ (or GISCOPE_SHOTS)."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from phrases import say
from tests.browser.script_state import settle as script_settle
from tests.browser.test_browser import REGISTERS, app_url, browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path(os.environ.get("GISCOPE_SHOTS", "/tmp/charts"))
LANGS = ("en", "zh")
RENDER_MS = 180_000  # the brief takes 10-15 s to render on a busy two-core machine: measured, not asserted


def open_in(page, app: str, nav: str | None, lang: str, heading: str) -> None:  # noqa: F811
    """Switch the session to `lang` on the first page, open the page `nav` (a nav phrase key) from the
    sidebar, and wait until its heading `heading` (a phrase key) is drawn."""
    page.goto(app)
    page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=RENDER_MS)  # a cold server
    if lang == "zh":
        page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
        page.get_by_role("heading", name=say("overview.charts.heading", lang)).wait_for()
        settle(page)
    if nav:
        page.get_by_role("link", name=say(nav, lang)).click()
    page.locator("[data-testid='stMain']").get_by_role("heading", name=say(heading, lang)).first.wait_for()
    settle(page)


def settle(page) -> None:  # noqa: F811
    """Until the script's run is over (the app's own run state, not the status widget, which can be
    hidden before a run has started) and the page has drawn it."""
    script_settle(page)
    page.wait_for_timeout(300)


def shot(page, name: str) -> None:  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


DRAWN_JS = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].filter(chart => {
  const surface = chart.querySelector("canvas, svg");
  if (!surface) return false;
  const box = surface.getBoundingClientRect();
  return box.width > 100 && box.height > 100;
}).length"""


def drawn_charts(page, expected: int) -> int:  # noqa: F811
    """How many Vega-Lite charts the page has drawn (an SVG or canvas of some size in each), once it has
    drawn `expected` of them or 60 s have passed: vega-embed draws each chart after its element mounts,
    later on a busy machine."""
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    with contextlib.suppress(PlaywrightTimeout):  # the count below says how many were drawn
        page.wait_for_function(f"({DRAWN_JS})() >= {expected}", timeout=60_000)
    return int(page.evaluate(DRAWN_JS))


@pytest.mark.parametrize("lang", LANGS)
def test_compare_leads_with_key_differences_and_shows_unknowns_apart(app_url, page, lang):  # noqa: F811
    open_in(page, app_url, "nav.compare", lang, "compare.keys.key")
    main = page.locator("[data-testid='stMain']")
    headings = [h.strip() for h in main.locator("h3").all_inner_texts()]
    key, unknown = say("compare.keys.key", lang), say("compare.keys.unknown", lang)
    assert key in headings and unknown in headings and headings.index(key) < headings.index(unknown), headings
    first = main.locator("[data-testid='stTable'] table").first
    # the first table is the key differences' once the run's elements have replaced the last run's
    expect(first.locator("tbody tr td:nth-child(2)").first).to_have_text(re.compile(r"^\s*≠ "))
    reasons = first.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert reasons and all(r.strip().startswith("≠ ") for r in reasons), reasons
    marker = "not a known difference" if lang == "en" else "并非已知差异"
    last = main.locator("[data-testid='stTable'] table").last
    assert marker in last.inner_text()
    count = main.get_by_text(say("compare.keys.key", lang) if lang == "zh" else "key differences").first
    assert count.is_visible()
    assert not page.get_by_role("button", name=say("compare.download_pdf", lang)).count()
    shot(page, f"compare-{lang}.png")


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_pdf_downloads_after_the_prepare_button(app_url, page, tmp_path, lang):  # noqa: F811
    from pypdf import PdfReader

    open_in(page, app_url, "nav.compare", lang, "compare.keys.key")
    page.get_by_role("button", name=say("compare.keys.prepare_pdf", lang)).click()
    button = page.get_by_role("button", name=say("compare.download_pdf", lang))
    try:
        button.wait_for(timeout=RENDER_MS)
    except Exception:
        shot(page, f"compare-pdf-failed-{lang}.png")
        raise
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(f"-{lang}.pdf")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    reader = PdfReader(saved)
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert len(reader.pages) >= 2
    assert ("Key differences" if lang == "en" else "主要差异") in text
    assert "China–EU" in text or "中欧" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_draws_its_charts(app_url, page, lang):  # noqa: F811
    open_in(page, app_url, None, lang, "overview.charts.heading")
    page.get_by_role("heading", name=say("overview.charts.origins", lang)).wait_for()
    assert drawn_charts(page, 3) == 3  # lists by status, countries, Chinese provinces
    shot(page, f"overview-{lang}.png")


@pytest.mark.parametrize("lang", LANGS)
def test_the_deadlines_page_draws_the_timeline(app_url, page, lang):  # noqa: F811
    open_in(page, app_url, "nav.deadlines", lang, "deadlines.title")
    assert drawn_charts(page, 1) == 1
    shot(page, f"deadlines-{lang}.png")


def test_switching_language_on_compare_keeps_the_agreements_chosen(app_url, page):  # noqa: F811
    """The browser holds a multiselect's choice as the words it showed: after a switch, the next click sent
    the old words back, which matched nothing, and Compare emptied its agreements (ui.language.relabel)."""
    open_in(page, app_url, "nav.compare", "en", "compare.title")
    chosen = page.locator("[data-testid='stMultiSelect']").first
    assert "China–France" in chosen.inner_text()
    for lang, other in (("zh", "中文"), ("en", "English")):
        page.locator("[data-testid='stSidebar']").get_by_text(other, exact=True).click()
        page.get_by_role("heading", name=say("compare.title", lang)).wait_for()
        settle(page)
        page.locator("[data-testid='stMain'] [data-testid='stCheckbox']").first.click()  # any click
        settle(page)
        page.locator("[data-testid='stMain'] [data-testid='stCheckbox']").first.click()
        settle(page)
        names = chosen.inner_text()
        expected = (
            ("中欧", "中法", "中泰") if lang == "zh" else ("China–EU", "China–France", "China–Thailand")
        )
        assert all(name in names for name in expected), names
        assert page.get_by_text(say("compare.choose_two", lang)).count() == 0
