"""The Trademark watch page runs headless with AppTest on a real register: scan the example gazette, filter
the findings, record what was done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from phrases import say
from storage.db import Database
from tests.app.conftest import ok
from ui.watch import filter_findings, findings_csv, findings_xlsx
from watch.trademarks.services import finding_history, list_findings, set_finding_state

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/trademark_watch.py"
GAZETTE = ROOT / "tests" / "data" / "gazette_example.csv"
TIMEOUT = 60  # the first run builds the conflict index


def run(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang  # the sidebar's language switch
    return ok(at.run())


def scanned(lang: str = "en") -> AppTest:
    at = run(lang)
    at.file_uploader(key="watch_file").set_value(("gazette_example.csv", GAZETTE.read_bytes(), "text/csv"))
    at.selectbox(key="watch_jurisdiction").select("CN")
    at.date_input(key="watch_published").set_value(dt.date.today() - dt.timedelta(days=10))
    at.text_input(key="watch_gazette").input("CN-TM-EXAMPLE")
    at.button[0].click()
    return ok(at.run())


def table(at: AppTest) -> list[dict[Any, Any]]:
    return at.dataframe[0].value.to_dict("records")


def test_the_page_loads_in_english_and_in_chinese_with_no_finding_yet(fresh_register):
    at = run()
    assert at.title[0].value == "Trademark watch"
    assert any("No finding yet" in i.value for i in at.info)
    at.session_state["lang"] = "zh"
    ok(at.run())
    assert at.title[0].value == "商标监测"
    assert any("尚无发现结果" in i.value for i in at.info)


def test_scanning_the_example_gazette_shows_champagne_among_the_findings(fresh_register):
    at = scanned()
    assert any("CN-TM-EXAMPLE" in s.value and "6 marks screened" in s.value for s in at.success)
    rows = table(at)
    assert any("fr-champagne" in str(r["GI"]) for r in rows), rows
    assert {r["Mark"] for r in rows} >= {"香槟人生", "CHAMPAGNE LIFE"}
    assert all(r["State"] == "new" for r in rows)
    stored = list_findings(Database(fresh_register))
    assert len(stored) == len(rows)


def test_scanning_in_chinese_shows_chinese_headings(fresh_register):
    at = scanned("zh")
    assert any("已比对 6 件商标" in s.value for s in at.success)
    rows = table(at)
    assert "商标" in rows[0] and "剩余天数" in rows[0]
    assert any("fr-champagne" in str(r["地理标志"]) for r in rows)


def test_filters_narrow_the_table(fresh_register):
    at = scanned()
    everything = table(at)
    ok(at.selectbox(key="watch_gi_en").select("fr-champagne").run())
    champagne = table(at)
    assert champagne and all("fr-champagne" in str(r["GI"]) for r in champagne)
    assert len(champagne) <= len(everything)
    ok(at.selectbox(key="watch_state_en").select("dismissed").run())
    assert not at.dataframe
    assert any("No finding matches" in i.value for i in at.info)
    ok(at.selectbox(key="watch_state_en").select("new").run())
    ok(at.selectbox(key="watch_severity_en").select("high").run())
    assert all("high" in str(r["Severity"]) for r in table(at))
    ok(at.number_input(key="watch_within").set_value(1).run())  # deadlines months away
    assert not at.dataframe


def test_recording_a_state_keeps_it_with_the_note_and_the_configured_user(fresh_register):
    at = scanned()
    db = Database(fresh_register)
    first = list_findings(db)[0]
    at.selectbox(key="watch_finding").select(first.id)
    at.selectbox(key="watch_new_state_en").select("reviewed")
    at.text_input(key="watch_note").input("checked with the right holder")
    next(b for b in at.button if b.label == "Record").click()
    ok(at.run())
    after = next(f for f in list_findings(db) if f.id == first.id)
    assert after.state == "reviewed" and after.note == "checked with the right holder"
    last = finding_history(db, first.id)[-1]
    assert (last.who, last.before, last.after) == ("page-tester", "new", "reviewed")
    assert any(f"Finding {first.id}: reviewed" in s.value for s in at.success)
    row = next(r for r in table(at) if r["ID"] == first.id)
    assert row["State"] == "reviewed"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_state_recorded_on_a_finding_changed_meanwhile_is_refused_with_a_reload(fresh_register, lang):
    at = scanned(lang)
    db = Database(fresh_register)
    first = list_findings(db)[0]
    at.selectbox(key="watch_finding").select(first.id)
    ok(at.run())  # the page shows the finding as it is now
    when, today = "2026-12-04T10:00:00+00:00", "2026-12-04"
    set_finding_state(db, first.id, state="opposed", note="filed", who="other-editor", at=when, today=today)
    at.selectbox(key=f"watch_new_state_{lang}").select("reviewed")
    at.text_input(key="watch_note").input("checked")
    next(b for b in at.button if b.label == say("watch.record", lang)).click()
    ok(at.run())
    assert at.error and "other-editor" in at.error[0].value
    assert ("reload" in at.error[0].value.lower()) if lang == "en" else ("重新载入" in at.error[0].value)
    after = next(f for f in list_findings(db) if f.id == first.id)
    assert after.state == "opposed" and after.note == "filed"  # nothing written over their change
    assert [b for b in at.button if b.key == "watch_reload" and b.label == say("stale.reload", lang)]


def test_recording_with_no_note_says_why_it_is_refused(fresh_register):
    at = scanned()
    next(b for b in at.button if b.label == "Record").click()
    ok(at.run())
    assert any("needs its --note" in e.value for e in at.error)


def test_the_downloads_hold_the_filtered_findings(fresh_register):
    scanned()
    today = dt.date.today().isoformat()
    findings = filter_findings(list_findings(Database(fresh_register)), today, severity="high")
    text = findings_csv(findings, today).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id,gazette,jurisdiction")
    assert "fr-champagne" in text and len(text.splitlines()) == len(findings) + 1
    assert findings_xlsx(findings, today)[:2] == b"PK"


def test_a_filter_chosen_in_english_stays_when_the_page_switches_to_chinese(fresh_register):
    at = scanned()
    ok(at.selectbox(key="watch_severity_en").select("high").run())
    at.session_state["lang"] = "zh"
    ok(at.run())
    assert at.selectbox(key="watch_severity_zh").value == "high"
    assert all(str(r["严重程度"]) == "● 高" for r in table(at))


def test_a_gazette_with_no_publication_date_is_refused_naming_the_field(fresh_register):
    at = run()
    at.file_uploader(key="watch_file").set_value(("gazette_example.csv", GAZETTE.read_bytes(), "text/csv"))
    at.button[0].click()
    ok(at.run())
    assert any("no such column and no Publication date" in e.value for e in at.error), at.error
    assert not list_findings(Database(fresh_register))


def test_the_router_opens_the_trademark_watch_page(register):
    at = ok(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT).run())
    at.switch_page(PAGE).run()
    assert ok(at).title[0].value == "Trademark watch"


def test_with_no_register_the_page_says_to_run_init(monkeypatch, tmp_path):
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    at = run()
    assert at.error and "giscope init" in at.error[0].value
    assert not at.file_uploader


def test_a_scan_on_the_page_sends_new_findings_to_the_gis_subscribers(fresh_register):
    from tests.servers import webhook_server
    from watch.push import subscribe

    db = Database(fresh_register)
    with webhook_server() as (url, received):
        subscribe(db, "fr-champagne", email=None, webhook=url, who="tester", at="2026-12-03T00:00:00")
        scanned()
        marks = sorted(str(body.get("mark") or body) for body in received)
    db.dispose()
    assert len(received) == 2, received  # 香槟人生 and CHAMPAGNE LIFE, each once, after the scan
    assert any("CHAMPAGNE LIFE" in m for m in marks) and any("香槟人生" in m for m in marks)


def test_the_opposition_brief_is_prepared_on_the_page_for_the_chosen_finding(fresh_register):
    at = scanned()
    first = at.selectbox(key="watch_brief_finding").value
    at.button(key="FormSubmitter:watch_brief-Prepare opposition brief (PDF)").click()
    ok(at.run())
    assert not at.error, [e.value for e in at.error]
    labels = [b.label for b in at.get("download_button")]
    assert f"Download opposition brief {first}" in labels, labels
