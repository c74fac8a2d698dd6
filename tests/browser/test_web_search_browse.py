"""The Search page as a list in Debian's chromium: choose a facet, click a row of the table, land on the
record page with `?id=<that id>` in the address; in English and in Chinese. Screenshots go to /tmp/browse/
(GISCOPE_SCREENSHOTS names another folder)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from phrases import say
from tests.browser.script_state import settle
from tests.browser.test_browser import REGISTERS, app_url, browser, page  # noqa: F401 (fixtures)
from tests.browser.test_language import check, name_words  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path(os.environ.get("GISCOPE_SCREENSHOTS", "/tmp/browse"))
HEADER_HEIGHT = ROW_HEIGHT = 35  # st.dataframe's header and rows, in CSS pixels
TRADEMARKED = {"fr-bordeaux", "fr-champagne", "fr-cognac", "fr-graves", "fr-saint-estephe", "fr-saint-julien"}


def shot(page, name: str) -> None:  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_search(page, app_url: str, lang: str) -> None:  # noqa: F811
    page.goto(f"{app_url}/search")
    page.locator("[data-testid='stDataFrame']").wait_for()  # drawn in English first, then switched
    if lang == "zh":
        page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
        page.get_by_role("heading", name=say("nav.search", "zh")).first.wait_for()
        header = page.locator("[data-testid='stDataFrame'] [role='columnheader']")
        header.filter(has_text=say("search.col_id", "zh")).first.wait_for(state="attached")  # drawn anew
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")
    page.locator("[data-testid='stDataFrame']").wait_for()


def choose(page, label: str, option: str) -> None:  # noqa: F811
    """Pick an option of a select box by typing it (a long list draws only the options in view)."""
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()


def table_ids(page) -> list[str]:  # noqa: F811
    """The ids in the table's first column, as the grid's accessible cells hold them (rows in view)."""
    cells = page.locator("[data-testid='stDataFrame'] [role='gridcell'][aria-colindex='1']")
    return [c.strip() for c in cells.all_inner_texts()]


def settled_ids(page, expected: set[str], timeout_ms: int = 20_000) -> set[str]:  # noqa: F811
    """The table's ids once the script's run is over and the grid shows `expected`, or what it shows after
    `timeout_ms` (the grid redraws after the caption above it: reading it at once can see the last run's
    rows)."""
    settle(page)
    waited = 0
    ids = set(table_ids(page))
    while ids != expected and waited < timeout_ms:
        page.wait_for_timeout(200)
        waited += 200
        ids = set(table_ids(page))
    return ids


def click_row(page, gi_id: str) -> None:  # noqa: F811
    """Tick the selection box of the row holding `gi_id` (the grid draws on a canvas: click where it is)."""
    cell = page.locator("[data-testid='stDataFrame'] [role='gridcell'][aria-colindex='1']").filter(
        has_text=re.compile(f"^{re.escape(gi_id)}$")
    )
    row = int((cell.first.get_attribute("id") or "").rsplit("-", 1)[1])  # glide-cell-COLUMN-ROW
    box = page.locator("[data-testid='stDataFrame']").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 17, box["y"] + HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT / 2)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_faceted_list_opens_a_record_by_clicking_a_row_with_its_id_in_the_url(app_url, page, lang):  # noqa: F811
    open_search(page, app_url, lang)
    shown = say("search.browse.showing", lang, first="1", last="200", total="TOTAL").split("TOTAL")[0]
    page.get_by_text(re.compile("^" + re.escape(shown))).first.wait_for()  # every GI, without a query
    shot(page, f"search-all-{lang}")
    choose(page, say("search.browse.route", lang), say("search.browse.route_trademark", lang))
    page.get_by_text(say("search.browse.showing_all", lang, total=len(TRADEMARKED)), exact=True).wait_for()
    assert settled_ids(page, TRADEMARKED) == TRADEMARKED
    shot(page, f"search-trademark-{lang}")
    click_row(page, "fr-cognac")
    page.wait_for_url(re.compile(r"/gi\?id=fr-cognac$"))
    page.get_by_role("heading", name=say("nav.gi", lang)).first.wait_for()
    assert page.url.endswith("/gi?id=fr-cognac")
    page.get_by_text("fr-cognac", exact=True).first.wait_for()
    shot(page, f"record-from-search-{lang}")
    # a reload of that address shows the same GI: the link can be shared
    page.reload()
    page.get_by_text("fr-cognac", exact=True).first.wait_for()


def test_a_query_and_a_class_narrow_the_list_and_a_row_opens_that_gi(app_url, page):  # noqa: F811
    open_search(page, app_url, "en")
    choose(page, "Product class", "Tea")
    box = page.get_by_label("Name in any script")
    box.fill("tieguanyin")
    box.press("Enter")
    page.get_by_text("1 GI found, best first.", exact=True).wait_for()
    assert settled_ids(page, {"cn-anxi-tie-guan-yin"}) == {"cn-anxi-tie-guan-yin"}
    shot(page, "search-query-class-en")
    click_row(page, "cn-anxi-tie-guan-yin")
    page.wait_for_url(re.compile(r"/gi\?id=cn-anxi-tie-guan-yin$"))
    page.get_by_role("heading", name=re.compile("安溪铁观音")).first.wait_for()


def test_the_list_and_its_facets_read_in_chinese(app_url, page, name_words):  # noqa: F811
    """As test_language checks every page: no English word in the Search page's interface or its table
    cells, for the whole list, a facet and a query (names as the register holds them may show)."""
    open_search(page, app_url, "zh")
    problems: dict = {}
    check(page, "search (all)", name_words, problems)
    # the choices shown in the select boxes, drawn in English before the switch, read Chinese now
    chosen = page.locator("[data-testid='stSelectbox'] input[role='combobox']").evaluate_all(
        "boxes => boxes.map(b => b.value)"
    )
    assert chosen == [say("search.any", "zh")] * 9, chosen
    choose(page, say("search.browse.route", "zh"), say("search.browse.route_national-register", "zh"))
    page.get_by_text(re.compile("^显示第1–200个")).first.wait_for()
    check(page, "search (national register)", name_words, problems)
    assert page.get_by_role("combobox", name=say("search.status", "zh")).input_value() == say(
        "search.any", "zh"
    )
    box = page.get_by_label(say("search.query", "zh"))
    box.fill("香槟")
    box.press("Enter")
    page.get_by_text(re.compile("找到")).first.wait_for()
    check(page, "search (香槟)", name_words, problems)
    shot(page, "search-query-zh")
    assert not problems, f"English in the Chinese interface: {problems}"
