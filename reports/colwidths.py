"""Table column widths from what the cells hold, so ids and words are not cut when they need not be.

Each column has a narrowest width (its widest unbreakable piece: a word, an id such as
``EU-PDO-FR-A1359``, a Chinese character with the punctuation that must stay with it, a Thai word, a
footnote marker with what it follows) and a natural width (its longest line unwrapped). When every
column can have its natural width, it does (and the room left over follows the hints). Otherwise
each column starts at its narrowest width and the room left is handed out a little at a time to the
column where it saves the most lines over the whole table (a row is as tall as its tallest cell);
where no column would save a line, to the one furthest below its hinted width. A briefing's
col_widths fractions are hints: a column is never made narrower than its narrowest piece for them.
Only when even the narrowest widths do not fit are pieces cut, in the widest columns (reports.linebreak
then breaks them between characters: nothing overflows a cell).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reports import fonts as F
from reports.linebreak import unbreakable_parts


@dataclass(frozen=True)
class Cell:
    """What a cell shows, for measuring: its text, the marker run after it, and its type size."""

    text: str
    size: float
    bold: bool = False
    tail: str = ""  # the footnote markers, raised and smaller, glued to the last piece
    tail_size: float = 6.5
    after: str = ""  # text set after the markers (e.g. "⚠ unconfirmed"), breakable from them


def _width(text: str, size: float, bold: bool) -> float:
    return F.text_width(text, size, bold) if text else 0.0


def measure(cell: Cell) -> tuple[float, float]:
    """(narrowest, natural) width of a cell's content, in points, without padding."""
    tail = _width(cell.tail, cell.tail_size, False)
    narrowest = natural = 0.0
    lines = F.clean(cell.text).split("\n") if cell.text else [""]
    for n, line in enumerate(lines):
        parts = unbreakable_parts(line) or [""]
        widths = [_width(p, cell.size, cell.bold) for p in parts]
        whole = _width(line.strip(), cell.size, cell.bold)
        if n == len(lines) - 1:
            widths[-1] += tail
            whole += tail
        narrowest = max(narrowest, *widths)
        natural = max(natural, whole)
    if cell.after:
        after = [_width(p, cell.size, True) for p in unbreakable_parts(cell.after)]
        narrowest = max(narrowest, *after)
        natural += _width(" " + cell.after, cell.size, True)
    return narrowest, natural


def column_widths(
    columns: Sequence[Sequence[Cell]], total: float, padding: float, hints: Sequence[float] | None = None
) -> list[float]:
    """Widths (summing to total) for columns of cells (the same number in each: the rows), each cell
    padded by `padding` on both sides."""
    ncols = len(columns)
    slack = 2 * padding + 1.0  # padding, and a point for rounding in the wrapper
    measured = [[measure(c) for c in cells] or [(0.0, 0.0)] for cells in columns]
    mins = [max(m for m, _ in col) + slack for col in measured]
    maxs = [max(max(n for _, n in col) + slack, low) for col, low in zip(measured, mins, strict=True)]
    share = _normalised(hints, ncols)
    if sum(mins) >= total:  # cannot be laid out without cutting: the widest columns are cut
        return _capped(maxs, total)
    if sum(maxs) <= total:  # all fit unwrapped: the room left over follows the hints
        widths = list(maxs)
        spare = total - sum(widths)
        want = [max(share[i] * total - widths[i], 0.0) for i in range(ncols)]
        weights = want if sum(want) > 0 else share
        return [w + spare * k / sum(weights) for w, k in zip(widths, weights, strict=True)]
    naturals = [[n for _, n in col] for col in measured]
    return _shortest(naturals, mins, maxs, [f * total for f in share], total, slack)


def _lines(natural: float, width: float, slack: float) -> int:
    """About how many lines a cell's content takes at a column width."""
    return max(1, math.ceil(natural * 1.04 / max(width - slack, 1.0)))


def _shortest(
    naturals: list[list[float]],
    mins: list[float],
    maxs: list[float],
    hinted: list[float],
    total: float,
    slack: float,
) -> list[float]:
    """From the narrowest widths, give the room left step by step to the column where it saves the most
    lines over the whole table (rows are as tall as their tallest cell); where no column saves any, to
    the one furthest below its hinted width."""
    ncols, nrows = len(mins), min(len(col) for col in naturals)
    widths = list(mins)
    lines = [[_lines(naturals[j][i], widths[j], slack) for j in range(ncols)] for i in range(nrows)]
    spare = total - sum(widths)
    step = max(spare / 48, 2.0)
    while spare > 1e-6:
        grow = min(step, spare)
        best, best_key = -1, (0.0, 0.0)
        for j in range(ncols):
            if widths[j] + 1e-6 >= maxs[j]:
                continue
            wider = min(widths[j] + grow, maxs[j])
            saved = 0
            for i in range(nrows):
                row = lines[i]
                new = _lines(naturals[j][i], wider, slack)
                if new < row[j] and row[j] == max(row):
                    others = max((row[k] for k in range(ncols) if k != j), default=0)
                    saved += row[j] - max(new, others)
            key = (saved, hinted[j] - widths[j])
            if best < 0 or key > best_key:
                best, best_key = j, key
        if best < 0:  # every column at its natural width (cannot happen: they would all fit)
            break
        added = min(grow, maxs[best] - widths[best])
        widths[best] += added
        spare -= added
        for i in range(nrows):
            lines[i][best] = _lines(naturals[best][i], widths[best], slack)
    if spare > 1e-6:
        widths = [w + spare / ncols for w in widths]
    return widths


def _capped(mins: list[float], total: float) -> list[float]:
    """min(m, cap) for each column, with the cap that makes them sum to total (water-filling)."""
    lo, hi = 0.0, max(mins)
    for _ in range(60):
        cap = (lo + hi) / 2
        if sum(min(m, cap) for m in mins) > total:
            hi = cap
        else:
            lo = cap
    widths = [min(m, lo) for m in mins]
    spare = total - sum(widths)
    return [w + spare / len(widths) for w in widths]


def _normalised(hints: Sequence[float] | None, ncols: int) -> list[float]:
    if not hints:
        return [1.0 / ncols] * ncols
    if len(hints) != ncols:
        raise ValueError(f"col_widths has {len(hints)} fractions for {ncols} columns")
    if any(f <= 0 for f in hints):
        raise ValueError(f"col_widths must be positive fractions: {hints}")
    total = sum(hints)
    return [f / total for f in hints]
