"""A finished Briefing in, PDF bytes out (reportlab platypus).

    pdf: bytes = render(briefing)

A4, 18 mm margins. Page 1 opens with a title block (title, subtitle, kind, date, data version,
language); later pages carry a running header; every page a "page X of Y" footer. Text is plain text:
it is escaped and split into runs by script (reports.fonts), so markup-like input prints literally and
Chinese, Thai and Latin are each set in an embedded font that has their glyphs. Sources become numbered
footnote markers; the document ends with a "Sources" list, each distinct source once, with its
confidence. Statements resting on low or unconfirmed sources carry a visible mark.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from reports import fonts as F
from reports.briefing import Block, Briefing, Bullets, Facts, Notice, Para, Source, Table
from reports.i18n import confidence, label
from reports.pages import NumberedCanvas, PageFurniture
from reports.styles import (
    FRAME_WIDTH,
    HEADER_BG,
    HIGHLIGHT,
    HIGHLIGHT_BAR,
    KEEP_CAPTION,
    KEEP_HEADING,
    LONG_TABLE_ROWS,
    MARGIN,
    NOTICE_COLOURS,
    PAGE_HEIGHT,
    RULE,
    WARN,
    ZEBRA,
    paragraph_styles,
)
from wording import DOUBTFUL


def render(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes. Raises reports.fonts.FontsMissing when a font is not installed."""
    return _Renderer(briefing, F.ensure_fonts()).build()


