"""Briefings prepared from the register (SQLite and PostgreSQL): content, sources, unconfirmed marks."""

from __future__ import annotations

import pytest

from briefings.comparison import compare_brief
from briefings.dispute import dispute_brief
from briefings.screening import screening_brief
from errors import RegisterError
from reports.briefing import Facts, Notice, Para, Table


def texts(briefing) -> list[str]:
    out = [briefing.title, briefing.subtitle]
    for section in briefing.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Facts):
                out.extend(label + " " + para.text for label, para in block.items)
            elif isinstance(block, Table):
                out.extend(cell.text for row in block.rows for cell in row)
            elif isinstance(block, Notice):
                out.append(block.text)
            else:
                out.extend(p.text for p in block.items)
    return out


def sources(briefing) -> list[str]:
    found = []
    for section in briefing.sections:
        for block in section.blocks:
            paras = []
            if isinstance(block, Para):
                paras = [block]
            elif isinstance(block, Facts):
                paras = [p for _, p in block.items]
            elif isinstance(block, Table):
                paras = [c for row in block.rows for c in row]
            found.extend(s.confidence for p in paras for s in p.sources)
    return found


def test_dispute_brief_covers_protection_scope_conflicts_and_where_to_act(loaded_engine):
    b = dispute_brief(
        loaded_engine,
        "香槟",
        "CN",
        labels=["香宾酒", "Champagne-style wine", "plain water"],
        lang="en",
        today="2026-11-27",
    )
    text = "\n".join(texts(b))
    assert b.kind == "dispute" and "Champagne" in b.title and b.date == "2026-11-27"
    assert "香槟" in text and "Champagne" in text
    assert "China–EU Annex IV" in text and "collective/certification mark" in text
    # the instrument cited in full: title, signing, entry into force, official publication, annex entry
    assert "Agreement between the European Union and the Government of the People's Republic of China" in text
    assert "signed 2020-09-14" in text and "OJ L 408I, 4.12.2020" in text
    assert "Annex IV (EU GIs protected in China" in text and "lists the name 'Champagne'" in text
    assert "homophone" in text and "imitation" in text  # Champagne-style: the agreement's "style" wording
    assert "CNIPA" in text  # where to act, from the CN profile
    assert any(isinstance(bl, Notice) and bl.kind == "disclaimer" for s in b.sections for bl in s.blocks)
    assert "high" in sources(b) or "medium" in sources(b)
    assert b.data_version.startswith("register ") and "GIs" in b.data_version


def test_dispute_brief_marks_unconfirmed_facts_and_works_in_chinese(loaded_engine):
    b = dispute_brief(loaded_engine, "cn-anxi-tie-guan-yin", "FR", lang="zh")
    text = "\n".join(texts(b))
    assert "安溪铁观音" in b.title and "法国" in b.title
    assert "欧盟：中欧协定附录三" in text
    assert any(isinstance(bl, Notice) and bl.kind == "unconfirmed" for s in b.sections for bl in s.blocks)
    assert "unconfirmed" in sources(b)


def test_a_gi_not_protected_there_says_so(loaded_engine):
    b = dispute_brief(loaded_engine, "มะขามหวานเพชรบูรณ์", "EU", lang="en")  # not in the EU register
    assert any(isinstance(bl, Notice) and "No protection" in bl.text for s in b.sections for bl in s.blocks)
    # with no labels, the first section still says what a screening there covers and that none was made
    first = "\n".join(bl.text for bl in b.sections[0].blocks if isinstance(bl, (Notice, Para)))
    assert "No labels were supplied" in first and "the EU register as of July 2020" in first


