"""The EU register (eAmbrosia) as list entries (pure): one row of the register, from the bundled July 2020
snapshot or from the live register's JSON answer, becomes one Entry of the list `register/EU`.

A row's names joined by " / " are several names of one GI; a name in Greek, Cyrillic, Chinese or Thai
script is the original and its Latin form a transcription (a Bulgarian name given only in Cyrillic gets
its Latin form by the official Bulgarian transliteration). The register's product category becomes one
of GIScope's product classes (data/knowledge/register_categories.csv).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from config import KNOWLEDGE_DIR
from gi_lists.entries import Entry, ListTarget, dedupe, origin_language
from gi_lists.model import Name, Protection, valid_partial_date
from names.normalise import bulgarian_latin, script_of
from wording import EU_REGISTER_NOTE

EU_REGISTER_ADDRESS = "https://ec.europa.eu/agriculture/eambrosia/geographical-indications-register/"
REGISTER_COLUMNS = ("file_number", "name", "type", "origin", "product_type", "product_category", "status")
REGISTER_STATUS = {
    "registered": "protected",
    "applied": "pending",
    "published": "in-objection",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "cancelled": "withdrawn",
}
UK_ORIGINS = frozenset({"GB", "UK"})
_NATIVE_SCRIPTS = {"Hani": "zh", "Grek": "el", "Cyrl": "bg", "Thai": "th"}
_CLASS_PREFIX = re.compile(r"^(Class \d+\.\d+)\.?\s*(.*)$")
_SPIRIT_CATEGORY = re.compile(r"^\d+\.\s*")


@dataclass(frozen=True)
class RegisterSnapshot:
    """Where a set of register rows comes from: what a reader is told about every row of it."""

    as_of: str  # 'July 2020' or '2026-12-03'
    citation: str  # document title, date and address
    confidence: str = "medium"
    uk_unconfirmed: bool = True  # a snapshot older than 2021 cannot say whether a UK name is still registered

    def note(self, row: Mapping[str, str]) -> str:
        """'EU register as of July 2020: PDO, registered on 1973-09-18 (Article 107 of …)'."""
        status = (row.get("status") or "").strip().lower()
        head = EU_REGISTER_NOTE.format(as_of=self.as_of)
        text = f"{head} {row.get('type') or 'GI'}, {status or 'status not given'}"
        if status == "registered" and row.get("registration_date"):
            text += f" on {row['registration_date']}"
        elif status == "published" and row.get("publication_date"):
            text += f" for objection on {row['publication_date']}"
        elif row.get("application_date"):
            text += f" (applied for on {row['application_date']})"
        if row.get("legal_instrument"):
            text += f" ({row['legal_instrument']})"
        return text


SNAPSHOT_2020 = RegisterSnapshot(
    as_of="July 2020",
    citation=(
        "European Commission, eAmbrosia — the EU geographical indications register, export of July 2020 "
        "(copy in the GitHub repository DEFRA/geographical-indications-register-prototype, commit "
        "6c678bae, app/views/v4/data/registers/register.json); live register: " + EU_REGISTER_ADDRESS
    ),
)
EU_REGISTER = ListTarget("EU", "national-register", None, None, "protected", None)  # the list register/EU
UK_NOTE = "UK name: whether it is still registered in the EU after the UK left on 1 Jan 2021 is unconfirmed"


@lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    with open(KNOWLEDGE_DIR / "register_categories.csv", encoding="utf-8", newline="") as fh:
        return {row["category"]: row["product_class"] for row in csv.DictReader(fh)}


def product_class_of(product_type: str, category: str) -> str:
    """'Class 1.3. Cheeses' -> 'Cheeses'; a spirit's '9. Fruit spirit' -> 'Spirit (Fruit spirit)'; a
    class the table does not know keeps the register's own words."""
    table = _categories()
    m = _CLASS_PREFIX.match(category.strip())
    if m:
        return table.get(m.group(1)) or m.group(2) or category
    if product_type in table:
        base = table[product_type]
        detail = _SPIRIT_CATEGORY.sub("", category.strip())
        if product_type == "Spirit drink" and detail and detail.casefold() != "spirit drink":
            return f"{base} ({detail})"
        return base
    return category.strip() or product_type.strip()


def register_names(text: str, origin: str) -> list[Name]:
    """The names of one register row: " / " parts, the native-script ones originals and the Latin ones
    their transcriptions where the row has both; a Bulgarian name only in Cyrillic gets its Latin form."""
    parts = _expand_parts([" ".join(p.split()) for p in text.split(" / ") if p.strip()])
    scripts = [script_of(p) for p in parts]
    native = [s for s in scripts if s in _NATIVE_SCRIPTS]
    lang = origin_language(origin) if len(parts) == 1 else None
    names: list[Name] = []
    if not native:
        return [Name(part, "original", lang, script) for part, script in zip(parts, scripts, strict=True)]
    native_lang = _NATIVE_SCRIPTS[native[0]]
    if native[0] == "Grek" or native[0] == "Cyrl":
        native_lang = origin_language(origin) or native_lang
    for part, script in zip(parts, scripts, strict=True):
        if script in _NATIVE_SCRIPTS:
            names.append(Name(part, "original", native_lang, script))
        else:
            names.append(Name(part, "transcription", f"{native_lang}-Latn", script))
    if not any(n.kind == "transcription" for n in names) and native[0] == "Cyrl":
        for n in list(names):
            names.append(
                Name(
                    bulgarian_latin(n.text),
                    "transcription",
                    f"{native_lang}-Latn",
                    "Latn",
                    "Transliteration Act of Bulgaria (2009), streamlined system; computed by GIScope",
                    "medium",
                )
            )
    # the Latin form first where there is one, so that ids and lists read in Latin letters
    return sorted(names, key=lambda n: n.script != "Latn") if native[0] in ("Grek", "Cyrl") else names


