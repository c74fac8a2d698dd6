"""Write GIs and results out as CSV, XLSX or JSON (pure: no database access)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from gi_lists.model import GI, Protection
from validation import json_escape_controls, xlsx_cell

EXPORT_COLUMNS = (
    "id",
    "name",
    "transcription",
    "name_zh",
    "translation_en",
    "other_names",
    "product_class",
    "origin",
    "region",
    "jurisdiction",
    "route",
    "agreement",
    "annex",
    "status",
    "since",
    "until",
    "source",
    "confidence",
    "note",
    "reference",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# `export --lang L`: the GI's name in L (the register's own, a reviewed rendering, or one to be reviewed)
RENDERING_COLUMNS = ("rendering_lang", "rendering", "rendering_status")
Renderings = dict[str, tuple[str, str]]  # gi id -> (text, status: register, reviewed, to be reviewed)


def neutralise(value: Any) -> Any:
    """Keep a spreadsheet from running a cell as a formula: prefix risky text with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows_for(
    gis: Sequence[GI],
    keep: Callable[[Protection], bool] = lambda p: True,
    *,
    lang: str | None = None,
    renderings: Renderings | None = None,
) -> list[dict[str, Any]]:
    """One row per GI and protection (protections filtered by `keep`); with `lang`, each GI's rendering in
    that language and its status (RENDERING_COLUMNS)."""
    out = []
    for gi in gis:
        first = next((n for n in gi.names if n.kind == "original"), gi.names[0] if gi.names else None)
        transcription = next((n.text for n in gi.names if n.kind == "transcription"), "")
        name_zh = next(
            (n.text for n in gi.names if n.lang == "zh" and n.script == "Hani" and n is not first), ""
        )
        translation = next((n.text for n in gi.names if n.kind == "translation" and n.lang == "en"), "")
        used = {first.text if first else "", transcription, name_zh, translation}
        others = "; ".join(
            f"{n.text} ({n.kind}{', ' + n.lang if n.lang else ''})" for n in gi.names if n.text not in used
        )
        base = {
            "id": gi.id,
            "name": first.text if first else "",
            "transcription": transcription,
            "name_zh": name_zh,
            "translation_en": translation,
            "other_names": others,
            "product_class": gi.product_class,
            "origin": gi.origin,
            "region": gi.region or "",
        }
        if lang is not None:
            text, status = (renderings or {}).get(gi.id, ("", ""))
            base.update({"rendering_lang": lang, "rendering": text, "rendering_status": status})
        for p in gi.protections:
            if not keep(p):
                continue
            row = dict(base)
            row.update({k: ("" if v is None else v) for k, v in p.to_dict().items()})
            out.append(row)
    return out


def columns_for(lang: str | None) -> tuple[str, ...]:
    return EXPORT_COLUMNS + (RENDERING_COLUMNS if lang else ())


def to_csv(rows: list[dict[str, Any]], columns: Sequence[str] = EXPORT_COLUMNS) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(row.get(k, "")) for k in columns})
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[dict[str, Any]], columns: Sequence[str] = EXPORT_COLUMNS) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "GIs"
    ws.append(list(columns))
    # cell by cell at a known row: ws.max_row counts every cell, so asking it per row took quadratic time
    for r, row in enumerate(rows, start=2):
        for c, k in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c, value=xlsx_cell(neutralise(row.get(k, ""))))  # controls escaped
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, even one that begins with '='
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def dumps(data: Any) -> str:
    """Any result as JSON text, Chinese and Thai kept readable: json.dumps(indent=2, ensure_ascii=False)'s
    text, written by orjson where that gives the same text (a tenth of `giscope check --file`'s time went
    to indenting): not for floats orjson writes otherwise (1e-07, NaN), nor types json does not write
    (dataclasses, dates: the same TypeError as before)."""
    try:
        import orjson

        if _floats_written_alike(data):
            option = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME
            return json_escape_controls(
                orjson.dumps(data, default=_not_written, option=option).decode("utf-8")
            )
    except (ImportError, TypeError):  # a type orjson does not write (or an integer over 64 bits)
        pass
    return json_escape_controls(json.dumps(data, ensure_ascii=False, indent=2))


def _not_written(obj: Any) -> Any:
    raise TypeError(f"{type(obj).__name__} is left to json")


def _floats_written_alike(data: Any) -> bool:
    """Are all floats in `data` ones orjson writes as json does (finite, 1e-4 <= |x| < 1e16, or 0)?"""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            if item != 0 and not (1e-4 <= abs(item) < 1e16):  # also NaN and the infinities
                return False
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return True


def to_json(gis: Sequence[GI], *, lang: str | None = None, renderings: Renderings | None = None) -> bytes:
    """GI objects; with `lang`, each with "rendering": {lang, text, status} (text null when none)."""
    data = [gi.to_dict() for gi in gis]
    if lang is not None:
        for gi, obj in zip(gis, data, strict=True):
            text, status = (renderings or {}).get(gi.id, (None, None))
            obj["rendering"] = {"lang": lang, "text": text, "status": status}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
