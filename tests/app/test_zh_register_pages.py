"""The register pages (Agreements, Search, GI record, Import and export) in the session's language: in
Chinese they show no English word but names, codes and citations; in English they read as before."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from agreements.services import load_bundled_agreements
from gi_lists.importers import KNOWN_COLUMNS
from tests.app.conftest import ok
from tests.app.zh_register import column_cells, english_left, register_names

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30
# Words of the interface that must never show in a Chinese table cell (as the browser test reads them).
ENGLISH_CELL_WORDS = re.compile(
    r"\b(protected|pending|listed|withdrawn|rejected|in-objection|not-filed|high|medium|low|unconfirmed|"
    r"unknown|agreement|trademark|national register|created|no source found)\b"
)
GOOD = "name,transcription,product_class,origin\n测试一号茶,Ceshi Yi Hao Cha,Tea,CN\n".encode()
BAD = GOOD + "测试二号茶,Ceshi Er Hao Cha,Tea,Zhejiang\n".encode()


@pytest.fixture(scope="module")
def allowed(register_url: str) -> set[str]:
    """What may show in Latin letters: the register's names and ids, and the agreements' sources."""
    sources: set[str] = set()
    for a in load_bundled_agreements():
        sources |= {s for s in (a.source, *(e.source for e in a.events)) if s}
        articles = a.extra.get("articles")
        sources |= {x["source"] for x in articles} if isinstance(articles, list) else set()
    return register_names(register_url) | sources


def run(page: str, lang: str, query_params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params.update(query_params or {})
    return ok(at.run())


def english_cells(at: AppTest) -> list[str]:
    """The interface's English words in the page's table cells (sources are citations: left out)."""
    cells = column_cells(at, besides=("来源",))
    return sorted({m.group(0) for cell in cells for m in ENGLISH_CELL_WORDS.finditer(cell)})


def test_the_agreements_page_in_chinese(register, allowed):
    at = run("app_pages/overview.py", "zh")
    assert not english_left(at, allowed), english_left(at, allowed)
    assert not english_cells(at), english_cells(at)
    assert "中欧地理标志保护与合作协定" in [h.value for h in at.header]
    assert "**生效日期**  \n不详" in [m.value for m in at.markdown]
    eu = next(t.value for t in at.table if t.value.index.name == "附录" and "四" in t.value.index)
    assert eu.loc["四", "受保护"] == 96 and eu.loc["四", "已撤回"] == 4
    assert eu.loc["三", "含义"].startswith("自协定生效之日起在欧盟受保护的中国地理标志")
    assert "大事记（17）" in [e.label for e in at.expander]
    events = next(t.value for t in at.table if "事件" in t.value.columns)
    assert "协定生效；附录三（100个中国名称）和附录四（96个欧盟名称）的名称自即日起受保护" in set(
        events["事件"]
    )
    articles = next(t.value for t in at.table if "条款" in t.value.columns)
    assert "第4条 保护范围" in set(articles["条款"])
    assert any("在中国" in m.value and m.value.startswith("**中国**") for m in at.markdown)


def test_every_china_eu_event_and_article_has_its_chinese():
    from wording import event_text

    eu = next(a for a in load_bundled_agreements() if a.id == "china-eu")
    assert all(event_text(e.event, "zh") != e.event for e in eu.events)
    articles = eu.extra["articles"]
    assert isinstance(articles, list)
    assert all(x.get("article_zh") and x.get("summary_zh") for x in articles)


def test_the_agreements_page_in_english(register):
    at = run("app_pages/overview.py", "en")
    assert any(h.value.startswith("Agreement between the European Union") for h in at.header)
    assert "中欧地理标志保护与合作协定" in [s.value for s in at.subheader]
    assert "Dated events (17)" in [e.label for e in at.expander]
    assert any(m.value.startswith("**Lists** · ") for m in at.markdown)


def test_the_search_page_in_chinese(register, allowed):
    at = run("app_pages/search.py", "zh")
    assert at.title[0].value == "检索"
    assert at.markdown[0].value.startswith("显示第1–200个，共")
    assert at.selectbox(key="search_status").options[0] == "不限"
    at.text_input(key="search_query").input("anxi tieguanyin")
    ok(at.run())
    assert not english_left(at, allowed), english_left(at, allowed)
    assert not english_cells(at), english_cells(at)
    results = at.dataframe[0].value
    assert results.iloc[0]["编号"] == "cn-anxi-tie-guan-yin"
    assert "欧盟·中欧协定附录三：受保护" in results.iloc[0]["保护情况"]
    assert results.iloc[0]["匹配形式"] == "Anxi Tie Guan Yin"


def test_the_search_page_in_english(register):
    at = run("app_pages/search.py", "en")
    assert at.title[0].value == "Search"
    at.text_input(key="search_query").input("Champagne")
    ok(at.run())
    assert "CN · China–EU Annex IV: protected" in at.dataframe[0].value.iloc[0]["protections"]


def test_the_search_page_says_a_service_error_in_chinese(register, allowed):
    at = run("app_pages/search.py", "zh")
    at.text_input(key="search_query").input("!!!")
    ok(at.run())
    assert at.error and not english_left(at, allowed), at.error[0].value


def test_the_gi_record_in_chinese(register, allowed):
    at = run("app_pages/gi.py", "zh", {"id": "fr-champagne"})
    assert at.title[0].value == "地理标志详情"
    assert not english_left(at, allowed), english_left(at, allowed)
    assert not english_cells(at), english_cells(at)
    protections = at.table[1].value
    assert "中欧协定附录四" in set(protections["保护途径"]) and "受保护" in set(protections["状态"])
    assert "新建" in set(at.dataframe[0].value["变更后"])
    assert "随附参考数据 china_eu_annexes.csv（中欧协定附录四）" in set(at.dataframe[0].value["原因"])
    home = protections[protections["保护途径"].str.startswith("国内登记（原产地保护，推定）")]
    assert home["来源"].iloc[0].startswith("原产地保护（推定）：依中国所签协定")


def test_the_gi_record_in_chinese_marks_a_doubtful_protection(register):
    at = run("app_pages/gi.py", "zh", {"id": "cn-xinnong-han-fu-ping-guo"})
    assert "⚠ 低" in set(at.table[1].value["可信度"])
    assert "可信度为低" in at.warning[0].value


def test_the_gi_record_in_english(register):
    at = run("app_pages/gi.py", "en", {"id": "fr-champagne"})
    assert at.title[0].value == "GI record"
    assert [s.value for s in at.subheader] == ["Names", "Protections", "History"]


def check_batch(content: bytes, lang: str) -> AppTest:
    at = run("app_pages/lists.py", lang)
    at.file_uploader(key="lists_file").set_value(("batch.csv", content, "text/csv"))
    at.selectbox(key="lists_target").select("china-eu")
    ok(at.run())
    at.selectbox(key="lists_annex").select("V")
    at.checkbox(key="lists_keep").set_value(True)
    at.button(key="lists_check").click()
    return ok(at.run())


def columns_and_names(url: str) -> set[str]:
    """The register's names, and the column names a batch file may hold (codes)."""
    return register_names(url) | set(KNOWN_COLUMNS)