def _expand_parts(parts: list[str]) -> list[str]:
    """A one-word part that only changes the last word of the name before it stands for that name so
    changed: 'Münsterländer Korn / Kornbrand' -> … / 'Münsterländer Kornbrand', 'Gloucestershire
    cider / perry' -> … / 'Gloucestershire perry' (but 'Brocciu Corse / Brocciu' stays two names)."""
    out = parts[:1]
    for part in parts[1:]:
        words = out[-1].split()
        last = words[-1] if words else ""
        variant = (
            len(part.split()) == 1
            and len(words) > 1
            and part.casefold() != last.casefold()
            and (part.startswith(last) or (part.islower() and last.islower()))
        )
        out.append(" ".join(words[:-1] + [part]) if variant else part)
    return out


CANCEL_SUFFIX = "-CANCEL"


class RegisterRowError(ValueError):
    """A register row that cannot be read: the field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def register_entry(line: int, row: Mapping[str, str], snapshot: RegisterSnapshot) -> Entry:
    """One register row -> the Entry of the list register/EU (raises RegisterRowError)."""
    for column in REGISTER_COLUMNS:
        if not (row.get(column) or "").strip():
            raise RegisterRowError(column, "empty")
    origin = ";".join("GB" if c in UK_ORIGINS else c for c in row["origin"].strip().upper().split(";"))
    if not all(re.fullmatch(r"[A-Z]{2}", c) for c in origin.split(";")):
        raise RegisterRowError("origin", f"not ISO country codes: {row['origin']!r}")
    status = REGISTER_STATUS.get(row["status"].strip().lower())
    if status is None:
        raise RegisterRowError("status", f"unknown status {row['status']!r}")
    since = (row.get("registration_date") or "").strip() or None
    if since and not valid_partial_date(since):
        raise RegisterRowError("registration_date", f"not a date: {since!r}")
    names = register_names(row["name"], origin)
    if not names:
        raise RegisterRowError("name", "empty")
    uk = snapshot.uk_unconfirmed and bool(set(origin.split(";")) & UK_ORIGINS)
    note = snapshot.note(row) + (f"; {UK_NOTE}" if uk else "")
    file_number = row["file_number"].strip()
    return Entry(
        line=line,
        names=dedupe(names),
        product_class=product_class_of(row["product_type"].strip(), row["product_category"].strip()),
        origin=origin,
        region=None,
        protection=Protection(
            jurisdiction="EU",
            route="national-register",
            status=status,
            since=since if status == "protected" else None,
            source=f"{snapshot.citation}, file {file_number}",
            confidence="unconfirmed" if uk else snapshot.confidence,
            note=note,
            reference=file_number,
        ),
        given=frozenset({"status", "since", "source", "confidence", "note", "reference"}),
        sets_class=False,  # the register's class is coarser than an agreement's
    )


def register_entries(
    rows: Iterable[tuple[int, Mapping[str, str]]], snapshot: RegisterSnapshot, file: str
) -> list[Entry]:
    """Every row as an Entry, or an InputError listing every bad row (file:line: field: why)."""
    from errors import InputError

    entries, problems = [], []
    seen: dict[str, int] = {}
    rows = list(rows)
    cancellations = {
        row["file_number"].strip()[: -len(CANCEL_SUFFIX)]: row
        for _, row in rows
        if (row.get("file_number") or "").strip().endswith(CANCEL_SUFFIX)
    }
    for line, row in rows:
        number = (row.get("file_number") or "").strip()
        if number.endswith(CANCEL_SUFFIX):
            continue  # a request to cancel a registered name: a note on that name, not a GI
        try:
            entry = register_entry(line, row, snapshot)
        except RegisterRowError as exc:
            problems.append(f"{file}:{line}: {exc}")
            continue
        reference = entry.protection.reference or ""
        if reference in seen:
            problems.append(f"{file}:{line}: file_number: {reference} is also on line {seen[reference]}")
            continue
        seen[reference] = line
        cancel = cancellations.get(reference)
        if cancel is not None:
            when = cancel.get("application_date") or "an unknown date"
            status = cancel.get("status") or "applied"
            note = f"{entry.protection.note}; cancellation {status} ({when}, file {reference}{CANCEL_SUFFIX})"
            entry = replace(entry, protection=replace(entry.protection, note=note))
        entries.append(entry)
    if problems:
        raise InputError(problems)
    return entries
