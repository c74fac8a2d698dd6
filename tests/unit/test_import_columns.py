"""The importer reads GIScope's own export (pure: no database): which list a row names, the id it
carries, the columns read but not imported."""

from __future__ import annotations

import pytest

from errors import InputError
from gi_lists.entries import ListTarget
from gi_lists.export import EXPORT_COLUMNS, RENDERING_COLUMNS
from gi_lists.importers import KNOWN_COLUMNS, list_cell_problems, other_list, parse_batch

ANNEX_V = ListTarget("EU", "agreement", "china-eu", "V", "pending", None, ("CN", "EU"), "CN")
REGISTER_CN = ListTarget("CN", "national-register", None, None, "protected", None)
FRANCE = ListTarget(None, "national-register", "china-france", None, "protected", None, ("CN", "FR"))


def test_every_export_column_is_a_known_import_column() -> None:
    assert set(EXPORT_COLUMNS + RENDERING_COLUMNS) <= set(KNOWN_COLUMNS)


@pytest.mark.parametrize(
    ("cells", "target", "elsewhere"),
    [
        ({"route": "agreement", "agreement": "china-eu", "annex": "V", "jurisdiction": "EU"}, ANNEX_V, None),
        (
            {"route": "agreement", "agreement": "china-eu", "annex": "IV", "jurisdiction": "CN"},
            ANNEX_V,
            "china-eu/IV",
        ),
        (
            {"route": "national-register", "agreement": "", "annex": "", "jurisdiction": "CN"},
            REGISTER_CN,
            None,
        ),
        (
            {"route": "national-register", "agreement": "", "annex": "", "jurisdiction": "EU"},
            REGISTER_CN,
            "register/EU",
        ),
        (
            {"route": "agreement", "agreement": "china-eu", "annex": "IV", "jurisdiction": "CN"},
            REGISTER_CN,
            "china-eu/IV",
        ),
        (
            {"route": "national-register", "agreement": "china-france", "jurisdiction": "CN"},
            REGISTER_CN,
            "china-france",
        ),
        ({"route": "national-register", "agreement": "china-france", "jurisdiction": "FR"}, FRANCE, None),
        ({"route": "", "agreement": "", "annex": ""}, ANNEX_V, None),  # a row added by hand names no list
    ],
)
def test_a_row_names_its_list_by_its_route_agreement_annex_and_jurisdiction(cells, target, elsewhere) -> None:
    assert other_list(cells, target) == elsewhere


def test_a_row_without_a_route_must_not_name_another_agreement_or_annex() -> None:
    assert list_cell_problems({"annex": "iv"}, ANNEX_V) == [("annex", "'iv' is not the annex of china-eu/V")]
    assert list_cell_problems({"annex": "v", "agreement": "china-eu"}, ANNEX_V) == []
    assert list_cell_problems({"route": "agreement", "annex": "IV"}, ANNEX_V) == []  # other_list's case


def test_an_export_row_gives_its_id_note_and_reference(tmp_path) -> None:
    path = tmp_path / "export.csv"
    header = ",".join(EXPORT_COLUMNS)
    row = "cn-test-cha,测试茶,Ce Shi Cha,,,,Tea,CN,,EU,agreement,china-eu,V,pending,,,OJ C 459,high,"
    row += "a note,REF-1"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    [entry] = parse_batch(path, ANNEX_V, default_source="file", other_lists=[])
    assert entry.gi_id == "cn-test-cha"
    assert (entry.protection.note, entry.protection.reference) == ("a note", "REF-1")


def test_a_jurisdiction_that_disagrees_with_the_list_is_a_problem(tmp_path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "name,product_class,origin,jurisdiction,route,agreement,annex\n测试茶,Tea,CN,CN,agreement,china-eu,V\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        parse_batch(path, ANNEX_V, default_source="file", other_lists=[])
    assert caught.value.problems == [
        f"{path}:2: jurisdiction: 'CN' is not where china-eu/V protects names from CN"
    ]


def test_screening_a_file_does_not_read_the_list_columns(tmp_path) -> None:
    path = tmp_path / "proposal.csv"
    path.write_text(
        "name,product_class,origin,route,agreement,annex\n测试茶,Tea,CN,agreement,china-eu,IV\n",
        encoding="utf-8",
    )
    [entry] = parse_batch(path, ANNEX_V, default_source="file")  # no other_lists: the columns are ignored
    assert entry.primary.text == "测试茶"