def test_the_import_page_in_chinese(fresh_register):
    allowed = columns_and_names(fresh_register)
    at = run("app_pages/lists.py", "zh")
    assert at.title[0].value == "导入与导出"
    assert not english_left(at, allowed), english_left(at, allowed)
    assert at.selectbox(key="lists_annex").options[0].startswith("附录三：自协定生效之日起在欧盟受保护")
    at = check_batch(GOOD, "zh")
    assert not english_left(at, allowed), english_left(at, allowed)
    assert not english_cells(at), english_cells(at)
    assert {m.label: m.value for m in at.metric} == {"新增": "1", "变更": "0", "撤回": "0", "未变": "0"}
    assert at.dataframe[0].value.to_dict("records") == [
        {
            "地理标志编号": "cn-ceshi-yi-hao-cha",
            "名称": "测试一号茶",
            "名录": "欧盟·中欧协定附录五",
            "状态": "待决",
        }
    ]
    at.button(key="lists_apply").click()
    ok(at.run())
    assert at.success[0].value.endswith("已应用于中欧协定附录五：新增1个，变更0个，撤回0个，未变0个。")


def test_a_bad_batch_is_refused_in_chinese(fresh_register):
    at = check_batch(BAD, "zh")
    message = at.error[0].value.replace("\\", "")
    assert message.startswith("batch.csv 无法导入，未写入任何数据")
    assert "batch.csv:3: origin: " in message and not english_left(at, columns_and_names(fresh_register))


def test_the_export_tab_in_chinese(fresh_register):
    at = run("app_pages/lists.py", "zh")
    labels = {b.proto.label for b in at.get("download_button")}
    assert labels == {"下载 CSV", "下载 XLSX", "下载 JSON"}
    assert any(m.value.endswith("与 `giscope export` 输出的文件相同") for m in at.markdown)


def test_an_applied_batch_names_its_objection_window_in_chinese(fresh_register):
    at = run("app_pages/lists.py", "zh")
    at.file_uploader(key="lists_file").set_value(("batch.csv", GOOD, "text/csv"))
    at.selectbox(key="lists_target").select("china-eu")
    ok(at.run())
    at.selectbox(key="lists_annex").select("V")
    at.date_input(key="lists_published").set_value(dt.date(2025, 3, 3))
    at.checkbox(
        key="lists_keep"
    ).check()  # without it the batch withdraws the rest of Annex V: a confirmation
    at.button(key="lists_check").click()
    ok(at.run())
    at.button(key="lists_apply").click()
    ok(at.run())
    window = next(i.value for i in at.info if i.value.startswith("异议期：至"))
    assert "自公布之日起两个月内提出异议" in window, window


def test_a_long_list_of_problems_ends_with_how_many_more_in_chinese(fresh_register):
    rows = "".join(f"测试{i}号茶,Ceshi {i} Hao Cha,Tea,Zhejiang\n" for i in range(52))
    at = check_batch(b"name,transcription,product_class,origin\n" + rows.encode(), "zh")
    assert at.error[0].value.endswith("- ……另有2个问题"), at.error[0].value[-200:]


def test_the_pages_start_in_the_language_of_giscope_lang(register, monkeypatch):
    monkeypatch.setenv("GISCOPE_LANG", "zh")
    at = ok(AppTest.from_file(str(ROOT / "app_pages/search.py"), default_timeout=TIMEOUT).run())
    assert at.title[0].value == "检索"
