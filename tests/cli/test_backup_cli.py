"""`giscope backup`, `giscope restore` and `giscope import` of a JSON export, as a user runs them: the
console script in a subprocess against real SQLite files (PostgreSQL is covered by
tests/integration/test_backup_restore.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from storage.db import Database
from tests.cli.test_cli import Shared, as_json, clean_error, copy_database, giscope, ok, summary
from tests.integration.test_backup_restore import every_table


def test_backup_then_restore_into_a_new_database_gives_every_table_back(
    shared: Shared, tmp_path: Path
) -> None:
    file = tmp_path / "register.giscope.gz"
    wrote = ok(giscope("backup", "-o", file, db=shared.path))
    assert wrote.out.startswith(f"wrote {file}: ") and "tables (schema revision " in wrote.out
    with gzip.open(file, "rt", encoding="utf-8") as fh:
        header = json.loads(fh.readline())
    assert header["format"] == "giscope-backup" and header["source_backend"] == "sqlite"

    target = tmp_path / "new" / "register.sqlite3"  # neither the file nor its folder exists yet
    restored = as_json(giscope("restore", file, "--json", db=target))
    assert restored["rows"] == sum(header["tables"].values()) and restored["created_schema"] is True
    assert every_table(Database(f"sqlite:///{target}")) == every_table(Database(f"sqlite:///{shared.path}"))
    ok(giscope("show", "fr-champagne", db=target))  # the restored register is ready for use


def test_restore_over_a_database_with_rows_needs_force(shared: Shared, tmp_path: Path) -> None:
    file = tmp_path / "register.giscope.gz"
    ok(giscope("backup", "-o", file, db=shared.path))
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "a@example.org", db=db))
    before = every_table(Database(f"sqlite:///{db}"))

    clean_error(
        giscope("restore", file, db=db), "the database is not empty", "--force", "nothing was restored"
    )
    clean_error(giscope("restore", file, "--lang", "zh", db=db), "数据库不是空的", "--force")
    assert every_table(Database(f"sqlite:///{db}")) == before

    forced = ok(giscope("restore", file, "--force", db=db))
    assert "were replaced" in forced.out
    assert every_table(Database(f"sqlite:///{db}")) == every_table(Database(f"sqlite:///{shared.path}"))


def test_a_truncated_or_edited_backup_is_refused_in_one_line(shared: Shared, tmp_path: Path) -> None:
    file = tmp_path / "register.giscope.gz"
    ok(giscope("backup", "-o", file, db=shared.path))
    cut = tmp_path / "cut.gz"
    cut.write_bytes(file.read_bytes()[:-200])
    target = tmp_path / "register.sqlite3"
    clean_error(giscope("restore", cut, db=target), f"{cut} is not a usable GIScope backup", "truncated")
    clean_error(giscope("restore", cut, "--lang", "zh", db=target), "被截断")
    with gzip.open(file, "rb") as fh:
        lines = fh.read().splitlines(keepends=True)
    edited = tmp_path / "edited.gz"
    with gzip.open(edited, "wb") as fh:
        i = next(i for i, line in enumerate(lines) if line.startswith(b"[") and b"China" in line)
        fh.writelines([*lines[:i], lines[i].replace(b"China", b"Chino", 1), *lines[i + 1 :]])
    clean_error(giscope("restore", edited, db=target), "checksum does not match")
    clean_error(giscope("restore", tmp_path / "none.gz", db=target), "no such file")
    assert not target.exists()


def test_a_json_export_imports_back_with_nothing_to_change(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "register.sqlite3")
    export = tmp_path / "annex_v.json"
    ok(giscope("export", "--agreement", "china-eu", "--annex", "V", "--format", "json", "-o", export, db=db))
    run = ok(giscope("import", export, "--agreement", "china-eu", "--annex", "V", db=db))
    added, changed, removed, unchanged = summary(run.out)
    assert (added, changed, removed) == (0, 0, 0) and unchanged > 0


def test_a_bad_json_file_gives_file_line_field_problems(shared: Shared, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '[\n  {"names": [{"text": "X"}], "origin": "CN", "product_class": "Tea"}\n]\n', encoding="utf-8"
    )
    err = clean_error(giscope("import", bad, "--agreement", "china-eu", "--annex", "V", db=shared.path))
    assert err.splitlines() == [f"{bad}:2: names[1].kind: required value is missing"]
    bad.write_text('[\n  {"names": \n', encoding="utf-8")
    clean_error(
        giscope("import", bad, "--agreement", "china-eu", "--annex", "V", db=shared.path),
        f"{bad}:3: (json): not valid JSON",
    )


def test_backup_and_restore_speak_chinese_and_show_an_example(shared: Shared, tmp_path: Path) -> None:
    from tests.cli.test_cli_lang import assert_chinese

    file = tmp_path / "register.giscope.gz"
    assert_chinese(ok(giscope("backup", "-o", file, "--lang", "zh", db=shared.path)), {"sqlite"})
    assert_chinese(ok(giscope("restore", file, "--lang", "zh", db=tmp_path / "r.sqlite3")), {"sqlite"})
    for command in ("backup", "restore"):
        assert "Example:" in ok(giscope(command, "--help", db=tmp_path / "unused.sqlite3")).out
