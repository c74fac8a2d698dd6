"""Register services: load the bundled lists, import and export batches, search and show.

The CLI and the UI call these; they return model objects and plain data, never rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from compare.names import compact, fold_latin, forms, script_of, slug
from gi_lists.importers import Entry, InputError, ListTarget, parse_batch
from gi_lists.model import (
    ACTIVE_STATUSES,
    GI,
    JURISDICTION_INCLUDES,
    JURISDICTIONS,
    STATUSES,
    Name,
    Protection,
    valid_partial_date,
)
from gi_lists.repository import GIRepository, ListSelector, StoredProtection
from storage.engine import unit_of_work

IDENTITY_KINDS = ("original", "transcription", "official-rendering")


class RegisterError(Exception):
    """A request the register cannot answer (unknown agreement, GI, ...); message is for a person."""


def register_version(conn: Connection) -> str:
    """A cheap fingerprint of the register's lists: changes with every batch and every change."""
    from sqlalchemy import func, select

    from storage import tables as t

    gis = conn.execute(select(func.count()).select_from(t.gis)).scalar_one()
    batch = conn.execute(select(func.max(t.batches.c.id))).scalar_one()
    event = conn.execute(select(func.max(t.history.c.id))).scalar_one()
    return f"{gis}/{batch or 0}/{event or 0}"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------------------------------------
# Planning a batch: what would be added, changed and removed
# ---------------------------------------------------------------------------------------------


@dataclass
class Change:
    gi_id: str
    label: str
    what: str
    before: str | None
    after: str | None


@dataclass
class BatchPlan:
    target: ListTarget
    file: str
    rows: int
    added: list[tuple[str, str, Protection]] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[tuple[str, str, Protection]] = field(default_factory=list)
    unchanged: int = 0
    # operations, applied by apply_plan
    new_gis: list[dict[str, Any]] = field(default_factory=list)
    new_names: list[dict[str, Any]] = field(default_factory=list)
    new_protections: list[dict[str, Any]] = field(default_factory=list)
    protection_updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    gi_updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def changed_gis(self) -> int:
        return len({c.gi_id for c in self.changed})

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "added": len(self.added),
            "changed": self.changed_gis,
            "removed": len(self.removed),
            "unchanged": self.unchanged,
        }


def selector_for(target: ListTarget) -> ListSelector:
    if target.route == "agreement":
        return ListSelector(agreement=target.agreement, annex=target.annex or "")
    if target.agreement:
        return ListSelector(agreement=target.agreement, annex="")
    return ListSelector(jurisdiction=target.jurisdiction, route=target.route)


def _withdrawn_when_missing(target: ListTarget, p: Protection) -> bool:
    """Which stored entries a batch speaks for: its own route, and for a national register only the
    entries not tracked under a bilateral arrangement (those change through that arrangement's list)."""
    if p.route != target.route:
        return False
    return not (target.route == "national-register" and target.agreement is None and p.agreement)


def _name_key_rows(gi_id: str, name: Name) -> list[dict[str, Any]]:
    """Search keys of one name: its own forms (rank 0 identifies the name), then romanisations."""
    from compare.knowledge import bundled_knowledge, romanised_forms

    own = list(forms(name.text))
    extra = [f for f in romanised_forms(name.text, bundled_knowledge()) if f not in own]
    return [
        {"gi_id": gi_id, "kind": name.kind, "form_rank": rank, "form": f, "compact": compact(f)}
        for rank, f in enumerate(own + extra)
    ]


def _new_id(entry: Entry, taken: set[str]) -> str:
    primary = entry.primary
    latin = primary.text if script_of(primary.text) == "Latn" else None
    if latin is None:
        transcriptions = [
            n.text for n in entry.names if n.kind == "transcription" and script_of(n.text) == "Latn"
        ]
        latin = transcriptions[0] if transcriptions else fold_latin(primary.text)
    base = f"{entry.origin.split(';')[0].lower()}-{slug(latin)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _origins_overlap(a: str, b: str) -> bool:
    return bool(set(a.split(";")) & set(b.split(";")))


