"""The office load test (benchmarks/bench_office.py): its lost-update count on constructed cases, its
refusal of a server that is not on this machine, and a short real run (2 workers, 5 s) on PostgreSQL that
reports every kind of operation and drops its database. Its figures are printed by the benchmark, never
asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
from sqlalchemy.engine import make_url

from benchmarks import office_ops
from benchmarks.bench_office import BenchDatabase, BenchError, lost_updates, percentile, summarise, table
from errors import AgreementError, GIScopeError, StorageError
from tests.conftest import POSTGRES_URL, PROJECT_ROOT, REQUIRE_POSTGRES, postgres_reachable


def test_a_recorded_token_missing_from_the_final_text_is_a_lost_update() -> None:
    # w1 and w2 read "base", both wrote; w2's write replaced w1's: w1's token is lost
    final = "Load-test tokens: [w2-1] [w1-2] [w2-2] [w1-11]"
    recorded = ["[w1-1]", "[w2-1]", "[w1-2]", "[w2-2]", "[w1-11]"]
    assert lost_updates(recorded, final) == ["[w1-1]"]
    assert lost_updates(["[w2-1]", "[w1-11]"], final) == []
    assert lost_updates([], final) == []


def test_tokens_are_never_inside_one_another() -> None:
    # '[w1-1]' must not be found inside '[w1-11]', or a lost [w1-1] would go unseen
    assert lost_updates([office_ops.token(1, 1)], f"base {office_ops.token(1, 11)}") == ["[w1-1]"]


def test_the_report_counts_lost_updates_conflicts_and_errors_of_every_worker() -> None:
    def worker(tokens: list[str], edit_latencies: list[float], *, conflicts: int, errors: int) -> dict:
        result = office_ops.WorkerResult(0, tokens=tokens, started=100.0, ended=110.0)
        result.latencies["edit"] = edit_latencies
        result.conflicts["edit"] = conflicts
        result.errors["import"] = errors
        return result.to_dict()

    results = [
        worker(["[w0-1]", "[w0-2]"], [0.1, 0.2], conflicts=1, errors=0),
        worker(["[w1-1]"], [0.3], conflicts=2, errors=1),
    ]
    report = summarise(results, "base [w0-2] [w1-1]", workers=2, seconds=10)
    assert report["lost_updates"] == 1 and report["lost_tokens"] == ["[w0-1]"]
    assert report["edits_recorded"] == 3
    assert report["expected_conflicts"] == 3 and report["unexpected_errors"] == 1
    assert report["kinds"]["edit"]["ops"] == 3 and report["kinds"]["edit"]["per_second"] == 0.3
    assert report["kinds"]["edit"]["p50_ms"] == 200.0 and report["kinds"]["search"]["p50_ms"] is None
    printed = table(report)
    assert "lost updates: 1 of 3 profile edits" in printed and "[w0-1]" in printed
    assert printed.endswith("verdict: FAIL")


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0 and percentile(values, 0.95) == 95.0
    assert percentile([7.0], 0.95) == 7.0 and percentile([], 0.5) is None


def test_a_stale_write_is_an_expected_conflict_and_other_errors_are_not() -> None:
    class StaleWriteError(GIScopeError):
        pass

    assert office_ops.is_expected_conflict(StaleWriteError("EU contacts: someone else saved it first"))
    assert office_ops.is_expected_conflict(AgreementError("EU contacts was changed by ann since you read it"))
    assert not office_ops.is_expected_conflict(StorageError("the database is locked by another writer"))
    assert not office_ops.is_expected_conflict(ValueError("the field changed"))


def test_the_version_read_is_passed_to_an_edit_service_that_asks_for_it() -> None:
    def locking_edit(db: object, *, who: str, expected_version: int | None = None) -> None: ...

    def plain_edit(db: object, *, who: str) -> None: ...

    field = SimpleNamespace(key="contacts", version=7, fact=SimpleNamespace(value_en="x"))
    assert office_ops.version_argument(locking_edit, field) == {"expected_version": 7}
    assert office_ops.version_argument(plain_edit, field) == {}


@pytest.mark.parametrize("host", ["10.1.2.3", "192.168.0.5", "db.example.org", ""])
def test_a_server_not_on_this_machine_is_refused_before_connecting(host: str) -> None:
    with pytest.raises(BenchError, match="loopback"):
        BenchDatabase(f"postgresql+psycopg://postgres@{host}:5432/test")


def test_two_workers_for_five_seconds_report_every_kind_and_drop_their_database(_loaded_templates) -> None:
    if not postgres_reachable():
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required (CI) but not reachable at {POSTGRES_URL}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    template = _loaded_templates.postgres_template()
    command = [
        sys.executable,
        "benchmarks/bench_office.py",
        "--workers",
        "2",
        "--seconds",
        "5",
        "--json",
        "--server",
        POSTGRES_URL,
        "--template",
        template,
    ]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr  # 1: lost updates or errors, reported below
    report = json.loads(done.stdout)
    assert report["workers"] == 2 and report["seconds"] == 5
    assert set(report["kinds"]) == set(office_ops.KINDS)
    for figures in report["kinds"].values():
        assert set(figures) == {"ops", "per_second", "p50_ms", "p95_ms", "conflicts", "errors"}
    assert report["total_ops"] == sum(k["ops"] for k in report["kinds"].values()) > 0
    assert report["edits_recorded"] >= report["lost_updates"] >= 0
    assert (done.returncode == 0) == (report["unexpected_errors"] == 0 and report["lost_updates"] == 0)
    # optimistic locking: nothing lost, nothing unexpected (a stale write is a conflict, retried)
    assert report["lost_updates"] == 0 and report["unexpected_errors"] == 0, report
    assert done.returncode == 0
    import psycopg

    server = make_url(POSTGRES_URL)
    with psycopg.connect(
        host=server.host, port=server.port or 5432, user=server.username, dbname=server.database
    ) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (report["database"],)).fetchall()
    assert report["database"].startswith("giscope_bench_") and left == []
