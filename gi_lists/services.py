"""Register services: import a batch, search, show and list GIs.

The CLI and the UI call these with an `Engine`; each service opens and closes its own connection or
transaction and returns model objects and plain data, never rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accounts.services import authorise
from agreements.repository import AgreementRepository
from errors import InputError, RegisterError
from gi_lists.batches import BatchPlan, apply_plan, plan_batch, selector_for
from gi_lists.coverage import HOME_FILE, Coverage, CoveredList
from gi_lists.entries import ListTarget
from gi_lists.importers import parse_batch
from gi_lists.keys import PendingReadings, prepare_readings, start_readings
from gi_lists.model import (
    ACTIVE_STATUSES,
    GI,
    JURISDICTION_INCLUDES,
    check_jurisdiction,
    valid_partial_date,
)
from gi_lists.repository import GIRepository
from gi_lists.safety import apply_locked, check_withdrawals, id_problems
from gi_lists.search import Filters, SearchHit, _check_agreement, _search, search

__all__ = ["Filters", "SearchHit", "search"]  # search lives in gi_lists.search; these names stay here too
from storage.clock import now_iso
from storage.db import Connection, Database
from watch.deadlines import record_objection_window
from watch.model import Deadline


def register_version(db: Database) -> str:
    """A cheap fingerprint of the register's lists: changes with every batch and every change."""
    with db.read() as conn:
        v = GIRepository(conn).version()
    return f"{v.gis}/{v.last_batch_id or 0}/{v.last_event_id or 0}"


def data_version(db: Database, lang: str = "en") -> str:
    """Which data a result was made from, for people: the register size and its newest batch."""
    with db.read() as conn:
        v = GIRepository(conn).version()
    if lang == "zh":
        batch = f"第{v.last_batch_id}批（{(v.last_batch_at or '')[:10]}）" if v.last_batch_id else "无批次"
        return f"登记簿{v.gis}个地理标志，{batch}"
    batch = f"batch {v.last_batch_id}, {(v.last_batch_at or '')[:10]}" if v.last_batch_id else "no batch"
    return f"register {v.gis} GIs, {batch}"


# ---------------------------------------------------------------------------------------------
# Import targets and batches
# ---------------------------------------------------------------------------------------------


def resolve_target(
    conn: Connection, *, agreement: str | None, annex: str | None, register: str | None
) -> ListTarget:
    if bool(agreement) == bool(register):
        raise RegisterError(
            "give either --agreement ID (with --annex for annexed lists) or --register JURISDICTION"
        )
    if register:
        j = check_jurisdiction(register)
        if annex:
            raise RegisterError("--annex goes with --agreement, not with --register")
        return ListTarget(j, "national-register", None, None, "protected", None)
    repo = AgreementRepository(conn)
    found = repo.get(agreement or "")
    if found is None:
        raise RegisterError(
            f"unknown agreement {agreement!r}; known: {', '.join(repo.ids()) or 'none (run giscope init)'}"
        )
    name_annexes = [a for a in found.annexes if a.holds_names]
    if name_annexes:
        if not annex:
            codes = ", ".join(a.code for a in name_annexes)
            raise RegisterError(f"{found.id} keeps its names in annexes: add --annex ({codes})")
        chosen = found.annex(annex.upper())
        if chosen is None or not chosen.holds_names:
            codes = ", ".join(a.code for a in name_annexes)
            raise RegisterError(f"{found.id} has no name list in annex {annex!r}; lists: {codes}")
        return ListTarget.for_annex(found, chosen)
    if annex:
        raise RegisterError(f"{found.id} has no annexes; leave out --annex")
    return ListTarget(None, "national-register", found.id, None, "protected", None, found.parties)


@dataclass
class ImportResult:
    plan: BatchPlan
    batch_id: int | None
    objection_window: Any = None