def plan_batch(
    conn: Connection,
    target: ListTarget,
    entries: Sequence[Entry],
    *,
    file: str,
    who: str,
    reason: str,
    keep_missing: bool = False,
    at: str | None = None,
) -> BatchPlan:
    repo = GIRepository(conn)
    at = at or now_iso()
    plan = BatchPlan(target=target, file=file, rows=len(entries))
    index = repo.identity_index(IDENTITY_KINDS)
    facts = repo.gi_facts()
    name_sets = repo.name_sets()
    taken = set(facts)
    current: dict[str, list[StoredProtection]] = defaultdict(list)
    for stored in repo.list_protections(selector_for(target)):
        current[stored.gi_id].append(stored)
    matched_rows: set[int] = set()
    facts_set_in_batch: set[str] = set()  # the first row of a GI in a batch sets its facts
    seen_protections: dict[tuple[str, str, str, str], int] = {}
    problems: list[str] = []

    def event(gi_id: str, what: str, before: str | None, after: str | None, source: str | None) -> None:
        plan.history.append(
            {
                "gi_id": gi_id,
                "at": at,
                "who": who,
                "what": what,
                "before": before,
                "after": after,
                "reason": reason,
                "source": source,
            }
        )

    for entry in entries:
        key0 = compact(forms(entry.primary.text)[0])
        gi_id = next((g for g, origin in index.get(key0, []) if _origins_overlap(origin, entry.origin)), None)
        label = entry.primary.text
        p = entry.protection
        entry_changes: list[Change] = []
        if gi_id is None:
            gi_id = _new_id(entry, taken)
            plan.new_gis.append(
                {
                    "id": gi_id,
                    "product_class": entry.product_class,
                    "origin": entry.origin,
                    "region": entry.region,
                    "created_at": at,
                    "updated_at": at,
                }
            )
            facts[gi_id] = (entry.product_class, entry.origin, entry.region)
            facts_set_in_batch.add(gi_id)
            for position, name in enumerate(entry.names):
                plan.new_names.append(
                    {
                        "gi_id": gi_id,
                        "position": position,
                        "text": name.text,
                        "kind": name.kind,
                        "lang": name.lang,
                        "script": name.script,
                    }
                )
                if name.kind in IDENTITY_KINDS:
                    index[compact(forms(name.text)[0])].append((gi_id, entry.origin))
            name_sets[gi_id] = ({(n.text, n.kind) for n in entry.names}, len(entry.names))
            event(gi_id, "gi", None, "created", p.source)
        else:
            product_class, origin, region = facts[gi_id]
            updates: dict[str, Any] = {}
            first_row = gi_id not in facts_set_in_batch
            facts_set_in_batch.add(gi_id)
            if first_row and entry.product_class and entry.product_class != product_class:
                entry_changes.append(
                    Change(gi_id, label, "product_class", product_class, entry.product_class)
                )
                updates["product_class"] = entry.product_class
            if first_row and entry.region and entry.region != region:
                entry_changes.append(Change(gi_id, label, "region", region, entry.region))
                updates["region"] = entry.region
            if updates:
                updates["updated_at"] = at
                plan.gi_updates.append((gi_id, updates))
                facts[gi_id] = (
                    updates.get("product_class", product_class),
                    origin,
                    updates.get("region", region),
                )
            known, next_position = name_sets.get(gi_id, (set(), 0))
            folded = {compact(forms(text)[0]) for text, _kind in known}
            for name in entry.names:
                if (name.text, name.kind) in known or compact(forms(name.text)[0]) in folded:
                    continue  # the same name up to case, accents or traditional characters
                plan.new_names.append(
                    {
                        "gi_id": gi_id,
                        "position": next_position,
                        "text": name.text,
                        "kind": name.kind,
                        "lang": name.lang,
                        "script": name.script,
                    }
                )
                known.add((name.text, name.kind))
                folded.add(compact(forms(name.text)[0]))
                next_position += 1
                entry_changes.append(Change(gi_id, label, f"name ({name.kind})", None, name.text))
            name_sets[gi_id] = (known, next_position)

        pkey = (gi_id, p.jurisdiction, p.route, p.annex or "")
        if pkey in seen_protections:
            first_line = seen_protections[pkey]
            problems.append(
                f"{file}:{entry.line}: name: '{label}' is the same GI and route as line {first_line}"
            )
            continue
        seen_protections[pkey] = entry.line
        existing = next(
            (
                s
                for s in current.get(gi_id, [])
                if s.protection.jurisdiction == p.jurisdiction
                and s.protection.route == p.route
                and (s.protection.annex or "") == (p.annex or "")
            ),
            None,
        )
        if existing is None:
            plan.new_protections.append(
                {
                    "gi_id": gi_id,
                    "jurisdiction": p.jurisdiction,
                    "route": p.route,
                    "agreement_id": p.agreement or "",
                    "annex": p.annex or "",
                    "status": p.status,
                    "since": p.since,
                    "until": p.until,
                    "source": p.source,
                    "confidence": p.confidence,
                    "note": p.note,
                }
            )
            plan.added.append((gi_id, label, p))
            event(gi_id, f"{p.key_text}: status", None, p.status, p.source)
        else:
            matched_rows.add(existing.row_id)
            old = existing.protection
            values: dict[str, Any] = {}
            for fname in ("status", "since", "source", "confidence", "note"):
                new_value = getattr(p, fname)
                if new_value in (None, ""):
                    continue
                if fname == "status" and "status" not in entry.given and old.status not in ("withdrawn",):
                    continue  # a row without a status keeps the stored one
                if fname == "since" and "since" not in entry.given and "status" not in entry.given:
                    continue
                if new_value != getattr(old, fname):
                    values[fname] = new_value
            for fname, new_value in values.items():
                change = Change(gi_id, label, f"{old.key_text}: {fname}", getattr(old, fname), new_value)
                entry_changes.append(change)
                event(gi_id, change.what, change.before, change.after, p.source)
            if values:
                plan.protection_updates.append((existing.row_id, values))
        for change in entry_changes:
            if change.what.startswith(("product_class", "region", "name (")):
                event(gi_id, change.what, change.before, change.after, p.source)
        plan.changed.extend(entry_changes)
        if existing is not None and not entry_changes:
            plan.unchanged += 1

    if problems:
        raise InputError(problems)

    if not keep_missing:
        gone = [
            stored
            for stored_list in current.values()
            for stored in stored_list
            if stored.row_id not in matched_rows
            and stored.protection.status != "withdrawn"
            and _withdrawn_when_missing(target, stored.protection)
        ]
        labels = {gi.id: gi.display_name for gi in repo.get_many([s.gi_id for s in gone])}
        for stored in gone:
            gi_id = stored.gi_id
            plan.removed.append((gi_id, labels.get(gi_id, gi_id), stored.protection))
            plan.protection_updates.append((stored.row_id, {"status": "withdrawn"}))
            event(
                gi_id,
                f"{stored.protection.key_text}: status",
                stored.protection.status,
                "withdrawn",
                f"absent from {file}",
            )
    return plan


