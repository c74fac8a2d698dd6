"""The phrase catalogue: every sentence, heading, label and message the UI and the CLI show, one file per
language (data/phrases/en.toml, data/phrases/zh.toml), looked up by key (pure: reads two files once).

    say("screen.title", lang)                    -> "Screen labels" / "筛查标签"
    say("screen.found", lang, count=3)           -> placeholders are str.format fields

Keys are dotted: the first part names the page or command (`nav`, `common`, `screen`, `cli.check`, …).
tests/unit/test_phrases.py checks that both files hold the same keys with the same placeholders, that
every key the code asks for exists, and that the Chinese holds no English words but names and citations.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

PHRASES_DIR = Path(__file__).resolve().parent / "data" / "phrases"
PHRASE_LANGS = ("en", "zh")


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, full + "."))
        else:
            out[full] = str(value)
    return out


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every phrase of one language, by dotted key."""
    with (PHRASES_DIR / f"{lang}.toml").open("rb") as fh:
        return _flatten(tomllib.load(fh))


def say(key: str, lang: str | None = "en", /, **values: object) -> str:
    """The phrase `key` in `lang` ('zh' or English), its {fields} filled from `values`.

    An unknown key is a programming error (KeyError); the phrase test finds it before a user does."""
    phrases = catalogue("zh" if lang == "zh" else "en")
    text = phrases[key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in catalogue("en")


# --- the services' English messages in Chinese (data/phrases/messages_zh.toml) ------------------------
# A problem line is `FILE:LINE: column: problem`, `FILE: problem` or just `problem`; the location stays.
_LOCATION = re.compile(r"^(?P<where>(?:[^:\s][^:]*:\d+: (?:[^:]+: )?)|(?:[^:\s]+\.(?:csv|xlsx|json|txt): ))")


@cache
def _message_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    with (PHRASES_DIR / "messages_zh.toml").open("rb") as fh:
        table = tomllib.load(fh)
    return tuple((re.compile(e["en"] + "$"), e["zh"]) for e in table["message"])


def message_line(line: str, lang: str | None = "en") -> str:
    """One problem line in `lang`: its location as written, its problem in Chinese when a pattern knows it,
    else in English after a Chinese lead-in (so nobody takes an untranslated message for a missing one)."""
    if lang != "zh":
        return line
    found = _LOCATION.match(line)
    where = found.group("where") if found else ""
    problem = line[len(where) :]
    for pattern, zh in _message_patterns():
        match = pattern.match(problem)
        if match:
            return where + zh.format(**match.groupdict())
    return where + say("app.untranslated_error", "zh", message=problem)


def message_text(message: str, lang: str | None = "en") -> str:
    """A GIScopeError's message (one problem a line) in `lang`."""
    return "\n".join(message_line(line, lang) for line in message.split("\n"))