def import_file(
    db: Database,
    path: Path,
    *,
    agreement: str | None,
    annex: str | None,
    register: str | None,
    who: str,
    source: str | None = None,
    confidence: str = "unconfirmed",
    dry_run: bool = False,
    keep_missing: bool = False,
    published: str | None = None,
    confirm_withdrawals: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Validate a whole file, plan it against the current list, and (unless dry_run) apply it at once:
    all rows or none. The file is read and checked before any transaction opens. A plan that withdraws
    many entries (gi_lists.safety) is applied only when `confirm_withdrawals` is its number of
    withdrawals. `progress`, if given, hears each step: "read", "plan", "apply"."""
    if not dry_run:
        authorise(db, who, "editor")
    step = progress or (lambda _: None)
    step("read")
    with db.read() as conn:
        target = resolve_target(conn, agreement=agreement, annex=annex, register=register)
    default_source = source or f"import of {path.name}"
    readings = PendingReadings()

    def start(texts: set[str]) -> None:  # the names' readings are computed while the file is checked
        nonlocal readings
        with db.read() as conn:
            missing = prepare_readings(GIRepository(conn), texts)
        readings = start_readings(missing)

    other_lists: list[tuple[int, str]] = []
    try:
        entries = parse_batch(
            path,
            target,
            default_source=default_source,
            default_confidence=confidence,
            on_names=start,
            other_lists=other_lists,
        )
        with db.read() as conn:
            if problems := id_problems(conn, entries, str(path), target, selector_for(target)):
                raise InputError(problems)
    except BaseException:
        readings.cancel()
        raise

    def plan(conn: Connection) -> BatchPlan:
        step("plan")
        planned = plan_batch(
            conn,
            target,
            entries,
            file=path.name,
            who=who,
            reason=f"batch {path.name} ({target.key})",
            keep_missing=keep_missing,
        )
        if published is not None and not valid_partial_date(published) or published and len(published) != 10:
            raise RegisterError(f"--published {published!r} is not a date (YYYY-MM-DD)")
        planned.left_out = other_lists
        return planned

    if dry_run:
        readings.cancel()
        with db.read() as conn:
            return ImportResult(plan(conn), None)

    def work(conn: Connection) -> ImportResult:
        planned = plan(conn)
        window = _objection_window(conn, target, published, path.name) if published else None
        check_withdrawals(planned, confirm_withdrawals)
        if planned.is_empty:
            return ImportResult(planned, None, window)
        step("apply")
        readings.wait()
        return ImportResult(planned, apply_plan(conn, planned, who=who, source=default_source), window)

    try:
        return apply_locked(db, work, target, path.name)
    finally:
        readings.cancel()


def _objection_window(conn: Connection, target: ListTarget, published: str, file: str) -> Deadline:
    """A published batch opens an objection window under the law of the side that publishes it: the
    side where the listed names are to be protected."""
    side = target.jurisdiction or next((p for p in target.parties if p != "CN"), "CN")
    return record_objection_window(
        conn,
        agreement_id=target.agreement or f"register-{side}",
        annex=target.annex,
        published=published,
        side=side,
        batch=file,
        at=now_iso(),
    )


# ---------------------------------------------------------------------------------------------
# Search, show, list
# ---------------------------------------------------------------------------------------------


def find_gi(db: Database, ref: str) -> GI:
    """A GI by id, or by a name that identifies exactly one GI."""
    gis = find_gis(db, ref)
    if len(gis) > 1:
        raise RegisterError(f"{ref!r} names several GIs: {', '.join(g.id for g in gis)}; give the id")
    return gis[0]


def find_gis(db: Database, ref: str) -> list[GI]:
    """The GI with this id, or every GI this name names exactly (homonyms: 'Toscano' is a wine and an
    olive oil); a RegisterError when there is none."""
    with db.read() as conn:
        repo = GIRepository(conn)
        gi = repo.get(ref.strip())
        if gi is not None:
            return [gi]
        hits = [h for h in _search(conn, ref, limit=10) if h.score >= 1.0] if ref.strip() else []
        ids = list(dict.fromkeys(h.gi.id for h in hits))
        if ids:
            return repo.get_many(ids, with_history=True)
    raise RegisterError(f"no GI with id or name {ref!r}; try `giscope search`")


@dataclass(frozen=True)
class Lookup:
    """What a typed GI reference finds: the GI with that id or name (several for homonyms, `exact`), or
    else the GIs whose names come closest, best first (one when a single hit stands clearly above the
    rest). No GI at all: `gis` is empty."""

    ref: str
    gis: tuple[GI, ...]
    exact: bool

    @property
    def chosen(self) -> GI | None:
        """The one GI to open without asking, if there is one."""
        return self.gis[0] if len(self.gis) == 1 else None


CLEAR_LEAD = 0.1  # a close hit opens by itself when it scores this much above the next one
MAX_CHOICES = 10


def lookup_gi(db: Database, ref: str) -> Lookup:
    """A GI by id or exact name, else by the search's close matches (a partial name, another spacing or
    a close spelling: 'Tie Guan Yin' finds Anxi Tieguanyin). The pages' one way to open a typed GI; a
    RegisterError only for a text with nothing to search for."""
    text = ref.strip()
    if not text:
        raise RegisterError("the search text is empty")
    with db.read() as conn:
        repo = GIRepository(conn)
        gi = repo.get(text)
        if gi is not None:
            return Lookup(text, (gi,), True)
        hits = _search(conn, text, limit=MAX_CHOICES)
        exact = [h for h in hits if h.score >= 1.0]
        if exact:
            ids = list(dict.fromkeys(h.gi.id for h in exact))
            return Lookup(text, tuple(repo.get_many(ids, with_history=True)), True)
        if not hits:
            return Lookup(text, (), False)
        floor = round(hits[0].score - CLEAR_LEAD, 6)
        ids = list(dict.fromkeys(h.gi.id for h in hits if h.score > floor))
        return Lookup(text, tuple(repo.get_many(ids, with_history=True)), False)


def coverage(db: Database, jurisdiction: str) -> Coverage:
    """Which lists a screening in this jurisdiction covers (protected or pending names)."""
    j = check_jurisdiction(jurisdiction)
    with db.read() as conn:
        rows, total = GIRepository(conn).coverage_rows(
            JURISDICTION_INCLUDES[j], sorted(ACTIVE_STATUSES), home_file=HOME_FILE
        )
    return Coverage(j, tuple(CoveredList(*row) for row in rows), total)


def _matching_ids(conn: Connection, filters: Filters) -> list[str]:
    """Ids of the GIs with a protection that matches the filters ("in J": listed, pending or protected
    there, as Filters.protection_matches), before any filter on the GI's own facts."""
    filters.check()
    _check_agreement(conn, filters.agreement, filters.annex)
    jurisdictions = JURISDICTION_INCLUDES[filters.jurisdiction.upper()] if filters.jurisdiction else None
    return GIRepository(conn).ids_with_protections(
        agreement=filters.agreement,
        annex=filters.annex.upper() if filters.annex else None,
        jurisdictions=jurisdictions,
        status=filters.status,
        statuses=sorted(ACTIVE_STATUSES) if jurisdictions and not filters.status else None,
        route=filters.route,
        confidence=filters.confidence,
    )


