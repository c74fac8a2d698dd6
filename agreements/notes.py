"""Facts of a jurisdiction's law that concern some GIs only, bundled beside the profiles
(data/reference/profile_notes.csv): a fact about named GIs (the 1989 notice on 香槟 in China), or one
that turns on the goods (Thailand's special tier covers rice, silk, wine and spirits). Each row says
what it concerns, so a brief shows it where it applies without code that names a GI."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from agreements.model import Fact
from citations import cite
from config import REFERENCE_DIR

APPLIES_TO = ("gi", "goods", "other_goods")


@dataclass(frozen=True)
class ProfileNote:
    jurisdiction: str
    applies_to: str  # gi: GI ids or names; goods: words of the product class; other_goods: none of them
    terms: tuple[str, ...]
    fact: Fact

    def concerns(self, gi_id: str, names: tuple[str, ...], product_class: str) -> bool:
        if self.applies_to == "gi":
            wanted = {t.casefold() for t in self.terms}
            return gi_id.casefold() in wanted or any(n.casefold() in wanted for n in names)
        named = any(_names_goods(product_class, term) for term in self.terms)
        return named if self.applies_to == "goods" else not named

    def text(self, lang: str, product_class: str) -> str:
        return self.fact.text(lang).replace("{product}", product_class)


def _names_goods(product_class: str, term: str) -> bool:
    """'Rice wine' names wine; 'Spirits' names spirit; 'Tea' names neither (word starts only)."""
    return re.search(rf"\b{re.escape(term)}", product_class, re.IGNORECASE) is not None


@lru_cache(maxsize=4)
def load_profile_notes(reference_dir: Path = REFERENCE_DIR) -> tuple[ProfileNote, ...]:
    with (reference_dir / "profile_notes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    notes = []
    for row in rows:
        if row["applies_to"] not in APPLIES_TO:
            raise ValueError(f"profile_notes.csv: applies_to must be one of {APPLIES_TO}: {row}")
        terms = tuple(t.strip() for t in row["terms"].split(";") if t.strip())
        fact = Fact(row["value_en"], row["value_zh"], cite(row["source"]), row["confidence"])
        notes.append(ProfileNote(row["jurisdiction"].upper(), row["applies_to"], terms, fact))
    return tuple(notes)


@lru_cache(maxsize=4)
def home_origins(reference_dir: Path = REFERENCE_DIR) -> dict[str, frozenset[str]]:
    """The origins whose GIs are home GIs in each jurisdiction (profiles.json, home_origins)."""
    data = json.loads((reference_dir / "profiles.json").read_text(encoding="utf-8"))
    return {j: frozenset(item.get("home_origins", [j])) for j, item in data["jurisdictions"].items()}
