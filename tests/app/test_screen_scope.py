"""The Screen labels page is honest about its scope: every result says what it was screened against (lists,
registers, dates), a label with no hit is "no conflict found in <those lists>" (never a bare green "no
match"), a register that was not screened is a warning, every label is in every download, a severity
chart, a progress bar for long lists and each legal basis once."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from briefings.screening import labels_brief
from compare.services import build_index, check_labels
from gi_lists.coverage import EU_SNAPSHOT_FILE, HOME_FILE, Coverage, CoveredList
from gi_lists.services import coverage
from storage.db import Database
from tests.app.conftest import ok
from tests.app.zh_screening import english_left
from ui.screening import gap_warning, no_conflict, scope_markdown
from ui.tables import CSV_COLUMNS, results_csv, results_json, results_xlsx

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "app_pages/screen.py"
TIMEOUT = 60
LABELS = ["Champagne-style sparkling wine", "Lucky cola", "香宾酒", "plain water"]
NO_HIT = ("Lucky cola", "plain water")


def screen(labels: str, jurisdiction: str = "EU", lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / SCREEN), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    ok(at.run())
    at.selectbox(key="screen_jurisdiction").select(jurisdiction)
    at.text_area(key="screen_labels").input(labels)
    at.button[0].click()
    return ok(at.run())


def expander(at: AppTest, label: str):
    return next(e for e in at.expander if label in e.label)


def chart_counts(at: AppTest) -> dict[str, int]:
    """The severity chart's bars: severity word -> labels."""
    (chart,) = at.get("vega_lite_chart")
    (dataset,) = chart.proto.datasets
    frame = pa.ipc.open_stream(dataset.data.data).read_pandas()
    spec = json.loads(chart.proto.spec)
    severity, labels = spec["encoding"]["x"]["field"], spec["encoding"]["y"]["field"]
    return dict(zip(frame[severity], frame[labels], strict=True))


def test_a_label_with_no_hit_says_no_conflict_found_in_the_lists_it_was_screened_against(register):
    at = screen("\n".join(LABELS))
    box = expander(at, "Lucky cola")
    assert "no match" not in box.label and ":green-badge" not in box.label
    assert box.label.startswith(":orange-badge[⚠ no conflict found]")
    found = box.markdown[0].value
    assert found.startswith("No conflict found in China–EU Annex III (loaded ")
    assert "China–EU Annex V (loaded" in found and "the EU register as of July 2020" in found
    # the EU register is the bundled 2020 snapshot: said beside the result, as a warning
    assert box.warning[0].value.startswith("Screened as of July 2020 only: the EU register (eAmbrosia).")
    assert "since then were not checked" in box.warning[0].value


def test_the_scope_names_the_lists_and_the_eu_register_state(register):
    at = screen("\n".join(LABELS))
    scope = next(m.value for m in at.markdown if m.value.startswith("**Screened against**"))
    assert "the European Union: China–EU Annex III (loaded " in scope
    assert "the EU register as of July 2020" in scope
    assert at.warning[0].value.startswith("Screened as of July 2020 only: the EU register")
    # a label with hits says what it was screened against too
    box = expander(at, "Champagne-style")
    assert any(c.value.startswith("**Screened against** the European Union") for c in box.caption)


def test_an_eu_register_that_was_never_imported_is_a_warning_not_a_clear(fresh_register):
    with sqlite3.connect(fresh_register.removeprefix("sqlite:///")) as conn:
        conn.execute(
            "UPDATE protections SET status = 'withdrawn' WHERE batch_id IN "
            "(SELECT id FROM batches WHERE list_key = 'register/EU')"
        )
    at = screen("Lucky cola")
    missing = "Not screened: the EU register (eAmbrosia). It has not been imported"
    assert at.warning[0].value.startswith(missing)
    box = expander(at, "Lucky cola")
    assert "EU register" not in box.markdown[0].value  # not among the lists it was screened against
    assert box.warning[0].value.startswith(missing)
    assert any(missing in c.value for c in at.caption)  # the coverage note, as `giscope check` prints it
    covered = coverage(Database(fresh_register), "EU")
    assert covered.register().state == "missing" and missing in covered.text()


def test_a_register_imported_from_a_file_is_named_with_its_date_and_needs_no_warning():
    covered = Coverage(
        "EU",
        (
            CoveredList("china-eu/III", "china_eu_annexes.csv", "2026-12-01T10:00:00", 100),
            CoveredList("register/EU", EU_SNAPSHOT_FILE, "2026-12-01T10:00:00", 3475),
            CoveredList("register/EU", "eambrosia_2026-12.json", "2026-12-03T09:00:00", 3600),
            CoveredList("home", HOME_FILE, "2026-12-01T10:00:00", 1),
        ),
        3700,
    )
    assert covered.register().to_dict() == {"list": "register/EU", "state": "imported", "as_of": "2026-12-03"}
    assert covered.register().warning() is None
    assert "the European Union register (imported 2026-12-03)" in covered.names_text()
    assert "China–EU Annex III (loaded 2026-12-01)" in covered.names_text()
    assert "中欧协定附录三（2026-12-01载入）" in covered.names_text("zh")


