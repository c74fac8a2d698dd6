"""Profile fields rendered in the other language: a field edited in English (or Chinese) is machine-
translated into Chinese (or English) as a suggestion that stays "to be reviewed" until a person approves
it; approving writes it into the field (kept in the profile's history)."""

from __future__ import annotations

import re

from accounts.services import authorise
from agreements.model import Fact
from agreements.profiles import get_profile
from agreements.repository import ProfileRepository
from errors import AgreementError
from storage.db import Connection, Database
from translation.memory import get_translation, machine, store_suggestion
from translation.model import (
    Translation,
    TranslationError,
    TranslationUnavailable,
    check_lang,
    detect_lang,
    profile_subject,
)
from translation.protocol import Translator
from translation.repository import TranslationRepository

_STALE = re.compile(r"^(\[to be updated: [^\]]*\] |【待更新：[^】]*】)")


def suggest_field(
    db: Database, jurisdiction: str, key: str, target: str, translator: Translator | None, *, who: str
) -> Translation:
    """A machine rendering of the field's text in the other language into `target` (en or zh), stored as
    a suggestion for the field; the memory answers a text it has rendered before without the machine.
    TranslationUnavailable (one clear line) when the machine cannot answer."""
    authorise(db, who, "editor")
    target = check_lang(target)
    if target not in ("en", "zh"):
        raise TranslationError("profiles are kept in English and Chinese: --to en or --to zh")
    profile = get_profile(db, jurisdiction)
    field = profile.field(key)
    if field is None:
        raise AgreementError(
            f"{profile.jurisdiction} has no field {key!r}; fields: {', '.join(f.key for f in profile.fields)}"
        )
    source_lang = "zh" if target == "en" else "en"
    text = _STALE.sub("", field.fact.value_zh if source_lang == "zh" else field.fact.value_en).strip()
    if not text:
        raise TranslationError(f"{profile.jurisdiction} {key} has no {source_lang} text to translate")
    with db.read() as conn:
        known = TranslationRepository(conn).lookup(text, target)
    if known:
        result, engine = known[0].result, f"{known[0].engine} (memory #{known[0].id})"
    else:
        found, why = machine(translator, text, detect_lang(text), target)
        if found is None:
            raise TranslationUnavailable(f"{why}; {profile.jurisdiction} {key} left as it is")
        assert translator is not None
        result, engine = found, translator.name
    subject = profile_subject(profile.jurisdiction, key)
    row_id = db.transaction(
        lambda conn: store_suggestion(conn, text, source_lang, target, result, engine, who, subject=subject)
    )
    return get_translation(db, row_id)


def field_suggestions(db: Database, jurisdiction: str) -> dict[str, list[Translation]]:
    """field key -> its renderings still to be reviewed."""
    prefix = profile_subject(jurisdiction.upper(), "")
    with db.read() as conn:
        rows = TranslationRepository(conn).listing(unreviewed=True, subject_prefix=prefix)
    out: dict[str, list[Translation]] = {}
    for t in rows:
        out.setdefault((t.subject or "").removeprefix(prefix), []).append(t)
    return out


def apply_reviewed(
    conn: Connection, subject: tuple[str, str], lang: str, text: str, who: str, row_id: int
) -> None:
    """Write an approved rendering into the profile field (inside the approval's transaction)."""
    jurisdiction, key = subject
    repo = ProfileRepository(conn)
    repo.lock_field(jurisdiction, key)  # the history's "before" is the text this replaces
    profile = repo.get(jurisdiction)
    field = profile.field(key) if profile else None
    if field is None:
        raise AgreementError(f"{jurisdiction} has no field {key!r} any more")
    f = field.fact
    fact = Fact(
        text if lang == "en" else f.value_en, text if lang == "zh" else f.value_zh, f.source, f.confidence
    )
    repo.update_field(
        jurisdiction,
        key,
        fact,
        at=_now(),
        who=who,
        reason=f"translation #{row_id} into {lang} reviewed by {who}",
    )


def _now() -> str:
    from storage.clock import now_iso

    return now_iso()
