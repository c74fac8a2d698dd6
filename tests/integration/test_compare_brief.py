"""The comparison brief for negotiators: key differences pair by pair, the matrix, the names appendix."""

from __future__ import annotations

from briefings.comparison import compare_brief
from reports.briefing import Briefing, Para, Section, Table
from tests.integration.test_briefings import texts

THREE = ["china-eu", "china-france", "china-thailand"]


def section(b: Briefing, heading: str) -> Section:
    return next(s for s in b.sections if s.heading == heading)


def first_table(s: Section) -> Table:
    return next(bl for bl in s.blocks if isinstance(bl, Table))


def row_of(table: Table, start: str) -> tuple[Para, ...]:
    return next(r for r in table.rows if r[0].text.startswith(start))


def test_key_differences_show_china_eu_against_trips_although_france_and_thailand_are_unknown(loaded_engine):
    b = compare_brief(loaded_engine, THREE, lang="en")
    keyed = section(b, "Key differences")
    pairs = first_table(keyed)
    assert len(pairs.rows) == 6  # three agreements pair by pair, and each against TRIPS
    _, contrasts, open_sides = row_of(pairs, "China–EU vs TRIPS (baseline)")
    for dimension in ("Protection level", "Translation and transliteration", '"Kind/type/style/imitation"'):
        assert dimension in contrasts.text
    # genericness: the China–EU position is unconfirmed in scope.json, so it is said, not counted
    assert "Protection against becoming generic" not in contrasts.text
    assert "unconfirmed for China–EU" in open_sides.text and "becoming generic" in open_sides.text
    leads = [bl.text for bl in keyed.blocks if isinstance(bl, Para) and bl.style == "lead"]
    assert "Protection level (TRIPS 22-style or 23-style, for which products)" in leads
    assert "Where an agreement differs from the TRIPS baseline only" in leads
    text = "\n".join(texts(b))
    assert "Unknown for China–France, China–Thailand (not a difference)." in text
    unknown_lines = [bl for bl in keyed.blocks if isinstance(bl, Para) and bl.text.startswith("Unknown for")]
    assert unknown_lines and not any(bl.sources for bl in unknown_lines)  # no footnote repeated


def test_only_rows_where_two_agreements_state_different_positions_are_shaded(loaded_engine):
    b = compare_brief(loaded_engine, THREE, lang="en")
    matrix = first_table(section(b, "Full comparison"))
    labels = [r[0].text.split("\n")[0] for r in matrix.rows]
    shaded = {labels[i] for i in matrix.highlight_rows}
    assert "Legal form and binding force" in shaded
    assert (
        "Protection level (TRIPS 22-style or 23-style, for which products)" not in shaded
    )  # EU vs TRIPS only
    assert "Dispute settlement" not in shaded and 0 < len(shaded) < len(labels)
    level = row_of(matrix, "Protection level")[0].text
    assert "≠ China–EU vs TRIPS (baseline)" in level
    assert "(no known contrast)" in row_of(matrix, "Homonyms")[0].text


def test_the_matrix_is_landscape_and_says_unknown_once_per_column(loaded_engine):
    b = compare_brief(loaded_engine, THREE, lang="en")
    full = section(b, "Full comparison")
    assert full.landscape and not section(b, "Key differences").landscape
    notes = [bl for bl in full.blocks if isinstance(bl, Para) and "the sources state no position" in bl.text]
    assert [n.text.split(":")[0] for n in notes] == ["China–France", "China–Thailand"]
    assert all(n.sources and n.unconfirmed for n in notes)  # the note keeps the source and the mark
    matrix = first_table(full)
    assert abs(sum(matrix.col_widths or ()) - 1) < 1e-9
    france = [r[2] for r in matrix.rows]
    bare = [c for c in france if c.text == "unknown"]
    assert len(bare) >= 10 and not any(c.sources for c in bare)  # still says unknown, footnote once
    assert any(c.sources for c in france if c.text != "unknown")


def test_the_appendix_names_the_pending_annex_v_and_vi_names_and_what_is_missing(loaded_engine):
    b = compare_brief(loaded_engine, THREE, lang="en")
    appendix = section(b, "Appendix: names on each list")
    counts = first_table(appendix)
    _, expected, recorded, by_status, missing = row_of(counts, "China–EU Annex VI")
    assert (expected.text, recorded.text) == ("175", "175")
    assert "4 of the 175 expected not recorded" in missing.text and "Scotch Beef" in missing.text
    heads = [bl.text for bl in appendix.blocks if isinstance(bl, Para) and bl.style == "lead"]
    assert heads[0].startswith("China–EU Annex V:")  # pending lists come first
    assert all(bl.sources for bl in appendix.blocks if isinstance(bl, Para) and bl.style == "lead")
    names = [t for t in appendix.blocks if isinstance(t, Table)][1:]
    cells = {c.text for t in names for r in t.rows for c in r}
    assert {"Huangmei Tiao Hua", "黄梅挑花", "Inländerrum", "茵蓝朗姆酒", "at-inlanderrum"} <= cells
    assert sum(len(t.rows) for t in names[:2]) == 350  # Annexes V and VI whole


def test_the_chinese_brief_is_in_chinese(loaded_engine):
    b = compare_brief(loaded_engine, THREE, lang="zh")
    assert [s.heading for s in b.sections][:3] == ["主要差异", "完整比较", "附录：各名录的名称"]
    pairs = first_table(section(b, "主要差异"))
    _, contrasts, open_sides = row_of(pairs, "中欧与TRIPS（基准）")
    assert "翻译与音译" in contrasts.text and "中欧未经证实" in open_sides.text
    matrix = first_table(section(b, "完整比较"))
    cells = [c.text for r in matrix.rows for c in r]
    assert "不详" in cells and not any("not found" in c or "verbatim" in c for c in cells)
    assert "≠ 各不相同" in row_of(matrix, "法律形式")[0].text
    assert "（无已知差异）" in row_of(matrix, "同名地理标志")[0].text
    text = "\n".join(texts(b))
    assert "待决" in text and "已撤回4个" in text and "应有175个，其中4个未记录" in text
    assert "受保护96、已撤回4" in text
