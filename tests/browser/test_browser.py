"""The real app in Debian's chromium: a Streamlit server on a free port, driven through Playwright.

Covers what AppTest cannot see: the browser rendering and page switching over the websocket.
Set GISCOPE_SCREENSHOT=1 to save docs/screenshot-overview.png along the way.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from gi_lists.services import initialise
from storage.engine import make_engine

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_TIMEOUT = 60.0
TIMEOUT_MS = 30_000
SCREENSHOT = ROOT / "docs" / "screenshot-overview.png"
EU_TITLE = "Agreement between the European Union and the Government of the People's Republic of China"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{workdir / 'giscope.sqlite3'}"
    engine = make_engine(url)
    initialise(engine, who="test")
    engine.dispose()
    port = free_port()
    venv_python = ROOT / ".venv" / "bin" / "python"
    python = str(venv_python if venv_python.exists() else sys.executable)
    command = [
        python,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    log = open(workdir / "streamlit.log", "wb")  # noqa: SIM115 (closed at teardown)
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "GISCOPE_DATABASE_URL": url},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not healthy(f"{base}/_stcore/health"):
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = (workdir / "streamlit.log").read_text(errors="replace")[-3000:]
                pytest.fail(f"streamlit did not become healthy on port {port}:\n{output}")
            time.sleep(0.25)
        yield base
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` to install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


def save_full_page(page, path: Path) -> None:
    """Streamlit scrolls inside its main container, so grow the viewport to the content first."""
    height = page.evaluate(
        "() => Math.max(...['[data-testid=\"stMain\"]', '[data-testid=\"stAppViewContainer\"]', 'body']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1400, "height": int(height) + 40})
    page.wait_for_timeout(500)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def test_first_page_shows_the_china_eu_agreement_with_96_names_in_annex_iv(app_url, page):
    page.goto(app_url)
    page.get_by_role("heading", name="GIScope").wait_for()
    page.get_by_role("heading", name=re.compile(re.escape(EU_TITLE))).wait_for()
    annex_iv = page.locator("tr").filter(has=page.locator("th, td").filter(has_text=re.compile(r"^IV$")))
    annex_iv.first.wait_for()
    cells = [c.strip() for c in annex_iv.first.locator("th, td").all_inner_texts()]
    assert cells[0] == "IV" and cells[2] == "96", cells
    page.get_by_role("heading", name=re.compile("CNIPA-DIP Memorandum")).wait_for()
    if os.environ.get("GISCOPE_SCREENSHOT") == "1":
        save_full_page(page, SCREENSHOT)


def test_searching_champagne_and_opening_it_shows_its_chinese_name(app_url, page):
    page.goto(f"{app_url}/search")
    box = page.get_by_label("Name in any script")
    box.fill("Champagne")
    box.press("Enter")
    page.get_by_role("button", name="Open GI record").click()
    page.get_by_role("heading", name="GI record").wait_for()
    page.get_by_role("heading", name=re.compile("香槟")).wait_for()
    assert page.url.rstrip("/").endswith("/gi")
    assert page.get_by_text("fr-champagne").first.is_visible()
