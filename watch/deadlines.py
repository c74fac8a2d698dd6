"""The agreements' deadlines: computed from their dates (Annex V/VI processing, scope reviews), bundled
(data/reference/deadlines.json), or opened by a published batch (objection windows); their state and
the outcomes staff record."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from accounts.services import authorise
from agreements.model import Agreement
from config import REFERENCE_DIR
from errors import AgreementError
from storage.db import Connection, Database
from validation import clean_text
from watch.alerts import deadline_alert
from watch.model import OUTCOME_STATUSES, Deadline, add_period
from watch.repository import STAFF_OUTCOME, DeadlineRepository
from wording import annex_name, jurisdiction_name


def load_deadline_rules(reference_dir: Path = REFERENCE_DIR) -> dict[str, Any]:
    return dict(json.loads((reference_dir / "deadlines.json").read_text(encoding="utf-8")))


def _add_years(date: str, years: int) -> str:
    d = dt.date.fromisoformat(date)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def computed_deadlines(agreements: list[Agreement], rules: dict[str, Any], today: str) -> list[Deadline]:
    """Deadlines that follow from the agreements' dates: the Annex V/VI processing deadline and the
    scope reviews (first within two years of entry into force, then every two years)."""
    by_id = {a.id: a for a in agreements}
    out: list[Deadline] = []
    p = rules.get("processing")
    agreement = by_id.get(p["agreement"]) if p else None
    if p and agreement and agreement.in_force:
        due = _add_years(agreement.in_force, p["years_after_entry_into_force"])
        annexes = "/".join(p["annexes"])
        out.append(
            Deadline(
                key=f"{agreement.id}/{annexes}/processing",
                kind="processing",
                agreement_id=agreement.id,
                annex=annexes,
                due=due,
                title_en=f"Annex {' and '.join(p['annexes'])} names to be processed "
                "(four years after entry into force)",
                title_zh=f"附录{'、'.join(p['annexes'])}名称处理期限（生效后四年）",
                basis=p["basis"],
                source=p["source"],
                confidence=p["confidence"],
                outcome_status=p.get("outcome_status"),
                outcome_en=p.get("outcome_en"),
                outcome_zh=p.get("outcome_zh"),
                outcome_source=p.get("outcome_source"),
                origin="computed",
            )
        )
    r = rules.get("review")
    agreement = by_id.get(r["agreement"]) if r else None
    if r and agreement and agreement.in_force:
        horizon = _add_years(today, r["every_years"])
        n = 0
        due = _add_years(agreement.in_force, r["first_after_years"])
        outcomes = r.get("outcomes", {})
        while due <= horizon:
            n += 1
            known = outcomes.get(due, {})
            out.append(
                Deadline(
                    key=f"{agreement.id}/review-{n}",
                    kind="review",
                    agreement_id=agreement.id,
                    annex="VII",
                    due=due,
                    title_en=f"Review {n} of progress on extending the scope (Art. 1(2))",
                    title_zh=f"第{n}次扩大保护范围进展审议（第1条第2款）",
                    basis=r["basis"],
                    source=r["source"],
                    confidence=r["confidence"],
                    origin="computed",
                    outcome_status=known.get("outcome_status"),
                    outcome_en=known.get("outcome_en"),
                    outcome_zh=known.get("outcome_zh"),
                    outcome_source=known.get("outcome_source"),
                )
            )
            due = _add_years(due, r["every_years"])
    for s in rules.get("stored", []):
        out.append(
            Deadline(
                key=s["key"],
                kind=s["kind"],
                agreement_id=s.get("agreement"),
                annex=s.get("annex"),
                due=s["due"],
                title_en=s["title_en"],
                title_zh=s["title_zh"],
                basis=s.get("basis"),
                source=s.get("source"),
                confidence=s["confidence"],
                outcome_status=s.get("outcome_status"),
                outcome_en=s.get("outcome_en"),
                outcome_zh=s.get("outcome_zh"),
                outcome_source=s.get("outcome_source"),
                origin="bundled",
            )
        )
    return out


def sync_deadlines(conn: Connection, agreements: list[Agreement], *, today: str, at: str) -> int:
    """Write the computed and bundled deadlines (outcomes staff recorded are kept); how many changed."""
    repo = DeadlineRepository(conn)
    return sum(repo.upsert(d, at=at) for d in computed_deadlines(agreements, load_deadline_rules(), today))


def list_deadlines(db: Database, *, today: str, within: int | None = None) -> list[Deadline]:
    """Every deadline; with `within`, those due in the next DAYS days and those overdue (past with no
    outcome; a past one whose outcome is reported or unknown is not listed)."""
    with db.read() as conn:
        items = DeadlineRepository(conn).all()
    if within is None:
        return items
    limit = add_period(today, days=within)
    return [d for d in items if today <= d.due <= limit or d.due < today and d.state(today) == "overdue"]


def record_objection_window(
    conn: Connection, *, agreement_id: str, annex: str | None, published: str, side: str, batch: str, at: str
) -> Deadline:
    """The objection window of a batch published by `side`, from that side's law."""
    rules = load_deadline_rules()["objection_periods"]
    rule = rules.get(side)
    if rule is None:
        raise AgreementError(f"no objection period known for {side}")
    due = add_period(published, months=rule.get("months", 0), days=rule.get("days", 0))
    where = f"Annex {annex} of {agreement_id}" if annex else agreement_id
    where_zh = annex_name(agreement_id, annex, "zh") if agreement_id.startswith("china-") else agreement_id
    deadline = Deadline(
        key=f"{agreement_id}/{annex or '-'}/objection-{published}",
        kind="objection-window",
        agreement_id=agreement_id,
        annex=annex,
        due=due,
        title_en=f"Objections to the batch {batch} ({where}) published {published} by {side}",
        title_zh=f"对{jurisdiction_name(side, 'zh')}于{published}公布的批次 {batch}（{where_zh}）提出异议",
        basis=rule["basis"],
        source=rule["source"],
        confidence=rule["confidence"],
        origin="batch",
    )
    DeadlineRepository(conn).upsert(deadline, at=at)
    return deadline


def set_deadline_outcome(
    db: Database, key: str, *, status: str, note: str, source: str, who: str, at: str
) -> Deadline:
    """Staff record what happened to a deadline (met, missed, reported, unknown), with its source."""
    authorise(db, who, "editor")
    note = clean_text(note, "--note", multiline=True)
    source = clean_text(source, "--source")

    def work(conn: Connection) -> Deadline:
        repo = DeadlineRepository(conn)
        current = repo.get(key)
        if current is None:
            raise AgreementError(f"no deadline {key!r}; see `giscope deadlines`")
        if status not in OUTCOME_STATUSES:
            raise AgreementError(f"outcome status must be {', '.join(OUTCOME_STATUSES[:-1])} or unknown")
        if not source.strip():
            raise AgreementError("an outcome needs its --source")
        updated = replace(
            current,
            outcome_status=status,
            outcome_en=note,
            outcome_zh=note,
            outcome_source=f"{STAFF_OUTCOME}{who}: {source}",
        )
        repo.upsert(updated, at=at, keep_outcome=False)
        deadline_alert(conn, updated, at=at, today=at[:10])
        return updated

    return db.transaction(work)


def refresh_deadline_alerts(db: Database, *, today: str, at: str) -> int:
    """An alert for every deadline that came due or overdue by `today` (once per deadline and state)."""

    def work(conn: Connection) -> int:
        return sum(deadline_alert(conn, d, at=at, today=today) for d in DeadlineRepository(conn).all())

    return db.transaction(work)
