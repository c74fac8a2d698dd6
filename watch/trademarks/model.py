"""Trademark watch (pure): a gazette's marks, the opposition rule of a jurisdiction, and the findings
staff track."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from watch.model import add_period, days_between

# What staff did with a finding. new and reviewed still wait for a decision: their opposition deadline is
# watched; opposed, won and lost met it; dismissed needs no opposition.
FINDING_STATES = ("new", "reviewed", "opposed", "dismissed", "won", "lost")
OPEN_STATES = frozenset({"new", "reviewed"})
OPPOSED_STATES = frozenset({"opposed", "won", "lost"})
SEVERITIES = ("high", "medium", "low")
MAX_NICE_CLASS = 45


@dataclass(frozen=True)
class GazetteMark:
    """One application of a trademark gazette, as read from its file."""

    line: int
    application_no: str
    mark: str
    classes: tuple[int, ...]
    applicant: str
    published: str
    goods: str | None = None
    filing_date: str | None = None


@dataclass(frozen=True)
class OppositionRule:
    """How long a trademark application can be opposed in a jurisdiction (deadlines.json
    opposition_periods), with its article and source."""

    jurisdiction: str
    basis: str
    source: str | None
    confidence: str
    months: int = 0
    days: int = 0
    basis_zh: str | None = None
    counting: str | None = None

    def deadline(self, published: str) -> str:
        return add_period(published, months=self.months, days=self.days)

    @property
    def period(self) -> str:
        return f"{self.months} months" if self.months else f"{self.days} days"

    @classmethod
    def from_data(cls, jurisdiction: str, data: dict[str, Any] | None) -> OppositionRule:
        """The rule from its data; with none, an unconfirmed rule that gives no deadline."""
        if not data:
            return cls(jurisdiction, "no opposition period known", None, "unconfirmed")
        return cls(
            jurisdiction,
            basis=data["basis"],
            source=data.get("source"),
            confidence=data.get("confidence", "unconfirmed"),
            months=data.get("months", 0),
            days=data.get("days", 0),
            basis_zh=data.get("basis_zh"),
            counting=data.get("counting"),
        )

    @property
    def known(self) -> bool:
        return bool(self.months or self.days)


@dataclass(frozen=True)
class TrademarkFinding:
    """A gazette mark that conflicts with a GI, and what staff did with it."""

    id: int
    gazette: str
    jurisdiction: str
    published: str
    application_no: str
    mark: str
    classes: tuple[int, ...]
    applicant: str
    gi_id: str
    name: str
    kind: str
    severity: str
    reason: str
    legal_basis: str
    state: str = "new"
    goods: str | None = None
    filing_date: str | None = None
    legal_source: str | None = None
    opposition_deadline: str | None = None
    note: str | None = None
    found_at: str = ""
    updated_at: str = ""
    version: int = 1  # raised by every change: a change based on an older version is refused

    def days_left(self, today: str) -> int | None:
        """Days until the opposition deadline (negative once past); None when no deadline is known."""
        return days_between(today, self.opposition_deadline) if self.opposition_deadline else None

    def to_dict(self, today: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "gazette": self.gazette,
            "jurisdiction": self.jurisdiction,
            "published": self.published,
            "application_no": self.application_no,
            "mark": self.mark,
            "classes": list(self.classes),
            "goods": self.goods,
            "applicant": self.applicant,
            "filing_date": self.filing_date,
            "gi_id": self.gi_id,
            "name": self.name,
            "kind": self.kind,
            "severity": self.severity,
            "reason": self.reason,
            "legal_basis": self.legal_basis,
            "legal_source": self.legal_source,
            "opposition_deadline": self.opposition_deadline,
            "state": self.state,
            "note": self.note,
        }
        if today is not None:
            data["days_left"] = self.days_left(today)
        return data


@dataclass(frozen=True)
class FindingChange:
    """One line of a finding's history: who moved it from which state to which, when and why."""

    finding_id: int
    at: str
    who: str
    before: str | None
    after: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "at": self.at,
            "who": self.who,
            "before": self.before,
            "after": self.after,
            "note": self.note,
        }


def at_least(severity: str, minimum: str) -> bool:
    """Is `severity` as severe as `minimum` or more (high > medium > low)?"""
    return SEVERITIES.index(severity) <= SEVERITIES.index(minimum)
