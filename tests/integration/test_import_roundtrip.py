"""Safe imports at the service level: an export of a list is a valid import of that same list (nothing
to change), and a batch that withdraws a large part of its list is applied only when its number of
withdrawals is confirmed (gi_lists.safety)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from agreements.services import overview
from errors import InputError
from gi_lists import export as ex
from gi_lists.model import JURISDICTIONS
from gi_lists.safety import WITHDRAWAL_COUNT, WithdrawalsNotConfirmed, needs_confirmation
from gi_lists.services import Filters, import_file, list_gis
from storage.db import Database
from tests.integration.test_register import snapshot

ListKey = tuple[str | None, str | None, str | None]  # (agreement, annex, register)


def bundled_lists(db: Database) -> list[ListKey]:
    """Every list the import page offers: each agreement's annexes that hold names (or the agreement's
    one list), and each national register."""
    out: list[ListKey] = []
    for ov in overview(db):
        codes = [a.code for a in ov.agreement.annexes if a.holds_names]
        out += [(ov.agreement.id, code, None) for code in codes] or [(ov.agreement.id, None, None)]
    return out + [(None, None, j) for j in JURISDICTIONS]


def export_of(db: Database, key: ListKey, fmt: str) -> bytes:
    """What `giscope export` (and the Export tab) writes for the list: --agreement/--annex, or --in J."""
    agreement, annex, register = key
    filters = Filters(agreement=agreement, annex=annex, jurisdiction=register)
    if fmt == "json":  # whole GI objects, as `giscope export --format json` writes them
        return ex.to_json(list_gis(db, filters))
    rows = ex.rows_for(list_gis(db, filters), filters.protection_matches)
    return ex.to_csv(rows) if fmt == "csv" else ex.to_xlsx(rows)


def write(tmp_path: Path, data: bytes, fmt: str, name: str = "export") -> Path:
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(data)
    return path


def into(key: ListKey) -> dict[str, str | None]:
    return {"agreement": key[0], "annex": key[1], "register": key[2]}


def csv_of(db: Database, key: ListKey) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(export_of(db, key, "csv").decode("utf-8-sig")))
    return list(reader.fieldnames or []), list(reader)


def write_rows(tmp_path: Path, header: list[str], rows: list[dict[str, str]], name: str = "edited") -> Path:
    path = tmp_path / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def db(sqlite_loaded: str) -> Database:
    return Database(sqlite_loaded)


def test_the_bundled_lists_are_the_annexes_and_the_registers(db: Database) -> None:
    keys = bundled_lists(db)
    assert ("china-eu", "V", None) in keys and ("china-france", None, None) in keys
    assert {k[2] for k in keys if k[2]} == set(JURISDICTIONS)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_an_export_of_every_list_imports_into_it_with_nothing_to_change(
    db: Database, tmp_path: Path, fmt: str
) -> None:
    before = snapshot(db)
    for key in bundled_lists(db):
        path = write(tmp_path, export_of(db, key, fmt), fmt, name="-".join(p or "" for p in key))
        result = import_file(db, path, who="tester", **into(key))  # applied, not a dry run
        s = result.plan.summary()
        assert (s["added"], s["changed"], s["removed"]) == (0, 0, 0), (key, s, result.plan.changed[:3])
        assert s["unchanged"] == s["rows"] > 0, (key, s)
        assert result.batch_id is None and result.plan.is_empty
    assert snapshot(db) == before  # nothing to change: nothing written, not even a batch


def test_an_xlsx_export_keeps_the_columns_the_importer_reads(db: Database) -> None:
    sheet = load_workbook(io.BytesIO(export_of(db, ("china-eu", "V", None), "xlsx"))).worksheets[0]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:2] == ["id", "name"] and "annex" in header


def test_an_edited_export_changes_only_what_was_edited(loaded_engine: Database, tmp_path: Path) -> None:
    key = ("china-eu", "V", None)
    header, rows = csv_of(loaded_engine, key)
    rows[0]["note"] = "checked against the OJ"
    gone = rows.pop()
    result = import_file(loaded_engine, write_rows(tmp_path, header, rows), who="tester", **into(key))
    s = result.plan.summary()
    assert (s["added"], s["changed"], s["removed"]) == (0, 1, 1)
    assert [gi_id for gi_id, _, _ in result.plan.removed] == [gone["id"]]
    assert not result.plan.needs_confirmation and result.batch_id is not None


def test_rows_of_other_lists_are_left_out_and_counted(db: Database, tmp_path: Path) -> None:
    header, v_rows = csv_of(db, ("china-eu", "V", None))
    _, iv_rows = csv_of(db, ("china-eu", "IV", None))
    path = write_rows(tmp_path, header, v_rows + iv_rows[:3])
    plan = import_file(
        db, path, who="tester", dry_run=True, agreement="china-eu", annex="V", register=None
    ).plan
    assert plan.is_empty and plan.rows == len(v_rows)
    assert plan.left_out == [(len(v_rows) + 2 + i, "china-eu/IV") for i in range(3)]


def test_an_export_of_another_list_is_refused_whole(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, export_of(db, ("china-eu", "IV", None), "csv"), "csv")
    with pytest.raises(InputError) as caught:
        import_file(db, path, who="tester", agreement="china-eu", annex="V", register=None)
    assert caught.value.problems == [
        f"{path}: every row is an entry of another list (china-eu/IV), none of china-eu/V"
    ]


def test_an_unknown_id_or_one_from_another_origin_is_a_line_numbered_problem(
    db: Database, tmp_path: Path
) -> None:
    header, rows = csv_of(db, ("china-eu", "V", None))
    rows[0]["id"] = "cn-no-such-gi"
    rows[1]["origin"] = "FR"  # annex V lists Chinese names
    path = write_rows(tmp_path, header, rows)
    with pytest.raises(InputError) as caught:
        import_file(db, path, who="tester", dry_run=True, agreement="china-eu", annex="V", register=None)
    problems = caught.value.problems
    assert problems[0] == f"{path}:2: id: no GI with id 'cn-no-such-gi'; leave id empty for a new GI"
    assert (
        problems[1] == f"{path}:3: id: GI '{rows[1]['id']}' is from CN, not FR; leave id empty for another GI"
    )


def test_a_row_without_a_route_must_not_name_another_annex(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "hand.csv"
    path.write_text("name,product_class,origin,annex\n测试一号茶,Tea,CN,IV\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(db, path, who="tester", dry_run=True, agreement="china-eu", annex="V", register=None)
    assert caught.value.problems == [f"{path}:2: annex: 'IV' is not the annex of china-eu/V"]


def test_the_threshold_is_more_than_five_entries_or_more_than_a_tenth() -> None:
    assert not needs_confirmation(0, 0)
    assert not needs_confirmation(WITHDRAWAL_COUNT, 1000)
    assert needs_confirmation(WITHDRAWAL_COUNT + 1, 1000)
    assert not needs_confirmation(1, 10)  # a tenth exactly
    assert needs_confirmation(2, 10) and needs_confirmation(1, 9)


def test_a_small_batch_into_a_large_list_needs_its_withdrawals_confirmed(
    loaded_engine: Database, tmp_path: Path
) -> None:
    header, rows = csv_of(loaded_engine, ("china-eu", "V", None))
    path = write_rows(tmp_path, header, rows[:4])
    options = {"who": "tester", "agreement": "china-eu", "annex": "V", "register": None}
    plan = import_file(loaded_engine, path, dry_run=True, **options).plan
    withdrawn = len(plan.removed)
    assert plan.needs_confirmation and withdrawn == plan.listed - 4 > 5
    before = snapshot(loaded_engine)
    for confirmed in (None, withdrawn - 1):
        with pytest.raises(WithdrawalsNotConfirmed) as caught:
            import_file(loaded_engine, path, confirm_withdrawals=confirmed, **options)
        assert (caught.value.withdrawn, caught.value.listed) == (withdrawn, plan.listed)
        assert f"withdraws {withdrawn} of {plan.listed} entries of china-eu/V" in str(caught.value)
        assert snapshot(loaded_engine) == before
    done = import_file(loaded_engine, path, confirm_withdrawals=withdrawn, **options)
    assert done.batch_id is not None and done.plan.summary()["removed"] == withdrawn
    kept = import_file(loaded_engine, path, keep_missing=True, **options)  # nothing left to withdraw
    assert kept.plan.is_empty


def test_a_confirmation_for_another_number_is_refused_even_below_the_threshold(
    loaded_engine: Database, tmp_path: Path
) -> None:
    header, rows = csv_of(loaded_engine, ("china-eu", "V", None))
    path = write_rows(tmp_path, header, rows[:-1])
    options = {"who": "tester", "agreement": "china-eu", "annex": "V", "register": None}
    with pytest.raises(WithdrawalsNotConfirmed):
        import_file(loaded_engine, path, confirm_withdrawals=3, **options)
    assert import_file(loaded_engine, path, **options).plan.summary()["removed"] == 1
