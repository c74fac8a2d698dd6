"""Screening time against label length: is a long label linear?

Before: a 100,000-character Chinese label took 135 s (a 40,000-character one 18 s in the UI), because the
characters that read as a matched pinyin span were searched among all n² substrings, each romanised.
Now only windows of the span's syllable count are read. Requests are capped at 500 characters a label
(validation.CAPS['label']); this benchmark calls the checker directly to measure the algorithm past it.

Prints the time per character for Chinese and Latin labels of 2,000 and 20,000 characters, run in this
same invocation against the worktree's register, and the ratio (1.0 = linear, 10 = quadratic).

    .venv/bin/python benchmarks/bench_long_labels.py [--short 2000] [--long 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HAN = (
    "安溪铁观音普洱茶西湖龙井香槟酒波尔多帕尔马火腿景德镇瓷器绍兴黄酒宁夏枸杞的一是了我不人在他有这个上们来到时大地"
    "为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用"
)
LATIN = "champagne bordeaux parma prosciutto style type premium organic wine tea cheese from the valley "


def label(alphabet: str, n: int, rnd: random.Random) -> str:
    if alphabet == "latin":
        words = LATIN.split()
        out = ""
        while len(out) < n:
            out += rnd.choice(words) + " "
        return out[:n].strip()
    return "".join(rnd.choice(HAN) for _ in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--short", type=int, default=2000)
    parser.add_argument("--long", type=int, default=20000)
    args = parser.parse_args()

    from compare.conflicts import Checker
    from compare.services import build_index
    from config import Settings
    from storage.db import Database

    settings = Settings.from_env()
    index = build_index(Database(settings.database_url, cache_dir=settings.cache_dir))
    checker = Checker(index, "CN")
    checker.check("安溪铁观音 Champagne", None)  # warm: romaniser dictionaries, caches
    rnd = random.Random(20261204)
    print(f"{'script':8} {'chars':>7} {'seconds':>9} {'µs/char':>9}")
    for alphabet in ("chinese", "latin"):
        per_char = []
        for n in (args.short, args.long):
            text = label(alphabet, n, rnd)
            start = time.perf_counter()
            checker.check(text, None)
            took = time.perf_counter() - start
            per_char.append(took / n)
            print(f"{alphabet:8} {n:>7} {took:>9.2f} {took / n * 1e6:>9.1f}")
        print(
            f"{alphabet:8} time per character, {args.long} vs {args.short}: x{per_char[1] / per_char[0]:.2f}"
        )


if __name__ == "__main__":
    main()
