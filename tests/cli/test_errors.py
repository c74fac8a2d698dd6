"""What a user sees when the database or the output fails under a command: one clear line on stderr, a
non-zero exit, no traceback, nothing half-written; and alert delivery that never holds the database."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.db import SQLITE_BUSY_TIMEOUT_S
from tests.cli.test_cli import COMMAND, Shared, as_json, clean_error, copy_database, giscope, ok, write_csv


@contextmanager
def exclusive_lock(db: Path, seconds: float | None = None) -> Iterator[None]:
    """Another writer holding the SQLite database (for `seconds`, or for the whole block)."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN EXCLUSIVE")
    timer = threading.Timer(seconds, conn.rollback) if seconds is not None else None
    if timer:
        timer.start()
    try:
        yield
    finally:
        if timer:
            timer.join()
        else:
            conn.rollback()
        conn.close()


def profile_fees(db: Path) -> str:
    fields = as_json(giscope("profile", "TH", "--json", db=db))["fields"]
    return next(f["value_en"] for f in fields if f["key"] == "fees")


EDIT = (
    "profile",
    "TH",
    "--set",
    "fees",
    "--value",
    "1,000 THB",
    "--source",
    "DIP (test)",
    "--reason",
    "test",
)


def test_a_database_error_inside_a_command_is_one_clean_line(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE name_keys")
    err = clean_error(giscope("search", "tea", db=db), "database error", "name_keys")
    assert "giscope init" in err


def test_a_database_locked_by_another_writer_is_one_clean_line_after_the_retry(
    shared: Shared, tmp_path: Path
) -> None:
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    before = profile_fees(db)
    started = time.monotonic()
    with exclusive_lock(db):  # GISCOPE_LOCK_WAIT (default 60 s) shortened: the test waits less
        run = giscope(*EDIT, db=db, env={"GISCOPE_LOCK_WAIT": str(2 * SQLITE_BUSY_TIMEOUT_S)})
    waited = time.monotonic() - started
    clean_error(run, "locked", "nothing was written")
    # it waited for the other writer before giving up: SQLite's busy timeout, then retries for the setting
    assert waited >= 2 * SQLITE_BUSY_TIMEOUT_S
    assert profile_fees(db) == before


def test_a_lock_wait_that_is_no_number_of_seconds_is_one_clean_line(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    clean_error(giscope(*EDIT, db=db, env={"GISCOPE_LOCK_WAIT": "soon"}), "GISCOPE_LOCK_WAIT", "seconds")


def test_a_write_waits_for_a_lock_released_between_its_tries(shared: Shared, tmp_path: Path) -> None:
    """The first try gives up after SQLite's busy timeout; the lock is gone by the retry."""
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    with exclusive_lock(db, seconds=SQLITE_BUSY_TIMEOUT_S + 1):
        run = giscope(*EDIT, db=db)
    ok(run)
    assert profile_fees(db) == "1,000 THB"


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
    env.update(GISCOPE_DATABASE_URL=f"sqlite:///{db}", GISCOPE_USER="tester", PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def test_a_closed_output_pipe_is_one_clean_line(shared: Shared) -> None:
    """`giscope export --format json | head -1`: the reader goes away after one line."""
    proc = subprocess.Popen(
        [*COMMAND, "export", "--format", "json"],
        env=_env(shared.path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip() == b"["
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err
    assert err.strip().splitlines() == ["giscope: the output was closed before everything was written"]


class SilentWebhook:
    """A local socket that accepts connections and never answers."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.held: list[socket.socket] = []
        self.first = threading.Event()
        self.second = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.getsockname()[1]}/hook"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.held.append(conn)
            self.first.set()
            if len(self.held) >= 2:
                self.second.set()

    def close(self) -> None:
        for conn in self.held:
            conn.close()
        self.server.close()


def test_a_webhook_that_never_answers_does_not_block_a_concurrent_import(
    shared: Shared, tmp_path: Path
) -> None:
    """Two alerts wait; the import starts while the webhook holds the first one, claimed in a transaction
    of its own (a delivery inside one transaction would hold the write lock by then). The run stops at
    that failure: the second alert waits, untried."""
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    header = ["name", "transcription", "product_class", "origin"]
    for n, (name, latin) in enumerate([("测试甲茶", "Ceshi Jia Cha"), ("测试丙茶", "Ceshi Bing Cha")]):
        batch = write_csv(tmp_path / f"b{n}.csv", header, [[name, latin, "Tea", "CN"]])
        ok(giscope("import", batch, "--agreement", "china-eu", "--annex", "V", "--keep-missing", db=db))
    hook = SilentWebhook()
    try:
        delivering = subprocess.Popen(
            [*COMMAND, "alerts", "--deliver"],
            env=_env(db, GISCOPE_ALERT_WEBHOOK=hook.url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert hook.first.wait(timeout=60), "the delivery never reached the webhook"
        second = write_csv(tmp_path / "second.csv", header, [["测试乙茶", "Ceshi Yi Cha", "Tea", "CN"]])
        imported = giscope(
            "import", second, "--agreement", "china-eu", "--annex", "V", "--keep-missing", db=db
        )
        still_delivering = delivering.poll() is None
        out, err = delivering.communicate(timeout=120)
    finally:
        hook.close()
    ok(imported)
    assert still_delivering, "the import should finish while the delivery still waits for the webhook"
    assert delivering.returncode == 0 and "Traceback" not in err
    assert "not delivered" in err and "kept for later" in err and "more alert(s) wait for the next run" in err
    assert not hook.second.is_set() and "/hook" not in err  # one try, the path redacted
    assert as_json(giscope("show", "测试乙茶", "--json", db=db))["id"] == "cn-ceshi-yi-cha"


def test_missing_pdf_fonts_are_one_clean_line(shared: Shared, tmp_path: Path, monkeypatch) -> None:
    """The renderer names the Debian package to install; the CLI prints that, not a traceback."""
    from click.testing import CliRunner

    from cli import main
    from reports import fonts

    def missing() -> None:
        raise fonts.FontsMissing({fonts.CJK: fonts.FONT_FILES[fonts.CJK]})

    monkeypatch.setattr(fonts, "ensure_fonts", missing)
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{shared.path}")
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(main, ["brief", "compare", "china-eu", "china-france", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "giscope: " in result.output and "fonts-wqy-microhei" in result.output
    assert not out.exists()
