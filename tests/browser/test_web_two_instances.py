"""Two app instances, one PostgreSQL register, as an office runs GIScope behind a reverse proxy: what a
person changes in instance A (a profile field through its form, a batch through the import page) the
other instance B shows after a reload, although B had already shown (and cached) what was there before.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.browser.script_state import rerun, settle, watch_runs
from tests.browser.test_browser import ROOT, browser, choose, free_port, served  # noqa: F401
from tests.conftest import POSTGRES_URL, REQUIRE_POSTGRES, PostgresDatabase, postgres_reachable

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NEW_TEA = "cn-bangongshi-ceshi-cha"
BATCH = "name,transcription,product_class,origin\n办公室测试茶,Bangongshi Ceshi Cha,Tea,CN\n"


def streamlit_command(port: int) -> list[str]:
    venv_python = ROOT / ".venv" / "bin" / "python"
    python = str(venv_python if venv_python.exists() else sys.executable)
    return [python, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType",
            "none", "--browser.gatherUsageStats", "false"]  # fmt: skip


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory: pytest.TempPathFactory, _loaded_templates) -> Iterator[tuple[str, str]]:
    """Two Streamlit servers on different ports against one fresh PostgreSQL register (a copy of one
    `giscope init` loaded): their addresses."""
    if not postgres_reachable():
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required (CI) but not reachable at {POSTGRES_URL}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    template = _loaded_templates.postgres_template()
    register = PostgresDatabase()
    register.create(template)
    workdir = tmp_path_factory.mktemp("two-instances")
    try:
        with ExitStack() as servers:
            bases = []
            for name in ("a", "b"):
                port = free_port()
                bases.append(
                    servers.enter_context(
                        contextmanager(served)(
                            streamlit_command(port),
                            port,
                            register.url,
                            cwd=ROOT,
                            log_path=workdir / f"streamlit-{name}.log",
                        )
                    )
                )
            yield bases[0], bases[1]
    finally:
        register.drop()


@pytest.fixture
def tabs(browser) -> Iterator[tuple]:  # noqa: F811
    """One browser tab on each instance (separate contexts: two people)."""
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
    for context in contexts:
        context.set_default_timeout(30_000)
    pages = contexts[0].new_page(), contexts[1].new_page()
    for tab in pages:
        watch_runs(tab)
    yield pages
    for context in contexts:
        context.close()


def field_text(page):
    """The text shown for the profile's first field (Laws), in its bordered box."""
    return page.locator("[data-testid='stVerticalBlockBorderWrapper']").filter(has_text="Laws").first


def test_a_profile_field_saved_in_one_instance_shows_in_the_other_after_a_reload(two_instances, tabs) -> None:
    a_url, b_url = two_instances
    a, b = tabs
    text = "Office test: the Trademark Law, edited in instance A"
    b.goto(f"{b_url}/profiles")
    b.get_by_role("heading", name="Foreign GI law").wait_for()
    settle(b)
    assert text not in b.locator("[data-testid='stMain']").inner_text()

    a.goto(f"{a_url}/profiles")
    a.get_by_role("heading", name="Foreign GI law").wait_for()
    settle(a)  # the first run is over: the form is filled and saved on the page as it stays
    a.get_by_text("Edit a field").click()
    a.get_by_label("New value (English)").fill(text)
    a.get_by_label("Source (required)").fill("https://www.cnipa.gov.cn/ (office test)")
    a.get_by_label("Reason (required)").fill("two instances test")
    with rerun(a):
        a.get_by_role("button", name="Save").click()
    a.get_by_text(re.compile(r"changed$")).first.wait_for()

    b.reload()
    b.get_by_role("heading", name="Foreign GI law").wait_for()
    settle(b)  # the whole page drawn from the register as it is now
    b.get_by_text(text).first.wait_for()


def screen_in_eu(page, base: str, label: str) -> str:
    """Screen one label against the EU in the instance at `base`; the results shown."""
    page.goto(f"{base}/screen")
    page.get_by_role("heading", name="Screen labels").wait_for()
    choose(page, "Screen against", "EU")
    page.get_by_label("Labels, one label per line").fill(label)
    page.get_by_role("button", name="Screen", exact=True).click()
    page.get_by_text(re.compile(r"1 label checked")).wait_for()
    settle(page)
    return page.locator("[data-testid='stMain']").text_content() or ""  # collapsed results too


def test_a_batch_imported_in_one_instance_is_searched_and_screened_in_the_other(
    two_instances, tabs, tmp_path: Path
) -> None:
    a_url, b_url = two_instances
    a, b = tabs
    assert NEW_TEA not in screen_in_eu(b, b_url, "办公室测试茶")  # B builds its name index without it

    batch = tmp_path / "office_batch.csv"
    batch.write_text(BATCH, encoding="utf-8")
    a.goto(f"{a_url}/lists")
    a.get_by_role("heading", name="Import and export").wait_for()
    a.get_by_role("tab", name="Import a batch").click()
    a.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(batch)
    a.get_by_text("office_batch.csv").first.wait_for()
    choose(a, "Annex", "V: Chinese names to be processed in the EU within four years of entry into force")
    a.get_by_text("Keep entries the file leaves out").click()
    a.get_by_role("button", name="1. Check").click()
    a.locator("[data-testid='stMetric']").filter(has_text="Added").wait_for()
    a.get_by_role("button", name="2. Apply").click()
    a.get_by_text(re.compile(r"Batch \d+ applied to china-eu/V: 1 added")).wait_for()

    assert NEW_TEA in screen_in_eu(b, b_url, "办公室测试茶")  # B's index follows A's batch
    b.goto(f"{b_url}/search")
    box = b.get_by_label("Name in any script")
    box.fill("Bangongshi Ceshi Cha")
    box.press("Enter")
    b.get_by_text(re.compile(r"1 GI found")).wait_for()
