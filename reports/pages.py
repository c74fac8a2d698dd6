"""Page furniture: the running header on later pages and the "page X of Y" footer on every page, on
portrait and landscape pages alike; and the canvas that draws synthetic bold for faces without a bold."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from reports import fonts as F
from reports.briefing import Briefing
from reports.i18n import label
from reports.styles import MARGIN, MUTED, RULE


class _BoldingText(PDFTextObject):
    """A text object that sets faces in F.SYNTHETIC_BOLD filled and stroked (render mode 2) with a thin
    outline in the text colour, and every other face filled only (mode 0)."""

    _fill: Any = None
    _bolding = False

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:
        super().setFillColor(aColor, alpha=alpha)
        self._fill = aColor

    def _formatText(self, text: str) -> str:
        stroke = F.SYNTHETIC_BOLD.get(self._fontname)
        if stroke:
            self.setStrokeColor(self._fill if self._fill is not None else self._canvas._fillColorObj)
            self._code.append(f"2 Tr {stroke * self._fontsize:.3f} w")
            self._bolding = True
        elif self._bolding:
            self._code.append("0 Tr")
            self._bolding = False
        return super()._formatText(text)

    def getCode(self) -> str:
        if self._bolding:  # render mode, line width and stroke colour are graphics state: put them back
            self._code.append(f"0 Tr {self._canvas._lineWidth} w")
            self.setStrokeColor(self._canvas._strokeColorObj)
            self._bolding = False
        return super().getCode()


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "page X of Y"; draws synthetic bold."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._footer = footer
        # bookmarks by held page: reportlab points a bookmark at the page it is writing, and while pages
        # are held that is always the first, so each is set when its own page is written out
        self._held_bookmarks: dict[int, list[tuple[str, dict[str, Any]]]] = {}

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _BoldingText(self, x, y, direction=direction)

    def bookmarkPage(self, key: str, **kw: Any) -> None:  # type: ignore[override]
        self._held_bookmarks.setdefault(len(self._held_pages), []).append((key, kw))

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        bookmarks = self._held_bookmarks
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            for key, kw in bookmarks.get(number - 1, []):
                super().bookmarkPage(key, **kw)
            self._footer(self, number, total)
            super().showPage()
        super().save()


class PageFurniture:
    """Draws a briefing's header and footer; text in several scripts is set run by run."""

    def __init__(self, briefing: Briefing, fonts: F.Fonts):
        self.b = briefing
        self.lang = briefing.lang
        self.fonts = fonts

    def label(self, key: str, **values: object) -> str:
        return label(self.lang, key, **values)

    def draw_header(self, canvas: Canvas, doc: Any) -> None:
        page_width, page_height = canvas._pagesize
        frame_width = page_width - 2 * MARGIN
        y = page_height - MARGIN + 6 * mm
        left = self.b.running_header
        left_width = self.draw_text(canvas, MARGIN, y, left, 7.5, bold=True, max_width=frame_width / 3)
        self.draw_text(
            canvas,
            page_width - MARGIN,
            y,
            self.b.title,
            7.5,
            align="right",
            max_width=frame_width - left_width - 10 * mm,
        )
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 2 * mm, page_width - MARGIN, y - 2 * mm)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        page_width = canvas._pagesize[0]
        y = MARGIN - 9 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, page_width - MARGIN, y + 4 * mm)
        canvas.restoreState()
        colon = self.label("colon")
        left = (
            f"{self.label('data_version')}{colon}{self.b.data_version}{self.label('separator')}{self.b.date}"
        )
        self.draw_text(canvas, MARGIN, y, left, 7.5, max_width=(page_width - 2 * MARGIN) * 0.72)
        number = self.label("page_x_of_y", page=page, pages=pages)
        self.draw_text(canvas, page_width - MARGIN, y, number, 7.5, align="right")

    def draw_text(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
        max_width: float | None = None,
    ) -> float:
        """Draw one line of mixed-script text (cut with "…" beyond max_width); returns its width."""
        text = " ".join(F.clean(text).split())
        if max_width is not None:
            text = fit(text, size, bold, max_width)
        width = F.text_width(text, size, bold)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        canvas.saveState()
        canvas.setFillColor(MUTED)
        t = canvas.beginText(x, y)
        for key, run in F.split_runs(text):
            t.setFont(self.fonts.name(key, bold), size)
            t.textOut(run)
        canvas.drawText(t)
        canvas.restoreState()
        return width


def fit(text: str, size: float, bold: bool, max_width: float) -> str:
    """text, or its longest prefix that fits in max_width followed by "…"."""
    if F.text_width(text, size, bold) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if F.text_width(text[:mid].rstrip() + "…", size, bold) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    while 0 < lo < len(text) and unicodedata.category(text[lo])[0] == "M":  # keep marks with their base
        lo -= 1
    return text[:lo].rstrip() + "…"
