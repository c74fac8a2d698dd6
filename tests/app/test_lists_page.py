"""The Import and export page, run headless with AppTest on a fresh SQLite register per test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from cli import main as giscope
from gi_lists.export import to_json
from gi_lists.services import Filters, find_gi, list_gis, search
from storage.db import Database
from tests.app.conftest import ok
from ui.resources import export_files

ROOT = Path(__file__).resolve().parents[2]
LISTS = "app_pages/lists.py"
TIMEOUT = 30
HEADER = "name,transcription,product_class,origin\n"
GOOD = (HEADER + "测试一号茶,Ceshi Yi Hao Cha,Tea,CN\n").encode()
BAD = (HEADER + "测试一号茶,Ceshi Yi Hao Cha,Tea,CN\n测试二号茶,Ceshi Er Hao Cha,Tea,Zhejiang\n").encode()
NEW_ID = "cn-ceshi-yi-hao-cha"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the pages in English, whatever GISCOPE_LANG says (Chinese: test_zh_register_pages)."""
    monkeypatch.setenv("GISCOPE_LANG", "en")


@pytest.fixture
def register(fresh_register: str) -> str:
    """A register per test: these pages write to it."""
    return fresh_register


def opened() -> AppTest:
    return ok(AppTest.from_file(str(ROOT / LISTS), default_timeout=TIMEOUT).run())


def prepare(
    content: bytes, *, target: str = "china-eu", annex: str | None = "V", keep: bool = True, name="batch.csv"
) -> AppTest:
    at = opened()
    at.file_uploader(key="lists_file").set_value((name, content, "text/csv"))
    at.selectbox(key="lists_target").select(target)
    ok(at.run())
    if annex is not None:
        at.selectbox(key="lists_annex").select(annex)
    at.checkbox(key="lists_keep").set_value(keep)
    return ok(at.run())


def check(at: AppTest) -> AppTest:
    at.button(key="lists_check").click()
    return ok(at.run())


def apply(at: AppTest) -> AppTest:
    assert not at.button(key="lists_apply").disabled
    at.button(key="lists_apply").click()
    return ok(at.run())


