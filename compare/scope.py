"""Article-by-article scope comparison of agreements (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agreements.model import ScopeDimension, ScopeValue

BASELINE = "trips"
MISSING = ScopeValue("unknown", "不详", "unknown", "no value recorded", None, "unconfirmed")


def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


@dataclass(frozen=True)
class ComparedDimension:
    dimension: ScopeDimension
    values: dict[str, ScopeValue]
    differs: bool

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "key": self.dimension.key,
            "label": self.dimension.label(lang),
            "differs": self.differs,
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
