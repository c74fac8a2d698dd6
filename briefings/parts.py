"""Pieces every briefing is built from: sourced paragraphs and footnotes, the GI's facts, protection
rows and screening hits (pure: model objects in, briefing blocks out)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from agreements.model import Fact, ScopeValue
from briefings.text import T
from compare.services import LabelResult
from config import REFERENCE_DIR
from gi_lists.model import GI, Protection
from reports.briefing import Facts, Para, Source
from storage.clock import today_iso
from wording import route_text

HIT_HEADERS = ("label", "severity", "kind", "matched", "reason")
HIT_WIDTHS = (0.17, 0.11, 0.15, 0.19, 0.38)


def today_or(today: str | None) -> str:
    return today or today_iso()


def sourced(text: str | None, confidence: str | None) -> tuple[Source, ...]:
    """The footnote of a statement: its source (with resolved addresses) and confidence."""
    return (Source(resolve_sources(text), confidence or "unconfirmed"),) if text else ()


@lru_cache(maxsize=1)
def _numbered_sources() -> dict[str, str]:
    """legal_facts.md's numbered Sources list: '120' -> its address."""
    text = (REFERENCE_DIR / "legal_facts.md").read_text(encoding="utf-8")
    part = text.split("## Sources", 1)[-1]
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^(\d+)\. (.+)$", part, re.M)}


def resolve_sources(text: str) -> str:
    """A footnote a reader can follow: 'legal_facts.md C5 [120]' gets the address of source 120."""
    if "legal_facts.md" not in text:
        return text
    numbers = list(dict.fromkeys(re.findall(r"\[(\d+)\]", text)))
    known = _numbered_sources()
    addresses = [f"[{n}] {known[n]}" for n in numbers if n in known]
    return text + (" — " + " ".join(addresses) if addresses else "")


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
                Para(f"{p.jurisdiction}: {route_text(p, lang, short_names=True)}"),
                Para(
                    p.note
                    if p.note and p.note.lower().startswith(p.status)
                    else p.status + (f" — {p.note}" if p.note else "")
                ),
                Para(p.since or "—"),
                Para(p.confidence, sourced(p.source, p.confidence)),
            )
        )
    return tuple(rows)


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