def apply_plan(
    conn: Connection,
    plan: BatchPlan,
    *,
    who: str,
    source: str | None,
    at: str | None = None,
    alerts: bool = True,
) -> int:
    repo = GIRepository(conn)
    at = at or now_iso()
    batch_id = repo.insert_batch(
        {
            "at": at,
            "who": who,
            "file": plan.file,
            "list_key": plan.target.key,
            "source": source,
            "rows": plan.rows,
            "added": len(plan.added),
            "changed": plan.changed_gis,
            "removed": len(plan.removed),
        }
    )
    repo.insert_rows("gis", plan.new_gis)
    repo.insert_rows("names", plan.new_names)
    key_rows: list[dict[str, Any]] = []
    for row in plan.new_names:
        key_rows.extend(_name_key_rows(row["gi_id"], Name(row["text"], row["kind"])))
    repo.insert_rows("name_keys", key_rows)
    for row in plan.new_protections:
        row["batch_id"] = batch_id
    repo.insert_rows("protections", plan.new_protections)
    for row_id, values in plan.protection_updates:
        repo.update_protection(row_id, {**values, "batch_id": batch_id})
    for gi_id, values in plan.gi_updates:
        repo.update_gi(gi_id, values)
    touched = {r["gi_id"] for r in plan.history} - {g["id"] for g in plan.new_gis}
    for gi_id in touched:
        repo.update_gi(gi_id, {"updated_at": at})
    for row in plan.history:
        row["batch_id"] = batch_id
    repo.insert_rows("history", plan.history)
    if alerts:
        _batch_alerts(conn, plan, batch_id, at)
    return batch_id


def _batch_alerts(conn: Connection, plan: BatchPlan, batch_id: int, at: str) -> None:
    """The alert feed: one alert for the batch, one per status change it makes."""
    from agreements.repository import AlertRepository

    alerts = AlertRepository(conn)
    t = plan.target
    s = plan.summary()
    alerts.add(
        key=f"batch:{batch_id}",
        at=at,
        kind="new-batch",
        title=f"New batch for {t.key}: {s['added']} added, {s['changed']} changed, {s['removed']} removed",
        detail=f"file {plan.file}, {s['rows']} rows",
        agreement_id=t.agreement,
        annex=t.annex,
        batch_id=batch_id,
    )
    for n, h in enumerate(plan.history):
        if not h["what"].endswith(": status") or h["before"] is None:
            continue
        alerts.add(
            key=f"batch:{batch_id}:status:{n}",
            at=at,
            kind="status-change",
            title=f"{h['gi_id']}: {h['what'].removesuffix(': status')} {h['before']} -> {h['after']}",
            detail=h["reason"],
            agreement_id=t.agreement,
            annex=t.annex,
            gi_id=h["gi_id"],
            batch_id=batch_id,
            source=h["source"],
        )


