"""Trademark watch services: scan a gazette for marks that conflict with the GIs protected or pending in
a jurisdiction, store the findings with their opposition deadlines, and track what staff did with them.

Only findings are stored, never the whole gazette. A re-scan of the same gazette adds nothing twice (one
finding per gazette, jurisdiction, application and GI) and leaves the state staff set alone. Each
finding's opposition deadline is a row of the deadlines view (`giscope deadlines`, key watch/ID) and
raises its alerts there: 30 days before, 7 days before, and once overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accounts.services import authorise
from errors import RegisterError, StaleWriteError
from gi_lists.model import check_jurisdiction
from storage.db import Connection, Database
from validation import clean_text
from watch.alerts import deadline_alert
from watch.deadlines import load_deadline_rules
from watch.model import Deadline
from watch.push import queue_finding
from watch.repository import STAFF_OUTCOME, DeadlineRepository
from watch.trademarks.gazette import check_published, read_gazette
from watch.trademarks.model import (
    FINDING_STATES,
    OPEN_STATES,
    OPPOSED_STATES,
    SEVERITIES,
    FindingChange,
    OppositionRule,
    TrademarkFinding,
)
from watch.trademarks.repository import FindingRepository
from watch.trademarks.screening import SERIAL_UP_TO
from wording import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from compare.conflicts import ConflictIndex

MAX_GAZETTE_ID = 120


def opposition_rule(jurisdiction: str) -> OppositionRule:
    """The opposition period of trademark applications published in `jurisdiction`
    (deadlines.json opposition_periods)."""
    j = check_jurisdiction(jurisdiction)
    return OppositionRule.from_data(j, load_deadline_rules().get("opposition_periods", {}).get(j))


@dataclass
class GazetteScan:
    gazette: str
    jurisdiction: str
    published: str | None  # None when the gazette's rows carry several publication dates
    marks: int
    findings: list[TrademarkFinding]
    added: int
    rule: OppositionRule

    def to_dict(self, today: str) -> dict[str, Any]:
        return {
            "gazette": self.gazette,
            "jurisdiction": self.jurisdiction,
            "published": self.published,
            "marks": self.marks,
            "added": self.added,
            "opposition_period": {
                "period": self.rule.period if self.rule.known else None,
                "basis": self.rule.basis,
                "source": self.rule.source,
                "confidence": self.rule.confidence,
                "counting": self.rule.counting,
            },
            "findings": [f.to_dict(today) for f in self.findings],
        }


def _gazette_id(gazette: str | None, path: Path) -> str:
    text = (gazette if gazette is not None else path.stem).strip()
    if not text:
        raise RegisterError("--gazette is empty; name the gazette issue (e.g. CN-TM-2026-45)")
    if len(text) > MAX_GAZETTE_ID:
        raise RegisterError(f"--gazette is longer than {MAX_GAZETTE_ID} characters")
    return text


def scan_gazette(
    db: Database,
    path: Path,
    jurisdiction: str,
    *,
    published: str | None = None,
    gazette: str | None = None,
    min_severity: str = "medium",
    who: str,
    at: str,
    today: str,
    index: ConflictIndex | None = None,
    lang: str = "en",
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    serial_up_to: int = SERIAL_UP_TO,
) -> GazetteScan:
    """Screen every mark of a gazette file against the GIs protected or pending in `jurisdiction` (the
    mark's Nice classes decide like goods; a well-known mark reaches other classes) and store the findings
    at least `min_severity`, all or none. `progress(done, total)` follows the marks screened. A gazette of
    more than `serial_up_to` marks is screened by a pool of `workers` processes (default: one per core)
    reading the register's kept index; the findings are the same, in the same order."""
    from compare.services import build_index, kept_index_file
    from watch.trademarks.screening import IndexFile, screen_marks

    authorise(db, who, "editor")
    j = check_jurisdiction(jurisdiction)
    if min_severity not in SEVERITIES:
        raise RegisterError(f"--min-severity {min_severity!r}: use {', '.join(SEVERITIES)}")
    published = check_published(published)
    gazette_id = _gazette_id(gazette, path)
    marks = read_gazette(path, published=published)
    rule = opposition_rule(j)
    kept: IndexFile | None = None
    if index is None:  # the register's own index: the pool's workers read it from its file
        index = build_index(db)
        found_file = kept_index_file(db) if len(marks) > serial_up_to else None
        kept = IndexFile(*found_file) if found_file is not None else None
    hits = screen_marks(
        marks,
        j,
        index=index,
        index_file=kept,
        min_severity=min_severity,
        lang=lang,
        progress=progress,
        workers=workers,
        serial_up_to=serial_up_to,
    )
    found = [
        TrademarkFinding(
            id=0,
            gazette=gazette_id,
            jurisdiction=j,
            published=m.published,
            application_no=m.application_no,
            mark=m.mark,
            classes=m.classes,
            applicant=m.applicant,
            gi_id=hit.gi_id,
            name=hit.name,
            kind=hit.kind,
            severity=hit.severity,
            reason=hit.reason,
            legal_basis=hit.legal_basis,
            goods=m.goods,
            filing_date=m.filing_date,
            legal_source=hit.legal_source,
            opposition_deadline=rule.deadline(m.published) if rule.known else None,
            found_at=at,
            updated_at=at,
        )
        for m, mark_hits in zip(marks, hits, strict=True)
        for hit in mark_hits
    ]

    def work(conn: Connection) -> tuple[list[TrademarkFinding], int]:
        repo = FindingRepository(conn)
        stored: list[TrademarkFinding] = []
        added = 0
        for f in found:
            known = repo.find(f.gazette, f.jurisdiction, f.application_no, f.gi_id)
            if known is not None:  # found by an earlier scan of this gazette: kept as staff left it
                stored.append(known)
                continue
            new = replace(f, id=repo.add(f))
            note = f"found in gazette {f.gazette} ({f.jurisdiction}, published {f.published}): {f.severity}"
            repo.record(FindingChange(new.id, at, who, None, "new", note))
            _sync_deadline(conn, new, rule, who=who, at=at, today=today)
            queue_finding(conn, new.to_dict(), at=at)  # sent to subscribers after the commit
            stored.append(new)
            added += 1
        return stored, added

    stored, added = db.transaction(work)
    dates = {m.published for m in marks}
    shown = published or (next(iter(dates)) if len(dates) == 1 else None)
    return GazetteScan(gazette_id, j, shown, len(marks), stored, added, rule)


def _sync_deadline(
    conn: Connection, f: TrademarkFinding, rule: OppositionRule, *, who: str, at: str, today: str
) -> None:
    """The finding's opposition deadline in the deadlines view (key watch/ID): watched while the finding
    is new or reviewed, met once opposed (won, lost), gone when dismissed."""
    deadlines = DeadlineRepository(conn)
    key = f"watch/{f.id}"
    if f.opposition_deadline is None or f.state not in OPEN_STATES | OPPOSED_STATES:
        deadlines.delete(key)
        return
    classes = "; ".join(str(c) for c in f.classes)
    opposed = f.state in OPPOSED_STATES
    d = Deadline(
        key=key,
        kind="opposition",
        title_en=f"Opposition to {f.jurisdiction} trademark application {f.application_no} '{f.mark}' "
        f"(class {classes}) for {f.name} [{f.gi_id}], gazette {f.gazette}",
        title_zh=f"对{f.jurisdiction}商标申请{f.application_no}“{f.mark}”（第{classes}类）提出异议"
        f"（涉及{f.name}），公告期号{f.gazette}",
        due=f.opposition_deadline,
        basis=f"{rule.period} from publication ({f.published}): {rule.basis}",
        source=rule.source,
        confidence=rule.confidence,
        outcome_status="met" if opposed else None,
        outcome_en=f"finding {f.id}: {f.state}" + (f" ({f.note})" if f.note else "") if opposed else None,
        outcome_zh=f"发现{f.id}：{f.state}" if opposed else None,
        outcome_source=f"{STAFF_OUTCOME}{who}: giscope watch set" if opposed else None,
        origin="watch",
    )
    deadlines.upsert(d, at=at, keep_outcome=False)
    deadline_alert(conn, d, at=at, today=today)


def _check_state(state: str | None) -> None:
    if state is not None and state not in FINDING_STATES:
        raise RegisterError(f"unknown state {state!r}; use {', '.join(FINDING_STATES)}")


def list_findings(
    db: Database, *, state: str | None = None, gi_id: str | None = None
) -> list[TrademarkFinding]:
    """Stored findings, the nearest opposition deadline first."""
    _check_state(state)
    with db.read() as conn:
        return FindingRepository(conn).select(state=state, gi_id=gi_id)


def get_finding(db: Database, finding_id: int) -> TrademarkFinding:
    """One stored finding; an unknown id is a user error."""
    with db.read() as conn:
        found = FindingRepository(conn).get(finding_id)
    if found is None:
        raise RegisterError(f"no finding {finding_id}; see `giscope watch list`")
    return found


def finding_history(db: Database, finding_id: int) -> list[FindingChange]:
    with db.read() as conn:
        return FindingRepository(conn).history(finding_id)


def stale_finding(current: TrademarkFinding, history: list[FindingChange], seen: int) -> StaleWriteError:
    who, at = (history[-1].who, history[-1].at) if history else ("", current.updated_at)
    message = say(
        "stale.finding",
        "en",
        record=current.id,
        who=who or say("stale.someone", "en"),
        at=at[:19].replace("T", " "),
        seen=seen,
        now=current.version,
    )
    return StaleWriteError(
        message, record=f"finding {current.id}", changed_by=who, changed_at=at, seen=seen, now=current.version
    )


def set_finding_state(
    db: Database,
    finding_id: int,
    *,
    state: str,
    note: str,
    who: str,
    at: str,
    today: str,
    expected_version: int | None = None,
) -> tuple[TrademarkFinding, list[FindingChange]]:
    """Staff move a finding to another state, saying why; the change goes into its history and its
    opposition deadline follows (watched, met, or gone). With `expected_version` (the version a page
    showed), a finding changed since is refused with a StaleWriteError naming who changed it."""
    authorise(db, who, "editor")
    _check_state(state)
    note = clean_text(note, "--note", multiline=True)
    if not note.strip():
        raise RegisterError("a change needs its --note: why the finding moves to this state")

    def work(conn: Connection) -> tuple[TrademarkFinding, list[FindingChange]]:
        repo = FindingRepository(conn)
        repo.lock(finding_id)
        current = repo.get(finding_id)
        if current is None:
            raise RegisterError(f"no finding {finding_id}; see `giscope watch list`")
        if expected_version is not None and current.version != expected_version:
            raise stale_finding(current, repo.history(finding_id), expected_version)
        repo.set_state(finding_id, state=state, note=note.strip(), at=at, version=current.version)
        repo.record(FindingChange(finding_id, at, who, current.state, state, note.strip()))
        updated = replace(current, state=state, note=note.strip(), updated_at=at, version=current.version + 1)
        _sync_deadline(conn, updated, opposition_rule(current.jurisdiction), who=who, at=at, today=today)
        return updated, repo.history(finding_id)

    return db.transaction(work)
