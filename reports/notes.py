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
from reports.styles import LINK
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

    def short_entry(self, source: Source, number: int, where: str, width: float) -> NotedParagraph:
        """ "[n] the start of the source text… — in full on p. 2" (where) on one line; a source that fits
        on one line whole is simply given whole."""
        st = self.styles["footnote"]
        tail, _ = self.source_tail(source)
        text = " ".join(F.clean(source.text).split())
        if F.text_width(text + tail, st.fontSize) <= width - st.leftIndent - 2:
            return self.source_entry(source, number, "footnote")
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
        self, notes: list[tuple[int, int]], page: int, width: float, room: float
    ) -> list[Flowable]:
        """The footnotes of one page, (number, page first cited on) each, in at most `room` points.

        A note first cited here is given in full, one cited earlier in its short form. When they do not
        all fit, the longest full notes give way to short forms pointing to the Sources list, and if
        even the short forms do not fit, the last notes are named on one line pointing there. Called by
        reports.document once the page is laid out."""
        by_number = {n: s for s, n in self.sources.items()}

        def height(f: Flowable) -> float:
            return f.wrap(width, _TALL)[1] + f.getSpaceAfter()

        def short(n: int, first: int) -> NotedParagraph:
            where = self.label("in_full_on", page=first) if first != page else self.label("in_full_at_end")
            return self.short_entry(by_number[n], n, where, width)

        forms = [
            self.source_entry(by_number[n], n, "footnote") if first == page else short(n, first)
            for n, first in notes
        ]
        heights = [height(f) for f in forms]
        for k in sorted(range(len(notes)), key=lambda i: -heights[i]):
            if sum(heights) <= room + 0.01:
                return forms
            if notes[k][1] == page:
                forms[k] = short(*notes[k])
                heights[k] = height(forms[k])
        if sum(heights) <= room + 0.01:
            return forms
        kept = len(forms)
        while kept > 0:
            kept -= 1
            pointer = self.pointer([n for n, _ in notes[kept:]])
            if sum(heights[:kept]) + height(pointer) <= room + 0.01:
                return [*forms[:kept], pointer]
        return [self.pointer([n for n, _ in notes])]

    def pointer(self, numbers: list[int]) -> NotedParagraph:
        text = self.label("notes_at_end", numbers=", ".join(f"[{n}]" for n in numbers))
        return self.paragraph(F.markup(text), [text], "footnote")
