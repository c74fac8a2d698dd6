"""`giscope user ...` and the CLI's identity, as real subprocesses on SQLite and PostgreSQL: the first
account, --password-stdin and the hidden prompt, role changes, GISCOPE_USER and GISCOPE_TOKEN, and the
password never in the process's arguments nor its output."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest

from storage.db import Database
from tests.cli.test_cli import COMMAND, Run, clean_error, ok

PASSWORD = "correct horse battery"


def run(*args: str, db: str, user: str = "tester", stdin: str | None = None, **env: str) -> Run:
    base = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
    base.update({"GISCOPE_DATABASE_URL": db, "GISCOPE_USER": user, "PYTHONIOENCODING": "utf-8", **env})
    proc = subprocess.run(
        [*COMMAND, *args],
        env=base,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def add(db: str, name: str, role: str | None, *, user: str = "tester") -> Run:
    extra = ["--role", role] if role else []
    return run("user", "add", name, *extra, "--password-stdin", db=db, user=user, stdin=PASSWORD + "\n")


@pytest.fixture
def url(loaded_engine: Database) -> str:
    return loaded_engine.url


def test_the_first_account_is_an_admin_then_only_admins_manage(url: str) -> None:
    assert "single-user" in ok(run("user", "list", db=url)).out
    clean_error(add(url, "ana", "editor"), "the first account must be an admin")
    added = ok(add(url, "boss", None))
    assert "account boss added (admin)" in added.out and PASSWORD not in added.out + added.err
    clean_error(add(url, "ana", "editor", user="tester"), "no account named 'tester'")
    ok(add(url, "ana", "viewer", user="boss"))
    clean_error(add(url, "eve", "viewer", user="ana"), "'ana' is a viewer", "manage accounts")
    clean_error(run("user", "list", db=url, user="ana"), "only an admin")
    listed = ok(run("user", "list", "--json", db=url, user="boss")).out
    assert '"name": "ana"' in listed and '"role": "viewer"' in listed and "hash" not in listed
    assert "ana is now editor" in ok(run("user", "role", "ana", "editor", db=url, user="boss")).out
    assert "disabled" in ok(run("user", "disable", "ana", db=url, user="boss")).out
    clean_error(run("user", "disable", "boss", db=url, user="boss"), "only enabled admin")
    no_option = run("user", "add", "x", "--password", PASSWORD, db=url)
    assert no_option.code == 2 and "No such option '--password'" in no_option.err


def test_a_viewer_cannot_write_from_the_cli_an_editor_can_and_reads_need_no_account(url: str) -> None:
    ok(add(url, "boss", None))
    ok(add(url, "vic", "viewer", user="boss"))
    ok(add(url, "eddie", "editor", user="boss"))
    sub = ("watch", "subscribe", "--gi", "fr-champagne", "--webhook", "https://example.org/hook")
    clean_error(run(*sub, db=url, user="vic"), "'vic' is a viewer; only an editor or above may change")
    clean_error(run(*sub, db=url, user="stranger"), "no account named 'stranger'")
    assert ok(run("show", "fr-champagne", db=url, user="stranger")).out  # reading needs no account
    assert "subscribed" in ok(run(*sub, db=url, user="eddie")).out


def test_a_token_makes_the_command_act_as_its_account(url: str) -> None:
    ok(add(url, "boss", None))
    ok(add(url, "bot", "editor", user="boss"))
    made = ok(run("user", "token", "bot", db=url, user="boss"))
    token = made.out.strip()
    assert len(token) >= 40 and "printed once" in made.err
    sub = ("watch", "subscribe", "--gi", "fr-champagne", "--email", "civc@example.org", "--json")
    assert '"created_by": "bot"' in ok(run(*sub, db=url, user="stranger", GISCOPE_TOKEN=token)).out
    clean_error(run(*sub, db=url, GISCOPE_TOKEN="not-a-token"), "GISCOPE_TOKEN matches no enabled account")
    settings = ok(run("settings", db=url, GISCOPE_TOKEN=token))
    assert token not in settings.out + settings.err


def test_password_stdin_needs_a_line_and_a_long_enough_password(url: str) -> None:
    clean_error(run("user", "add", "boss", "--password-stdin", db=url, stdin=""), "read no password")
    clean_error(run("user", "add", "boss", "--password-stdin", db=url, stdin="short\n"), "too short")
    clean_error(run("user", "add", "boss", db=url, stdin=""), "--password-stdin")  # no terminal to ask on


def _read_until(fd: int, text: str, timeout: float = 60) -> str:
    seen = b""
    end = time.monotonic() + timeout
    while text.encode() not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 1024)
            except OSError:
                break
    return seen.decode("utf-8", "replace")


def test_the_password_is_asked_twice_hidden_and_never_in_the_arguments(url: str) -> None:
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
    env.update({"GISCOPE_DATABASE_URL": url, "GISCOPE_USER": "tester"})
    proc = subprocess.Popen(
        [*COMMAND, "user", "add", "boss"], stdin=slave, stdout=slave, stderr=slave, env=env,
        start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    try:
        shown = _read_until(master, "Password")
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode()
        os.write(master, (PASSWORD + "\n").encode())
        shown += _read_until(master, "Repeat")
        os.write(master, (PASSWORD + "\n").encode())
        shown += _read_until(master, "added")
        assert proc.wait(timeout=60) == 0, shown
    finally:
        os.close(master)
    assert PASSWORD not in cmdline and PASSWORD not in shown  # hidden: the terminal did not echo it
    assert "account boss added (admin)" in shown
    signed = Database(url)
    from accounts.services import sign_in

    assert sign_in(signed, "boss", PASSWORD).role == "admin"


def test_writes_need_no_account_in_single_user_mode(url: str) -> None:
    sub = ("watch", "subscribe", "--gi", "fr-champagne", "--email", "civc@example.org")
    assert "subscribed" in ok(run(*sub, db=url, user="anyone")).out


def test_only_an_admin_may_replace_a_register_by_restore_force(url: str, tmp_path: Path) -> None:
    ok(add(url, "boss", None))  # the first account: an admin
    ok(add(url, "li", "editor", user="boss"))
    backup = tmp_path / "register.giscope.gz"
    ok(run("backup", "-o", str(backup), db=url, user="li"))  # reading the register: anyone
    clean_error(run("restore", str(backup), "--force", db=url, user="li"), "admin")
    ok(run("restore", str(backup), "--force", db=url, user="boss"))
