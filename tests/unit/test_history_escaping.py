"""History shown on one line (escaping.escaped) and the hash chain's pure parts (storage/chain.py)."""

from __future__ import annotations

import pytest

from escaping import escaped
from gi_lists.model import GI, HistoryEvent, Name
from storage.chain import CHAINED, row_hash
from storage.tables import history, profile_history
from storage.work_tables import trademark_finding_history
from watch.trademarks.model import FindingChange


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("checked", "checked"),
        ("香槟 Champagne — 核对", "香槟 Champagne — 核对"),
        ("ok\n2026-12-04  admin: value -> x  (approved)", "ok\\n2026-12-04  admin: value -> x  (approved)"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell\\x07 nul\\x00 del\\x7f c1\\x85"),
        ("admin\u202egnp.exe", "admin\\u202egnp.exe"),  # right-to-left override
        (
            "x\u2066y\u2069 \u200e\u200f \ufeff",
            "x\\u2066y\\u2069 \\u200e\\u200f \\ufeff",
        ),  # isolates, marks, BOM
        ("line\u2028sep\u2029", "line\\u2028sep\\u2029"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("क्\u200dष ن\u200cم", "क्\u200dष ن\u200cم"),  # joiners are part of the script
        ("全角\u3000空格", "全角\u3000空格"),
        (None, ""),
    ],
)
def test_escaped_shows_every_hidden_character_and_nothing_else(stored: str | None, shown: str) -> None:
    assert escaped(stored) == shown
    assert "\n" not in escaped(stored) and "\r" not in escaped(stored)


def test_the_chained_columns_are_the_declared_ones() -> None:
    for table in (history, profile_history, trademark_finding_history):
        declared = tuple(c.name for c in table.columns if c.name not in ("id", "prev_hash", "hash"))
        assert CHAINED[table.name] == declared
        assert {"prev_hash", "hash"} <= {c.name for c in table.columns}


def test_a_row_hash_covers_the_table_the_id_every_column_and_the_link() -> None:
    row = {
        "finding_id": 3,
        "at": "2026-12-04",
        "who": "lin",
        "before": None,
        "after": "reviewed",
        "note": "n",
    }
    base = row_hash("trademark_finding_history", 7, row, "ab" * 32)
    assert len(base) == 64 and base == row_hash("trademark_finding_history", 7, dict(row), "ab" * 32)
    assert base == row_hash(
        "trademark_finding_history", 7, {**row, "finding_id": "3"}, "ab" * 32
    )  # as read back
    changed = [
        row_hash("trademark_finding_history", 8, row, "ab" * 32),
        row_hash("trademark_finding_history", 7, row, "cd" * 32),
        row_hash("trademark_finding_history", 7, {**row, "before": ""}, "ab" * 32),
        *(row_hash("trademark_finding_history", 7, {**row, c: "x"}, "ab" * 32) for c in row),
    ]
    assert base not in changed and len(set(changed)) == len(changed)


def test_the_ui_history_tables_show_one_line_per_cell() -> None:
    from ui.law_tables import profile_history_table
    from ui.register_tables import history_table
    from ui.watch import history_table as finding_table

    forged = "ok\nadmin: approved"
    gi = GI(
        "cn-x",
        (Name("测试", "original"),),
        "Tea",
        "CN",
        history=(HistoryEvent("cn-x", "2026-12-04", "a\u202eb", "region", None, "x\ny", forged),),
    )
    profile_rows = [dict(jurisdiction="TH", key="fees", at="2026-12-04", who="w\n", what="value_en",
                         before="a", after="b\rc", reason=forged)]  # fmt: skip
    frames = [
        history_table(gi),
        profile_history_table(profile_rows),
        finding_table([FindingChange(1, "2026-12-04", "lin\n", None, "reviewed", forged)], "en"),
    ]
    for frame in frames:
        cells = [str(v) for v in frame.to_numpy().ravel()]
        assert "ok\\nadmin: approved" in cells
        assert not any(ch in cell for cell in cells for ch in "\n\r\u202e"), cells


def test_nothing_but_the_chain_writes_a_history_table() -> None:
    """Append-only: no product code updates or deletes a history line, and only storage/chain.py inserts
    one (so every line is chained)."""
    import re

    from tests.conftest import PROJECT_ROOT
    from tests.unit.test_layers import modules

    tables = "|".join(CHAINED)
    sql = re.compile(rf"""(UPDATE|DELETE\s+FROM|INSERT\s+INTO|TRUNCATE)\s+["']?({tables})\b""", re.I)
    helper = re.compile(rf"""\.(update|insert|insert_many|insert_rows|execute)\(\s*["']({tables})["']""")
    found = []
    for name, path in modules(PROJECT_ROOT).items():
        if name == "storage.chain":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{name}: {m.group(0)}" for pattern in (sql, helper) for m in pattern.finditer(text)]
    assert found == []
