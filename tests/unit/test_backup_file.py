"""The backup file format (storage/backup_file.py) without a database: values come back as they went in,
and a file that is not a whole, unchanged backup is refused with one clear line."""

from __future__ import annotations

import datetime as dt
import gzip
from decimal import Decimal
from pathlib import Path

import pytest

from errors import StorageError
from storage.backup_file import Block, Header, Writer, open_for_writing, verify

VALUES = [
    (1, '香槟 ☕\n"quoted"', None, 2**53 + 1, 0.1, b"\x00\xffbytes"),
    (2, "", "", -1, 1e300, b""),
]


def write(path: Path, rows: list[tuple[object, ...]] = VALUES) -> Path:
    with open_for_writing(path) as fh:
        w = Writer(fh)
        w.header(Header("0009", "2026-12-04T00:00:00+00:00", "tester", "sqlite", {"t": len(rows)}))
        w.block(Block("t", ("id", "text", "note", "big", "ratio", "blob"), len(rows)))
        for row in rows:
            w.row(row)
        w.trailer()
    return path


def read_rows(path: Path) -> list[list[object]]:
    from storage.backup_file import Reader

    reader = Reader(path)
    out = [row for _, rows in reader.blocks() for row in rows]
    reader.finish()
    return out


def test_values_come_back_as_they_went_in(tmp_path: Path) -> None:
    path = write(tmp_path / "b.gz")
    assert [tuple(r) for r in read_rows(path)] == VALUES
    header, blocks, digest = verify(path)
    assert header.tables == {"t": 2} and blocks[0].columns[1] == "text" and len(digest) == 64


def test_dates_and_decimals_are_written_as_their_text(tmp_path: Path) -> None:
    rows = [(1, dt.date(2026, 12, 4), None, Decimal("1.50"), 0.5, dt.datetime(2026, 12, 4, 13, 0))]
    assert read_rows(write(tmp_path / "d.gz", rows)) == [
        [1, "2026-12-04", None, "1.50", 0.5, "2026-12-04T13:00:00"]
    ]


def test_two_backups_of_the_same_rows_are_the_same_bytes(tmp_path: Path) -> None:
    assert write(tmp_path / "a.gz").read_bytes() == write(tmp_path / "b.gz").read_bytes()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is cut short (truncated)"),
        (b'{"format": "something else"}\n', "its first line is not a GIScope backup header"),
        (b'{"format": "giscope-backup", "version": 2}\n', "format version 2 (this GIScope reads version 1)"),
        (b"not json\n", "line 1 is not JSON"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "x.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(content)
    with pytest.raises(StorageError) as refused:
        verify(path)
    assert str(refused.value) == f"{path} is not a usable GIScope backup: {problem}; nothing was restored"


def test_lines_after_the_end_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "b.gz")
    with gzip.open(path, "ab") as fh:
        fh.write(b"[3]\n")
    with pytest.raises(StorageError, match="it goes on after its end"):
        verify(path)
