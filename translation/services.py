"""Translation services: answer a request from the memory, the glossary or the machine; suggest
renderings of GI names; review (approve, edit, reject) what was suggested.

A machine call never runs while a transaction is open: the memory and the glossary are read, the
connection is given back, the engine is asked (bounded by its timeout), then the answer is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accounts.services import authorise, may_write
from gi_lists.model import GI, Name
from gi_lists.repository import GIRepository
from names.normalise import script_of
from storage.clock import now_iso
from storage.db import Connection, Database
from translation.glossary import lookup, names_in
from translation.memory import get_translation, machine, store_suggestion
from translation.model import (
    LANGS,
    Answer,
    Translation,
    TranslationError,
    check_lang,
    detect_lang,
    parse_subject,
)
from translation.protocol import Translator
from translation.repository import TranslationRepository
from validation import clean_name, clean_optional

__all__ = ["get_translation", "machine", "store_suggestion"]  # kept here too for callers of services

RENDERING_CONFIDENCE = "medium"


def _stored(db: Database, text: str, target: str) -> list[Translation]:
    with db.read() as conn:
        return TranslationRepository(conn).lookup(text, target)


def _from_memory(t: Translation) -> Answer:
    return Answer(
        t.text, t.target_lang, t.source_lang, t.result, "memory", t.status, t.engine, t.id, t.gi_id,
        detail=f"{t.status} by {t.reviewed_by}" if t.status == "reviewed" else f"suggested by {t.engine}",
    )  # fmt: skip


def translate(
    db: Database, text: str, target: str, translator: Translator | None, *, who: str, gi_id: str | None = None
) -> Answer:
    """The best answer: a reviewed rendering in the memory, the glossary, a suggested one in the memory,
    then the machine (its answer stored as suggested); "machine translation unavailable" otherwise."""
    text = " ".join(text.split())
    if not text:
        raise TranslationError("nothing to translate: give a text")
    target = check_lang(target)
    source = detect_lang(text)
    stored = _stored(db, text, target)
    if stored and stored[0].status == "reviewed":
        return _from_memory(stored[0])
    found = lookup(db, text, source, target)
    if found.answer is not None:
        return found.answer
    gi_id = gi_id or found.gi_id  # a rendering of a GI's name: approving it makes it one of its names
    if stored:
        return _from_memory(stored[0])
    if source == target:
        return Answer(text, target, source, text, "glossary", detail="the text is already in that language")
    result, why = machine(translator, text, source, target)
    if result is None:
        return Answer(
            text,
            target,
            source,
            None,
            "unavailable",
            gi_id=gi_id,
            detail=why,
            alternatives=found.alternatives,
        )
    assert translator is not None
    if not may_write(db, who):  # a viewer's answer is shown, not kept as a suggestion
        return Answer(text, target, source, result, "machine", None, translator.name, None, gi_id)
    row_id = db.transaction(
        lambda conn: store_suggestion(conn, text, source, target, result, translator.name, who, gi_id)
    )
    return Answer(text, target, source, result, "machine", "suggested", translator.name, row_id, gi_id)


def list_translations(
    db: Database, *, unreviewed: bool = False, gi_id: str | None = None, limit: int | None = None
) -> list[Translation]:
    with db.read() as conn:
        return TranslationRepository(conn).listing(unreviewed=unreviewed, gi_id=gi_id, limit=limit)


# --- renderings of GI names -----------------------------------------------------------------------------


def rendering_langs(gi: GI) -> tuple[str, ...]:
    """Chinese names into English, French and Thai; foreign names into Chinese."""
    return ("en", "fr", "th") if gi.origin.split(";")[0] == "CN" else ("zh",)


def source_name(gi: GI) -> Name:
    """The name a rendering is made from: the first original name (the Chinese one for a Chinese GI)."""
    return next((n for n in gi.names if n.kind == "original"), gi.names[0])


@dataclass(frozen=True)
class SuggestReport:
    created: tuple[Translation, ...]
    skipped: int  # GIs that have a name or a suggestion in that language already
    unavailable: str | None  # why the machine stopped answering (nothing more was asked)


def suggest_renderings(
    db: Database,
    gi_ids: Sequence[str],
    translator: Translator | None,
    *,
    who: str,
    langs: Sequence[str] | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> SuggestReport:
    """Ask the machine for a rendering of each GI's name into each language it lacks, and store each as
    suggested (one short transaction each, after the call). Stops at the first "unavailable"."""
    authorise(db, who, "editor")
    langs = [check_lang(lang) for lang in langs] if langs else None
    with db.read() as conn:
        gis = GIRepository(conn).get_many(list(gi_ids))
        if len(gis) < len(set(gi_ids)):
            missing = sorted(set(gi_ids) - {g.id for g in gis})
            raise TranslationError(f"no GI with id {missing[0]!r}; try `giscope search`")
        pending = {lang: TranslationRepository(conn).for_gis([g.id for g in gis], lang) for lang in LANGS}
    created: list[Translation] = []
    skipped = 0
    for gi in gis:
        name = source_name(gi)
        for lang in langs or rendering_langs(gi):
            if names_in(gi, lang) or pending[lang].get(gi.id):
                skipped += 1
                continue
            if limit is not None and len(created) >= limit:
                return SuggestReport(tuple(created), skipped, None)
            source = detect_lang(name.text)
            result, why = machine(translator, name.text, source, lang)
            if result is None:
                return SuggestReport(tuple(created), skipped, why)
            engine = translator.name if translator is not None else "none"
            created.append(_store(db, name.text, source, lang, result, engine, who, gi.id))
            if progress is not None:
                progress(len(created))
    return SuggestReport(tuple(created), skipped, None)


def _store(
    db: Database, text: str, source: str, target: str, result: str, engine: str, who: str, gi_id: str
) -> Translation:
    row_id = db.transaction(
        lambda conn: store_suggestion(conn, text, source, target, result, engine, who, gi_id)
    )
    return get_translation(db, row_id)


def add_rendering(db: Database, gi_id: str, lang: str, text: str, *, who: str) -> Translation:
    """A rendering of a GI's name written by staff (suggested, for another person to review)."""
    authorise(db, who, "editor")
    lang = check_lang(lang)
    text = " ".join(clean_name(text, "--text").split())
    if not text:
        raise TranslationError("the rendering is empty")
    with db.read() as conn:
        gi = GIRepository(conn).get(gi_id, with_history=False)
    if gi is None:
        raise TranslationError(f"no GI with id {gi_id!r}; try `giscope search`")
    name = source_name(gi)
    row_id = db.transaction(
        lambda conn: store_suggestion(
            conn, name.text, detect_lang(name.text), lang, text, "staff", who, gi.id
        )
    )
    return get_translation(db, row_id)


