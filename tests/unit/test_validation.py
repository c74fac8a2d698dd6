"""validation.py: hostile text is refused with one clear problem, shown escaped, and exported whole
(hypothesis with a fixed seed and a bounded number of examples)."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from hypothesis import example, given, seed, settings
from hypothesis import strategies as st

from errors import InputError
from escaping import escaped, is_hidden
from validation import (
    CAPS,
    XLSX_CELL_LIMIT,
    clean_name,
    clean_text,
    json_escape_controls,
    name_problem,
    text_problem,
    xlsx_cell,
)

HOSTILE_CHARS = (
    [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n"]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
    + ["\u2066", "\u2067", "\u2068", "\u2069", "\ud800", "\udfff", "\ufffe", "\uffff"]
)
hostile_char = st.sampled_from(HOSTILE_CHARS)
any_text = st.text(alphabet=st.characters(codec=None), max_size=40)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Text with at least one refused character somewhere in it."""
    before, after = draw(any_text), draw(any_text)
    return before + draw(hostile_char) + after


@seed(20261204)
@settings(max_examples=200, deadline=None, database=None)
@given(hostile_text())
def test_hostile_characters_are_refused_in_every_field(text: str) -> None:
    for multiline in (False, True):
        problem = text_problem(text, max_len=10_000, multiline=multiline)
        assert problem is not None and problem.startswith("contains ")
    with pytest.raises(InputError) as caught:
        clean_text(text, "--reason")
    assert caught.value.problems[0].startswith("--reason: contains ")


def test_the_problem_names_the_character_and_its_position() -> None:
    assert text_problem("Bad\x1b[31m", max_len=50) == (
        "contains the character U+001B ESCAPE at position 4; remove it"
    )
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in (text_problem("abc\u202efed", max_len=50) or "")
    assert "U+0000 NUL" in (text_problem("a\x00", max_len=50) or "")


def test_tab_and_line_break_only_in_multiline_fields() -> None:
    assert text_problem("one\ntwo", max_len=50) == "contains a line break or tab at position 4; remove it"
    assert text_problem("one\ttwo", max_len=50) is not None
    assert text_problem("one\ntwo\tthree", max_len=50, multiline=True) is None
    assert text_problem("one\r\ntwo", max_len=50, multiline=True) is not None  # a CR is a control


def test_the_cap_is_stated_and_every_cap_fits_its_columns() -> None:
    assert text_problem("x" * 61, max_len=CAPS["reference"]) == "longer than 60 characters"
    assert text_problem("x" * 60, max_len=CAPS["reference"]) is None
    with pytest.raises(InputError, match="longer than 1000 characters"):
        clean_text("y" * 1001, "--reason")
    # the String(n) columns refuse longer values on PostgreSQL: the caps stay within them
    from sqlalchemy import String

    from storage.tables import gis, history, protections

    def length(column: object) -> int:
        kind = column.type  # type: ignore[attr-defined]
        assert isinstance(kind, String) and kind.length is not None
        return int(kind.length)

    assert CAPS["reference"] <= length(protections.c.reference)
    assert CAPS["id"] <= length(gis.c.id)
    assert CAPS["who"] <= length(history.c.who)
    assert max(CAPS.values()) < XLSX_CELL_LIMIT


@seed(20261204)
@settings(max_examples=150, deadline=None, database=None)
@given(st.text(alphabet=st.characters(categories=["P", "S", "Zs", "Mn"]), min_size=1, max_size=20))
def test_a_name_needs_a_letter_or_digit(text: str) -> None:
    stripped = text.strip()
    if not stripped or text_problem(stripped, max_len=500) is not None:
        return  # an empty or hostile text has its own problem
    assert name_problem(stripped) == f"'{stripped}' holds no letter or digit; a name must have one"
    assert name_problem(stripped + "1") is None
    assert name_problem("茶" + stripped) is None


