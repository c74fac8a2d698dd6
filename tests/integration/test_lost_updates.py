"""No lost updates (issue 16 item 2), on SQLite and PostgreSQL, with real OS processes: two edits of one
profile field in two languages both land (or the second is refused as stale, never silently lost) with
the right "before" values in the history; an edit based on a version since changed is refused naming who
changed it; two imports adding the same name give one register entry and at most a clear refusal; an
edit made while a long import writes waits for it and succeeds."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import types

import pytest

from agreements.profiles import edit_profile, get_profile, profile_history
from errors import StaleWriteError
from storage.db import SQLITE_BUSY_TIMEOUT_S
from tests.conftest import PROJECT_ROOT
from tests.integration import concurrent_workers as workers
from tests.integration.test_register import write_csv

SPAWN = multiprocessing.get_context("spawn")  # fresh processes: no connection or lock shared with pytest
ROUNDS = 6


@pytest.fixture(autouse=True)
def _no_script_as_main(monkeypatch):
    """A spawned process runs the parent's __main__ again from its file. After a Streamlit AppTest ran in
    this test process, __main__ is a page script, which the workers would run (and hang or crash in):
    give them a __main__ with no file."""
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def run_together(target, calls: list[tuple]) -> dict[str, tuple]:
    """Start one process per call, released together by a barrier; each one's report by its tag."""
    barrier, queue = SPAWN.Barrier(len(calls)), SPAWN.Queue()
    procs = [SPAWN.Process(target=target, args=(*args, barrier, queue)) for args in calls]
    for p in procs:
        p.start()
    reports = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    crashes = [r[2] for r in reports if r[1] == "crash"]
    assert not crashes, crashes
    return {r[0]: r[1:] for r in reports}


def assert_history_chains(db, part: str) -> None:
    """Every change of `part` starts from the value the one before it left: nothing written in between."""
    rows = [h for h in profile_history(db, "TH", "laws") if h["what"] == part]
    for earlier, later in zip(rows, rows[1:], strict=False):
        assert later["before"] == earlier["after"], (earlier, later)


def test_two_processes_editing_one_field_in_two_languages_keep_both_texts(loaded_engine):
    db = loaded_engine
    for i in range(ROUNDS):
        en, zh = f"Act B.E. 2546 round {i}", f"佛历2546年法 第{i}轮"
        reports = run_together(
            workers.edit_field,
            [(db.url, "en", en, "editor-en"), (db.url, "zh", zh, "editor-zh")],
        )
        field = get_profile(db, "TH").field("laws")
        # neither edit names a version (as the CLI): each applies to the field as the other left it
        assert reports["en"][0] == reports["zh"][0] == "ok", reports
        assert en in field.fact.value_en and zh in field.fact.value_zh, (i, field.fact)
    assert_history_chains(db, "value_en")
    assert_history_chains(db, "value_zh")
    assert get_profile(db, "TH").field("laws").version >= 2 * ROUNDS + 1


def test_two_cli_processes_editing_one_field_lose_nothing(loaded_engine):
    env_url = loaded_engine.url
    import os

    env = {**os.environ, "GISCOPE_DATABASE_URL": env_url}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cli",
                "profile",
                "TH",
                "--set",
                "laws",
                "--lang",
                lang,
                "--value",
                text,
                "--source",
                "gazette",
                "--reason",
                "cli",
            ],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for lang, text in (("en", "CLI English text"), ("zh", "命令行中文文本"))
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "Traceback" not in err, err
    fact = get_profile(loaded_engine, "TH").field("laws").fact
    assert "CLI English text" in fact.value_en and "命令行中文文本" in fact.value_zh
    assert_history_chains(loaded_engine, "value_en")
    assert_history_chains(loaded_engine, "value_zh")


def test_a_write_on_a_version_since_changed_is_refused_naming_who_changed_it(loaded_engine):
    db = loaded_engine
    seen = get_profile(db, "TH").field("laws")
    edit_profile(db, "TH", "laws", who="Li Wei", reason="new act", value_zh="新法", source="gazette")
    after_theirs = get_profile(db, "TH").field("laws")
    history = profile_history(db, "TH", "laws")
    with pytest.raises(StaleWriteError) as refused:
        edit_profile(
            db,
            "TH",
            "laws",
            who="Anna",
            reason="typo",
            value_en="Act",
            source="gazette",
            expected_version=seen.version,
        )
    message = str(refused.value)
    assert "Li Wei" in message and "TH laws" in message and "reload" in message
    assert refused.value.changed_by == "Li Wei" and refused.value.now == after_theirs.version
    assert (
        get_profile(db, "TH").field("laws") == after_theirs and profile_history(db, "TH", "laws") == history
    )
    # on the version now shown, the same edit applies, its "before" the text Li Wei left
    edit_profile(
        db,
        "TH",
        "laws",
        who="Anna",
        reason="typo",
        value_en="Act",
        source="gazette",
        expected_version=after_theirs.version,
    )
    last = [h for h in profile_history(db, "TH", "laws") if h["what"] == "value_en"][-1]
    assert (last["who"], last["before"], last["after"]) == ("Anna", after_theirs.fact.value_en, "Act")


