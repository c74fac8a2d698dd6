"""Deadlines and alerts: the agreements' time limits with their state, and the alert feed."""

import datetime as dt

import streamlit as st

from config import Settings
from storage.clock import now_iso
from ui.cells import tr
from ui.resources import database, deliver_alerts
from ui.tables import alerts_table, deadlines_table, styled_states
from ui.widgets import language
from watch.alerts import list_alerts
from watch.deadlines import list_deadlines, refresh_deadline_alerts
from wording import DOUBTFUL

heading = st.empty()
lang = language("deadlines_lang")
heading.title(tr(lang, "Deadlines and alerts", "期限与提醒"))
st.caption(
    tr(
        lang,
        "Annex V/VI processing, objection windows of published batches and scope reviews. A deadline is due "
        'within 30 days of the date below. Once past it is "passed — outcome reported (unverified)" when an '
        'outcome is reported but no official act confirms it, "passed — outcome unknown" when no record of '
        "its outcome was found, and overdue (with an alert) only when it has no outcome at all.",
        "附录五、六名称的处理期限、已公布批次的异议期和扩大保护范围审议。距下列日期30天内为即将到期。"
        "期限过后：结果有报道但无正式文件证实的，显示为“已过期——结果有报道（未经证实）”；未找到结果记录的，"
        "显示为“已过期——结果不详”；完全没有结果的才为逾期（并发出提醒）。",
    )
)

left, right = st.columns(2)
today = left.date_input(tr(lang, "Today", "今天"), value=dt.date.today(), key="deadlines_today")
within = right.number_input(
    tr(lang, "Within N days (0 = all)", "N 天内（0 = 全部）"),
    min_value=0,
    value=0,
    step=30,
    key="deadlines_within",
    help=tr(
        lang, "Deadlines due in the next N days, and those overdue.", "未来 N 天内到期的期限及已逾期的期限。"
    ),
)
day = today.isoformat() if isinstance(today, dt.date) else dt.date.today().isoformat()

# Alerts are raised against the real date: a date chosen above only changes what the table shows.
raised = refresh_deadline_alerts(database(), today=dt.date.today().isoformat(), at=now_iso())
if raised:
    deliver_alerts(Settings.from_env())

items = list_deadlines(database(), today=day, within=int(within) or None)

if items:
    st.table(styled_states(deadlines_table(items, day, lang), [d.state(day) for d in items]), hide_index=True)
    if any(d.confidence in DOUBTFUL for d in items):
        st.caption(tr(lang, "⚠ marks a low or unconfirmed deadline.", "⚠ 表示可信度低或未经证实的期限。"))
else:
    st.info(tr(lang, "No deadline in that window.", "该期间内没有期限。"))

st.subheader(tr(lang, "Alerts", "提醒"))
since = st.date_input(tr(lang, "Since", "起始日期"), value=None, key="alerts_since")
alerts = list_alerts(database(), since=since.isoformat() if isinstance(since, dt.date) else None)
if raised:
    st.caption(tr(lang, f"{raised} new deadline alert(s) raised today.", f"今天新增 {raised} 条期限提醒。"))
if alerts:
    st.dataframe(alerts_table(alerts), hide_index=True)
else:
    st.caption(tr(lang, "No alert.", "没有提醒。"))
