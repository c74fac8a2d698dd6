"""Article-by-article scope comparison of agreements (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agreements.model import ScopeDimension, ScopeValue

BASELINE = "trips"
MISSING = ScopeValue("unknown", "不详", "unknown", "no value recorded", None, "unconfirmed")


def _normal(text: str) -> str:
    """Comparable form of a value; every kind of 'unknown …' is the same unknown."""
    norm = " ".join(text.casefold().split()).rstrip(".")
    return "unknown" if norm.startswith("unknown") else norm


def known(value: ScopeValue) -> bool:
    """A value the sources state (not 'unknown', not from knowledge alone)."""
    return (
        value.article.strip().lower() != "unknown"
        and _normal(value.value_en) not in ("unknown", "")
        and value.confidence != "unconfirmed"
    )


@dataclass(frozen=True)
class ComparedDimension:
    dimension: ScopeDimension
    values: dict[str, ScopeValue]
    differs: bool

    @property
    def key_difference(self) -> bool:
        """The agreements differ and at least two of them state their position (sourced, not
        unknown): a difference a negotiator can rely on, not a gap in the sources."""
        stated = [v for a, v in self.values.items() if a != BASELINE and known(v)]
        return self.differs and len(stated) >= 2 and len({_normal(v.value_en) for v in stated}) > 1

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "key": self.dimension.key,
            "label": self.dimension.label(lang),
            "differs": self.differs,
            "key_difference": self.key_difference,
            "values": {
                agreement: {
                    "value": v.value(lang),
                    "article": v.article,
                    "note": v.note,
                    "source": v.source,
                    "confidence": v.confidence,
                }
                for agreement, v in self.values.items()
            },
        }


@dataclass(frozen=True)
class Comparison:
    agreements: tuple[str, ...]
    dimensions: tuple[ComparedDimension, ...]

    @property
    def differing(self) -> list[ComparedDimension]:
        return [d for d in self.dimensions if d.differs]

    @property
    def key_differences(self) -> list[ComparedDimension]:
        return [d for d in self.dimensions if d.key_difference]

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {"agreements": list(self.agreements), "dimensions": [d.to_dict(lang) for d in self.dimensions]}


def compare_scope(
    dimensions: Sequence[ScopeDimension], agreements: Sequence[str], *, include_trips: bool = False
) -> Comparison:
    """Values of each dimension for the given agreements; `differs` compares the agreements only
    (the TRIPS baseline column is shown, not counted)."""
    columns = list(dict.fromkeys(agreements))
    if include_trips and BASELINE not in columns:
        columns.append(BASELINE)
    out = []
    for d in dimensions:
        values = {a: d.values.get(a, MISSING) for a in columns}
        compared = {_normal(values[a].value_en) for a in columns if a != BASELINE}
        out.append(ComparedDimension(d, values, len(compared) > 1))
    return Comparison(tuple(columns), tuple(out))
