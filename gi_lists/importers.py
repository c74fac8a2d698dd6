"""Turn files into validated list entries: user CSV/XLSX batches and the bundled reference data.

Nothing here writes to the database. A file is read whole, every row is checked, and either all
rows come back as `Entry` objects or every problem comes back as `FILE:LINE: column: problem`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from compare.names import has_han, has_thai, script_of
from gi_lists.model import CONFIDENCES, STATUSES, Name, Protection, valid_partial_date

REQUIRED_COLUMNS = ("name", "product_class", "origin")
OPTIONAL_COLUMNS = (
    "transcription",
    "name_zh",
    "translation_en",
    "region",
    "status",
    "since",
    "source",
    "confidence",
)
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
MAX_NAME_LENGTH = 500

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


def origin_belongs_to(origin: str, party: str) -> bool:
    countries = PARTY_COUNTRIES.get(party, frozenset({party}))
    return all(c in countries for c in origin.split(";"))


class InputError(Exception):
    """A file cannot be used; `problems` holds one line per problem, ready to print."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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


def _dedupe(names: Iterable[Name]) -> tuple[Name, ...]:
    seen: dict[tuple[str, str], Name] = {}
    for n in names:
        seen.setdefault((n.text, n.kind), n)
    return tuple(seen.values())


def _origin_language(origin: str) -> str | None:
    countries = origin.split(";")
    return COUNTRY_LANGUAGE.get(countries[0]) if len(countries) == 1 else None


# ---------------------------------------------------------------------------------------------
# User batches (giscope import)
# ---------------------------------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (line number, row) pairs from a CSV (UTF-8) or XLSX file; line 1 is the header."""
    label = str(path)
    if not path.exists():
        raise InputError([f"{label}: no such file"])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix not in (".csv", ".txt", ".tsv"):
        raise InputError([f"{label}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([f"{label}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"]) from exc
    delimiter = "\t" if suffix == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = []
        end = 0
        for raw in reader:  # line numbers are physical lines, also after quoted line breaks
            records.append((end + 1, raw))
            end = reader.line_num
    except csv.Error as exc:
        raise InputError([f"{label}:{reader.line_num}: (row): {exc}"]) from exc
    if not records:
        raise InputError([f"{label}: the file is empty; the first line must name the columns"])
    header = [h.strip() for h in records[0][1]]
    out = []
    for line, raw in records[1:]:
        if not any(cell.strip() for cell in raw):
            continue
        if len(raw) > len(header):
            extra = [c for c in raw[len(header) :] if c.strip()]
            if extra:
                out.append((line, {"__extra__": str(len(raw))}))
                continue
        out.append((line, {h: (raw[i] if i < len(raw) else "") for i, h in enumerate(header)}))
    return header, out


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    from openpyxl import load_workbook

    try:
        # formulas are read as formulas: a cell whose value only a spreadsheet program computes is refused
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError([f"{path}: cannot read as an Excel workbook ({exc.__class__.__name__})"]) from exc
    ws = wb.worksheets[0]
    rows_iter = ws.iter_rows()
    first = next(rows_iter, None)
    if first is None:
        raise InputError([f"{path}: the first sheet is empty; its first row must name the columns"])
    header = [("" if c.value is None else str(c.value)).strip() for c in first]
    while header and header[-1] == "":
        header.pop()
    out = []
    formulas = []
    for line, row_cells in enumerate(rows_iter, start=2):
        for i, c in enumerate(row_cells):
            if getattr(c, "data_type", None) == "f":
                column = header[i] if i < len(header) else f"column {i + 1}"
                formulas.append(f"{path}:{line}: {column}: a formula ({c.value}); paste its value instead")
        values = [c.value for c in row_cells]
        cells = ["" if v is None else _cell_text(v) for v in values]
        if not any(c.strip() for c in cells):
            continue
        if any(c.strip() for c in cells[len(header) :]):
            out.append((line, {"__extra__": str(len(cells))}))
            continue
        out.append((line, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}))
    wb.close()
    if formulas:
        raise InputError(formulas)
    return header, out


def _cell_text(value: object) -> str:
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_COUNTRY_CODES: frozenset[str] | None = None


def _country_codes() -> frozenset[str]:
    global _COUNTRY_CODES
    if _COUNTRY_CODES is None:
        import pycountry

        _COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries)
    return _COUNTRY_CODES


