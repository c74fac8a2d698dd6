"""The trademark watch, compare, profiles and deadlines pages in Chinese: every word the page writes itself
is Chinese (names, codes, citations and sources aside), and the same pages still read in English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from agreements.profiles import PROFILE_JURISDICTIONS, get_profile
from compare.services import compare_agreements
from phrases import catalogue
from storage.db import Database
from tests.app.conftest import ok
from tests.app.zh_law import english_words, page_texts
from ui.law_tables import alerts_table
from watch.model import Alert
from watch.trademarks.gazette import KNOWN_COLUMNS, REQUIRED_COLUMNS
from watch.trademarks.model import FINDING_STATES
from watch.trademarks.services import list_findings

ROOT = Path(__file__).resolve().parents[2]
WATCH = "app_pages/trademark_watch.py"
COMPARE = "app_pages/comparison.py"
PROFILES = "app_pages/profiles.py"
DEADLINES = "app_pages/deadlines.py"
GAZETTE = ROOT / "tests" / "data" / "gazette_example.csv"
TIMEOUT = 60
COLUMN_CODES = (", ".join(KNOWN_COLUMNS), ", ".join(REQUIRED_COLUMNS))  # a gazette file's column names


def run(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    return ok(at.run())


def no_english(texts: list[str], **cut: object) -> None:
    stray = english_words(texts, **cut)  # type: ignore[arg-type]
    assert not stray, stray


def test_no_page_keeps_a_language_radio_of_its_own(register):
    for page in (WATCH, COMPARE, PROFILES, DEADLINES):
        assert not run(page, "zh").radio, page


# --- Trademark watch ---------------------------------------------------------------------------------


def scanned(lang: str) -> AppTest:
    at = run(WATCH, lang)
    at.file_uploader(key="watch_file").set_value(("gazette_example.csv", GAZETTE.read_bytes(), "text/csv"))
    at.selectbox(key="watch_jurisdiction").select("CN")
    at.date_input(key="watch_published").set_value(dt.date.today() - dt.timedelta(days=10))
    at.text_input(key="watch_gazette").input("CN-TM-EXAMPLE")
    at.button[0].click()
    return ok(at.run())


def test_watch_page_in_chinese_before_a_scan(fresh_register):
    at = run(WATCH, "zh")
    assert at.title[0].value == "商标监测"
    no_english(page_texts(at), data=[*COLUMN_CODES, "UTF-8", "publication_date"])


def test_watch_page_in_chinese_after_a_scan(fresh_register):
    at = scanned("zh")
    findings = list_findings(Database(fresh_register))
    marks = [f.mark for f in findings] + [f.name for f in findings] + [f.applicant for f in findings]
    texts = page_texts(
        at,
        options_of=("watch_state_zh", "watch_severity_zh", "watch_new_state_zh"),
        cells_of=("严重程度", "状态", "类型", "剩余天数", "原状态", "新状态", "备注"),
    )
    no_english(texts, data=[*COLUMN_CODES, "CN-TM-EXAMPLE", "UTF-8", "publication_date", *marks])
    rows = at.dataframe[0].value
    assert set(rows["严重程度"]) <= {"● 高", "● 中", "○ 低"} and set(rows["状态"]) == {"新发现"}
    assert "(high)" not in rows.to_string() and "high" not in set(rows["严重程度"])
    history = at.table[0].value
    assert history["备注"].iloc[0].startswith("见于公告 CN-TM-EXAMPLE")


def test_watch_page_records_a_state_in_chinese(fresh_register):
    at = scanned("zh")
    first = list_findings(Database(fresh_register))[0]
    at.selectbox(key="watch_finding").select(first.id)
    at.selectbox(key="watch_new_state_zh").select("dismissed")
    at.text_input(key="watch_note").input("与权利人核实")
    next(b for b in at.button if b.label == "记录").click()
    ok(at.run())
    assert any(f"发现 {first.id}：不予处理" in s.value for s in at.success)


def test_watch_page_refuses_in_chinese_with_a_chinese_lead(fresh_register):
    at = scanned("zh")
    next(b for b in at.button if b.label == "记录").click()
    ok(at.run())
    assert at.error and at.error[0].value.startswith("操作未完成：")


def test_every_finding_state_has_its_words():
    for lang in ("en", "zh"):
        assert all(f"watch.states.{s}" in catalogue(lang) for s in FINDING_STATES)


def test_watch_page_in_english(fresh_register):
    at = scanned("en")
    rows = at.dataframe[0].value
    assert {"Mark", "Severity", "Days left", "State", "Kind"} <= set(rows.columns)
    assert set(rows["State"]) == {"new"} and "● high" in set(rows["Severity"])
    assert any("6 marks screened" in s.value for s in at.success)


# --- Compare agreements ------------------------------------------------------------------------------


def values_data(url: str, ids: list[str]) -> list[str]:
    """The sources of the compared values: citations, kept as written."""
    comparison = compare_agreements(Database(url), ids, include_trips=True)
    return [v.source or "" for d in comparison.dimensions for v in d.values.values()]


def test_compare_page_in_chinese(register):
    at = run(COMPARE, "zh")
    at.checkbox(key="compare_trips").check().run()
    ok(at)
    table = at.table[0].value
    assert all(why.startswith("≠ ") for why in table["归类依据"])
    cells = " ".join(str(v) for t in at.table for v in t.value.to_numpy().ravel())
    assert "unconfirmed" not in cells and "article unknown" not in cells and "⚠ 未经证实" in cells
    sources = values_data(register, ["china-eu", "china-france", "china-thailand"])
    names = {"INAO", "oriGIn", "evocation"}  # bodies named in the notes; the EU-law term beside its Chinese
    no_english(page_texts(at, cells_of=("归类依据",)), data=sources, allowed=names)
    assert any(e.label.endswith("· 主要差异") for e in at.expander)
    assert any(e.label.endswith("· 一方不详") for e in at.expander)


def test_compare_page_in_english(register):
    at = run(COMPARE, "en")
    table = at.table[0].value
    assert list(table.columns) == ["Why here", "China–EU", "China–France", "China–Thailand"]
    assert any("unknown for China–France" in why for t in at.table for why in t.value["Why here"])
    assert at.caption[-1].value.startswith("Source: ")


# --- Foreign GI law ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jurisdiction", PROFILE_JURISDICTIONS)
def test_profile_page_in_chinese(register, jurisdiction):
    at = run(PROFILES, "zh")
    ok(at.selectbox(key="profile_jurisdiction").select(jurisdiction).run())
    profile = get_profile(Database(register), jurisdiction)
    data = [f.fact.text("zh") for f in profile.fields] + [f.fact.source or "" for f in profile.fields]
    data += [c.source or "" for c in profile.cases]
    texts = page_texts(at, options_of=("profile_confidence",), cells_of=("可信度",))
    no_english(texts, data=data)
    assert at.text_area(key="profile_value").label == "新内容（中文）"


def test_a_profile_edit_in_chinese_writes_the_chinese_value_and_says_so_in_chinese(fresh_register):
    at = run(PROFILES, "zh")
    ok(at.selectbox(key="profile_jurisdiction").select("TH").run())
    at.selectbox(key="profile_key").select("fees").run()
    at.text_area(key="profile_value").input("申请费600泰铢。")
    at.text_input(key="profile_source").input("DIP fee notice 2026")
    at.text_input(key="profile_reason").input("收费标准变更")
    at.button[0].click()
    ok(at.run())
    fact = get_profile(Database(fresh_register), "TH").field("fees")
    assert fact is not None and fact.fact.value_zh == "申请费600泰铢。"
    assert at.success[0].value.startswith("官方费用：已修改")
    history = at.dataframe[0].value
    assert list(history.columns) == ["时间", "修改人", "字段", "修改内容", "修改前", "修改后", "理由"]
    assert "中文内容" in set(history["修改内容"]) and set(history["字段"]) == {"官方费用"}


def test_a_refused_profile_edit_in_chinese(fresh_register):
    at = run(PROFILES, "zh")
    at.selectbox(key="profile_key").select("fees").run()
    at.text_area(key="profile_value").input("零")
    at.button[0].click()
    ok(at.run())
    assert at.error and at.error[0].value.startswith("未保存：")


def test_profile_page_in_english(register):
    at = run(PROFILES, "en")
    assert at.title[0].value == "Foreign GI law"
    assert at.text_area(key="profile_value").label == "New value (English)"
    assert any(c.value.startswith("Source: ") for c in at.caption)


# --- Deadlines and alerts ----------------------------------------------------------------------------


def test_deadlines_page_in_chinese(register):
    at = run(DEADLINES, "zh")
    at.date_input(key="deadlines_today").set_value(dt.date(2026, 11, 27)).run()
    ok(at)
    table = at.table[0].value
    no_english(page_texts(at, cells_of=("状态", "可信度")))
    outcomes = [o for o in table["结果"] if o != "—"]
    assert outcomes and all(o.startswith("［") for o in outcomes)
    assert not any(o.startswith(("[met]", "[reported]", "[unknown]")) for o in outcomes)


def test_the_alert_feed_in_chinese():
    alert = Alert(1, "k", "2026-12-01T00:00:00", "deadline", "due: x", delivery_error="timeout")
    frame = alerts_table([alert], "zh")
    assert list(frame.columns) == ["时间", "类型", "提醒", "详情", "来源", "已发送"]
    assert frame.iloc[0]["类型"] == "期限" and frame.iloc[0]["已发送"] == "发送失败：timeout"
    assert list(alerts_table([alert]).columns) == ["At", "Kind", "Alert", "Detail", "Source", "Delivered"]


def test_deadlines_page_in_english(register):
    at = run(DEADLINES, "en")
    at.date_input(key="deadlines_today").set_value(dt.date(2026, 11, 27)).run()
    table = ok(at).table[0].value
    assert {"Due", "State", "Deadline", "Outcome"} <= set(table.columns)
    assert any(o.startswith("[reported]") for o in table["Outcome"])
    assert english_words(page_texts(at, cells_of=("State",)))  # the checker sees the English


def test_alert_titles_read_in_chinese_with_the_deadlines_own_chinese_title():
    from ui.law_tables import alert_detail
    from watch.model import Alert
    from wording_register import alert_title

    deadline = Alert(
        id=1,
        key="deadline:x:overdue",
        at="2026-12-01T00:00:00",
        kind="deadline",
        title="overdue: Annex V names processed (china-eu Annex V)",
        detail="due 2025-02-28",
        agreement_id="china-eu",
        annex="V",
    )
    titles = {"Annex V names processed": "附录五名称处理完毕"}
    assert alert_title(deadline.title, "zh", titles) == "逾期：附录五名称处理完毕（中欧协定附录五）"
    assert alert_title(deadline.title, "en", titles) == deadline.title
    assert alert_detail(deadline, "zh") == "期限 2025-02-28"
    batch = Alert(
        id=2,
        key="batch:3",
        at="2026-12-01T00:00:00",
        kind="new-batch",
        title="New batch for china-eu/V: 1 added, 0 changed, 2 removed",
        detail="file v.csv, 3 rows",
    )
    assert alert_title(batch.title, "zh", {}) == "china-eu/V新批次：新增1个，变更0个，撤回2个"
    assert alert_detail(batch, "zh") == "文件 v.csv，共 3 行"
    change = Alert(
        id=3,
        key="k",
        at="2026",
        kind="status-change",
        title="cn-x: EU/agreement/china-eu/V pending -> protected",
        detail="why",
    )
    assert alert_title(change.title, "zh", {}) == "cn-x：EU/协定/中欧/V 待决 -> 受保护"
    assert alert_detail(change, "zh") == "why"