def count_gis(db: Database, filters: Filters = Filters()) -> int:
    """How many GIs list_gis would give (without building them where no name filter applies)."""
    if filters.needs_gis:
        return len(list_gis(db, filters))
    with db.read() as conn:
        return len(_matching_ids(conn, filters))


def list_gis(db: Database, filters: Filters = Filters()) -> list[GI]:
    with db.read() as conn:
        ids = _matching_ids(conn, filters)
        return [gi for gi in GIRepository(conn).get_many(ids) if filters.gi_matches(gi)]


@dataclass(frozen=True)
class Found:
    """One page of a browsed list: `total` GIs match, `gis` are those from `offset`; with a query, `hits`
    says how each of them matched (same order)."""

    total: int
    offset: int
    gis: tuple[GI, ...]
    hits: tuple[SearchHit, ...] = ()


def browse(
    db: Database, query: str, filters: Filters = Filters(), *, offset: int = 0, limit: int = 200
) -> Found:
    """GIs matching the filters: with a query, those whose names match it, best first (as `search`);
    without one, every GI that matches, by name. `limit` GIs from `offset`, and how many there are."""
    if not query.strip():
        gis = sorted(list_gis(db, filters), key=_name_order)
        return Found(len(gis), offset, tuple(gis[offset : offset + limit]))
    hits = search(db, query, filters, limit=1_000_000)
    shown = tuple(hits[offset : offset + limit])
    return Found(len(hits), offset, tuple(h.gi for h in shown), shown)


def _name_order(gi: GI) -> tuple[str, str]:
    """A GI's place in an alphabetical list: its first name in Latin letters, folded ('Étoile' by E)."""
    from names.normalise import fold_latin

    latin = next((n.text for n in gi.names if n.script == "Latn"), None)
    return (fold_latin(latin) if latin else gi.id, gi.id)


@dataclass(frozen=True)
class FacetValues:
    """What the register holds to narrow a list by, as stored (codes, not words)."""

    product_classes: tuple[str, ...]
    origins: dict[str, tuple[str, ...]]  # country code -> the regions of its GIs
    routes: tuple[str, ...]
    statuses: tuple[str, ...]
    confidences: tuple[str, ...]
    annexes: dict[str, tuple[str, ...]]  # agreement -> the annexes its protections name


def facet_values(db: Database) -> FacetValues:
    from collections import defaultdict

    from gi_lists.model import CONFIDENCES, ROUTES, STATUSES

    with db.read() as conn:
        repo = GIRepository(conn)
        gis = repo.distinct("gis", "product_class", "origin", "region")
        protections = repo.distinct("protections", "route", "status", "confidence", "agreement_id", "annex")
    regions: dict[str, set[str]] = defaultdict(set)
    for _cls, origin, region in gis:
        for country in str(origin).split(";"):
            if country:
                regions[country].update({region} if region else set())
    annexes: dict[str, set[str]] = defaultdict(set)
    for _route, _status, _confidence, agreement, annex in protections:
        if agreement:
            annexes[agreement].update({annex} if annex else set())

    def present(known: tuple[str, ...], column: int) -> tuple[str, ...]:
        have = {row[column] for row in protections}
        return tuple(v for v in known if v in have) + tuple(sorted(have - set(known)))

    return FacetValues(
        product_classes=tuple(sorted({str(row[0]) for row in gis})),
        origins={c: tuple(sorted(r)) for c, r in sorted(regions.items())},
        routes=present(ROUTES, 0),
        statuses=present(STATUSES, 1),
        confidences=present(CONFIDENCES, 2),
        annexes={a: tuple(sorted(x)) for a, x in sorted(annexes.items())},
    )
