import csv
import io

from gi_lists.export import EXPORT_COLUMNS, neutralise, rows_for, to_csv
from gi_lists.model import GI, Name, Protection


def test_formula_cells_are_neutralised():
    for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=x"]:
        assert neutralise(risky) == "'" + risky
    assert neutralise("Champagne") == "Champagne"
    assert neutralise(3) == 3


def test_csv_has_source_and_confidence_for_each_protection():
    gi = GI(
        "xx-test",
        (Name("=cmd|' /C calc'!A0", "original", None, "Latn"),),
        "Wine",
        "FR",
        None,
        (
            Protection(
                "CN", "agreement", "protected", "china-eu", "IV", source="OJ L 408I", confidence="high"
            ),
            Protection("CN", "trademark", "protected", source="CNIPA", confidence="medium"),
        ),
    )
    text = to_csv(rows_for([gi])).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert [r["source"] for r in rows] == ["OJ L 408I", "CNIPA"]
    assert [r["confidence"] for r in rows] == ["high", "medium"]
    assert rows[0]["name"].startswith("'=")
