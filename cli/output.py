"""What the giscope command prints: aligned tables (wide CJK characters count twice) and one-line errors."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, NoReturn

import click


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 48) -> None:
    cells = [[_clip("" if v is None else str(v), max_width) for v in row] for row in rows]
    widths = [_width(h) for h in headers]
    for row in cells:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], _width(v))
    click.echo("  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())


def write_out(data: bytes) -> None:
    """Bytes to stdout, all of them: an unbuffered stdout (PYTHONUNBUFFERED) writes a large buffer only
    in part, so write until done; a reader that went away raises BrokenPipeError."""
    out = sys.stdout.buffer
    view = memoryview(data)
    while view:
        written = out.write(view)
        view = view[written or 0 :]
    out.flush()


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr, `giscope: message`, and exit `code`."""
    click.echo(f"giscope: {message}", err=True)
    sys.exit(code)


def echo_json(data: Any) -> None:
    """Machine output: JSON on stdout, all of it (see write_out)."""
    from gi_lists.export import dumps

    write_out((dumps(data) + "\n").encode("utf-8"))
