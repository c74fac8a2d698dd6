"""GIScope's own JSON export read as an import (gi_lists.json_import): each GI object gives the rows its
CSV export would hold, at the line where the object begins; a file that is not such an export gives
`FILE:LINE: field: problem` lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from errors import InputError
from gi_lists.entries import ListTarget
from gi_lists.export import EXPORT_COLUMNS, RENDERING_COLUMNS, rows_for, to_csv, to_json
from gi_lists.importers import parse_batch, read_table
from gi_lists.json_import import read_json_export
from gi_lists.model import GI, Name, Protection

ANNEX_V = ListTarget("EU", "agreement", "china-eu", "V", "pending", None, ("CN", "EU"))
TEA = GI(
    id="cn-xinyang-mao-jian",
    names=(
        Name("信阳毛尖", "original", "zh", "Hani"),
        Name("Xinyang Mao Jian", "transcription", "zh-Latn", "Latn"),
        Name("Xinyang tea", "translation", "en", "Latn", source="staff"),
    ),
    product_class="Tea",
    origin="CN",
    region="Henan",
    protections=(
        Protection(
            "EU", "agreement", "pending", "china-eu", "V", "2022-12-02", None, "OJ C 459", "high", "a note"
        ),
        Protection("CN", "national-register", "protected", None, None, "2005", None, "CNIPA", "medium"),
    ),
)
WINE = GI(
    id="fr-x",
    names=(Name("Vin X", "original", "fr", "Latn"),),
    product_class="Wine",
    origin="FR",
    protections=(
        Protection("CN", "agreement", "protected", "china-eu", "IV", source="OJ", confidence="high"),
    ),
)


def write(tmp_path: Path, data: bytes | str, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_each_gi_gives_the_rows_of_its_csv_export_at_the_line_it_begins(tmp_path: Path) -> None:
    header, rows = read_table(write(tmp_path, to_json([WINE, TEA])))
    assert header == list(EXPORT_COLUMNS)
    as_csv = list(csv.DictReader(io.StringIO(to_csv(rows_for([WINE, TEA])).decode("utf-8-sig"))))
    assert [row for _, row in rows] == as_csv
    text = to_json([WINE, TEA]).decode()
    opening = [i + 1 for i, line in enumerate(text.splitlines()) if line == "  {"]
    assert [line for line, _ in rows] == [2, opening[1], opening[1]] and opening[0] == 2


def test_an_export_with_renderings_keeps_them_as_read_only_columns(tmp_path: Path) -> None:
    data = to_json([TEA], lang="th", renderings={TEA.id: ("ชาซินหยาง", "to be reviewed")})
    header, rows = read_json_export(write(tmp_path, data))
    assert header == list(EXPORT_COLUMNS + RENDERING_COLUMNS)
    assert {(r["rendering_lang"], r["rendering"], r["rendering_status"]) for _, r in rows} == {
        ("th", "ชาซินหยาง", "to be reviewed")
    }


def test_the_rows_of_the_target_list_become_entries_and_the_others_are_left_out(tmp_path: Path) -> None:
    left_out: list[tuple[int, str]] = []
    entries = parse_batch(
        write(tmp_path, to_json([TEA])), ANNEX_V, default_source="file", other_lists=left_out
    )
    [entry] = entries
    assert (
        entry.gi_id == TEA.id and entry.protection.note == "a note" and entry.protection.since == "2022-12-02"
    )
    assert left_out == [(2, "register/CN")]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("[\n  {\"id\": \"a\",\n  \"names\": [}\n]", ["{f}:3: (json): not valid JSON: Expecting value"]),
        ('{"id": "a"}', ["{f}: not a GIScope JSON export: expected a list of GI objects"]),
        ("[]", ["{f}: the export holds no GIs"]),
        (
            '[\n  "tea",\n  {"id": 7, "names": [], "product_class": "Tea", "origin": "CN"}\n]',
            ["{f}:2: (gi): expected a GI object", "{f}:3: id: expected text or null",
             "{f}:3: names: a GI needs at least one name"],
        ),
        (
            '[{"names": [{"text": "X", "kind": "original", "colour": "red"}, {"text": ""}], "origin": "CN",'
            ' "product_class": "Tea", "protections": [{"route": "agreement", "status": 1}]}]',
            ["{f}:1: names[1]: unknown field colour; allowed: text, kind, lang, script, source, confidence",
             "{f}:1: names[2].text: required value is missing",
             "{f}:1: names[2].kind: required value is missing",
             "{f}:1: protections[1].jurisdiction: required value is missing",
             "{f}:1: protections[1].status: expected text or null"],
        ),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_giscope_export_gives_field_problems(
    tmp_path: Path, text: str, problems: list[str]
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as refused:
        read_table(path)
    assert refused.value.problems == [p.format(f=path) for p in problems]


def test_a_hand_written_gi_without_an_id_is_a_new_entry(tmp_path: Path) -> None:
    gi = {"names": [{"text": "测试一号茶", "kind": "original"}], "product_class": "Tea", "origin": "CN",
          "protections": [{"jurisdiction": "EU", "route": "agreement", "agreement": "china-eu", "annex": "V",
                           "status": "pending"}]}  # fmt: skip
    [entry] = parse_batch(write(tmp_path, json.dumps([gi])), ANNEX_V, default_source="file", other_lists=[])
    assert (
        entry.gi_id is None and entry.names[0].text == "测试一号茶" and entry.protection.status == "pending"
    )
