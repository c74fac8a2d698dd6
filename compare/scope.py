"""Article-by-article scope comparison of agreements (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from agreements.model import ScopeDimension, ScopeValue

BASELINE = "trips"
MISSING = ScopeValue("unknown", "不详", "unknown", "no value recorded", None, "unconfirmed")


def _normal(text: str) -> str:
    """Comparable form of a value; every kind of 'unknown …' is the same unknown."""
    norm = " ".join(text.casefold().split()).rstrip(".")
    return "unknown" if norm.startswith("unknown") else norm


KNOWN, UNCONFIRMED, UNKNOWN = "known", "unconfirmed", "unknown"
DIFFERS, SAME = "differs", "same"


def state(value: ScopeValue) -> str:
    """'unknown' (the sources state nothing), 'unconfirmed' (a position no source read confirms) or
    'known' (a sourced position, whatever its article: a protocol whose text was not found can still
    be described by its parties)."""
    if _normal(value.value_en) in ("unknown", ""):
        return UNKNOWN
    return UNCONFIRMED if value.confidence == "unconfirmed" else KNOWN


def known(value: ScopeValue) -> bool:
    """A value the sources state (not 'unknown', not from knowledge alone)."""
    return state(value) == KNOWN


@dataclass(frozen=True)
class Pair:
    """Two columns on one dimension: 'differs' or 'same' when both positions are known; otherwise
    'unconfirmed' or 'unknown' (the weaker side's state), which is no difference and hides none."""

    a: str
    b: str
    state: str
    open_sides: tuple[str, ...] = ()  # the sides whose position is unknown or unconfirmed

    @property
    def baseline(self) -> bool:
        return BASELINE in (self.a, self.b)

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "state": self.state, "open": list(self.open_sides)}


def compare_pair(a: str, va: ScopeValue, b: str, vb: ScopeValue) -> Pair:
    states = {a: state(va), b: state(vb)}
    if states[a] == states[b] == KNOWN:
        if va.stance and vb.stance:  # worded apart, compared by what they mean
            return Pair(a, b, SAME if va.stance == vb.stance else DIFFERS)
        return Pair(a, b, SAME if _normal(va.value_en) == _normal(vb.value_en) else DIFFERS)
    worst = UNKNOWN if UNKNOWN in states.values() else UNCONFIRMED
    return Pair(a, b, worst, tuple(x for x in (a, b) if states[x] != KNOWN))


@dataclass(frozen=True)
class ComparedDimension:
    dimension: ScopeDimension
    values: dict[str, ScopeValue]
    pairs: tuple[Pair, ...] = ()

    @property
    def contrasts(self) -> list[Pair]:
        """The pairs (each agreement against each other and against the baseline) whose known
        positions differ."""
        return [p for p in self.pairs if p.state == DIFFERS]

    @property
    def differs(self) -> bool:
        """Two of the agreements compared (not the baseline) state known, different positions; a side
        whose position is unknown or unconfirmed is no difference."""
        return any(not p.baseline for p in self.contrasts)

    @property
    def key_difference(self) -> bool:
        """A known contrast in some pair, the TRIPS baseline included: a difference a negotiator can
        rely on, not a gap in the sources."""
        return bool(self.contrasts)

    def columns_in(self, wanted: str) -> list[str]:
        """The columns whose position is in the state `wanted` (known, unconfirmed, unknown)."""
        return [a for a, v in self.values.items() if state(v) == wanted]

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "key": self.dimension.key,
            "label": self.dimension.label(lang),
            "differs": self.differs,
            "key_difference": self.key_difference,
            "pairs": [p.to_dict() for p in self.pairs],
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
    """Values of each dimension for the given agreements, compared pair by pair (each agreement with
    each other, then with the TRIPS baseline); `differs` counts the agreements' pairs only."""
    columns = list(dict.fromkeys(agreements))
    if include_trips and BASELINE not in columns:
        columns.append(BASELINE)
    out = []
    for d in dimensions:
        values = {a: d.values.get(a, MISSING) for a in columns}
        pairs = tuple(compare_pair(a, values[a], b, values[b]) for a, b in combinations(columns, 2))
        out.append(ComparedDimension(d, values, pairs))
    return Comparison(tuple(columns), tuple(out))


# ---------------------------------------------------------------------------------------------
# key differences first: one classification for the comparison brief and the Compare page
# ---------------------------------------------------------------------------------------------


def _stated_apart(d: ComparedDimension) -> bool:
    """Two of the agreements (not the baseline) state different positions, one of them unconfirmed."""
    for p in d.pairs:
        if p.baseline or p.state != UNCONFIRMED:
            continue
        va, vb = d.values[p.a], d.values[p.b]
        if va.stance and vb.stance:
            if va.stance != vb.stance:
                return True
        elif _normal(va.value_en) != _normal(vb.value_en):
            return True
    return False


@dataclass(frozen=True)
class DifferenceGroups:
    """The dimensions of a comparison, sorted the way the comparison brief leads: key differences (a
    known contrast between two agreements, then an agreement against the TRIPS baseline only), other
    differences (stated positions that differ where one rests on no confirmed source), the dimensions
    that differ only because an agreement's position is unknown, and those the agreements share."""

    among: tuple[ComparedDimension, ...]
    from_baseline: tuple[ComparedDimension, ...]
    other: tuple[ComparedDimension, ...]
    unknown_only: tuple[ComparedDimension, ...]
    same: tuple[ComparedDimension, ...]

    @property
    def key(self) -> tuple[ComparedDimension, ...]:
        """The key differences in the brief's order: among the agreements, then from the baseline."""
        return self.among + self.from_baseline

    def kind_of(self, key: str) -> str:
        """'key', 'other', 'unknown-only' or 'same' for a dimension key."""
        for kind, dims in (
            ("key", self.key),
            ("other", self.other),
            ("unknown-only", self.unknown_only),
            ("same", self.same),
        ):
            if any(d.dimension.key == key for d in dims):
                return kind
        raise KeyError(key)


def unknown_sides(d: ComparedDimension) -> list[str]:
    """The agreements (not the baseline) whose position on this dimension is unknown."""
    return [a for a in d.columns_in(UNKNOWN) if a != BASELINE]


def difference_groups(comparison: Comparison) -> DifferenceGroups:
    """Classify each dimension of a comparison (made with the TRIPS baseline, as the brief makes it)."""
    keyed = comparison.key_differences
    rest = [d for d in comparison.dimensions if not d.key_difference]
    other = [d for d in rest if _stated_apart(d)]
    unknown_only = [d for d in rest if not _stated_apart(d) and unknown_sides(d)]
    placed = {d.dimension.key for d in (*other, *unknown_only)}
    return DifferenceGroups(
        among=tuple(d for d in keyed if d.differs),
        from_baseline=tuple(d for d in keyed if not d.differs),
        other=tuple(other),
        unknown_only=tuple(unknown_only),
        same=tuple(d for d in rest if d.dimension.key not in placed),
    )
