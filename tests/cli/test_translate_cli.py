"""giscope translate and giscope translations through the real console script: without network the
answer comes at once from the glossary or says "machine translation unavailable"; approving a rendering
makes a label in that language match in `giscope check`; export --lang marks unreviewed renderings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import Shared, as_json, clean_error, copy_database, csv_rows, giscope, ok
from tests.servers import silent_server

ANJI = "cn-anji-bai-cha"
THAI_LABEL = "ชาขาวอันจี๋"


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    return copy_database(shared.path, tmp_path / "register.sqlite3")


@pytest.fixture
def offline() -> Iterator[dict[str, str]]:
    """The environment of a machine whose network never answers: every request goes to a local socket
    that accepts and stays silent, with a 1 s timeout per call."""
    with silent_server() as (port, _accepted):
        proxy = f"http://127.0.0.1:{port}"
        yield {
            "HTTPS_PROXY": proxy, "HTTP_PROXY": proxy, "https_proxy": proxy, "http_proxy": proxy,
            "NO_PROXY": "", "no_proxy": "", "GISCOPE_TRANSLATE_TIMEOUT": "1",
        }  # fmt: skip


def test_translate_without_network_says_unavailable_and_where_it_looked(
    db: Path, offline: dict[str, str]
) -> None:
    answer = as_json(giscope("translate", "安吉白茶", "--to", "en", "--json", db=db, env=offline))
    assert answer["origin"] == "unavailable" and answer["result"] is None and answer["gi_id"] == ANJI
    assert answer["message"] == "machine translation unavailable"
    assert "no answer within 1 s" in answer["detail"]
    assert {"text": "Anji Bai Cha", "kind": "transcription", "lang": "zh-Latn"} in answer["alternatives"]
    assert as_json(giscope("translations", "list", "--json", db=db)) == []


def test_translate_answers_from_the_glossary_without_asking_the_machine(
    db: Path, offline: dict[str, str]
) -> None:
    answer = as_json(giscope("translate", "Champagne", "--to", "zh", "--json", db=db, env=offline))
    assert (answer["origin"], answer["result"], answer["gi_id"]) == ("glossary", "香槟", "fr-champagne")
    text = ok(giscope("translate", "ham", "--to", "zh", db=db, env={"GISCOPE_TRANSLATOR": "none"}))
    assert text.out.strip() == "火腿" and "glossary" in text.err


def test_approving_a_rendering_makes_a_thai_label_match_in_check(db: Path) -> None:
    def hits() -> list[str]:
        found = as_json(giscope("check", THAI_LABEL, "--in", "EU", "--json", db=db))
        return [m["gi_id"] for m in found[0]["matches"]]

    assert ANJI not in hits()
    ok(giscope("translations", "add", "--gi", ANJI, "--to", "th", "--text", THAI_LABEL, db=db))
    (row,) = as_json(giscope("translations", "list", "--unreviewed", "--json", db=db))
    assert (row["gi_id"], row["status"], row["engine"], row["suggested_by"]) == (
        ANJI,
        "suggested",
        "staff",
        "tester",
    )
    shown = ok(giscope("show", ANJI, db=db)).out
    assert "renderings to be reviewed" in shown and THAI_LABEL in shown.split("renderings to be reviewed")[1]
    assert ANJI not in hits()
    done = ok(giscope("translations", "approve", str(row["id"]), "--by", "reviewer", db=db))
    assert "reviewed by reviewer" in done.out
    assert ANJI in hits()
    record = as_json(giscope("show", ANJI, "--json", db=db))
    assert THAI_LABEL in {n["text"] for n in record["names"]}
    assert record["renderings"][0]["reviewed_by"] == "reviewer"
    assert as_json(giscope("translations", "list", "--unreviewed", "--json", db=db)) == []


def test_export_lang_gives_reviewed_renderings_and_marks_the_others(db: Path) -> None:
    ok(giscope("translations", "add", "--gi", ANJI, "--to", "fr", "--text", "Thé blanc d'Anji", db=db))
    rows = csv_rows(ok(giscope("export", "--agreement", "china-eu", "--annex", "III", "--format", "csv",
                               "--lang", "fr", db=db)).out)  # fmt: skip
    anji = next(r for r in rows if r["id"] == ANJI)
    assert (anji["rendering_lang"], anji["rendering"], anji["rendering_status"]) == (
        "fr", "Thé blanc d'Anji", "to be reviewed",
    )  # fmt: skip
    gis = as_json(
        giscope(
            "export", "--agreement", "china-eu", "--annex", "III", "--format", "json", "--lang", "fr", db=db
        )
    )
    by_id = {g["id"]: g for g in gis}
    assert by_id[ANJI]["rendering"] == {"lang": "fr", "text": "Thé blanc d'Anji", "status": "to be reviewed"}
    assert by_id["cn-panjin-da-mi"]["rendering"] == {"lang": "fr", "text": None, "status": None}


def test_suggest_without_network_creates_nothing_and_says_why(db: Path, offline: dict[str, str]) -> None:
    run = ok(giscope("translations", "suggest", "--gi", ANJI, "--to", "en", db=db, env=offline))
    assert "0 suggested" in run.out and "machine translation unavailable" in run.err
    assert as_json(giscope("translations", "list", "--json", db=db)) == []


def test_review_of_an_unknown_row_and_a_bad_language_are_one_clear_line(db: Path) -> None:
    clean_error(giscope("translations", "approve", "42", db=db), "no translation #42")
    clean_error(giscope("translations", "reject", "42", db=db), "no translation #42")
    bad = giscope("translate", "ham", "--to", "de", db=db)
    assert bad.code == 2 and "Traceback" not in bad.err
    clean_error(giscope("translate", "   ", "--to", "en", db=db), "nothing to translate")
    clean_error(giscope("translate", "ham", "--to", "zh", db=db, env={"GISCOPE_TRANSLATE_TIMEOUT": "9"}),
                "at most 5 s")  # fmt: skip


def test_profile_translate_without_network_is_one_line_and_changes_nothing(
    db: Path, offline: dict[str, str]
) -> None:
    before = as_json(giscope("profile", "TH", "--json", db=db))
    clean_error(
        giscope("profile", "TH", "--translate", "fees", "--to", "zh", db=db, env=offline),
        "machine translation unavailable",
        "TH fees left as it is",
    )
    after = as_json(giscope("profile", "TH", "--json", db=db))
    assert after == before and after["suggestions"] == {}
    clean_error(
        giscope("profile", "TH", "--translate", "nonsense", "--to", "zh", db=db), "no field 'nonsense'"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["translate"],
        ["translations"],
        *(["translations", c] for c in ("list", "suggest", "add", "approve", "reject")),
    ],
)
def test_help_of_every_translation_command_shows_an_example(tmp_path: Path, command: list[str]) -> None:
    assert "Example:" in ok(giscope(*command, "--help", db=tmp_path / "unused.sqlite3")).out
