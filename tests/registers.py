"""Small hand-made registers for the matcher's unit tests: protections and a GI builder."""

from __future__ import annotations

from compare.conflicts import Checker, ConflictIndex, Hit
from gi_lists.model import GI, Name, Protection

CN_IV = Protection("CN", "agreement", "protected", "china-eu", "IV", "2021-03-01", None, "OJ L 408I", "high")
EU_III = Protection(
    "EU", "agreement", "protected", "china-eu", "III", "2021-03-01", None, "OJ L 408I", "high"
)
EU_V = Protection("EU", "agreement", "pending", "china-eu", "V", None, None, "OJ L 408I", "high")
EU_REGISTER = Protection(
    "EU", "national-register", "protected", None, None, None, None, "eAmbrosia", "medium"
)


def make_gi(gi_id: str, names: str | list[tuple[str, str]], cls: str, origin: str, *prots: Protection) -> GI:
    """A GI with one original name (a string) or (text, kind) names, protected as given."""
    pairs = [(names, "original")] if isinstance(names, str) else names
    return GI(gi_id, tuple(Name(t, k) for t, k in pairs), cls, origin, None, tuple(prots))


def hits_by_gi(index: ConflictIndex, label: str, jurisdiction: str, cls: str | None = None) -> dict[str, Hit]:
    """The hits of a label screened in a jurisdiction, by GI id."""
    return {h.gi.id: h for h in Checker(index, jurisdiction).check(label, cls)}
