"""The page layout of a briefing: portrait and landscape templates, footnotes at the foot of the page
where they are cited, and the PDF outline (bookmarks).

Footnotes: a note is given in full at the foot of the first page that cites it, and on later
pages that cite it again in a one-line short form that names that page (the "supra" habit of legal
writing), so a page never sends the reader to the end. The room for them is kept as the page fills,
in one layout pass: the body frame (NoteFrame) knows the notes already placed on its page; before it
places (or splits) a flowable it measures the page's notes with the ones that flowable would newly cite
(paragraphs and table cells carry their note numbers) and raises its bottom by their height, so the
flowable goes on the page only if it fits with its notes. At the end of the page the notes are drawn
below the frame. A page's notes take at most NOTES_SHARE of its frame: beyond that the longest ones are
shortened to one line each, pointing to the Sources list at the end (which lists every source in full).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, LongTable, PageTemplate
from reportlab.platypus.tables import Table

from reports.linebreak import NotedParagraph
from reports.styles import MARGIN, NOTES_SHARE, RULE

NOTE_GAP = 10.0  # between the text and the footnote rule
SPLIT_TRIES = 6  # rooms tried for the first part of a split before keeping the notes of the whole
PORTRAIT, LANDSCAPE = A4, landscape(A4)

# (the numbers of the notes cited on a page, the page, the width of its frame, the height they may take,
# whether they are drawn now (else only measured)) -> the flowables that show them
NoteMaker = Callable[[list[int], int, float, float, bool], list[Flowable]]


def frame_width(landscape_page: bool) -> float:
    return (LANDSCAPE if landscape_page else PORTRAIT)[0] - 2 * MARGIN


class _SplitInRowFirst:
    """reportlab splits a table between rows first, then places the rest in the room left on the same
    page, where it splits again inside a row: the header row repeated in the middle of a page. These
    tables split inside the row at the foot of the page first; when they must split between rows, the
    rest starts on the next page."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        table: Any = self
        table._calc(availWidth, availHeight)
        if table._width <= availWidth + 0.01 and table.splitInRow:  # column widths may sum a hair over
            parts = table._splitRows(availHeight, doInRowSplit=1)
            if parts:
                return list(parts)
        parts = list(super().split(availWidth, availHeight))  # type: ignore[misc]
        if len(parts) == 2:
            return [parts[0], FrameBreak(), parts[1]]
        return parts


class BodyTable(_SplitInRowFirst, Table):
    pass


class LongBodyTable(_SplitInRowFirst, LongTable):
    pass


def notes_of(flowable: Any) -> list[int]:
    """The footnote numbers a flowable (a paragraph, or a table with paragraphs in its cells) cites."""
    if isinstance(flowable, NotedParagraph):
        return list(flowable.notes)
    if isinstance(flowable, Table):
        return [n for row in flowable._cellvalues for cell in row for n in notes_of(cell)]
    if isinstance(flowable, (list, tuple)):
        return [n for f in flowable for n in notes_of(f)]
    return []


class NoteFrame(Frame):
    """The body frame of one page, whose bottom rises by the height of the footnotes of what is on it."""

    _y1p: float  # reportlab's bottom of the frame (inside its padding)

    def __init__(self, doc: BriefingDoc, pagesize: tuple[float, float]):
        width, height = pagesize
        super().__init__(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, 0, 0, 0, 0, id="body")
        self.doc = doc
        self.floor: float = self._y1p  # the bottom of the frame without notes

    def _notes_height(self, numbers: list[int]) -> float:
        return self.doc.notes_height(numbers) if numbers else 0.0

    def _with(self, flowable: Any) -> list[int]:
        cited = self.doc.page_cited
        return cited + [n for n in dict.fromkeys(notes_of(flowable)) if n not in cited]

    def add(self, flowable: Any, canv: Any, trySplit: int = 0) -> int:
        numbers = self._with(flowable)
        placed = self._y1p
        if len(numbers) > len(self.doc.page_cited):
            self._y1p = self.floor + self._notes_height(numbers)
        done = super().add(flowable, canv, trySplit=trySplit)
        if done:
            self.doc.page_cited = numbers
        else:
            self._y1p = placed
        return int(done)

    def split(self, flowable: Any, canv: Any) -> list[Any]:
        """Split in the room left by the notes the first part would cite: start with room for the notes
        already on the page, then for those of the first part, until a first part fits with its notes
        (at worst, room for the notes of the whole flowable, or no split here)."""
        placed = self._y1p
        reserve = self._notes_height(self.doc.page_cited)
        try:
            for _ in range(SPLIT_TRIES):
                self._y1p = self.floor + reserve
                parts = list(super().split(flowable, canv))
                if not parts:
                    break
                need = self._notes_height(self._with(parts[0]))
                if need <= reserve:
                    return parts
                reserve = need
            # the notes of the whole; shortened notes (NOTES_SHARE) can make fewer notes take more room
            reserve = max(reserve, self._notes_height(self._with(flowable)))
            self._y1p = self.floor + reserve
            parts = list(super().split(flowable, canv))
            fits = parts and self._notes_height(self._with(parts[0])) <= reserve
            return parts if fits else []
        finally:
            self._y1p = placed


