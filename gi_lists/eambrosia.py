"""The live EU register's JSON answer (eAmbrosia), checked and read into register rows (pure).

The register's public interface (a POST to …/eambrosia-public-api/api/gi-applications/filter with
``{"first": 0, "rows": 5000}``) answers ``{"count": N, "results": [row, …]}``; scripts that keep a copy
often save only the ``results`` list. Both are accepted; anything else is refused. A row's fields, as
public clients of the interface read them:

    fileName                       'PDO-FR-A1359'         the file number (required)
    protectedName                  'Champagne'            names joined by ' / ' (required)
    geographicalIndicatorTypeCode  'PDO', 'PGI', 'GI'     'TSG' rows are not GIs and are skipped (required)
    countryId                      'fr'                   ISO codes, several joined by ',' or ';' (required)
    qualityProductType             'Food', 'Wine', …      (required)
    status                         'Registered', …        (required)
    productCategory                'Class 1.3. Cheeses'   (optional: the product type stands in)
    registrationDate               '18/09/1973'           DD/MM/YYYY or ISO (optional)

Sources: the GitHub repositories whose scripts call the interface and read these fields (see the README,
"Refreshing the EU register"). Amendment files (file numbers ending -AMnn) are skipped, as in the
bundled 2020 snapshot.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from errors import InputError
from gi_lists.entries import Entry
from gi_lists.registers import RegisterSnapshot, register_entries

# eAmbrosia field -> the register row column it fills (gi_lists.registers)
FIELDS = {
    "fileName": "file_number",
    "protectedName": "name",
    "geographicalIndicatorTypeCode": "type",
    "countryId": "origin",
    "qualityProductType": "product_type",
    "productCategory": "product_category",
    "status": "status",
    "registrationDate": "registration_date",
}
REQUIRED = (
    "fileName",
    "protectedName",
    "geographicalIndicatorTypeCode",
    "countryId",
    "qualityProductType",
    "status",
)
COLUMN_FIELD = {column: name for name, column in FIELDS.items()}
PRODUCT_TYPES = {t.casefold(): t for t in ("Food", "Wine", "Spirit drink", "Aromatised wine")}
COUNTRY_CODES = {"EL": "GR", "UK": "GB"}  # the EU's own codes for Greece and the United Kingdom
_AMENDMENT = re.compile(r"-AM\d+$", re.IGNORECASE)
_DMY = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_PROBLEM = re.compile(r"^(?P<head>.*?:\d+): (?P<column>[a-z_]+): ")


@dataclass(frozen=True)
class Answer:
    """The rows of one answer, as register rows numbered by their place in it (from 1)."""

    rows: list[tuple[int, dict[str, str]]]
    total: int  # rows in the answer, skipped ones included
    skipped: dict[str, int] = field(default_factory=dict)  # why -> how many
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, 'LABEL:ROW: field: problem')


def read_answer(body: bytes, label: str) -> Answer:
    """Check an answer's shape (an InputError) and read its rows; a row without a needed field is kept
    as a problem `LABEL:ROW: field: problem` (ROW = the row's place in the answer, from 1), reported
    with the others by answer_entries."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError([f"{label}: not UTF-8 text: not an answer of the EU register"]) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [f"{label}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"]
        ) from None
    results = _results(data, label)
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[tuple[int, str]] = []
    skipped: Counter[str] = Counter()
    for number, item in enumerate(results, start=1):
        if not isinstance(item, Mapping):
            problems.append((number, f"{label}:{number}: row: not a JSON object"))
            continue
        row, row_problems = _row(item)
        problems += [(number, f"{label}:{number}: {p}") for p in row_problems]
        if row_problems:
            continue
        if row["type"].upper() == "TSG":
            skipped["traditional speciality (TSG), not a GI"] += 1
        elif _AMENDMENT.search(row["file_number"]):
            skipped["amendment of a registered name (file number -AMnn)"] += 1
        else:
            rows.append((number, row))
    if not rows and not problems:
        raise InputError([f"{label}: the answer holds no GI rows"])
    return Answer(rows, len(results), dict(skipped), problems)


def _results(data: Any, label: str) -> list[Any]:
    if isinstance(data, list):
        results = data
    elif isinstance(data, dict) and isinstance(data.get("results"), list):
        results = data["results"]
        count = data.get("count")
        if isinstance(count, int) and not isinstance(count, bool) and count > len(results):
            raise InputError(
                [f"{label}: the answer holds {len(results)} of the {count} rows it reports (one page only)"]
            )
    else:
        kind = (
            f"an object with keys {', '.join(sorted(map(str, data))[:8])}"
            if isinstance(data, dict)
            else (f"a JSON {type(data).__name__}")
        )
        raise InputError(
            [
                f'{label}: not an eAmbrosia answer: expected {{"count": N, "results": [rows]}} '
                f"or a list of rows, got {kind}"
            ]
        )
    if not results:
        raise InputError([f"{label}: the answer holds no rows"])
    return results


def _text(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _row(item: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    """One answer row -> a register row (the columns of gi_lists.registers), and its problems."""
    problems: list[str] = []
    values: dict[str, str] = {}
    for name in FIELDS:
        raw = item.get(name)
        if name == "countryId" and isinstance(raw, list) and all(isinstance(c, str) for c in raw):
            raw = ",".join(raw)
        text = _text(raw)
        if text is None:
            problems.append(f"{name}: not text: {json.dumps(raw, ensure_ascii=False)[:60]}")
        elif name in REQUIRED and not text:
            problems.append(f"{name}: {'missing' if name not in item else 'empty'}")
        else:
            values[name] = text
    if problems:
        return {}, problems
    codes = [c.upper() for c in re.split(r"[,;/\s]+", values["countryId"]) if c]
    date = values.get("registrationDate", "")
    if date:
        m, iso = _DMY.match(date), _ISO.match(date)
        if m:
            date = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
        elif iso:
            date = iso.group(1)
        else:
            problems.append(f"registrationDate: not a date (DD/MM/YYYY): {date!r}")
    product_type = PRODUCT_TYPES.get(values["qualityProductType"].casefold(), values["qualityProductType"])
    return {
        "file_number": values["fileName"],
        "name": values["protectedName"],
        "type": values["geographicalIndicatorTypeCode"].upper(),
        "origin": ";".join(COUNTRY_CODES.get(c, c) for c in codes),
        "product_type": product_type,
        "product_category": values.get("productCategory") or product_type,
        "status": values["status"],
        "registration_date": date,
    }, problems


def answer_entries(answer: Answer, snapshot: RegisterSnapshot, label: str) -> list[Entry]:
    """The answer's rows as entries of the list register/EU, or an InputError listing every problem of
    every row in the answer's order, named by the answer's own fields."""
    problems = list(answer.problems)
    entries: list[Entry] = []
    try:
        entries = register_entries(answer.rows, snapshot, label)
    except InputError as exc:
        for problem in exc.problems:
            m = _PROBLEM.match(problem)
            row = int(m.group("head").rsplit(":", 1)[1]) if m else 0
            problems.append((row, _in_answer_terms(problem)))
    if problems:
        raise InputError([text for _, text in sorted(problems, key=lambda p: p[0])])
    return entries


def _in_answer_terms(problem: str) -> str:
    """'answer.json:17: origin: …' -> 'answer.json:17: countryId: …'."""
    m = _PROBLEM.match(problem)
    if not m or m.group("column") not in COLUMN_FIELD:
        return problem
    return f"{m.group('head')}: {COLUMN_FIELD[m.group('column')]}: {problem[m.end() :]}"
