"""The register's own words in the language asked: fields, stored values, protection keys, routes, states,
kinds, languages and scripts, deadline bases and alert titles (pure; phrases from the catalogue, tables
[cli.*]). The CLI prints them; the UI shows alert titles with the same reading.
"""

from __future__ import annotations

import re
from typing import Any

import wording
from phrases import has
from wording import (
    CONFIDENCES,
    STATUS_WORDS,
    agreement_name,
    annex_name,
    confidence_word,
    deadline_state,
    lang_of,
    name_kind_text,
    note_text,
    route_text,
    say,
    status_word,
)

# --- the register's own words ------------------------------------------------------------------------


def _word(table: str, key: str, lang: str) -> str:
    """A word of the catalogue table [cli.TABLE] (keys as stored), or the key itself when it has none."""
    phrase = f"cli.{table}.{key.replace('-', '_')}"
    return say(phrase, lang) if lang_of(lang) == "zh" and has(phrase) else key


def field_word(name: str, lang: str) -> str:
    """A field of a GI or a protection: 'status' / '状态'; 'name (translation)' / '名称（译名）'."""
    if name.startswith("name (") and name.endswith(")"):
        kind = name_kind_text(name[6:-1], None, lang)
        return say("cli.field.name_of", lang, kind=kind) if lang_of(lang) == "zh" else name
    return _word("field", name, lang)


def value_word(value: str | None, lang: str) -> str:
    """A stored value as a cell: statuses, confidences and routes in the language; others as they are."""
    if not value:
        return "—"
    if lang_of(lang) != "zh":
        return value
    if value in STATUS_WORDS["zh"]:
        return status_word(value, lang)
    if value in CONFIDENCES:
        return confidence_word(value, lang)
    return _word("value", value, lang)


def key_text(text: str, lang: str) -> str:
    """A protection's key 'EU/agreement/china-eu/IV' in the language: 'EU/协定/中欧/IV'."""
    if lang_of(lang) != "zh":
        return text
    return "/".join(_part_word(part, lang) for part in text.split("/"))


def _part_word(part: str, lang: str) -> str:
    named = agreement_name(part, lang)
    return named if named != part else _word("value", part, lang)


def what_text(what: str, lang: str) -> str:
    """What a change touched: 'product_class', 'name (translation)', 'EU/agreement/china-eu/IV: status'."""
    if lang_of(lang) != "zh":
        return what
    where, sep, field = what.rpartition(": ")
    if not sep:
        return field_word(what, lang)
    return f"{key_text(where, lang)}：{field_word(field, lang)}"


def route_word(route: str, lang: str) -> str:
    return _word("value", route, lang)


def state_word(state: str, lang: str) -> str:
    """A trademark-watch finding's state: 'opposed' / '已提出异议'."""
    return _word("state", state, lang)


def alert_kind(kind: str, lang: str) -> str:
    return _word("alert_kind", kind, lang)


def language_word(code: str | None, lang: str) -> str:
    """A name's language: 'fr' / '法语' (the code as it is in English)."""
    return wording.language_word(code, lang) if code else ""


def script_word(script: str | None, lang: str) -> str:
    return _word("script", script, lang) if script else ""


def protection_cell(p: Any, lang: str) -> str:
    """A protection in a list cell, naming its route: 'EU · China–EU Annex III: protected' / 'EU
    中欧协定附录三：受保护'."""
    if lang_of(lang) != "zh":
        return f"{p.jurisdiction} · {route_text(p, lang, short_names=True)}: {p.status}"
    return f"{p.jurisdiction} {route_text(p, lang, short_names=True)}：{status_word(p.status, lang)}"


def protections_cell(protections: Any, lang: str) -> str:
    """A GI's protections in one cell, each with its route and each once."""
    cells = dict.fromkeys(protection_cell(p, lang) for p in protections)
    return ("; " if lang_of(lang) != "zh" else "；").join(cells)


# --- deadlines and alerts -------------------------------------------------------------------------------


def basis_text(basis: str | None, lang: str) -> str:
    """A deadline's basis in the language, where zh_texts.json gives its Chinese (else as stored)."""
    if not basis:
        return "—"
    return note_text(basis, lang)


def outcome_word(status: str | None, lang: str) -> str:
    return _word("outcome", status or "", lang)


_BATCH_ALERT = re.compile(
    r"^New batch for (?P<list>\S+): (?P<added>\d+) added, (?P<changed>\d+) changed, (?P<removed>\d+) removed$"
)
_STATUS_ALERT = re.compile(r"^(?P<gi>\S+): (?P<key>\S+) (?P<before>\S+) -> (?P<after>\S+)$")
_DEADLINE_ALERT = re.compile(
    r"^(?:(?P<state>overdue|due)|due in (?P<days>\d+) days?): (?P<title>.*?)"
    r"(?: \((?P<agreement>china-[a-z]+)(?: Annex (?P<annex>\S+))?\))?$"
)


def alert_title(title: str, lang: str, titles_zh: dict[str, str]) -> str:
    """An alert's title (watch.alerts writes it in English) in the language; `titles_zh` gives the Chinese
    title of each deadline by its English one. A title of another shape stays as stored."""
    if lang_of(lang) != "zh":
        return title
    if found := _BATCH_ALERT.match(title):
        return say("cli.alerts.new_batch", lang, **found.groupdict())
    if found := _DEADLINE_ALERT.match(title):
        parts = found.groupdict()
        state = (
            say("cli.alerts.due_in", lang, days=parts["days"])
            if parts["days"]
            else deadline_state(parts["state"], lang)
        )
        where = f"（{annex_name(parts['agreement'], parts['annex'], lang)}）" if parts["agreement"] else ""
        return f"{state}：{titles_zh.get(parts['title'], parts['title'])}{where}"
    if found := _STATUS_ALERT.match(title):
        before, after = value_word(found["before"], lang), value_word(found["after"], lang)
        return f"{found['gi']}：{key_text(found['key'], lang)} {before} -> {after}"
    return title
