"""The register's vocabulary as frozen dataclasses (pure: no database, no UI).

See DESIGN.md section 2: a GI has typed names and protections; each protection is a route
(agreement + annex, national register or trademark) into one jurisdiction with a status.
Every fact carries a source and a confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from wording import CONFIDENCES  # noqa: F401  (part of the model's vocabulary)

NAME_KINDS = ("original", "transcription", "translation", "traditional", "abbreviation", "official-rendering")
ROUTES = ("agreement", "national-register", "trademark")
# `not-filed` is a name tracked under an arrangement for which no application is known
# (e.g. Thai GIs the DIP planned to file in China); it is never a protection in force.
STATUSES = ("listed", "pending", "in-objection", "protected", "rejected", "withdrawn", "not-filed")
IN_FORCE_STATUSES = frozenset({"protected"})
OPEN_STATUSES = frozenset({"listed", "pending", "in-objection"})
ACTIVE_STATUSES = OPEN_STATUSES | IN_FORCE_STATUSES
JURISDICTIONS = ("CN", "EU", "FR", "TH")
# EU protection applies in every member state; of the jurisdictions we track, France.
JURISDICTION_INCLUDES: dict[str, tuple[str, ...]] = {
    "CN": ("CN",),
    "EU": ("EU",),
    "FR": ("FR", "EU"),
    "TH": ("TH",),
}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def valid_partial_date(text: str) -> bool:
    """True for YYYY, YYYY-MM or a real YYYY-MM-DD date."""
    import datetime

    m = _PARTIAL_DATE.match(text)
    if not m:
        return False
    if m.group(3):
        try:
            datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return False
    return True


def check_jurisdiction(jurisdiction: str | None) -> str:
    """The jurisdiction code in capitals, or a RegisterError naming the known ones."""
    from errors import RegisterError

    j = (jurisdiction or "").upper()
    if j not in JURISDICTIONS:
        raise RegisterError(f"unknown jurisdiction {jurisdiction!r}; known: {', '.join(JURISDICTIONS)}")
    return j


@lru_cache(maxsize=4096)
def class_key(product_class: str | None) -> str:
    """'Rice wine (annex class unverified)' -> 'rice wine'; 'Meat products (cooked, …)' stays whole."""
    from names.normalise import fold_latin

    if not product_class:
        return ""
    text = product_class.strip()
    if text.lower().startswith("meat products"):
        return "meat products"
    return fold_latin(text.split("(")[0])


# what may follow a class's name in a longer name of the same class ('Other products of animal origin',
# 'Pasta, noodles', 'Handicraft (textile)' as the register and the annexes write them)
_CLASS_GOES_ON = frozenset({"of", "and", "or", "products", "noodles", "textile"})


REGISTERS_CLASS = (
    " (the register's class: "  # a GI's class from its product, the register's kept (compare.index)
)


def same_class(a: str | None, b: str | None) -> bool:
    """Two product classes that name the same kind of goods ('Wine' and 'Wine (annex class unverified)',
    'Cheese' and 'Cheeses', 'Pasta' and 'Pasta, noodles'); not 'Wine' and 'Wine glasses'. A class with
    the register's in brackets is either ('Coffee (the register's class: Other products (spices etc.))')."""
    for text, other in ((a, b), (b, a)):
        if text and REGISTERS_CLASS in text:
            own, registers = text.split(REGISTERS_CLASS, 1)
            return _same_class(own, other) or _same_class(registers[:-1], other)
    return _same_class(a, b)


def _same_class(a: str | None, b: str | None) -> bool:
    ka, kb = class_key(a), class_key(b)
    if not (ka and kb):
        return False
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if not long.startswith(short):
        return _listed(a, b)
    rest = long[len(short) :]
    if rest in ("s", "es") or (rest.startswith(" ") and rest.split()[0] in _CLASS_GOES_ON):
        return True
    return _head_key(a) == _head_key(b)  # 'Wine, sparkling', 'Bread, pastry, cakes ...'


_LIST_PARTS = re.compile(r",| and | or ")


def _listed(a: str | None, b: str | None) -> bool:
    """One class is one of the goods another class lists ('Confectionery' in 'Bread, pastry, cakes,
    confectionery, biscuits and other baker's wares', the EU's class 2.4; 'Vegetables' in 'Fresh or
    processed fruit, vegetables and cereals')."""
    for one, listing in ((a, b), (b, a)):
        key = class_key(one)
        text = (listing or "").split("(")[0]
        if key and _LIST_PARTS.search(text):
            parts = {class_key(p) for p in _LIST_PARTS.split(text)}
            if key in parts or key.rstrip("s") in {p.rstrip("s") for p in parts if p}:
                return True
    return False


_HEAD_ENDS = re.compile(r"[,;/:–—]| - ")


def _head_key(product_class: str | None) -> str:
    """The class key of what a class names before its first comma or dash ('Wine, sparkling': wine)."""
    return class_key(_HEAD_ENDS.split((product_class or "").split("(")[0], maxsplit=1)[0])


@lru_cache(maxsize=1024)
def _key_text(key: tuple[str, str, str, str]) -> str:
    return "/".join(part for part in key if part)


def covers(jurisdiction: str, protection_jurisdiction: str) -> bool:
    """Does protection granted in `protection_jurisdiction` apply in `jurisdiction`?"""
    return protection_jurisdiction in JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,))


