"""The GI record in the browser: opened by a fuzzy name, its address carries ?id= and a reload shows the
same GI, the tab is titled with the GI's name, and "Screen this name" lands on Screen labels with the
names filled in; in English and in Chinese. Screenshots go to /tmp/record/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from phrases import say
from tests.browser.script_state import settle as script_settle
from tests.browser.test_browser import REGISTERS, app_url, browser, page, save_full_page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path("/tmp/record")
TIEGUANYIN = "cn-anxi-tie-guan-yin"


def settle(page) -> None:  # noqa: F811
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    script_settle(page)
    page.wait_for_timeout(300)


def in_language(page, base: str, lang: str) -> None:  # noqa: F811
    page.goto(base)
    page.locator("[data-testid='stSidebarNav']").wait_for()
    if lang == "zh":
        page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text=say("nav.search", "zh")).wait_for()


def open_record(page, lang: str) -> None:  # noqa: F811
    page.locator("[data-testid='stSidebarNav'] a").filter(
        has_text=re.compile(f"^{re.escape(say('nav.gi', lang))}$")
    ).first.click()
    settle(page)


def record_heading(page):  # noqa: F811
    return page.locator("[data-testid='stMain'] h2").filter(has_text="安溪铁观音")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_fuzzy_name_opens_the_record_whose_address_survives_a_reload(app_url, page, lang):  # noqa: F811
    in_language(page, app_url, lang)
    open_record(page, lang)
    box = page.get_by_label(say("gi.ref", lang))
    box.fill("Tie Guan Yin")
    box.press("Enter")
    record_heading(page).wait_for()
    page.get_by_text(
        re.compile(re.escape(say("gi.record.closest", lang).split("'")[0].split("“")[0]))
    ).wait_for()
    page.wait_for_url(re.compile(rf"/gi\?id={TIEGUANYIN}$"))
    page.wait_for_function("() => document.title === '安溪铁观音'")
    # the protections' sources are links
    links = page.locator("[data-testid='stTable'] a[href^='http']")
    links.first.wait_for()
    save_full_page(page, SHOTS / f"record-fuzzy-{lang}.png")

    page.reload()  # a new session: only the address says which GI
    record_heading(page).wait_for()
    settle(page)
    assert page.get_by_text(f"{TIEGUANYIN}", exact=True).first.is_visible()
    page.wait_for_function("() => document.title === '安溪铁观音'")
    assert page.url.endswith(f"/gi?id={TIEGUANYIN}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screen_this_name_lands_on_screen_labels_with_the_names_filled_in(app_url, page, lang):  # noqa: F811
    page.goto(f"{app_url}/gi?id={TIEGUANYIN}")  # a shared link
    record_heading(page).wait_for()
    if lang == "zh":
        page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
        page.get_by_role("button", name=say("gi.record.screen", "zh")).wait_for()
        settle(page)
    page.get_by_role("button", name=say("gi.record.screen", lang)).click()
    try:
        page.get_by_role("heading", name=say("screen.title", lang)).wait_for()
    except Exception:
        save_full_page(page, SHOTS / f"debug-{lang}.png")
        raise
    labels = page.get_by_label(say("screen.labels", lang))
    labels.wait_for()
    expect(labels).to_have_value("安溪铁观音\nAnxi Tie Guan Yin", timeout=30_000)  # filled a moment later
    save_full_page(page, SHOTS / f"record-screen-{lang}.png")


def test_the_dispute_brief_of_champagne_downloads_under_the_gi_id(app_url, page, tmp_path):  # noqa: F811
    page.goto(f"{app_url}/gi?id=fr-champagne")
    page.locator("[data-testid='stMain'] h2").filter(has_text="香槟").wait_for()
    protections = page.locator("[data-testid='stTable']").nth(1)
    protections.get_by_text("collective/certification mark").wait_for()
    width, shown = protections.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert width <= shown, (width, shown)  # every note and source wraps inside the page, none is cut
    page.get_by_role("button", name=say("gi.record.brief", "en")).click()
    page.get_by_role("heading", name=say("briefs.title", "en")).wait_for()
    # the heading can show a moment before the field is filled in (a busy machine): wait for the value
    expect(page.get_by_label(say("briefs.gi", "en"))).to_have_value("fr-champagne", timeout=30_000)
    page.locator("[data-testid='stForm']").first.get_by_text("中文", exact=True).click()
    page.get_by_role("button", name=say("briefs.prepare_dispute", "en")).click()
    button = page.get_by_role("button", name=say("briefs.download_dispute", "en"))
    button.wait_for(timeout=120_000)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "giscope-dispute-fr-champagne-CN-zh.pdf"
