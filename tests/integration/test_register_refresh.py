"""The EU register refresh as a service on PostgreSQL (the CLI tests run it on SQLite): the answer
fetched from a local server, applied once; the same answer again changes nothing; a truncated one is
refused inside the same checks."""

from __future__ import annotations

import pytest

from errors import RegisterError
from gi_lists.live_register import fetch_answer, import_register
from gi_lists.repository import GIRepository
from storage.db import Database
from tests.cli.test_import_register import DROPPED, NEW_ROWS, encoded, good_answer, local_register


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_refresh_on_postgresql_applies_once_and_the_same_answer_again_changes_nothing(
    loaded_engine: Database,
) -> None:
    with loaded_engine.read() as conn:
        held = GIRepository(conn).register_rows("EU", "national-register")
    with local_register() as register:
        register.body = encoded(good_answer())
        first = import_register(loaded_engine, fetch_answer(register.url, 10), who="tester")
        second = import_register(loaded_engine, fetch_answer(register.url, 10), who="tester")
        truncated = good_answer()
        truncated["results"] = truncated["results"][:3000]
        truncated["count"] = 3000
        register.body = encoded(truncated)
        with pytest.raises(RegisterError, match="looks truncated"):
            import_register(loaded_engine, fetch_answer(register.url, 10), who="tester")
    assert (len(first.plan.added), len(first.plan.removed)) == (len(NEW_ROWS), len(DROPPED))
    assert first.batch_id is not None and first.held == held
    assert second.plan.is_empty and second.batch_id is None
    with loaded_engine.read() as conn:
        assert GIRepository(conn).register_rows("EU", "national-register") == held + len(NEW_ROWS) - len(
            DROPPED
        )
