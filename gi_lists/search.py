"""Search the register by any written form of a name (pure reads through the repository): the filters
shared with listing and export, and the ranking of hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from agreements.repository import AgreementRepository
from errors import RegisterError
from gi_lists.model import (
    ACTIVE_STATUSES,
    CONFIDENCES,
    GI,
    JURISDICTION_INCLUDES,
    ROUTES,
    STATUSES,
    Name,
    Protection,
    check_jurisdiction,
)
from gi_lists.repository import GIRepository
from names.normalise import (
    compact,
    first_form,
    fold_latin,
    fold_native,
    forms,
    has_han,
    has_thai,
    reading_keys,
    remember_readings,
)
from storage.db import Connection, Database
from validation import CAPS, text_problem


@dataclass(frozen=True)
class Filters:
    """What a list or a search is narrowed to. The protection facts (jurisdiction, agreement, annex, route,
    status, confidence) must all hold for one and the same protection of a GI."""

    jurisdiction: str | None = None
    agreement: str | None = None
    annex: str | None = None
    product_class: str | None = None
    origin: str | None = None
    status: str | None = None
    route: str | None = None
    confidence: str | None = None

    def check(self) -> None:
        if self.jurisdiction:
            check_jurisdiction(self.jurisdiction)
        if self.status and self.status not in STATUSES:
            raise RegisterError(f"unknown status {self.status!r}; known: {', '.join(STATUSES)}")
        if self.route and self.route not in ROUTES:
            raise RegisterError(f"unknown route {self.route!r}; known: {', '.join(ROUTES)}")
        if self.confidence and self.confidence not in CONFIDENCES:
            known = ", ".join(CONFIDENCES)
            raise RegisterError(f"unknown confidence {self.confidence!r}; known: {known}")

    def protection_matches(self, p: Protection) -> bool:
        if self.jurisdiction and p.jurisdiction not in JURISDICTION_INCLUDES[self.jurisdiction.upper()]:
            return False
        if self.jurisdiction and not self.status and p.status not in ACTIVE_STATUSES:
            return False  # "in J" means listed, pending or protected there, unless a status is asked for
        if self.agreement and p.agreement != self.agreement:
            return False
        if self.annex and (p.annex or "") != self.annex.upper():
            return False
        if self.route and p.route != self.route:
            return False
        if self.confidence and p.confidence != self.confidence:
            return False
        return not (self.status and p.status != self.status)

    @property
    def filters_protections(self) -> bool:
        return bool(
            self.jurisdiction or self.agreement or self.annex or self.status or self.route or self.confidence
        )

    @property
    def needs_gis(self) -> bool:
        """Filters on a GI's own facts (class, origin), which only a built GI answers."""
        return bool(self.product_class or self.origin)

    def gi_matches(self, gi: GI) -> bool:
        if self.product_class:
            wanted = fold_latin(self.product_class)
            if not any(fold_latin(c) == wanted for c in class_prefixes(gi.product_class)):
                return False
        if self.origin and not origin_matches(gi, self.origin):
            return False
        if self.filters_protections:
            return any(self.protection_matches(p) for p in gi.protections)
        return True


_QUALIFIER = re.compile(r" [(\[]")


def class_prefixes(product_class: str) -> list[str]:
    """A class and each part of it before a qualifier in brackets: 'Fresh meat (and offal) [goat]' ->
    'Fresh meat', 'Fresh meat (and offal)', the whole. A class filter names one of them, so 'Spirit'
    finds 'Spirit (Fruit spirit)' but 'Other products' does not find 'Other products of animal origin'."""
    return [product_class[: m.start()] for m in _QUALIFIER.finditer(product_class)] + [product_class]


def origin_matches(gi: GI, origin: str) -> bool:
    """An origin filter: a country code of the GI's origin, or its region or words of it ('Henan' finds
    'Henan (inferred from list order)', 'Inner Mongolia' finds 'Inner Mongolia')."""
    if origin.strip().upper() in gi.origin_countries:
        return True
    wanted = fold_latin(origin)
    return bool(wanted) and f" {wanted} " in f" {fold_latin(gi.region or '')} "


def _check_agreement(conn: Connection, agreement: str | None, annex: str | None = None) -> None:
    if agreement is None:
        if annex:
            raise RegisterError("--annex needs --agreement")
        return
    found = AgreementRepository(conn).get(agreement)
    if found is None:
        known = ", ".join(AgreementRepository(conn).ids())
        raise RegisterError(f"unknown agreement {agreement!r}; known: {known}")
    if annex and found.annex(annex.upper()) is None:
        raise RegisterError(f"{agreement} has no annex {annex!r}")


@dataclass(frozen=True)
class SearchHit:
    gi: GI
    score: float
    matched_form: str  # the search key that matched, folded ('anxi tieguanyin')
    how: str
    matched_name: str = ""  # the GI's name as written that the key belongs to ('Anxi Tie Guan Yin')


def search(db: Database, query: str, filters: Filters = Filters(), *, limit: int = 50) -> list[SearchHit]:
    """GIs whose names match `query` in any form, best first.

    Ranking: the whole name (1.0), then a name starting with the query words (0.8), then a name
    containing them (0.6), then close spellings (rapidfuzz, below 0.6).
    """
    with db.read() as conn:
        return _search(conn, query, filters, limit=limit)


