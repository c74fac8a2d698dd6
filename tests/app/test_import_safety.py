"""Safe imports on the Import and export page (AppTest, a fresh SQLite register per test): a batch that
withdraws much of its list waits for a confirmation naming the count, the keep option is explained on
the page, an export of a list checks as nothing to change, and the steps and the outcome are shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gi_lists import export as ex
from gi_lists.services import Filters, list_gis
from storage.db import Database
from tests.app.conftest import ok
from wording import say

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60
ANNEX_V = Filters(agreement="china-eu", annex="V")


@pytest.fixture
def register(fresh_register: str) -> str:
    return fresh_register


def annex_v_export(url: str, rows: int | None = None) -> bytes:
    """The Export tab's CSV of Annex V of China–EU, cut to its first `rows` rows when asked."""
    db = Database(url)
    try:
        data = ex.to_csv(ex.rows_for(list_gis(db, ANNEX_V), ANNEX_V.protection_matches))
    finally:
        db.dispose()
    if rows is None:
        return data
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    return "".join(lines[: rows + 1]).encode("utf-8")


def annex_v_size(url: str) -> int:
    return len(list(csv.DictReader(io.StringIO(annex_v_export(url).decode("utf-8-sig")))))


def checked(content: bytes, lang: str, monkeypatch: pytest.MonkeyPatch, *, keep: bool = False) -> AppTest:
    monkeypatch.setenv("GISCOPE_LANG", lang)
    at = ok(AppTest.from_file(str(ROOT / "app_pages/lists.py"), default_timeout=TIMEOUT).run())
    at.file_uploader(key="lists_file").set_value(("annex_v.csv", content, "text/csv"))
    at.selectbox(key="lists_target").select("china-eu")
    ok(at.run())
    at.selectbox(key="lists_annex").select("V")
    at.checkbox(key="lists_keep").set_value(keep)
    ok(at.run())
    at.button(key="lists_check").click()
    return ok(at.run())


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.warning, *at.info, *at.success, *at.error]
    return "\n".join(str(e.value) for e in parts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_keep_option_is_explained_on_the_page(register, monkeypatch, lang) -> None:
    monkeypatch.setenv("GISCOPE_LANG", lang)
    at = ok(AppTest.from_file(str(ROOT / "app_pages/lists.py"), default_timeout=TIMEOUT).run())
    assert say("lists.safety.keep_note", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_large_withdrawal_waits_for_a_confirmation_naming_its_count(register, monkeypatch, lang) -> None:
    listed = annex_v_size(register)
    at = checked(annex_v_export(register, rows=4), lang, monkeypatch)
    withdrawn = listed - 4
    [warning] = at.warning
    if lang == "en":
        assert f"This withdraws {withdrawn} of {listed} entries of Annex V of China–EU" in warning.value
    else:
        assert f"撤回中欧协定附录五的{listed}个条目中的{withdrawn}个" in warning.value
    confirm = at.checkbox(key="lists_confirm")
    assert str(withdrawn) in confirm.label and not confirm.value
    assert at.button(key="lists_apply").disabled
    assert say("lists.safety.confirm_first", lang) in [c.value for c in at.caption]

    confirm.check()
    ok(at.run())
    assert not at.button(key="lists_apply").disabled
    at.button(key="lists_apply").click()
    ok(at.run())
    assert not at.error, [e.value for e in at.error]
    [toast] = at.toast
    assert str(withdrawn) in toast.value and toast.value.startswith("Batch" if lang == "en" else "批次")
    assert any(f"{withdrawn} withdrawn" in s.value or f"撤回{withdrawn}个" in s.value for s in at.success)
    assert at.button(key="lists_apply").disabled  # applied: the next batch needs a check of its own


def test_a_new_check_asks_for_the_confirmation_again(register, monkeypatch) -> None:
    at = checked(annex_v_export(register, rows=4), "en", monkeypatch)
    at.checkbox(key="lists_confirm").check()
    ok(at.run())
    at.button(key="lists_check").click()
    ok(at.run())
    assert not at.checkbox(key="lists_confirm").value and at.button(key="lists_apply").disabled


def test_keeping_the_entries_needs_no_confirmation(register, monkeypatch) -> None:
    at = checked(annex_v_export(register, rows=4), "en", monkeypatch, keep=True)
    assert not at.warning and not at.button(key="lists_apply").disabled
    assert not [c for c in at.checkbox if c.key == "lists_confirm"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_export_of_the_list_checks_as_nothing_to_change(register, monkeypatch, lang) -> None:
    at = checked(annex_v_export(register), lang, monkeypatch)
    assert not at.error and not at.warning, texts(at)
    metrics = [m.value for m in at.metric]
    assert metrics[:3] == ["0", "0", "0"] and int(metrics[3]) == annex_v_size(register)
    nothing = "Nothing to change" if lang == "en" else "无需变更"
    assert any(nothing in s.value for s in at.success), texts(at)
    [status] = at.status
    assert status.label == say("lists.safety.checked", lang, file="annex\\_v.csv")
