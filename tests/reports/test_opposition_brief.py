"""giscope brief opposition: the brief for one trademark-watch finding, as a reader sees it in the PDF
(the mark, the GI, the grounds with their articles, the deadline with the days left), en and zh."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.opposition import opposition_brief
from errors import RegisterError
from reports.render import render
from storage.db import Database
from tests.conftest import TEST_DATA
from tests.reports.pdftools import body_text, squash, without_names
from tests.reports.test_chinese_briefs import english_words, gi_names
from watch.trademarks.model import TrademarkFinding
from watch.trademarks.services import scan_gazette

AT = "2026-12-03T10:00:00+00:00"
TODAY = "2026-12-03"


def _scan(db: Database, path: Path, j: str) -> list[TrademarkFinding]:
    result = scan_gazette(db, path, j, published="2026-11-20", who="tester", at=AT, today=TODAY)
    return result.findings


def _finding(findings: list[TrademarkFinding], application_no: str, gi_id: str) -> TrademarkFinding:
    return next(f for f in findings if f.application_no == application_no and f.gi_id == gi_id)


@pytest.fixture
def cn_perfume(loaded_engine: Database) -> TrademarkFinding:
    """香槟人生 on perfume (class 3) in China: Champagne's well-known-mark route."""
    return _finding(
        _scan(loaded_engine, TEST_DATA / "gazette_example.csv", "CN"), "EX-2026-000001", "fr-champagne"
    )


@pytest.fixture
def eu_tea(loaded_engine: Database, tmp_path: Path) -> TrademarkFinding:
    """An EU application imitating a Chinese GI on the China–EU list."""
    path = tmp_path / "eu.csv"
    path.write_text("application_no,mark,classes,applicant\nEX-EU-9,ANXI TIEGUANYIN STYLE,30,Example Co.\n")
    return _finding(_scan(loaded_engine, path, "EU"), "EX-EU-9", "cn-anxi-tie-guan-yin")


def _text(db: Database, finding: TrademarkFinding, lang: str) -> str:
    return squash(body_text(render(opposition_brief(db, finding.id, lang=lang, today=TODAY))))


def test_the_cn_brief_names_the_mark_the_deadline_and_every_ground(
    loaded_engine: Database, cn_perfume: TrademarkFinding
) -> None:
    text = _text(loaded_engine, cn_perfume, "en")
    for expected in ("香槟人生", "EX-2026-000001", "Champagne", "2027-02-20 (79 days left)", "Art. 33"):
        assert squash(expected) in text, expected
    assert squash("China–EU GI Agreement Art. 4(1)(b)") in text  # the agreement route applies
    assert squash("Well-known mark") in text and squash("Beijing High Court") in text
    assert "TRIPS" in text and squash("22.3") in text
    assert squash("Screened: gazette gazette_example") in text  # what was screened


def test_the_eu_brief_cites_eutmr_art_46_and_the_agreement(
    loaded_engine: Database, eu_tea: TrademarkFinding
) -> None:
    text = _text(loaded_engine, eu_tea, "en")
    for expected in ("ANXI TIEGUANYIN STYLE", "EX-EU-9", "Anxi", "2027-02-20 (79 days left)", "Art. 46(1)"):
        assert squash(expected) in text, expected
    assert squash("China–EU GI Agreement Art. 4(1)(b)") in text
    assert "TRIPS" in text


@pytest.mark.parametrize("which", ["cn_perfume", "eu_tea"])
def test_the_zh_brief_reads_in_chinese(
    loaded_engine: Database, which: str, request: pytest.FixtureRequest
) -> None:
    finding: TrademarkFinding = request.getfixturevalue(which)
    text = _text(loaded_engine, finding, "zh")
    assert finding.application_no in text and squash("2027-02-20（剩余79天）") in text
    assert "第三十三条" in text if finding.jurisdiction == "CN" else squash("第46条第1款") in text
    assert "TRIPS" in text
    assert "新发现" in text  # the finding's state in Chinese
    readable = without_names(
        text, [*gi_names(loaded_engine), finding.mark, finding.applicant, finding.gazette]
    )
    assert english_words(readable) == []


def test_an_unknown_finding_is_a_user_error(loaded_engine: Database) -> None:
    with pytest.raises(RegisterError, match="no finding 999"):
        opposition_brief(loaded_engine, 999)