def _search(
    conn: Connection, query: str, filters: Filters = Filters(), *, limit: int = 50
) -> list[SearchHit]:
    filters.check()
    _check_agreement(conn, filters.agreement, filters.annex)
    query = query.strip()
    if not query:
        raise RegisterError("the search text is empty")
    problem = text_problem(query, max_len=CAPS["query"])
    if problem is not None:
        raise RegisterError(f"the search text {'is ' if problem.startswith('longer') else ''}{problem}")
    repo = GIRepository(conn)
    for system, stored in repo.readings(reading_keys(query)).items():  # a known name needs no pypinyin
        remember_readings(system, stored)
    qforms = forms(query)
    compacts = [compact(f) for f in qforms if compact(f)]
    if not compacts:
        raise RegisterError(f"nothing to search for in {query!r}")
    best: dict[str, tuple[float, str, str, str]] = {}
    ranks: dict[str, int] = {}

    def offer(gi_id: str, score: float, form: str, how: str, kind: str = "", rank: int = 0) -> None:
        """Keep a GI's best match; among equal scores, a name's own form before a romanisation of another
        ('tieguanyin' shows 'Anxi Tie Guan Yin' rather than the pinyin of 安溪铁观音)."""
        if gi_id not in best or score > best[gi_id][0] or (score == best[gi_id][0] and rank < ranks[gi_id]):
            best[gi_id] = (score, form, how, kind)
            ranks[gi_id] = rank

    substrings = [c for c in compacts if len(c) >= 2]
    for gi_id, kind, form, key, rank in repo.search_keys(compacts, list(qforms), substrings):
        if key in compacts:
            offer(gi_id, 1.0, form, "exact", kind, rank)
        elif any(form.startswith(q) or f" {q}" in form for q in qforms):
            offer(gi_id, 0.8 if any(form.startswith(q) for q in qforms) else 0.7, form, "word", kind, rank)
        else:
            offer(gi_id, 0.6, form, "contains", kind, rank)
    hits = _ranked_hits(repo, best, filters, limit)
    if not hits and (has_han(query) or has_thai(query)):
        # a Chinese name the market uses for a GI (默尔索 for Meursault): data/knowledge/trade_renderings.csv
        from names.knowledge import bundled_knowledge

        wanted = compact(fold_native(query))
        for gi_id, terms in bundled_knowledge().trade_renderings.items():
            for t in terms:
                rendering = compact(fold_native(t.term))
                if rendering == wanted:
                    offer(gi_id, 0.9, t.term, "trade rendering")
                elif len(wanted) >= 2 and wanted in rendering:
                    offer(gi_id, 0.5, t.term, "trade rendering")
        hits = _ranked_hits(repo, best, filters, limit)
    if not hits:
        from rapidfuzz import fuzz, process

        best = {}
        keys = repo.all_keys()
        choices = [k[2] for k in keys]
        for q in compacts:
            for _choice, score, idx in process.extract(
                q, choices, scorer=fuzz.ratio, limit=50, score_cutoff=75
            ):
                offer(keys[idx][0], round(0.5 * score / 100, 3), choices[idx], "close spelling", keys[idx][1])
        hits = _ranked_hits(repo, best, filters, limit)
    return hits


def _ranked_hits(
    repo: GIRepository, best: dict[str, tuple[float, str, str, str]], filters: Filters, limit: int
) -> list[SearchHit]:
    gis = {g.id: g for g in repo.get_many(list(best))}

    def rank(kv: tuple[str, tuple[float, str, str, str]]) -> tuple[float, int, int, str]:
        """Best score first; among equals, the GI protected by more routes (an agreement's name before a
        register-only one: 'parma' finds Prosciutto di Parma before Colli di Parma), then the shorter."""
        gi = gis.get(kv[0])
        routes = len({(p.route, p.agreement) for p in gi.protections}) if gi else 0
        return (-kv[1][0], -routes, len(kv[1][1]), kv[0])

    ranked = sorted(best.items(), key=rank)
    hits = []
    for gi_id, (score, form, how, kind) in ranked:
        gi = gis.get(gi_id)
        if gi is not None and filters.gi_matches(gi):
            hits.append(SearchHit(gi, score, form, how, written_name(gi, form, kind)))
        if len(hits) >= limit:
            break
    return hits


def written_name(gi: GI, form: str, kind: str) -> str:
    """The GI's name as written that a matched search key (folded, perhaps without spaces) was made from:
    the page shows 'Anxi Tie Guan Yin' or '安溪鐵觀音', not 'anxi tie guan yin'. A key of no stored name (a
    trade rendering) is already as written."""
    if not kind:
        return form
    names = gi.names_of(kind) or list(gi.names)
    if not names:
        return form
    wanted = compact(form)

    def made_from(name: Name, make: Callable[[str], Sequence[str]]) -> bool:
        return any(compact(f) == wanted for f in make(name.text))

    from gi_lists.keys import key_forms

    for make in (lambda text: [first_form(text)], forms, key_forms):  # cheapest first
        found = next((n for n in names if made_from(n, make)), None)
        if found is not None:
            return found.text
        if len(names) == 1:
            return names[0].text
    return names[0].text
