"""Validated list entries and the list they go to (pure): what importers produce and batches apply.

Also the facts about origins that every importer checks: which countries belong to which party, and
the language a single-country name is written in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agreements.model import Agreement, Annex
from gi_lists.model import Name, Protection
from names.normalise import script_of

# Language of a single-country name from its origin (for the name's `lang`).
COUNTRY_LANGUAGE = {
    "AT": "de",
    "BE": None,
    "BG": "bg",
    "CN": "zh",
    "CY": "el",
    "CZ": "cs",
    "DE": "de",
    "DK": "da",
    "ES": "es",
    "FI": "fi",
    "FR": "fr",
    "GR": "el",
    "HR": "hr",
    "HU": "hu",
    "IE": "en",
    "IT": "it",
    "LT": "lt",
    "NL": "nl",
    "PL": "pl",
    "PT": "pt",
    "RO": "ro",
    "SE": "sv",
    "SI": "sl",
    "SK": "sk",
    "TH": "th",
}


EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
PARTY_COUNTRIES: dict[str, frozenset[str]] = {
    "CN": frozenset({"CN"}),
    "EU": EU_MEMBER_STATES,
    "FR": frozenset({"FR"}),
    "TH": frozenset({"TH"}),
}


HOME_SOURCE = (
    "Home protection, inferred: a GI listed or registered abroad under China's agreements was registered "
    "first under the law of its country of origin (China–EU Agreement Art. 2 with Annexes I and II for the "
    "annexed names: each side's names went through its own registration and objection procedure; TRIPS "
    "Art. 24(9): no obligation to protect a GI not protected in its country of origin). The home "
    "registration's date and file number are not recorded here. Sources: EU–China GI Agreement, OJ L 408I, "
    "4.12.2020, p. 3, Art. 2 (https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02020A1204%2801%29"
    "-20201204); TRIPS Agreement Art. 24(9) (http://law-ref.org/TRIPS/article24.html)."
)


def home_jurisdictions(origin: str) -> list[str]:
    """Where a GI of this origin is protected at home, of the jurisdictions GIScope tracks: CN, TH, the
    EU for an EU member state (and FR for France)."""
    countries = set(origin.split(";"))
    out = [j for j in ("CN", "TH") if countries == {j}]
    if countries and countries <= EU_MEMBER_STATES:
        out.append("EU")
        if "FR" in countries:
            out.append("FR")
    return out


def origin_belongs_to(origin: str, party: str) -> bool:
    countries = PARTY_COUNTRIES.get(party, frozenset({party}))
    return all(c in countries for c in origin.split(";"))


@dataclass(frozen=True)
class Entry:
    """One validated list entry: a GI's names and facts, and the protection the list gives it."""

    line: int
    names: tuple[Name, ...]
    product_class: str
    origin: str
    region: str | None
    protection: Protection
    # Which optional facts the row gave (absent ones leave stored values alone).
    given: frozenset[str] = field(default_factory=frozenset)

    @property
    def primary(self) -> Name:
        return self.names[0]


@dataclass(frozen=True)
class ListTarget:
    """Where a batch goes: an agreement list (annex, or the whole arrangement) or a national register."""

    jurisdiction: str | None  # None: decided per row from the origin (bilateral arrangements)
    route: str
    agreement: str | None
    annex: str | None
    default_status: str
    default_since: str | None
    parties: tuple[str, ...] = ()
    names_from: str | None = None  # an annex lists one party's names: origins must belong to it

    @property
    def key(self) -> str:
        """'china-eu/IV', 'china-france' or 'register/CN'."""
        if self.route == "agreement":
            return f"{self.agreement}/{self.annex}"
        if self.agreement:
            return self.agreement
        return f"register/{self.jurisdiction}"

    @classmethod
    def for_annex(cls, agreement: Agreement, annex: Annex) -> ListTarget:
        """The list of one annex of an agreement (its names protected where the annex says)."""
        return cls(
            annex.protected_in,
            "agreement",
            agreement.id,
            annex.code,
            annex.default_status or "listed",
            annex.default_since,
            agreement.parties,
            annex.names_from,
        )

    def jurisdiction_for(self, origin: str) -> str | None:
        if self.jurisdiction:
            return self.jurisdiction
        countries = set(origin.split(";"))
        others = [p for p in self.parties if p not in countries]
        if len(others) == 1 and len(others) < len(self.parties):
            return others[0]
        return None


def name_forms_from(
    text: str, kind: str, lang: str | None = None, *, split_variants: bool = False
) -> list[Name]:
    parts = [p.strip() for p in text.split(" / ")] if split_variants else [text.strip()]
    out = []
    for part in parts:
        if part:
            script = script_of(part)
            out.append(Name(part, kind, lang, script))
    return out


def dedupe(names: Iterable[Name]) -> tuple[Name, ...]:
    seen: dict[tuple[str, str], Name] = {}
    for n in names:
        seen.setdefault((n.text, n.kind), n)
    return tuple(seen.values())


def origin_language(origin: str) -> str | None:
    countries = origin.split(";")
    return COUNTRY_LANGUAGE.get(countries[0]) if len(countries) == 1 else None
