"""Validated list entries and the list they go to (pure): what importers produce and batches apply.

Also the facts about origins that every importer checks: which countries belong to which party, and
the language a single-country name is written in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agreements.model import Agreement, Annex
from gi_lists.model import Name, Protection, class_key, same_class
from names.normalise import compact, first_form, fold_latin, script_of, slug
from wording import HOME_SOURCE_START

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
    f"{HOME_SOURCE_START}: a GI listed or registered abroad under China's agreements was registered "
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


CATCH_ALL_CLASSES = frozenset({"other products", "other"})
# Classes that name one kind of goods for telling GIs apart (an annex may file a name under fresh meat
# that the EU register files under meat products).
GOODS_FAMILIES = {"fresh meat": "meat", "meat products": "meat"}
IDENTITY_KINDS = ("original", "transcription", "official-rendering")


def origins_overlap(a: str, b: str) -> bool:
    return bool(set(a.split(";")) & set(b.split(";")))


def same_goods(stored: str, given: str) -> bool:
    """A name is one GI per kind of goods: Toscano the wine and Toscano the olive oil are two GIs. A
    class the list leaves empty, or a catch-all class ('Other products (spices etc.)', where the EU
    register puts tea and coffee) or one marked unverified, does not split a GI."""
    if not stored or not given or "unverified" in stored or "unverified" in given:
        return True
    a, b = class_key(stored), class_key(given)
    if a in CATCH_ALL_CLASSES or b in CATCH_ALL_CLASSES:
        return True
    family = GOODS_FAMILIES.get(a.split(" (")[0], a), GOODS_FAMILIES.get(b.split(" (")[0], b)
    return family[0] == family[1] or same_class(stored, given)


def identity_keys(names: Iterable[Name]) -> list[str]:
    """The keys a GI is recognised by across lists: its written names folded (case, accents, script).
    A transcription counts only for a name with no original in its own script: 勒夷红茶 and 勒义红茶 are
    two GIs though both are 'Lei Yi Hong Cha'."""
    names = list(names)
    native = any(
        n.kind == "original" and (n.script or script_of(n.text)) not in ("Latn", "Zyyy") for n in names
    )
    keys: list[str] = []
    for n in names:
        if n.kind in IDENTITY_KINDS and not (native and n.kind == "transcription"):
            key = compact(first_form(n.text))
            if key not in keys:
                keys.append(key)
    return keys


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
    # False for a list whose classes are coarser than the GI's (a register's catch-all class): its row
    # never changes the class of a GI it matches.
    sets_class: bool = True
    gi_id: str | None = None  # the GI an export's `id` cell names (checked against the register)

    @property
    def primary(self) -> Name:
        return self.names[0]


class EntryMatcher:
    """Entries of several lists that speak of one GI, found by the rule batches use: a shared name, an
    overlapping origin, the same kind of goods (pure: no database)."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[Entry, object]]] = {}

    def add(self, entry: Entry, value: object) -> None:
        for key in identity_keys(entry.names):
            self._by_key.setdefault(key, []).append((entry, value))

    def find(self, entry: Entry) -> object | None:
        for key in identity_keys(entry.names):
            for other, value in self._by_key.get(key, []):
                if origins_overlap(other.origin, entry.origin) and same_goods(
                    other.product_class, entry.product_class
                ):
                    return value
        return None


@dataclass(frozen=True)
class ReferenceList:
    target: ListTarget
    entries: list[Entry]
    file: str


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


def new_gi_id(entry: Entry, taken: set[str]) -> str:
    """A new GI's id: its origin and its name in Latin letters ('fr-champagne'), numbered if taken."""
    primary = entry.primary
    latin = primary.text if script_of(primary.text) == "Latn" else None
    if latin is None:
        transcriptions = [
            n.text for n in entry.names if n.kind == "transcription" and script_of(n.text) == "Latn"
        ]
        latin = transcriptions[0] if transcriptions else fold_latin(primary.text)
    base = f"{entry.origin.split(';')[0].lower()}-{slug(latin)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
