"""Table column widths from what the cells hold, so ids and words are not cut when they need not be.

Each column has a narrowest width (its widest unbreakable piece: a word, an id such as
``EU-PDO-FR-A1359``, a Chinese character with the punctuation that must stay with it, a Thai word, a
footnote marker with what it follows) and a natural width (its longest line unwrapped). As in a web
browser's automatic table layout: when every column can have its natural width, it does (and the
room left over is shared by the hints); otherwise each column gets at least its narrowest width and
the rest is shared in proportion to how much each column wants beyond that. A briefing's col_widths
fractions are hints: a column is never made narrower than its narrowest piece for them, nor wider
than it needs while another column has to wrap. Only when even the narrowest widths do not fit do
pieces get cut (reports.linebreak then breaks them between characters: nothing overflows a cell).
"""

from __future__ import annotations

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
    """Widths (summing to total) for columns of cells, each cell padded by `padding` on both sides."""
    ncols = len(columns)
    slack = 2 * padding + 1.0  # padding, and a point for rounding in the wrapper
    mins, maxs = [], []
    for cells in columns:
        measured = [measure(c) for c in cells] or [(0.0, 0.0)]
        mins.append(max(m for m, _ in measured) + slack)
        maxs.append(max(max(n for _, n in measured) + slack, mins[-1]))
    share = _normalised(hints, ncols)
    if sum(mins) >= total:  # cannot be laid out without cutting: cut the widest columns only
        return _capped(mins, total)
    if sum(maxs) <= total:  # all fit unwrapped: the room left over follows the hints
        widths = list(maxs)
        spare = total - sum(widths)
        want = [max(share[i] * total - widths[i], 0.0) for i in range(ncols)]
        weights = want if sum(want) > 0 else share
        return [w + spare * k / sum(weights) for w, k in zip(widths, weights, strict=True)]
    # start from the hints, within [narrowest, natural], then share what is left (or missing) out
    widths = [min(max(share[i] * total, mins[i]), maxs[i]) for i in range(ncols)]
    spare = total - sum(widths)
    if spare > 0:
        want = [maxs[i] - widths[i] for i in range(ncols)]
    else:
        want = [widths[i] - mins[i] for i in range(ncols)]
    weight = sum(want)
    if weight <= 0:
        return [w * total / sum(widths) for w in widths]
    return [w + spare * k / weight for w, k in zip(widths, want, strict=True)]


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
