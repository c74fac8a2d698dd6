"""The register pages' tables and cells (Agreements, Search, GI record, Import and export): service results
in, strings and DataFrames out, headers and the register's words in the page's language (pure
presentation, no streamlit)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import SimpleNamespace

import pandas as pd

from agreements.services import AgreementOverview
from escaping import escaped
from gi_lists.batches import BatchPlan
from gi_lists.coverage import HOME_FILE
from gi_lists.entries import ListTarget
from gi_lists.model import GI, STATUSES, Protection
from ui.cells import confidence, plain, when
from ui.record_cells import computed_names, linked
from wording import (
    DOUBTFUL,
    annex_code,
    annex_name,
    event_text,
    jurisdiction_name,
    lang_of,
    language_word,
    name_kind_text,
    note_text,
    route_text,
    say,
    source_text,
    status_word,
)

NO_SOURCE = "no source found"  # how the bundled data marks a statement no source supports
_BUNDLED = re.compile(
    r"^bundled reference data (?P<file>\S+|home protection \(inferred from the lists\))"
    r" \((?P<target>[^)]+)\)$"
)
_BATCH = re.compile(r"^batch (?P<file>.+) \((?P<target>[^)]+)\)$")


# --- cells -------------------------------------------------------------------------------------------


def source_cell(source: str | None, lang: str = "en") -> str:
    """A source as stored (a citation); none, or 'no source found', in the page's language."""
    if not source:
        return say("common.unknown", lang)
    return say("overview.no_source", lang) if source == NO_SOURCE else source_text(source, lang)


def sourced(source: str | None, level: str | None, lang: str = "en") -> str:
    """'Source: … · confidence: **…**' as a markdown line."""
    return say("overview.sourced", lang, source=source_cell(source, lang), level=confidence(level, lang))


def target_text(target: ListTarget, lang: str = "en") -> str:
    """Where a batch goes: 'china-eu/V' / '中欧协定附录五', 'register/TH' / '泰国登记簿'."""
    if lang_of(lang) != "zh":
        return target.key
    if target.agreement:
        return annex_name(target.agreement, target.annex if target.route == "agreement" else None, "zh")
    return say("plan.register", "zh", where=jurisdiction_name(target.jurisdiction or "", "zh"))


def list_text(p: Protection, lang: str = "en") -> str:
    """A protection's list: 'EU/agreement/china-eu/V' / '欧盟·中欧协定附录五'."""
    if lang_of(lang) != "zh":
        return p.key_text
    return f"{jurisdiction_name(p.jurisdiction, 'zh')}·{route_text(p, 'zh', short_names=True)}"


def key_text(key: str, lang: str = "en") -> str:
    """A list key as Protection.key_text writes it ('EU/agreement/china-eu/V'), in the page's language."""
    parts = key.split("/")
    if lang_of(lang) != "zh" or len(parts) < 2 or parts[1] not in ROUTES:
        return key
    agreement = parts[2] if len(parts) > 2 else None
    annex = parts[3] if len(parts) > 3 else None
    p = SimpleNamespace(jurisdiction=parts[0], route=parts[1], agreement=agreement, annex=annex, since=None)
    return f"{jurisdiction_name(parts[0], 'zh')}·{route_text(p, 'zh', short_names=True)}"


ROUTES = ("agreement", "national-register", "trademark")


def field_text(what: str, lang: str = "en") -> str:
    """What a history line or a planned change is about: 'EU/agreement/china-eu/V: status', 'region'."""
    if lang_of(lang) != "zh":
        return what
    key, _, field = what.rpartition(": ")
    if key and field in FIELDS:
        return f"{key_text(key, 'zh')}：{say(FIELDS[field], 'zh')}"
    if what.startswith("name (") and what.endswith(")"):
        return say("gi.field_name_of", "zh", name=what[len("name (") : -1])
    return say(FIELDS[what], "zh") if what in FIELDS else what


FIELDS = {
    "gi": "gi.field_gi",
    "status": "gi.field_status",
    "since": "gi.field_since",
    "until": "gi.field_until",
    "source": "gi.field_source",
    "confidence": "gi.field_confidence",
    "note": "gi.field_note",
    "reference": "gi.field_reference",
    "product_class": "gi.field_product_class",
    "region": "gi.field_region",
}


def value_text(value: str | None, lang: str = "en") -> str:
    """A value before or after a change: statuses and 'created' in the page's language, others as stored."""
    if not value:
        return ""
    if value == "created":
        return say("gi.created", lang)
    return status_word(value, lang)


def reason_text(reason: str, lang: str = "en") -> str:
    """Why a change was made: the register's own reasons in Chinese; a reason a person typed as typed."""
    if lang_of(lang) != "zh":
        return reason
    for pattern, key in ((_BUNDLED, "gi.reason_bundled"), (_BATCH, "gi.reason_batch")):
        if found := pattern.match(reason):
            file = say("gi.record.home_file", "zh") if found["file"] == HOME_FILE else found["file"]
            return say(key, "zh", file=file, target=list_key_text(found["target"], "zh"))
    return reason


