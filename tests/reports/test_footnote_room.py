"""Footnote room is kept as the page fills (reports.document.NoteFrame): a page with notes is filled down
to its notes, with no band of blank above them left over from earlier guesses. Real rendering; the
frame is read at the end of each page."""

from __future__ import annotations

from typing import Any

import pytest

from reports.briefing import Briefing, Para, Section, Source, Table
from reports.document import BriefingDoc
from reports.render import render
from tests.reports.pdftools import page_texts

LONG = "; with the annex entry, the signing and entry-into-force dates and the official publication" * 2
SENTENCE = "Protected against any direct or indirect commercial use, evocation and misleading indication. "


def _briefing(landscape: bool) -> Briefing:
    sources = tuple(
        Source(f"Source {i}: official journal, item {i}{LONG if i % 2 else ''}", "high") for i in range(40)
    )
    rows = tuple(
        (
            Para(f"Row {i}"),
            Para(SENTENCE * (2 + i % 3), (sources[i],)),
            Para(SENTENCE, (sources[(i + 7) % 40],)),
        )
        for i in range(30)
    )
    table = Table(("Dimension", "First", "Second"), rows, col_widths=(0.2, 0.5, 0.3))
    intro = Para(SENTENCE * 6, (sources[0], sources[1]))
    return Briefing(
        "compare",
        "Room for notes",
        "",
        "en",
        "2026-01-01",
        "v1",
        (Section("Matrix", (intro, table), landscape),),
    )


@pytest.mark.parametrize("landscape", [False, True])
def test_pages_with_notes_are_filled_down_to_their_notes(monkeypatch: pytest.MonkeyPatch, landscape: bool):
    seen: list[tuple[int, float, float, int]] = []
    after = BriefingDoc.afterPage

    def record(doc: Any) -> None:
        frame = doc.frame
        seen.append((doc.page, frame._y - frame._y1p, frame._y2 - frame.floor, len(doc.page_cited)))
        after(doc)

    monkeypatch.setattr(BriefingDoc, "afterPage", record)
    pdf = render(_briefing(landscape))
    pages = page_texts(pdf)
    table_pages = [p for p, (_, _, _, cited) in enumerate(seen, 1) if cited and p < len(pages) - 1]
    assert len(table_pages) >= 3, seen
    for page, blank, height, _ in seen:
        if page in table_pages[:-1]:  # the table's last page may end early
            assert blank < 0.25 * height, (page, blank, height, seen)
    # every page's notes are drawn under the text that cites them (the text ends above the notes)
    for page, (_, blank, _, cited) in enumerate(seen, 1):
        if cited:
            assert blank >= -0.01, (page, seen)
