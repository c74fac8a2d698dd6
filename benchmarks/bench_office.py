"""Many users, one database: several worker processes search, screen, edit a profile and import at once
against one PostgreSQL register for a bounded time, and the figures say what they got done, what failed
and whether any write was lost.

The benchmark makes its own database (giscope_bench_<random>) on the PostgreSQL server given by
--server (only a loopback address: 127.0.0.0/8, ::1 or localhost), loads the bundled lists into it as
`giscope init` does, starts --workers processes (default 6) that run a random mix of operations
(benchmarks/office_ops.py: search, browse, check, edit, import) for --seconds (default 30, at most 60),
then drops the database, also after Ctrl-C or a failure.

Lost updates: every profile edit appends a unique token to one shared field by read-modify-write, and
each write the service reported as successful is recorded; a recorded token missing from the field's
final text is a lost update (a write that someone else's overwrote without either of them being told).
A write refused as stale is an expected conflict, tried again, never an error.

Baseline: none is timed here. The figures are throughput (operations per second, all workers together),
p50/p95 latency of each kind of operation, the expected conflicts, the unexpected errors (must be 0) and
the lost updates (must be 0). The exit status is non-zero when either of the last two is not 0.

    .venv/bin/python benchmarks/bench_office.py [--workers 6] [--seconds 30] [--json]
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import math
import multiprocessing
import os
import queue
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import office_ops  # noqa: E402
from storage.db import masked  # noqa: E402

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
MAX_SECONDS = 60.0
READY_TIMEOUT_S = 180.0  # every worker imports the modules and warms up before the clock starts


class BenchError(Exception):
    """The benchmark cannot run as asked (its message says why)."""


# --- lost updates and figures (pure: unit-tested in tests/integration/test_bench_office.py) --------


def lost_updates(recorded: Iterable[str], final_text: str) -> list[str]:
    """The tokens whose write the service reported as successful and which the final text no longer
    holds, in the order given: each one a lost update."""
    return [t for t in recorded if t not in final_text]


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The value below which `fraction` of `values` lie (nearest rank); None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def summarise(
    results: list[dict[str, Any]], final_text: str, *, workers: int, seconds: float
) -> dict[str, Any]:
    """The report: per kind of operation its count, throughput, p50/p95 latency (ms), conflicts and
    errors; the totals; the lost updates."""
    started = min((r["started"] for r in results), default=0.0)
    ended = max((r["ended"] for r in results), default=0.0)
    elapsed = max(ended - started, 1e-9)
    kinds: dict[str, dict[str, Any]] = {}
    for kind in office_ops.KINDS:
        latencies = [x for r in results for x in r["latencies"][kind]]
        p50, p95 = percentile(latencies, 0.50), percentile(latencies, 0.95)
        kinds[kind] = {
            "ops": len(latencies),
            "per_second": round(len(latencies) / elapsed, 2),
            "p50_ms": None if p50 is None else round(p50 * 1000, 1),
            "p95_ms": None if p95 is None else round(p95 * 1000, 1),
            "conflicts": sum(r["conflicts"][kind] for r in results),
            "errors": sum(r["errors"][kind] for r in results),
        }
    recorded = [t for r in results for t in r["tokens"]]
    lost = lost_updates(recorded, final_text)
    total = sum(k["ops"] for k in kinds.values())
    return {
        "backend": "postgresql",
        "workers": workers,
        "seconds": seconds,
        "elapsed_s": round(elapsed, 2),
        "kinds": kinds,
        "total_ops": total,
        "throughput_per_second": round(total / elapsed, 2),
        "expected_conflicts": sum(k["conflicts"] for k in kinds.values()),
        "unexpected_errors": sum(k["errors"] for k in kinds.values()),
        "error_samples": [s for r in results for s in r["error_samples"]][:10],
        "index_rebuilds": sum(r["index_builds"] for r in results),
        "edits_recorded": len(recorded),
        "lost_updates": len(lost),
        "lost_tokens": lost[:20],
    }


def table(report: dict[str, Any]) -> str:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}"

    lines = [
        f"GIScope office load test: {report['workers']} workers for {report['seconds']:g} s "
        f"({report['elapsed_s']:.1f} s measured) on one PostgreSQL register",
        f"machine: {report.get('cpus')} cores, load average (1, 5, 15 min) at the end: "
        f"{report.get('load_average')}",
        "",
        f"{'kind':<8} {'ops':>6} {'ops/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'conflicts':>10} {'errors':>7}",
    ]
    for kind, k in report["kinds"].items():
        lines.append(
            f"{kind:<8} {k['ops']:>6} {k['per_second']:>7.2f} {ms(k['p50_ms']):>7} {ms(k['p95_ms']):>7} "
            f"{k['conflicts']:>10} {k['errors']:>7}"
        )
    lines += [
        f"{'total':<8} {report['total_ops']:>6} {report['throughput_per_second']:>7.2f} {'':>7} {'':>7} "
        f"{report['expected_conflicts']:>10} {report['unexpected_errors']:>7}",
        "",
        f"checks that waited for the name index after an import changed the register: "
        f"{report['index_rebuilds']}",
        f"expected conflicts (stale writes refused and tried again): {report['expected_conflicts']}",
        f"unexpected errors: {report['unexpected_errors']} (must be 0)",
    ]
    for s in report["error_samples"][:5]:
        lines.append(f"  {s['kind']}: {s['class']}: {s['message']}")
    lines.append(
        f"lost updates: {report['lost_updates']} of {report['edits_recorded']} profile edits reported as "
        "written (must be 0)"
    )
    if report["lost_tokens"]:
        lines.append(f"  missing from the final text: {' '.join(report['lost_tokens'][:10])}")
    verdict = "PASS" if report["unexpected_errors"] == 0 and report["lost_updates"] == 0 else "FAIL"
    lines.append(f"verdict: {verdict}")
    return "\n".join(lines)


# --- the database ---------------------------------------------------------------------------------


def loopback_server(url: str) -> Any:
    """The server URL, parsed, if it names a loopback host; a BenchError otherwise."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = (parsed.host or "").strip("[]")
    if not parsed.drivername.startswith("postgres"):
        raise BenchError(f"--server must be a PostgreSQL URL, not {parsed.drivername!r}")
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise BenchError(f"--server must name a loopback host (127.0.0.1, ::1, localhost), not {host!r}")
    return parsed


