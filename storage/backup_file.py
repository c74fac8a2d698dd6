"""The backup file (`giscope backup`): gzip-compressed JSON lines, the same on SQLite and PostgreSQL.

    {"format": "giscope-backup", "version": 1, "schema_revision": "0009", "created_at": ...,
     "created_by": ..., "source_backend": "sqlite", "tables": {"agreements": 12, ...}}     header
    {"table": "agreements", "columns": ["id", "title_en", ...], "rows": 12}               per table
    ["china-eu", "Agreement ...", ...]                                                     one per row
    {"end": "giscope-backup", "rows": 123456, "sha256": "..."}                             trailer

Values are JSON: integers, text and null as they are (a float would keep its exact value too); bytes,
if a table ever holds any, as {"base64": "..."}; dates, times, decimals and UUIDs as their text, which
both databases read back into such a column. The trailer's sha256 is that of every line before it
(uncompressed, newlines included), so a truncated or edited file is refused before the database is
touched. Nothing here opens a database (storage/backup.py does).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from errors import StorageError

FORMAT = "giscope-backup"
VERSION = 1


@dataclass(frozen=True)
class Block:
    """One table's part of a backup: its name, its columns (in the order of each row), its row count."""

    table: str
    columns: tuple[str, ...]
    rows: int


@dataclass(frozen=True)
class Header:
    schema_revision: str
    created_at: str
    created_by: str
    source_backend: str
    tables: dict[str, int]  # table -> rows, in the order the file holds them

    @property
    def total_rows(self) -> int:
        return sum(self.tables.values())


def encode(value: Any) -> Any:
    """A column's value as JSON (see the module's docstring)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    if hasattr(value, "isoformat"):  # a date or time column (GIScope keeps dates as ISO text)
        return value.isoformat()
    if type(value).__name__ in ("Decimal", "UUID"):
        return str(value)
    raise StorageError(f"cannot back up a value of type {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["base64"])
    return value


def _line(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Writer:
    """Writes a backup line by line, keeping the checksum of what it wrote."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self._digest = hashlib.sha256()
        self.rows = 0

    def _write(self, line: bytes) -> None:
        self._digest.update(line)
        self._fh.write(line)

    def header(self, header: Header) -> None:
        self._write(
            _line(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "schema_revision": header.schema_revision,
                    "created_at": header.created_at,
                    "created_by": header.created_by,
                    "source_backend": header.source_backend,
                    "tables": header.tables,
                }
            )
        )

    def block(self, block: Block) -> None:
        self._write(_line({"table": block.table, "columns": list(block.columns), "rows": block.rows}))

    def row(self, values: tuple[Any, ...] | list[Any]) -> None:
        self._write(_line([encode(v) for v in values]))
        self.rows += 1

    def trailer(self) -> None:
        self._fh.write(_line({"end": FORMAT, "rows": self.rows, "sha256": self._digest.hexdigest()}))


def open_for_writing(path: Path) -> IO[bytes]:
    # mtime=0: the same database backs up to the same bytes (the header holds the time)
    return gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0)  # type: ignore[return-value]


class Reader:
    """Reads a backup: `header`, then `blocks()` yields each table's Block and its rows (lists of
    values). Every problem is a StorageError naming the file; `finish()` checks the trailer and the
    checksum, so a caller that wrote what it read must not commit before finish() has returned."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines = self._read_lines()
        self._digest = hashlib.sha256()
        self._number = 0
        self.header = self._header()

    def bad(self, problem: str) -> StorageError:
        return StorageError(f"{self.path} is not a usable GIScope backup: {problem}; nothing was restored")

    def _read_lines(self) -> Iterator[bytes]:
        if not self.path.is_file():
            raise StorageError(f"{self.path}: no such file")
        try:
            with gzip.open(self.path, "rb") as fh:
                yield from fh
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise self.bad("it is not a gzip-compressed backup file") from exc
        except EOFError as exc:
            raise self.bad("the file is cut short (truncated)") from exc
        except OSError as exc:
            raise StorageError(f"cannot read {self.path}: {exc.strerror or exc}") from exc

    def _next(self, *, counted: bool = True) -> Any:
        line = next(self._lines, None)
        if line is None:
            raise self.bad("the file is cut short (truncated)")
        self._number += 1
        if counted:
            self._digest.update(line)
        try:
            return json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            raise self.bad(f"line {self._number} is not JSON") from exc

    def _header(self) -> Header:
        first = self._next()
        if not isinstance(first, dict) or first.get("format") != FORMAT:
            raise self.bad("its first line is not a GIScope backup header")
        if first.get("version") != VERSION:
            raise self.bad(f"format version {first.get('version')} (this GIScope reads version {VERSION})")
        tables = first.get("tables")
        if not isinstance(tables, dict) or not all(isinstance(n, int) for n in tables.values()):
            raise self.bad("its header lists no tables")
        return Header(
            schema_revision=str(first.get("schema_revision")),
            created_at=str(first.get("created_at", "")),
            created_by=str(first.get("created_by", "")),
            source_backend=str(first.get("source_backend", "")),
            tables=dict(tables),
        )

    def blocks(self) -> Iterator[tuple[Block, Iterator[list[Any]]]]:
        """Each table and an iterator of its rows (consume it before asking for the next table)."""
        for name, count in self.header.tables.items():
            found = self._next()
            if not isinstance(found, dict) or found.get("table") != name or found.get("rows") != count:
                raise self.bad(f"line {self._number} should begin table {name} ({count} rows)")
            columns = found.get("columns")
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise self.bad(f"line {self._number}: table {name} names no columns")
            block = Block(name, tuple(columns), count)
            yield block, self._rows(block)

    def _rows(self, block: Block) -> Iterator[list[Any]]:
        for _ in range(block.rows):
            row = self._next()
            if not isinstance(row, list) or len(row) != len(block.columns):
                raise self.bad(f"line {self._number} is not a row of {block.table}")
            try:
                yield [decode(v) for v in row]
            except (KeyError, TypeError, ValueError) as exc:
                raise self.bad(f"line {self._number} holds a value GIScope does not write") from exc

    def finish(self) -> str:
        """Check the trailer: the row count and the checksum; the checksum (hex)."""
        trailer = self._next(counted=False)
        if not isinstance(trailer, dict) or trailer.get("end") != FORMAT:
            raise self.bad(f"line {self._number} should be the end of the backup")
        if trailer.get("sha256") != self._digest.hexdigest():
            raise self.bad("its checksum does not match its content (the file was changed)")
        if trailer.get("rows") != self.header.total_rows:
            raise self.bad("its row count does not match its content")
        if next(self._lines, None) is not None:
            raise self.bad("it goes on after its end")
        return self._digest.hexdigest()


def verify(path: Path) -> tuple[Header, list[Block], str]:
    """Read a whole backup without a database: its header, its tables and its checksum, or a
    StorageError saying what is wrong with it."""
    reader = Reader(path)
    blocks = []
    for block, rows in reader.blocks():
        for _ in rows:
            pass
        blocks.append(block)
    return reader.header, blocks, reader.finish()
