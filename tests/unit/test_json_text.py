"""JSON output is json.dumps(indent=2, ensure_ascii=False)'s text, whichever encoder writes it (orjson
where it can, for speed): the same bytes for screening results, nested and empty containers, Chinese,
Thai and the line separators json leaves unescaped; types orjson does not write fall back to json."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest

from compare.conflicts import Checker, ConflictIndex
from gi_lists.export import dumps, json_escape_controls
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, make_gi


@dataclass
class _Point:
    x: int
    y: int


def _reference(data: object) -> str:
    return json_escape_controls(json.dumps(data, ensure_ascii=False, indent=2))


@pytest.mark.parametrize(
    "data",
    [
        {"a": [1, 2.5, {"b": "香槟\u2028x", "c": None, "d": True}], "e": "é", "f": [], "g": {}},
        [],
        {},
        ["ข้าวหอมมะลิ", 0.1 + 0.2, -0.0, 10**18, "\x07 control", 'quote " and \\'],
        {"nested": [[[]], [{}], {"x": [{"y": "z"}]}]},
        # floats orjson writes otherwise: json's text kept
        [1e-07, 1.5e16, float("nan"), float("inf"), -float("inf"), 0.0001, 123456789.125],
    ],
)
def test_the_same_text_as_json(data):
    assert dumps(data) == _reference(data)


def test_screening_results_read_the_same():
    register = [
        make_gi(
            "fr-champagne",
            [("Champagne", "original"), ("香槟", "official-rendering")],
            "Wine",
            "FR",
            EU_REGISTER,
        )
    ]
    index = ConflictIndex(register, bundled_knowledge())
    hits = [
        h.to_dict() if hasattr(h, "to_dict") else h.__dict__
        for h in Checker(index, "EU").check("香槟 Champagne")
    ]
    data = json.loads(json.dumps(hits, default=str))
    assert dumps(data) == _reference(data)


def test_types_orjson_does_not_write_fall_back_to_json():
    data = {"big": 2**70, "n": 1}
    assert dumps(data) == _reference(data)
    for unwritten in (Decimal("1.5"), datetime.date(2020, 1, 1), _Point(1, 2)):
        with pytest.raises(TypeError):
            dumps({"d": unwritten})  # json does not write it: the same error as before
