"""Turn a user's CSV or XLSX batch (or GIScope's own JSON export) into validated list entries (giscope
import, scan, the UI).

Nothing here writes to the database. A file is read whole, every row is checked, and either all
rows come back as `Entry` objects or every problem comes back as `FILE:LINE: column: problem`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from errors import InputError
from gi_lists.entries import Entry, ListTarget, dedupe, name_forms_from, origin_belongs_to, origin_language
from gi_lists.model import CONFIDENCES, STATUSES, Name, Protection, valid_partial_date
from gi_lists.table_files import read_table  # noqa: F401  (importers.read_table, as callers know it)
from names.normalise import compact, forms, has_han, script_of
from validation import CAPS, XLSX_CELL_LIMIT, name_problem, text_problem

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
PROTECTION_COLUMNS = ("note", "reference")  # written as given, like `source`
# GIScope's own export (gi_lists.export) can be imported again: `id` names the GI (checked against the
# register), the list columns must name the target list (rows of other lists are left out and counted),
# and the remaining ones are read but not imported (an export of a list is a valid import of that list).
ID_COLUMN = "id"
LIST_COLUMNS = ("jurisdiction", "route", "agreement", "annex")
READ_ONLY_COLUMNS = ("other_names", "until", "rendering_lang", "rendering", "rendering_status")
EXPORT_ONLY_COLUMNS = (ID_COLUMN, *LIST_COLUMNS, *READ_ONLY_COLUMNS)
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + PROTECTION_COLUMNS + EXPORT_ONLY_COLUMNS
NAME_COLUMNS = ("name", "transcription", "name_zh", "translation_en")
MAX_NAME_LENGTH = CAPS["name"]


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
    on_names: Callable[[set[str]], None] | None = None,
    other_lists: list[tuple[int, str]] | None = None,
) -> list[Entry]:
    """Validate a whole batch file against the import format; raise InputError listing every problem.
    `on_names`, if given, receives the file's written names as soon as they are read (before checking
    them), so that their readings can be computed meanwhile. With `other_lists`, a row whose list columns
    (an export's jurisdiction, route, agreement, annex) name another list is left out and noted there as
    (line, that list); without it (screening a file) those columns are not read."""
    header, rows = read_table(path)
    if on_names is not None:
        # only names that can be stored: a hostile one (120,000 characters, controls) is refused below
        found = {(v or "").strip() for _, row in rows for c in NAME_COLUMNS if (v := row.get(c))} - {""}
        on_names({n for n in found if name_problem(n) is None})
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
        if other_lists is not None and (elsewhere := other_list(cells, target)):
            other_lists.append((line, elsewhere))
            continue
        name = cells.get("name", "")
        product_class = cells.get("product_class", "")
        origin = cells.get("origin", "").upper()
        for column, value in (("name", name), ("product_class", product_class), ("origin", origin)):
            if not value:
                bad(column, "required value is empty")
        for column, value in cells.items():
            if "\n" in value or "\r" in value:
                bad(column, "contains a line break")
            elif problem := cell_problem(column, value) or cell_problem(
                column, row.get(column) or "", ends=True
            ):
                bad(column, problem)
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
        given_j = cells.get("jurisdiction", "").upper()
        if other_lists is not None:
            if given_j and jurisdiction and given_j != jurisdiction:
                bad("jurisdiction", f"'{given_j}' is not where {target.key} protects names from {origin}")
            for column, problem in list_cell_problems(cells, target):
                bad(column, problem)
        # an export's row naming a GI by id may keep an origin its list holds from before (a UK name on
        # an annex of EU names): gi_lists.safety.id_problems checks that the GI is on the list already
        from_before = other_lists is not None and bool(cells.get(ID_COLUMN))
        if origin and _ORIGIN.match(origin) and (wrong := foreign_origin(origin, target)):
            if not from_before:
                bad("origin", wrong)
        elif origin and _ORIGIN.match(origin) and jurisdiction is None:
            bad(
                "origin",
                f"{origin} is not one party of {target.agreement} ({' and '.join(target.parties)}); "
                "the list holds one party's names protected by the other",
            )
        if len(problems) > before:
            continue

        names = _names_for_row(name, origin, cells)
        gi_id = cells.get(ID_COLUMN) or None
        dedupe_key = (gi_id, "") if gi_id else (names[0].text.casefold(), origin)
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
            note=cells.get("note") or None,
            reference=cells.get("reference") or None,
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
                gi_id=gi_id,
            )
        )
    if problems:
        raise InputError(problems)
    if not entries and other_lists:
        lists = ", ".join(sorted({key for _, key in other_lists}))
        raise InputError([f"{label}: every row is an entry of another list ({lists}), none of {target.key}"])
    return entries


# the cap of each stored column (validation.CAPS); a column read but not stored is capped at a cell's size
_COLUMN_CAPS = {
    **{column: CAPS["name"] for column in NAME_COLUMNS},
    "product_class": CAPS["product_class"],
    "region": CAPS["region"],
    "source": CAPS["source"],
    "note": CAPS["note"],
    "reference": CAPS["reference"],
    ID_COLUMN: CAPS["id"],
    **{column: XLSX_CELL_LIMIT for column in READ_ONLY_COLUMNS},
}


def cell_problem(column: str, value: str, *, ends: bool = False) -> str | None:
    """What is wrong with one cell's text (controls, bidi overrides, length; a name without a letter or
    digit), or None. Its other checks (dates, codes, statuses) come after. With `ends`, `value` is the
    cell as read (before strip(), which would drop a control at either end) and only characters count."""
    if not value:
        return None
    if ends:
        return text_problem(value, max_len=len(value))
    cap = _COLUMN_CAPS.get(column, CAPS["cell"])
    if column in NAME_COLUMNS:
        return name_problem(value, max_len=cap) or _keyless(value)
    return text_problem(value, max_len=cap)


def _keyless(name: str) -> str | None:
    """A name whose letters all fold away ('ʼʼ', an Arabic alef alone) gives no key to find or screen it
    by; Chinese characters always read as pinyin (not romanised here: that is the slow part)."""
    if has_han(name) or any(compact(f) for f in forms(name)):
        return None
    return f"'{name}' gives no letters to search or screen by; write the name in full"


def foreign_origin(origin: str, target: ListTarget) -> str | None:
    """Why a name from `origin` cannot be a new entry of an annex that lists one party's names, or None."""
    if not target.names_from or origin_belongs_to(origin, target.names_from):
        return None
    return (
        f"{origin} is not an origin in {target.names_from}; "
        f"annex {target.annex} of {target.agreement} lists {target.names_from} names"
    )


