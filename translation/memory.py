"""The memory's small parts that services and the profile renderings share: ask the engine (never inside
a transaction), store a suggestion, read one row."""

from __future__ import annotations

from storage.clock import now_iso
from storage.db import Connection, Database
from translation.model import UNAVAILABLE, Translation, TranslationError, TranslationUnavailable
from translation.protocol import Translator
from translation.repository import TranslationRepository


def machine(translator: Translator | None, text: str, source: str, target: str) -> tuple[str | None, str]:
    """The engine's rendering, or None and why not."""
    if translator is None:
        return None, f"{UNAVAILABLE}: switched off (GISCOPE_TRANSLATOR=none)"
    try:
        return translator.translate(text, source, target), ""
    except TranslationUnavailable as exc:
        return None, str(exc)


def store_suggestion(
    conn: Connection,
    text: str,
    source: str,
    target: str,
    result: str,
    engine: str,
    who: str,
    gi_id: str | None = None,
    subject: str | None = None,
    note: str | None = None,
) -> int:
    return TranslationRepository(conn).insert(
        {
            "text": text, "source_lang": source, "target_lang": target, "result": result, "engine": engine,
            "at": now_iso(), "suggested_by": who, "status": "suggested", "gi_id": gi_id, "subject": subject,
            "note": note,
        }
    )  # fmt: skip


def get_translation(db: Database, row_id: int) -> Translation:
    with db.read() as conn:
        found = TranslationRepository(conn).get(row_id)
    if found is None:
        raise TranslationError(f"no translation #{row_id}; see `giscope translations list`")
    return found
