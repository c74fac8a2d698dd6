import pytest
from openpyxl import Workbook

from errors import InputError
from gi_lists.entries import ListTarget
from gi_lists.importers import parse_batch

ANNEX_V = ListTarget("EU", "agreement", "china-eu", "V", "pending", None, ("CN", "EU"))
FRANCE = ListTarget(None, "national-register", "china-france", None, "protected", None, ("CN", "FR"))

GOOD = """name,transcription,product_class,origin,region,status,since,source,confidence
信阳毛尖,Xinyang Mao Jian,Tea,CN,Henan,pending,2022-12-02,OJ C 459,high
"""


def write(tmp_path, text, name="batch.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_row_becomes_an_entry_with_names_and_protection(tmp_path):
    [entry] = parse_batch(write(tmp_path, GOOD), ANNEX_V, default_source="file")
    assert [(n.text, n.kind, n.script) for n in entry.names] == [
        ("信阳毛尖", "original", "Hani"),
        ("Xinyang Mao Jian", "transcription", "Latn"),
    ]
    p = entry.protection
    assert (p.jurisdiction, p.agreement, p.annex, p.status, p.since) == (
        "EU",
        "china-eu",
        "V",
        "pending",
        "2022-12-02",
    )
    assert (p.source, p.confidence) == ("OJ C 459", "high")


def test_three_bad_rows_among_ten_give_three_line_numbered_problems(tmp_path):
    lines = ["name,product_class,origin,since"]
    for i in range(10):
        lines.append(f"名称{i},Tea,CN,2020")
    lines[3] = ",Tea,CN,2020"  # line 4: empty name
    lines[6] = "名称5,Tea,Zhejiang,2020"  # line 7: origin not a country code
    lines[9] = "名称8,Tea,CN,2020-02-30"  # line 10: not a date
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    problems = err.value.problems
    assert len(problems) == 3
    assert problems[0] == f"{path}:4: name: required value is empty"
    assert problems[1].startswith(f"{path}:7: origin: 'Zhejiang' is not a country code")
    assert problems[2].startswith(f"{path}:10: since: '2020-02-30' is not a date")


def test_unknown_and_missing_columns_are_reported_on_line_one(tmp_path):
    path = write(tmp_path, "name,origin,colour\nX,FR,red\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    assert f"{path}:1: colour: unknown column" in err.value.problems[0]
    assert any(p == f"{path}:1: product_class: required column is missing" for p in err.value.problems)


def test_enumerated_fields_are_checked(tmp_path):
    path = write(
        tmp_path, "name,product_class,origin,status,confidence,name_zh\nX,Wine,FR,granted,sure,Champagne\n"
    )
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    columns = [p.split(": ")[1] for p in err.value.problems]
    assert columns == ["name_zh", "status", "confidence"]


def test_origin_must_be_a_party_of_a_bilateral_arrangement(tmp_path):
    path = write(tmp_path, "name,product_class,origin\nChampagne,Wine,FR\nRioja,Wine,ES\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, FRANCE, default_source="file")
    assert len(err.value.problems) == 1
    assert ":3: origin: ES is not one party of china-france" in err.value.problems[0]


def test_bilateral_row_is_protected_in_the_other_party(tmp_path):
    path = write(tmp_path, "name,product_class,origin,name_zh\nChampagne,Wine,FR,香槟\n信阳毛尖,Tea,CN,\n")
    first, second = parse_batch(path, FRANCE, default_source="file")
    assert first.protection.jurisdiction == "CN"
    assert [n.kind for n in first.names] == ["original", "official-rendering"]
    assert second.protection.jurisdiction == "FR"


def test_duplicate_rows_are_refused(tmp_path):
    path = write(tmp_path, "name,product_class,origin\nChampagne,Wine,FR\nchampagne,Wine,FR\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, FRANCE, default_source="file")
    assert err.value.problems == [f"{path}:3: name: 'champagne' (FR) is already on line 2"]


def test_non_utf8_and_unknown_file_types_are_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,product_class,origin\nComté,Cheeses,FR\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        parse_batch(path, ANNEX_V, default_source="file")
    with pytest.raises(InputError, match="unsupported file type"):
        parse_batch(write(tmp_path, "x", "list.pdf"), ANNEX_V, default_source="file")
    with pytest.raises(InputError, match="no such file"):
        parse_batch(tmp_path / "missing.csv", ANNEX_V, default_source="file")


def test_blank_lines_are_skipped_and_line_numbers_stay_true(tmp_path):
    path = write(tmp_path, "name,product_class,origin\n\n信阳毛尖,Tea,CN\n\n,Tea,CN\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    assert err.value.problems == [f"{path}:5: name: required value is empty"]


def test_xlsx_rows_are_read_with_spreadsheet_line_numbers(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "product_class", "origin", "since"])
    ws.append(["信阳毛尖", "Tea", "CN", "2021-03-01"])
    ws.append(["Bad", "Tea", "CN", "yesterday"])
    path = tmp_path / "batch.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    assert err.value.problems == [f"{path}:3: since: 'yesterday' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"]


def test_a_cell_beyond_the_header_is_an_error(tmp_path):
    path = write(tmp_path, "name,product_class,origin\n信阳毛尖,Tea,CN,extra\n")
    with pytest.raises(InputError) as err:
        parse_batch(path, ANNEX_V, default_source="file")
    assert err.value.problems == [f"{path}:2: (row): more cells than the header has columns"]
