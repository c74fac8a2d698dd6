"""The translation memory's vocabulary (pure: no database, no network).

A row of the memory is a rendering of one text into one language: by a machine engine or by staff,
`suggested` until a person reviews it (`reviewed`) or turns it down (`rejected`). A rendering of a GI's
name (`gi_id`) becomes one of the GI's names, of kind `translation`, once reviewed; a rendering of a
profile field (`subject` "profile:TH:scope") becomes the field's text in that language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from errors import GIScopeError

LANGS = ("en", "zh", "fr", "th")
STATUSES = ("suggested", "reviewed", "rejected")
# where an answer came from
ORIGINS = ("memory", "glossary", "machine", "unavailable")
UNAVAILABLE = "machine translation unavailable"
TO_BE_REVIEWED = "to be reviewed"


class TranslationUnavailable(GIScopeError):
    """The machine engine cannot answer now (no network, timed out, switched off, refused)."""


class TranslationError(GIScopeError):
    """A request about the translation memory that cannot be carried out (unknown id, bad language)."""


def check_lang(lang: str | None) -> str:
    code = (lang or "").strip().lower()
    if code not in LANGS:
        raise TranslationError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    return code


def detect_lang(text: str) -> str:
    """zh for Chinese characters, th for Thai, otherwise "auto" (a Latin text: English, French ...)."""
    from names.normalise import has_han, has_thai

    if has_han(text):
        return "zh"
    if has_thai(text):
        return "th"
    return "auto"


def profile_subject(jurisdiction: str, key: str) -> str:
    return f"profile:{jurisdiction}:{key}"


def parse_subject(subject: str | None) -> tuple[str, str] | None:
    """(jurisdiction, field key) of a profile field's subject, else None."""
    if not subject or not subject.startswith("profile:"):
        return None
    _, jurisdiction, key = subject.split(":", 2)
    return jurisdiction, key


@dataclass(frozen=True)
class Translation:
    """One row of the memory."""

    id: int
    text: str
    source_lang: str
    target_lang: str
    result: str
    engine: str
    at: str
    suggested_by: str
    status: str
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    gi_id: str | None = None
    subject: str | None = None
    note: str | None = None

    @property
    def marked(self) -> str:
        """The result as shown beside reviewed text: unreviewed ones say so."""
        return self.result if self.status == "reviewed" else f"{self.result} ({TO_BE_REVIEWED})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "from": self.source_lang,
            "to": self.target_lang,
            "result": self.result,
            "engine": self.engine,
            "at": self.at,
            "suggested_by": self.suggested_by,
            "status": self.status,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at,
            "gi_id": self.gi_id,
            "subject": self.subject,
            "note": self.note,
        }


@dataclass(frozen=True)
class Answer:
    """What `translate` says: the result (None when there is none) and where it came from."""

    text: str
    target_lang: str
    source_lang: str
    result: str | None
    origin: str  # memory, glossary, machine, unavailable
    status: str | None = None  # reviewed or suggested (memory and machine answers); None for glossary
    engine: str | None = None
    id: int | None = None  # the memory row
    gi_id: str | None = None
    detail: str | None = None  # the glossary entry's source, or why the machine is unavailable
    alternatives: tuple[dict[str, str | None], ...] = field(default_factory=tuple)

    @property
    def message(self) -> str | None:
        return UNAVAILABLE if self.origin == "unavailable" else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "from": self.source_lang,
            "to": self.target_lang,
            "result": self.result,
            "origin": self.origin,
            "status": self.status,
            "engine": self.engine,
            "id": self.id,
            "gi_id": self.gi_id,
            "detail": self.detail,
            "message": self.message,
            "alternatives": list(self.alternatives),
        }
