"""Agreements, their annexes and dated procedural events (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from wording import DOUBTFUL


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


# ---------------------------------------------------------------------------------------------
# Jurisdiction profiles and scope comparison
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One sourced statement in English and Chinese."""

    value_en: str
    value_zh: str
    source: str | None
    confidence: str

    def text(self, lang: str = "en") -> str:
        return self.value_zh if lang == "zh" else self.value_en

    @property
    def doubtful(self) -> bool:
        return self.confidence in DOUBTFUL


@dataclass(frozen=True)
class ProfileField:
    key: str
    label_en: str
    label_zh: str
    fact: Fact
    updated_at: str | None = None
    updated_by: str | None = None
    version: int = 1  # raised by every change: a write based on an older version is refused

    def label(self, lang: str = "en") -> str:
        return self.label_zh if lang == "zh" else self.label_en


@dataclass(frozen=True)
class Case:
    name: str
    court: str | None
    date: str | None
    point_en: str
    point_zh: str
    source: str | None
    confidence: str
    court_zh: str | None = None  # the case, court and date as a Chinese brief names them
    date_zh: str | None = None
    name_zh: str | None = None

    def point(self, lang: str = "en") -> str:
        return self.point_zh if lang == "zh" else self.point_en

    def name_in(self, lang: str = "en") -> str:
        return (self.name_zh or self.name) if lang == "zh" else self.name

    def court_in(self, lang: str = "en") -> str | None:
        return (self.court_zh or self.court) if lang == "zh" else self.court

    def date_in(self, lang: str = "en") -> str | None:
        return (self.date_zh or self.date) if lang == "zh" else self.date


@dataclass(frozen=True)
class Profile:
    jurisdiction: str
    name_en: str
    name_zh: str
    fields: tuple[ProfileField, ...] = ()
    cases: tuple[Case, ...] = ()

    def field(self, key: str) -> ProfileField | None:
        return next((f for f in self.fields if f.key == key), None)

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        def fact(f: ProfileField) -> dict[str, object]:
            data: dict[str, object] = {
                "key": f.key,
                "source": f.fact.source,
                "confidence": f.fact.confidence,
                "unconfirmed": f.fact.doubtful,
            }
            if lang in (None, "en"):
                data.update(label_en=f.label_en, value_en=f.fact.value_en)
            if lang in (None, "zh"):
                data.update(label_zh=f.label_zh, value_zh=f.fact.value_zh)
            return data

        return {
            "jurisdiction": self.jurisdiction,
            "name": self.name(lang or "en"),
            "name_en": self.name_en,
            "name_zh": self.name_zh,
            "fields": [fact(f) for f in self.fields],
            "cases": [
                {
                    "name": c.name,
                    "court": c.court,
                    "date": c.date,
                    "point": c.point(lang or "en"),
                    "source": c.source,
                    "confidence": c.confidence,
                }
                for c in self.cases
            ],
        }


@dataclass(frozen=True)
class ScopeValue:
    value_en: str
    value_zh: str
    article: str
    note: str | None
    source: str | None
    confidence: str
    article_zh: str | None = None  # the article and note as a Chinese brief cites them
    note_zh: str | None = None
    stance: str | None = None  # a key for the substance: values worded apart but meaning the same share it

    def value(self, lang: str = "en") -> str:
        return self.value_zh if lang == "zh" else self.value_en

    def article_in(self, lang: str = "en") -> str:
        return (self.article_zh or self.article) if lang == "zh" else self.article

    def note_in(self, lang: str = "en") -> str | None:
        return (self.note_zh or self.note) if lang == "zh" else self.note


@dataclass(frozen=True)
class ScopeDimension:
    key: str
    label_en: str
    label_zh: str
    values: dict[str, ScopeValue] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: str = "en") -> str:
        return self.label_zh if lang == "zh" else self.label_en
