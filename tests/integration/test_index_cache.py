"""The conflict index kept between processes (compare.index_cache): written once per register version,
read back by the next process, rebuilt when the register changes or the file is damaged, and never
different from an index built afresh."""

from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path

import pytest

from compare.evaluation import load_cases
from compare.services import build_index, check_labels
from gi_lists.repository import GIRepository
from gi_lists.services import import_file
from storage.db import Database
from tests.cli.test_cli import COMMAND, giscope, ok
from tests.conftest import TEST_DATA
from tests.integration.test_register import write_csv

HEADER = ["name", "transcription", "product_class", "origin", "status", "source", "confidence"]
NEW_TEA = ["测试甲茶", "Ceshi Jia Cha", "Tea", "CN", "pending", "OJ C 459", "high"]


@pytest.fixture
def kept(loaded_engine: Database, tmp_path: Path) -> Database:
    """The loaded register with a place for its index on either backend: beside the SQLite file (the
    default), in a cache folder for PostgreSQL (GISCOPE_CACHE_DIR)."""
    if loaded_engine.path is None:
        loaded_engine.cache_dir = str(tmp_path / "cache")
    return loaded_engine


def identity(path: Path) -> tuple[int, int]:
    """Which write of the file this is: every write renames a new file into place."""
    st = path.stat()
    return st.st_ino, st.st_mtime_ns


def stored_path(db: Database) -> Path:
    path = db.cache_path("conflict-index")
    assert path is not None
    return path


def results(index, labels: list[str], jurisdiction: str) -> list[dict]:
    return [r.to_dict() for r in check_labels(index, labels, jurisdiction)]


