"""What keeps an import from doing more than the person importing meant (the one place for these rules;
the CLI and the UI both ask here).

A batch that withdraws more than a tenth of its list, or more than five entries, is applied only when
that number of withdrawals is confirmed. An export's `id` cells must name GIs of the register, from the
origin the row gives (an export of a list is a valid import of that same list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from errors import RegisterError
from gi_lists.entries import Entry, ListTarget
from gi_lists.importers import foreign_origin
from gi_lists.model import Protection
from gi_lists.repository import GIRepository, ListSelector
from storage.db import Connection, Database, driver_errors, one_line
from wording import say

T = TypeVar("T")
IMPORT_LOCK = "giscope-import"  # one import writes at a time: each plans on the result of the one before

WITHDRAWAL_SHARE_PERCENT = 10  # withdrawing more than this share of a list needs a confirmation …
WITHDRAWAL_COUNT = 5  # … and so does withdrawing more than this many entries


def needs_confirmation(withdrawn: int, listed: int) -> bool:
    """Whether withdrawing `withdrawn` of the `listed` entries a batch speaks for must be confirmed."""
    return withdrawn > WITHDRAWAL_COUNT or withdrawn * 100 > WITHDRAWAL_SHARE_PERCENT * listed


class BatchPlan(Protocol):
    """What these rules read of a gi_lists.batches.BatchPlan (which asks them: no import circle)."""

    target: ListTarget
    removed: list[tuple[str, str, Protection]]
    listed: int

    @property
    def needs_confirmation(self) -> bool: ...


class WithdrawalsNotConfirmed(RegisterError):
    """A plan withdraws enough entries to need a confirmation of their number, and it was not given."""

    def __init__(self, plan: BatchPlan, confirmed: int | None) -> None:
        self.plan = plan
        self.withdrawn, self.listed, self.list_key = len(plan.removed), plan.listed, plan.target.key
        self.confirmed = confirmed
        given = "" if confirmed is None else f" (confirmed: {confirmed})"
        super().__init__(
            f"this batch withdraws {self.withdrawn} of {self.listed} entries of {self.list_key}; "
            f"nothing is written until exactly {self.withdrawn} withdrawals are confirmed{given}"
        )


def check_withdrawals(plan: BatchPlan, confirmed: int | None) -> None:
    """Raise WithdrawalsNotConfirmed when the plan needs a confirmation, or one is given, and `confirmed`
    is not its number of withdrawals (a plan that changed since it was confirmed is refused too)."""
    if (plan.needs_confirmation or confirmed is not None) and confirmed != len(plan.removed):
        raise WithdrawalsNotConfirmed(plan, confirmed)


def id_problems(
    conn: Connection, entries: Sequence[Entry], file: str, target: ListTarget, selector: ListSelector
) -> list[str]:
    """`FILE:LINE: column: problem` for each row whose id names no GI, or a GI from another origin, or
    whose origin only an entry the list (`selector`) holds already may have."""
    ids = {e.gi_id for e in entries if e.gi_id}
    if not ids:
        return []
    repo = GIRepository(conn)
    facts = repo.gi_facts()
    on_list: set[str] | None = None
    problems = []
    for e in entries:
        if not e.gi_id:
            continue
        if wrong := foreign_origin(e.origin, target):
            if on_list is None:
                on_list = {s.gi_id for s in repo.list_protections(selector)}
            if e.gi_id not in on_list:
                problems.append(f"{file}:{e.line}: origin: {wrong}")
                continue
        if e.gi_id not in facts:
            problems.append(f"{file}:{e.line}: id: no GI with id '{e.gi_id}'; leave id empty for a new GI")
        elif set(facts[e.gi_id][1].split(";")) != set(e.origin.split(";")):
            problems.append(
                f"{file}:{e.line}: id: GI '{e.gi_id}' is from {facts[e.gi_id][1]}, not {e.origin}; "
                "leave id empty for another GI"
            )
    return problems


def apply_locked(
    db: Database,
    work: Callable[[Connection], T],
    target: ListTarget,
    file: str,
    *,
    wait_s: float | None = None,
) -> T:
    """Run an import's plan and apply in one transaction that first takes the import lock, so a second
    import (of this list or another) waits for the first and plans on its result; after GISCOPE_LOCK_WAIT
    it is refused with one clear message. Should two imports still collide on a new name (a unique
    constraint), the later one is refused with one clear message and writes nothing, never a
    traceback."""
    try:
        return db.transaction(
            work,
            wait_s=wait_s,
            lock=IMPORT_LOCK,
            busy_message=say("stale.import_busy", "en", list=target.key),
        )
    except driver_errors() as exc:
        if "unique" not in str(exc).lower() and getattr(exc, "sqlstate", "") != "23505":
            raise
        detail = one_line(exc)
        raise RegisterError(
            say("stale.import_same_name", "en", detail=detail, file=file, list=target.key)
        ) from exc