def test_never_a_false_all_clear_for_a_name_not_protected_there(loaded_engine):
    """Bordeaux is in none of the lists protecting names in Thailand: labels that use it are shown as
    uses of a name not protected there, never as 'no conflict', and every label appears."""
    labels = ["Bordeaux Supérieur rouge 2019", "波尔多红酒", "Siam Winery Sawasdee"]
    for lang in ("en", "zh"):
        b = dispute_brief(loaded_engine, "fr-bordeaux", "TH", labels=labels, lang=lang, today="2026-12-03")
        text = "\n".join(texts(b))
        assert "None of the" not in text and "均未使用该地理标志" not in text
        first = "\n".join(bl.text for bl in b.sections[0].blocks if isinstance(bl, (Notice, Para)))
        assert ("screened against" in first) if lang == "en" else ("筛查范围" in first)
        for label in labels:
            assert label in text, (lang, label)
        rows = [bl for s in b.sections for bl in s.blocks if isinstance(bl, Table) and bl.rows]
        uses = {row[0].text: row[1].text for t in rows for row in t.rows}
        assert set(uses) >= {"Bordeaux Supérieur rouge 2019", "波尔多红酒"}
        assert all(("not protected" in v) or ("未受保护" in v) for k, v in uses.items() if k in labels)
        steps = "\n".join(texts(b))
        assert "giscope deadlines" not in steps  # nothing is pending there: no deadlines to watch


def test_a_protected_name_lists_every_label_with_its_result(loaded_engine):
    labels = ["香宾酒", "plain water"]
    b = dispute_brief(loaded_engine, "fr-champagne", "CN", labels=labels, lang="en", today="2026-12-03")
    text = "\n".join(texts(b))
    assert "Labels with no use of this GI's names: plain water" in text
    assert "screened against the" in text and "China–EU Annex IV" in text


def test_unknown_gi_or_agreement_is_a_clear_error(loaded_engine):
    with pytest.raises(RegisterError, match="no GI"):
        dispute_brief(loaded_engine, "Nowhere Cheese", "CN")
    with pytest.raises(Exception, match="unknown agreement 'china-mars'"):
        compare_brief(loaded_engine, ["china-eu", "china-mars"])
    with pytest.raises(Exception, match="two to four"):
        compare_brief(loaded_engine, ["china-eu"])


def test_compare_brief_puts_differences_first_and_counts_names(loaded_engine):
    b = compare_brief(loaded_engine, ["china-eu", "china-france", "china-thailand"], lang="en")
    headings = [s.heading for s in b.sections][:3]
    assert headings == ["Key differences", "Full comparison", "Appendix: names on each list"]
    matrix = next(bl for bl in b.sections[1].blocks if isinstance(bl, Table))
    assert len(matrix.rows) >= 15 and matrix.highlight_rows
    assert matrix.headers[-1] == "TRIPS (baseline)"
    counts = "\n".join(c.text for row in b.sections[2].blocks[1].rows for c in row)
    assert "China–EU Annex IV" in counts and "96" in counts


def test_screening_brief_groups_labels_by_severity_and_scans_lists(loaded_engine, tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("香槟型起泡酒\nJumilla red\nplain water\n", encoding="utf-8")
    b = screening_brief(loaded_engine, labels, "CN", lang="en")
    headings = [s.heading for s in b.sections]
    assert headings[:3] == ["Summary", "High severity", "Medium severity"]
    assert "No conflict found" in headings and "Legal basis" in headings
    proposal = tmp_path / "proposal.csv"
    proposal.write_text(
        "name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n", encoding="utf-8"
    )
    scan = screening_brief(loaded_engine, proposal, "CN", lang="zh")
    text = "\n".join(texts(scan))
    assert "已受保护" in text and "通用名称" in text and "proposal.csv" in scan.title
    assert "筛查范围" in text  # what the list was screened against


def test_a_gi_protected_by_the_eu_register_shows_its_file_number_and_the_registers_date(loaded_engine):
    b = dispute_brief(loaded_engine, "กาแฟดอยตุง", "EU", lang="en")
    text = "\n".join(texts(b))
    assert "file PGI-TH-0814" in text
    assert "EU register as of July 2020" in text
