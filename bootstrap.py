"""`giscope init`: the schema, the agreement records, scope data, profiles and deadlines, and the bundled
lists (for an empty register, or merged in again on request)."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.services import authorise
from agreements.services import load_bundled_agreements, sync_reference
from gi_lists.batches import apply_plan, plan_batch
from gi_lists.keys import new_readings
from gi_lists.reference import HOME_FILE, reference_lists
from gi_lists.repository import GIRepository
from gi_lists.safety import IMPORT_LOCK
from storage.clock import now_iso
from storage.db import Connection, Database
from storage.migrate import current_revision, upgrade
from watch.deadlines import sync_deadlines


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


def initialise(
    db: Database, *, who: str, reload_reference: bool = False, today: str | None = None
) -> InitResult:
    """Create or migrate the schema and the agreement records; load the bundled lists into an empty
    register. Safe to run again: a register that holds GIs keeps its lists (staff may have imported
    newer batches) unless `reload_reference` asks to merge the bundled lists in again."""
    before = current_revision(db)
    upgrade(db)
    if reload_reference:  # rewrites lists and profiles: an editor's call once accounts exist
        authorise(db, who, "editor")
    at = now_iso()
    bundled = reference_lists(load_bundled_agreements())  # read and checked before the transaction

    def work(conn: Connection) -> InitResult:
        agreements = sync_reference(conn, who=who, at=at, overwrite_profiles=reload_reference)
        sync_deadlines(conn, agreements, today=today or at[:10], at=at)
        repo = GIRepository(conn)
        if repo.count() and not reload_reference:
            return InitResult(before, [], loaded_reference=False)
        initial = repo.count() == 0
        results = []
        for ref in bundled:
            if ref.file != HOME_FILE and ref.target.key.startswith("register/"):
                newer = repo.newer_batches(ref.target.key, ref.file, besides=[HOME_FILE])
                if newer:  # refreshed since (giscope import-register): the bundled snapshot is older
                    file, when = newer[-1]
                    results.append(
                        (f"{ref.target.key} (kept: {file}, {when[:10]})", _unchanged(len(ref.entries)))
                    )
                    continue
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
            label = f"home/{ref.target.jurisdiction}" if ref.file == HOME_FILE else ref.target.key
            results.append((label, plan.summary()))
        return InitResult(before, results)

    result = db.transaction(work, lock=IMPORT_LOCK)  # as an import: after any import under way
    refresh_readings(db)
    return result


def _unchanged(rows: int) -> dict[str, int]:
    return {"rows": rows, "added": 0, "changed": 0, "removed": 0, "unchanged": 0}


def refresh_readings(db: Database) -> int:
    """Compute the readings that names lack, or that another romaniser version made (after an upgrade of
    pypinyin or pythainlp, or a change to our pinyin fixes); how many were written."""

    with db.read() as conn:  # computed with no transaction open
        repo = GIRepository(conn)
        rows = new_readings(repo, repo.name_texts(), refresh=True)
    if rows:
        db.transaction(lambda conn: GIRepository(conn).save_readings(rows))
    return len(rows)
