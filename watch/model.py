"""Deadlines and alerts (pure): the agreements' time limits with their state, and the alert feed."""

from __future__ import annotations

from dataclasses import dataclass

from wording import deadline_state

DUE_WINDOW_DAYS = 30
# Outcome statuses of a deadline: met, missed, reported (an outcome is reported but no official act
# confirms it) and unknown (the date passed and no record of an outcome was found).
OUTCOME_STATUSES = ("met", "missed", "reported", "unknown")
# A past deadline whose outcome is reported or unknown is not overdue: nothing shows it was missed.
PASSED_STATES = {"reported": "passed-reported", "unknown": "passed-unknown"}


def add_period(date: str, *, months: int = 0, days: int = 0) -> str:
    """`date` plus some months, then some days. A period in months ends on the day with the same number
    in the last month, or on that month's last day where it has no such day (30 Nov + 3 months = 28 or
    29 Feb; 31 Dec + 2 months = 28 or 29 Feb): the rule of PRC Civil Code Art. 202, EU Delegated Reg.
    2018/625 Art. 68(1)(c) and French civil procedure alike. Days count from the day after `date`."""
    import calendar
    import datetime as dt

    d = dt.date.fromisoformat(date)
    if months:
        month = d.month - 1 + months
        year = d.year + month // 12
        month = month % 12 + 1
        d = d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))
    return (d + dt.timedelta(days=days)).isoformat()


def days_between(start: str, end: str) -> int:
    """Days from `start` to `end` (ISO dates); negative when `end` is earlier."""
    import datetime as dt

    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


@dataclass(frozen=True)
class Deadline:
    key: str
    kind: str
    title_en: str
    title_zh: str
    due: str
    agreement_id: str | None = None
    annex: str | None = None
    basis: str | None = None
    source: str | None = None
    confidence: str = "unconfirmed"
    outcome_status: str | None = None
    outcome_en: str | None = None
    outcome_zh: str | None = None
    outcome_source: str | None = None
    origin: str = "computed"

    def state(self, today: str) -> str:
        """met; once past, passed-reported (an outcome reported, unverified), passed-unknown (no record
        of the outcome) or overdue (no outcome, or missed); before that due (within 30 days) or upcoming."""
        import datetime as dt

        if self.outcome_status == "met":
            return "met"
        if self.due < today:
            return PASSED_STATES.get(self.outcome_status or "", "overdue")
        limit = (dt.date.fromisoformat(today) + dt.timedelta(days=DUE_WINDOW_DAYS)).isoformat()
        return "due" if self.due <= limit else "upcoming"

    def title(self, lang: str = "en") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def to_dict(self, today: str) -> dict[str, object]:
        return {
            "key": self.key,
            "kind": self.kind,
            "title": self.title_en,
            "title_zh": self.title_zh,
            "due": self.due,
            "state": self.state(today),
            "state_text": deadline_state(self.state(today), "en"),
            "state_text_zh": deadline_state(self.state(today), "zh"),
            "agreement": self.agreement_id,
            "annex": self.annex,
            "basis": self.basis,
            "source": self.source,
            "confidence": self.confidence,
            "outcome_status": self.outcome_status,
            "outcome": self.outcome_en,
            "outcome_zh": self.outcome_zh,
            "outcome_source": self.outcome_source,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Alert:
    id: int
    key: str
    at: str
    kind: str
    title: str
    detail: str | None = None
    agreement_id: str | None = None
    annex: str | None = None
    gi_id: str | None = None
    batch_id: int | None = None
    source: str | None = None
    delivered_at: str | None = None
    delivery_error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at,
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "agreement": self.agreement_id,
            "annex": self.annex,
            "gi_id": self.gi_id,
            "batch_id": self.batch_id,
            "source": self.source,
            "delivered_at": self.delivered_at,
        }


@dataclass(frozen=True)
class Subscription:
    """A producer group or exporter asking to be told of new trademark findings against one GI."""

    id: int
    gi_id: str
    channel: str  # email, webhook
    address: str
    created_at: str
    created_by: str
    pending: int = 0  # messages not yet delivered
    last_error: str | None = None

    @property
    def shown_address(self) -> str:
        """The address as it may be printed: a webhook by its scheme and host only (its path and query
        hold its token), an e-mail address whole."""
        from outbound import redact

        return redact(self.address) if self.channel == "webhook" else self.address

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "gi_id": self.gi_id,
            "channel": self.channel,
            "address": self.shown_address,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "pending": self.pending,
            "last_error": self.last_error,
        }


@dataclass(frozen=True)
class PushDelivery:
    """One message to send: a finding (as JSON, fixed when it was stored) to one subscription."""

    id: int
    subscription_id: int
    channel: str
    address: str
    finding_id: int
    payload: str
    attempts: int