# ---------------------------------------------------------------------------------------------
# Import targets
# ---------------------------------------------------------------------------------------------


def resolve_target(
    conn: Connection, *, agreement: str | None, annex: str | None, register: str | None
) -> ListTarget:
    from agreements.repository import AgreementRepository

    if bool(agreement) == bool(register):
        raise RegisterError(
            "give either --agreement ID (with --annex for annexed lists) or --register JURISDICTION"
        )
    if register:
        j = register.upper()
        if j not in JURISDICTIONS:
            raise RegisterError(f"unknown jurisdiction {register!r}; known: {', '.join(JURISDICTIONS)}")
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
        return ListTarget(
            chosen.protected_in,
            "agreement",
            found.id,
            chosen.code,
            chosen.default_status or "listed",
            chosen.default_since,
            found.parties,
            chosen.names_from,
        )
    if annex:
        raise RegisterError(f"{found.id} has no annexes; leave out --annex")
    return ListTarget(None, "national-register", found.id, None, "protected", None, found.parties)


@dataclass
class ImportResult:
    plan: BatchPlan
    batch_id: int | None
    objection_window: Any = None


def import_file(
    engine: Engine,
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
) -> ImportResult:
    """Validate a whole file, plan it against the current list, and (unless dry_run) apply it at once."""
    with unit_of_work(engine) as conn:
        target = resolve_target(conn, agreement=agreement, annex=annex, register=register)
        default_source = source or f"import of {path.name}"
        entries = parse_batch(path, target, default_source=default_source, default_confidence=confidence)
        plan = plan_batch(
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
        if dry_run:
            return ImportResult(plan, None)
        window = None
        if published:
            window = _objection_window(conn, target, published, path.name)
        if plan.is_empty:
            return ImportResult(plan, None, window)
        batch_id = apply_plan(conn, plan, who=who, source=default_source)
        return ImportResult(plan, batch_id, window)


def _objection_window(conn: Connection, target: ListTarget, published: str, file: str) -> Any:
    """A published batch opens an objection window under the law of the side that publishes it: the
    side where the listed names are to be protected."""
    from agreements.services import record_objection_window

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
# Search, show, export
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    jurisdiction: str | None = None
    agreement: str | None = None
    annex: str | None = None
    product_class: str | None = None
    origin: str | None = None
    status: str | None = None

    def check(self) -> None:
        if self.jurisdiction and self.jurisdiction.upper() not in JURISDICTIONS:
            raise RegisterError(
                f"unknown jurisdiction {self.jurisdiction!r}; known: {', '.join(JURISDICTIONS)}"
            )
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


def check_agreement(conn: Connection, agreement: str | None, annex: str | None = None) -> None:
    from agreements.repository import AgreementRepository

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


def search(conn: Connection, query: str, filters: Filters = Filters(), *, limit: int = 50) -> list[SearchHit]:
    """GIs whose names match `query` in any form, best first.

    Ranking: the whole name (1.0), then a name starting with the query words (0.8), then a name
    containing them (0.6), then close spellings (rapidfuzz, below 0.6).
    """
    filters.check()
    check_agreement(conn, filters.agreement, filters.annex)
    query = query.strip()
    if not query:
        raise RegisterError("the search text is empty")
    qforms = forms(query)
    compacts = [compact(f) for f in qforms if compact(f)]
    if not compacts:
        raise RegisterError(f"nothing to search for in {query!r}")
    repo = GIRepository(conn)
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
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    gis = {g.id: g for g in repo.get_many([gi_id for gi_id, _ in ranked])}
    hits = []
    for gi_id, (score, form, how) in ranked:
        gi = gis.get(gi_id)
        if gi is not None and filters.gi_matches(gi):
            hits.append(SearchHit(gi, score, form, how))
        if len(hits) >= limit:
            break
    return hits


def find_gi(conn: Connection, ref: str) -> GI:
    """A GI by id, or by a name that identifies exactly one GI."""
    repo = GIRepository(conn)
    gi = repo.get(ref.strip())
    if gi is not None:
        return gi
    hits = [h for h in search(conn, ref, limit=10) if h.score >= 1.0] if ref.strip() else []
    ids = list(dict.fromkeys(h.gi.id for h in hits))
    if len(ids) == 1:
        found = repo.get(ids[0])
        assert found is not None
        return found
    if len(ids) > 1:
        raise RegisterError(f"{ref!r} names several GIs: {', '.join(ids)}; give the id")
    raise RegisterError(f"no GI with id or name {ref!r}; try `giscope search`")


def list_gis(conn: Connection, filters: Filters = Filters()) -> list[GI]:
    filters.check()
    check_agreement(conn, filters.agreement, filters.annex)
    repo = GIRepository(conn)
    jurisdictions = JURISDICTION_INCLUDES[filters.jurisdiction.upper()] if filters.jurisdiction else None
    ids = repo.ids_with_protections(
        agreement=filters.agreement,
        annex=filters.annex.upper() if filters.annex else None,
        jurisdictions=jurisdictions,
        status=filters.status,
    )
    return [gi for gi in repo.get_many(ids) if filters.gi_matches(gi)]


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------------------------------------
# giscope init: schema and bundled reference data
# ---------------------------------------------------------------------------------------------


@dataclass
class InitResult:
    migrated_from: str | None
    lists: list[tuple[str, dict[str, int]]]
    loaded_reference: bool = True

    @property
    def added(self) -> int:
        return sum(s["added"] for _, s in self.lists)

    @property
    def changed(self) -> int:
        return sum(s["changed"] for _, s in self.lists)


def reference_lists(conn: Connection) -> list[Any]:
    """The bundled lists as ReferenceList objects, in loading order."""
    from agreements.repository import AgreementRepository
    from config import REFERENCE_DIR
    from gi_lists.importers import load_annex_rows, load_bilateral_rows

    agreements = {a.id: a for a in AgreementRepository(conn).all()}
    eu = agreements["china-eu"]
    annex_targets = {
        a.code: ListTarget(
            a.protected_in,
            "agreement",
            eu.id,
            a.code,
            a.default_status or "listed",
            a.default_since,
            eu.parties,
            a.names_from,
        )
        for a in eu.annexes
        if a.holds_names
    }
    bilateral_targets = {
        "china-france": ListTarget(
            None,
            "national-register",
            "china-france",
            None,
            "protected",
            None,
            agreements["china-france"].parties,
        ),
        "china-thailand": ListTarget(
            None,
            "national-register",
            "china-thailand",
            None,
            "pending",
            None,
            agreements["china-thailand"].parties,
        ),
        "register/EU": ListTarget("EU", "national-register", None, None, "protected", None),
    }
    lists = load_annex_rows(REFERENCE_DIR / "china_eu_annexes.csv", annex_targets)
    renderings = frozenset(
        n.text for ref in lists for e in ref.entries for n in e.names if n.kind == "official-rendering"
    )
    lists += load_bilateral_rows(REFERENCE_DIR / "bilateral_entries.csv", bilateral_targets, renderings)
    return lists


def initialise(
    engine: Engine, *, who: str, reload_reference: bool = False, today: str | None = None
) -> InitResult:
    """Create or migrate the schema and the agreement records; load the bundled lists into an empty
    register. Safe to run again: a register that holds GIs keeps its lists (staff may have imported
    newer batches) unless `reload_reference` asks to merge the bundled lists in again."""
    from agreements.services import sync_reference
    from storage.migrate import current_revision, upgrade

    before = current_revision(engine)
    upgrade(engine)
    results = []
    at = now_iso()
    with unit_of_work(engine) as conn:
        sync_reference(conn, who=who, at=at, overwrite_profiles=reload_reference, today=today or at[:10])
        if GIRepository(conn).count() and not reload_reference:
            return InitResult(before, [], loaded_reference=False)
        initial = GIRepository(conn).count() == 0
        for ref in reference_lists(conn):
            plan = plan_batch(
                conn,
                ref.target,
                ref.entries,
                file=ref.file,
                who=who,
                reason=f"bundled reference data {ref.file} ({ref.target.key})",
                keep_missing=ref.target.key.startswith("register/"),
            )
            if not plan.is_empty:
                apply_plan(conn, plan, who=who, source=f"bundled {ref.file}", alerts=not initial)
            results.append((ref.target.key, plan.summary()))
    return InitResult(before, results)
