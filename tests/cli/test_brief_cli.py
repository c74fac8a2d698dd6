"""giscope brief: PDFs written through the console script; errors leave no file."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import Shared, clean_error, giscope, ok


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_each_brief_is_written_as_a_pdf(shared: Shared, tmp_path: Path) -> None:
    labels = tmp_path / "labels.txt"
    labels.write_text("香宾酒\nChampagne-style\n", encoding="utf-8")
    dispute = tmp_path / "dispute.pdf"
    ok(
        giscope(
            "brief",
            "dispute",
            "--gi",
            "香槟",
            "--in",
            "CN",
            "--labels",
            labels,
            "--lang",
            "zh",
            "-o",
            dispute,
            db=shared.path,
        )
    )
    assert "香槟" in pdf_text(dispute)
    compare = tmp_path / "compare.pdf"
    ok(giscope("brief", "compare", "china-eu", "china-thailand", "-o", compare, db=shared.path))
    assert "China–EU" in pdf_text(compare) or "China-EU" in pdf_text(compare)
    screening = tmp_path / "screening.pdf"
    ok(giscope("brief", "screening", "--file", labels, "--in", "CN", "-o", screening, db=shared.path))
    assert "fr-champagne" in pdf_text(screening)


def test_unknown_gi_or_agreement_gives_an_error_and_no_file(shared: Shared, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    clean_error(
        giscope("brief", "dispute", "--gi", "Nowhere Cheese", "--in", "CN", "-o", out, db=shared.path),
        "no GI",
    )
    assert not out.exists()
    clean_error(
        giscope("brief", "compare", "china-eu", "china-mars", "-o", out, db=shared.path), "china-mars"
    )
    assert not out.exists()
    clean_error(
        giscope("brief", "dispute", "--gi", "香槟", "--in", "US", "-o", out, db=shared.path), "unknown"
    )
    assert not out.exists()


def test_an_opposition_brief_for_an_unknown_finding_is_one_clear_error_and_no_file(
    shared: Shared, tmp_path: Path
) -> None:
    out = tmp_path / "opposition.pdf"
    clean_error(
        giscope("brief", "opposition", "--finding", "999", "-o", out, db=shared.path), "no finding 999"
    )
    assert not out.exists()


def test_an_opposition_brief_is_written_for_a_scanned_finding(tmp_path: Path) -> None:
    from tests.conftest import TEST_DATA

    db = tmp_path / "register.sqlite3"
    ok(giscope("init", db=db))
    gazette = TEST_DATA / "gazette_example.csv"
    ok(giscope("watch", "scan", gazette, "--in", "CN", "--published", "2026-11-20", db=db))
    out = tmp_path / "opposition.pdf"
    ok(giscope("brief", "opposition", "--finding", "1", "--lang", "zh", "-o", out, db=db))
    text = pdf_text(out)
    assert "EX-2026-000001" in text and "香槟" in text
