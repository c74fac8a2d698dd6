"""What the GI record, exports and briefs show of renderings: a GI's name in a language, said to be the
register's own, a reviewed rendering, or one still to be reviewed."""

from __future__ import annotations

from collections.abc import Sequence

from gi_lists.model import GI
from storage.db import Database
from translation.glossary import names_in
from translation.model import TO_BE_REVIEWED, Translation, check_lang
from translation.repository import TranslationRepository

REGISTER = "register"
REVIEWED = "reviewed"


def export_renderings(db: Database, gis: Sequence[GI], lang: str) -> dict[str, tuple[str, str]]:
    """gi id -> (its name in `lang`, status): the register's own name, a reviewed rendering (one of its
    names since it was approved), else the newest suggestion, "to be reviewed". GIs with none are left out."""
    lang = check_lang(lang)
    with db.read() as conn:
        memory = TranslationRepository(conn).for_gis([g.id for g in gis], lang)
    out: dict[str, tuple[str, str]] = {}
    for gi in gis:
        own = names_in(gi, lang)
        rows = memory.get(gi.id, [])
        reviewed = [t for t in rows if t.status == "reviewed" and any(n.text == t.result for n in own)]
        if reviewed:
            out[gi.id] = (reviewed[0].result, REVIEWED)
        elif own:
            out[gi.id] = (own[0].text, REGISTER)
        elif rows:
            out[gi.id] = (rows[0].result, TO_BE_REVIEWED)
    return out


def pending_renderings(db: Database, gi_ids: Sequence[str]) -> dict[str, list[Translation]]:
    """gi id -> its renderings still to be reviewed (the GI record lists them, marked)."""
    with db.read() as conn:
        repo = TranslationRepository(conn)
        out: dict[str, list[Translation]] = {}
        for gi_id in dict.fromkeys(gi_ids):
            found = repo.listing(unreviewed=True, gi_id=gi_id)
            if found:
                out[gi_id] = found
        return out


def all_renderings(db: Database, gi_id: str) -> list[Translation]:
    """Every rendering of a GI's name, any status (the GI record's JSON)."""
    with db.read() as conn:
        return TranslationRepository(conn).listing(gi_id=gi_id)


def memory_version(db: Database) -> str:
    """A fingerprint of the memory: changes with every suggestion and every review."""
    with db.read() as conn:
        return TranslationRepository(conn).version()
