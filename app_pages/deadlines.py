"""Deadlines and alerts: the agreements' time limits with their state, and the alert feed."""

import datetime as dt

import streamlit as st

from config import Settings
from storage.clock import now_iso
from ui.charts import deadline_chart
from ui.law_tables import alerts_table, deadlines_table, styled_states
from ui.resources import database, deliver_alerts
from ui.widgets import page_language
from watch.alerts import list_alerts
from watch.deadlines import list_deadlines, refresh_deadline_alerts
from wording import DOUBTFUL, say

lang = page_language()
st.title(say("deadlines.title", lang))
st.caption(say("deadlines.caption", lang))

left, right = st.columns(2)
today = left.date_input(say("deadlines.today", lang), value=dt.date.today(), key="deadlines_today")
within = right.number_input(
    say("deadlines.within", lang),
    min_value=0,
    value=0,
    step=30,
    key="deadlines_within",
    help=say("deadlines.within_help", lang),
)
day = today.isoformat() if isinstance(today, dt.date) else dt.date.today().isoformat()

# Alerts are raised against the real date: a date chosen above only changes what the table shows.
raised = refresh_deadline_alerts(database(), today=dt.date.today().isoformat(), at=now_iso())
if raised:
    deliver_alerts(Settings.from_env())

items = list_deadlines(database(), today=day, within=int(within) or None)

if items:
    st.altair_chart(deadline_chart(items, day, lang), width="stretch")
    st.caption(say("deadlines.chart.caption", lang, day=day))
    st.table(styled_states(deadlines_table(items, day, lang), [d.state(day) for d in items]), hide_index=True)
    if any(d.confidence in DOUBTFUL for d in items):
        st.caption(say("deadlines.doubtful", lang))
else:
    st.info(say("deadlines.none", lang))

st.subheader(say("deadlines.alerts", lang))
since = st.date_input(say("deadlines.since", lang), value=None, key="alerts_since")
alerts = list_alerts(database(), since=since.isoformat() if isinstance(since, dt.date) else None)
if raised:
    st.caption(say("deadlines.raised", lang, count=raised))
if alerts:
    titles = {d.title_en: d.title_zh for d in list_deadlines(database(), today=day)}
    st.dataframe(alerts_table(alerts, lang, titles), hide_index=True)
else:
    st.caption(say("deadlines.no_alert", lang))
