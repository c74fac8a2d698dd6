"""Backup and restore (storage/backup.py) on real databases: a register with history, profile edits, watch
findings, subscriptions and translations backs up and restores into a new database equal in every table,
row by row, from SQLite to PostgreSQL and back; a database with rows is replaced only with force; a
truncated, edited or foreign file is refused with one clear message and nothing changed."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agreements.profiles import edit_profile
from errors import StorageError
from storage.backup import backup, declared_tables, restore
from storage.db import Database, quote
from storage.migrate import current_revision, head_revision
from tests.conftest import REQUIRE_POSTGRES, TEST_DATA, PostgresDatabase, postgres_reachable
from translation.services import add_rendering
from watch.push import subscribe
from watch.trademarks.services import list_findings, scan_gazette, set_finding_state

AT = "2026-12-03T10:00:00+00:00"
TODAY = "2026-12-03"
TRICKY = "a \"quoted\"\nline, 香槟 ☕ ไทย \\ back\tslash; 'single' and an emoji 🍷"


def every_table(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the database holds (alembic_version aside), sorted; the table names are
    read from the database itself, so a table the backup forgot would show."""
    with db.read() as conn:
        if db.backend == "sqlite":
            names = [r[0] for r in conn.rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
        else:
            names = [
                r[0]
                for r in conn.rows(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                )
            ]
        out = {}
        for name in sorted(set(names) - {"alembic_version", "sqlite_sequence"}):
            out[name] = sorted(conn.rows(f"SELECT * FROM {quote(name)}"), key=repr)
    return out


def worked_on(db: Database) -> Database:
    """The register as staff leave it: profile edits, a subscription, watch findings and their states,
    a translation, and history with awkward text."""
    edit_profile(
        db,
        "TH",
        "fees",
        who="tester",
        reason="checked",
        value_en="Edited " + TRICKY,
        source="https://example.org/fees",
        at=AT,
    )
    subscribe(db, "fr-champagne", email="watch@example.org", webhook=None, who="tester", at=AT)
    scan_gazette(
        db, TEST_DATA / "gazette_example.csv", "CN", published="2026-11-20", who="tester", at=AT, today=TODAY,
        gazette="CN-TM-2026-45",
    )  # fmt: skip
    finding = list_findings(db)[0]
    set_finding_state(db, finding.id, state="opposed", note=TRICKY, who="tester", at=AT, today=TODAY)
    add_rendering(db, "fr-champagne", "th", "แชมเปญ", who="tester")

    def work(conn: Any) -> None:
        from storage.chain import append

        append(
            conn,
            "history",
            [{"gi_id": "fr-champagne", "at": AT, "who": "tester", "what": "note", "before": "",
             "after": TRICKY, "reason": "test", "source": None, "batch_id": 2**31 - 1}],
        )  # fmt: skip

    db.transaction(work)
    return db


class _Empty:
    """New, empty databases of either backend (no schema), dropped at the end of the test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.created: list[PostgresDatabase] = []

    def __call__(self, backend: str) -> Database:
        if backend == "sqlite":
            return Database(
                f"sqlite:///{self.folder / f'restored-{len(list(self.folder.iterdir()))}.sqlite3'}"
            )
        if not postgres_reachable():
            if REQUIRE_POSTGRES:
                pytest.fail("PostgreSQL is required (CI) but not reachable")
            pytest.skip("PostgreSQL not reachable")
        pg = PostgresDatabase()
        pg.create()
        self.created.append(pg)
        return Database(pg.url)


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[_Empty]:
    folder = tmp_path / "empty"
    folder.mkdir()
    made = _Empty(folder)
    yield made
    for pg in made.created:
        pg.drop()


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_backup_restore_equality_in_every_table(
    loaded_engine: Database, empty: _Empty, tmp_path: Path, target: str
) -> None:
    source = worked_on(loaded_engine)
    file = tmp_path / "register.giscope.gz"
    written = backup(source, file, who="tester")
    before = every_table(source)
    assert set(before) == {t.name for t in declared_tables()}  # the backup covers every table there is
    assert written.tables == {name: len(rows) for name, rows in before.items()}
    assert all(written.tables[n] for n in ("trademark_findings", "trademark_finding_history",
                                           "profile_history", "subscriptions", "push_deliveries",
                                           "translations", "history"))  # fmt: skip

    into = empty(target)
    result = restore(into, file)
    assert result.created_schema and result.replaced_rows == 0 and result.rows == written.rows
    assert current_revision(into) == head_revision()
    assert every_table(into) == before  # row by row, value by value (types included)

    # ids continue after the restored ones (PostgreSQL sequences are moved on)
    top = max(r[0] for r in before["history"])

    def add(conn: Any) -> int:
        from storage.chain import append

        values = {"gi_id": "fr-champagne", "at": AT, "who": "t", "what": "x", "reason": "r"}
        return append(conn, "history", [values])[0]  # the one writer of history (hash-chained)

    assert into.transaction(add) == top + 1


def test_a_backup_of_a_restored_database_holds_the_same_rows(
    loaded_engine: Database, empty: _Empty, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.gz", tmp_path / "second.gz"
    backup(loaded_engine, first, who="tester")
    other = "postgresql" if loaded_engine.backend == "sqlite" else "sqlite"
    into = empty(other)
    restore(into, first)
    backup(into, second, who="tester")

    def body(path: Path) -> list[bytes]:
        with gzip.open(path, "rb") as fh:
            return fh.read().splitlines()[1:-1]  # the header and trailer hold the time and the backend

    assert body(first) == body(second)


def test_a_database_with_rows_is_refused_unless_forced(loaded_engine: Database, tmp_path: Path) -> None:
    """The register as `giscope init` left it is backed up, then worked on; restoring the backup over it
    is refused, then with force puts it back as it was (and its ids continue after the restored ones)."""
    file = tmp_path / "register.giscope.gz"
    backup(loaded_engine, file, who="tester")
    as_backed_up = every_table(loaded_engine)
    worked_on(loaded_engine)
    held = every_table(loaded_engine)
    with pytest.raises(StorageError) as refused:
        restore(loaded_engine, file)
    assert "not empty" in str(refused.value) and "--force" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert every_table(loaded_engine) == held

    result = restore(loaded_engine, file, force=True)
    assert result.replaced_rows == sum(len(rows) for rows in held.values()) and not result.created_schema
    assert every_table(loaded_engine) == as_backed_up
    top = max(r[0] for r in as_backed_up["history"])

    def add(conn: Any) -> int:
        from storage.chain import append

        values = {"gi_id": "fr-champagne", "at": AT, "who": "t", "what": "x", "reason": "r"}
        return append(conn, "history", [values])[0]

    assert loaded_engine.transaction(add) == top + 1


def test_a_database_whose_tables_are_empty_counts_as_empty(
    loaded_engine: Database, empty: _Empty, tmp_path: Path
) -> None:
    from storage.migrate import upgrade

    file = tmp_path / "register.giscope.gz"
    backup(loaded_engine, file, who="tester")
    into = empty("sqlite")
    upgrade(into)  # the schema only
    result = restore(into, file)
    assert not result.created_schema and every_table(into) == every_table(loaded_engine)


def rewrite(path: Path, target: Path, edit: Any, *, fix_checksum: bool) -> Path:
    """A copy of a backup with its lines edited by `edit(lines)`; its trailer's checksum recomputed or not."""
    with gzip.open(path, "rb") as fh:
        lines = fh.read().splitlines(keepends=True)
    body = edit(lines[:-1])
    trailer = json.loads(lines[-1])
    if fix_checksum:
        trailer["sha256"] = hashlib.sha256(b"".join(body)).hexdigest()
        trailer["rows"] = sum(json.loads(body[0])["tables"].values())
    with gzip.open(target, "wb") as fh:
        fh.writelines([*body, (json.dumps(trailer) + "\n").encode()])
    return target


def _edit_a_value(lines: list[bytes]) -> list[bytes]:
    i = next(i for i, line in enumerate(lines) if b"Champagne" in line and line.startswith(b"["))
    return [*lines[:i], lines[i].replace(b"Champagne", b"Champagme", 1), *lines[i + 1 :]]


def _unknown_revision(lines: list[bytes]) -> list[bytes]:
    header = json.loads(lines[0])
    header["schema_revision"] = "9999"
    return [(json.dumps(header) + "\n").encode(), *lines[1:]]


def as_made_at(revision: str, columns: dict[str, set[str]]) -> Any:
    """An edit turning a backup into the one GIScope made at an earlier revision, whose tables and
    columns were `columns`: the later tables and columns are left out."""

    def edit(lines: list[bytes]) -> list[bytes]:
        header = json.loads(lines[0])
        header["schema_revision"] = revision
        header["tables"] = {t: n for t, n in header["tables"].items() if t in columns}
        out, i = [b""], 1
        while i < len(lines):
            block = json.loads(lines[i])
            keep = [k for k, c in enumerate(block["columns"]) if c in columns.get(block["table"], ())]
            rows = lines[i + 1 : i + 1 + block["rows"]]
            i += 1 + block["rows"]
            if block["table"] not in columns:
                continue
            block["columns"] = [block["columns"][k] for k in keep]
            out.append((json.dumps(block, ensure_ascii=False) + "\n").encode())
            for row in rows:
                values = json.loads(row)
                out.append((json.dumps([values[k] for k in keep], ensure_ascii=False) + "\n").encode())
        out[0] = (json.dumps(header) + "\n").encode()
        return out

    return edit


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            "truncated",
            "is not a usable GIScope backup: the file is cut short (truncated); nothing was restored",
        ),
        ("edited", "is not a usable GIScope backup: its checksum does not match its content"),
        ("not gzip", "is not a usable GIScope backup: it is not a gzip-compressed backup file"),
        ("no trailer", "is not a usable GIScope backup: the file is cut short (truncated)"),
        ("unknown", "it was made at schema revision 9999, which this GIScope (revision"),
    ],
)
def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    loaded_engine: Database, empty: _Empty, tmp_path: Path, damage: str, expected: str
) -> None:
    good = tmp_path / "good.gz"
    backup(loaded_engine, good, who="tester")
    bad = tmp_path / "bad.gz"
    if damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "edited":
        rewrite(good, bad, _edit_a_value, fix_checksum=False)
    elif damage == "not gzip":
        bad.write_text('{"format": "giscope-backup"}\n', encoding="utf-8")
    elif damage == "no trailer":
        with gzip.open(good, "rb") as fh:
            lines = fh.read().splitlines(keepends=True)
        with gzip.open(bad, "wb") as fh:
            fh.writelines(lines[:-1])
    else:
        rewrite(good, bad, _unknown_revision, fix_checksum=True)

    into = empty("sqlite")  # a new database: a bad file must not even create it
    with pytest.raises(StorageError) as refused:
        restore(into, bad)
    assert expected in str(refused.value) and "\n" not in str(refused.value)
    assert into.path is not None and not into.path.exists()

    held = every_table(loaded_engine)  # a database with rows, forced: still nothing changes
    with pytest.raises(StorageError):
        restore(loaded_engine, bad, force=True)
    assert every_table(loaded_engine) == held


