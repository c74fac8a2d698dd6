"""Work run in separate OS processes by test_lost_updates.py (spawned, so each has its own connections).
Each reports what happened through a queue: ("ok", result) or ("refused", error class, message), and a
traceback as ("crash", text), which the tests count as a failure."""

from __future__ import annotations

import time
import traceback
from pathlib import Path
from typing import Any


def _report(queue: Any, tag: str, call: Any) -> None:
    from errors import GIScopeError

    try:
        queue.put((tag, "ok", call()))
    except GIScopeError as exc:
        queue.put((tag, "refused", type(exc).__name__, str(exc)))
    except BaseException:
        queue.put((tag, "crash", traceback.format_exc()))


def edit_field(url: str, lang: str, text: str, who: str, barrier: Any, queue: Any) -> None:
    """Edit TH laws in one language, as `giscope profile TH --set laws --lang LANG` does."""
    from agreements.profiles import edit_profile
    from storage.db import Database

    db = Database(url)
    barrier.wait()
    _report(
        queue,
        lang,
        lambda: edit_profile(
            db,
            "TH",
            "laws",
            who=who,
            reason=f"{lang} update",
            value_en=text if lang == "en" else None,
            value_zh=text if lang == "zh" else None,
            source=f"source {who}",
        ),
    )


def import_list(url: str, path: str, annex: str, tag: str, barrier: Any, queue: Any) -> None:
    from gi_lists.services import import_file
    from storage.db import Database

    db = Database(url)
    barrier.wait()
    _report(
        queue,
        tag,
        lambda: import_file(
            db,
            Path(path),
            agreement="china-eu",
            annex=annex,
            register=None,
            who=f"import {annex}",
            keep_missing=True,
        ).plan.summary(),
    )


def hold_write(url: str, seconds: float, ready: Any, queue: Any) -> None:
    """A long import's write phase: holds the import lock and a written profile row for `seconds`."""
    from gi_lists.safety import IMPORT_LOCK
    from storage.db import Database

    db = Database(url)

    def work(conn: Any) -> str:
        conn.execute(
            'UPDATE profile_fields SET updated_by = ? WHERE jurisdiction = ? AND "key" = ?',
            ["long import", "TH", "laws"],
        )
        ready.set()
        time.sleep(seconds)
        return "held"

    _report(queue, "hold", lambda: db.transaction(work, lock=IMPORT_LOCK))
