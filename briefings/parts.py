"""Pieces every briefing is built from: sourced paragraphs and footnotes, the GI's facts, protection
rows and screening hits (pure: model objects in, briefing blocks out)."""

from __future__ import annotations

from collections.abc import Sequence

from agreements.model import Fact, ScopeValue
from briefings.text import T
from citations import cite
from compare.services import LabelResult
from gi_lists.model import GI, Protection
from reports.briefing import Facts, Para, Source
from storage.clock import today_iso
from wording import route_text, status_word

HIT_HEADERS = ("label", "severity", "kind", "matched", "reason")
HIT_WIDTHS = (0.17, 0.11, 0.15, 0.19, 0.38)


def today_or(today: str | None) -> str:
    return today or today_iso()


def sourced(text: str | None, confidence: str | None) -> tuple[Source, ...]:
    """The footnote of a statement: its source, as a reader can follow it, and confidence."""
    return (Source(cite(text) or text, confidence or "unconfirmed"),) if text else ()


def fact_para(fact: Fact, lang: str) -> Para:
    return Para(fact.text(lang), sourced(fact.source, fact.confidence))


def scope_para(value: ScopeValue, lang: str) -> Para:
    article = f" ({value.article})" if value.article else ""
    note = f" {value.note}" if value.note else ""
    return Para(value.value(lang) + article + note, sourced(value.source, value.confidence))


def protection_rows(protections: Sequence[Protection], lang: str) -> tuple[tuple[Para, ...], ...]:
    rows = []
    for p in protections:
        rows.append(
            (
                Para(_route_cell(p, lang)),
                Para(
                    p.note
                    if p.note and p.note.lower().startswith(p.status) and lang != "zh"
                    else status_word(p.status, lang) + (f" — {p.note}" if p.note else "")
                ),
                Para(p.since or "—"),
                Para(p.confidence, sourced(p.source, p.confidence)),
            )
        )
    return tuple(rows)


def _route_cell(p: Protection, lang: str) -> str:
    """'EU: the EU register (as of July 2020, file PGI-TH-0814)'; another route with a file number
    (a French GI at home) names it too."""
    text = f"{p.jurisdiction}: {route_text(p, lang, short_names=True)}"
    if p.reference and p.reference not in text:
        text += f" ({'档案号' if lang == 'zh' else 'file'} {p.reference})"
    return text


def gi_facts(gi: GI, lang: str) -> Facts:
    s = T[lang]
    names = "; ".join(f"{n.text} ({n.kind}{', ' + n.lang if n.lang else ''})" for n in gi.names)
    origin = gi.origin + (f" ({gi.region})" if gi.region else "")
    return Facts(
        (
            (s["names"], Para(names)),
            (s["origin"], Para(origin)),
            (s["class"], Para(gi.product_class)),
            (s["gi_id"], Para(gi.id)),
        )
    )


def hit_rows(results: Sequence[LabelResult], lang: str, only_gi: str | None = None) -> list[tuple[Para, ...]]:
    rows: list[tuple[Para, ...]] = []
    for r in results:
        for h in r.matches:
            if only_gi is not None and h.gi.id != only_gi:
                continue
            rows.append(
                (
                    Para(r.label),
                    Para(h.severity),
                    Para(h.kind),
                    Para(f"{h.matched_form} ({h.gi.id})"),
                    Para(h.reason, sourced(h.legal_source or h.legal_basis, h.legal_confidence)),
                )
            )
    return rows
