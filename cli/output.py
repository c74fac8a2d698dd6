"""What the giscope command prints: aligned tables (wide CJK characters count twice) and one-line errors.

Stored text can hold what a terminal obeys (an escape sequence, a right-to-left override) when it was
stored before validation.py refused it, or when a message repeats what a person typed: every command's
human output goes through `escaped_stdout`, which writes those characters as escapes (`\\x1b`, `\\u202e`),
and so do the one-line errors on stderr. JSON on stdout escapes them itself (gi_lists.export.dumps)."""

from __future__ import annotations

import contextlib
import io
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

import click

from escaping import escaped


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
    cells = [[_clip("" if v is None else escaped(v), max_width) for v in row] for row in rows]
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
    click.echo(f"giscope: {escaped(message, keep_breaks=True)}", err=True)
    sys.exit(code)


def echo_json(data: Any) -> None:
    """Machine output: JSON on stdout, all of it (see write_out)."""
    from gi_lists.export import dumps

    write_out((dumps(data) + "\n").encode("utf-8"))


class EscapingWriter(io.TextIOBase):
    """A text stream that writes through to `inner` with controls and bidi controls escaped (line feeds
    and tabs kept); bytes written to its `buffer` (a PDF, an XLSX, JSON) pass untouched."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")  # click tells text streams from binary so
        self._inner.write(escaped(text, keep_breaks=True))
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return bool(self._inner.isatty())

    def fileno(self) -> int:
        return int(self._inner.fileno())

    @property
    def buffer(self) -> Any:
        return self._inner.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._inner, "encoding", "utf-8"))

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._inner, "errors", None)


@contextlib.contextmanager
def escaped_stdout() -> Iterator[None]:
    """While the block runs, everything printed to stdout as text is escaped (see EscapingWriter)."""
    inner = sys.stdout
    if isinstance(inner, EscapingWriter):
        yield
        return
    sys.stdout = EscapingWriter(inner)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout = inner
