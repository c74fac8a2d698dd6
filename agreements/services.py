"""Agreement services: the bundled agreement records and the overview of lists per agreement."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from agreements.model import (
    Agreement,
    AgreementEvent,
    Alert,
    Annex,
    Case,
    Deadline,
    Fact,
    ListCount,
    Profile,
    ProfileField,
    ScopeDimension,
    ScopeValue,
)
from agreements.repository import AgreementRepository
from compare.scope import Comparison
from config import REFERENCE_DIR


def load_bundled_agreements(reference_dir: Path = REFERENCE_DIR) -> list[Agreement]:
    """agreements.json plus the dated China–EU events of annex_events.csv."""
    data = json.loads((reference_dir / "agreements.json").read_text(encoding="utf-8"))
    events: list[AgreementEvent] = []
    with open(reference_dir / "annex_events.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            events.append(
                AgreementEvent(
                    agreement_id="china-eu",
                    date=row["date"],
                    event=row["event"],
                    annexes=tuple(a for a in row["annex"].split(";") if a),
                    parties=tuple(p for p in row["party"].split(";") if p),
                    count=int(row["count"]) if row["count"] else None,
                    source=row["source"],
                    confidence=row["confidence"],
                )
            )
    out = []
    for item in data["agreements"]:
        out.append(
            Agreement(
                id=item["id"],
                title_en=item["title_en"],
                title_zh=item["title_zh"],
                kind=item["kind"],
                parties=tuple(item["parties"]),
                signed=item.get("signed"),
                in_force=item.get("in_force"),
                note_en=item.get("note_en"),
                note_zh=item.get("note_zh"),
                source=item.get("source"),
                confidence=item["confidence"],
                extra=item.get("extra") or {},
                annexes=tuple(
                    Annex(agreement_id=item["id"], **{k: v for k, v in annex.items()})
                    for annex in item["annexes"]
                ),
                events=tuple(e for e in events if e.agreement_id == item["id"]),
            )
        )
    return out


@dataclass(frozen=True)
class AgreementOverview:
    agreement: Agreement
    lists: tuple[ListCount, ...]

    @property
    def total(self) -> int:
        return sum(lc.total for lc in self.lists)


def overview(conn: Connection) -> list[AgreementOverview]:
    """Each agreement with the number of GIs per list (annex), split by status."""
    repo = AgreementRepository(conn)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for agreement_id, annex_code, status, n in repo.list_counts():
        counts[(agreement_id, annex_code)][status] = n
    out = []
    for agreement in repo.all():
        lists = []
        for annex in agreement.annexes:
            if not annex.holds_names:
                continue
            by_status = counts.get((agreement.id, annex.code), {})
            lists.append(
                ListCount(
                    agreement.id, annex.code, sum(by_status.values()), dict(by_status), annex.expected_count
                )
            )
        extra = counts.get((agreement.id, ""), {})
        if extra or not agreement.annexes:
            lists.append(ListCount(agreement.id, None, sum(extra.values()), dict(extra), None))
        out.append(AgreementOverview(agreement, tuple(lists)))
    return out


# ---------------------------------------------------------------------------------------------
# Profiles, scope, deadlines, alerts
# ---------------------------------------------------------------------------------------------


class AgreementError(Exception):
    """A request about agreements or profiles that cannot be answered; the message is for a person."""


PROFILE_JURISDICTIONS = ("CN", "EU", "FR", "TH")


def load_bundled_profiles(reference_dir: Path = REFERENCE_DIR) -> list[Profile]:
    data = json.loads((reference_dir / "profiles.json").read_text(encoding="utf-8"))
    labels = {f["key"]: f for f in data["fields"]}
    out = []
    for j, item in data["jurisdictions"].items():
        fields = []
        for key, meta in labels.items():
            v = item["values"][key]
            fact = Fact(v["value_en"], v["value_zh"], v.get("source"), v["confidence"])
            fields.append(ProfileField(key, meta["label_en"], meta["label_zh"], fact))
        cases = tuple(
            Case(
                c["name"],
                c.get("court"),
                c.get("date"),
                c["point_en"],
                c["point_zh"],
                c.get("source"),
                c["confidence"],
            )
            for c in item.get("cases", [])
        )
        out.append(Profile(j, item["name_en"], item["name_zh"], tuple(fields), cases))
    return out


def load_bundled_scope(reference_dir: Path = REFERENCE_DIR) -> list[ScopeDimension]:
    data = json.loads((reference_dir / "scope.json").read_text(encoding="utf-8"))
    out = []
    for d in data["dimensions"]:
        values = {
            a: ScopeValue(
                v["value_en"], v["value_zh"], v["article"], v.get("note"), v.get("source"), v["confidence"]
            )
            for a, v in d["values"].items()
        }
        out.append(ScopeDimension(d["key"], d["label_en"], d["label_zh"], values))
    return out


def load_deadline_rules(reference_dir: Path = REFERENCE_DIR) -> dict[str, Any]:
    return dict(json.loads((reference_dir / "deadlines.json").read_text(encoding="utf-8")))


def _add_years(date: str, years: int) -> str:
    d = dt.date.fromisoformat(date)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def add_period(date: str, *, months: int = 0, days: int = 0) -> str:
    d = dt.date.fromisoformat(date)
    if months:
        month = d.month - 1 + months
        year = d.year + month // 12
        month = month % 12 + 1
        import calendar

        d = d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))
    return (d + dt.timedelta(days=days)).isoformat()


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
        while due <= horizon:
            n += 1
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
                    outcome_en="No record of the review was found in the sources." if due < today else None,
                    outcome_zh="资料中未见该次审议的记录。" if due < today else None,
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


def sync_reference(
    conn: Connection, *, who: str, at: str, overwrite_profiles: bool, today: str
) -> dict[str, int]:
    """Write the bundled agreement records, scope comparison, profiles and deadlines."""
    from agreements.repository import DeadlineRepository, ProfileRepository, ScopeRepository

    agreements = load_bundled_agreements()
    AgreementRepository(conn).replace_all(agreements)
    scope_changed = ScopeRepository(conn).replace_all(load_bundled_scope())
    profiles = ProfileRepository(conn)
    fields = sum(
        profiles.save_profile(p, at=at, who=who, overwrite=overwrite_profiles)
        for p in load_bundled_profiles()
    )
    deadlines = DeadlineRepository(conn)
    written = sum(
        deadlines.upsert(d, at=at) for d in computed_deadlines(agreements, load_deadline_rules(), today)
    )
    return {"scope": int(scope_changed), "profile_fields": fields, "deadlines": written}


def get_profile(conn: Connection, jurisdiction: str) -> Profile:
    from agreements.repository import ProfileRepository

    j = (jurisdiction or "").upper()
    profile = ProfileRepository(conn).get(j)
    if profile is None:
        raise AgreementError(f"no profile for {jurisdiction!r}; known: {', '.join(PROFILE_JURISDICTIONS)}")
    return profile


STALE_EN = "[to be updated: the Chinese text was revised on {date}] "
STALE_ZH = "【待更新：英文内容已于{date}修订】"


def _strip_stale(text: str) -> str:
    import re

    return re.sub(r"^(\[to be updated: [^\]]*\] |【待更新：[^】]*】)", "", text)


def edit_profile(
    conn: Connection,
    jurisdiction: str,
    key: str,
    *,
    who: str,
    reason: str,
    value_en: str | None = None,
    value_zh: str | None = None,
    source: str | None = None,
    confidence: str | None = None,
    at: str | None = None,
) -> list[str]:
    """Staff edit of one profile field; returns the parts changed (each recorded in the history)."""
    from agreements.repository import ProfileRepository

    profile = get_profile(conn, jurisdiction)
    current = profile.field(key)
    if current is None:
        keys = ", ".join(f.key for f in profile.fields)
        raise AgreementError(f"{profile.jurisdiction} has no field {key!r}; fields: {keys}")
    if confidence is not None and confidence not in ("high", "medium", "low", "unconfirmed"):
        raise AgreementError(f"confidence must be high, medium, low or unconfirmed, not {confidence!r}")
    if not reason.strip():
        raise AgreementError("say why the field changes (a reason is required)")
    for label, value in (("value", value_en), ("value", value_zh), ("source", source)):
        if value is not None and not value.strip():
            raise AgreementError(f"the new {label} is empty")
    changed_source = source is not None or value_en is not None or value_zh is not None
    if changed_source and source is None:
        raise AgreementError("a changed value needs its source")
    stamp = at or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    new_en = value_en if value_en is not None else current.fact.value_en
    new_zh = value_zh if value_zh is not None else current.fact.value_zh
    # one language edited: the other no longer matches the new source, so say so in it
    if value_en is not None and value_zh is None and value_en != current.fact.value_en:
        new_zh = f"{STALE_ZH.format(date=stamp[:10])}{_strip_stale(current.fact.value_zh)}"
    if value_zh is not None and value_en is None and value_zh != current.fact.value_zh:
        new_en = f"{STALE_EN.format(date=stamp[:10])}{_strip_stale(current.fact.value_en)}"
    if confidence is None and changed_source:
        confidence = "unconfirmed"  # a new value is unconfirmed until someone says how sure it is
    fact = Fact(
        new_en,
        new_zh,
        source if source is not None else current.fact.source,
        confidence if confidence is not None else current.fact.confidence,
    )
    return ProfileRepository(conn).update_field(
        profile.jurisdiction, key, fact, at=stamp, who=who, reason=reason
    )


def compare_agreements(conn: Connection, ids: list[str], *, include_trips: bool = False) -> Comparison:
    from agreements.repository import ScopeRepository
    from compare.scope import compare_scope

    known = AgreementRepository(conn).ids()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise AgreementError(f"unknown agreement {', '.join(map(repr, unknown))}; known: {', '.join(known)}")
    if len(set(ids)) < 2 and not include_trips:
        raise AgreementError("compare needs two agreements or more (or --include trips)")
    return compare_scope(ScopeRepository(conn).all(), ids, include_trips=include_trips)


def list_deadlines(conn: Connection, *, today: str, within: int | None = None) -> list[Deadline]:
    """Every deadline; with `within`, those due in the next DAYS days and those overdue."""
    from agreements.repository import DeadlineRepository

    items = DeadlineRepository(conn).all()
    if within is None:
        return items
    limit = add_period(today, days=within)
    return [d for d in items if d.due <= limit and d.state(today) != "met" or today <= d.due <= limit]


def record_objection_window(
    conn: Connection, *, agreement_id: str, annex: str | None, published: str, side: str, batch: str, at: str
) -> Deadline:
    """The objection window of a batch published by `side`, from that side's law."""
    from agreements.repository import DeadlineRepository

    rules = load_deadline_rules()["objection_periods"]
    rule = rules.get(side)
    if rule is None:
        raise AgreementError(f"no objection period known for {side}")
    due = add_period(published, months=rule.get("months", 0), days=rule.get("days", 0))
    where = f"Annex {annex} of {agreement_id}" if annex else agreement_id
    deadline = Deadline(
        key=f"{agreement_id}/{annex or '-'}/objection-{published}",
        kind="objection-window",
        agreement_id=agreement_id,
        annex=annex,
        due=due,
        title_en=f"Objections to the batch {batch} ({where}) published {published} by {side}",
        title_zh=f"对{side}于{published}公布的批次 {batch}（{where}）提出异议",
        basis=rule["basis"],
        source=rule["source"],
        confidence=rule["confidence"],
        origin="batch",
    )
    DeadlineRepository(conn).upsert(deadline, at=at)
    return deadline


