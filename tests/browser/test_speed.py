"""First-render times of every page on a fresh server, the browser tab titles, the hidden Deploy button
and the pages at a phone's width (390 px), in the real app in Debian's chromium.

The server is started as staff start it, `giscope serve` (which warms the caches up as it starts), from
another directory than the project's, on a register of the bundled lists.

The times are measured, not asserted (a shared 2-core machine makes any bound flaky). They are printed
(`-s`) and, with GISCOPE_PAGE_TIMES=FILE, written to FILE as a markdown table:

    GISCOPE_PAGE_TIMES=docs/page-times.md .venv/bin/python -m pytest -p no:xdist -s \\
        tests/browser/test_speed.py -k times

Set GISCOPE_SCREENSHOT_DIR=DIR to save the 390 px screenshots (English and Chinese) there.
"""

from __future__ import annotations

import os
import platform
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bootstrap import initialise
from phrases import say
from storage.db import Database
from tests.browser.script_state import SCRIPT_DONE
from tests.browser.test_browser import ROOT, browser, free_port, page, served  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# page key (nav.KEY) -> (its address, the phrase of its heading)
PAGES: dict[str, tuple[str, str]] = {
    "overview": ("", "app.title"),
    "search": ("search", "nav.search"),
    "gi": ("gi", "nav.gi"),
    "lists": ("lists", "nav.lists"),
    "translations": ("translations", "nav.translations"),
    "screen": ("screen", "screen.title"),
    "scan": ("scan", "scan.title"),
    "watch": ("watch", "watch.title"),
    "compare": ("compare", "compare.title"),
    "profiles": ("profiles", "profiles.title"),
    "deadlines": ("deadlines", "deadlines.title"),
    "briefs": ("briefs", "briefs.title"),
}
SERVE_LOGS: list[Path] = []  # the log of the module's server (app_url)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh `giscope serve` on a register of the bundled lists, started outside the project."""
    workdir = tmp_path_factory.mktemp("speed")
    url = f"sqlite:///{workdir / 'giscope.sqlite3'}"
    engine = Database(url)
    initialise(engine, who="test")
    engine.dispose()
    port = free_port()
    giscope = ROOT / ".venv" / "bin" / "giscope"
    command = [str(giscope), "serve", "--port", str(port), "--address", "127.0.0.1"]
    SERVE_LOGS.append(workdir / "serve.log")
    yield from served(command, port, url, cwd=workdir, log_path=SERVE_LOGS[-1])


def heading(page, key: str, lang: str = "en"):  # noqa: F811
    return page.get_by_role("heading", name=say(PAGES[key][1], lang), exact=True).first


def timed(page, key: str, action) -> tuple[float, float]:  # noqa: F811
    """Seconds from `action` to the page's heading, and to its script having finished (content ready)."""
    start = time.perf_counter()
    action()
    heading(page, key).wait_for()
    title = time.perf_counter() - start
    page.wait_for_function(SCRIPT_DONE, polling="raf")
    return title, time.perf_counter() - start


def nav_link(page, key: str, lang: str = "en"):  # noqa: F811
    name = re.compile(f"^{re.escape(say(f'nav.{key}', lang))}$")
    return page.locator("[data-testid='stSidebarNav'] a").filter(has_text=name).first


def settle(page) -> None:  # noqa: F811
    page.wait_for_function(SCRIPT_DONE, polling="raf")
    page.wait_for_timeout(300)


def write_times(rows: list[tuple[str, str, float, float]]) -> str:
    lines = [
        f"Measured by `tests/browser/test_speed.py` on {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f} at the end), "
        f"Python {platform.python_version()}, Debian's chromium; the server started by `giscope serve`.",
        "",
        "| page | visit | title shown (s) | content ready (s) |",
        "|---|---|---:|---:|",
        *(f"| {name} | {visit} | {title:.2f} | {ready:.2f} |" for name, visit, title, ready in rows),
    ]
    return "\n".join(lines) + "\n"


