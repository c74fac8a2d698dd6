"""Agreements, their annexes and dated procedural events (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

AGREEMENT_KINDS = ("agreement", "protocol", "MOU")


@dataclass(frozen=True)
class Annex:
    agreement_id: str
    code: str
    meaning_en: str
    meaning_zh: str
    names_from: str | None = None
    protected_in: str | None = None
    default_status: str | None = None
    default_since: str | None = None
    expected_count: int | None = None
    source: str | None = None
    confidence: str = "unconfirmed"

    @property
    def holds_names(self) -> bool:
        return self.protected_in is not None


@dataclass(frozen=True)
class AgreementEvent:
    agreement_id: str
    date: str
    event: str
    annexes: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    count: int | None = None
    source: str | None = None
    confidence: str = "unconfirmed"


@dataclass(frozen=True)
class Agreement:
    id: str
    title_en: str
    title_zh: str
    kind: str
    parties: tuple[str, ...]
    signed: str | None = None
    in_force: str | None = None
    note_en: str | None = None
    note_zh: str | None = None
    source: str | None = None
    confidence: str = "unconfirmed"
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    annexes: tuple[Annex, ...] = ()
    events: tuple[AgreementEvent, ...] = ()

    def annex(self, code: str) -> Annex | None:
        for annex in self.annexes:
            if annex.code == code:
                return annex
        return None

    def title(self, lang: str = "en") -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(frozen=True)
class ListCount:
    """How many GIs one list (an annex, or an agreement's non-annex entries) holds, by status."""

    agreement_id: str
    annex: str | None
    total: int
    by_status: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    expected: int | None = None
