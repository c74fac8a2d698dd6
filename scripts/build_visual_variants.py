"""Build data/knowledge/visual_variants.csv: for every Chinese character of the register's protected names,
the common characters that look like it (形近字), derived mechanically from two openly licensed sources:

- the CJK Decomposition Data File (Gavin Grover; github.com/amake/cjk-decomp, cjk-decomp.txt; offered
  under Apache-2.0, among others): how each character is built from components;
- Unihan (Unicode, Inc.; Unicode licence): kTotalStrokes, and kGB0 / kIICore for the common characters.

Two characters look alike when (rule `swap`) they have the same structure and the same components but one,
the two differing components share a sub-component (矛 and 予 share 龴 and 𠄐: 茅 and 芧), and their
stroke counts differ by at most two; or (rule `part`) one is the other with a small component added or
dropped (夜 in 液 without 氵, 龙 in 笼 without ⺮). Only characters in GB2312 or the IICore, at most eight
per character, best first. Documented counterfeit pairs (MANUAL) are added with their sources.

    .venv/bin/python scripts/build_visual_variants.py REGISTER.json UNIHAN_DIR cjk-decomp.txt

REGISTER.json is `giscope export --format json`; UNIHAN_DIR holds Unihan_*.txt or .txt.bz2 (Debian's
unicode-data package has them in /usr/share/unicode).
"""

from __future__ import annotations

import bz2
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from names.normalise import to_simplified  # noqa: E402

OUT = ROOT / "data" / "knowledge" / "visual_variants.csv"
# the sources, in short (the module docstring and names/visual.py give them in full)
DECOMP_SOURCE = "cjk-decomp:Apache-2.0 Unihan:Unicode"
MAX_PER_CHAR = 8
MAX_STROKE_GAP = 2
MIN_LIKENESS = 0.6  # of the strokes of the two differing components, the share in common parts
PART_SCORE = 0.8  # a character inside the other with a radical more or less (夜 液) ranks with close swaps
MAX_PART_STROKES = 6  # the component a `part` variant adds or drops: a radical, not half the character
# documented counterfeits: (name's character, the label's, source); added first, confidence high
MANUAL: list[tuple[str, str, str]] = [
    (
        "台",
        "合",
        "'茅合' among the brands sold in 茅台镇 shops that lean on 茅 or 台: 'Maotai with a town: buy with "
        "care' (茅台带个“镇”买酒需谨慎), https://zhantu88.com/news/5.html",
    ),
]

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_LINE = re.compile(r"^([^:]+):([a-z0-9/]+)\((.*)\)$")


def _unihan(directory: Path) -> dict[str, dict[str, str]]:
    fields = {"kTotalStrokes", "kGB0", "kIICore"}
    props: dict[str, dict[str, str]] = defaultdict(dict)
    for name in ("Unihan_IRGSources.txt", "Unihan_OtherMappings.txt"):
        path = directory / name
        if path.exists():
            text = path.read_text("utf-8")
        else:
            with bz2.open(f"{path}.bz2", "rt", encoding="utf-8") as fh:
                text = fh.read()
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1] in fields:
                props[chr(int(parts[0][2:], 16))][parts[1]] = parts[2]
    return props


