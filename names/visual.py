"""Characters that look alike (形近字), read from data/knowledge/visual_variants.csv (pure: csv only).

For every Chinese character of the register's protected names, the common characters that look like it,
best first (at most about eight): a label that swaps one character of a name for one of these (芧台 for
茅台, the name of 茅台酒) imitates the name by sight where a homophone imitates it by sound.

The table is built mechanically by scripts/build_visual_variants.py from the CJK Decomposition Data File
(Gavin Grover, github.com/amake/cjk-decomp, cjk-decomp.txt; offered under the Apache Licence 2.0 among
others) and Unihan 15.0 (Unicode, Inc.; Unicode licence: kTotalStrokes, kGB0, kIICore): the same
structure with one component swapped for one sharing most of its strokes, or a radical added or dropped
(夜 for 液), among the characters of GB2312 or the IICore. Rows with confidence `high` are documented
look-alike names in trade, each with its source.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from config import KNOWLEDGE_DIR

COLUMNS = ("char", "similar", "basis", "source", "confidence")


@lru_cache(maxsize=4)
def load_visual_variants(directory: str = str(KNOWLEDGE_DIR)) -> dict[str, tuple[str, ...]]:
    """Character -> the characters that look like it, best first."""
    out: dict[str, list[str]] = {}
    with open(Path(directory) / "visual_variants.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            char, similar = row["char"].strip(), row["similar"].strip()
            if char and similar and similar != char and similar not in out.setdefault(char, []):
                out[char].append(similar)
    return {c: tuple(s) for c, s in out.items()}


def visual_variants(char: str) -> tuple[str, ...]:
    """The characters that look like `char` (芧 for 茅), best first; () for a character not in the table."""
    return load_visual_variants().get(char, ())


def looks_alike(name_char: str, label_char: str) -> bool:
    """Does the label's character look like the name's (the name's row lists it)?"""
    return label_char in visual_variants(name_char)


@lru_cache(maxsize=1)
def _reverse() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for char, similar in load_visual_variants().items():
        for s in similar:
            out.setdefault(s, []).append(char)
    return {s: tuple(chars) for s, chars in out.items()}


def looked_like(label_char: str) -> tuple[str, ...]:
    """The names' characters that `label_char` looks like (茅 for 芧): the table read backwards."""
    return _reverse().get(label_char, ())