def test_a_backup_that_fails_to_write_leaves_no_file(loaded_engine: Database, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "register.giscope.gz"
    with pytest.raises(StorageError) as refused:
        backup(loaded_engine, target, who="tester")
    assert str(refused.value).startswith(f"cannot write the backup {target}")
    assert not target.parent.exists()


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_backup_from_an_earlier_revision_restores_into_a_new_database_then_migrated(
    loaded_engine: Database, empty: _Empty, tmp_path: Path, target: str
) -> None:
    from storage.backup import _columns_at
    from storage.migrate import earlier_revisions

    source = worked_on(loaded_engine)
    earlier = earlier_revisions()[0]
    columns = _columns_at(earlier)
    good = tmp_path / "good.gz"
    backup(source, good, who="tester")
    old = rewrite(good, tmp_path / "old.gz", as_made_at(earlier, columns), fix_checksum=True)

    with_rows = empty("sqlite")
    from storage.migrate import upgrade

    upgrade(with_rows)  # a database with a schema already: an older backup needs a new one
    with pytest.raises(StorageError) as refused:
        restore(with_rows, old)
    assert f"it was made at the earlier schema revision {earlier}: restore it into a new database" in str(
        refused.value
    )

    into = empty(target)
    result = restore(into, old)
    assert result.created_schema and result.header.schema_revision == earlier
    assert current_revision(into) == head_revision()  # migrated after the rows went in
    restored, original = every_table(into), every_table(source)
    assert set(restored) == set(original)

    def projected(db: Database, table: str) -> list[tuple[Any, ...]]:
        names = ", ".join(quote(c) for c in sorted(columns[table]))
        with db.read() as conn:
            return sorted(conn.rows(f"SELECT {names} FROM {quote(table)}"), key=repr)

    for table in original:
        if table in columns:
            assert projected(into, table) == projected(source, table), table
        else:
            assert restored[table] == [], table  # a table the earlier revision did not have
