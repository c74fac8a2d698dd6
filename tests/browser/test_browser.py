"""The real app in Debian's chromium: a Streamlit server on a free port, driven through Playwright.

Covers what AppTest cannot see: the browser rendering and page switching over the websocket.
Set GISCOPE_SCREENSHOT=1 to save docs/screenshot-overview.png, docs/screenshot-screen.png (and the other
docs/screenshot-*.png) along the way.
"""

from __future__ import annotations

import json
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
from playwright.sync_api import expect

from bootstrap import initialise
from storage.db import Database

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
REGISTERS: dict[str, Path] = {}  # the SQLite file behind each served app, by its address
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
    engine = Database(url)
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
    REGISTERS[f"http://127.0.0.1:{port}"] = workdir / "giscope.sqlite3"
    yield from served(command, port, url, cwd=ROOT, log_path=workdir / "streamlit.log")


def served(command: list[str], port: int, url: str, *, cwd: Path, log_path: Path) -> Iterator[str]:
    """Run a UI server (`command`) on the register `url` until it answers its health check on `port`;
    yield its address, then stop it (its whole process group). Its output goes to `log_path`, whose tail
    the failure names when it does not come up."""
    log = open(log_path, "wb")  # noqa: SIM115 (closed at teardown)
    server = subprocess.Popen(
        command,
        cwd=cwd,
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
                output = log_path.read_text(errors="replace")[-3000:]
                pytest.fail(f"{Path(command[0]).name} did not become healthy on port {port}:\n{output}")
            time.sleep(0.1)
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
    # expect(...) assertions keep their own 5 s default, too short for a page rerun on a busy 2-core machine
    expect.set_options(timeout=TIMEOUT_MS)
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


def test_first_page_shows_the_china_eu_agreement_with_96_names_in_force_in_annex_iv(app_url, page):
    page.goto(app_url)
    page.get_by_role("heading", name="GIScope").wait_for()
    page.get_by_role("heading", name=re.compile(re.escape(EU_TITLE))).wait_for()
    annex_iv = page.locator("tr").filter(has=page.locator("th, td").filter(has_text=re.compile(r"^IV$")))
    annex_iv.first.wait_for()
    cells = [c.strip() for c in annex_iv.first.locator("th, td").all_inner_texts()]
    header = [
        c.strip()
        for c in page.locator("tr").filter(has_text="GIs on the list").first.locator("th").all_inner_texts()
    ]
    row = dict(zip(header, cells, strict=False)) if len(header) == len(cells) else {}
    assert cells[0] == "IV" and cells[2] == "100", cells  # 96 in force and the 4 UK names, withdrawn
    assert row.get("protected") == "96" and row.get("withdrawn") == "4", (header, cells)
    page.get_by_role("heading", name=re.compile("CNIPA-DIP Memorandum")).wait_for()
    if os.environ.get("GISCOPE_SCREENSHOT") == "1":
        save_full_page(page, SCREENSHOT)


def test_searching_champagne_and_opening_it_shows_its_chinese_name(app_url, page):
    page.goto(f"{app_url}/search")
    box = page.get_by_label("Name in any script")
    box.fill("Champagne")
    box.press("Enter")
    page.get_by_text("4 GIs found, best first.", exact=True).wait_for()
    grid = page.locator("[data-testid='stDataFrame']")
    first = grid.locator("[role='gridcell'][aria-colindex='1']").first
    # the caption can show before the grid has drawn the new rows: wait for the grid itself
    expect(first).to_have_text("fr-champagne", timeout=15_000)
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 17, box["y"] + 35 + 17)  # the first row's selection box
    page.get_by_role("heading", name="GI record").wait_for()
    page.get_by_role("heading", name=re.compile("香槟")).wait_for()
    assert page.url.rstrip("/").endswith("/gi?id=fr-champagne")  # the record's address names the GI
    assert page.get_by_text("fr-champagne").first.is_visible()


SCREEN_SCREENSHOT = ROOT / "docs" / "screenshot-screen.png"


def choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its label."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_screening_two_labels_in_cn_finds_champagne_and_downloads_the_json(app_url, page, tmp_path):
    page.goto(f"{app_url}/screen")
    page.get_by_role("heading", name="Screen labels").wait_for()
    choose(page, "Screen against", "CN")
    page.get_by_label("Labels, one label per line").fill("Champagne-style sparkling wine\n香宾酒")
    page.get_by_role("button", name="Screen", exact=True).click()
    page.get_by_text("2 labels checked").wait_for()
    table = page.locator("[data-testid='stExpander'] table").first
    table.get_by_text("fr-champagne").wait_for()
    assert "high" in table.inner_text()
    if os.environ.get("GISCOPE_SCREENSHOT") == "1":
        save_full_page(page, SCREEN_SCREENSHOT)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download JSON").click()
    download = download_info.value
    assert download.suggested_filename == "giscope-check.json"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    results = json.loads(saved.read_text(encoding="utf-8"))
    assert [r["label"] for r in results] == ["Champagne-style sparkling wine", "香宾酒"]
    assert all(r["matches"] and r["jurisdiction"] == "CN" for r in results)
    assert results[1]["matches"][0]["gi_id"] == "fr-champagne"
    assert results[1]["matches"][0]["severity"] == "high"


def test_scanning_an_uploaded_csv_finds_a_protected_name_and_a_generic_term(app_url, page, tmp_path):
    proposed = tmp_path / "proposed.csv"
    proposed.write_text(
        "name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n", encoding="utf-8"
    )
    page.goto(f"{app_url}/scan")
    page.get_by_role("heading", name="Scan a proposed list").wait_for()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(proposed)
    page.get_by_text("proposed.csv").first.wait_for()
    choose(page, "Proposed for protection in", "CN")
    page.get_by_role("button", name="Scan", exact=True).click()
    page.get_by_text("1 with possible objection grounds").wait_for()
    table = page.locator("[data-testid='stTable'] table")
    table.get_by_text("generic-term").wait_for()
    columns = [c.strip() for c in table.locator("thead th").all_inner_texts()]
    found = {}
    for row in table.locator("tbody tr").all():
        cells = dict(zip(columns, (c.strip() for c in row.locator("td, th").all_inner_texts()), strict=False))
        found[cells["Name"]] = cells
    assert found["Champagne"]["Finding"] == "already-protected", found
    assert found["Cheddar"]["Finding"] == "generic-term", found
    assert "medium" in found["Cheddar"]["Severity"]


# --- Agreements and law, briefings ----------------------------------------------------------

COMPARE_SCREENSHOT = ROOT / "docs" / "screenshot-compare.png"


def pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), "\n".join(p.extract_text() or "" for p in reader.pages)


def test_compare_page_shows_the_table_of_dimensions_with_differences_highlighted(app_url, page):
    page.goto(f"{app_url}/compare")
    page.get_by_role("heading", name="Compare agreements").wait_for()
    table = page.locator("[data-testid='stTable'] table").first
    table.get_by_text("Legal form and binding force").wait_for()
    columns = [c.strip() for c in table.locator("thead th").all_inner_texts()]
    assert columns[-3:] == ["China–EU", "China–France", "China–Thailand"], columns
    # the table of every dimension is drawn after the key differences: wait for its rows
    page.wait_for_function(
        "() => document.querySelectorAll(\"[data-testid='stTable'] tbody tr\").length >= 15"
    )
    assert "≠ China–EU vs" in table.inner_text()
    if os.environ.get("GISCOPE_SCREENSHOT") == "1":
        save_full_page(page, COMPARE_SCREENSHOT)


def test_downloading_the_dispute_brief_for_champagne_in_cn_names_it_in_chinese(app_url, page, tmp_path):
    page.goto(f"{app_url}/briefs")
    page.get_by_role("heading", name="Briefings").wait_for()
    page.get_by_label("GI id or name").fill("香槟")
    choose(page, "Jurisdiction", "CN")
    page.get_by_role("button", name="Prepare dispute brief").click()
    button = page.get_by_role("button", name="Download dispute brief (PDF)")
    button.wait_for()
    with page.expect_download() as download_info:
        button.click()
    saved = tmp_path / "dispute.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    _, text = pdf_text(saved)
    assert "香槟" in text


