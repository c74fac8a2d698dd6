"""Refresh the list register/EU from the live EU register (eAmbrosia): fetch or read its JSON answer,
check it, and apply it as one batch with the usual diff and history.

Safety: the answer is fetched and checked before any transaction opens; an answer of the wrong shape, with
a bad row, or holding more than 5 % fewer rows than the list holds now is refused (the last unless
forced) and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from accounts.services import authorise
from errors import RegisterError
from gi_lists.batches import BatchPlan, apply_plan, plan_batch
from gi_lists.eambrosia import Answer, answer_entries, read_answer
from gi_lists.registers import EU_REGISTER, EU_REGISTER_ADDRESS, RegisterSnapshot
from gi_lists.repository import GIRepository
from gi_lists.safety import apply_locked
from outbound import hide_password, open_request, url_problem
from storage.db import Connection, Database

REQUEST_BODY = {"first": 0, "rows": 5000}
MAX_LOSS = 0.05  # an answer with more than 5 % fewer rows than the list holds is refused


@dataclass(frozen=True)
class RegisterAnswer:
    """One answer of the register, where it came from and as of when."""

    body: bytes
    label: str  # 'eAmbrosia answer' or the file's name: how problems name it
    source: str  # the address asked, or the file's path
    as_of: str  # YYYY-MM-DD
    as_of_basis: str  # 'retrieved today' or "the file's modification date"
    citation: str


def fetch_answer(url: str, timeout: float, *, today: dt.date | None = None) -> RegisterAnswer:
    """POST the register's filter request; a network failure is one RegisterError, nothing else."""
    problem = url_problem(url)
    if problem:
        raise RegisterError(
            f"GISCOPE_EAMBROSIA_URL {hide_password(url)} is not an http(s) URL ({problem}); nothing changed"
        )
    request = urllib.request.Request(
        url.strip(),
        data=json.dumps(REQUEST_BODY).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json", "User-Agent": "GIScope"},
        method="POST",
    )
    failed = f"could not reach the EU register at {url}"
    try:
        with open_request(request, timeout=timeout) as response:  # http(s) only, no redirect followed
            body = response.read()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # followed, it would turn the POST into a GET
            raise RegisterError(
                f"the EU register at {url} redirected ({exc.code}) - not followed; nothing changed"
            ) from None
        raise RegisterError(
            f"the EU register at {url} answered HTTP {exc.code} {exc.reason}; nothing changed"
        ) from None
    except TimeoutError:
        raise RegisterError(f"{failed}: timed out after {timeout:g} s; nothing changed") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise RegisterError(f"{failed}: timed out after {timeout:g} s; nothing changed") from None
        raise RegisterError(f"{failed}: {reason}; nothing changed") from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed address
        raise RegisterError(f"{failed}: {exc}; nothing changed") from None
    day = (today or dt.date.today()).isoformat()
    return RegisterAnswer(
        body=body,
        label="eAmbrosia answer",
        source=url,
        as_of=day,
        as_of_basis="retrieved today",
        citation=(
            f"European Commission, eAmbrosia — the EU geographical indications register, public interface "
            f"{url}, retrieved {day}; register: {EU_REGISTER_ADDRESS}"
        ),
    )


def read_saved_answer(path: Path) -> RegisterAnswer:
    """A saved answer of the register; its date is the file's modification date."""
    try:
        body = path.read_bytes()
        day = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    except OSError as exc:
        raise RegisterError(f"cannot read {path}: {exc.strerror or exc}") from None
    return RegisterAnswer(
        body=body,
        label=path.name,
        source=str(path),
        as_of=day,
        as_of_basis="the file's modification date",
        citation=(
            "European Commission, eAmbrosia — the EU geographical indications register, answer of its public "
            f"interface saved as {path.name} (file dated {day}); register: {EU_REGISTER_ADDRESS}"
        ),
    )


@dataclass
class RegisterImport:
    answer: RegisterAnswer
    read: Answer
    plan: BatchPlan
    held: int  # register rows the list held before
    batch_id: int | None


def import_register(
    db: Database, answer: RegisterAnswer, *, who: str, dry_run: bool = False, force: bool = False
) -> RegisterImport:
    """Check the answer (shape, every row, row count) and apply it to register/EU as one batch: all rows
    or none. Rows of the list the answer leaves out are withdrawn (home protections are not)."""
    if not dry_run:
        authorise(db, who, "editor")
    read = read_answer(answer.body, answer.label)
    # the live register says which UK names are registered now: they are not 'unconfirmed since 2021'
    snapshot = RegisterSnapshot(answer.as_of, answer.citation, confidence="medium", uk_unconfirmed=False)
    entries = answer_entries(read, snapshot, answer.label)

    def plan(conn: Connection) -> tuple[BatchPlan, int]:
        held = GIRepository(conn).register_rows(EU_REGISTER.jurisdiction or "EU", EU_REGISTER.route)
        if held and len(entries) < held * (1 - MAX_LOSS) and not force:
            lost = held - len(entries)
            raise RegisterError(
                f"the answer holds {len(entries)} register rows, {lost} ({lost / held:.0%}) fewer than the "
                f"{held} of {EU_REGISTER.key} now (more than {MAX_LOSS:.0%} lost): it looks truncated; "
                "nothing changed (--force imports it, withdrawing the missing names)"
            )
        planned = plan_batch(
            conn,
            EU_REGISTER,
            entries,
            file=answer.label,
            who=who,
            reason=f"EU register refresh ({answer.label}, as of {answer.as_of})",
        )
        return planned, held

    if dry_run:
        with db.read() as conn:
            planned, held = plan(conn)
        return RegisterImport(answer, read, planned, held, None)

    def work(conn: Connection) -> RegisterImport:
        planned, held = plan(conn)
        batch = None if planned.is_empty else apply_plan(conn, planned, who=who, source=answer.citation)
        return RegisterImport(answer, read, planned, held, batch)

    return apply_locked(db, work, EU_REGISTER, answer.label)
