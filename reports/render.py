"""A finished Briefing in, PDF bytes out (reportlab platypus).

    pdf: bytes = render(briefing)

A4, 18 mm margins; a section marked landscape is set on landscape A4 pages (the sections after it
return to portrait). Page 1 opens with a title block (title, subtitle, kind, date, data version,
language); later pages carry a running header; every page a "page X of Y" footer. Text is plain text:
it is escaped and split into runs by script (reports.fonts), so markup-like input prints literally and
Chinese, Thai and Latin are each set in an embedded font that has their glyphs; lines break by the
Chinese and Thai rules of reports.linebreak; table columns are as wide as their content asks
(reports.colwidths). Sources become numbered footnote markers, and each page lists the notes it cites
at its foot (reports.document); the document ends with a "Sources" list, each distinct source once,
with its confidence; web addresses are links. Statements resting on low or unconfirmed sources carry a
visible mark. The PDF has an outline (a bookmark per section), its title and language, and the time
it was made.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from reports import fonts as F
from reports.briefing import Block, Briefing, Bullets, Facts, Notice, Para, Source, Table
from reports.colwidths import Cell, column_widths
from reports.document import BodyTable, BriefingDoc, LongBodyTable, frame_width
from reports.i18n import label
from reports.linebreak import NotedParagraph
from reports.notes import SourceNotes
from reports.pages import NumberedCanvas, PageFurniture
from reports.styles import (
    HEADER_BG,
    HIGHLIGHT,
    HIGHLIGHT_BAR,
    KEEP_CAPTION,
    KEEP_HEADING,
    LONG_TABLE_ROWS,
    MARGIN,
    NOTICE_COLOURS,
    RULE,
    WARN,
    ZEBRA,
    paragraph_styles,
)

MARKER_SIZE = 6.5


def render(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes. Raises reports.fonts.FontsMissing when a font is not installed."""
    return _Renderer(briefing, F.ensure_fonts()).build()