def set_deadline_outcome(
    conn: Connection, key: str, *, status: str, note: str, source: str, who: str, at: str
) -> Deadline:
    from agreements.repository import STAFF_OUTCOME, DeadlineRepository

    repo = DeadlineRepository(conn)
    current = repo.get(key)
    if current is None:
        raise AgreementError(f"no deadline {key!r}; see `giscope deadlines`")
    if status not in ("met", "missed", "reported"):
        raise AgreementError("outcome status must be met, missed or reported")
    if not source.strip():
        raise AgreementError("an outcome needs its --source")
    from dataclasses import replace as _replace

    updated = _replace(
        current,
        outcome_status=status,
        outcome_en=note,
        outcome_zh=note,
        outcome_source=f"{STAFF_OUTCOME}{who}: {source}",
    )
    repo.upsert(updated, at=at, keep_outcome=False)
    deadline_alert(conn, updated, at=at, today=at[:10])
    return updated


def deadline_alert(conn: Connection, d: Deadline, *, at: str, today: str) -> bool:
    """An alert when a deadline becomes due or overdue (once per deadline and state)."""
    from agreements.repository import AlertRepository

    state = d.state(today)
    if state not in ("due", "overdue"):
        return False
    where = f" ({d.agreement_id}{' Annex ' + d.annex if d.annex else ''})" if d.agreement_id else ""
    return AlertRepository(conn).add(
        key=f"deadline:{d.key}:{state}",
        at=at,
        kind="deadline",
        title=f"{state}: {d.title_en}{where}",
        detail=f"due {d.due}" + (f"; outcome: {d.outcome_en}" if d.outcome_en else ""),
        agreement_id=d.agreement_id,
        annex=d.annex,
        source=d.source,
    )


def refresh_deadline_alerts(conn: Connection, *, today: str, at: str) -> int:
    from agreements.repository import DeadlineRepository

    return sum(deadline_alert(conn, d, at=at, today=today) for d in DeadlineRepository(conn).all())


def list_alerts(conn: Connection, *, since: str | None = None) -> list[Alert]:
    from agreements.repository import AlertRepository

    return AlertRepository(conn).since(since)
