"""`giscope history verify` and history shown on one line, through the real console script."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from storage.chain import append
from storage.db import Database
from tests.cli.test_cli import Run, Shared, as_json, clean_error, copy_database, giscope, ok
from tests.conftest import TEST_DATA

FORGED = "checked\n2026-12-04T00:00:00+00:00  admin: fees: a -> b  (approved by the director)"
SHOWN = "checked\\n2026-12-04T00:00:00+00:00  admin: fees: a -> b  (approved by the director)"


def as_json_failing(run: Run) -> Any:
    """The JSON a command printed before it exited 1."""
    assert run.code == 1 and "Traceback" not in run.err, run.err
    return json.loads(run.out)


def test_verify_reports_each_chain_intact(shared: Shared) -> None:
    run = ok(giscope("history", "verify", db=shared.path))
    assert "GI history: " in run.out and run.out.count("chain intact") == 3
    data = as_json(giscope("history", "verify", "--json", db=shared.path))
    assert data["ok"] is True
    chains = {c["table"]: c for c in data["chains"]}
    assert set(chains) == {"history", "profile_history", "trademark_finding_history"}
    assert chains["history"]["rows"] > 0 and chains["history"]["broken"] is None
    assert "链条完整" in ok(giscope("history", "verify", "--lang", "zh", db=shared.path)).out


def test_verify_names_the_edited_row_and_exits_1(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "edited.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE history SET reason = 'approved' WHERE id = 42")
    run = giscope("history", "verify", db=db)
    assert run.code == 1 and "Traceback" not in run.err
    assert (
        "GI history (history): chain broken: line 42 does not match its hash: its content was edited"
        in run.out
    )
    data = {c["table"]: c for c in as_json_failing(giscope("history", "verify", "--json", db=db))["chains"]}
    assert data["history"]["broken"] == {
        "table": "history",
        "id": 42,
        "problem": "content_edited",
        "previous_id": 41,
    }
    assert data["profile_history"]["ok"] is True
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM history WHERE id = 20")
    run = giscope("history", "verify", db=db)
    assert run.code == 1 and "line 21 does not link to the line before it (19)" in run.out


def test_a_newline_in_a_reason_stays_one_escaped_line(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "reason.sqlite3")
    set_fees = ("profile", "TH", "--set", "fees", "--value", "500 THB", "--source", "DIP", "--reason", FORGED)
    clean_error(giscope(*set_fees, db=db), "--reason")  # refused at entry: a reason is one line
    # a GI's history (here a line written behind the CLI, as data stored before entry was checked)
    Database(f"sqlite:///{db}").transaction(
        lambda conn: append(
            conn,
            "history",
            [dict(gi_id="fr-champagne", at="2026-12-04", who="x\u202eadmin", what="region", reason=FORGED)],
        )
    )
    shown = ok(giscope("show", "fr-champagne", db=db)).out
    assert "checked\\n2026-12-04T00:00:00+00:00  admin" in shown and "\u202e" not in shown
    assert not any(line.startswith("2026-12-04T00:00:00+00:00") for line in shown.splitlines())
    assert "x\\u202eadmin" in shown
    assert ok(giscope("history", "verify", db=db)).out.count("chain intact") == 3


def test_a_finding_note_is_shown_on_one_line(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "watch.sqlite3")
    scan = ("watch", "scan", TEST_DATA / "gazette_example.csv", "--in", "CN", "--published", "2026-11-30")
    first = as_json(giscope(*scan, "--json", db=db))["findings"][0]["id"]
    run = ok(giscope("watch", "set", str(first), "--state", "reviewed", "--note", "seen\n  forged: x", db=db))
    assert "new -> reviewed  seen\\n  forged: x" in run.out
    assert not any(line.startswith("  forged") for line in run.out.splitlines())
    assert ok(giscope("history", "verify", db=db)).out.count("chain intact") == 3
