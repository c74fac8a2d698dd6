"""The tables of the agreements-and-law pages (compare agreements, foreign GI law, deadlines and alerts)
in the page's language: scope side by side, profile cases and edits, deadlines and the alert feed (pure
presentation: service results in, DataFrames out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from agreements.model import Profile
from compare.scope import BASELINE, UNCONFIRMED, ComparedDimension, unknown_sides
from escaping import escaped
from phrases import has, message_text
from ui.cells import UNKNOWN, confidence, marked, source_text, unknown, when
from watch.model import Alert, Deadline
from wording import agreement_name, deadline_state, note_text, say
from wording_register import alert_kind, alert_title

DEADLINE_CSS = {
    "overdue": "color: #b71c1c; background-color: #fdecea; font-weight: 600",
    "due": "color: #8a5300; background-color: #fff4e5; font-weight: 600",
    "upcoming": "color: #616161",
    "met": "color: #1b5e20; background-color: #e8f5e9",
    "passed-reported": "color: #0d47a1; background-color: #e3f2fd",
    "passed-unknown": "color: #424242; background-color: #f5f5f5",
}


def scope_table(
    dimensions: Sequence[ComparedDimension],
    columns: Sequence[str],
    lang: str,
    why: Callable[[ComparedDimension], str],
) -> pd.DataFrame:
    """Dimension × agreement: first why the row is where it is (the pairs that differ, or whose position
    is unknown), then each cell the value and its article; doubtful values marked ⚠."""
    dimension, reason = say("compare.dimension", lang), say("compare.keys.why", lang)
    rows = []
    for d in dimensions:
        row = {dimension: d.dimension.label(lang), reason: why(d)}
        for a in columns:
            v = d.values[a]
            known = v.article not in ("", UNKNOWN)
            article = v.article_in(lang) if known else say("compare.article_unknown", lang)
            row[agreement_name(a, lang)] = marked(f"{v.value(lang)} [{article}]", v.confidence, lang)
        rows.append(row)
    return pd.DataFrame(rows).set_index(dimension) if rows else pd.DataFrame()


def contrast_line(d: ComparedDimension, lang: str) -> str:
    """'≠ China–EU vs China–France, China–EU vs TRIPS (baseline)': the pairs whose known positions differ."""
    pairs = [
        say("compare.keys.vs", lang, a=agreement_name(p.a, lang), b=agreement_name(p.b, lang))
        for p in d.contrasts
    ]
    return say("compare.keys.contrast", lang, pairs=say("compare.name_separator", lang).join(pairs))


def open_line(d: ComparedDimension, lang: str) -> str:
    """Why a dimension that is no key difference sits where it does: stated apart but unconfirmed,
    unknown for some agreement, or the same position."""
    sep = say("compare.name_separator", lang)
    unconfirmed = [a for a in d.columns_in(UNCONFIRMED) if a != BASELINE]
    unknown = unknown_sides(d)
    lines = []
    if unconfirmed:
        lines.append(
            say(
                "compare.keys.unconfirmed_for",
                lang,
                who=sep.join(agreement_name(a, lang) for a in unconfirmed),
            )
        )
    if unknown:
        lines.append(
            say("compare.keys.unknown_for", lang, who=sep.join(agreement_name(a, lang) for a in unknown))
        )
    return ("；" if lang == "zh" else "; ").join(lines) if lines else say("compare.keys.same_line", lang)


def profile_cases_table(profile: Profile, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("profiles.col.case", lang): c.name_in(lang),
                say("profiles.col.court", lang): c.court_in(lang) or "",
                say("profiles.col.date", lang): c.date_in(lang) or "",
                say("profiles.col.point", lang): c.point(lang),
                say("profiles.col.source", lang): source_text(c.source, lang),
                say("profiles.col.confidence", lang): confidence(c.confidence, lang),
            }
            for c in profile.cases
        ]
    )


def profile_part(part: str, lang: str) -> str:
    """What a profile edit changed ('value_en', 'source', …) in the page's language."""
    key = f"profiles.parts.{part}"
    return say(key, lang) if has(key) else part