def import_tea(db: Database, folder: Path, status: str) -> None:
    path = write_csv(folder / f"annex_v_{status}.csv", HEADER, [[*NEW_TEA[:4], status, *NEW_TEA[5:]]])
    import_file(db, path, agreement="china-eu", annex="V", register=None, who="tester", keep_missing=True)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_index_is_written_once_and_read_back_by_the_next_process(loaded_engine, tmp_path):
    db_file = loaded_engine.path
    path = stored_path(loaded_engine)
    assert path == db_file.with_name("register.sqlite3-conflict-index") and not path.exists()
    args = ("check", "香宾酒", "Parma ham", "Champagne-style sparkling wine", "--in", "CN", "--json")
    first = ok(giscope(*args, db=db_file))
    written = identity(path)
    second = ok(giscope(*args, db=db_file))
    assert identity(path) == written  # read, not built and written again
    assert json.loads(second.out) == json.loads(first.out)
    assert first.err == second.err  # nothing logged: the file was whole and current
    # and what both processes answered is what an index built here, without the file, answers
    fresh = build_index(loaded_engine, stored=False)
    assert [{k: v for k, v in r.items() if k != "coverage"} for r in json.loads(first.out)] == results(
        fresh, list(args[1:4]), "CN"
    )
    # GISCOPE_CACHE_DIR puts it in that folder instead, named after the database
    folder = tmp_path / "cache"
    ok(giscope(*args, db=db_file, env={"GISCOPE_CACHE_DIR": str(folder)}))
    assert [p.name.startswith("conflict-index-") for p in folder.iterdir()] == [True]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_processes_racing_to_keep_the_index_leave_one_whole_file(loaded_engine, caplog):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
    env["GISCOPE_DATABASE_URL"] = loaded_engine.url
    racers = [
        subprocess.Popen(
            [*COMMAND, "check", "香宾酒", "--in", "CN", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    outputs = [r.communicate(timeout=120) for r in racers]
    assert [r.returncode for r in racers] == [0, 0, 0]
    assert len({out for out, _ in outputs}) == 1 and all(b"Traceback" not in err for _, err in outputs)
    path = stored_path(loaded_engine)
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    written = identity(path)
    with caplog.at_level(logging.WARNING, logger="giscope.index_cache"):
        build_index(loaded_engine)
    assert caplog.records == [] and identity(path) == written  # whole, and current: read, not rebuilt


def test_an_import_or_a_status_change_rebuilds_the_stored_index(kept, tmp_path):
    path = stored_path(kept)
    build_index(kept)
    written = identity(path)
    build_index(kept)
    assert identity(path) == written

    import_tea(kept, tmp_path, "pending")  # a new GI: a new register version
    index = build_index(kept)
    assert identity(path) != written
    hit = check_labels(index, ["Ceshi Jia Cha"], "EU")[0].matches[0]
    assert (hit.gi.display_name, [p.status for p in hit.protections]) == ("测试甲茶", ["pending"])

    written = identity(path)
    import_tea(kept, tmp_path, "protected")  # the same entry, its status changed
    index = build_index(kept)
    assert identity(path) != written
    hit = check_labels(index, ["Ceshi Jia Cha"], "EU")[0].matches[0]
    assert [p.status for p in hit.protections] == ["protected"]


def test_readings_computed_again_rebuild_the_stored_index(kept):
    """`giscope init` after an upgrade recomputes the stored readings without a batch."""
    path = stored_path(kept)
    build_index(kept)
    written = identity(path)
    with kept.read() as conn:
        text, reading = next(iter(GIRepository(conn).readings()["pinyin"].items()))
    kept.transaction(lambda conn: GIRepository(conn).save_readings([("pinyin", text, reading, "other")]))
    build_index(kept)
    assert identity(path) != written


def test_results_with_the_stored_index_equal_results_without_it(kept, caplog):
    build_index(kept)  # builds and keeps it
    with caplog.at_level(logging.WARNING, logger="giscope.index_cache"):
        stored = build_index(kept)  # read back from the file
    assert caplog.records == []
    fresh = build_index(kept, stored=False)
    assert stored is not fresh and len(stored.gis) == len(fresh.gis)
    cases = load_cases(TEST_DATA / "conflict_eval.csv")
    for jurisdiction in ("CN", "EU", "FR", "TH"):
        labels = [c.label for c in cases if c.jurisdiction == jurisdiction]
        assert results(stored, labels, jurisdiction) == results(fresh, labels, jurisdiction)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_file_is_rebuilt_and_logged_never_an_error(loaded_engine, damage, caplog):
    path = stored_path(loaded_engine)
    labels = ["香宾酒", "Parma ham"]
    expected = results(build_index(loaded_engine), labels, "CN")
    whole = path.read_bytes()
    path.write_bytes(
        {"garbage": b"not a pickle at all", "truncated": whole[: len(whole) // 2], "empty": b""}[damage]
    )
    with caplog.at_level(logging.WARNING, logger="giscope.index_cache"):
        assert results(build_index(loaded_engine), labels, "CN") == expected
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "unreadable" in caplog.text and "building it again" in caplog.text
    assert path.read_bytes() != b""  # replaced by a whole one (read below without a word)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="giscope.index_cache"):
        build_index(loaded_engine)
    assert caplog.records == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_place_that_cannot_be_written_is_logged_and_the_index_still_built(loaded_engine, tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    loaded_engine.cache_dir = str(blocker / "cache")  # a folder inside a file: mkdir fails
    with caplog.at_level(logging.WARNING, logger="giscope.index_cache"):
        index = build_index(loaded_engine)
    assert check_labels(index, ["香宾酒"], "CN")[0].matches[0].gi.id == "fr-champagne"
    assert "cannot keep the conflict index" in caplog.text
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_write_leaves_no_temporary_file_behind(loaded_engine):
    build_index(loaded_engine)
    folder = stored_path(loaded_engine).parent
    assert [p for p in os.listdir(folder) if p.endswith(".tmp")] == []


def test_the_code_fingerprint_is_that_of_the_code_this_process_imported(monkeypatch):
    """A server still running older code after an upgrade must not write an index file keyed by the new
    code on disk (the new code would read an index it cannot use): the fingerprint is read once, when
    compare.conflicts is imported, and files changed afterwards do not change it."""
    import compare.conflicts  # noqa: F401  (reads the fingerprint)
    from compare import index_cache

    first = index_cache.code_fingerprint()

    def gone(self, **kwargs):
        raise OSError("changed on disk")

    monkeypatch.setattr(Path, "stat", gone)
    assert index_cache.code_fingerprint() == first


def test_a_background_write_is_whole_once_waited_for(tmp_path, monkeypatch):
    """`giscope check` writes a new index file from a forked child while it screens (compare.index_cache
    save(background=True)); once waited for, the file is there, whole, and read back like any other."""
    import sys
    import threading

    from compare import index_cache

    path = tmp_path / "kept"
    value = {"names": list(range(50_000)), "text": "香槟 Champagne"}
    linux = sys.platform.startswith("linux")
    monkeypatch.setattr(index_cache, "_may_fork", lambda: linux)  # whatever threads the test runner has
    index_cache.save(path, ("key", 1), value, background=True)
    if linux:
        assert index_cache._writers  # written by a child, not here
    index_cache.wait_for_saves()
    assert not index_cache._writers
    assert index_cache.load(path, ("key", 1)) == value
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]  # no temporary file left
    # with another thread running, no fork (a child would hold a copy of its locks): written here
    monkeypatch.undo()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        index_cache.save(path, ("key", 2), value, background=True)
        assert not index_cache._writers
        assert index_cache.load(path, ("key", 2)) == value
    finally:
        stop.set()
        other.join()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_background_write_that_fails_leaves_the_check_whole(loaded_engine, tmp_path, monkeypatch):
    import sys

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    loaded_engine.cache_dir = str(blocker / "cache")  # a folder inside a file: the child cannot write
    from compare import index_cache

    linux = sys.platform.startswith("linux")
    monkeypatch.setattr(index_cache, "_may_fork", lambda: linux)
    index = build_index(loaded_engine, background_save=True)
    assert bool(index_cache._writers) == linux  # the failing write was the child's
    index_cache.wait_for_saves()
    assert check_labels(index, ["香宾酒"], "CN")[0].matches[0].gi.id == "fr-champagne"
    assert not index_cache._writers and blocker.read_text() == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