class BriefingDoc(BaseDocTemplate):
    """Page templates "first", "later" (portrait) and "landscape"; footnotes kept room as pages fill."""

    def __init__(
        self,
        buf: Any,
        *,
        header: Callable[[Any, Any], None],
        make_notes: NoteMaker,
        **kw: Any,
    ):
        super().__init__(buf, pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN, **kw)
        self.make_notes = make_notes
        self.page_cited: list[int] = []  # the notes cited on the page being filled, in order
        self._heights: dict[tuple[tuple[int, ...], int, float, float], float] = {}  # notes_height's memo
        self.outline_count = 0
        templates = [
            PageTemplate("first", [self._frame(PORTRAIT)], autoNextPageTemplate="later", pagesize=PORTRAIT),
            PageTemplate("later", [self._frame(PORTRAIT)], onPage=header, pagesize=PORTRAIT),
            PageTemplate("landscape", [self._frame(LANDSCAPE)], onPage=header, pagesize=LANDSCAPE),
        ]
        self.addPageTemplates(templates)

    def _frame(self, pagesize: tuple[float, float]) -> Frame:
        return NoteFrame(self, pagesize)

    def _limit(self) -> tuple[float, float]:
        """The width of this page's notes and the most height they may take."""
        width, height = self.pageTemplate.pagesize
        return width - 2 * MARGIN, (height - 2 * MARGIN) * NOTES_SHARE

    def notes_height(self, numbers: list[int]) -> float:
        """The room the notes (numbers) take at the foot of this page, with the gap above them. Measured
        once per set of notes while the page fills (a page asks for the same notes many times as it tries
        its flowables): drawing a page's notes changes which are given in full, and clears the memo."""
        width, limit = self._limit()
        key = (tuple(sorted(numbers)), self.page, width, limit)
        if key not in self._heights:
            flowables = self.make_notes(sorted(numbers), self.page, width, limit, False)
            self._heights[key] = (
                sum(f.wrap(width, 10_000)[1] + f.getSpaceAfter() for f in flowables) + NOTE_GAP
            )
        return self._heights[key]

    # --- hooks -----------------------------------------------------------------------------------

    def beforePage(self) -> None:
        """A fresh frame for this page, with no notes yet."""
        template = self.pageTemplate
        template.frames = [self._frame(template.pagesize)]
        self.page_cited = []

    def afterFlowable(self, flowable: Flowable) -> None:
        title = getattr(flowable, "outline", None)
        if title:
            self.outline_count += 1
            key = f"section-{self.outline_count}"
            top = self.frame._y + flowable.height + 4
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(title, key, level=0)
            self.canv.showOutline()  # open with the outline shown

    def afterPage(self) -> None:
        numbers = sorted(self.page_cited)
        if not numbers:
            return
        width, limit = self._limit()
        flowables = self.make_notes(numbers, self.page, width, limit, True)
        self._heights.clear()  # the notes given in full have changed
        heights = [f.wrap(width, 10_000)[1] + f.getSpaceAfter() for f in flowables]
        canv = self.canv
        y = MARGIN + sum(heights)
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, y + NOTE_GAP / 2, MARGIN + min(width, 60 * mm), y + NOTE_GAP / 2)
        canv.restoreState()
        for f, h in zip(flowables, heights, strict=True):
            y -= h
            f.drawOn(canv, MARGIN, y + f.getSpaceAfter())