def list_key_text(key: str, lang: str = "en") -> str:
    """A list as ListTarget.key writes it: 'china-eu/III' / '中欧协定附录三', 'register/TH' / '泰国登记簿'."""
    first, _, second = key.partition("/")
    if lang_of(lang) != "zh":
        return key
    if first == "register":
        return say("plan.register", "zh", where=jurisdiction_name(second, "zh"))
    return annex_name(first, second or None, "zh")


# --- Agreements ---------------------------------------------------------------------------------------


def status_columns(statuses: list[str]) -> list[str]:
    """Statuses in the register's order, unknown ones last."""
    known = [s for s in STATUSES if s in statuses]
    return known + sorted(set(statuses) - set(known))


def list_table(ov: AgreementOverview, lang: str = "en") -> pd.DataFrame:
    """One row per list of an agreement: annex, meaning, how many GIs, expected, counts by status."""
    zh = lang_of(lang) == "zh"
    statuses = status_columns([s for lc in ov.lists for s in lc.by_status])
    annex_column = say("overview.col_annex", lang)
    rows = []
    for lc in ov.lists:
        annex = ov.agreement.annex(lc.annex) if lc.annex else None
        meaning = (
            (annex.meaning_zh if zh else annex.meaning_en) if annex else say("overview.no_annexes", lang)
        )
        row: dict[str, object] = {
            annex_column: annex_code(lc.annex, lang) if lc.annex else "—",
            say("overview.col_meaning", lang): meaning,
            say("overview.col_total", lang): lc.total,
            say("overview.col_expected", lang): "—" if lc.expected is None else str(lc.expected),
        }
        row.update({status_word(status, lang): lc.by_status.get(status, 0) for status in statuses})
        rows.append(row)
    return pd.DataFrame(rows).set_index(annex_column)


def events_table(ov: AgreementOverview, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("overview.col_date", lang): e.date,
                say("overview.col_event", lang): event_text(e.event, lang),
                say("overview.col_source", lang): source_cell(e.source, lang),
                say("overview.col_confidence", lang): confidence(e.confidence, lang),
            }
            for e in ov.agreement.events
        ]
    )


def articles_table(articles: Sequence[Mapping[str, str]], lang: str = "en") -> pd.DataFrame:
    """An agreement's articles as far as the sources were read (in Chinese where the record has it)."""
    zh = lang_of(lang) == "zh"
    return pd.DataFrame(
        [
            {
                say("overview.col_article", lang): (x.get("article_zh") if zh else None) or x["article"],
                say("overview.col_summary", lang): (x.get("summary_zh") if zh else None) or x["summary_en"],
                say("overview.col_confidence", lang): confidence(x.get("confidence"), lang),
                say("overview.col_source", lang): source_cell(x.get("source"), lang),
            }
            for x in articles
        ]
    )


# --- Search and GI record ------------------------------------------------------------------------------


def protection_summary(p: Protection, lang: str = "en") -> str:
    """One protection in a list cell, naming its route: 'CN · national register (China–France list):
    protected' / '中国·国内登记（中法名录）：受保护'."""
    if lang_of(lang) == "zh":
        return f"{list_text(p, 'zh')}：{status_word(p.status, 'zh')}"
    return f"{p.jurisdiction} · {route_text(p, 'en', short_names=True)}: {status_word(p.status, 'en')}"


def protections_summary(gi: GI, lang: str = "en") -> str:
    """Each protection with its route, once (⚠ after a doubtful one): 'CN · China–EU Annex IV:
    protected; CN · collective/certification mark: protected; …'."""
    parts = [protection_summary(p, lang) + (" ⚠" if p.confidence in DOUBTFUL else "") for p in gi.protections]
    separator = "；" if lang_of(lang) == "zh" else "; "
    return separator.join(dict.fromkeys(parts)) or say("search.none_recorded", lang)


def names_table(gi: GI, lang: str = "en") -> pd.DataFrame:
    """Every recorded name with its kind, language, script and source, then the readings computed from
    its Chinese names (traditional characters, pinyin with tones) that no recorded name gives already."""
    rows = [
        {
            say("gi.col_name", lang): n.text,
            say("gi.col_kind", lang): name_kind_text(n.kind, None, lang),
            say("gi.col_language", lang): language_word(n.lang, lang) if n.lang else "",
            say("gi.col_script", lang): n.script or "",
            say("gi.record.col_name_source", lang): linked(source_cell(n.source, lang)) if n.source else "",
        }
        for n in gi.names
    ]
    recorded = {n.text for n in gi.names}
    for text, kind, code, script in computed_names(gi):
        if text in recorded:
            continue
        recorded.add(text)
        rows.append(
            {
                say("gi.col_name", lang): text,
                say("gi.col_kind", lang): say("gi.record.computed", lang, kind=say(kind, lang)),
                say("gi.col_language", lang): language_word(code, lang),
                say("gi.col_script", lang): script,
                say("gi.record.col_name_source", lang): "",
            }
        )
    return pd.DataFrame(rows)