def write_into(path: Path, table: str) -> None:
    """The figures into `path`: between its <!-- times --> and <!-- /times --> lines when it has them
    (docs/page-times.md), else as the whole file."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = "<!-- times -->\n", "<!-- /times -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + start + table + end + rest.split(end, 1)[1]
    else:
        text = table
    path.write_text(text, encoding="utf-8")


def test_times_to_first_render_of_every_page_on_a_fresh_server(app_url, page):  # noqa: F811
    """The first test of the module: its server has served nothing yet."""
    rows: list[tuple[str, str, float, float]] = []

    def record(key: str, visit: str, times: tuple[float, float]) -> None:
        rows.append((say(f"nav.{key}", "en"), visit, *times))
        settle(page)

    record("overview", "first load of the app", timed(page, "overview", lambda: page.goto(app_url)))
    record("overview", "browser reload", timed(page, "overview", page.reload))
    for key in PAGES:
        if key != "overview":
            record(key, "first visit", timed(page, key, nav_link(page, key).click))
    record("overview", "page switch", timed(page, "overview", nav_link(page, "overview").click))
    for key in PAGES:
        if key != "overview":
            record(key, "page switch", timed(page, key, nav_link(page, key).click))
    # the first screening of the server's life
    nav_link(page, "screen").click()
    settle(page)
    page.get_by_label(say("screen.labels", "en")).fill("香宾酒")
    start = time.perf_counter()
    page.get_by_role("button", name=say("screen.submit", "en"), exact=True).click()
    page.get_by_text(re.compile("1 label checked")).wait_for()
    shown = time.perf_counter() - start
    page.wait_for_function(SCRIPT_DONE, polling="raf")
    rows.append(("Screen labels", "first screening (1 label)", shown, time.perf_counter() - start))

    table = write_times(rows)
    print("\n" + table)
    if target := os.environ.get("GISCOPE_PAGE_TIMES"):
        write_into(Path(target), table)
    assert len(rows) == 2 * len(PAGES) + 2 and all(ready >= title > 0 for *_, title, ready in rows)


# --- tab titles and the toolbar ---------------------------------------------------------------


def choose_language(page, lang: str) -> None:  # noqa: F811
    page.locator("[data-testid='stSidebar']").get_by_text(
        "中文" if lang == "zh" else "English", exact=True
    ).click()
    nav_link(page, "search", lang).wait_for()
    settle(page)


def test_the_server_opens_its_port_only_once_it_has_warmed_up(app_url):  # noqa: F811
    """`giscope serve` warms up before it listens, so the first page does not compete with the warm-up."""
    log = SERVE_LOGS[-1].read_text(errors="replace")
    assert "Warmed up in" in log, log
    assert "Uvicorn server started" in log, log
    assert log.index("Warmed up in") < log.index("Uvicorn server started"), log


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_is_titled_with_its_page_name_and_no_deploy_button_shows(app_url, page, lang):  # noqa: F811
    page.goto(app_url)
    settle(page)
    choose_language(page, lang)
    titles = {}
    for key in PAGES:
        nav_link(page, key, lang).click()
        heading(page, key, lang).wait_for()
        settle(page)
        titles[key] = page.title()
        assert not page.get_by_role("button", name=re.compile("deploy", re.I)).count(), key
        assert not page.locator("[data-testid='stAppDeployButton']").count(), key
    expected = {key: say("common.speed.tab_title", lang, page=say(f"nav.{key}", lang)) for key in PAGES}
    if titles["gi"] != expected["gi"]:  # the GI record may name itself after the GI it shows
        expected["gi"] = titles["gi"] if titles["gi"].endswith(" · GIScope") else expected["gi"]
    assert titles == expected
    assert page.locator("[data-testid='stToolbar']").count() <= 1  # the viewer's menu only


# --- a phone's width ------------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}
OVERFLOW_JS = """() => {
    const over = e => e ? e.scrollWidth - e.clientWidth : 0;
    return {document: document.documentElement.scrollWidth - window.innerWidth,
            main: over(document.querySelector('[data-testid="stMain"]')),
            block: over(document.querySelector('[data-testid="stMainBlockContainer"]')),
            // a table pushing its last columns out of its own box (scrolled sideways inside it)
            tables: Math.max(0, ...[...document.querySelectorAll('[data-testid="stMain"] table')]
                .map(t => Math.max(t.scrollWidth, t.getBoundingClientRect().width)
                          - t.parentElement.getBoundingClientRect().width)),
            screen: Math.max(0, ...[...document.querySelectorAll('[data-testid="stMain"] table')]
                .map(t => t.getBoundingClientRect().right - window.innerWidth))};
}"""


def open_on_phone(page, app_url: str, key: str, lang: str) -> None:  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto(f"{app_url}/gi?id=fr-champagne" if key == "gi" else f"{app_url}/{PAGES[key][0]}")
    settle(page)
    if lang == "zh":
        page.locator(
            "[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl']"
        ).first.click()
        choose_language(page, "zh")
        page.keyboard.press("Escape")
        page.mouse.click(380, 800)
    heading(page, key, lang).wait_for()
    if key == "search":
        box = page.get_by_label(say("search.query", lang))
        box.fill("Champagne")
        box.press("Enter")
        settle(page)
    if key == "profiles":  # the edit form and its history table open
        page.locator("[data-testid='stExpander'] summary").last.click()
    settle(page)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", ["gi", "search", "profiles", "deadlines"])
def test_at_a_phones_width_nothing_is_pushed_off_the_screen(app_url, browser, key, lang):  # noqa: F811
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        open_on_phone(tab, app_url, key, lang)
        overflow = tab.evaluate(OVERFLOW_JS)
        if folder := os.environ.get("GISCOPE_SCREENSHOT_DIR"):
            Path(folder).mkdir(parents=True, exist_ok=True)
            height = tab.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
            tab.set_viewport_size({"width": PHONE["width"], "height": int(height) + 40})
            tab.wait_for_timeout(500)
            tab.screenshot(path=str(Path(folder) / f"phone-{key}-{lang}.png"), full_page=True)
        assert all(px <= 2 for px in overflow.values()), overflow
    finally:
        context.close()
