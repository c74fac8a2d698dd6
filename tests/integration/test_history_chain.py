"""Tamper-evident history on a real register (SQLite file, and PostgreSQL when reachable): every writer
chains its lines, `verify` finds an edited, deleted or rewritten line, the migration hashes an old
database's lines, and two processes appending at once keep one unbroken chain."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agreements.profiles import edit_profile, profile_history
from errors import InputError
from gi_lists.services import import_file
from storage.chain import CHAINED, row_hash, verify
from storage.db import Database
from tests.conftest import PROJECT_ROOT, TEST_DATA
from watch.trademarks.services import scan_gazette, set_finding_state

AT = "2026-12-03T10:00:00+00:00"


def states(db: Database) -> dict[str, tuple[int, object]]:
    return {c.table: (c.rows, c.broken) for c in verify(db)}


def counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {t: int(conn.scalar(f"SELECT count(*) FROM {t}")) for t in CHAINED}


def links(db: Database, table: str) -> list[tuple[int, str, str]]:
    with db.read() as conn:
        return [(r[0], r[1], r[2]) for r in conn.rows(f"SELECT id, prev_hash, hash FROM {table} ORDER BY id")]


def raw(db: Database, sql: str, params: list[object]) -> int:
    """A write behind GIScope's back (what someone with the database's password could do)."""
    return db.transaction(lambda conn: conn.execute(sql, params))


def edit_fees(db: Database, value: str, reason: str = "checked") -> list[str]:
    return edit_profile(db, "TH", "fees", who="tester", reason=reason, value_en=value, source="test", at=AT)


def test_every_writer_appends_to_one_unbroken_chain(loaded_engine: Database, tmp_path: Path) -> None:
    db = loaded_engine
    loaded = states(db)
    assert loaded["history"][0] > 0 and all(b is None for _, b in loaded.values()), loaded
    before = counts(db)
    path = tmp_path / "v.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(
            [["name", "product_class", "origin", "status"], ["测试甲茶", "Tea", "CN", "pending"]]
        )
    import_file(db, path, agreement="china-eu", annex="V", register=None, who="a", keep_missing=True)
    edit_fees(db, "Application 500 THB")
    scan = scan_gazette(
        db,
        TEST_DATA / "gazette_example.csv",
        "CN",
        published="2026-11-20",
        who="t",
        at=AT,
        today="2026-12-03",
    )
    set_finding_state(
        db, scan.findings[0].id, state="reviewed", note="seen", who="t", at=AT, today="2026-12-03"
    )
    after = counts(db)
    assert all(after[t] > before[t] for t in CHAINED), (before, after)
    assert all(b is None for _, b in states(db).values())
    for table in CHAINED:
        chain = links(db, table)
        assert chain[0][1] == "" and all(chain[i][1] == chain[i - 1][2] for i in range(1, len(chain)))
        assert len({h for _, _, h in chain}) == len(chain)


def test_verify_names_the_row_whose_content_was_edited(loaded_engine: Database) -> None:
    db = loaded_engine
    edit_fees(db, "Application 500 THB")
    edit_fees(db, "Application 600 THB")
    first = links(db, "profile_history")[0][0]
    assert raw(db, "UPDATE profile_history SET reason = ? WHERE id = ?", ["nobody asked", first]) == 1
    broken = states(db)["profile_history"][1]
    assert broken is not None and (broken.row_id, broken.problem) == (first, "content_edited")
    # the GI history too: one line's who changed, every other column as it was
    target = links(db, "history")[5][0]
    raw(db, "UPDATE history SET who = ? WHERE id = ?", ["someone else", target])
    broken = states(db)["history"][1]
    assert broken is not None and (broken.row_id, broken.problem, broken.previous_id) == (
        target,
        "content_edited",
        links(db, "history")[4][0],
    )
    assert states(db)["trademark_finding_history"][1] is None


def test_a_deleted_or_rewritten_row_breaks_the_link_after_it(loaded_engine: Database) -> None:
    db = loaded_engine
    chain = links(db, "history")
    raw(db, "DELETE FROM history WHERE id = ?", [chain[10][0]])
    broken = states(db)["history"][1]
    assert broken is not None and (broken.row_id, broken.problem, broken.previous_id) == (
        chain[11][0],
        "link_broken",
        chain[9][0],
    )
    # a line rewritten with a hash made to match its new content still breaks the next line's link
    for i in range(12):
        edit_fees(db, f"Application {i} THB")
    rows = links(db, "profile_history")
    with db.read() as conn:
        row = conn.records("SELECT * FROM profile_history WHERE id = ?", [rows[3][0]])[0]._asdict()
    row["reason"] = "rewritten"
    forged = row_hash("profile_history", row["id"], row, row["prev_hash"])
    raw(db, "UPDATE profile_history SET reason = ?, hash = ? WHERE id = ?", ["rewritten", forged, row["id"]])
    broken = states(db)["profile_history"][1]
    assert broken is not None and (broken.row_id, broken.problem, broken.previous_id) == (
        rows[4][0],
        "link_broken",
        rows[3][0],
    )
    # the first lines gone: the new first one links to nothing
    raw(db, "DELETE FROM profile_history WHERE id <= ?", [rows[3][0]])
    broken = states(db)["profile_history"][1]
    assert broken is not None and (broken.row_id, broken.problem) == (rows[4][0], "head_missing")


def test_a_reason_that_would_forge_a_line_is_refused_at_entry(loaded_engine: Database) -> None:
    before = profile_history(loaded_engine, "TH")
    with pytest.raises(InputError, match="--reason"):  # the validation layer: one line, nothing written
        edit_fees(loaded_engine, "Application 500 THB", reason="checked\nwho: forged line")
    assert profile_history(loaded_engine, "TH") == before
    edit_fees(loaded_engine, "Application 500 THB", reason="checked: one line")
    assert profile_history(loaded_engine, "TH")[-1]["reason"] == "checked: one line"  # stored as given
    assert states(loaded_engine)["profile_history"][1] is None


def test_the_migration_hashes_the_lines_of_an_old_database(engine: Database) -> None:
    from alembic import command
    from alembic.config import Config

    from storage.migrate import SCRIPT_LOCATION, sqlalchemy_engine, upgrade

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    sa_engine = sqlalchemy_engine(engine)
    cfg.attributes["engine"] = sa_engine
    command.upgrade(cfg, "0009")
    sa_engine.dispose()

    def old_lines(conn) -> None:  # type: ignore[no-untyped-def]
        conn.execute(
            "INSERT INTO profiles (jurisdiction, name_en, name_zh) VALUES ('TH', 'Thailand', '泰国')"
        )
        for i in range(3):
            conn.insert(
                "profile_history",
                dict(
                    jurisdiction="TH",
                    key="fees",
                    at=AT,
                    who="old",
                    what="value_en",
                    before=None,
                    after=str(i),
                    reason="r",
                ),
            )

    engine.transaction(old_lines)
    upgrade(engine)
    assert states(engine) == {
        "history": (0, None),
        "profile_history": (3, None),
        "trademark_finding_history": (0, None),
    }
    chain = links(engine, "profile_history")
    assert chain[0][1] == "" and chain[2][1] == chain[1][2]


APPENDER = """
import sys
from pathlib import Path
from agreements.profiles import edit_profile
from storage.db import Database

db = Database(sys.argv[1])
go = Path(sys.argv[2])
while not go.exists():
    pass
for i in range(int(sys.argv[4])):
    edit_profile(db, "TH", "fees", who=sys.argv[3], reason="race", value_en=f"{sys.argv[3]} {i}", source="s")
"""


def test_two_processes_appending_at_once_keep_one_chain(loaded_engine: Database, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    edits = 15
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, loaded_engine.url, str(go), who, str(edits)],
            cwd=PROJECT_ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("p1", "p2")
    ]
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    chain = links(loaded_engine, "profile_history")
    values = [h for h in profile_history(loaded_engine, "TH") if h["what"] == "value_en"]
    assert len(values) == 2 * edits  # every edit of both kept, each once
    assert states(loaded_engine)["profile_history"] == (len(chain), None)
    assert all(chain[i][1] == chain[i - 1][2] for i in range(1, len(chain)))
