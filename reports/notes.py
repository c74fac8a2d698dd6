"""Sources in a briefing: the entry "[n] text (confidence: …)" with its web addresses as links, the
footnotes at the foot of a page (in full where first cited, in a one-line short form after that), and
the Sources list at the end, which gives every source once in full."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from reportlab.platypus import Flowable

from reports import fonts as F
from reports.briefing import Source
from reports.i18n import confidence
from reports.linebreak import NotedParagraph
from reports.pages import fit
from reports.styles import LINK, MARGIN, NOTES_SHARE, PAGE_HEIGHT
from wording import DOUBTFUL

_URL = re.compile(r"https?://[^\s<>\"'，。；、（）]+")
_URL_TAIL = ".,;:)]}'\""
_TALL = 10_000.0


class SourceNotes:
    """What the renderer does with sources (a mixin of reports.render._Renderer)."""

    lang: str
    sources: dict[Source, int]
    styles: dict[str, Any]

    def label(self, key: str, **values: object) -> str:
        raise NotImplementedError

    def warning(self, text: str) -> str:
        raise NotImplementedError

    def paragraph(
        self, markup: str, texts: Sequence[str], style: str, notes: Sequence[int] = (), **kw: Any
    ) -> NotedParagraph:
        raise NotImplementedError

    def heading(self, text: str) -> list[Flowable]:
        raise NotImplementedError

    def linked(self, text: str) -> str:
        """Markup for text in which web addresses are links."""
        out, at = [], 0
        colour = LINK.hexval()[2:]
        for m in _URL.finditer(text):
            url = m.group(0)
            while url and url[-1] in _URL_TAIL and not (url[-1] == ")" and url.count("(") >= url.count(")")):
                url = url[:-1]
            out.append(F.markup(text[at : m.start()]))
            out.append(f'<a href={quoteattr(url)} color="#{colour}">{F.markup(url)}</a>')
            at = m.start() + len(url)
        out.append(F.markup(text[at:]))
        return "".join(out)

    def source_tail(self, source: Source) -> tuple[str, str]:
        """The confidence after a source, as plain text and as markup."""
        level = confidence(self.lang, source.confidence)
        tail = f"{self.label('confidence')}{self.label('colon')}{level}"
        tail = f"（{tail}）" if self.lang == "zh" else f" ({tail})"
        if source.confidence in DOUBTFUL:
            return tail, ("" if self.lang == "zh" else " ") + self.warning(tail.strip())
        return tail, F.markup(tail)

    def source_entry(self, source: Source, number: int, style: str) -> NotedParagraph:
        """ "[n] source text (confidence: …)", its web addresses links."""
        tail, tail_markup = self.source_tail(source)
        markup = self.linked(source.text) + tail_markup
        return self.paragraph(markup, [source.text, tail], style, bulletText=f"[{number}]")

    def short_entry(self, source: Source, number: int, first_page: int, width: float) -> NotedParagraph:
        """ "[n] the start of the source text… — in full on p. 2" on one line; a source that fits on one
        line whole is simply given again."""
        st = self.styles["footnote"]
        tail, _ = self.source_tail(source)
        text = " ".join(F.clean(source.text).split())
        if F.text_width(text + tail, st.fontSize) <= width - st.leftIndent - 2:
            return self.source_entry(source, number, "footnote")
        where = self.label("in_full_on", page=first_page)
        room = width - st.leftIndent - F.text_width(where + tail, st.fontSize) - 2
        short = fit(text, st.fontSize, False, max(room, 0.0)) if room > 0 else "…"
        return self.paragraph(
            F.markup(short + tail + where), [short, where], "footnote", bulletText=f"[{number}]"
        )

    def sources_section(self) -> list[Flowable]:
        if not self.sources:
            return []
        out = self.heading(self.label("sources"))
        for source, number in self.sources.items():
            out.append(self.source_entry(source, number, "source"))
        return out

    def page_notes(
        self, notes: list[tuple[int, int]], page: int, width: float, room: float | None
    ) -> list[Flowable]:
        """The footnotes of one page, (number, page first cited on) each, in at most `room` points (or
        NOTES_SHARE of the frame); notes that do not fit are named on one line that sends the reader to the
        Sources list. Called by reports.document once the page is laid out."""
        by_number = {n: s for s, n in self.sources.items()}
        limit = (PAGE_HEIGHT - 2 * MARGIN) * NOTES_SHARE if room is None else room
        out: list[Flowable] = []
        used = 0.0
        for k, (n, first) in enumerate(notes):
            if first == page:
                note = self.source_entry(by_number[n], n, "footnote")
            else:
                note = self.short_entry(by_number[n], n, first, width)
            height = note.wrap(width, _TALL)[1] + note.getSpaceAfter()
            rest = [m for m, _ in notes[k + 1 :]]
            reserve = self.pointer([n, *rest]).wrap(width, _TALL)[1] if rest else 0.0
            if used + height + reserve > limit + 0.01:
                return [*out, self.pointer([m for m, _ in notes[k:]])]
            out.append(note)
            used += height
        return out

    def pointer(self, numbers: list[int]) -> NotedParagraph:
        text = self.label("notes_at_end", numbers=", ".join(f"[{n}]" for n in numbers))
        return self.paragraph(F.markup(text), [text], "footnote")
