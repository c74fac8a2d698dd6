"""Trademark watch, pure parts: opposition periods per jurisdiction (end of month included), reading a
gazette file, and how a mark's Nice classes decide like goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.goods import registered_goods
from errors import InputError
from names.knowledge import bundled_knowledge
from tests.conftest import TEST_DATA
from watch.model import add_period
from watch.trademarks.gazette import parse_classes, read_gazette
from watch.trademarks.model import OppositionRule, at_least
from watch.trademarks.services import opposition_rule


@pytest.mark.parametrize(
    ("jurisdiction", "published", "deadline"),
    [
        ("CN", "2026-11-20", "2027-02-20"),  # Trademark Law Art. 33: 3 months
        ("CN", "2026-11-30", "2027-02-28"),  # no 30 February: the month's last day
        ("CN", "2027-11-30", "2028-02-29"),  # ... in a leap year
        ("EU", "2026-11-30", "2027-02-28"),  # EUTMR Art. 46(1): 3 months
        ("EU", "2026-05-31", "2026-08-31"),
        ("FR", "2026-12-31", "2027-02-28"),  # CPI L.712-4: 2 months
        ("FR", "2026-12-15", "2027-02-15"),
        ("TH", "2026-01-01", "2026-03-02"),  # Thai TM Act s. 35: 60 days
        ("TH", "2028-01-01", "2028-03-01"),  # 2028 is a leap year
    ],
)
def test_the_opposition_deadline_follows_the_jurisdictions_rule(jurisdiction, published, deadline) -> None:
    assert opposition_rule(jurisdiction).deadline(published) == deadline


def test_every_opposition_rule_names_its_article_and_source() -> None:
    articles = {"CN": "Art. 33", "EU": "Art. 46(1)", "FR": "L.712-4", "TH": "s. 35"}
    for jurisdiction, article in articles.items():
        rule = opposition_rule(jurisdiction)
        assert rule.known and article in rule.basis
        assert rule.source and rule.confidence == "high"
        assert "last day" in (rule.counting or "") or "days" in (rule.counting or "")
    assert opposition_rule("TH").days == 60 and opposition_rule("FR").months == 2


def test_a_jurisdiction_without_a_sourced_rule_gives_no_deadline() -> None:
    rule = OppositionRule.from_data("XX", None)
    assert not rule.known and rule.confidence == "unconfirmed"


def test_month_arithmetic_keeps_the_day_or_takes_the_last_day_of_the_month() -> None:
    assert add_period("2026-01-31", months=1) == "2026-02-28"
    assert add_period("2026-08-31", months=3) == "2026-11-30"
    assert add_period("2026-10-15", months=3) == "2027-01-15"  # across the year


def test_severity_thresholds() -> None:
    assert at_least("high", "medium") and at_least("medium", "medium") and not at_least("low", "medium")


def test_nice_classes_are_read_with_their_problem() -> None:
    assert parse_classes("3; 33;3") == ((3, 33), None)
    assert parse_classes("46")[1] and parse_classes("wine")[1] and parse_classes(" ; ")[1]


def test_the_example_gazette_reads_whole() -> None:
    marks = read_gazette(TEST_DATA / "gazette_example.csv", published="2026-11-20")
    assert [m.mark for m in marks][:3] == ["香槟人生", "CHAMPAGNE LIFE", "Parma"]
    assert marks[0].classes == (3,) and marks[0].goods == "perfume; cosmetics"
    assert {m.published for m in marks} == {"2026-11-20"} and marks[0].line == 2


def test_bad_gazette_rows_are_reported_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "gazette.csv"
    path.write_text(
        "application_no,mark,classes,applicant,filing_date\n"
        "EX-1,Good Mark,33,Example Co.,2026-01-02\n"
        "EX-2,,33,Example Co.,\n"
        "EX-3,Other,3;99,Example Co.,\n"
        "EX-1,Again,33,Example Co.,2026-13-01\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_gazette(path, published="2026-11-20")
    problems = caught.value.problems
    assert f"{path}:3: mark: required value is empty" in problems
    assert any(p.startswith(f"{path}:4: classes: '99' is not a Nice class") for p in problems)
    assert f"{path}:5: application_no: EX-1 is already on line 2" in problems
    assert any(p.startswith(f"{path}:5: filing_date: '2026-13-01' is not a date") for p in problems)


def test_a_gazette_needs_a_publication_date_from_a_column_or_the_option(tmp_path: Path) -> None:
    path = tmp_path / "gazette.csv"
    path.write_text("application_no,mark,classes,applicant\nEX-1,Mark,33,Example Co.\n", encoding="utf-8")
    with pytest.raises(InputError, match="publication_date: no such column and no --published"):
        read_gazette(path, published=None)
    path.write_text(
        "application_no,mark,classes,applicant,publication_date,colour\nEX-1,Mark,33,Co.,2026-11-02,red\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r":1: colour: unknown column"):
        read_gazette(path, published=None)


def test_a_marks_classes_decide_like_goods_for_each_gi() -> None:
    k = bundled_knowledge()
    assert registered_goods(k, (33,), "sparkling wine", "Wine")[1].kind == "like"  # type: ignore[union-attr]
    label_class, verdict = registered_goods(k, (3,), "perfume", "Wine")
    assert label_class == "Nice class 3" and verdict is not None and verdict.kind == "other"
    assert registered_goods(k, (29,), None, "Meat products (cooked, salted, smoked, etc.)")[1].kind == "like"  # type: ignore[union-attr]
    assert registered_goods(k, (21,), None, "Handicraft (porcelain)")[1].kind == "like"  # type: ignore[union-attr]
    # a mark in a food class and a non-food class: the food class is the nearer to a cheese
    assert registered_goods(k, (25, 30), None, "Cheeses")[1].word.nice_class == 30  # type: ignore[union-attr]