_ORIGIN = re.compile(r"^[A-Z]{2}(;[A-Z]{2})*$")


def parse_batch(
    path: Path,
    target: ListTarget,
    *,
    default_source: str,
    default_confidence: str = "unconfirmed",
    allow_duplicates: bool = False,
) -> list[Entry]:
    """Validate a whole batch file against the import format; raise InputError listing every problem."""
    header, rows = read_table(path)
    label = str(path)
    problems: list[str] = []
    unknown = [h for h in header if h not in KNOWN_COLUMNS]
    for h in unknown:
        shown = h or "(empty header)"
        problems.append(f"{label}:1: {shown}: unknown column; allowed: {', '.join(KNOWN_COLUMNS)}")
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    for h in dupes:
        problems.append(f"{label}:1: {h}: column appears more than once")
    for required in REQUIRED_COLUMNS:
        if required not in header:
            problems.append(f"{label}:1: {required}: required column is missing")
    if problems:
        raise InputError(problems)
    if not rows:
        raise InputError([f"{label}: no rows after the header"])

    given_columns = frozenset(h for h in header if h in OPTIONAL_COLUMNS)
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        if "__extra__" in row:
            problems.append(f"{label}:{line}: (row): more cells than the header has columns")
            continue
        before = len(problems)

        def bad(column: str, problem: str, line: int = line) -> None:
            problems.append(f"{label}:{line}: {column}: {problem}")

        cells = {k: (v or "").strip() for k, v in row.items()}
        name = cells.get("name", "")
        product_class = cells.get("product_class", "")
        origin = cells.get("origin", "").upper()
        for column, value in (("name", name), ("product_class", product_class), ("origin", origin)):
            if not value:
                bad(column, "required value is empty")
        for column in ("name", "transcription", "name_zh", "translation_en"):
            if len(cells.get(column, "")) > MAX_NAME_LENGTH:
                bad(column, f"longer than {MAX_NAME_LENGTH} characters")
        for column, value in cells.items():
            if "\n" in value or "\r" in value:
                bad(column, "contains a line break")
        if origin:
            if not _ORIGIN.match(origin):
                bad(
                    "origin",
                    f"'{cells.get('origin')}' is not a country code such as CN or FR "
                    "(several: GR;CY; put provinces and areas in 'region')",
                )
            else:
                unknown_codes = [c for c in origin.split(";") if c not in _country_codes()]
                if unknown_codes:
                    bad("origin", f"unknown country code {', '.join(unknown_codes)}")
        name_zh = cells.get("name_zh", "")
        if name_zh and not has_han(name_zh):
            bad("name_zh", f"'{name_zh}' contains no Chinese characters")
        status = cells.get("status", "").lower()
        if status and status not in STATUSES:
            bad("status", f"'{cells['status']}' is not one of {', '.join(STATUSES)}")
        since = cells.get("since", "")
        if since and not valid_partial_date(since):
            bad("since", f"'{since}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        confidence = cells.get("confidence", "").lower()
        if confidence and confidence not in CONFIDENCES:
            bad("confidence", f"'{cells['confidence']}' is not one of {', '.join(CONFIDENCES)}")
        jurisdiction = target.jurisdiction_for(origin) if origin else None
        if (
            origin
            and _ORIGIN.match(origin)
            and target.names_from
            and not origin_belongs_to(origin, target.names_from)
        ):
            bad(
                "origin",
                f"{origin} is not an origin in {target.names_from}; "
                f"annex {target.annex} of {target.agreement} "
                f"lists {target.names_from} names",
            )
        elif origin and _ORIGIN.match(origin) and jurisdiction is None:
            bad(
                "origin",
                f"{origin} is not one party of {target.agreement} ({' and '.join(target.parties)}); "
                "the list holds one party's names protected by the other",
            )
        if len(problems) > before:
            continue

        names = _names_for_row(name, origin, cells)
        dedupe_key = (names[0].text.casefold(), origin)
        if dedupe_key in seen and not allow_duplicates:
            bad("name", f"'{name}' ({origin}) is already on line {seen[dedupe_key]}")
            continue
        seen.setdefault(dedupe_key, line)
        assert jurisdiction is not None
        protection = Protection(
            jurisdiction=jurisdiction,
            route=target.route,
            agreement=target.agreement,
            annex=target.annex,
            status=status or target.default_status,
            since=since or (target.default_since if not status else None),
            source=cells.get("source") or default_source,
            confidence=confidence or default_confidence,
        )
        given = {c for c in given_columns if cells.get(c)}
        if "source" not in given:
            given.add("source")  # the default source is still a statement about this batch
        if "confidence" not in given:
            given.add("confidence")
        entries.append(
            Entry(
                line=line,
                names=names,
                product_class=product_class,
                origin=origin,
                region=cells.get("region") or None,
                protection=protection,
                given=frozenset(given),
            )
        )
    if problems:
        raise InputError(problems)
    return entries


def _names_for_row(name: str, origin: str, cells: dict[str, str]) -> tuple[Name, ...]:
    lang = _origin_language(origin)
    names: list[Name] = []
    names.extend(name_forms_from(name, "original", lang))
    transcription = cells.get("transcription", "")
    if transcription:
        t_lang = f"{lang}-Latn" if lang and script_of(transcription) == "Latn" else None
        names.extend(name_forms_from(transcription, "transcription", t_lang))
    name_zh = cells.get("name_zh", "")
    if name_zh and name_zh != name:
        names.extend(name_forms_from(name_zh, "official-rendering", "zh"))
    translation = cells.get("translation_en", "")
    if translation:
        names.extend(name_forms_from(translation, "translation", "en"))
    return _dedupe(names)


# ---------------------------------------------------------------------------------------------
# Bundled reference data (giscope init)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceList:
    target: ListTarget
    entries: list[Entry]
    file: str


def _read_reference_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return [(i + 2, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(reader)]


_GREEK_IN_SOURCE = re.compile(r"Greek:\s*([^;]+)")


def load_annex_rows(path: Path, annex_targets: dict[str, ListTarget]) -> list[ReferenceList]:
    """china_eu_annexes.csv -> one ReferenceList per annex."""
    by_annex: dict[str, list[Entry]] = {code: [] for code in annex_targets}
    problems = []
    for line, row in _read_reference_csv(path):
        code = row["annex"]
        target = annex_targets.get(code)
        if target is None:
            problems.append(f"{path.name}:{line}: annex: unknown annex {code!r}")
            continue
        if row["party"] == "CN":
            origin, region = "CN", row["origin"] or None
            names = name_forms_from(row["name"], "original", "zh")
            if row["transcription"]:
                names += name_forms_from(row["transcription"], "transcription", "zh-Latn")
        else:
            origin, region = row["origin"], None
            lang = _origin_language(origin)
            variants = row["name"].split(" / ")
            if len(variants) > 1:
                lang = None
            greek = _GREEK_IN_SOURCE.search(row["source"])
            if greek:
                names = name_forms_from(row["name"], "transcription", "el-Latn")
                names += name_forms_from(greek.group(1).strip(), "original", "el")
            else:
                names = name_forms_from(row["name"], "original", lang, split_variants=True)
            if row["transcription"]:
                names += name_forms_from(row["transcription"], "official-rendering", "zh")
        jurisdiction = target.jurisdiction_for(origin)
        assert jurisdiction
        by_annex[code].append(
            Entry(
                line=line,
                names=_dedupe(names),
                product_class=row["product_class"],
                origin=origin,
                region=region,
                protection=Protection(
                    jurisdiction=jurisdiction,
                    route="agreement",
                    agreement=target.agreement,
                    annex=code,
                    status=target.default_status,
                    since=target.default_since,
                    source=row["source"],
                    confidence=row["confidence"],
                ),
                given=frozenset(OPTIONAL_COLUMNS),
            )
        )
    if problems:
        raise InputError(problems)
    return [ReferenceList(annex_targets[code], entries, path.name) for code, entries in by_annex.items()]


_ORIGIN_WITH_REGION = re.compile(r"^([A-Z]{2}(?:;[A-Z]{2})*)\s*(?:\((.*)\))?$")
_BILATERAL_AGREEMENT = {"CN-FR": "china-france", "CN-TH": "china-thailand"}


def _bilateral_status(text: str) -> str:
    head = text.lower()
    if head.startswith("pending"):
        return "pending"
    if head.startswith(("no china application", "planned")):
        return "not-filed"
    if head.startswith(("protected", "reported as registered")):
        return "protected"
    raise InputError([f"bilateral_entries.csv: status: cannot read {text[:60]!r}"])


def load_bilateral_rows(
    path: Path, targets: dict[str, ListTarget], official_renderings: frozenset[str] = frozenset()
) -> list[ReferenceList]:
    """bilateral_entries.csv -> lists for china-france, china-thailand and the EU register.

    `targets` maps 'china-france', 'china-thailand' and 'register/EU' to their ListTarget.
    """
    lists: dict[str, list[Entry]] = {key: [] for key in targets}
    for line, row in _read_reference_csv(path):
        m = _ORIGIN_WITH_REGION.match(row["origin"])
        if not m:
            raise InputError([f"{path.name}:{line}: origin: cannot read {row['origin']!r}"])
        origin, region = m.group(1), m.group(2)
        status_text = row["status"]
        route = (
            "trademark" if re.search(r"trademark|collective mark", status_text, re.I) else "national-register"
        )
        if status_text.lower().startswith("reported as registered as a trademark"):
            route = "trademark"
        names: list[Name] = []
        agreement = _BILATERAL_AGREEMENT.get(row["agreement"])
        if agreement == "china-france":
            key = "china-france"
            names += name_forms_from(row["name"], "original", _origin_language(origin))
            local = row["name_local"]
            if local and local != row["name"] and not has_han(local):
                names += name_forms_from(local, "original", _origin_language(origin))
        elif agreement == "china-thailand":
            key = "china-thailand"
            latin, _, english = row["name"].partition(" (")
            names += name_forms_from(row["name_local"], "original", "th")
            names += name_forms_from(latin, "transcription", "th-Latn")
            if english:
                names += name_forms_from(english.rstrip(")"), "translation", "en")
        else:  # the EU-China 10+10 pilot: Chinese GIs registered in the EU
            key = "register/EU"
            names += name_forms_from(row["name_local"], "original", "zh")
            names += name_forms_from(row["name"], "transcription", "zh-Latn")
        if row["name_zh"] and row["name_zh"] not in (row["name_local"],):
            unofficial = "not official" in status_text or "not an official" in status_text
            attested = row["name_zh"] in official_renderings or f"'{row['name_zh']}'" in status_text
            if agreement == "china-france" and not attested:
                unofficial = True  # SOURCES.md: renderings where sources disagree are not official
            kind = "translation" if unofficial else "official-rendering"
            names += name_forms_from(row["name_zh"], kind, "zh")
        target = targets[key]
        jurisdiction = target.jurisdiction_for(origin)
        if jurisdiction is None:
            raise InputError([f"{path.name}:{line}: origin: {origin} is not a party of {key}"])
        since = row["date"] or None
        if since and "dates" in status_text and "unconfirmed" in status_text:
            since = None  # the note says the date is from knowledge, unconfirmed: keep it out of `since`
        if since and not valid_partial_date(since):
            raise InputError([f"{path.name}:{line}: date: {since!r} is not a date"])
        if has_thai(row["name_local"]) and not names[0].text:
            raise InputError([f"{path.name}:{line}: name_local: empty"])
        lists[key].append(
            Entry(
                line=line,
                names=_dedupe(names),
                product_class=row["product_class"],
                origin=origin,
                region=region,
                protection=Protection(
                    jurisdiction=jurisdiction,
                    route=route,
                    agreement=target.agreement,
                    annex=None,
                    status=_bilateral_status(status_text),
                    since=since,
                    source=row["source"],
                    confidence=row["confidence"],
                    note=status_text,
                ),
                given=frozenset(OPTIONAL_COLUMNS) | {"note"},
            )
        )
    return [ReferenceList(targets[key], entries, path.name) for key, entries in lists.items()]
