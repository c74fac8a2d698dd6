"""Sources in a briefing: the entry "[n] text (confidence: …)" with its web addresses as links, the
footnotes at the foot of a page (in full on the first page that cites them, in a one-line short form
naming that page after), and the Sources list at the end, which gives every source once in full."""

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
    given_in_full: dict[int, int]  # note number -> the page whose foot gave it in full (as drawn)

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
        self, numbers: list[int], page: int, width: float, room: float, commit: bool = True
    ) -> list[Flowable]:
        """The footnotes of one page in at most `room` points (measured by reports.document as the page
        fills, commit=False; drawn once the page is laid out, commit=True, which records the notes given
        in full).

        A note not yet given in full is given in full, one given in full on an earlier page in its
        short form naming that page. When they do not all fit, the longest full notes give way to short
        forms pointing to the Sources list (and are given in full on the next page that cites them);
        if even the short forms do not fit, the last notes are named on one line pointing there."""
        by_number = {n: s for s, n in self.sources.items()}

        def height(f: Flowable) -> float:
            return f.wrap(width, _TALL)[1] + f.getSpaceAfter()

        def short(n: int) -> NotedParagraph:
            given = self.given_in_full.get(n)
            where = self.label("in_full_at_end") if given is None else self.label("in_full_on", page=given)
            return self.short_entry(by_number[n], n, where, width)

        full = [n not in self.given_in_full for n in numbers]
        forms = [
            self.source_entry(by_number[n], n, "footnote") if f else short(n)
            for n, f in zip(numbers, full, strict=True)
        ]
        heights = [height(f) for f in forms]
        for k in sorted(range(len(numbers)), key=lambda i: -heights[i]):
            if sum(heights) <= room + 0.01:
                break
            if full[k]:
                forms[k], full[k] = short(numbers[k]), False
                heights[k] = height(forms[k])
        if sum(heights) > room + 0.01:
            kept = len(forms)
            while kept > 0:
                kept -= 1
                pointer = self.pointer(numbers[kept:])
                if sum(heights[:kept]) + height(pointer) <= room + 0.01:
                    break
            forms, full = [*forms[:kept], self.pointer(numbers[kept:])], full[:kept]
        for n, given in zip(numbers, full, strict=False):  # full is cut short where a pointer took over
            if given and commit:
                self.given_in_full[n] = page
        return forms

    def pointer(self, numbers: list[int]) -> NotedParagraph:
        text = self.label("notes_at_end", numbers=", ".join(f"[{n}]" for n in numbers))
        return self.paragraph(F.markup(text), [text], "footnote")