NEW_NAME = ["测试并发茶", "Ceshi Bingfa Cha", "Tea", "CN", "pending", "OJ C 1", "high"]
HEADER = ["name", "transcription", "product_class", "origin", "status", "source", "confidence"]


@pytest.mark.parametrize("annexes", [("V", "V"), ("V", "VII")], ids=["same-list", "two-lists"])
def test_two_imports_adding_the_same_name_give_one_entry_and_no_traceback(loaded_engine, tmp_path, annexes):
    from gi_lists.services import find_gis

    path = write_csv(tmp_path / "new.csv", HEADER, [NEW_NAME])
    calls = [(loaded_engine.url, str(path), annex, f"import {i}") for i, annex in enumerate(annexes)]
    reports = run_together(workers.import_list, calls)
    assert "ok" in [r[0] for r in reports.values()], reports  # at least one import applies
    for r in reports.values():
        if r[0] == "refused":  # one clear line, never a driver's traceback or an integrity error
            assert "\n" not in r[2] and "Traceback" not in r[2], r
    found = find_gis(loaded_engine, "测试并发茶")
    assert len(found) == 1, found
    added = [r[1]["added"] for r in reports.values() if r[0] == "ok"]
    assert sum(added) >= 1 and (annexes[0] != annexes[1] or sum(added) == 1), reports


def test_an_edit_made_while_a_long_import_writes_waits_and_succeeds(loaded_engine):
    db = loaded_engine
    # longer than SQLite waits for a lock by itself, and than the edit used to keep trying (its busy wait,
    # then 2 more): it used to fail with "database is locked"
    seconds = 3 * SQLITE_BUSY_TIMEOUT_S + 1 if db.backend == "sqlite" else 3
    ready, queue = SPAWN.Event(), SPAWN.Queue()
    holder = SPAWN.Process(target=workers.hold_write, args=(db.url, seconds, ready, queue))
    holder.start()
    try:
        assert ready.wait(timeout=60)
        changed = edit_profile(
            db, "TH", "laws", who="staff", reason="during import", value_en="Edited meanwhile", source="s"
        )
    finally:
        holder.join(timeout=120)
    assert queue.get(timeout=10)[1] == "ok"
    assert "value_en" in changed
    field = get_profile(db, "TH").field("laws")
    assert field.fact.value_en == "Edited meanwhile" and field.updated_by == "staff"


def test_a_finding_changed_since_the_page_showed_it_is_refused_naming_who_changed_it(loaded_engine):
    from tests.integration.test_trademark_watch import AT, TODAY, scan
    from watch.trademarks.services import finding_history, get_finding, set_finding_state

    shown = scan(loaded_engine, published="2026-09-30").findings[0]
    common = dict(at=AT, today=TODAY)
    mine = set_finding_state(
        loaded_engine,
        shown.id,
        state="reviewed",
        note="checked",
        who="Wang Fang",
        expected_version=shown.version,
        **common,
    )[0]
    assert mine.version == shown.version + 1 == get_finding(loaded_engine, shown.id).version
    with pytest.raises(StaleWriteError) as refused:  # a second page still showing the first version
        set_finding_state(
            loaded_engine,
            shown.id,
            state="dismissed",
            note="no case",
            who="Tom",
            expected_version=shown.version,
            **common,
        )
    assert "Wang Fang" in str(refused.value) and f"#{shown.id}" in str(refused.value)
    assert get_finding(loaded_engine, shown.id).state == "reviewed"
    assert [h.after for h in finding_history(loaded_engine, shown.id)][-1] == "reviewed"


def _target(db):
    from gi_lists.services import resolve_target

    with db.read() as conn:
        return resolve_target(conn, agreement="china-eu", annex="V", register=None)


def test_an_import_that_meets_a_name_added_meanwhile_is_one_clear_refusal(loaded_engine):
    """Should two imports still collide on a unique key, the later one is one message, nothing written."""
    from errors import RegisterError
    from gi_lists.safety import apply_locked

    gi_id = "cn-ceshi-bingfa-cha"
    row = {"id": gi_id, "product_class": "Tea", "origin": "CN", "created_at": "x", "updated_at": "x"}
    loaded_engine.transaction(lambda conn: conn.insert("gis", row))

    def work(conn):
        conn.insert(
            "batches",
            {
                "at": "x",
                "who": "t",
                "file": "new.csv",
                "list_key": "china-eu/V",
                "rows": 1,
                "added": 1,
                "changed": 0,
                "removed": 0,
            },
        )
        conn.insert("gis", row)  # added meanwhile by another import

    with pytest.raises(RegisterError) as refused:
        apply_locked(loaded_engine, work, _target(loaded_engine), "new.csv")
    message = str(refused.value)
    assert "another import added the same entry" in message and "new.csv" in message and "\n" not in message
    with loaded_engine.read() as conn:
        assert conn.scalar("SELECT count(*) FROM batches WHERE file = ?", ["new.csv"]) == 0
