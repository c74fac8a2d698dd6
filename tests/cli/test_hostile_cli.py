"""The command line with hostile text: a name stored before validation existed (with an escape sequence
and a right-to-left override) is shown escaped by `show` and `search`, stays the same value in JSON, and
never breaks an XLSX export; what a person types is refused in one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import Shared, as_json, copy_database, giscope, ok

EVIL = "Prosciutto\x1b[31m di\u202e Parma\x07"
SHOWN = "Prosciutto\\x1b[31m di\\u202e Parma\\x07"
GI = "it-prosciutto-di-parma"


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    """A writable copy of the module's initialised register."""
    return copy_database(shared.path, tmp_path / "register.sqlite3")


@pytest.fixture
def hostile_db(db: Path) -> Path:
    """The register with one name and one region as hostile text, stored behind the services' backs."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE names SET text = ? WHERE gi_id = ? AND position = 0", (EVIL, GI))
        conn.execute("UPDATE gis SET region = ? WHERE id = ?", ("Emilia\x1b]0;owned\x07Romagna\x9b", GI))
    return db


def raw_controls(text: str) -> list[str]:
    return [
        ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) < 0xA0 or ch == "\u202e"
    ]


def test_show_and_search_write_controls_as_escapes(hostile_db: Path) -> None:
    shown = ok(giscope("show", GI, db=hostile_db))
    assert SHOWN in shown.out and "Emilia\\x1b]0;owned\\x07Romagna\\x9b" in shown.out
    assert raw_controls(shown.out) == []
    found = ok(giscope("search", "prosciutto di parma", db=hostile_db))
    assert "Prosciutto\\x1b[31m" in found.out and raw_controls(found.out) == []


def test_json_keeps_the_value_and_escapes_it(hostile_db: Path) -> None:
    run = giscope("show", GI, "--json", db=hostile_db)
    assert raw_controls(run.out) == []
    data = as_json(run)
    assert data["names"][0]["text"] == EVIL


def test_an_xlsx_export_with_a_stored_control_is_written(hostile_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "annex.xlsx"
    ok(
        giscope(
            "export", "--agreement", "china-eu", "--annex", "IV", "--format", "xlsx", "-o", out, db=hostile_db
        )
    )
    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("Prosciutto\\x1b[31m di\u202e Parma\\x07" in c for c in cells)


def test_typed_text_is_refused_in_one_line(db: Path, tmp_path: Path) -> None:
    run = giscope("check", "Champagne\x1b[2J", "--in", "CN", db=db)
    assert run.code == 1 and run.err_lines == [
        "label 1: contains the character U+001B ESCAPE at position 10; remove it"
    ]
    run = giscope("check", "x" * 501, "--in", "CN", db=db)
    assert run.code == 1 and run.err_lines == ["label 1: longer than 500 characters"]
    run = giscope("search", "q" * 201, db=db)
    assert run.code == 1 and run.err_lines == ["giscope: the search text is longer than 200 characters"]
    labels = tmp_path / "labels.txt"
    labels.write_text("Champagne\nBad \u202etxt.exe\n", encoding="utf-8")
    run = giscope("check", "--file", labels, "--in", "CN", db=db)
    assert run.code == 1
    assert run.err_lines == [
        f"{labels}:2: (label): contains the character U+202E RIGHT-TO-LEFT OVERRIDE at position 5; remove it"
    ]
    json.dumps(run.err)  # one plain line, nothing a terminal obeys
    assert raw_controls(run.err) == []
