"""Signing in to the UI, run headless with AppTest through the router on a register of its own: the
single-user notice, the sidebar's sign-in (wrong and right password, the session cookie written, signing
out), write controls shown to editors only, and GISCOPE_REQUIRE_LOGIN."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from accounts.services import add_account, set_role
from storage.db import Database
from tests.app.conftest import make_register, ok
from translation.services import add_rendering

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = "app_pages/translations.py"
PASSWORD = "correct horse battery"
TIMEOUT = 60


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sign_in") / "template.sqlite3"
    make_register(path)
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """A copy of one initialised register per test (the tests add accounts and sessions)."""
    path = tmp_path / "giscope.sqlite3"
    shutil.copyfile(template, path)
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("GISCOPE_USER", "page-tester")
    return Database(f"sqlite:///{path}")


@pytest.fixture
def team(db: Database) -> Database:
    add_account(db, "ada", None, PASSWORD, who="setup")
    add_account(db, "ed", "editor", PASSWORD, who="ada")
    add_account(db, "vi", "viewer", PASSWORD, who="ada")
    return db


def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    return ok(at.run())


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.sidebar.text_input(key="sign_in_name").input(name)
    at.sidebar.text_input(key="sign_in_password").input(password)
    at.sidebar.button[0].click()  # the form's submit button
    return ok(at.run())


def sidebar_text(at: AppTest) -> str:
    return " ".join(str(e.value) for kind in ("caption", "error", "info") for e in at.sidebar.get(kind))


def scripts(at: AppTest) -> str:
    return " ".join(str(getattr(e, "proto", "")) for e in at.get("html"))


def test_without_accounts_the_sidebar_says_anyone_can_edit(db: Database) -> None:
    at = app()
    assert "No accounts: anyone can edit" in sidebar_text(at)
    assert not at.sidebar.text_input  # no sign-in form
    add_rendering(db, "cn-anji-bai-cha", "en", "Anji White Tea", who="x")
    at.switch_page(TRANSLATIONS)
    at = ok(at.run())
    assert at.button(key="translations_approve")  # the review controls are there


def test_signing_in_writes_the_session_cookie_and_editors_see_the_write_controls(team: Database) -> None:
    add_rendering(team, "cn-anji-bai-cha", "en", "Anji White Tea", who="ed")
    at = app()
    at = sign_in(at, "ed", "not the password")
    assert "wrong account name or password" in sidebar_text(at)
    at = sign_in(at, "ed", PASSWORD)
    assert "Signed in as ed (editor)" in sidebar_text(at)
    assert "giscope_session=" in scripts(at) and "SameSite=Strict" in scripts(at)
    sid = at.session_state["account_sid"]
    assert PASSWORD not in scripts(at) and sid in scripts(at)
    with team.read() as conn:
        assert conn.scalar("SELECT account FROM sessions") == "ed"  # kept hashed: not the id itself
        assert conn.scalar("SELECT COUNT(*) FROM sessions WHERE id_hash = ?", [sid]) == 0
    at.switch_page(TRANSLATIONS)
    at = ok(at.run())
    at.button(key="translations_approve").click()
    at = ok(at.run())
    assert "approved by ed" in at.success[0].value

    add_rendering(team, "fr-champagne", "zh", "香槟", who="ada")
    set_role(team, "ed", "viewer", who="ada")  # by an admin elsewhere: this page follows at once
    at = ok(at.run())
    assert "Signed in as ed (viewer)" in sidebar_text(at)
    assert any("Only an editor can change this" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "translations_approve"]

    at.sidebar.button(key="sign_out").click()
    at = ok(at.run())
    assert "max-age=0" in scripts(at)  # the browser forgets the session
    with team.read() as conn:
        assert conn.scalar("SELECT COUNT(*) FROM sessions") == 0
    assert at.sidebar.text_input(key="sign_in_name")


def test_a_viewer_or_a_visitor_sees_no_write_controls(team: Database) -> None:
    add_rendering(team, "cn-anji-bai-cha", "en", "Anji White Tea", who="ed")
    at = app()
    at.switch_page(TRANSLATIONS)
    at = ok(at.run())
    assert any("Only an editor can change this" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "translations_approve"]
    assert at.dataframe  # reading needs no account
    at = sign_in(at, "vi", PASSWORD)
    assert "Signed in as vi (viewer)" in sidebar_text(at)
    assert not [b for b in at.button if b.key == "translations_approve"]


def test_require_login_shows_only_the_sign_in_form(team: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GISCOPE_REQUIRE_LOGIN", "1")
    at = app()
    assert [t.value for t in at.title] == ["Sign in to GIScope"]
    assert not at.dataframe and not at.sidebar.text_input
    at.text_input(key="sign_in_name").input("vi")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click()
    at = ok(at.run())
    assert "Signed in as vi (viewer)" in sidebar_text(at)
    assert at.title[0].value != "Sign in to GIScope"  # the overview, for any account
