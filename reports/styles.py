"""The look of a briefing: page geometry, colours and paragraph styles."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from reports import fonts as F

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
HEADER_BG = colors.HexColor("#334e68")
ZEBRA = colors.HexColor("#f2f4f7")
HIGHLIGHT = colors.HexColor("#ffe7b0")
HIGHLIGHT_BAR = colors.HexColor("#d97706")
WARN = colors.HexColor("#b45309")
NOTICE_COLOURS = {  # kind -> (background, border)
    "unconfirmed": (colors.HexColor("#fff1d6"), colors.HexColor("#d97706")),
    "disclaimer": (colors.HexColor("#eeeeee"), colors.HexColor("#9e9e9e")),
    "info": (colors.HexColor("#e6ecf0"), colors.HexColor("#607d8b")),
}
KEEP_HEADING = 40 * mm  # a heading starts a new page when less than this is left below it
KEEP_CAPTION = 30 * mm
LONG_TABLE_ROWS = 40  # LongTable (column widths fixed, faster) from this many rows on
NOTES_SHARE = 0.4  # footnotes take at most this share of a page's frame; the rest are named, see Sources
LINK = colors.HexColor("#1d4ed8")


def paragraph_styles(fonts: F.Fonts) -> dict[str, ParagraphStyle]:
    regular, bold = fonts.name(F.LATIN), fonts.name(F.LATIN, bold=True)
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=10,
        leading=14,
        textColor=INK,
        bulletFontName=regular,
        spaceAfter=6,
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "lead": style("lead", fontSize=11.5, leading=16, spaceAfter=8),
        "small": style("small", fontSize=8.5, leading=11.5, textColor=MUTED),
        "title": style("title", fontName=bold, fontSize=20, leading=25, spaceAfter=4),
        "subtitle": style("subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=4),
        "meta": style("meta", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=0),
        "heading": style("heading", fontName=bold, fontSize=13.5, leading=18, spaceBefore=12, spaceAfter=6),
        "th": style("th", fontName=bold, fontSize=9, leading=12, textColor=colors.white, spaceAfter=0),
        "td": style("td", fontSize=9, leading=12, spaceAfter=0),
        "label": style("label", fontName=bold, fontSize=9.5, leading=13, spaceAfter=0),
        "value": style("value", fontSize=9.5, leading=13, spaceAfter=0),
        "caption": style("caption", fontSize=8.5, leading=11, textColor=MUTED, spaceBefore=4, spaceAfter=3),
        "notice": style("notice", fontSize=9.5, leading=13.5, spaceAfter=0),
        "bullet": style("bullet", leftIndent=16, bulletIndent=3, spaceAfter=3),
        "source": style(
            "source",
            fontSize=8.5,
            leading=11.5,
            bulletFontSize=8.5,
            leftIndent=22,
            bulletIndent=0,
            spaceAfter=2,
        ),
        "footnote": style(
            "footnote",
            fontSize=7,
            leading=8.6,
            textColor=MUTED,
            bulletFontSize=7,
            leftIndent=16,
            bulletIndent=0,
            spaceAfter=1.5,
        ),
    }
