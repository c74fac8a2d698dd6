"""Read a batch file (CSV in UTF-8, XLSX, or GIScope's own JSON export) into its header and numbered rows,
for gi_lists.importers; nothing is checked here beyond what reading needs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from errors import InputError


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (line number, row) pairs from a CSV (UTF-8) or XLSX file, line 1 being the header, or
    from GIScope's JSON export (gi_lists.json_import)."""
    label = str(path)
    if not path.exists():
        raise InputError([f"{label}: no such file"])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".json":  # GIScope's own JSON export: its GI objects as the rows of a CSV export
        from gi_lists.json_import import read_json_export

        return read_json_export(path)
    if suffix not in (".csv", ".txt", ".tsv"):
        raise InputError([f"{label}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx"])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            [f"{label}:{line}: (row): not UTF-8 text (byte {exc.start}); save the file as UTF-8"]
        ) from exc
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
