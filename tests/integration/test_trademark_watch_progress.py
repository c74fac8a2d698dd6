"""The gazette scan reports its progress, mark by mark (the Trademark watch page shows it as a bar)."""

from __future__ import annotations

from storage.db import Database
from tests.conftest import TEST_DATA
from watch.trademarks.services import scan_gazette


def test_a_scan_reports_each_mark_screened_out_of_all_of_them(loaded_engine: Database) -> None:
    seen: list[tuple[int, int]] = []
    result = scan_gazette(
        loaded_engine,
        TEST_DATA / "gazette_example.csv",
        "CN",
        published="2026-11-20",
        who="tester",
        at="2026-11-21T09:00:00+00:00",
        today="2026-11-21",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(i, result.marks) for i in range(1, result.marks + 1)]
    assert result.marks == 6
