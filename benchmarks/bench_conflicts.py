"""Conflict screening speed, against the baseline a user would write.

Baseline: rapidfuzz `process.extract(label, all_names, scorer=fuzz.WRatio, limit=3)` over every name
of the register, run in this same invocation on the same names and labels.

Part 1 (in-process): a register of 50,000 names (the bundled lists plus synthetic Chinese, Latin,
Thai and Greek names), 2,000 labels. Prints index build time, peak memory (max RSS), p50/p95 of a single
check, total check time, the baseline's total and the ratio ours / baseline.
Targets: ratio <= 0.3; p95 <= 30 ms; build <= 10 s; peak memory <= 600 MB.

Part 2 (command line, process start included): 20,000 names imported with `giscope import --register
CN`, then `giscope check --file` with 500 labels, against a baseline script that loads the same names
and runs the same rapidfuzz call. Target (issue 11): ratio <= 0.3.

    .venv/bin/python benchmarks/bench_conflicts.py [--names 50000] [--labels 2000] [--skip-cli]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_rows_all_scripts, write_csv  # noqa: E402

MODIFIERS = ["style", "type", "-like", "型", "风味", "façon", "tipo", "Art"]
FILLER = [
    "premium",
    "organic",
    "500g",
    "gift box",
    "特级",
    "礼盒",
    "new harvest",
    "export quality",
    "original",
]
NEGATIVES = [
    "green tea",
    "sparkling wine",
    "olive oil",
    "red wine from Chile",
    "jasmine rice",
    "大米",
    "绿茶",
    "Cheddar cheese",
    "smoked ham",
    "apple juice",
    "honey 1kg",
    "chilli sauce",
    "rice noodles",
    "Napa Valley cabernet",
    "Tasmanian salmon",
    "Kenyan black tea",
    "Colombian coffee",
]


def make_labels(names: list[str], n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    labels = []
    for _ in range(n):
        r = rng.random()
        name = rng.choice(names)
        if r < 0.15:
            labels.append(name)
        elif r < 0.3:
            labels.append(f"{name} {rng.choice(MODIFIERS)}")
        elif r < 0.4:
            labels.append(f"{rng.choice(FILLER)} {name} {rng.choice(FILLER)}")
        elif r < 0.5 and len(name) > 5:
            i = rng.randrange(1, len(name) - 2)
            labels.append(name[:i] + name[i + 1] + name[i] + name[i + 2 :])  # swap two letters
        else:
            labels.append(f"{rng.choice(NEGATIVES)} {rng.choice(FILLER)}")
    return labels


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def part1(n_names: int, n_labels: int) -> dict[str, float]:
    from bootstrap import initialise
    from compare.conflicts import Checker, ConflictIndex
    from gi_lists.model import GI, Name, Protection
    from gi_lists.repository import GIRepository
    from names.knowledge import bundled_knowledge
    from storage.db import Database

    with tempfile.TemporaryDirectory() as tmp:
        engine = Database(f"sqlite:///{tmp}/real.sqlite3")
        initialise(engine, who="bench")
        with engine.read() as conn:
            repo = GIRepository(conn)
            real = repo.get_many(sorted(repo.ids()))
        engine.dispose()
    gis = list(real)
    count = sum(len(g.names) for g in gis)
    rows = synthetic_rows_all_scripts(n_names)
    for i, row in enumerate(rows):
        if count >= n_names:
            break
        names = [Name(row["name"], "original")]
        if row["transcription"]:
            names.append(Name(row["transcription"], "transcription"))
        where = "EU" if row["origin"] == "CN" else "CN"
        gis.append(
            GI(
                f"syn-{i}",
                tuple(names),
                row["product_class"],
                row["origin"],
                None,
                (Protection(where, "national-register", "protected", confidence="medium"),),
            )
        )
        count += len(names)
    all_names = [n.text for g in gis for n in g.names]
    labels = make_labels(all_names, n_labels)
    knowledge = bundled_knowledge()

    rss_before = max_rss_mb()
    start = time.perf_counter()
    index = ConflictIndex(gis, knowledge)
    build = time.perf_counter() - start
    checkers = {j: Checker(index, j) for j in ("CN", "EU")}
    times = []
    for i, label in enumerate(labels):
        t0 = time.perf_counter()
        checkers["CN" if i % 2 else "EU"].check(label)
        times.append(time.perf_counter() - t0)
    ours = sum(times)
    peak = max_rss_mb()

    from rapidfuzz import fuzz, process

    start = time.perf_counter()
    for label in labels:
        process.extract(label, all_names, scorer=fuzz.WRatio, limit=3)
    base = time.perf_counter() - start
    times.sort()
    return {
        "names": len(all_names),
        "labels": len(labels),
        "build_s": build,
        "peak_rss_mb": peak,
        "rss_before_build_mb": rss_before,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95) - 1] * 1000,
        "ours_s": ours,
        "baseline_s": base,
        "ratio": ours / base,
    }


BASELINE_SCRIPT = """
import csv, sys
from rapidfuzz import fuzz, process
names = []
with open(sys.argv[1], encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        names.append(row["name"])
        if row["transcription"]:
            names.append(row["transcription"])
with open(sys.argv[2], encoding="utf-8") as fh:
    labels = [line.strip() for line in fh if line.strip()]
out = [process.extract(label, names, scorer=fuzz.WRatio, limit=3) for label in labels]
print(len(out))
"""


def part2(n_names: int = 20_000, n_labels: int = 500) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        rows = []
        count = 0
        for row in synthetic_rows_all_scripts(n_names, seed=3):
            rows.append(row)
            count += 1 + bool(row["transcription"])
            if count >= n_names:
                break
        csv_path = tmpdir / "register.csv"
        write_csv(csv_path, rows)
        names = [r["name"] for r in rows] + [r["transcription"] for r in rows if r["transcription"]]
        labels_path = tmpdir / "labels.txt"
        labels_path.write_text("\n".join(make_labels(names, n_labels, seed=9)) + "\n", encoding="utf-8")
        env = {
            **os.environ,
            "GISCOPE_DATABASE_URL": f"sqlite:///{tmpdir / 'g.sqlite3'}",
            "GISCOPE_USER": "bench",
        }
        run = [sys.executable, "-m", "cli"]
        subprocess.run([*run, "init"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            [*run, "import", str(csv_path), "--register", "CN", "--keep-missing"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        start = time.perf_counter()
        subprocess.run(
            [*run, "check", "--file", str(labels_path), "--in", "CN", "--json"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        ours = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", BASELINE_SCRIPT, str(csv_path), str(labels_path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        base = time.perf_counter() - start
    return {"names": count, "labels": n_labels, "ours_s": ours, "baseline_s": base, "ratio": ours / base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--labels", type=int, default=2_000)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    r = part1(args.names, args.labels)
    print(f"in-process: {r['names']} names, {r['labels']} labels")
    print(f"  index build {r['build_s']:.2f} s (target <= 10 s)")
    print(f"  peak memory (max RSS) {r['peak_rss_mb']:.0f} MB (target <= 600 MB)")
    print(f"  single check p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms (target p95 <= 30 ms)")
    print(f"  ours {r['ours_s']:.2f} s; baseline rapidfuzz WRatio over all names {r['baseline_s']:.2f} s")
    print(f"  ratio ours / baseline {r['ratio']:.3f} (target <= 0.3)")
    if not args.skip_cli:
        c = part2()
        print(f"command line: {c['names']} names imported, {c['labels']} labels, process start included")
        print(f"  giscope check --file {c['ours_s']:.2f} s; baseline script {c['baseline_s']:.2f} s")
        print(f"  ratio ours / baseline {c['ratio']:.3f} (target <= 0.3)")


if __name__ == "__main__":
    main()
