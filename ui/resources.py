"""Cached resources and small rendering helpers for the pages.

With app_pages/ and streamlit_app.py, the only code that imports streamlit. The helpers turn
service results into plain rows for tables; they decide nothing about the register.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from agreements.services import AgreementOverview
from config import Settings
from gi_lists.model import GI, STATUSES, Protection
from storage.engine import StorageError, make_engine
from storage.migrate import ensure_current

DOUBTFUL = frozenset({"low", "unconfirmed"})
UNKNOWN = "unknown"


@st.cache_resource(show_spinner=False)
def _ready_engine(url: str) -> Engine:
    """One engine per database URL, cached only once the schema is current (errors are not cached)."""
    engine = make_engine(url)
    try:
        ensure_current(engine)
    except StorageError:
        engine.dispose()
        raise
    return engine


def engine() -> Engine:
    """The register's engine; stops the page with a message if the database is not ready."""
    url = Settings.from_env().database_url
    try:
        return _ready_engine(url)
    except StorageError as exc:
        st.error(f"The register is not ready: {exc}")
        st.info(
            "Run `giscope init` (or `make init`) to create the database and load the bundled lists; "
            "if the register lives elsewhere, check GISCOPE_DATABASE_URL."
        )
        st.stop()


def confidence(level: str | None) -> str:
    """Confidence as text; a low or unconfirmed fact is marked so nobody takes it as settled."""
    level = level or "unconfirmed"
    return f"⚠ {level}" if level in DOUBTFUL else level


def sourced(source: str | None, level: str | None) -> str:
    """'Source: … · confidence: …' as a markdown line."""
    return f"Source: {source or UNKNOWN} · confidence: **{confidence(level)}**"


def or_unknown(value: object) -> str:
    return UNKNOWN if value in (None, "") else str(value)


def status_columns(statuses: list[str]) -> list[str]:
    """Statuses in the register's order, unknown ones last."""
    known = [s for s in STATUSES if s in statuses]
    return known + sorted(set(statuses) - set(known))


def list_table(ov: AgreementOverview) -> pd.DataFrame:
    """One row per list of an agreement: annex, meaning, how many GIs, expected, counts by status."""
    statuses = status_columns([s for lc in ov.lists for s in lc.by_status])
    rows = []
    for lc in ov.lists:
        annex = ov.agreement.annex(lc.annex) if lc.annex else None
        row: dict[str, object] = {
            "Annex": lc.annex or "—",
            "Meaning": annex.meaning_en if annex else "GIs tracked under this arrangement (no annexes)",
            "GIs on the list": lc.total,
            "Expected": "—" if lc.expected is None else str(lc.expected),
        }
        row.update({status: lc.by_status.get(status, 0) for status in statuses})
        rows.append(row)
    return pd.DataFrame(rows).set_index("Annex")


def events_table(ov: AgreementOverview) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Date": e.date,
                "Event": e.event,
                "Source": e.source or UNKNOWN,
                "Confidence": confidence(e.confidence),
            }
            for e in ov.agreement.events
        ]
    )


def protection_label(p: Protection) -> str:
    where = "/".join(part for part in (p.agreement, p.annex) if part) or p.route
    return f"{p.jurisdiction} {where}: {p.status}" + (" ⚠" if p.confidence in DOUBTFUL else "")


def protections_summary(gi: GI) -> str:
    return "; ".join(protection_label(p) for p in gi.protections) or "none recorded"


def names_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"Name": n.text, "Kind": n.kind, "Language": n.lang or "", "Script": n.script or ""}
            for n in gi.names
        ]
    )


def protections_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Jurisdiction": p.jurisdiction,
                "Route": p.route,
                "Agreement": p.agreement or "",
                "Annex": p.annex or "",
                "Status": p.status,
                "Since": p.since or "",
                "Until": p.until or "",
                "Source": p.source or UNKNOWN,
                "Confidence": confidence(p.confidence),
                "Note": p.note or "",
            }
            for p in gi.protections
        ]
    )


def history_table(gi: GI) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "At": h.at,
                "Who": h.who,
                "What": h.what,
                "Before": h.before or "",
                "After": h.after or "",
                "Reason": h.reason,
                "Source": h.source or "",
            }
            for h in gi.history
        ]
    )
