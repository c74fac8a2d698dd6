"""The screening pages (Screen labels, Scan a proposed list, Briefings) in Chinese and in English: with the
session's language set to 中文 every heading, label, message, table header and result word is Chinese
(names, codes and citations aside); in English they read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ok
from tests.app.zh_screening import cells, english_left

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "app_pages/screen.py"
SCAN = "app_pages/scan.py"
BRIEFS = "app_pages/briefs.py"
TIMEOUT = 30
PROPOSED = b"name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n"
# names and codes the pages show as stored
NAMES = {"fr-champagne", "Champagne", "Cheddar", "Anxi", "Tieguanyin"}


def run(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    return ok(at.run())


def screen_zh(labels: str, product_class: str = "", jurisdiction: str = "CN") -> AppTest:
    at = run(SCREEN, "zh")
    at.selectbox(key="screen_jurisdiction").select(jurisdiction)
    at.text_area(key="screen_labels").input(labels)
    at.text_input(key="screen_class").input(product_class)
    at.button[0].click()
    return ok(at.run())


def scan_zh(content: bytes, name: str = "proposed.csv") -> AppTest:
    at = run(SCAN, "zh")
    at.file_uploader(key="scan_file").set_value((name, content, "text/csv"))
    at.button[0].click()
    return ok(at.run())


@pytest.mark.parametrize("page", (SCREEN, SCAN, BRIEFS))
def test_each_screening_page_before_any_input_is_chinese(register, page):
    at = run(page, "zh")
    assert at.title[0].value in ("标签筛查", "拟议清单扫描", "简报")
    assert not english_left(at, NAMES)


def test_the_screen_page_shows_its_results_in_chinese(register):
    at = screen_zh("香宾酒\n香槟型起泡酒\n绿茶")
    assert not english_left(at, NAMES), english_left(at, NAMES)
    assert at.markdown[0].value.startswith("**已筛查 3 个标签**")
    assert ":red-badge[高] 2" in at.markdown[0].value
    box = next(e for e in at.expander if "香宾酒" in e.label)
    assert box.label.startswith(":red-badge[高]") and box.label.endswith("1 处匹配")
    row = box.table[0].value.to_dict("records")[0]
    assert row["严重程度"] == "● 高" and row["匹配类型"] == "同音字" and row["地理标志编号"] == "fr-champagne"
    assert row["可信度"] == "高"
    assert any("同音" in m.value and "`fr-champagne`" in m.value for m in box.markdown)
    assert any(
        c.value.startswith("法律依据（`fr-champagne`）：《中欧地理标志保护与合作协定》第4条")
        for c in box.caption
    )
    assert set(cells(at, "严重程度")) <= {"● 高", "● 中", "○ 低"}
    assert any(c.value.startswith("筛查范围：") for c in at.caption)
    assert [b.proto.label for b in at.get("download_button")] == ["下载 JSON", "下载 CSV", "下载 XLSX"]
    assert [b.label for b in at.button] == ["筛查", "生成 PDF 报告"]


def test_a_product_class_typed_in_chinese_reaches_the_checker(register):
    at = screen_zh("香槟", product_class="葡萄酒")
    assert cells(at, "严重程度") == ["● 高"]  # like goods: 葡萄酒 is the register's Wine
    at = screen_zh("香槟", product_class="化妆品")
    assert cells(at, "严重程度") == ["● 中"]


def test_a_label_with_no_match_says_so_in_chinese(register):
    at = screen_zh("纯净水", jurisdiction="TH")
    box = at.expander[0]
    assert box.label.startswith(":orange-badge[⚠ 未发现冲突]")
    assert box.markdown[0].value.startswith("在以下名单中未发现冲突：泰国以本国途径保护的外国地理标志")
    assert box.warning[0].value.startswith("仅按随附名单筛查：泰国以本国途径保护的外国地理标志名单")


def test_the_screen_page_hint_and_file_errors_are_chinese(register):
    at = run(SCREEN, "zh")
    assert at.info[0].value.startswith("请输入标签")
    at.file_uploader(key="screen_file").set_value(("labels.txt", "Caf\xe9\n".encode("latin-1"), "text/plain"))
    at.button[0].click()
    ok(at.run())
    error = at.error[0].value.replace("\\", "")
    assert (
        error.startswith("文件无法使用：")
        and "labels.txt:1: (label): 不是 UTF-8 文本；请将文件另存为 UTF-8" in error
    )


def test_the_scan_page_shows_its_findings_in_chinese(register):
    at = scan_zh(PROPOSED)
    assert not english_left(at, NAMES), english_left(at, NAMES)
    table = at.table[0].value
    assert list(table.columns) == ["行号", "名称", "原产地", "产品类别", "筛查结果", "严重程度", "详情"]
    champagne = table[table["名称"] == "Champagne"].iloc[0]
    cheddar = table[table["名称"] == "Cheddar"].iloc[0]
    found = (champagne["筛查结果"], champagne["原产地"], champagne["产品类别"])
    assert found == ("已受保护", "法国", "葡萄酒")
    assert champagne["详情"].startswith("fr-champagne：受保护，途径：")
    assert (cheddar["筛查结果"], cheddar["严重程度"]) == ("通用名称", "● 中")
    assert "通用名称" in cheddar["详情"]
    assert at.markdown[0].value == "**已扫描 2 行**，对照中国（CN） · **1** 行可能存在异议理由"


def test_the_scan_page_names_a_bad_file_in_chinese(register):
    at = scan_zh(b"name,product_class\nChampagne,Wine\n", name="bad.csv")
    error = at.error[0].value.replace("\\", "")
    assert error.startswith("bad.csv 无法使用：") and "bad.csv:1: origin: 缺少必需的列" in error
    assert not at.table


def test_the_briefings_page_is_chinese_and_its_briefs_start_in_chinese(register):
    at = run(BRIEFS, "zh")
    assert [t.label for t in at.tabs] == ["维权指引", "比较简报", "筛查报告"]
    assert at.radio(key="brief_screen_lang").value == "zh"
    at.file_uploader(key="brief_file").set_value(("labels.txt", "香宾酒\n".encode(), "text/plain"))
    at.button[2].click()
    ok(at.run())
    assert not at.error, [e.value for e in at.error]
    assert "筛查报告" in at.success[0].value
    assert [b.proto.label for b in at.get("download_button")] == ["下载筛查报告（PDF）"]
    assert not english_left(at, NAMES), english_left(at, NAMES)


def test_a_brief_can_still_be_printed_in_english_from_the_chinese_page(register):
    at = run(BRIEFS, "zh")
    at.file_uploader(key="brief_file").set_value(("labels.txt", "香宾酒\n".encode(), "text/plain"))
    at.radio(key="brief_screen_lang").set_value("en")
    at.button[2].click()
    ok(at.run())
    assert "Screening report: labels.txt against China" in at.success[0].value  # the brief's language
    assert [b.proto.label for b in at.get("download_button")] == ["下载筛查报告（PDF）"]  # the page's


def test_the_briefings_page_asks_for_a_gi_and_leads_service_errors_in_chinese(register):
    at = run(BRIEFS, "zh")
    at.button[0].click()
    ok(at.run())
    assert at.error[0].value == "请输入地理标志编号或其名称之一。"
    at.text_input(key="brief_gi").input("xx-nowhere")
    at.button[0].click()
    ok(at.run())
    # the lookup's own message (the record page's too), in Chinese, naming what was typed
    assert at.error[0].value.startswith("没有编号或名称为“xx-nowhere”的地理标志")


def test_an_uninitialised_database_says_so_in_chinese(monkeypatch, tmp_path):
    monkeypatch.setenv("GISCOPE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    at = run(SCREEN, "zh")
    assert at.error[0].value.startswith("名录数据库尚未就绪：")
    assert "`giscope init`" in at.info[0].value
    left = english_left(at)
    assert list(left) == [at.error[0].value]  # the error's English is the service's, after a Chinese lead-in


@pytest.mark.parametrize(
    ("page", "title", "label"),
    (
        (SCREEN, "Screen labels", "Screen against"),
        (SCAN, "Scan a proposed list", "Proposed for protection in"),
        (BRIEFS, "Briefings", "Jurisdiction"),
    ),
)
def test_each_screening_page_reads_in_english_when_the_session_is_english(register, page, title, label):
    at = run(page, "en")
    assert at.title[0].value == title
    assert at.selectbox[0].label == label
    assert at.selectbox[0].options[:2] == ["CN", "EU"]


def test_the_router_opens_the_screening_pages_in_chinese(register):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = "zh"
    ok(at.run())
    for page, title in ((SCREEN, "标签筛查"), (SCAN, "拟议清单扫描"), (BRIEFS, "简报")):
        at.switch_page(page).run()
        assert ok(at).title[0].value == title