class _Renderer(SourceNotes):
    def __init__(self, briefing: Briefing, fonts: F.Fonts):
        self.b = briefing
        self.lang = briefing.lang
        self.fonts = fonts
        self.styles = paragraph_styles(fonts)
        self._char_wrap_styles: dict[str, ParagraphStyle] = {}
        self._parsed: dict[tuple[str, str], Any] = {}  # (markup, style name) -> the Paragraph's frags
        self._widths: dict[tuple[int, float], list[float]] = {}  # (table block, frame width) -> widths
        self.sources: dict[Source, int] = {}  # in order of first citation
        self.given_in_full: dict[int, int] = {}
        self.width = frame_width(False)  # of the frame the blocks being built go into
        has = fonts.coverage[F.LATIN].__contains__
        self.warn_sign = "⚠" if has(0x26A0) else "(!)"
        self.box = "☐" if has(0x2610) else "[ ]"
        self.bullet = "•" if has(0x2022) else "-"

    # --- text ------------------------------------------------------------------------------------

    def label(self, key: str, **values: object) -> str:
        return label(self.lang, key, **values)

    def paragraph(
        self, markup: str, texts: Sequence[str], style: str, notes: Sequence[int] = (), **kw: Any
    ) -> NotedParagraph:
        """A Paragraph; table cells, sources and texts with CJK or Thai (no spaces between words) break
        lines by reports.linebreak, other text by reportlab (at spaces)."""
        st = self.styles[style]
        if style in _OUR_BREAKS or F.needs_char_wrap(texts):
            st = self._char_wrap_styles.get(style) or self._char_wrap_styles.setdefault(
                style, ParagraphStyle(f"{style}-cjk", parent=st, wordWrap="CJK")
            )
        parsed = self._parsed.get((markup, st.name))
        if parsed is None:  # parse once: a cell is measured several times
            p = NotedParagraph(markup, st, **kw)
            self._parsed[(markup, st.name)] = p.frags
        else:
            p = NotedParagraph(None, st, frags=parsed, **kw)
        p.notes = tuple(notes)
        return p

    def footnote(self, source: Source) -> int:
        return self.sources.setdefault(source, len(self.sources) + 1)

    def warning(self, text: str) -> str:
        colour = WARN.hexval()[2:]
        return f'<font color="#{colour}">{F.markup(f"{self.warn_sign} {text}", bold=True)}</font>'

    def notes(self, para: Para) -> list[int]:
        return list(dict.fromkeys(self.footnote(s) for s in para.sources))

    def para_markup(self, para: Para) -> tuple[str, list[str]]:
        """Markup for a statement with its footnote markers and unconfirmed mark, and its plain texts."""
        markup, texts = F.markup(para.text), [para.text]
        numbers = self.notes(para)
        if numbers:
            markers = "".join(f"[{n}]" for n in numbers)
            markup += f'<super rise="3.5" size="{MARKER_SIZE}">{F.markup(markers)}</super>'
        if para.unconfirmed:
            markup += " " + self.warning(self.label("unconfirmed"))
            texts.append(self.label("unconfirmed"))
        return markup, texts

    def cell(self, para: Para, style: str) -> tuple[NotedParagraph, Cell]:
        """A table cell's paragraph, and what it holds for measuring the column."""
        markup, texts = self.para_markup(para)
        numbers = self.notes(para)
        st = self.styles[style]
        measure = Cell(
            para.text,
            st.fontSize,
            tail="".join(f"[{n}]" for n in numbers),
            tail_size=MARKER_SIZE,
            after=f"{self.warn_sign} {self.label('unconfirmed')}" if para.unconfirmed else "",
        )
        return self.paragraph(markup, texts, style, numbers), measure

    def widths(
        self, block: Facts | Table, columns: Callable[[], Sequence[Sequence[Cell]]], hints: Any
    ) -> list[float]:
        """A table's column widths (reports.colwidths), worked out once per table."""
        key = (id(block), self.width)
        if key not in self._widths:
            self._widths[key] = column_widths(columns(), self.width, 4, hints=hints)
        return self._widths[key]

    def cells(self, horizontal: float, vertical: float) -> list[tuple[Any, ...]]:
        """Cell paddings, and the cell font: reportlab sets it even for Paragraph cells (never Helvetica)."""
        return [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.name(F.LATIN)),
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
        ]

    # --- the document ----------------------------------------------------------------------------

    def build(self) -> bytes:
        """Lay the briefing out in one pass; each page keeps room for its footnotes as it fills
        (reports.document)."""
        buf = io.BytesIO()
        doc = self.document(buf)
        doc.build(self.story(), canvasmaker=partial(NumberedCanvas, footer=self.furniture.draw_footer))
        return buf.getvalue()

    def document(self, buf: io.BytesIO) -> BriefingDoc:
        self.furniture = PageFurniture(self.b, self.fonts)
        return BriefingDoc(
            buf,
            header=self.furniture.draw_header,
            make_notes=self.page_notes,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=self.b.title,
            subject=self.b.subtitle,
            author=self.b.running_header,
            creator="GIScope",
            lang="zh-CN" if self.lang == "zh" else "en",
            displayDocTitle=1,
            initialFontName=self.fonts.name(F.LATIN),
        )

    def story(self) -> list[Flowable]:
        self.sources, self.given_in_full = {}, {}
        story = self.title_block()
        landscape = False
        for section in self.b.sections:
            if section.landscape != landscape:
                landscape = section.landscape
                story += [NextPageTemplate("landscape" if landscape else "later"), PageBreak()]
            self.width = frame_width(landscape)
            story += self.heading(section.heading)
            for block in section.blocks:
                story.extend(self.block(block))
        self.width = frame_width(False)
        sources = self.sources_section()
        if landscape and sources:
            story += [NextPageTemplate("later"), PageBreak()]
        return story + sources

    def heading(self, text: str) -> list[Flowable]:
        # Not keepWithNext: reportlab keeps a heading with a table longer than the page by moving both on.
        p = self.paragraph(F.markup(text, bold=True), [text], "heading")
        p.outline = " ".join(F.clean(text).split())
        return [CondPageBreak(KEEP_HEADING), p]

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

    # --- blocks ----------------------------------------------------------------------------------

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Para):
            markup, texts = self.para_markup(block)
            style = block.style if block.style in _PARA_STYLES else "body"
            return [self.paragraph(markup, texts, style, self.notes(block))]
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
        rows, measures = [], []
        for name, value in facts.items:
            label_style = self.styles["label"]
            value_cell, value_measure = self.cell(value, "value")
            rows.append([self.paragraph(F.markup(name, bold=True), [name], "label"), value_cell])
            measures.append((Cell(name, label_style.fontSize, bold=True), value_measure))
        if not rows:
            return []
        widths = self.widths(facts, lambda: list(zip(*measures, strict=True)), (0.3, 0.7))
        table = BodyTable(rows, colWidths=widths, hAlign="LEFT", splitInRow=1)
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
        th = self.styles["th"]
        data: list[list[Flowable]] = [[self.paragraph(F.markup(h, bold=True), [h], "th") for h in t.headers]]
        columns: list[list[Cell]] = [[Cell(h, th.fontSize, bold=True)] for h in t.headers]
        for row in t.rows:
            cells = []
            for n, para in enumerate(row):
                cell, measure = self.cell(para, "td")
                cells.append(cell)
                columns[n].append(measure)
            data.append(cells)
        widths = self.widths(t, lambda: columns, _hints(t.col_widths, ncols))
        cls = LongBodyTable if len(data) >= LONG_TABLE_ROWS else BodyTable
        table = cls(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
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
            bullet = self.box if bullets.checklist else self.bullet
            out.append(self.paragraph(markup, texts, "bullet", self.notes(item), bulletText=bullet))
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
            colWidths=[self.width],
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


_KINDS = {"kind_dispute", "kind_compare", "kind_screening", "kind_opposition"}
_NOTICE_TITLES = {"unconfirmed": "unconfirmed_title", "disclaimer": "disclaimer", "info": "info"}
_PARA_STYLES = ("body", "lead", "small")
# always broken by reports.linebreak: table cells (measured by its rules: reports.colwidths), and sources
# and footnotes (web addresses, after a "/")
_OUR_BREAKS = ("th", "td", "label", "value", "source", "footnote")


def _hints(fractions: Sequence[float] | None, ncols: int) -> Sequence[float] | None:
    if fractions and len(fractions) != ncols:
        raise ValueError(f"col_widths has {len(fractions)} fractions for {ncols} columns")
    return fractions