def test_names_that_are_only_punctuation_are_refused() -> None:
    for text in ("!!!", "---", "・・", "“”", "   .  "):
        with pytest.raises(InputError, match="holds no letter or digit"):
            clean_name(text)
    assert clean_name("  Champagne ") == "Champagne"
    assert clean_name("安溪铁观音") == "安溪铁观音"
    assert clean_name("4711") == "4711"


@seed(20261204)
@settings(max_examples=200, deadline=None, database=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=60))
@example("\ufffe")  # a noncharacter: found by hypothesis in a fresh clone's CI run (category Cn, not Cc/Cf)
@example("a\ufdd0b")
def test_escaped_text_holds_nothing_a_terminal_obeys(text: str) -> None:
    shown = escaped(text)
    assert not any(ch in HOSTILE_CHARS or ch in "\t\n\u2028\u2029" for ch in shown)
    kept = escaped(text, keep_breaks=True)
    assert not any(ch in HOSTILE_CHARS for ch in kept)
    if text_problem(text, max_len=1000, multiline=True) is None and not any(
        is_hidden(ch) and ch not in "\t\n"
        for ch in text  # invisible format characters are shown escaped
    ):
        assert kept == text  # clean text is shown as it is


def test_escapes_are_readable() -> None:
    assert escaped("a\x1b[31mb\u202ec", keep_breaks=True) == "a\\x1b[31mb\\u202ec"
    assert escaped("a\nb") == "a\\nb" and escaped("a\nb", keep_breaks=True) == "a\nb"


@seed(20261204)
@settings(max_examples=200, deadline=None, database=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_json_stays_the_same_value_and_encodes_as_utf8(text: str) -> None:
    out = json_escape_controls(json.dumps({"name": text}, ensure_ascii=False))
    assert json.loads(out) == {"name": text}
    out.encode("utf-8")  # a lone surrogate is escaped, so this cannot fail
    assert not any(ch in HOSTILE_CHARS for ch in out)


@seed(20261204)
@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.text(alphabet=st.characters(codec=None), max_size=40), min_size=1, max_size=5))
def test_an_xlsx_export_never_breaks_on_stored_text(values: list[str]) -> None:
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([xlsx_cell(v) for v in values])
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue())).active
    assert back is not None
    for cell, value in zip(back[1], values, strict=False):
        if value and text_problem(value, max_len=1000, multiline=True) is None:
            assert cell.value == value  # clean text is exported whole


def test_an_xlsx_cell_is_never_cut_silently() -> None:
    assert xlsx_cell("z" * XLSX_CELL_LIMIT) == "z" * XLSX_CELL_LIMIT
    with pytest.raises(InputError, match="longer than an XLSX cell holds"):
        xlsx_cell("z" * (XLSX_CELL_LIMIT + 1))
    assert xlsx_cell(3) == 3


def test_every_refused_character_is_named() -> None:
    for ch in HOSTILE_CHARS:
        problem = text_problem(f"a{ch}", max_len=10)
        assert problem is not None and f"U+{ord(ch):04X}" in problem, (ch, problem)
        assert unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn")


@seed(20261204)
@settings(max_examples=150, deadline=None, database=None)
@given(st.text(alphabet=st.characters(categories=["L", "N", "M", "P", "Zs"]), min_size=1, max_size=12))
def test_every_name_an_import_accepts_has_a_key_to_search_and_screen_by(text: str) -> None:
    from gi_lists.importers import cell_problem
    from names.normalise import compact, forms, has_han

    name = text.strip()
    if not name or cell_problem("name", name) is not None:
        return
    assert has_han(name) or any(compact(f) for f in forms(name))


def test_a_name_whose_letters_fold_away_is_refused() -> None:
    from gi_lists.importers import cell_problem

    for name in ("\u02bc\u02bc", "\u0627"):
        assert (
            cell_problem("name", name)
            == f"'{name}' gives no letters to search or screen by; write the name in full"
        )
    assert cell_problem("name", "Champagne") is None
    assert cell_problem("region", "\u02bc") is None  # only names need a key
