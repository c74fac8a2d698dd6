"""Screening against the EU in the browser, in English and in Chinese: the page states what the labels were
screened against (the EU register as of July 2020, as a warning), shows the severity chart, and every
label, those with no hit too, is in the downloaded CSV with that scope.

Screenshots go to /tmp/scope/ (GISCOPE_SCOPE_SHOTS overrides the folder)."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from phrases import say
from tests.browser.test_browser import REGISTERS, app_url, browser, page, save_full_page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHOTS = Path(os.environ.get("GISCOPE_SCOPE_SHOTS", "/tmp/scope"))
LABELS = ["Champagne-style sparkling wine", "香宾酒", "Lucky cola", "plain water"]
NO_HIT = {"Lucky cola", "plain water"}


def screen_eu(page, app_url: str, lang: str, labels: list[str] = LABELS) -> None:  # noqa: F811
    page.goto(f"{app_url}/screen")
    page.get_by_role("heading", name=say("screen.title", "en")).wait_for()
    if lang == "zh":
        page.locator("[data-testid='stSidebar']").get_by_text("中文", exact=True).click()
        page.get_by_role("heading", name=say("screen.title", "zh")).wait_for()
    page.get_by_role("combobox", name=say("screen.against", lang)).click()
    option = "欧盟（EU）" if lang == "zh" else "EU"
    page.get_by_role("option", name=option, exact=True).click()
    page.get_by_label(say("screen.labels", lang)).fill("\n".join(labels))
    page.get_by_role("button", name=say("screen.submit", lang), exact=True).click()
    scope = "**Screened against**" if lang == "en" else "**筛查范围**"
    page.get_by_text(re.compile(re.escape(scope.strip("*")))).first.wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screening_against_the_eu_states_its_scope_and_every_label_is_in_the_csv(
    app_url,  # noqa: F811
    page,  # noqa: F811
    tmp_path,
    lang,
):
    screen_eu(page, app_url, lang)
    main = page.locator("[data-testid='stMain']")
    text = main.inner_text()
    if lang == "en":
        assert "Screened against the European Union: China–EU Annex III (loaded " in text
        assert "the EU register as of July 2020" in text
        warning = "Screened as of July 2020 only: the EU register (eAmbrosia)."
    else:
        assert "筛查范围（欧盟）：中欧协定附录三（" in text
        assert "欧盟地理标志登记簿（2020年7月版本）" in text
        warning = "仅按2020年7月版本筛查：欧盟地理标志登记簿。"
    alerts = [t for t in page.locator("[data-testid='stAlert']").all_inner_texts() if warning in t]
    assert alerts, page.locator("[data-testid='stAlert']").all_inner_texts()
    # a label with no hit: "no conflict found in <those lists>", the register's warning beside it
    no_hit = say("screen.scope.no_conflict_badge", lang)
    box = page.locator("[data-testid='stExpander']").filter(has_text="Lucky cola")
    box.locator("summary").click()
    found = (
        "No conflict found in China–EU Annex III"
        if lang == "en"
        else "在以下名单中未发现冲突：中欧协定附录三"
    )
    box.get_by_text(re.compile(re.escape(found))).wait_for()
    assert no_hit in box.locator("summary").inner_text()
    assert warning in box.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_full_page(page, SHOTS / f"screen-eu-{lang}.png")

    with page.expect_download() as download_info:
        page.get_by_role("button", name=say("screen.download_csv", lang)).click()
    download = download_info.value
    assert download.suggested_filename == "giscope-check.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert {r["label"] for r in rows} == set(LABELS)
    assert {r["label"] for r in rows if r["severity"] == "none"} == NO_HIT
    register = "the EU register as of July 2020" if lang == "en" else "欧盟地理标志登记簿（2020年7月版本）"
    assert all(register in r["screened_against"] and r["not_screened"] for r in rows)
    assert all(r["jurisdiction"] == "EU" for r in rows)

    page.get_by_role("button", name=say("screen.scope.prepare_pdf", lang)).click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name=say("screen.scope.download_pdf", lang)).click()
    assert download_info.value.suggested_filename == f"giscope-screening-EU-{lang}.pdf"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_domain_name_is_screened_as_its_words_and_the_page_says_so(app_url, page, lang):  # noqa: F811
    """A domain name's hits say how it was read ('Domain name or web address read as …', 域名或网址读作…), in either language."""
    screen_eu(page, app_url, lang, ["www.champagne-shop.fr"])
    box = page.locator("[data-testid='stExpander']").filter(has_text="champagne-shop.fr")
    if not box.locator("[data-testid='stExpanderDetails']").is_visible():
        box.locator("summary").click()
    said = "Domain name or web address read as 'champagne shop'" if lang == "en" else "域名或网址读作“champagne shop”"
    box.get_by_text(re.compile(re.escape(said))).first.wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_full_page(page, SHOTS / f"screen-domain-{lang}.png")