def other_list(cells: dict[str, str], target: ListTarget) -> str | None:
    """The key (as ListTarget.key) of the list an export's row belongs to when that is not `target`, else
    None. A row names a list by its route cell (an export fills it); its empty agreement or annex cell
    then means none. A row without a route names no list (its other list cells are checked instead)."""
    route = cells.get("route", "")
    if not route:
        return None
    agreement, annex = cells.get("agreement", ""), cells.get("annex", "").upper()
    jurisdiction = cells.get("jurisdiction", "").upper()
    national = not target.agreement and target.jurisdiction is not None
    if (route, agreement, annex) == (target.route, target.agreement or "", target.annex or "") and not (
        national and jurisdiction and jurisdiction != target.jurisdiction
    ):
        return None
    if route == "agreement":
        return f"{agreement}/{annex}"
    return agreement or f"register/{jurisdiction}"


def list_cell_problems(cells: dict[str, str], target: ListTarget) -> list[tuple[str, str]]:
    """A row without a route that names an agreement or annex other than the target's: (column, problem)."""
    if cells.get("route"):
        return []
    wanted = {"agreement": target.agreement or "", "annex": target.annex or ""}
    return [
        (column, f"'{cells[column]}' is not the {column} of {target.key}")
        for column, value in wanted.items()
        if cells.get(column) and cells[column].upper() != value.upper()
    ]


def _names_for_row(name: str, origin: str, cells: dict[str, str]) -> tuple[Name, ...]:
    lang = origin_language(origin)
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
    return dedupe(names)
