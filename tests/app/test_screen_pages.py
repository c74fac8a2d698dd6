"""The screening pages (Screen labels, Scan a proposed list) run headless with AppTest on a real register."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from compare.services import ScanRow, build_index, check_labels
from gi_lists.services import coverage
from storage.db import Database
from tests.app.conftest import ok
from ui.cells import plain_label, screen_summary
from ui.tables import CSV_COLUMNS, objection_rows, results_csv, scan_table

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "app_pages/screen.py"
SCAN = "app_pages/scan.py"
TIMEOUT = 30  # the first run imports the name-folding libraries and builds the index
LABELS = "Champagne-style sparkling wine\n香宾酒\nplain green tea"
PROPOSED = b"name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n"


def run(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    return ok(at.run())


def screen(labels: str, jurisdiction: str = "CN", product_class: str = "", file=None) -> AppTest:
    at = run(SCREEN)
    at.selectbox(key="screen_jurisdiction").select(jurisdiction)
    at.text_area(key="screen_labels").input(labels)
    at.text_input(key="screen_class").input(product_class)
    if file is not None:
        at.file_uploader(key="screen_file").set_value(file)
    at.button[0].click()
    return ok(at.run())


def scan(content: bytes, against: str = "CN", name: str = "proposed.csv", mime: str = "text/csv") -> AppTest:
    at = run(SCAN)
    at.selectbox(key="scan_against").select(against)
    at.file_uploader(key="scan_file").set_value((name, content, mime))
    at.button[0].click()
    return ok(at.run())


def expander(at: AppTest, label: str):
    return next(e for e in at.expander if label in e.label)


def match_rows(at: AppTest, label: str) -> list[dict[str, str]]:
    box = expander(at, label)
    return box.table[0].value.to_dict("records") if box.table else []


def test_screening_finds_champagne_in_english_and_a_homophone_but_not_in_green_tea(register):
    at = screen(LABELS)
    for label in ("Champagne-style sparkling wine", "香宾酒"):
        rows = match_rows(at, label)
        assert {"GI id": "fr-champagne", "Severity": "● high"}.items() <= rows[0].items(), rows
        assert expander(at, label).proto.expanded
        assert expander(at, label).label.startswith(":red-badge[high]")
    tea = match_rows(at, "plain green tea")
    assert all(row["Severity"] != "● high" for row in tea), tea
    assert not expander(at, "plain green tea").proto.expanded
    assert at.markdown[0].value.startswith("**3 labels checked**")
    assert ":red-badge[high] 2" in at.markdown[0].value


def test_each_match_shows_its_reason_and_legal_basis(register):
    at = screen("香宾酒")
    box = expander(at, "香宾酒")
    rows = match_rows(at, "香宾酒")
    assert set(rows[0]) == {
        "Severity",
        "Kind",
        "Score",
        "GI id",
        "Protected form",
        "Label form",
        "Confidence",
    }
    assert rows[0]["Kind"] == "homophone" and rows[0]["Protected form"] == "香槟"
    reasons = [m.value for m in box.markdown]
    assert any("`fr-champagne`" in r and "sounds the same" in r for r in reasons), reasons
    assert any(
        c.value.startswith("Legal basis (`fr-champagne`): China–EU GI Agreement Art. 4") for c in box.caption
    )


def test_low_confidence_matches_are_marked(register):
    at = screen("Barollox")  # two letters off Barolo: a weak, low-confidence similarity
    rows = match_rows(at, "Barollox")
    assert rows and rows[0]["Confidence"] == "⚠ low", rows
    assert rows[0]["Severity"] == "○ low"


def test_empty_input_shows_a_hint_and_no_error(register):
    at = run(SCREEN)
    assert "Enter labels" in at.info[0].value and not at.error and not at.expander
    at = screen("  \n\n ")
    assert "Enter labels" in at.info[0].value and not at.error and not at.expander


def test_labels_come_from_an_uploaded_text_file_too(register):
    at = screen("", file=("labels.txt", "\ufeff香宾酒\n\nCheddar cheese\n".encode(), "text/plain"))
    labels = [e.label for e in at.expander]
    assert len(labels) == 2 and "香宾酒" in labels[0] and "Cheddar cheese" in labels[1], labels


def test_an_upload_that_is_not_utf8_names_the_file_and_line(register):
    latin1 = "Champagne\nRoquefort\nCaf\xe9\n".encode("latin-1")
    at = screen("Champagne", file=("labels.txt", latin1, "text/plain"))
    assert len(at.error) == 1
    assert "labels.txt:3: (label): not UTF-8 text" in at.error[0].value.replace("\\", "")
    assert "giscope-" not in at.error[0].value  # the temporary copy is not shown
    assert not at.expander


def test_the_product_class_and_jurisdiction_reach_the_checker(register):
    at = screen("Bordeaux", jurisdiction="TH")  # on no list protecting names in Thailand
    assert not match_rows(at, "Bordeaux")
    assert expander(at, "Bordeaux").label.startswith(":orange-badge[⚠ no conflict found]")
    # Champagne / 香槟 is a well-known mark in China held for perfume and cosmetics (Beijing High Court,
    # 30 Nov 2023): high on the goods it was held for, medium on other goods
    at = screen("香槟", product_class="Cosmetics")
    assert match_rows(at, "香槟")[0]["Severity"] == "● high"
    at = screen("香槟", product_class="Clothing")
    assert match_rows(at, "香槟")[0]["Severity"] == "● medium"


def test_csv_has_one_row_per_match_and_json_matches_the_cli(register_url):
    db = Database(register_url)
    index = build_index(db)
    results = check_labels(index, LABELS.splitlines(), "CN")
    text = results_csv(results, coverage(db, "CN")).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == sum(len(r.matches) or 1 for r in results)  # a label without a match has a row
    assert rows[0]["label"] == "Champagne-style sparkling wine" and rows[0]["gi_id"] == "fr-champagne"
    assert rows[0]["severity"] == "high"
    assert "3 labels checked" in screen_summary(results)
    assert json.loads(json.dumps([r.to_dict() for r in results]))[1]["matches"][0]["gi_id"] == "fr-champagne"


def test_scan_shows_findings_and_counts_rows_with_objection_grounds(register):
    at = scan(PROPOSED)
    table = at.table[0].value
    champagne = table[table["Name"] == "Champagne"].iloc[0]
    cheddar = table[table["Name"] == "Cheddar"].iloc[0]
    assert (champagne["Finding"], champagne["Line"]) == ("already-protected", 2)
    assert champagne["Detail"].startswith("fr-champagne:")
    assert (cheddar["Finding"], cheddar["Severity"]) == ("generic-term", "● medium")
    assert "**2 rows scanned** against CN · **1** with possible objection grounds" in at.markdown[0].value


def test_scan_reads_an_xlsx_list(register):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in PROPOSED.decode().splitlines():
        sheet.append(row.split(","))
    data = io.BytesIO()
    book.save(data)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at = scan(data.getvalue(), name="proposed.xlsx", mime=xlsx)
    assert list(at.table[0].value["Finding"]) == ["already-protected", "generic-term"]


def test_scan_lists_the_problems_of_a_bad_file(register):
    at = scan(b"name,product_class\nChampagne,Wine\n", name="bad.csv")
    assert len(at.error) == 1
    assert "bad.csv:1: origin: required column is missing" in at.error[0].value.replace("\\", "")
    assert "giscope-" not in at.error[0].value
    assert not at.table


def test_scan_asks_for_a_file(register):
    at = run(SCAN)
    assert "Upload a list" in at.info[0].value and not at.error


def test_scan_table_gives_rows_without_findings_a_line():
    table = scan_table([ScanRow(2, "Nowhere Tea", "CN", "Tea")])
    assert table.to_dict("records") == [
        {
            "Line": 2,
            "Name": "Nowhere Tea",
            "Origin": "CN",
            "Product class": "Tea",
            "Finding": "none",
            "Severity": "",
            "Detail": "no objection ground found",
        }
    ]
    assert objection_rows([ScanRow(2, "Nowhere Tea", "CN", "Tea")]) == 0


@pytest.mark.parametrize("page", (SCREEN, SCAN))
def test_an_uninitialised_database_asks_for_giscope_init(monkeypatch, tmp_path, page):
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    at = run(page)
    assert at.error and "giscope init" in at.error[0].value
    assert not at.text_area and not at.file_uploader


def test_router_lists_the_screening_pages(register):
    at = run("streamlit_app.py")
    at.switch_page(SCREEN).run()
    assert ok(at).title[0].value == "Screen labels"
    at.switch_page(SCAN).run()
    assert ok(at).title[0].value == "Scan a proposed list"


def test_the_screen_page_says_what_was_screened(register):
    at = screen("plain water", jurisdiction="EU")
    captions = [c.value for c in at.caption]
    covered = next(c for c in captions if c.startswith("Screened against"))
    assert "the EU register as of July 2020" in covered and "China–EU Annex III" in covered
    assert "on none of these lists were not screened" in covered


def test_a_label_that_is_a_web_address_is_shown_as_text_not_a_link():
    # markdown makes www.…, http(s)://… and a@b.c links even with their dots escaped: a word joiner (drawn as
    # nothing) breaks the pattern; emphasis stays escaped
    shown = plain_label("www.champagne-shop.fr https://prosecco.shop info@cava.es *brut*")
    assert "www." not in shown and "https:" not in shown and "o@" not in shown
    typed = "www.champagne-shop.fr https://prosecco.shop info@cava.es \\*brut\\*"
    assert shown.replace("\u2060", "") == typed
