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