def profile_history_table(
    rows: Sequence[Mapping[str, object]], lang: str = "en", labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """ProfileRepository.history rows, newest first; fields named by `labels` (key -> label) when given."""
    labels = labels or {}
    return pd.DataFrame(
        [
            {
                say("profiles.col.at", lang): when(str(h["at"] or ""), lang),
                say("profiles.col.who", lang): escaped(h["who"]),
                say("profiles.col.field", lang): labels.get(str(h["key"]), h["key"]),
                say("profiles.col.what", lang): profile_part(str(h["what"]), lang),
                say("profiles.col.before", lang): escaped(h["before"]),
                say("profiles.col.after", lang): escaped(h["after"]),
                say("profiles.col.reason", lang): escaped(h["reason"]),
            }
            for h in reversed(rows)
        ]
    )


def outcome_text(d: Deadline, lang: str) -> str:
    """A deadline's outcome: '[reported] … (source: …)' / '［有报道］…（来源：…）'."""
    outcome = (d.outcome_zh if lang == "zh" and d.outcome_zh else d.outcome_en) or ""
    if outcome and d.outcome_status:
        key = f"deadlines.outcome.{d.outcome_status}"
        status = say(key, lang) if has(key) else d.outcome_status
        outcome = say("deadlines.outcome_status", lang, status=status, outcome=outcome)
    if outcome and d.outcome_source:
        outcome += say("deadlines.outcome_source", lang, source=d.outcome_source)
    return outcome


def deadlines_table(items: Sequence[Deadline], today: str, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                say("deadlines.col.due", lang): d.due,
                say("deadlines.col.state", lang): deadline_state(d.state(today), lang),
                say("deadlines.col.deadline", lang): d.title(lang),
                say("deadlines.col.basis", lang): note_text(d.basis, lang) if d.basis else unknown(lang),
                say("deadlines.col.outcome", lang): outcome_text(d, lang) or "—",
                say("deadlines.col.source", lang): source_text(d.source, lang),
                say("deadlines.col.confidence", lang): confidence(d.confidence, lang),
            }
            for d in items
        ]
    )


def styled_states(frame: pd.DataFrame, states: Sequence[str]) -> Any:
    """A deadlines table whose State column is coloured: overdue red, due amber, upcoming grey, met green,
    passed with an outcome reported blue, passed with the outcome unknown shaded grey."""
    if frame.empty:
        return frame
    column = frame.columns[1]
    css = [DEADLINE_CSS.get(s, "") for s in states]
    return frame.style.apply(lambda col: css, subset=[column], axis=0)


def alert_detail(a: Alert, lang: str) -> str:
    """An alert's detail; a status change's is the reason a person gave, shown as written (on one line)."""
    if not a.detail:
        return ""
    return escaped(a.detail) if a.kind == "status-change" else message_text(a.detail, lang)


def alerts_table(
    alerts: Sequence[Alert], lang: str = "en", titles: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The alert feed, newest first (an alert's title and detail as they were raised; in Chinese on a
    Chinese page, a deadline's title from `titles`)."""

    def delivered(a: Alert) -> str:
        if a.delivered_at:
            return when(a.delivered_at, lang)
        return say("deadlines.failed_delivery", lang, error=a.delivery_error) if a.delivery_error else "—"

    return pd.DataFrame(
        [
            {
                say("deadlines.col.at", lang): when(a.at, lang),
                say("deadlines.col.kind", lang): alert_kind(a.kind, lang),
                say("deadlines.col.alert", lang): alert_title(a.title, lang, dict(titles or {})),
                say("deadlines.col.detail", lang): (
                    message_text(a.detail, lang) if a.kind != "status-change" else a.detail
                )
                if a.detail
                else "",
                say("deadlines.col.source", lang): a.source or "",
                say("deadlines.col.delivered", lang): delivered(a),
            }
            for a in sorted(alerts, key=lambda a: (a.at, a.id), reverse=True)
        ]
    )