class BenchDatabase:
    """A database of its own on the server, dropped by drop() (even when it was half made)."""

    def __init__(self, server: str, template: str | None = None) -> None:
        base = loopback_server(server)
        self.name = f"giscope_bench_{uuid.uuid4().hex[:12]}"
        self.template = template
        self.url = base.set(drivername="postgresql+psycopg", database=self.name).render_as_string(
            hide_password=False
        )
        self._admin = dict(
            host=base.host,
            port=base.port or 5432,
            user=base.username,
            password=base.password,
            dbname=base.database or "postgres",
        )

    def _run(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(**{k: v for k, v in self._admin.items() if v is not None}, autocommit=True) as c:
            c.execute(sql)

    def create(self) -> None:
        template = self.template or "template0"
        self._run(f'CREATE DATABASE "{self.name}" ENCODING \'UTF8\' TEMPLATE "{template}"')

    def drop(self) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def prepare(url: str, workdir: Path, *, initialised: bool) -> Path:
    """Load the bundled lists (unless the database is a copy of an initialised one), give the shared
    profile field its starting text, and export the list the import workers import again."""
    from agreements.profiles import edit_profile
    from gi_lists import export as gi_export
    from gi_lists.services import Filters, list_gis
    from storage.db import Database

    db = Database(url)
    if not initialised:
        from bootstrap import initialise

        initialise(db, who="bench")
    edit_profile(
        db,
        office_ops.EDIT_JURISDICTION,
        office_ops.EDIT_KEY,
        who="bench",
        reason="load test start",
        value_en=office_ops.EDIT_BASE,
        source="benchmarks/bench_office.py",
        confidence="low",
    )
    filters = Filters(jurisdiction=office_ops.IMPORT_REGISTER)
    rows = gi_export.rows_for(list_gis(db, filters), filters.protection_matches)
    path = workdir / "import.csv"
    path.write_bytes(gi_export.to_csv(rows))
    return path


def final_text(url: str) -> str:
    from agreements.profiles import get_profile
    from storage.db import Database

    found = get_profile(Database(url), office_ops.EDIT_JURISDICTION).field(office_ops.EDIT_KEY)
    return found.fact.value_en if found else ""


# --- the run ----------------------------------------------------------------------------------------


def run_workers(
    workers: int, seconds: float, url: str, tmp: str, csv_path: Path, say: Any
) -> list[dict[str, Any]]:
    """Start the workers, wait until every one is ready, start them together, collect their results; any
    worker still alive when this returns (or fails) is stopped."""
    context = multiprocessing.get_context("spawn")
    processes: list[Any] = []
    try:
        ready, go, results = context.Queue(), context.Queue(), context.Queue()
        for index in range(workers):
            args = (index, url, tmp, str(csv_path), seconds, ready, go, results)
            process = context.Process(target=office_ops.work, args=args, name=f"office-worker-{index}")
            process.start()
            processes.append(process)
        say(f"{workers} workers getting ready ...")
        for _ in range(workers):
            try:
                index, failure = ready.get(timeout=READY_TIMEOUT_S)
            except queue.Empty:
                raise BenchError(f"the workers were not ready after {READY_TIMEOUT_S:g} s") from None
            if failure:
                raise BenchError(f"worker {index} could not start: {failure}")
        start_at = time.time() + 0.5
        for _ in range(workers):
            go.put(start_at)
        say(f"running for {seconds:g} s ...")
        try:
            collected = [results.get(timeout=seconds + READY_TIMEOUT_S) for _ in range(workers)]
        except queue.Empty:
            raise BenchError("a worker sent no result (it died or hung); see its output above") from None
        for process in processes:
            process.join(timeout=30)
        return collected
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)