def renderings_for(db: Database, gi_ids: Sequence[str], lang: str) -> dict[str, Translation]:
    """The best rendering of each GI's name into `lang` that is not rejected (reviewed first)."""
    lang = check_lang(lang)
    with db.read() as conn:
        found = TranslationRepository(conn).for_gis(gi_ids, lang)
    return {gi_id: rows[0] for gi_id, rows in found.items() if rows}


# --- review ----------------------------------------------------------------------------------------------


def _not_yet(repo: TranslationRepository, row_id: int, status: str) -> Translation:
    """Translation #row_id, which must exist and not have `status` already."""
    t = repo.get(row_id)
    if t is None:
        raise TranslationError(f"no translation #{row_id}; see `giscope translations list`")
    if t.status == status:
        raise TranslationError(
            f"translation #{row_id} was {status} already by {t.reviewed_by} ({t.reviewed_at})"
        )
    return t


def approve(db: Database, row_id: int, *, who: str, text: str | None = None) -> Translation:
    """Mark a suggestion reviewed (with `text`, corrected first). A rendering of a GI's name becomes one of
    its names (kind translation), which screening, search, exports and briefs then use; a rendering of a
    profile field becomes the field's text in that language."""
    authorise(db, who, "editor")
    text = clean_name(text, "--text") if text else text
    corrected = " ".join(text.split()) if text is not None else None
    if text is not None and not corrected:
        raise TranslationError("the corrected text is empty")

    def work(conn: Connection) -> None:
        repo = TranslationRepository(conn)
        t = _not_yet(repo, row_id, "reviewed")
        at = now_iso()
        result = corrected or t.result
        values: dict[str, str | None] = {"status": "reviewed", "reviewed_by": who, "reviewed_at": at}
        if result != t.result:
            values["result"] = result
            values["note"] = _join(t.note, f"edited from {t.result!r} by {who}")
        repo.update(row_id, values)
        if t.gi_id:
            _become_name(repo, t, result, who, at)
        subject = parse_subject(t.subject)
        if subject is not None:
            from translation.profiles import apply_reviewed

            apply_reviewed(conn, subject, t.target_lang, result, who, row_id)

    db.transaction(work)
    return get_translation(db, row_id)


def reject(db: Database, row_id: int, *, who: str, reason: str | None = None) -> Translation:
    """Turn a suggestion (or a reviewed rendering) down: it is no longer an answer, and a GI's name that a
    reviewed rendering had become is taken away again (kept in the GI's history)."""
    authorise(db, who, "editor")
    reason = clean_optional(reason, "--reason")

    def work(conn: Connection) -> None:
        repo = TranslationRepository(conn)
        t = _not_yet(repo, row_id, "rejected")
        at = now_iso()
        note = _join(t.note, f"rejected: {reason}") if reason else t.note
        repo.update(row_id, {"status": "rejected", "reviewed_by": who, "reviewed_at": at, "note": note})
        if t.gi_id and t.status == "reviewed" and repo.has_name(t.gi_id, t.result, "translation"):
            repo.remove_name(t.gi_id, t.result, "translation")
            why = f"rendering #{row_id} into {t.target_lang} rejected" + (f": {reason}" if reason else "")
            repo.history(
                t.gi_id,
                {"at": at, "who": who, "what": "name (translation)", "before": t.result, "after": None,
                 "reason": why, "source": None},
            )  # fmt: skip

    db.transaction(work)
    return get_translation(db, row_id)


def _become_name(repo: TranslationRepository, t: Translation, result: str, who: str, at: str) -> None:
    assert t.gi_id is not None
    if repo.has_name(t.gi_id, result, "translation"):
        return
    source = f"rendering #{t.id} ({t.engine}, {t.at[:10]}), reviewed by {who} on {at[:10]}"
    name = Name(result, "translation", t.target_lang, script_of(result), source, RENDERING_CONFIDENCE)
    repo.add_name(t.gi_id, name)
    repo.history(
        t.gi_id,
        {"at": at, "who": who, "what": "name (translation)", "before": None, "after": result,
         "reason": f"rendering #{t.id} of {t.text} into {t.target_lang} reviewed", "source": source},
    )  # fmt: skip


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)
