"""Command start-up: how long a person waits for one command, process start included.

Each command runs as a user runs it (the installed `giscope` console script, a new process each time)
against a freshly initialised register of the bundled lists, 5 times after one warm-up run; the median
is reported. Baseline: `python -c pass` in the same interpreter, run the same way, so the ratio says
how many empty Python starts a command costs.

GIScope's bytecode is compiled first (`python -m compileall`, as `make` does at install): on machines
where PYTHONDONTWRITEBYTECODE is set every command would otherwise compile its modules again.

Targets (issue 9): --help <= 0.3 s, search 安吉白茶 <= 0.6 s, check 香宾酒 --in CN <= 0.8 s,
show fr-champagne <= 0.6 s, on a 2-core machine.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["agreements", "app_pages", "briefings", "cli", "compare", "gi_lists", "names", "reports",
           "storage", "translation", "ui", "watch", "bootstrap.py", "config.py", "errors.py",
           "streamlit_app.py", "wording.py"]  # fmt: skip
SCRIPT = Path(sys.executable).with_name("giscope")
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("giscope --help", ["--help"], 0.3),
    ("giscope search 安吉白茶", ["search", "安吉白茶"], 0.6),
    ("giscope check 香宾酒 --in CN", ["check", "香宾酒", "--in", "CN"], 0.8),
    ("giscope show fr-champagne", ["show", "fr-champagne"], 0.6),
    (
        "giscope check Champagne --in EU (no target; a Latin label)",
        ["check", "Champagne", "--in", "EU"],
        None,
    ),
]


def timed(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of `runs` runs after one warm-up; the command must succeed."""
    times = []
    for n in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if n:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not SCRIPT.exists():
        sys.exit(f"no console script at {SCRIPT}: run `make test` (or pip install -e .) first")
    subprocess.run([sys.executable, "-m", "compileall", "-q", *SOURCES], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
        env.update(GISCOPE_DATABASE_URL=f"sqlite:///{Path(tmp) / 'register.sqlite3'}", GISCOPE_USER="bench")
        subprocess.run([str(SCRIPT), "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        base = timed([sys.executable, "-c", "pass"], env, args.runs)
        print(f"{os.cpu_count()} cores; median of {args.runs} runs, process start included")
        print(f"baseline python -c pass: {base:.3f} s")
        missed = 0
        for label, argv, target in COMMANDS:
            took = timed([str(SCRIPT), *argv], env, args.runs)
            verdict = ""
            if target is not None:
                ok = took <= target
                missed += not ok
                verdict = f"  target <= {target:.1f} s -> {'meets' if ok else 'MISSES'}"
            print(f"{label}: {took:.3f} s  ({took / base:.1f} x python -c pass){verdict}")
    print("all targets met" if not missed else f"{missed} target(s) missed")


if __name__ == "__main__":
    main()
