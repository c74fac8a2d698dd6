"""A batch is the new state of one list: plan what it would add, change and withdraw, then apply that
plan in the caller's transaction (pure planning over repository reads; writes only in apply_plan)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from errors import InputError
from gi_lists.entries import (
    IDENTITY_KINDS,
    PARTY_COUNTRIES,
    Entry,
    ListTarget,
    identity_keys,
    new_gi_id,
    origins_overlap,
    same_goods,
)
from gi_lists.keys import name_key_rows, new_readings
from gi_lists.model import Name, Protection
from gi_lists.repository import GIRepository, ListSelector, StoredProtection
from gi_lists.safety import needs_confirmation
from names.normalise import compact, first_form
from storage.clock import now_iso
from storage.db import Connection
from watch.alerts import batch_alerts
from wording import is_home_source


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
    listed: int = 0  # entries (not withdrawn) the batch speaks for; see needs_confirmation (safety)
    left_out: list[tuple[int, str]] = field(default_factory=list)  # (line, list) of rows of other lists
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
    def needs_confirmation(self) -> bool:
        return needs_confirmation(len(self.removed), self.listed)

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


def _withdrawn_when_missing(target: ListTarget, p: Protection, origin: str) -> bool:
    """Which stored entries a batch speaks for: its own route, and for a national register only the
    entries not tracked under a bilateral arrangement (those change through that arrangement's list),
    not inferred from the bundled lists (a GI's home protection changes with those lists), and of GIs
    from that country: a foreign GI protected there came through a decision of its own (Scotch Whisky in
    China: cn_foreign_gis.csv), and a wrong 'no longer protected' would let a conflict pass unseen."""
    if p.route != target.route:
        return False
    if target.route == "national-register" and target.agreement is None:
        home = PARTY_COUNTRIES.get(target.jurisdiction or "")
        from_home = home is None or not origin or bool(set(origin.split(";")) & home)
        return not p.agreement and not is_home_source(p.source) and from_home
    return True


def _name_row(gi_id: str, position: int, name: Name, entry: Entry) -> dict[str, Any]:
    """A names row; a written form without a source of its own has its list entry's."""
    return {
        "gi_id": gi_id,
        "position": position,
        "text": name.text,
        "kind": name.kind,
        "lang": name.lang,
        "script": name.script,
        "source": name.source or entry.protection.source,
        "confidence": name.confidence or entry.protection.confidence,
    }


def _find_gi(
    entry: Entry,
    index: dict[str, list[tuple[str, str]]],
    facts: dict[str, tuple[str, str, str | None]],
    by_reference: dict[str, str],
    registered: set[str],
) -> str | None:
    """The stored GI an entry speaks of: the one holding its register file number, else the first GI
    that one of its names (in order) names, from an overlapping origin, for the same kind of goods."""
    reference = entry.protection.reference
    if reference and reference in by_reference:
        return by_reference[reference]
    for key in identity_keys(entry.names):
        for g, origin in index.get(key, []):
            if reference and g in registered:
                continue  # another file number of the register: another GI of the same name
            if origins_overlap(origin, entry.origin) and same_goods(facts[g][0], entry.product_class):
                return g
    return None


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
    by_reference = repo.protection_references()
    registered = set(by_reference.values())  # GIs that hold a register file number
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
        gi_id = entry.gi_id or _find_gi(entry, index, facts, by_reference, registered)
        label = entry.primary.text
        p = entry.protection
        entry_changes: list[Change] = []
        if gi_id is None:
            gi_id = new_gi_id(entry, taken)
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
                plan.new_names.append(_name_row(gi_id, position, name, entry))
                if name.kind in IDENTITY_KINDS:
                    index[compact(first_form(name.text))].append((gi_id, entry.origin))
            name_sets[gi_id] = ({(n.text, n.kind) for n in entry.names}, len(entry.names))
            event(gi_id, "gi", None, "created", p.source)
        else:
            product_class, origin, region = facts[gi_id]
            updates: dict[str, Any] = {}
            first_row = gi_id not in facts_set_in_batch
            facts_set_in_batch.add(gi_id)
            if (
                first_row
                and entry.sets_class
                and entry.product_class
                and entry.product_class != product_class
            ):
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
            folded = {compact(first_form(text)) for text, _kind in known}
            for name in entry.names:
                if (name.text, name.kind) in known or compact(first_form(name.text)) in folded:
                    continue  # the same name up to case, accents or traditional characters
                plan.new_names.append(_name_row(gi_id, next_position, name, entry))
                known.add((name.text, name.kind))
                folded.add(compact(first_form(name.text)))
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
        if p.reference:  # the file number names this GI from now on
            by_reference[p.reference] = gi_id
            registered.add(gi_id)
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
                    "reference": p.reference,
                }
            )
            plan.added.append((gi_id, label, p))
            event(gi_id, f"{p.key_text}: status", None, p.status, p.source)
        else:
            matched_rows.add(existing.row_id)
            old = existing.protection
            values: dict[str, Any] = {}
            for fname in ("status", "since", "source", "confidence", "note", "reference"):
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

    listed = [
        stored
        for stored_list in current.values()
        for stored in stored_list
        if stored.protection.status != "withdrawn"
        and _withdrawn_when_missing(target, stored.protection, facts.get(stored.gi_id, ("", ""))[1])
    ]
    plan.listed = len(listed)
    if not keep_missing:
        gone = [stored for stored in listed if stored.row_id not in matched_rows]
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
    key_rows: list[dict[str, Any]] = []  # computed before the first write
    for row in plan.new_names:
        key_rows.extend(name_key_rows(row["gi_id"], Name(row["text"], row["kind"])))
    readings = new_readings(repo, {row["text"] for row in plan.new_names})
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
    repo.insert_rows("name_keys", key_rows)
    repo.save_readings(readings)
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
    repo.append_history(plan.history)
    if alerts:
        t = plan.target
        batch_alerts(
            conn,
            batch_id=batch_id,
            at=at,
            list_key=t.key,
            agreement=t.agreement,
            annex=t.annex,
            summary=plan.summary(),
            file=plan.file,
            history=plan.history,
        )
    return batch_id
