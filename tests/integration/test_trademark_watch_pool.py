"""A large gazette is screened by a process pool over chunks of marks; its findings are those the serial
path stores, in the same order (no timing here: benchmarks/bench_watch.py measures the speed)."""

from __future__ import annotations

import csv
from pathlib import Path

from compare.severity import relevant_protections
from gi_lists.repository import GIRepository
from storage.db import Database
from watch.trademarks.services import scan_gazette

MODIFIERS = ("", " style", "型", " premium")


def planted_gazette(db: Database, path: Path, n: int = 300) -> Path:
    """n marks: every other one a GI protected in CN (as written or with a modifier), the rest made up."""
    with db.read() as conn:
        repo = GIRepository(conn)
        gis = [gi for gi in repo.get_many(sorted(repo.ids())) if relevant_protections(gi, "CN")]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["application_no", "mark", "classes", "applicant"])
        for i in range(n):
            gi = gis[(i * 7) % len(gis)]
            mark = gi.display_name + MODIFIERS[i % 4] if i % 2 else f"Zentavo {i}"
            w.writerow([f"P-{i:04d}", mark, str(i % 45 + 1), "Applicant"])
    return path


def test_the_pool_stores_the_findings_of_the_serial_path_in_the_same_order(
    loaded_engine: Database, tmp_path: Path
) -> None:
    db = loaded_engine
    if db.cache_path("conflict-index") is None:  # a server database: the index is kept in GISCOPE_CACHE_DIR
        db = Database(loaded_engine.url, cache_dir=str(tmp_path / "cache"))
        (tmp_path / "cache").mkdir()
    gazette = planted_gazette(db, tmp_path / "gazette.csv")

    def scan(name: str, seen: list[tuple[int, int]], **kw: int):  # type: ignore[no-untyped-def]
        return scan_gazette(
            db,
            gazette,
            "CN",
            published="2026-11-20",
            gazette=name,
            min_severity="low",
            who="tester",
            at="2026-12-03T10:00:00+00:00",
            today="2026-12-03",
            progress=lambda done, total: seen.append((done, total)),
            **kw,
        )

    by_mark: list[tuple[int, int]] = []
    by_chunk: list[tuple[int, int]] = []
    serial = scan("serial", by_mark)
    pooled = scan("pooled", by_chunk, workers=2, serial_up_to=0)

    def facts(result):  # type: ignore[no-untyped-def]
        return [
            (f.application_no, f.gi_id, f.kind, f.severity, f.reason, f.legal_basis, f.legal_source)
            for f in result.findings
        ]

    assert len(serial.findings) > 100
    assert facts(pooled) == facts(serial)
    assert pooled.added == serial.added == len(serial.findings)
    assert len(by_mark) == 300  # the serial path reports each mark
    assert by_chunk[-1] == (300, 300)  # whichever path ran (the pool's own test is below)
    if db is not loaded_engine:
        db.dispose()


def test_a_small_gazette_is_screened_in_this_process(loaded_engine: Database, tmp_path: Path) -> None:
    gazette = planted_gazette(loaded_engine, tmp_path / "small.csv", n=20)
    seen: list[tuple[int, int]] = []
    scan_gazette(
        loaded_engine,
        gazette,
        "CN",
        published="2026-11-20",
        who="tester",
        at="2026-12-03T10:00:00+00:00",
        today="2026-12-03",
        workers=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(i, 20) for i in range(1, 21)]


def test_a_pool_whose_workers_cannot_read_the_kept_index_falls_back_to_this_process(
    loaded_engine: Database, tmp_path: Path
) -> None:
    from compare.services import build_index
    from watch.trademarks.gazette import read_gazette
    from watch.trademarks.screening import IndexFile, screen_marks

    marks = read_gazette(planted_gazette(loaded_engine, tmp_path / "g.csv", n=60), published="2026-11-20")
    index = build_index(loaded_engine)
    kw = {"index": index, "min_severity": "low", "lang": "en", "workers": 2, "serial_up_to": 0}
    wrong = IndexFile(tmp_path / "no-such-index", ("another register",))
    assert screen_marks(marks, "CN", index_file=wrong, **kw) == screen_marks(
        marks, "CN", index_file=None, **kw
    )  # type: ignore[arg-type]


POOL_SCRIPT = """
import json, sys
from pathlib import Path
from watch.trademarks.gazette import read_gazette
from watch.trademarks.screening import IndexFile, screen_marks
from compare import index_cache

path, gazette = Path(sys.argv[1]), sys.argv[2]
readings, index = index_cache.load(path, ("test", 1))
marks = read_gazette(Path(gazette), published="2026-11-20")
chunks = []
kw = {"index": index, "min_severity": "low", "lang": "en", "serial_up_to": 0}
pooled = screen_marks(marks, "CN", index_file=IndexFile(path, ("test", 1)), workers=2,
                      progress=lambda d, t: chunks.append(d), **kw)
serial = screen_marks(marks, "CN", index_file=None, **kw)
print(json.dumps({"same": pooled == serial, "hits": sum(map(len, serial)), "chunks": chunks}))
"""


def test_the_pool_screens_chunks_from_a_kept_index_file_as_this_process_does(
    loaded_engine: Database, tmp_path: Path
) -> None:
    """The pool itself, in a process of its own (as `giscope watch scan` runs it), on an index kept in a
    file of its own."""
    import json
    import subprocess
    import sys

    from compare import index_cache
    from compare.services import build_index
    from watch.trademarks.screening import CHUNK

    gazette = planted_gazette(loaded_engine, tmp_path / "g.csv", n=CHUNK + 100)
    index = build_index(loaded_engine, stored=False)
    with loaded_engine.read() as conn:
        readings = GIRepository(conn).readings()
    index_cache.save(tmp_path / "index", ("test", 1), (readings, index))
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", POOL_SCRIPT, str(tmp_path / "index"), str(gazette)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "pool stopped" not in out.stderr, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["same"] and result["hits"] > 100
    chunks = result["chunks"]
    assert 1 < len(chunks) < CHUNK + 100 and chunks[-1] == CHUNK + 100  # reported per chunk: the pool ran
