"""Read a trademark gazette (CSV or XLSX) into checked marks; nothing here writes.

Columns: application_no, mark, classes (Nice classes, ';'-separated), applicant; optional goods,
filing_date and publication_date (which may replace the --published date). Every problem comes back as
`FILE:LINE: column: problem`, all of them at once, and nothing is screened or stored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from errors import InputError, RegisterError
from gi_lists.importers import read_table
from watch.trademarks.model import MAX_NICE_CLASS, GazetteMark

REQUIRED_COLUMNS = ("application_no", "mark", "classes", "applicant")
OPTIONAL_COLUMNS = ("goods", "filing_date", "publication_date")
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
MAX_LENGTH = {"application_no": 60, "mark": 500, "applicant": 500, "goods": 2000}


def _date(text: str) -> str | None:
    """The ISO date, or None when `text` is not one (YYYY-MM-DD)."""
    try:
        return dt.date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def check_published(published: str | None, option: str = "--published") -> str | None:
    """The --published date, checked (a usage error names the option)."""
    if published is None:
        return None
    date = _date(published.strip())
    if date is None:
        raise RegisterError(f"{option} {published!r} is not a date (YYYY-MM-DD)")
    return date


def parse_classes(text: str) -> tuple[tuple[int, ...], str | None]:
    """Nice classes from '3; 33' (also '03'), in the order given, each once; or the problem."""
    classes: list[int] = []
    for part in text.replace("；", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if not part.isascii() or not part.isdigit() or not 1 <= int(part) <= MAX_NICE_CLASS:
            return (), f"{part!r} is not a Nice class (1 to {MAX_NICE_CLASS}; several are separated by ';')"
        if int(part) not in classes:
            classes.append(int(part))
    if not classes:
        return (), "required value is empty"
    return tuple(classes), None


def read_gazette(path: Path, *, published: str | None) -> list[GazetteMark]:
    """Every mark of the gazette, checked; raise InputError listing every problem."""
    header, rows = read_table(path)
    label = str(path)
    problems: list[str] = []
    for h in header:
        if h not in KNOWN_COLUMNS:
            problems.append(
                f"{label}:1: {h or '(empty header)'}: unknown column; allowed: {', '.join(KNOWN_COLUMNS)}"
            )
    for h in sorted({h for h in header if h and header.count(h) > 1}):
        problems.append(f"{label}:1: {h}: column appears more than once")
    for required in REQUIRED_COLUMNS:
        if required not in header:
            problems.append(f"{label}:1: {required}: required column is missing")
    if published is None and "publication_date" not in header:
        problems.append(f"{label}:1: publication_date: no such column and no --published date")
    if problems:
        raise InputError(problems)
    if not rows:
        raise InputError([f"{label}: no marks after the header"])
    marks: list[GazetteMark] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        if "__extra__" in row:
            problems.append(f"{label}:{line}: (row): more cells than the header has columns")
            continue
        before = len(problems)

        def bad(column: str, problem: str, line: int = line) -> None:
            problems.append(f"{label}:{line}: {column}: {problem}")

        cells = {k: (v or "").strip() for k, v in row.items()}
        for column in REQUIRED_COLUMNS:
            if column != "classes" and not cells.get(column):
                bad(column, "required value is empty")
        for column, value in cells.items():
            if "\n" in value or "\r" in value:
                bad(column, "contains a line break")
            limit = MAX_LENGTH.get(column)
            if limit and len(value) > limit:
                bad(column, f"longer than {limit} characters")
        classes, problem = parse_classes(cells.get("classes", ""))
        if problem:
            bad("classes", problem)
        row_published = published
        if cells.get("publication_date"):
            row_published = _date(cells["publication_date"])
            if row_published is None:
                bad("publication_date", f"{cells['publication_date']!r} is not a date (YYYY-MM-DD)")
        elif published is None:
            bad("publication_date", "required value is empty (or give --published)")
        filing = cells.get("filing_date") or None
        if filing is not None:
            filing = _date(filing)
            if filing is None:
                bad("filing_date", f"{cells['filing_date']!r} is not a date (YYYY-MM-DD)")
            elif row_published and filing > row_published:
                bad("filing_date", f"{filing} is after the publication date {row_published}")
        number = cells.get("application_no", "")
        if number and number in seen:
            bad("application_no", f"{number} is already on line {seen[number]}")
        elif number:
            seen[number] = line
        if len(problems) > before or row_published is None:
            continue
        marks.append(
            GazetteMark(
                line=line,
                application_no=number,
                mark=cells["mark"],
                classes=classes,
                applicant=cells["applicant"],
                published=row_published,
                goods=cells.get("goods") or None,
                filing_date=filing,
            )
        )
    if problems:
        raise InputError(problems)
    return marks