def test_a_jurisdiction_with_nothing_to_screen_never_reads_as_no_conflict_found():
    covered = Coverage("TH", (), 0)
    for text in (no_conflict(covered), scope_markdown(covered)):
        assert text.startswith(
            "Nothing was screened: the register holds no name protected or pending in Thailand"
        )
    assert (
        gap_warning(covered, "zh")
        == "未筛查：泰国以本国途径保护的外国地理标志名单。该名单尚未导入，仅在其中受保护的名称未经检查。"
    )


def test_the_severity_chart_counts_labels_by_worst_severity(register):
    at = screen("\n".join(LABELS))
    assert chart_counts(at) == {"high": 2, "medium": 0, "low": 0, "no conflict found": 2}
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["encoding"]["color"]["scale"]["range"][0] == "#b71c1c"  # high in red
    assert spec["title"] == "Labels by worst severity"


def test_each_legal_basis_is_shown_once_per_label(register):
    at = screen("Champagne Bordeaux Bourgogne wine", jurisdiction="CN")
    box = expander(at, "Champagne Bordeaux")
    hits = [m.value for m in box.markdown if "**`" in m.value]
    bases = [c.value for c in box.caption if c.value.startswith("Legal basis")]
    assert len(hits) == 3 and 1 <= len(bases) < len(hits)
    assert len(set(bases)) == len(bases)
    for gi in ("fr-champagne", "fr-bordeaux", "fr-bourgogne"):
        assert sum(f"`{gi}`" in b.split(":")[0] for b in bases) == 1, gi


def test_the_page_in_chinese_states_its_scope_and_chart_in_chinese(register):
    at = screen("\n".join(LABELS), lang="zh")
    data = {w for label in LABELS for w in label.split()} | {
        "Champagne",
        "PDO-FR-A",
        "C-",
    }  # labels, file and case numbers
    assert not english_left(at, data), english_left(at, data)
    box = expander(at, "Lucky cola")
    assert box.label.startswith(":orange-badge[⚠ 未发现冲突]")
    assert box.markdown[0].value.startswith("在以下名单中未发现冲突：中欧协定附录三（")
    assert "欧盟地理标志登记簿（2020年7月版本）" in box.markdown[0].value
    assert box.warning[0].value.startswith("仅按2020年7月版本筛查：欧盟地理标志登记簿")
    assert chart_counts(at) == {"高": 2, "中": 0, "低": 0, "未发现冲突": 2}
    assert [b.proto.label for b in at.get("download_button")] == ["下载 JSON", "下载 CSV", "下载 XLSX"]


def test_the_pdf_report_is_made_only_when_asked_for(register):
    at = screen("\n".join(LABELS))
    assert [b.proto.label for b in at.get("download_button")][-1] == "Download XLSX"
    at.button(key="screen_pdf").click()
    ok(at.run())
    assert [b.proto.label for b in at.get("download_button")][-1] == "Download PDF report"


@pytest.mark.parametrize("count", [3, 51])
def test_more_than_fifty_labels_show_progress(register, count):
    at = screen("\n".join(f"Label number {i}" for i in range(count)), jurisdiction="TH")
    assert bool(at.get("progress")) == (count > 50)
    assert len(at.expander) == count


# --- the download files: every label, and what it was screened against -----------------------------


@pytest.fixture(scope="module")
def screened(register_url):
    db = Database(register_url)
    results = check_labels(build_index(db), LABELS, "EU")
    return db, results, coverage(db, "EU")


def test_the_csv_has_every_label_and_its_scope(screened):
    _, results, covered = screened
    rows = list(csv.DictReader(io.StringIO(results_csv(results, covered).decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["label"] for r in rows if r["severity"] == "none"] == list(NO_HIT)
    assert {r["label"] for r in rows} == set(LABELS)
    for row in rows:
        assert "the EU register as of July 2020" in row["screened_against"]
        assert "China–EU Annex III (loaded " in row["screened_against"]
        assert row["not_screened"].startswith("Screened as of July 2020 only: the EU register")
        assert row["jurisdiction"] == "EU"
    water = next(r for r in rows if r["label"] == "plain water")
    assert water["gi_id"] == "" and water["legal_basis"] == ""


def test_the_xlsx_has_every_label_and_its_scope(screened):
    _, results, covered = screened
    sheet = load_workbook(io.BytesIO(results_xlsx(results, covered, "zh"))).active
    assert sheet is not None
    rows = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert {r["label"] for r in rows} == set(LABELS)
    assert [r["label"] for r in rows if r["severity"] == "none"] == list(NO_HIT)
    assert all("欧盟地理标志登记簿（2020年7月版本）" in str(r["screened_against"]) for r in rows)


def test_the_json_is_the_cli_output_with_every_label_and_its_coverage(screened):
    _, results, covered = screened
    data = json.loads(results_json(results, covered))
    assert [d["label"] for d in data] == LABELS
    assert data[1]["matches"] == []
    scope = data[1]["coverage"]
    assert scope["register"] == {"list": "register/EU", "state": "snapshot", "as_of": "2020-07"}
    assert [x["list"] for x in scope["lists"]][:3] == ["china-eu/III", "china-eu/V", "china-eu/VII"]
    assert all(x["loaded"] for x in scope["lists"])


def test_the_pdf_report_of_the_page_holds_every_label_and_the_scope(screened):
    db, results, covered = screened
    brief = labels_brief(db, results, "EU", name="labels", lang="en", today="2026-12-04")
    text = repr(brief.sections)
    assert all(label in text for label in LABELS)
    assert covered.text("en")[:60] in text