@dataclass(frozen=True)
class Name:
    text: str
    kind: str
    lang: str | None = None
    script: str | None = None
    source: str | None = None  # a written form's own source (e.g. where a Chinese rendering is given)
    confidence: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "text": self.text,
            "kind": self.kind,
            "lang": self.lang,
            "script": self.script,
            "source": self.source,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Protection:
    jurisdiction: str
    route: str
    status: str
    agreement: str | None = None
    annex: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    confidence: str = "unconfirmed"
    note: str | None = None
    reference: str | None = None  # the register's own key, e.g. the EU file number PDO-FR-A1359

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What makes a protection unique within one GI."""
        return (self.jurisdiction, self.route, self.agreement or "", self.annex or "")

    @property
    def key_text(self) -> str:
        return _key_text(self.key)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "jurisdiction": self.jurisdiction,
            "route": self.route,
            "agreement": self.agreement,
            "annex": self.annex,
            "status": self.status,
            "since": self.since,
            "until": self.until,
            "source": self.source,
            "confidence": self.confidence,
            "note": self.note,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class HistoryEvent:
    gi_id: str
    at: str
    who: str
    what: str
    before: str | None
    after: str | None
    reason: str
    source: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "at": self.at,
            "who": self.who,
            "what": self.what,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "source": self.source,
        }


@dataclass(frozen=True)
class GI:
    id: str
    names: tuple[Name, ...]
    product_class: str
    origin: str
    region: str | None = None
    protections: tuple[Protection, ...] = ()
    history: tuple[HistoryEvent, ...] = field(default=(), compare=False)

    @property
    def display_name(self) -> str:
        return self.names[0].text if self.names else self.id

    def names_of(self, *kinds: str) -> list[Name]:
        return [n for n in self.names if n.kind in kinds]

    @cached_property
    def origin_countries(self) -> tuple[str, ...]:
        return tuple(part for part in self.origin.split(";") if part)

    def protections_in(self, jurisdiction: str) -> list[Protection]:
        return [p for p in self.protections if covers(jurisdiction, p.jurisdiction)]

    def to_dict(self, *, with_history: bool = False) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "names": [n.to_dict() for n in self.names],
            "product_class": self.product_class,
            "origin": self.origin,
            "region": self.region,
            "protections": [p.to_dict() for p in self.protections],
        }
        if with_history:
            data["history"] = [h.to_dict() for h in self.history]
        return data
