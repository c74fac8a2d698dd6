"""The page layout of a briefing: portrait and landscape templates, footnotes at the foot of the page
where they are cited, and the PDF outline (bookmarks).

Footnotes: a note is given in full at the foot of the first page that cites it, and on later
pages that cite it again in a one-line short form that names that page (the "supra" habit of legal
writing), so a page never sends the reader to the end. Platypus fills a frame without knowing what
the flowables will cite, so the layout is done in passes. Each pass records which notes each page
cites (paragraphs and table cells carry their note numbers); the next pass shortens that page's
frame by the height those notes need, and draws them below it. Reservations only grow, so the passes
settle (in practice after one to three extra passes; then reports.render tries tighter rooms once or
twice and keeps the tighter layout if it holds); if they have not settled after MAX_PASSES, a
page's notes that no longer fit its reserved space are shortened to one line each, pointing to the
Sources list at the end (which always lists every source in full). A page's notes take at most
NOTES_SHARE of its frame: beyond that the longest ones are shortened the same way.
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

MAX_PASSES = 5
NOTE_GAP = 10.0  # between the text and the footnote rule
RESERVE_SLACK = 20.0  # points added to a page whose notes outgrew the room kept for them
PORTRAIT, LANDSCAPE = A4, landscape(A4)

# (the numbers of the notes cited on a page, the page, the width of its frame, the height they may take)
# -> the flowables that show them; called for each page in turn
NoteMaker = Callable[[list[int], int, float, float], list[Flowable]]


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
        if table._width <= availWidth and table.splitInRow:
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


class BriefingDoc(BaseDocTemplate):
    """Page templates "first", "later" (portrait) and "landscape"; footnotes reserved per page."""

    def __init__(
        self,
        buf: Any,
        *,
        header: Callable[[Any, Any], None],
        make_notes: NoteMaker,
        reserved: dict[int, float],
        final: bool,
        **kw: Any,
    ):
        super().__init__(buf, pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN, **kw)
        self.make_notes = make_notes
        self.reserved = reserved  # page number -> points kept free at the foot for notes (earlier passes)
        self.final = final  # the last pass: notes must fit the room reserved for them
        self.cited: dict[int, list[int]] = {}  # page number -> notes cited there (this pass)
        self.needed: dict[int, float] = {}  # page number -> points its notes need (this pass)
        self.outline_count = 0
        templates = [
            PageTemplate("first", [self._frame(PORTRAIT)], autoNextPageTemplate="later", pagesize=PORTRAIT),
            PageTemplate("later", [self._frame(PORTRAIT)], onPage=header, pagesize=PORTRAIT),
            PageTemplate("landscape", [self._frame(LANDSCAPE)], onPage=header, pagesize=LANDSCAPE),
        ]
        self.addPageTemplates(templates)

    @staticmethod
    def _frame(pagesize: tuple[float, float], reserve: float = 0.0) -> Frame:
        width, height = pagesize
        return Frame(
            MARGIN,
            MARGIN + reserve,
            width - 2 * MARGIN,
            height - 2 * MARGIN - reserve,
            0,
            0,
            0,
            0,
            id="body",
        )

    # --- hooks -----------------------------------------------------------------------------------

    def beforePage(self) -> None:
        """This page's frame, shortened by the room its footnotes took in the last pass."""
        template = self.pageTemplate
        template.frames = [self._frame(template.pagesize, self.reserved.get(self.page, 0.0))]

    def afterFlowable(self, flowable: Flowable) -> None:
        numbers = notes_of(flowable)
        if numbers:
            page = self.cited.setdefault(self.page, [])
            page.extend(n for n in numbers if n not in page)
        title = getattr(flowable, "outline", None)
        if title:
            self.outline_count += 1
            key = f"section-{self.outline_count}"
            top = self.frame._y + flowable.height + 4
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(title, key, level=0)
            self.canv.showOutline()  # open with the outline shown

    def afterPage(self) -> None:
        numbers = sorted(self.cited.get(self.page, []))
        if not numbers:
            return
        width = self.pageTemplate.pagesize[0] - 2 * MARGIN
        room = max(self.reserved.get(self.page, 0.0) - NOTE_GAP, 0.0)
        page_height = self.pageTemplate.pagesize[1] - 2 * MARGIN
        limit = room if self.final else page_height * NOTES_SHARE
        flowables = self.make_notes(numbers, self.page, width, limit)
        heights = [f.wrap(width, 10_000)[1] + f.getSpaceAfter() for f in flowables]
        self.needed[self.page] = sum(heights) + NOTE_GAP
        canv = self.canv
        # the last pass found no room at all: the one line naming the notes goes into the foot margin
        base = MARGIN if sum(heights) <= room + 0.5 or not self.final else MARGIN - min(sum(heights), 3 * mm)
        y = base + sum(heights)
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN, y + NOTE_GAP / 2, MARGIN + min(width, 60 * mm), y + NOTE_GAP / 2)
        canv.restoreState()
        for f, h in zip(flowables, heights, strict=True):
            y -= h
            f.drawOn(canv, MARGIN, y + f.getSpaceAfter())

    def next_reservation(self) -> dict[int, float]:
        """The room to keep on each page in the next pass: at least what each page's notes needed in this
        one (a little more where they outgrew it again); the pages just after the last page with notes,
        which the shortened frames push text onto, are guessed to need what a page typically did."""
        out = dict(self.reserved)
        for page, need in self.needed.items():
            had = out.get(page, 0.0)
            if need > had:  # short again after a first reservation: leave a little more (faster to settle)
                out[page] = need + (RESERVE_SLACK if had else 0.0)
        if self.needed:
            typical = sorted(self.needed.values())[len(self.needed) // 2]
            last = max(self.needed)
            for page in range(last + 1, last + 4):
                out.setdefault(page, typical)
        return out

    def tighter_reservations(self) -> list[dict[int, float]]:
        """Rooms to try once this pass has settled: only what each page's notes took; or the same rooms
        but none on pages that cite nothing (such as the Sources list at the end)."""
        exact = dict(self.needed)
        kept = {page: room for page, room in self.reserved.items() if page in self.needed}
        return [exact, kept] if kept != exact else [exact]

    def settled(self) -> bool:
        """Whether every page had room for its notes (no further pass needed)."""
        return all(need <= self.reserved.get(page, 0.0) + 0.5 for page, need in self.needed.items())