class _Renderer:
    def __init__(self, briefing: Briefing, fonts: F.Fonts):
        self.b = briefing
        self.lang = briefing.lang
        self.fonts = fonts
        self.styles = paragraph_styles(fonts)
        self._char_wrap_styles: dict[str, ParagraphStyle] = {}
        self.sources: dict[Source, int] = {}  # in order of first citation
        has = fonts.coverage[F.LATIN].__contains__
        self.warn_sign = "⚠" if has(0x26A0) else "(!)"
        self.box = "☐" if has(0x2610) else "[ ]"
        self.bullet = "•" if has(0x2022) else "-"

    # --- text ------------------------------------------------------------------------------------

    def label(self, key: str, **values: object) -> str:
        return label(self.lang, key, **values)

    def paragraph(self, markup: str, texts: Sequence[str], style: str, **kw: Any) -> Paragraph:
        """A Paragraph; texts with CJK or Thai (no spaces between words) wrap between characters."""
        st = self.styles[style]
        if F.needs_char_wrap(texts):
            st = self._char_wrap_styles.get(style) or self._char_wrap_styles.setdefault(
                style, ParagraphStyle(f"{style}-cjk", parent=st, wordWrap="CJK")
            )
        return Paragraph(markup, st, **kw)

    def footnote(self, source: Source) -> int:
        return self.sources.setdefault(source, len(self.sources) + 1)

    def warning(self, text: str) -> str:
        colour = WARN.hexval()[2:]
        return f'<font color="#{colour}">{F.markup(f"{self.warn_sign} {text}", bold=True)}</font>'

    def para_markup(self, para: Para) -> tuple[str, list[str]]:
        """Markup for a statement with its footnote markers and unconfirmed mark, and its plain texts."""
        markup, texts = F.markup(para.text), [para.text]
        numbers = dict.fromkeys(self.footnote(s) for s in para.sources)
        if numbers:
            markers = "".join(f"[{n}]" for n in numbers)
            markup += f'<super rise="3.5" size="6.5">{F.markup(markers)}</super>'
        if para.unconfirmed:
            markup += " " + self.warning(self.label("unconfirmed"))
            texts.append(self.label("unconfirmed"))
        return markup, texts

    def cells(self, horizontal: float, vertical: float) -> list[tuple[Any, ...]]:
        """Cell paddings, and the cell font: reportlab sets it even for Paragraph cells (never Helvetica)."""
        return [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.name(F.LATIN)),
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
        ]

    # --- blocks ----------------------------------------------------------------------------------

    def build(self) -> bytes:
        story = self.title_block()
        for section in self.b.sections:
            story += self.heading(section.heading)
            for block in section.blocks:
                story.extend(self.block(block))
        story.extend(self.sources_section())

        buf = io.BytesIO()
        furniture = PageFurniture(self.b, self.fonts)
        frame = Frame(
            MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - 2 * MARGIN, 0, 0, 0, 0, id="body", showBoundary=0
        )
        doc = BaseDocTemplate(
            buf,
            pageTemplates=[
                PageTemplate("first", [frame], autoNextPageTemplate="later"),
                PageTemplate("later", [frame], onPage=furniture.draw_header),
            ],
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=self.b.title,
            subject=self.b.subtitle,
            author=self.b.running_header,
            creator="GIScope",
            lang="zh-CN" if self.lang == "zh" else "en",
            initialFontName=self.fonts.name(F.LATIN),
            invariant=1,
        )
        doc.build(story, canvasmaker=partial(NumberedCanvas, footer=furniture.draw_footer))
        return buf.getvalue()

    def heading(self, text: str) -> list[Flowable]:
        # Not keepWithNext: reportlab keeps a heading with a table longer than the page by moving both on.
        return [CondPageBreak(KEEP_HEADING), self.paragraph(F.markup(text, bold=True), [text], "heading")]

    def title_block(self) -> list[Flowable]:
        b = self.b
        out: list[Flowable] = [self.paragraph(F.markup(b.title, bold=True), [b.title], "title")]
        if b.subtitle:
            out.append(self.paragraph(F.markup(b.subtitle), [b.subtitle], "subtitle"))
        colon = self.label("colon")
        meta = self.label("separator").join(
            [
                self.label(f"kind_{b.kind}") if f"kind_{b.kind}" in _KINDS else b.kind,
                f"{self.label('date')}{colon}{b.date}",
                f"{self.label('data_version')}{colon}{b.data_version}",
                f"{self.label('language')}{colon}{self.label('language_name')}",
            ]
        )
        out.append(self.paragraph(F.markup(meta), [meta], "meta"))
        out.append(HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=6, spaceAfter=8))
        return out

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Para):
            markup, texts = self.para_markup(block)
            return [self.paragraph(markup, texts, block.style if block.style in _PARA_STYLES else "body")]
        if isinstance(block, Facts):
            return self.facts(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Notice):
            return self.notice(block)
        raise TypeError(f"unknown briefing block: {type(block).__name__}")

    def facts(self, facts: Facts) -> list[Flowable]:
        rows = []
        for name, value in facts.items:
            markup, texts = self.para_markup(value)
            rows.append(
                [
                    self.paragraph(F.markup(name, bold=True), [name], "label"),
                    self.paragraph(markup, texts, "value"),
                ]
            )
        if not rows:
            return []
        table = RLTable(rows, colWidths=[FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (0, -1), ZEBRA),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    *self.cells(4, 3),
                ]
            )
        )
        return [table, Spacer(1, 8)]

    def table(self, t: Table) -> list[Flowable]:
        ncols = len(t.headers)
        if ncols == 0:
            return []
        for i, row in enumerate(t.rows):
            if len(row) != ncols:
                raise ValueError(f"table row {i} has {len(row)} cells, the header {ncols}")
        data: list[list[Flowable]] = [[self.paragraph(F.markup(h, bold=True), [h], "th") for h in t.headers]]
        for row in t.rows:
            cells = []
            for cell in row:
                markup, texts = self.para_markup(cell)
                cells.append(self.paragraph(markup, texts, "td"))
            data.append(cells)
        cls = LongTable if len(data) >= LONG_TABLE_ROWS else RLTable
        table = cls(
            data, colWidths=_col_widths(t.col_widths, ncols), repeatRows=1, hAlign="LEFT", splitInRow=1
        )
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            *self.cells(4, 3),
        ]
        for r in sorted(t.highlight_rows):
            if 0 <= r < len(t.rows):
                commands.append(("BACKGROUND", (0, r + 1), (-1, r + 1), HIGHLIGHT))
                commands.append(("LINEBEFORE", (0, r + 1), (0, r + 1), 2.5, HIGHLIGHT_BAR))
        table.setStyle(TableStyle(commands))
        out: list[Flowable] = []
        if t.caption:
            out.append(CondPageBreak(KEEP_CAPTION))
            out.append(self.paragraph(F.markup(t.caption, bold=True), [t.caption], "caption"))
        out += [table, Spacer(1, 8)]
        return out

    def bullets(self, bullets: Bullets) -> list[Flowable]:
        out: list[Flowable] = []
        for item in bullets.items:
            markup, texts = self.para_markup(item)
            out.append(
                self.paragraph(
                    markup, texts, "bullet", bulletText=self.box if bullets.checklist else self.bullet
                )
            )
        if out:
            out.append(Spacer(1, 4))
        return out

    def notice(self, notice: Notice) -> list[Flowable]:
        background, border = NOTICE_COLOURS.get(notice.kind, NOTICE_COLOURS["info"])
        title = self.label(_NOTICE_TITLES.get(notice.kind, "info"))
        if notice.kind == "unconfirmed":
            head = self.warning(title + self.label("colon").rstrip())
        else:
            head = F.markup(title + self.label("colon").rstrip(), bold=True)
        markup = f"{head} {F.markup(notice.text)}"
        box = RLTable(
            [[self.paragraph(markup, [title, notice.text], "notice")]],
            colWidths=[FRAME_WIDTH],
            hAlign="LEFT",
            splitInRow=1,
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), background),
                    ("BOX", (0, 0), (-1, -1), 0.75, border),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, border),
                    *self.cells(8, 6),
                ]
            )
        )
        return [box, Spacer(1, 8)]

    def sources_section(self) -> list[Flowable]:
        if not self.sources:
            return []
        out = self.heading(self.label("sources"))
        for source, number in self.sources.items():
            level = confidence(self.lang, source.confidence)
            tail = f"{self.label('confidence')}{self.label('colon')}{level}"
            tail = f"（{tail}）" if self.lang == "zh" else f" ({tail})"
            if source.confidence in DOUBTFUL:
                tail_markup = ("" if self.lang == "zh" else " ") + self.warning(tail.strip())
            else:
                tail_markup = F.markup(tail)
            out.append(
                self.paragraph(
                    F.markup(source.text) + tail_markup,
                    [source.text, tail],
                    "source",
                    bulletText=f"[{number}]",
                )
            )
        return out

    # --- page furniture --------------------------------------------------------------------------


_KINDS = {"kind_dispute", "kind_compare", "kind_screening"}
_NOTICE_TITLES = {"unconfirmed": "unconfirmed_title", "disclaimer": "disclaimer", "info": "info"}
_PARA_STYLES = ("body", "lead", "small")


def _col_widths(fractions: Sequence[float] | None, ncols: int) -> list[float]:
    if not fractions:
        return [FRAME_WIDTH / ncols] * ncols
    if len(fractions) != ncols:
        raise ValueError(f"col_widths has {len(fractions)} fractions for {ncols} columns")
    if any(f <= 0 for f in fractions):
        raise ValueError(f"col_widths must be positive fractions: {fractions}")
    total = sum(fractions)
    return [FRAME_WIDTH * f / total for f in fractions]