def run(
    workers: int,
    seconds: float,
    *,
    server: str = DEFAULT_SERVER,
    template: str | None = None,
    log: Any = None,
) -> dict[str, Any]:
    """Make the database, run the workers, measure, drop the database; the report (see summarise)."""
    say = log or (lambda _: None)
    if workers < 1:
        raise BenchError("--workers must be at least 1")
    if not 0 < seconds <= MAX_SECONDS:
        raise BenchError(f"--seconds must be more than 0 and at most {MAX_SECONDS:g}")
    bench_db = BenchDatabase(server, template)
    try:
        bench_db.create()
    except Exception as exc:  # noqa: BLE001 (one line for the person who ran it)
        raise BenchError(
            f"cannot create a database on {masked(server)}: {' '.join(str(exc).split())}"
        ) from exc
    try:
        with tempfile.TemporaryDirectory(prefix="giscope-office-") as tmp:
            say(f"database {bench_db.name}: loading the bundled lists ...")
            csv_path = prepare(bench_db.url, Path(tmp), initialised=template is not None)
            collected = run_workers(workers, seconds, bench_db.url, tmp, csv_path, say)
            report = summarise(collected, final_text(bench_db.url), workers=workers, seconds=seconds)
            load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
            return {"database": bench_db.name, "load_average": load, "cpus": os.cpu_count(), **report}
    finally:
        bench_db.drop()
        say(f"database {bench_db.name} dropped")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=6, help="worker processes (default 6)")
    parser.add_argument(
        "--seconds", type=float, default=30.0, help="how long they work (default 30, at most 60)"
    )
    parser.add_argument("--server", default=DEFAULT_SERVER, help="a PostgreSQL URL on a loopback address")
    parser.add_argument("--template", help="copy this initialised database instead of loading the lists")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    seconds = min(args.seconds, MAX_SECONDS)

    def interrupted(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)  # stopped: drop the database all the same
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C too (even where it was ignored)
    log = None if args.json else (lambda line: print(line, file=sys.stderr, flush=True))
    try:
        report = run(args.workers, seconds, server=args.server, template=args.template, log=log)
    except BenchError as exc:
        print(f"bench_office: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench_office: interrupted; the database was dropped", file=sys.stderr)
        return 130
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else table(report))
    return 0 if report["unexpected_errors"] == 0 and report["lost_updates"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