def _decompositions(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    out = {}
    for line in path.read_text("utf-8").splitlines():
        m = _LINE.match(line.strip())
        if m:
            comps = tuple(c for c in m.group(3).split(",") if c)
            out[m.group(1)] = (m.group(2).split("/")[0], comps)
    return out


def _leaves(
    decomp: dict[str, tuple[str, tuple[str, ...]]], strokes: dict[str, int], comp: str, depth: int = 0
) -> Counter[str]:
    """The component's smallest parts, each weighed by its strokes: a single stroke counts one, a part
    that does not decompose further counts its stroke count (Unihan), at least one."""
    kind, subs = decomp.get(comp, ("c", ()))
    if "\u31c0" <= comp <= "\u31ef" or not subs or depth > 12:
        return Counter({comp: max(1, strokes.get(comp, 1)) if not "\u31c0" <= comp <= "\u31ef" else 1})
    out: Counter[str] = Counter()
    for sub in subs:
        out += _leaves(decomp, strokes, sub, depth + 1)
    if kind.startswith("r") and len(subs) == 1:
        out += out  # a repeated part (ra: across, r3d: three times down) counts at least twice
    return out


def _likeness(a: Counter[str], b: Counter[str]) -> float:
    """How much of two components' strokes their smallest parts share (weighted Dice)."""
    shared = sum((a & b).values())
    return 2 * shared / (sum(a.values()) + sum(b.values()))


def _shown(comp: str) -> str:
    """A component for the basis column: intermediate components have numbers, not characters."""
    return comp if _HAN.fullmatch(comp) or not comp.isdigit() else "…"


def build(register: Path, unihan_dir: Path, decomp_path: Path) -> list[dict[str, str]]:
    import json

    names = [n["text"] for gi in json.loads(register.read_text("utf-8")) for n in gi["names"]]
    chars = sorted({c for t in names for c in _HAN.findall(to_simplified(t))})
    props = _unihan(unihan_dir)
    decomp = _decompositions(decomp_path)
    common = {c for c, p in props.items() if "kGB0" in p or "kIICore" in p}

    counts = {c: int(p["kTotalStrokes"].split()[0]) for c, p in props.items() if "kTotalStrokes" in p}

    def strokes(c: str) -> int:
        return counts.get(c, 0)

    # the common characters by (structure, components but one) and by each of their components
    by_frame: dict[tuple[str, int, tuple[str, ...]], list[str]] = defaultdict(list)
    by_part: dict[str, list[str]] = defaultdict(list)
    for c in common:
        kind, comps = decomp.get(c, ("c", ()))
        if len(comps) >= 2:
            for i in range(len(comps)):
                by_frame[(kind, i, comps[:i] + comps[i + 1 :])].append(c)
            for comp in comps:
                by_part[comp].append(c)
    rows = []
    for c in chars:
        kind, comps = decomp.get(c, ("c", ()))
        scored: dict[str, tuple[float, str]] = {}
        for i in range(len(comps) if len(comps) >= 2 else 0):
            own = _leaves(decomp, counts, comps[i])
            for s in by_frame.get((kind, i, comps[:i] + comps[i + 1 :]), ()):
                gap = abs(strokes(s) - strokes(c))
                if s == c or gap > MAX_STROKE_GAP:
                    continue
                likeness = _likeness(own, _leaves(decomp, counts, decomp[s][1][i]))
                if likeness >= MIN_LIKENESS:
                    scored[s] = (likeness - 0.05 * gap, f"{_shown(comps[i])}→{_shown(decomp[s][1][i])}")
        # a small component dropped (液 → 夜) or added (龙 → 笼)
        if len(comps) == 2:
            for keep, drop in ((comps[0], comps[1]), (comps[1], comps[0])):
                if keep in common and keep != c and strokes(keep) >= 4:
                    lost = strokes(c) - strokes(keep)
                    if 0 < lost <= MAX_PART_STROKES:
                        scored.setdefault(keep, (PART_SCORE - 0.02 * lost, f"-{_shown(drop)}"))
        for s in by_part.get(c, ()):
            added = strokes(s) - strokes(c)
            if strokes(c) >= 4 and 0 < added <= MAX_PART_STROKES and len(decomp[s][1]) == 2:
                extra = next(x for x in decomp[s][1] if x != c) if decomp[s][1].count(c) == 1 else "?"
                scored.setdefault(s, (PART_SCORE - 0.02 * added, f"+{_shown(extra)}"))
        for s in list(scored):
            if s == c or to_simplified(s) == c or to_simplified(c) == s or _HAN.fullmatch(s) is None:
                del scored[s]
        # best first; then GB2312 before the rest, then by code point (stable)
        best = sorted(scored, key=lambda s: (-scored[s][0], "kGB0" not in props[s], s))[:MAX_PER_CHAR]
        manual = [(m, src) for ch, m, src in MANUAL if ch == c]
        for m, src in manual:
            rows.append({"char": c, "similar": m, "basis": "documented counterfeit", "source": src,
                         "confidence": "high"})  # fmt: skip
        for s in best:
            if s in {m for m, _ in manual}:
                continue
            rows.append({"char": c, "similar": s, "basis": scored[s][1], "source": DECOMP_SOURCE,
                         "confidence": "medium"})  # fmt: skip
    return rows


def main() -> None:
    register, unihan_dir, decomp_path = (Path(a) for a in sys.argv[1:4])
    rows = build(register, unihan_dir, decomp_path)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["char", "similar", "basis", "source", "confidence"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows, {len({r['char'] for r in rows})} characters with variants -> {OUT}")


if __name__ == "__main__":
    main()
