"""Signing in in the browser: the session cookie keeps the sign-in across a reload, and signing out ends
it (in the register and in the browser). A served app of its own: its register has accounts."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from accounts.services import add_account
from bootstrap import initialise
from storage.db import Database
from tests.browser.test_browser import ROOT, browser, free_port, page, served  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def accounts_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Database]]:
    workdir = tmp_path_factory.mktemp("browser_sign_in")
    url = f"sqlite:///{workdir / 'giscope.sqlite3'}"
    db = Database(url)
    initialise(db, who="test")
    add_account(db, "ada", None, PASSWORD, who="setup")
    add_account(db, "ed", "editor", PASSWORD, who="ada")
    port = free_port()
    venv_python = ROOT / ".venv" / "bin" / "python"
    python = str(venv_python if venv_python.exists() else sys.executable)
    command = [
        python, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    for base in served(command, port, url, cwd=ROOT, log_path=workdir / "streamlit.log"):
        yield base, db


def sidebar(tab):  # noqa: ANN001, ANN201
    return tab.locator("[data-testid='stSidebar']")


def test_a_reload_keeps_the_sign_in_and_signing_out_ends_it(accounts_app, page) -> None:  # noqa: F811
    base, db = accounts_app
    page.goto(base)
    side = sidebar(page)
    side.get_by_label("Account").fill("ed")
    side.get_by_role("textbox", name="Password").fill(PASSWORD)
    side.get_by_role("button", name="Sign in").click()
    side.get_by_text("Signed in as ed (editor)").wait_for()
    page.wait_for_function("() => document.cookie.includes('giscope_session=')")
    cookie = next(c for c in page.context.cookies() if c["name"] == "giscope_session")
    assert cookie["sameSite"] == "Strict" and PASSWORD not in cookie["value"]

    page.reload()
    sidebar(page).get_by_text("Signed in as ed (editor)").wait_for()

    sidebar(page).get_by_role("button", name="Sign out").click()
    sidebar(page).get_by_role("button", name="Sign in").wait_for()
    page.wait_for_function("() => !document.cookie.includes('giscope_session=')")
    with db.read() as conn:
        assert conn.scalar("SELECT COUNT(*) FROM sessions") == 0
    page.reload()
    sidebar(page).get_by_role("button", name="Sign in").wait_for()
