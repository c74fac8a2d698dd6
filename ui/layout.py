"""Page layout drawn by the router on every page: tables that fit a phone's screen."""

from __future__ import annotations

import streamlit as st

# At a phone's width (a 390 px screen), a table's long cells (sources, notes, legal bases) would push its
# later columns off the screen: the table is held to the screen's width and its cells wrap, breaking a
# long word or address where they must. One place, for every st.table of every page.
NARROW_TABLES_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stTableStyledTable"] { width: 100% !important; min-width: 0 !important; }
  [data-testid="stTableStyledTable"] :is(th, td) { padding: 0.2rem 0.25rem !important; font-size: 0.8rem; }
  [data-testid="stTableStyledTable"] th { font-size: 0.7rem; }
  [data-testid="stTableStyledTable"] :is(th, td), [data-testid="stTableStyledTable"] :is(th, td) * {
    white-space: normal !important; overflow-wrap: anywhere !important; word-break: normal !important; }
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; }
}
</style>"""


def narrow_screens() -> None:
    """Tables that wrap instead of overflowing on a phone's screen (a style only: nothing is drawn)."""
    st.html(NARROW_TABLES_CSS)