def protection_history(gi: GI, p: Protection, lang: str = "en") -> str:
    """The history lines about one protection, oldest first: '2021-03-01 status: pending → protected'."""
    lines = []
    for h in gi.history:
        key, _, field = h.what.rpartition(": ")
        if key != p.key_text:
            continue
        change = value_text(h.after, lang) or "—"
        if h.before:
            change = f"{value_text(h.before, lang)} → {change}"
        what = say(FIELDS[field], lang) if field in FIELDS else field
        colon = "：" if lang_of(lang) == "zh" else ": "
        lines.append(f"{when(h.at[:10], lang)} {what}{colon}{escaped(change)}")
    return ("；" if lang_of(lang) == "zh" else "; ").join(lines)


def route_cell(p: Protection, lang: str = "en") -> str:
    """Through what a protection holds, with the register's file number where it has one: 'china-eu
    Annex IV', 'national register (PGI-IT-1512)' / '中欧协定附录四'."""
    text = route_text(p, lang, short_names=lang_of(lang) == "zh")
    if p.reference and p.reference not in text:
        text += f"（{p.reference}）" if lang_of(lang) == "zh" else f" ({p.reference})"
    return text


def protections_table(gi: GI, lang: str = "en") -> pd.DataFrame:
    """One row per protection: where, through what (agreement, annex, file number), its status and the
    history of it, its source (linked, as markdown for st.table), confidence, and its note in full. Few
    enough columns for st.table to wrap every cell within the page."""
    zh = lang_of(lang) == "zh"
    return pd.DataFrame(
        [
            {
                say("gi.col_jurisdiction", lang): jurisdiction_name(p.jurisdiction, lang)
                if zh
                else p.jurisdiction,
                say("gi.col_route", lang): route_cell(p, lang),
                say("gi.col_status", lang): status_word(p.status, lang),
                say("gi.col_since", lang): p.since or "",
                say("gi.col_until", lang): p.until or "",
                say("gi.record.col_history", lang): protection_history(gi, p, lang),
                say("gi.col_source", lang): linked(source_cell(p.source, lang)),
                say("gi.col_confidence", lang): confidence(p.confidence, lang),
                say("gi.col_note", lang): plain(note_text(p.note, lang)) if p.note else "",
            }
            for p in gi.protections
        ]
    )


def history_table(gi: GI, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("gi.col_at", lang): when(h.at, lang),
                say("gi.col_who", lang): escaped(h.who),
                say("gi.col_what", lang): field_text(h.what, lang),
                say("gi.col_before", lang): escaped(value_text(h.before, lang)),
                say("gi.col_after", lang): escaped(value_text(h.after, lang)),
                say("gi.col_reason", lang): escaped(reason_text(h.reason, lang)),
                say("gi.col_source", lang): escaped(h.source),
            }
            for h in gi.history
        ]
    )


# --- Import ----------------------------------------------------------------------------------------------


def objection_basis(basis: str | None, lang: str = "en") -> str:
    """The legal basis of a batch's objection window (deadlines.json objection_periods), in Chinese where
    zh_texts.json has it."""
    return note_text(basis, lang) if basis else say("common.unknown", lang)


def plan_tables(plan: BatchPlan, lang: str = "en") -> dict[str, pd.DataFrame]:
    """A batch's plan as three tables: + added, ~ changed (before → after), − withdrawn."""
    gi_id, name, where = say("plan.col_gi", lang), say("plan.col_name", lang), say("plan.col_list", lang)
    status = say("plan.col_status", lang)
    what, before, after = (
        say("plan.col_what", lang),
        say("plan.col_before", lang),
        say("plan.col_after", lang),
    )
    withdrawn = status_word("withdrawn", lang)
    added = [
        {gi_id: i, name: label, where: list_text(p, lang), status: status_word(p.status, lang)}
        for i, label, p in plan.added
    ]
    changed = [
        {
            gi_id: c.gi_id,
            name: c.label,
            what: field_text(c.what, lang),
            before: value_text(c.before, lang) or "—",
            after: value_text(c.after, lang) or "—",
        }
        for c in plan.changed
    ]
    removed = [
        {
            gi_id: i,
            name: label,
            where: list_text(p, lang),
            status: f"{status_word(p.status, lang)} → {withdrawn}",
        }
        for i, label, p in plan.removed
    ]
    return {
        say("plan.added_table", lang): pd.DataFrame(added, columns=[gi_id, name, where, status]),
        say("plan.changed_table", lang): pd.DataFrame(changed, columns=[gi_id, name, what, before, after]),
        say("plan.removed_table", lang): pd.DataFrame(removed, columns=[gi_id, name, where, status]),
    }
