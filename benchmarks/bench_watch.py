"""Trademark watch at scale: `giscope watch scan` on a synthetic gazette with planted conflicts.

Register: the bundled lists (`giscope init` in a temporary database; the kept conflict index is built
once by a first small scan, as any earlier command would). Gazette: made-up marks in Latin and Chinese
script, with a share of planted conflicts (a GI protected in CN, as written or with a modifier such as
"style" or 型), every mark with a random Nice class.

Part 1: the whole command, process start, screening (a process pool over chunks, one worker per core) and
storing included, on N marks (default 100,000). Prints the time, the peak memory (the largest sum of the
resident memory of the command and its workers, sampled every 20 ms) and the planted conflicts found
(any finding naming the planted GI, at --min-severity low).
Targets (issue 12): <= 120 s on 2 cores, <= 1.5 GB peak memory, >= 95 % planted found.

Part 2: a 5,000-mark sample, the same command against a baseline script run in this same invocation: load
every name form of the register and call rapidfuzz `process.extract(mark, names, scorer=fuzz.WRatio,
limit=3)` for every mark (process start included on both sides). Target: ratio ours / baseline <= 0.05.

    .venv/bin/python benchmarks/bench_watch.py [--marks 100000] [--sample 5000] [--skip-full]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODIFIERS = ["", "", " style", " type", "型", "风味", " Art", " premium"]
LATIN = ["lu", "ka", "ven", "ta", "mo", "ri", "zen", "bel", "or", "qu", "sil", "dar", "ne", "vo", "tix"]
HAN = list("金龙达华美盛泰福瑞康源鑫宏星海天佳恒丰德乐")

BASELINE_SCRIPT = """
import csv, sys
from rapidfuzz import fuzz, process
names = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
with open(sys.argv[2], encoding="utf-8", newline="") as fh:
    marks = [row["mark"] for row in csv.DictReader(fh)]
for mark in marks:
    process.extract(mark, names, scorer=fuzz.WRatio, limit=3)
"""


def register_names(db_url: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Every name form of the register, and (GI id, name) of the GIs protected in CN."""
    from compare.severity import relevant_protections
    from gi_lists.repository import GIRepository
    from storage.db import Database

    db = Database(db_url)
    with db.read() as conn:
        repo = GIRepository(conn)
        gis = repo.get_many(sorted(repo.ids()))
    forms = sorted({n.text for gi in gis for n in gi.names})
    in_cn = [(gi.id, gi.display_name) for gi in gis if relevant_protections(gi, "CN")]
    return forms, in_cn


def write_gazette(path: Path, n: int, in_cn: list[tuple[str, str]], seed: int) -> dict[str, str]:
    """n marks, 2 % of them planted conflicts; returns application number -> planted GI id."""
    rng = random.Random(seed)
    planted: dict[str, str] = {}
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["application_no", "mark", "classes", "applicant"])
        for i in range(n):
            app = f"A{seed}-{i:07d}"
            if rng.random() < 0.02:
                gi_id, name = rng.choice(in_cn)
                mark = name + rng.choice(MODIFIERS)
                planted[app] = gi_id
            elif rng.random() < 0.5:
                mark = "".join(rng.choice(LATIN) for _ in range(rng.randint(2, 4))).title()
            else:
                mark = "".join(rng.choice(HAN) for _ in range(rng.randint(2, 4)))
            w.writerow([app, mark, str(rng.randint(1, 45)), f"Applicant {i % 997}"])
    return planted


def _tree_rss_mb(root: int) -> float:
    """The resident memory of a process and all its descendants now (from /proc; 0 where unreadable)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        grew = bool(more)
        tree |= more
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


def run_scan(env: dict[str, str], gazette: Path, name: str) -> tuple[float, dict[str, object], float]:
    """Time, JSON and peak memory (MB: the largest sum over the command and its workers, sampled every
    20 ms) of one `giscope watch scan`."""
    cmd = [sys.executable, "-m", "cli", "watch", "scan", str(gazette), "--in", "CN"]
    cmd += ["--published", "2026-11-30", "--gazette", name, "--min-severity", "low", "--json"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0.0
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.02)
    reader.join()
    took = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"giscope watch scan failed: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
    return took, json.loads(out[0]), peak


def recall(result: dict[str, object], planted: dict[str, str]) -> float:
    found = {(f["application_no"], f["gi_id"]) for f in result["findings"]}  # type: ignore[attr-defined,index]
    hit = sum((app, gi) in found for app, gi in planted.items())
    return hit / len(planted) if planted else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=5_000)
    parser.add_argument("--skip-full", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        url = f"sqlite:///{tmpdir / 'g.sqlite3'}"
        env = {**os.environ, "GISCOPE_DATABASE_URL": url, "GISCOPE_USER": "bench"}
        subprocess.run(
            [sys.executable, "-m", "cli", "init"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        forms, in_cn = register_names(url)
        warm = tmpdir / "warm.csv"
        write_gazette(warm, 10, in_cn, seed=1)
        run_scan(env, warm, "warm")  # builds and keeps the conflict index, as any earlier command would
        print(f"register: {len(forms)} name forms, {len(in_cn)} GIs protected in CN; {os.cpu_count()} cores")

        sample = tmpdir / "sample.csv"
        planted = write_gazette(sample, args.sample, in_cn, seed=2)
        ours, result, _ = run_scan(env, sample, "sample")
        names_file = tmpdir / "names.txt"
        names_file.write_text("\n".join(forms) + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BASELINE_SCRIPT, str(names_file), str(sample)], check=True)
        base = time.perf_counter() - start
        print(f"sample: {args.sample} marks, {len(planted)} planted, found {recall(result, planted):.1%}")
        print(f"  giscope watch scan {ours:.2f} s; baseline rapidfuzz WRatio over all names {base:.2f} s")
        print(f"  ratio ours / baseline {ours / base:.3f} (target <= 0.05)")

        if not args.skip_full:
            full = tmpdir / "gazette.csv"
            planted = write_gazette(full, args.marks, in_cn, seed=3)
            took, result, peak = run_scan(env, full, "full")
            print(
                f"full: {args.marks} marks, {len(planted)} planted, {len(result['findings'])} findings stored"
            )  # type: ignore[arg-type]
            print(f"  total {took:.1f} s, process start and storing included (target <= 120 s on 2 cores)")
            print(f"  peak memory (command + workers, summed) {peak:.0f} MB (target <= 1536 MB)")
            print(f"  planted conflicts found {recall(result, planted):.1%} (target >= 95 %)")


if __name__ == "__main__":
    main()
