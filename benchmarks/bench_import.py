"""Import speed: 100,000 rows through `giscope import` into SQLite, against a named baseline.

Baseline: what a user would write without GIScope: pandas.read_csv + DataFrame.to_sql into a fresh
SQLite file (no validation, no merging, no search keys, no history). Both run in this invocation, on
the same file and machine; the script prints both times and the ratio ours / baseline.

Target (issue 10, was 30 s in issue 3): our import of 100,000 rows takes at most 15 s on SQLite, process
start included, with the register holding every bundled list (about 3,800 GIs).

    .venv/bin/python benchmarks/bench_import.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_rows, write_csv  # noqa: E402


def run_giscope(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def baseline(csv_path: Path, db_path: Path) -> float:
    code = (
        "import sqlite3, sys, pandas as pd\n"
        "df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)\n"
        "con = sqlite3.connect(sys.argv[2])\n"
        "df.to_sql('gis', con, index=False)\n"
        "con.commit()\n"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(csv_path), str(db_path)], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        csv_path = tmpdir / "register.csv"
        write_csv(csv_path, synthetic_rows(args.rows))
        env = {
            **os.environ,
            "GISCOPE_DATABASE_URL": f"sqlite:///{tmpdir / 'giscope.sqlite3'}",
            "GISCOPE_USER": "bench",
        }
        run_giscope(["init"], env)
        ours = run_giscope(
            ["import", str(csv_path), "--register", "CN", "--keep-missing", "--source", "bench"], env
        )
        again = run_giscope(
            ["import", str(csv_path), "--register", "CN", "--keep-missing", "--source", "bench"], env
        )
        base = baseline(csv_path, tmpdir / "baseline.sqlite3")
    print(f"rows: {args.rows}")
    print(f"giscope import (validate, merge, search keys, history; process start included): {ours:.2f} s")
    print(f"giscope import of the same file again (nothing to change): {again:.2f} s")
    print(f"baseline pandas.read_csv + to_sql (no validation or merging): {base:.2f} s")
    print(f"ratio ours / baseline: {ours / base:.1f}")
    target = 15.0 * args.rows / 100_000
    verdict = "meets" if ours <= target else "MISSES"
    print(f"target: at most {target:.0f} s for {args.rows} rows -> {verdict}")


if __name__ == "__main__":
    main()
