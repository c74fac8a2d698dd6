"""Safe imports in the browser, in English and in Chinese: the CSV export of a list, downloaded from the
Export tab and uploaded in the Import tab for the same list, checks as nothing to change; a batch that
withdraws most of its list keeps 2. Apply disabled until the withdrawal of that many entries is
confirmed. Screenshots go to /tmp/imports/ (GISCOPE_SHOTS overrides)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from phrases import say
from tests.browser.script_state import rerun, settle, watch_runs
from tests.browser.test_browser import REGISTERS, app_url, browser, page, save_full_page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path(os.environ.get("GISCOPE_SHOTS", "/tmp/imports"))
LIST_NAME = {"en": "Annex V of China–EU", "zh": "中欧协定附录五"}  # how the warning names the list


def choose(scope, label: str, option: str | re.Pattern[str]) -> None:
    """Pick an option of the selectbox labelled `label` inside `scope` (its options open in the page) and
    wait for the run it makes; an option already chosen makes none, so it is left as it is."""
    settle(scope.page)
    box = scope.get_by_role("combobox", name=label)
    shown = box.input_value()
    if option.search(shown) if isinstance(option, re.Pattern) else shown == option:
        return
    with rerun(scope.page):
        box.click()
        scope.page.get_by_role("option", name=option).first.click()


def unbold(text: str) -> str:
    """A phrase's words before its first bold part (a page shows bold text in an element of its own)."""
    return text.split("**")[0].strip()


def open_lists(page, app_url: str, lang: str) -> None:  # noqa: F811
    watch_runs(page)
    page.goto(f"{app_url}/lists")
    page.locator("[data-testid='stSidebarNav']").wait_for()
    settle(page)
    if lang == "zh":
        with rerun(page):
            page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
    page.get_by_role("heading", name=say("nav.lists", lang)).first.wait_for()


def download_annex_v_csv(page, lang: str, tmp_path: Path) -> Path:  # noqa: F811
    page.get_by_role("tab", name=say("lists.export_tab", lang)).click()
    exporting = page.locator("[data-testid='stTabPanel']").nth(1)
    choose(exporting, say("lists.agreement", lang), re.compile("China–EU|中欧"))
    choose(exporting, say("lists.annex", lang), re.compile("^V$|附录五|^五$"))
    with page.expect_download() as download_info:
        page.get_by_role("button", name=say("lists.download", lang, format="CSV")).click()
    download = download_info.value
    assert download.suggested_filename == "giscope-china-eu-v.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    return saved


def check_in_import_tab(page, lang: str, batch: Path, *, keep: bool = False) -> None:  # noqa: F811
    page.get_by_role("tab", name=say("lists.import_tab", lang)).click()
    importing = page.locator("[data-testid='stTabPanel']").first
    with rerun(page):
        importing.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(batch)
    importing.locator("[data-testid='stFileChipName']").first.wait_for()  # long names are cut short
    choose(importing, say("lists.target", lang), re.compile("China–EU|中欧"))
    choose(importing, say("lists.annex", lang), re.compile(r"^(V|附录五|附录V)[:：]"))
    if keep:
        with rerun(page):
            page.get_by_text(say("lists.keep", lang)).click()
    with rerun(page):
        page.get_by_role("button", name=say("lists.check", lang)).click()
    added = page.locator("[data-testid='stMetric']").filter(has_text=say("plan.added", lang))
    added.wait_for()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_exported_list_imports_into_it_with_nothing_to_change(app_url, page, tmp_path, lang):  # noqa: F811
    open_lists(page, app_url, lang)
    exported = download_annex_v_csv(page, lang, tmp_path)
    rows = len(exported.read_text(encoding="utf-8-sig").splitlines()) - 1
    check_in_import_tab(page, lang, exported)
    metrics = page.locator("[data-testid='stMetric']")
    values = [metrics.nth(i).inner_text().split()[-1] for i in range(4)]
    assert values == ["0", "0", "0", str(rows)], values
    nothing = "Nothing to change in china-eu/V" if lang == "en" else "无需变更"
    page.get_by_text(re.compile(re.escape(nothing))).first.wait_for()
    assert page.get_by_role("button", name=say("lists.apply", lang)).is_enabled()
    assert page.get_by_text(unbold(say("lists.safety.confirm_first", lang))).count() == 0  # none asked
    keep_note = say("lists.safety.keep_note", lang).split("**")[0].strip()  # before the bold word
    assert page.get_by_text(keep_note).count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_full_page(page, SHOTS / f"roundtrip-{lang}.png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_large_withdrawal_keeps_apply_disabled_until_confirmed(app_url, page, tmp_path, lang):  # noqa: F811
    open_lists(page, app_url, lang)
    exported = download_annex_v_csv(page, lang, tmp_path)
    lines = exported.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    listed = len(lines) - 1
    four = tmp_path / "four_rows.csv"
    four.write_text("".join(lines[:5]), encoding="utf-8")
    check_in_import_tab(page, lang, four)
    withdrawn = listed - 4
    values = {"withdrawn": withdrawn, "listed": listed, "target": LIST_NAME[lang], "file": four.name}
    warning = say("lists.safety.large", lang, **values).split("**")[1]  # the bold sentence
    page.get_by_text(warning).wait_for()
    apply = page.get_by_role("button", name=say("lists.apply", lang))
    assert apply.is_disabled()
    page.get_by_text(unbold(say("lists.safety.confirm_first", lang))).wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_full_page(page, SHOTS / f"withdrawal-unconfirmed-{lang}.png")
    confirm = page.locator("[data-testid='stCheckbox']").filter(
        has_text=say("lists.safety.confirm", lang, withdrawn=withdrawn, target=LIST_NAME[lang])
    )
    with rerun(page):
        confirm.click()
    assert apply.is_enabled()
    save_full_page(page, SHOTS / f"withdrawal-confirmed-{lang}.png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_applying_a_batch_ends_with_a_toast(app_url, page, tmp_path, lang):  # noqa: F811
    batch = tmp_path / f"toast_{lang}.csv"
    name, reading = ("吐司测试茶", "Tusi Ceshi Cha") if lang == "en" else ("吐司测试米", "Tusi Ceshi Mi")
    batch.write_text(f"name,transcription,product_class,origin\n{name},{reading},Tea,CN\n", encoding="utf-8")
    open_lists(page, app_url, lang)
    check_in_import_tab(page, lang, batch, keep=True)
    page.get_by_role("button", name=say("lists.apply", lang)).click()
    toast = page.locator("[data-testid='stToast']")
    toast.wait_for()
    counts = {"added": 1, "changed": 0, "removed": 0}
    expected = re.escape(say("lists.safety.toast", lang, batch="BATCH", **counts)).replace("BATCH", r"\d+")
    assert re.search(expected, toast.inner_text()), toast.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"applied-toast-{lang}.png"))
