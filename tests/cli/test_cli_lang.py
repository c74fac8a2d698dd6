"""`--lang en|zh` (and GISCOPE_LANG) on every giscope command that prints prose: in Chinese, everything the
command writes for people is Chinese but names, codes and citations; in English it stays as it was; JSON
never changes with the language.

The check: take the command's output, remove the register's own data (every string of the same command's
--json output, and names the test itself wrote), and look for English words in what is left. Words the
Chinese may keep are those of tests/unit/test_phrases.py, plus acronyms, Roman annex numbers, options,
file names, URLs and ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import Run, Shared, copy_database, giscope, ok, write_csv
from tests.conftest import TEST_DATA
from tests.unit.test_phrases import LATIN_ALLOWED
from watch.model import OUTCOME_STATUSES
from watch.trademarks.model import FINDING_STATES

GAZETTE = TEST_DATA / "gazette_example.csv"
# Stored words (statuses, kinds, routes, states …): the JSON gives them, but the Chinese must translate
# them, so they are never taken for data.
STORED_WORDS = {
    "protected", "pending", "in-objection", "listed", "rejected", "withdrawn", "high", "medium", "low",
    "unconfirmed", "agreement", "national-register", "trademark", "original", "transcription", "translation",
    "traditional", "abbreviation", "official-rendering", "exact", "transliteration", "script-variant",
    "homophone", "imitation", "evocation", "partial", "fuzzy", "generic-overlap", "already-protected",
    "already-listed", "conflict", "homonym", "generic-term", "duplicate", "email", "webhook", "new-batch",
    "status-change", "deadline", "met", "missed", "reported", "unknown", "upcoming", "due", "overdue",
    "created", *FINDING_STATES,
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
SPLIT = re.compile(r"(?:[\s，。；：、（）()\[\]【】“”\"'<>|·—…,;]|:(?=\s|$))+")
CLIPPED = re.compile(r"(?:^|(?<=  ))[^\n]*?…", re.MULTILINE)  # a table cell cut short: data
CODE = re.compile(r"[/._@:=\d]|^-")  # paths, URLs, file names, options, ids with digits


def json_strings(data: Any, skip: frozenset[str] = frozenset()) -> set[str]:
    """Every string in a JSON document (the register's data), but stored words and the keys in `skip`."""
    out: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                out |= json_strings(value, skip)
    elif isinstance(data, list):
        for value in data:
            out |= json_strings(value, skip)
    elif isinstance(data, str) and data not in STORED_WORDS and len(data) > 1:
        out.add(data)
    return out


def english_words(text: str, data: Iterable[str] = ()) -> list[str]:
    """English words in `text` once the data is taken out: what the command itself wrote in English."""
    text = CLIPPED.sub(" ", text)
    values = set(data)
    for value in sorted((v for v in values if SPLIT.search(v)), key=len, reverse=True):
        text = text.replace(value, " ")  # data of several words: taken out where it stands
    words = []
    for token in SPLIT.split(text):
        if not token or token in values or CODE.search(token):  # one-word data: only as a whole token
            continue
        for word in WORD.findall(token):
            acronym = word.isupper() and len(word) <= 6  # OJ, PDO, CNIPA, DIP … and Roman annex numbers
            if word not in LATIN_ALLOWED and not acronym:
                words.append(word)
    return words


def assert_chinese(run: Run, data: Iterable[str] = ()) -> None:
    text = run.out + run.err
    assert re.search(r"[\u4e00-\u9fff]", text), text
    stray = english_words(text, data)
    assert not stray, f"English in Chinese output: {sorted(set(stray))}\n{text}"


def json_of(*args: str, db: Path, lang: str = "en", skip: frozenset[str] = frozenset()) -> set[str]:
    data = json.loads(ok(giscope(*args, "--json", "--lang", lang, db=db)).out)
    return json_strings(data, skip)


@pytest.fixture(scope="module")
def work(shared: Shared, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the register with a trademark-watch scan, findings and an import batch in it (for the
    commands that write, and for the alerts and findings to list)."""
    path = copy_database(shared.path, tmp_path_factory.mktemp("cli_lang") / "register.sqlite3")
    ok(giscope("watch", "scan", GAZETTE, "--in", "CN", "--published", "2026-11-30", db=path))
    batch = write_csv(
        path.parent / "batch.csv",
        ["name", "product_class", "origin", "status", "source"],
        [["Test Alpha Tea", "Tea", "CN", "pending", "test"]],
    )
    ok(giscope("import", batch, "--agreement", "china-eu", "--annex", "V", "--keep-missing", db=path))
    return path


# ---------------------------------------------------------------------------------------------
# Read-only commands, in Chinese
# ---------------------------------------------------------------------------------------------


def test_search_and_show_in_chinese(shared: Shared) -> None:
    db = shared.path
    run = ok(giscope("search", "香槟", "--lang", "zh", db=db))
    assert run.out.split()[:2] == ["编号", "名称"]
    assert_chinese(run, json_of("search", "香槟", db=db))
    assert_chinese(ok(giscope("search", "zzqqxx", "--lang", "zh", db=db)), {"zzqqxx"})
    for ref in ("fr-champagne", "Toscano"):
        run = ok(giscope("show", ref, "--lang", "zh", db=db))
        assert "变更历史" in run.out and "受保护" in run.out
        assert_chinese(run, json_of("show", ref, db=db))


def test_check_and_scan_in_chinese(shared: Shared, tmp_path: Path) -> None:
    db = shared.path
    labels = ("Champagne-style sparkling wine", "香宾酒", "plain water")
    run = ok(giscope("check", *labels, "--in", "CN", "--lang", "zh", db=db))
    assert "依据：" in run.out and "未发现冲突" in run.out and "说明：" in run.err
    assert_chinese(run, {*labels, *json_of("check", *labels, "--in", "CN", db=db, lang="zh")})
    proposed = write_csv(
        tmp_path / "proposed.csv",
        ["name", "product_class", "origin"],
        [["Champagne", "Wine", "FR"], ["New Name Tea", "Tea", "CN"], ["New Name Tea", "Tea", "CN"]],
    )
    run = ok(giscope("scan", proposed, "--against", "EU", "--lang", "zh", db=db))
    assert "可能存在异议理由" in run.out
    data = json_of("scan", str(proposed), "--against", "EU", db=db)
    assert_chinese(run, data | {"Champagne", "New Name Tea"})


def test_compare_profile_deadlines_in_chinese(shared: Shared) -> None:
    db = shared.path
    args = ("compare", "china-eu", "china-france", "--include", "trips")
    run = ok(giscope(*args, "--lang", "zh", db=db))
    assert "个维度中有" in run.out and "china-eu" not in run.out
    assert_chinese(run, json_of(*args, db=db, lang="zh"))
    run = ok(giscope("profile", "TH", "--lang", "zh", db=db))
    assert "来源：" in run.out and "可信度：" in run.out and "案例" in run.out
    names = {"Khao Hom Mali", "Sriracha"}  # the cases' names
    assert_chinese(run, names | json_of("profile", "TH", db=db, lang="zh") | json_of("profile", "TH", db=db))
    run = ok(giscope("deadlines", "--today", "2026-12-01", "--lang", "zh", db=db))
    assert "依据：" in run.out and "未到期" in run.out
    # the data's English bases without a Chinese text (objection windows) stay as they are: data
    assert_chinese(run, json_of("deadlines", "--today", "2026-12-01", db=db))


def test_settings_init_and_errors_in_chinese(shared: Shared, tmp_path: Path) -> None:
    db = shared.path
    run = ok(giscope("settings", "--lang", "zh", db=db))
    assert "默认值：" in run.out and "GISCOPE_LANG=" in run.out
    assert_chinese(run)
    assert_chinese(ok(giscope("init", "--lang", "zh", db=copy_database(db, tmp_path / "r.sqlite3"))))
    for args in (
        ("check", "--in", "CN"),
        ("show", "Xyzzy-no-such-gi"),
        ("compare", "china-eu", "china-mars"),
    ):
        run = giscope(*args, "--lang", "zh", db=db)
        assert run.code == 1 and run.err.startswith("giscope: "), run.err
        assert_chinese(run, {"Xyzzy-no-such-gi", "china-mars", "china-eu", "china-france", "china-thailand"})
    bad = write_csv(
        tmp_path / "bad.csv", ["name", "product_class", "origin"], [["", "Tea", "CN"], ["X", "", "CN"]]
    )
    run = giscope("import", bad, "--agreement", "china-eu", "--annex", "V", "--lang", "zh", db=db)
    assert run.code == 1 and "bad.csv:2: name: 必填值为空" in run.err and "giscope: 共2个问题" in run.err
    assert_chinese(run, {"name", "product_class"})  # the file's column names


def test_the_trademark_watch_and_alerts_in_chinese(work: Path) -> None:
    run = ok(giscope("watch", "list", "--lang", "zh", db=work))
    assert "处理状态" in run.out and "新发现" in run.out
    assert_chinese(run, json_of("watch", "list", db=work))
    run = ok(giscope("alerts", "--lang", "zh", db=work))
    assert "新批次" in run.out and "新增" in run.out
    assert_chinese(run, json_of("alerts", db=work, skip=frozenset({"title"})))


# ---------------------------------------------------------------------------------------------
# Commands that write, in Chinese
# ---------------------------------------------------------------------------------------------


def test_commands_that_write_speak_chinese(work: Path, tmp_path: Path) -> None:
    db = copy_database(work, tmp_path / "register.sqlite3")
    batch = write_csv(
        tmp_path / "batch2.csv",
        ["name", "product_class", "origin", "status", "source"],
        [["Test Gamma Wine", "Wine", "CN", "pending", "test"]],
    )
    run = ok(
        giscope(
            "import", batch, "--agreement", "china-eu", "--annex", "V", "--dry-run", "--lang", "zh", db=db
        )
    )
    assert "将新增1个" in run.out and "已撤回" in run.out
    register = json_strings(json.loads(ok(giscope("export", "--format", "json", db=db)).out))
    assert_chinese(run, {"Test Gamma Wine", "cn-test-gamma-wine", "Test Alpha Tea", *register})
    run = ok(giscope("watch", "set", "1", "--state", "reviewed", "--note", "checked", "--lang", "zh", db=db))
    assert "已审查" in run.out and "在公告" in run.out
    assert_chinese(run, {"checked", "tester", *json_of("watch", "list", db=db)})
    run = ok(
        giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "a@b.example", "--lang", "zh", db=db)
    )
    assert "电子邮件" in run.out and "GISCOPE_SMTP_HOST" in run.err
    assert_chinese(run, {"fr-champagne"})
    assert_chinese(ok(giscope("watch", "subscriptions", "--lang", "zh", db=db)), {"fr-champagne"})
    assert_chinese(ok(giscope("watch", "unsubscribe", "1", "--lang", "zh", db=db)), {"fr-champagne"})
    run = ok(
        giscope(
            "deadlines", "--outcome", "china-eu/review-3", "met", "--source", "test", "--lang", "zh", db=db
        )
    )
    assert "已完成" in run.out
    assert_chinese(run)
    # export's --lang names the renderings (en, fr, th): its messages follow GISCOPE_LANG
    run = ok(
        giscope("export", "--format", "csv", "-o", tmp_path / "x.csv", db=db, env={"GISCOPE_LANG": "zh"})
    )
    assert "已将" in run.err
    assert_chinese(run)


def test_import_register_speaks_chinese(shared: Shared, tmp_path: Path) -> None:
    row = {"id": 1, "fileName": "PDO-FR-A1359", "protectedName": "Champagne", "countryId": "fr",
           "geographicalIndicatorTypeCode": "PDO", "qualityProductType": "Wine", "productCategory": "Wine",
           "status": "Registered", "registrationDate": "18/09/1973"}  # fmt: skip
    rows = [row, {**row, "id": 2, "fileName": "TSG-IT-0001", "geographicalIndicatorTypeCode": "TSG"}]
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"count": 2, "results": rows}), encoding="utf-8")
    args = ("import-register", "eu", "--from-file", answer, "--dry-run", "--force")
    run = ok(giscope(*args, "--lang", "zh", db=shared.path))
    assert "欧盟登记簿答复" in run.out and "跳过传统特色产品" in run.out and "试运行" in run.out
    register = json_strings(json.loads(ok(giscope("export", "--format", "json", db=shared.path)).out))
    new_values = json_strings(json.loads(ok(giscope(*args, "--json", db=shared.path)).out))  # new sources
    assert_chinese(run, register | new_values)
    assert "欧盟登记簿（2020年7月版本）" in run.out  # the notes before and after, in Chinese
    run = ok(giscope(*args, db=shared.path))
    assert "EU register answer from" in run.out and "dry run: nothing was written" in run.out


def test_a_brief_says_where_it_wrote_in_chinese(shared: Shared, tmp_path: Path) -> None:
    out = tmp_path / "compare.pdf"
    run = ok(
        giscope("brief", "compare", "china-eu", "china-thailand", "--lang", "zh", "-o", out, db=shared.path)
    )
    assert out.stat().st_size > 0 and "已写入" in run.err
    assert_chinese(run)


# ---------------------------------------------------------------------------------------------
# GISCOPE_LANG, English, JSON
# ---------------------------------------------------------------------------------------------


def test_giscope_lang_sets_the_default_and_lang_overrides_it(shared: Shared) -> None:
    zh = {"GISCOPE_LANG": "zh"}
    run = ok(giscope("search", "香槟", db=shared.path, env=zh))
    assert run.out.split()[:2] == ["编号", "名称"]
    assert_chinese(run, json_of("search", "香槟", db=shared.path))
    run = ok(giscope("deadlines", "--today", "2026-12-01", db=shared.path, env=zh))
    assert "依据：" in run.out
    run = ok(giscope("search", "香槟", "--lang", "en", db=shared.path, env=zh))
    assert run.out.split()[:3] == ["id", "name", "class"]
    help_text = ok(giscope("search", "--help", db=shared.path, env=zh)).out
    assert "--lang [en|zh]" in help_text and "GISCOPE_LANG" in help_text


def test_english_stays_english(shared: Shared, work: Path) -> None:
    db = shared.path
    assert ok(giscope("search", "香槟", "--lang", "en", db=db)).out.split()[:3] == ["id", "name", "class"]
    run = ok(giscope("show", "fr-champagne", db=db))
    assert "class: Wine   origin: FR (Champagne)" in run.out and "history:" in run.out
    run = ok(giscope("check", "香宾酒", "--in", "CN", db=db))
    assert "homophone" in run.out and "(confidence high)" in run.out and run.err.startswith("note: ")
    assert "dimensions differ" in ok(giscope("compare", "china-eu", "china-france", db=db)).out
    assert "basis: " in ok(giscope("deadlines", "--today", "2026-12-01", db=db)).out
    run = ok(giscope("watch", "list", db=work))
    assert run.out.split()[:3] == ["id", "gazette", "application"] and " new" in run.out
    assert "New batch for china-eu/V" in ok(giscope("alerts", db=work)).out
    assert "giscope: give labels to check" in giscope("check", "--in", "CN", db=db).err


@pytest.mark.parametrize(
    "args",
    [
        ("search", "香槟"),
        ("show", "fr-champagne"),
        ("deadlines", "--today", "2026-12-01"),
        ("watch", "list"),
        ("alerts",),
        ("watch", "subscriptions"),
    ],
)
def test_json_does_not_change_with_the_language(work: Path, args: tuple[str, ...]) -> None:
    en = ok(giscope(*args, "--json", db=work)).out
    assert ok(giscope(*args, "--json", "--lang", "zh", db=work)).out == en
    assert ok(giscope(*args, "--json", db=work, env={"GISCOPE_LANG": "zh"})).out == en


def test_scan_json_stays_english_in_chinese_mode(shared: Shared, tmp_path: Path) -> None:
    proposed = write_csv(
        tmp_path / "p.csv", ["name", "product_class", "origin"], [["Champagne", "Wine", "FR"]]
    )
    args = ("scan", proposed, "--against", "EU", "--json")
    assert ok(giscope(*args, "--lang", "zh", db=shared.path)).out == ok(giscope(*args, db=shared.path)).out


# ---------------------------------------------------------------------------------------------
# The words the CLI looks up by the stored value
# ---------------------------------------------------------------------------------------------


def test_every_stored_word_the_cli_shows_has_its_chinese() -> None:
    from wording_register import (
        alert_kind,
        outcome_word,
        route_word,
        script_word,
        state_word,
        value_word,
        what_text,
    )

    for state in FINDING_STATES:
        assert state_word(state, "zh") != state and state_word(state, "en") == state
    for outcome in OUTCOME_STATUSES:
        assert outcome_word(outcome, "zh") != outcome
    for route in ("agreement", "national-register", "trademark"):
        assert route_word(route, "zh") != route
    for script in ("Latn", "Hani", "Grek", "Cyrl", "Thai", "Zyyy"):
        assert script_word(script, "zh") != script
    for kind in ("new-batch", "status-change", "deadline"):
        assert alert_kind(kind, "zh") != kind
    for level in ("high", "medium", "low", "unconfirmed", "protected", "withdrawn"):
        assert value_word(level, "zh") != level
    assert what_text("EU/agreement/china-eu/IV: status", "zh") == "EU/协定/中欧/IV：状态"
    assert what_text("name (translation)", "zh") == "名称（译名）"
    assert not english_words(what_text("product_class", "zh") + what_text("region", "zh"))


def test_the_checker_catches_english_and_keeps_codes() -> None:
    text = "编号 名称 Champagne --lang fr-champagne OJ L 408I IV 来源 file.csv https://x.example/a"
    assert english_words(text, {"fr-champagne"}) == ["Champagne"]
    assert english_words("编号 Champagne", {"Champagne"}) == []
    assert english_words("编号 history: 名称") == ["history"]