def test_importing_an_uploaded_csv_then_the_json_export_holds_the_new_gi(app_url, page, tmp_path):
    batch = tmp_path / "annex_v_batch.csv"
    batch.write_text(
        "name,transcription,product_class,origin\n浏览器测试茶,Liulanqi Ceshi Cha,Tea,CN\n", encoding="utf-8"
    )
    page.goto(f"{app_url}/lists")
    page.get_by_role("heading", name="Import and export").wait_for()
    page.get_by_role("tab", name="Export").click()
    before = int(page.get_by_text(re.compile(r"^\d+ GIs$")).inner_text().split()[0])
    page.get_by_role("tab", name="Import a batch").click()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(batch)
    page.get_by_text("annex_v_batch.csv").first.wait_for()
    choose(page, "Annex", "V: Chinese names to be processed in the EU within four years of entry into force")
    page.get_by_text("Keep entries the file leaves out").click()
    page.get_by_role("button", name="1. Check").click()
    added = page.locator("[data-testid='stMetric']").filter(has_text="Added")
    added.wait_for()
    assert added.inner_text().split() == ["Added", "1"], added.inner_text()
    grid = page.locator("[data-testid='stDataFrame']").first  # a canvas grid: its cells are hidden
    grid.get_by_text("cn-liulanqi-ceshi-cha").first.wait_for(state="attached")
    page.get_by_role("button", name="2. Apply").click()
    page.get_by_text(re.compile(r"Batch \d+ applied to china-eu/V: 1 added")).wait_for()
    page.get_by_role("tab", name="Export").click()
    # the count is written after the buttons: once it shows the new GI, so do the files
    page.get_by_text(f"{before + 1} GIs", exact=True).wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download JSON").click()
    download = download_info.value
    assert download.suggested_filename == "giscope.json"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    gis = {gi["id"]: gi for gi in json.loads(saved.read_text(encoding="utf-8"))}
    new = gis["cn-liulanqi-ceshi-cha"]
    assert [(p["agreement"], p["annex"], p["status"]) for p in new["protections"]] == [
        ("china-eu", "V", "pending")
    ]
    assert "fr-champagne" in gis


# --- Trademark watch --------------------------------------------------------------------------

WATCH_SCREENSHOT = ROOT / "docs" / "screenshot-watch.png"


def test_watch_uploading_the_example_gazette_shows_a_champagne_finding(app_url, page):
    page.goto(f"{app_url}/watch")
    page.get_by_role("heading", name="Trademark watch").wait_for()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        ROOT / "tests" / "data" / "gazette_example.csv"
    )
    page.get_by_text("gazette_example.csv").first.wait_for()
    choose(page, "Published in", "CN")
    for part, value in (("year", "2026"), ("month", "11"), ("day", "30")):
        page.get_by_role("spinbutton", name=f"{part}, Publication date").click()
        page.keyboard.type(value)
    page.get_by_role("button", name="Scan gazette").click()
    page.get_by_text("6 marks screened").wait_for()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    # the grid is a canvas: its cells are read through the accessible table glide-data-grid keeps
    page.locator("[data-testid='stDataFrame'] table").get_by_text("CHAMPAGNE LIFE").wait_for(state="attached")
    if os.environ.get("GISCOPE_SCREENSHOT") == "1":
        save_full_page(page, WATCH_SCREENSHOT)
    page.get_by_text("中文").click()
    page.get_by_role("heading", name="商标监测").wait_for()
    page.locator("[data-testid='stDataFrame'] table").get_by_text("剩余天数").wait_for(state="attached")


def test_watch_the_opposition_brief_of_a_finding_downloads_as_a_pdf(app_url, page, tmp_path):
    page.goto(f"{app_url}/watch")
    page.get_by_role("heading", name="Trademark watch").wait_for()
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        ROOT / "tests" / "data" / "gazette_example.csv"
    )
    page.get_by_text("gazette_example.csv").first.wait_for()
    choose(page, "Published in", "CN")
    for part, value in (("year", "2026"), ("month", "11"), ("day", "30")):
        page.get_by_role("spinbutton", name=f"{part}, Publication date").click()
        page.keyboard.type(value)
    page.get_by_role("button", name="Scan gazette").click()
    page.get_by_text("6 marks screened").wait_for()  # a re-scan stores nothing twice
    page.get_by_role("button", name="Prepare opposition brief (PDF)").click()
    button = page.get_by_role("button", name=re.compile(r"Download opposition brief \d+"))
    button.wait_for()
    with page.expect_download() as download_info:
        button.click()
    saved = tmp_path / "opposition.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    _, text = pdf_text(saved)
    assert "Art. 33" in text and "TRIPS" in text  # the national opposition article and the baseline
