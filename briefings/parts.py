"""Pieces every briefing is built from: sourced paragraphs and footnotes, the GI's facts, protection
rows and screening hits (pure: model objects in, briefing blocks out)."""

from __future__ import annotations

from collections.abc import Sequence

from agreements.model import Case, Fact, ScopeValue
from briefings.text import T
from citations import cite
from compare.services import LabelResult
from gi_lists.model import GI, Protection
from reports.briefing import Facts, Para, Source
from storage.clock import today_iso
from wording import (
    confidence_word,
    hit_kind_word,
    joined,
    lang_of,
    name_kind_text,
    note_text,
    origin_text,
    product_class_word,
    route_text,
    severity_word,
    status_word,
)

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
    article_text, note_text_ = value.article_in(lang), value.note_in(lang)
    if lang_of(lang) == "zh":
        cited = "；".join(part for part in (article_text, note_text_) if part)
        return Para(
            value.value(lang) + (f"（{cited}）" if cited else ""), sourced(value.source, value.confidence)
        )
    article = f" ({article_text})" if article_text else ""
    note = f" {note_text_}" if note_text_ else ""
    return Para(value.value(lang) + article + note, sourced(value.source, value.confidence))


def protection_rows(protections: Sequence[Protection], lang: str) -> tuple[tuple[Para, ...], ...]:
    rows = []
    for p in protections:
        rows.append(
            (
                Para(_route_cell(p, lang)),
                Para(_status_cell(p, lang)),
                Para(p.since or "—"),
                Para(confidence_word(p.confidence, lang), sourced(p.source, p.confidence)),
            )
        )
    return tuple(rows)


def _status_cell(p: Protection, lang: str) -> str:
    """The status, and the note when there is one (a note that begins with the status stands alone)."""
    status = status_word(p.status, lang)
    if not p.note:
        return status
    if lang_of(lang) == "zh":
        note = note_text(p.note, "zh")
        return note if note.startswith(status) else f"{status}——{note}"
    return p.note if p.note.lower().startswith(p.status) else f"{status} — {p.note}"


def _route_cell(p: Protection, lang: str) -> str:
    """'EU: the EU register (as of July 2020, file PGI-TH-0814)'; another route with a file number
    (a French GI at home) names it too."""
    if lang_of(lang) == "zh":
        text = f"{origin_text(p.jurisdiction, None, 'zh')}：{route_text(p, lang, short_names=True)}"
        return text + (f"（档案号{p.reference}）" if p.reference and p.reference not in text else "")
    text = f"{p.jurisdiction}: {route_text(p, lang, short_names=True)}"
    if p.reference and p.reference not in text:
        text += f" (file {p.reference})"
    return text


def gi_facts(gi: GI, lang: str) -> Facts:
    s = T[lang]
    if lang_of(lang) == "zh":
        names = "；".join(f"{n.text}（{name_kind_text(n.kind, n.lang, 'zh')}）" for n in gi.names)
    else:
        names = "; ".join(f"{n.text} ({name_kind_text(n.kind, n.lang)})" for n in gi.names)
    return Facts(
        (
            (s["names"], Para(names)),
            (s["origin"], Para(origin_text(gi.origin, gi.region, lang))),
            (s["class"], Para(product_class_word(gi.product_class, lang))),
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
                    Para(severity_word(h.severity, lang)),
                    Para(hit_kind_word(h.kind, lang)),
                    Para(matched_cell(h.matched_form, h.gi.id, lang)),
                    Para(h.reason, sourced(h.legal_source or h.legal_basis, h.legal_confidence)),
                )
            )
    return rows


def matched_cell(form: str, gi_id: str, lang: str) -> str:
    """The protected form a hit matched, with its GI's id: 'Champagne (fr-champagne)' / '香槟（fr-champagne）'."""
    return f"{form}（{gi_id}）" if lang_of(lang) == "zh" else f"{form} ({gi_id})"


def court_and_date(case: Case, lang: str) -> str:
    """'Beijing High Court 2012' / '北京市高级人民法院；2012年'."""
    parts = [p for p in (case.court_in(lang), case.date_in(lang)) if p]
    return ("；" if lang_of(lang) == "zh" else " ").join(parts)


def status_counts(by_status: dict[str, int], lang: str) -> str:
    """'protected 96, withdrawn 4' / '受保护96、已撤回4'."""
    zh = lang_of(lang) == "zh"
    items = [f"{status_word(k, lang)}{'' if zh else ' '}{v}" for k, v in sorted(by_status.items())]
    return joined(items, lang, enum=True)
