"""Search the register by any written form of a name (pure reads through the repository): the filters
shared with listing and export, and the ranking of hits."""

from __future__ import annotations

from dataclasses import dataclass

from agreements.repository import AgreementRepository
from errors import RegisterError
from gi_lists.model import (
    ACTIVE_STATUSES,
    GI,
    JURISDICTION_INCLUDES,
    STATUSES,
    Protection,
    check_jurisdiction,
)
from gi_lists.repository import GIRepository
from names.normalise import (
    compact,
    fold_latin,
    fold_native,
    forms,
    has_han,
    has_thai,
    reading_keys,
    remember_readings,
)
from storage.db import Connection, Database


@dataclass(frozen=True)
class Filters:
    jurisdiction: str | None = None
    agreement: str | None = None
    annex: str | None = None
    product_class: str | None = None
    origin: str | None = None
    status: str | None = None

    def check(self) -> None:
        if self.jurisdiction:
            check_jurisdiction(self.jurisdiction)
        if self.status and self.status not in STATUSES:
            raise RegisterError(f"unknown status {self.status!r}; known: {', '.join(STATUSES)}")

    def protection_matches(self, p: Protection) -> bool:
        if self.jurisdiction and p.jurisdiction not in JURISDICTION_INCLUDES[self.jurisdiction.upper()]:
            return False
        if self.jurisdiction and not self.status and p.status not in ACTIVE_STATUSES:
            return False  # "in J" means listed, pending or protected there, unless a status is asked for
        if self.agreement and p.agreement != self.agreement:
            return False
        if self.annex and (p.annex or "") != self.annex.upper():
            return False
        return not (self.status and p.status != self.status)

    @property
    def filters_protections(self) -> bool:
        return bool(self.jurisdiction or self.agreement or self.annex or self.status)

    @property
    def needs_gis(self) -> bool:
        """Filters on a GI's own facts (class, origin), which only a built GI answers."""
        return bool(self.product_class or self.origin)

    def gi_matches(self, gi: GI) -> bool:
        if self.product_class:
            wanted = fold_latin(self.product_class)
            have = fold_latin(gi.product_class)
            if not (have == wanted or have.startswith(wanted + " ")):
                return False
        if self.origin:
            wanted_origin = self.origin.upper()
            region = fold_latin(gi.region or "")
            if wanted_origin not in gi.origin_countries and fold_latin(self.origin) not in region.split():
                return False
        if self.filters_protections:
            return any(self.protection_matches(p) for p in gi.protections)
        return True


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
    matched_form: str
    how: str


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
    repo = GIRepository(conn)
    for system, stored in repo.readings(reading_keys(query)).items():  # a known name needs no pypinyin
        remember_readings(system, stored)
    qforms = forms(query)
    compacts = [compact(f) for f in qforms if compact(f)]
    if not compacts:
        raise RegisterError(f"nothing to search for in {query!r}")
    best: dict[str, tuple[float, str, str]] = {}

    def offer(gi_id: str, score: float, form: str, how: str) -> None:
        if gi_id not in best or score > best[gi_id][0]:
            best[gi_id] = (score, form, how)

    substrings = [c for c in compacts if len(c) >= 2]
    for gi_id, _kind, form, key in repo.search_keys(compacts, list(qforms), substrings):
        if key in compacts:
            offer(gi_id, 1.0, form, "exact")
        elif any(form.startswith(q) or f" {q}" in form for q in qforms):
            offer(gi_id, 0.8 if any(form.startswith(q) for q in qforms) else 0.7, form, "word")
        else:
            offer(gi_id, 0.6, form, "contains")
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
                offer(keys[idx][0], round(0.5 * score / 100, 3), choices[idx], "close spelling")
        hits = _ranked_hits(repo, best, filters, limit)
    return hits


def _ranked_hits(
    repo: GIRepository, best: dict[str, tuple[float, str, str]], filters: Filters, limit: int
) -> list[SearchHit]:
    gis = {g.id: g for g in repo.get_many(list(best))}

    def rank(kv: tuple[str, tuple[float, str, str]]) -> tuple[float, int, int, str]:
        """Best score first; among equals, the GI protected by more routes (an agreement's name before a
        register-only one: 'parma' finds Prosciutto di Parma before Colli di Parma), then the shorter."""
        gi = gis.get(kv[0])
        routes = len({(p.route, p.agreement) for p in gi.protections}) if gi else 0
        return (-kv[1][0], -routes, len(kv[1][1]), kv[0])

    ranked = sorted(best.items(), key=rank)
    hits = []
    for gi_id, (score, form, how) in ranked:
        gi = gis.get(gi_id)
        if gi is not None and filters.gi_matches(gi):
            hits.append(SearchHit(gi, score, form, how))
        if len(hits) >= limit:
            break
    return hits
