"""Read GIScope's own JSON export (`giscope export --format json`) as an import table (pure: no database).

Each GI object becomes the rows the CSV export would have held for it (gi_lists.export.rows_for: one per
protection), so the JSON export of a list imports back into that list with nothing to change, exactly as
its CSV export does; rows of the GI's other lists are left out and counted. A row's line is the line
where its GI object begins. A file that is not such an export is refused with `FILE:LINE: field: problem`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from errors import InputError
from gi_lists.export import EXPORT_COLUMNS, RENDERING_COLUMNS, rows_for
from gi_lists.model import GI, Name, Protection

NAME_FIELDS = ("text", "kind", "lang", "script", "source", "confidence")
PROTECTION_FIELDS = (
    "jurisdiction", "route", "agreement", "annex", "status", "since", "until", "source", "confidence", "note",
    "reference",
)  # fmt: skip
REQUIRED_NAME = ("text", "kind")
REQUIRED_PROTECTION = ("jurisdiction", "route", "status")


def _objects(label: str, text: str) -> list[tuple[int, Any]]:
    """(line, item) for each item of the top-level JSON array."""
    decoder = json.JSONDecoder()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError([f"{label}:{exc.lineno}: (json): not valid JSON: {exc.msg}"]) from exc
    if not isinstance(data, list):
        raise InputError([f"{label}: not a GIScope JSON export: expected a list of GI objects"])
    out: list[tuple[int, Any]] = []
    pos = text.index("[") + 1
    line, counted = 1, 0  # the lines before `counted`, counted once (from the start each time: quadratic)
    for _ in data:  # walk the array again to find where each item begins
        while text[pos] in " \t\r\n,":
            pos += 1
        item, end = decoder.raw_decode(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        out.append((line, item))
        pos = end
    return out


def _text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _parts(
    items: Any, field: str, fields: tuple[str, ...], required: tuple[str, ...], bad: Any
) -> list[dict[str, Any]]:
    """The objects of a GI's `names` or `protections`, checked; problems go to `bad(field, problem)`."""
    if not isinstance(items, list):
        bad(field, "expected a list of objects")
        return []
    out = []
    for i, item in enumerate(items, start=1):
        where = f"{field}[{i}]"
        if not isinstance(item, dict):
            bad(where, "expected an object")
            continue
        unknown = sorted(set(item) - set(fields))
        if unknown:
            bad(where, f"unknown field {', '.join(unknown)}; allowed: {', '.join(fields)}")
        missing = [
            f for f in required if item.get(f) is None or (isinstance(item[f], str) and not item[f].strip())
        ]
        for f in missing:
            bad(f"{where}.{f}", "required value is missing")
        wrong = [f for f in fields if f not in missing and not _text(item.get(f))]
        for f in wrong:
            bad(f"{where}.{f}", "expected text or null")
        if not unknown and not missing and not wrong:
            out.append({f: item.get(f) for f in fields if f in item})
    return out


def _gi(item: Any, bad: Any) -> GI | None:
    if not isinstance(item, dict):
        bad("(gi)", "expected a GI object")
        return None
    before = len(bad.problems)
    for field in ("product_class", "origin"):
        if not isinstance(item.get(field), str):
            bad(field, "required text is missing")
    for field in ("id", "region"):
        if not _text(item.get(field)):
            bad(field, "expected text or null")
    names = _parts(item.get("names"), "names", NAME_FIELDS, REQUIRED_NAME, bad)
    if isinstance(item.get("names"), list) and not item["names"]:
        bad("names", "a GI needs at least one name")
    protections = _parts(
        item.get("protections", []), "protections", PROTECTION_FIELDS, REQUIRED_PROTECTION, bad
    )
    if len(bad.problems) > before:
        return None
    return GI(
        id=item.get("id") or "",
        names=tuple(Name(**n) for n in names),
        product_class=item["product_class"],
        origin=item["origin"],
        region=item.get("region"),
        protections=tuple(Protection(**{k: v for k, v in p.items() if v is not None}) for p in protections),
    )


class _Problems:
    def __init__(self, label: str) -> None:
        self.label = label
        self.line = 0
        self.problems: list[str] = []

    def __call__(self, field: str, problem: str) -> None:
        self.problems.append(f"{self.label}:{self.line}: {field}: {problem}")


def read_json_export(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (line, row) pairs, as gi_lists.importers.read_table gives them for a CSV file."""
    label = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([f"{label}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"]) from exc
    items = _objects(label, text)
    if not items:
        raise InputError([f"{label}: the export holds no GIs"])
    bad = _Problems(label)
    out: list[tuple[int, dict[str, str]]] = []
    rendered = False
    for line, item in items:
        bad.line = line
        gi = _gi(item, bad)
        if gi is None:
            continue
        rendering = item.get("rendering")
        lang = text_of = status = None
        if isinstance(rendering, dict):
            rendered = True
            lang, text_of, status = rendering.get("lang"), rendering.get("text"), rendering.get("status")
        renderings = {gi.id: (text_of or "", status or "")}
        for row in rows_for([gi], lang=lang, renderings=renderings) if lang else rows_for([gi]):
            out.append((line, {k: ("" if v is None else str(v)) for k, v in row.items()}))
    if bad.problems:
        raise InputError(bad.problems)
    header = list(EXPORT_COLUMNS + (RENDERING_COLUMNS if rendered else ()))
    return header, out
