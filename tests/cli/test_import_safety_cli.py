"""`giscope import` of GIScope's own export (every bundled list, CSV and XLSX: nothing to change) and of
a batch that withdraws much of its list (refused until --confirm-withdrawals gives its count)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.cli.test_cli import Shared, clean_error, copy_database, giscope, ok, summary

# `shared` (one initialised register for the module) comes from tests/cli/conftest.py

LISTS = [
    *(("--agreement", "china-eu", "--annex", code) for code in ("III", "IV", "V", "VI", "VII")),
    ("--agreement", "china-france"),
    ("--agreement", "china-thailand"),
    *(("--register", j) for j in ("CN", "EU", "FR", "TH")),
]


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    """A writable copy of the shared register."""
    return copy_database(shared.path, tmp_path / "register.sqlite3")


def export_options(target: tuple[str, ...]) -> tuple[str, ...]:
    """The export of the list `import` takes with these options: the same agreement and annex, or --in J."""
    return ("--in", target[1]) if target[0] == "--register" else target


# every list's xlsx round trip is tested at the service level (tests/integration/test_import_roundtrip.py);
# through the command line, two lists in xlsx (an agreement's and a register's) and every list in csv
@pytest.mark.parametrize(
    ("fmt", "lists"),
    [("csv", LISTS), ("xlsx", [("--agreement", "china-france"), ("--register", "TH")])],
    ids=["csv", "xlsx"],
)
def test_an_export_of_every_bundled_list_imports_with_nothing_to_change(
    shared: Shared, tmp_path: Path, fmt: str, lists: list[tuple[str, ...]]
) -> None:
    for target in lists:
        path = tmp_path / f"{'-'.join(target).strip('-')}.{fmt}"
        ok(giscope("export", *export_options(target), "--format", fmt, "-o", path, db=shared.path))
        run = ok(giscope("import", path, *target, db=shared.path))  # applied: nothing to change
        added, changed, removed, unchanged = summary(run.out)
        assert (added, changed, removed) == (0, 0, 0) and unchanged > 0, (target, run.out)
        assert "(batch" not in run.out


def first_rows(shared: Shared, tmp_path: Path, count: int) -> Path:
    text = ok(
        giscope("export", "--agreement", "china-eu", "--annex", "V", "--format", "csv", db=shared.path)
    ).out
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    path = tmp_path / "four.csv"
    path.write_text("".join(lines[: count + 1]), encoding="utf-8")
    return path


def annex_v_size(shared: Shared) -> int:
    out = ok(
        giscope("export", "--agreement", "china-eu", "--annex", "V", "--format", "csv", db=shared.path)
    ).out
    return len(list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")))))


def test_a_large_withdrawal_is_refused_until_its_count_is_confirmed(
    shared: Shared, db: Path, tmp_path: Path
) -> None:
    path = first_rows(shared, tmp_path, 4)
    listed = annex_v_size(shared)
    withdrawn = listed - 4
    target = ("--agreement", "china-eu", "--annex", "V")

    dry = ok(giscope("import", path, *target, "--dry-run", db=db))
    assert summary(dry.out)[2] == withdrawn
    assert f"withdraws {withdrawn} of {listed} entries; it needs --confirm-withdrawals {withdrawn}" in dry.out

    refused = giscope("import", path, *target, db=db)
    clean_error(refused, f"withdraws {withdrawn} of {listed} entries", f"--confirm-withdrawals {withdrawn}")
    assert "nothing was written" in refused.err and "\n- " in refused.out  # the plan, to read first
    wrong = giscope("import", path, *target, "--confirm-withdrawals", str(withdrawn - 1), db=db)
    clean_error(wrong, f"not {withdrawn - 1}")
    assert summary(ok(giscope("import", path, *target, "--dry-run", db=db)).out)[2] == withdrawn  # unwritten

    done = ok(giscope("import", path, *target, "--confirm-withdrawals", str(withdrawn), db=db))
    assert summary(done.out)[2] == withdrawn and "(batch" in done.out


def test_the_refusal_reads_in_chinese(shared: Shared, db: Path, tmp_path: Path) -> None:
    path = first_rows(shared, tmp_path, 4)
    withdrawn = annex_v_size(shared) - 4
    run = giscope("import", path, "--agreement", "china-eu", "--annex", "V", "--lang", "zh", db=db)
    err = clean_error(run, f"--confirm-withdrawals {withdrawn}", "未写入任何数据")
    assert "withdraws" not in err


def test_keep_missing_needs_no_confirmation(shared: Shared, db: Path, tmp_path: Path) -> None:
    path = first_rows(shared, tmp_path, 4)
    run = ok(giscope("import", path, "--agreement", "china-eu", "--annex", "V", "--keep-missing", db=db))
    assert summary(run.out) == (0, 0, 0, 4)


def test_rows_of_other_lists_are_left_out_with_their_lines(shared: Shared, tmp_path: Path) -> None:
    path = tmp_path / "cn.csv"
    ok(giscope("export", "--in", "CN", "--format", "csv", "-o", path, db=shared.path))
    run = ok(giscope("import", path, "--register", "CN", "--dry-run", db=shared.path))
    assert "rows of other lists left out (china-eu/" in run.out and "lines " in run.out