def counts(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def exported(url: str) -> bytes:
    """What `giscope export --format json` writes for the whole register."""
    engine = Database(url)
    try:
        return to_json(list_gis(engine, Filters()))
    finally:
        engine.dispose()


def gi_named(url: str, name: str):
    engine = Database(url)
    try:
        ids = {hit.gi.id for hit in search(engine, name) if hit.score >= 1.0}
        return find_gi(engine, ids.pop()) if len(ids) == 1 else None
    finally:
        engine.dispose()


def test_a_bad_row_is_listed_with_its_line_and_nothing_is_written(register):
    before = exported(register)
    at = check(prepare(BAD))
    assert len(at.error) == 1
    message = at.error[0].value.replace("\\", "")
    assert "batch.csv cannot be imported; nothing was written" in message
    assert "batch.csv:3: origin: 'Zhejiang' is not a country code" in message
    assert "giscope-" not in message and "/tmp" not in message  # the temporary copy is not named
    assert not at.metric and not at.dataframe
    assert at.button(key="lists_apply").disabled
    assert exported(register) == before
    assert gi_named(register, "测试一号茶") is None


def test_checking_and_applying_a_batch_to_annex_v_adds_the_gi_with_its_history(register):
    at = check(prepare(GOOD))
    assert not at.error
    assert counts(at) == {"Added": "1", "Changed": "0", "Withdrawn": "0", "Unchanged": "0"}
    added = at.dataframe[0].value.to_dict("records")
    assert added == [
        {"GI id": NEW_ID, "Name": "测试一号茶", "List": "EU/agreement/china-eu/V", "Status": "pending"}
    ]
    assert gi_named(register, "测试一号茶") is None  # a check writes nothing

    at = apply(at)
    assert "applied to china-eu/V: 1 added, 0 changed, 0 withdrawn" in at.success[0].value
    assert at.success[0].value.startswith("Batch ")
    assert at.button(key="lists_apply").disabled  # a new check is needed before the next apply
    gi = gi_named(register, "Ceshi Yi Hao Cha")
    assert gi is not None and gi.id == NEW_ID
    assert [(p.agreement, p.annex, p.status) for p in gi.protections] == [("china-eu", "V", "pending")]
    assert gi.history and all(h.who == "page-tester" for h in gi.history)
    assert any("batch.csv" in h.reason for h in gi.history), gi.history

    at = check(at)
    assert counts(at)["Added"] == "0" and counts(at)["Changed"] == "0"
    assert counts(at)["Unchanged"] == "1"


def test_without_keep_the_entries_left_out_are_shown_as_withdrawn(register):
    at = check(prepare(GOOD, keep=False))
    withdrawn = at.dataframe[-1].value  # added, then withdrawn (no change: no table)
    assert int(counts(at)["Withdrawn"]) == len(withdrawn) > 0
    assert "cn-wujiatai-gong-cha" in set(withdrawn["GI id"])
    assert set(withdrawn["Status"]) == {"pending → withdrawn"}


def test_apply_needs_a_check_of_the_same_file_and_options(register):
    at = prepare(GOOD)
    assert at.button(key="lists_apply").disabled
    at = check(at)
    assert not at.button(key="lists_apply").disabled
    at.checkbox(key="lists_keep").uncheck()
    ok(at.run())
    assert at.button(key="lists_apply").disabled and not at.metric
    at.checkbox(key="lists_keep").check()
    ok(at.run())
    assert not at.button(key="lists_apply").disabled and counts(at)["Added"] == "1"
    at.file_uploader(key="lists_file").set_value(
        ("batch.csv", GOOD + "测试三号茶,,Tea,CN\n".encode(), "text/csv")
    )
    ok(at.run())
    assert at.button(key="lists_apply").disabled


def test_a_published_batch_shows_its_objection_window_and_alerts_reach_the_outbox(
    register, monkeypatch, tmp_path
):
    outbox = tmp_path / "alerts.jsonl"
    monkeypatch.setenv("GISCOPE_ALERT_OUTBOX", str(outbox))
    at = prepare(GOOD)
    at.date_input(key="lists_published").set_value(dt.date(2025, 3, 3))
    at = apply(check(ok(at.run())))
    assert any(i.value.startswith("Objection window: until ") for i in at.info), [i.value for i in at.info]
    alerts = [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines()]
    assert any(a["kind"] == "new-batch" and "china-eu/V" in a["title"] for a in alerts), alerts


def test_a_national_register_batch_has_no_annex(register):
    at = prepare(b"name,product_class,origin\nKhao Test Rice,Rice,TH\n", target="TH", annex=None)
    assert "lists_annex" not in {s.key for s in at.selectbox}
    at = apply(check(at))
    assert "applied to register/TH: 1 added" in at.success[0].value, at.success[0].value


def test_annex_choices_are_the_agreements_name_lists(register):
    at = opened()
    assert at.selectbox(key="lists_annex").options[0].startswith("III: Chinese GIs protected in the EU")
    assert [o.split(":")[0] for o in at.selectbox(key="lists_annex").options] == [
        "III",
        "IV",
        "V",
        "VI",
        "VII",
    ]
    at.selectbox(key="lists_target").select("china-france")
    ok(at.run())
    assert "lists_annex" not in {s.key for s in at.selectbox}


def test_export_offers_csv_xlsx_and_json_named_by_the_filters(register):
    at = opened()
    at.selectbox(key="export_agr").select("china-eu")
    ok(at.run())
    at.selectbox(key="export_annex").select("IV")
    at.selectbox(key="export_in").select("CN")
    at.selectbox(key="export_lang").select("fr")
    ok(at.run())
    buttons = {b.proto.label: b.proto.deferred_file_id for b in at.get("download_button")}
    assert set(buttons) == {"Download CSV", "Download XLSX", "Download JSON"}
    # the files are made when a button is pressed (the browser tests download them), not on every run
    assert all(buttons.values())
    assert any(m.value.startswith("**96 GIs**") for m in at.markdown), [m.value for m in at.markdown]


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--agreement", "china-eu", "--annex", "IV", "--in", "CN"],
        ["--agreement", "china-eu", "--lang", "fr"],
    ],
)
def test_export_files_are_those_of_giscope_export(register, options):
    flags = dict(zip(options[::2], options[1::2], strict=True))
    filters = Filters(
        agreement=flags.get("--agreement"), annex=flags.get("--annex"), jurisdiction=flags.get("--in")
    )
    count, files = export_files(filters, flags.get("--lang"))
    runner = CliRunner()
    for fmt in ("csv", "json"):
        result = runner.invoke(
            giscope, ["export", *options, "--format", fmt], env={"GISCOPE_DATABASE_URL": register}
        )
        assert result.exit_code == 0, result.output
        assert files[fmt] == result.stdout_bytes, fmt
    assert count == len(json.loads(files["json"]))
    sheet = load_workbook(io.BytesIO(files["xlsx"]), read_only=True).worksheets[0]
    csv_rows = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == len(csv_rows)


def test_an_uninitialised_database_asks_for_giscope_init(monkeypatch, tmp_path):
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    at = opened()
    assert at.error and "giscope init" in at.error[0].value
    assert not at.file_uploader


def test_router_lists_the_page_in_the_register_section(register):
    at = ok(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT).run())
    at.switch_page(LISTS).run()
    assert ok(at).title[0].value == "Import and export"
