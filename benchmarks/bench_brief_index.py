"""A dispute brief with labels as a whole process: the conflict index built (cold) or read back (warm).

`giscope brief dispute --gi fr-champagne --in EU --labels FILE` with 10 labels, run as a user runs it
(the installed console script, a new process each time) against a freshly initialised register of the
bundled lists. Cold: the stored index is deleted before each run, so the run builds the index and keeps
it (the first brief after an import or a status change). Warm: it is there, written by an earlier
process (every other brief). Both are the median of `--runs` runs after one warm-up run, cold and warm
alternating in the same invocation; the baseline is the cold run, and `python -c pass` is printed for
scale. `giscope check`
is timed the same way, since it uses the same index.

Target (issue 13, item 8): a 10-label dispute brief <= 2 s as a whole process, warm, on a 2-core machine.

    .venv/bin/python benchmarks/bench_brief_index.py [--runs 5]
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
sys.path.insert(0, str(ROOT))

from benchmarks.bench_startup import SCRIPT, SOURCES  # noqa: E402

TARGET_S = 2.0
LABELS = [
    "Champagne-style sparkling wine",
    "香宾酒",
    "Champagner Sekt",
    "Xiangbin sparkling wine",
    "香檳 type",
    "Champaña brut",
    "Prosecco spumante",
    "Parma ham",
    "帕尔玛火腿",
    "Roquefort type cheese",
]


def timed_pair(cmd: list[str], env: dict[str, str], runs: int, stored: Path) -> tuple[float, float]:
    """Median wall times (cold, warm) of `runs` runs each after one warm-up pair; cold and warm runs
    alternate, so that a change in the machine's load falls on both alike."""
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(runs + 1):
        stored.unlink(missing_ok=True)
        cold.append(run(cmd, env))
        assert stored.exists(), "the cold run kept no index"
        warm.append(run(cmd, env))
    return statistics.median(cold[1:]), statistics.median(warm[1:])


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not SCRIPT.exists():
        sys.exit(f"no console script at {SCRIPT}: run `make init` (or pip install -e .) first")
    subprocess.run([sys.executable, "-m", "compileall", "-q", *SOURCES], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "register.sqlite3"
        stored = db.with_name(f"{db.name}-conflict-index")  # storage.db.Database.cache_path
        labels = Path(tmp) / "labels.txt"
        labels.write_text("\n".join(LABELS) + "\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
        env.update(GISCOPE_DATABASE_URL=f"sqlite:///{db}", GISCOPE_USER="bench")
        subprocess.run([str(SCRIPT), "init"], env=env, check=True, stdout=subprocess.DEVNULL)

        base = statistics.median(run([sys.executable, "-c", "pass"], env) for _ in range(args.runs))
        print(f"{os.cpu_count()} cores; median of {args.runs} runs, process start included")
        print(f"python -c pass: {base:.3f} s")
        commands = [
            ("brief dispute fr-champagne --in EU, 10 labels",
             ["brief", "dispute", "--gi", "fr-champagne", "--in", "EU", "--labels", str(labels),
              "-o", str(Path(tmp) / "brief.pdf")]),
            ("check (the same 10 labels) --in EU", ["check", "--file", str(labels), "--in", "EU"]),
        ]  # fmt: skip
        verdicts = []
        for name, argv in commands:
            cold, warm = timed_pair([str(SCRIPT), *argv], env, args.runs, stored)
            print(f"{name}: cold (index built and kept) {cold:.3f} s, warm (index read back) {warm:.3f} s")
            print(f"    warm is {cold / warm:.2f} x faster than cold; cold - warm = {cold - warm:.3f} s")
            if name.startswith("brief"):
                ok = warm <= TARGET_S
                verdicts.append(ok)
                print(f"    warm brief target <= {TARGET_S:.1f} s -> {'meets' if ok else 'MISSES'}")
    print("target met" if all(verdicts) else "target missed")


if __name__ == "__main__":
    main()
