"""giscope watch scan | list | set through the real console script, on copies of an initialised register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli.test_cli import Shared, as_json, clean_error, copy_database, giscope, ok
from tests.conftest import TEST_DATA

EXAMPLE = TEST_DATA / "gazette_example.csv"
SCAN_KEYS = {"gazette", "jurisdiction", "published", "marks", "findings"}
FINDING_KEYS = {
    "id",
    "application_no",
    "mark",
    "classes",
    "applicant",
    "gi_id",
    "name",
    "kind",
    "severity",
    "reason",
    "legal_basis",
    "opposition_deadline",
}


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    """A writable copy of the shared initialised register."""
    return copy_database(shared.path, tmp_path / "register.sqlite3")


def test_scan_json_stores_the_planted_conflicts_and_list_shows_them(db: Path) -> None:
    data = as_json(
        giscope(
            "watch",
            "scan",
            EXAMPLE,
            "--in",
            "CN",
            "--published",
            "2026-11-30",
            "--gazette",
            "CN-45",
            "--json",
            db=db,
        )
    )
    assert set(data) >= SCAN_KEYS
    assert (data["gazette"], data["jurisdiction"], data["published"], data["marks"]) == (
        "CN-45",
        "CN",
        "2026-11-30",
        6,
    )
    assert all(set(f) >= FINDING_KEYS for f in data["findings"])
    hits = {(f["application_no"], f["gi_id"]): f for f in data["findings"]}
    assert hits[("EX-2026-000001", "fr-champagne")]["severity"] == "high"
    assert hits[("EX-2026-000002", "fr-champagne")]["classes"] == [33]
    assert {f["opposition_deadline"] for f in data["findings"]} == {"2027-02-28"}  # 30 Nov + 3 months
    listed = as_json(giscope("watch", "list", "--gi", "fr-champagne", "--json", db=db))
    assert [f["application_no"] for f in listed] == ["EX-2026-000001", "EX-2026-000002"]
    again = as_json(
        giscope(
            "watch",
            "scan",
            EXAMPLE,
            "--in",
            "CN",
            "--published",
            "2026-11-30",
            "--gazette",
            "CN-45",
            "--json",
            db=db,
        )
    )
    assert again["added"] == 0 and len(as_json(giscope("watch", "list", "--json", db=db))) == len(
        data["findings"]
    )
    deadlines = ok(giscope("deadlines", db=db)).out
    assert f"[watch/{data['findings'][0]['id']}]" in deadlines


def test_scan_prints_a_table_and_the_opposition_rule(db: Path) -> None:
    run = ok(giscope("watch", "scan", EXAMPLE, "--in", "TH", "--published", "2026-11-30", db=db))
    assert "CHAMPAGNE LIFE" in run.out and "2027-01-29" in run.out  # 60 days
    assert "6 marks screened" in run.out and "s. 35" in run.out
    assert "screened against" in run.err  # what the marks were screened against


def test_set_records_who_and_why_in_the_history(db: Path) -> None:
    data = as_json(
        giscope("watch", "scan", EXAMPLE, "--in", "CN", "--published", "2026-11-30", "--json", db=db)
    )
    first = data["findings"][0]["id"]
    out = as_json(
        giscope("watch", "set", str(first), "--state", "opposed", "--note", "CIVC filed", "--json", db=db)
    )
    assert out["state"] == "opposed"
    assert [(h["who"], h["before"], h["after"], h["note"]) for h in out["history"]][-1] == (
        "tester",
        "new",
        "opposed",
        "CIVC filed",
    )
    assert [f["id"] for f in as_json(giscope("watch", "list", "--state", "opposed", "--json", db=db))] == [
        first
    ]
    human = ok(
        giscope(
            "watch",
            "set",
            str(first),
            "--state",
            "won",
            "--note",
            "refused",
            db=db,
            env={"GISCOPE_USER": "lin"},
        )
    )
    assert "lin: opposed -> won  refused" in human.out
    clean_error(giscope("watch", "set", "999", "--state", "reviewed", "--note", "x", db=db), "no finding 999")


def test_bad_gazette_rows_are_line_numbered_and_nothing_is_stored(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "gazette.csv"
    path.write_text(
        "application_no,mark,classes,applicant,filing_date\n"
        "EX-1,CHAMPAGNE LIFE,33,Example Co.,2026-01-02\n"
        "EX-2,Parma,29,,2026-01-02\n"
        "EX-3,Roquefort,29,Example Co.,2027-01-02\n",
        encoding="utf-8",
    )
    run = giscope("watch", "scan", path, "--in", "CN", "--published", "2026-11-30", db=db)
    assert run.code == 1 and "Traceback" not in run.err
    assert run.err_lines == [
        f"{path}:3: applicant: required value is empty",
        f"{path}:4: filing_date: 2027-01-02 is after the publication date 2026-11-30",
        "giscope: 2 problems; nothing was written",
    ]
    assert as_json(giscope("watch", "list", "--json", db=db)) == []


def test_usage_mistakes_are_one_clean_line(db: Path) -> None:
    clean_error(
        giscope("watch", "scan", EXAMPLE, "--in", "CN", "--published", "30/11/2026", db=db), "--published"
    )
    clean_error(giscope("watch", "scan", EXAMPLE, "--in", "CN", db=db), "publication_date", "--published")
    clean_error(giscope("watch", "scan", EXAMPLE, "--in", "XX", "--published", "2026-11-30", db=db), "XX")
    clean_error(
        giscope("watch", "scan", "missing.csv", "--in", "CN", "--published", "2026-11-30", db=db),
        "no such file",
    )


def test_an_xlsx_gazette_with_publication_dates_is_scanned(db: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["application_no", "mark", "classes", "applicant", "publication_date"])
    ws.append(["EX-EU-1", "CHAMPAGNE LIFE", 33, "Example Co.", dt.date(2026, 11, 30)])
    ws.append(["EX-EU-2", "Harbour Lights", "32; 33", "Example Co.", dt.date(2026, 11, 30)])
    path = tmp_path / "gazette.xlsx"
    wb.save(path)
    data = as_json(giscope("watch", "scan", path, "--in", "EU", "--json", db=db))
    assert data["published"] == "2026-11-30"
    found = {(f["application_no"], f["gi_id"], f["opposition_deadline"]) for f in data["findings"]}
    assert ("EX-EU-1", "fr-champagne", "2027-02-28") in found
    assert {a for a, _, _ in found} == {"EX-EU-1"}  # Harbour Lights is innocent


def test_watch_help_gives_an_example(shared: Shared) -> None:
    for command in ("scan", "list", "set"):
        assert (
            "Example: giscope watch " + command in ok(giscope("watch", command, "--help", db=shared.path)).out
        )


def test_a_large_gazette_shows_a_progress_bar_on_stderr_and_keeps_the_json_on_stdout(
    db: Path, tmp_path: Path
) -> None:
    gazette = tmp_path / "large.csv"
    rows = [
        (f"L-{i:05d}", "CHAMPAGNE LIFE" if i % 500 == 0 else f"Zentavo {i}", "33", "A") for i in range(1200)
    ]
    lines = ["application_no,mark,classes,applicant"] + [",".join(r) for r in rows]
    gazette.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = giscope("watch", "scan", gazette, "--in", "CN", "--published", "2026-11-30", "--json", db=db)
    data = as_json(run)
    assert data["marks"] == 1200
    assert {f["application_no"] for f in data["findings"]} == {"L-00000", "L-00500", "L-01000"}
    assert "screening marks" in run.err
