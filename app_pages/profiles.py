"""Foreign GI law: each jurisdiction's laws, routes, fees, time limits, protection and cases, sourced."""

import streamlit as st

from agreements.profiles import PROFILE_JURISDICTIONS, edit_profile, get_profile, profile_history
from config import Settings
from errors import GIScopeError
from translation.profiles import field_suggestions
from ui.cells import confidence_badge, plain, tr
from ui.resources import database
from ui.tables import profile_cases_table, profile_history_table
from ui.widgets import language
from wording import CONFIDENCES, DOUBTFUL

heading = st.empty()
lang = language("profile_lang")
heading.title(tr(lang, "Foreign GI law", "外国地理标志法律"))
j = st.selectbox(tr(lang, "Jurisdiction", "法域"), PROFILE_JURISDICTIONS, key="profile_jurisdiction")


def save_edit(j: str, lang: str) -> None:
    """Form callback: runs before the page, so the fields below already show the change."""
    s = st.session_state
    value = s["profile_value"].strip() or None
    try:
        changed = edit_profile(
            database(),
            j,
            s["profile_key"],
            who=Settings.from_env().user,
            reason=s["profile_reason"],
            value_en=value if lang == "en" else None,
            value_zh=value if lang == "zh" else None,
            source=s["profile_source"],
            confidence=s["profile_confidence"],
        )
    except GIScopeError as exc:
        s["profile_result"] = ("error", str(exc))
        return
    for part in ("profile_value", "profile_source", "profile_reason"):
        s[part] = ""
    s["profile_result"] = ("success", f"{s['profile_key']}: {', '.join(changed)} changed" if changed else "")


profile = get_profile(database(), j)
suggested = field_suggestions(database(), profile.jurisdiction)  # machine renderings to be reviewed

st.header(f"{profile.name(lang)} ({profile.jurisdiction})")
doubtful = [f for f in profile.fields if f.fact.doubtful]
if doubtful:
    st.warning(
        tr(
            lang,
            f"{len(doubtful)} of {len(profile.fields)} fields are low or unconfirmed (marked ⚠): "
            "check the source before relying on them.",
            f"{len(profile.fields)} 个字段中有 {len(doubtful)} 个可信度低或未经证实（标有 ⚠），"
            "使用前请核实来源。",
        )
    )
for f in profile.fields:
    with st.container(border=True):
        st.markdown(f"**{f.label(lang)}** {confidence_badge(f.fact.confidence)}")
        st.markdown(plain(f.fact.text(lang)))
        st.caption(f"{tr(lang, 'Source', '来源')}: {plain(f.fact.source or 'unknown')}")
        for t in suggested.get(f.key, []):
            st.caption(f"#{t.id} [{t.target_lang}, {t.engine}]: {plain(t.marked)} (Translations)")

st.subheader(tr(lang, "Cases", "案例"))
if profile.cases:
    st.table(profile_cases_table(profile, lang), hide_index=True)
else:
    st.caption(tr(lang, "No case recorded.", "未记录案例。"))

with st.expander(tr(lang, "Edit a field", "修改字段"), expanded="profile_result" in st.session_state):
    labels = {f.key: f.label(lang) for f in profile.fields}
    key = st.selectbox(
        tr(lang, "Field", "字段"), list(labels), format_func=labels.__getitem__, key="profile_key"
    )
    current = profile.field(key)
    if current is not None:
        st.caption(tr(lang, "Now: ", "当前：") + plain(current.fact.text(lang)))
    with st.form("profile_edit"):
        st.text_area(tr(lang, "New value (English)", "新内容（中文）"), key="profile_value")
        st.text_input(tr(lang, "Source (required)", "来源（必填）"), key="profile_source")
        st.selectbox(
            tr(lang, "Confidence", "可信度"),
            [None, *CONFIDENCES],
            format_func=lambda c: c or tr(lang, "keep", "不变"),
            key="profile_confidence",
        )
        st.text_input(tr(lang, "Reason (required)", "修改理由（必填）"), key="profile_reason")
        st.form_submit_button(tr(lang, "Save", "保存"), on_click=save_edit, args=(j, lang))
    kind, message = st.session_state.pop("profile_result", ("", ""))
    if kind == "error":
        st.error(message)
    elif kind == "success":
        st.success(message or tr(lang, "Nothing changed.", "没有变化。"))
    st.markdown(f"**{tr(lang, 'History of this field', '该字段的修改记录')}**")
    history = profile_history(database(), j, key)
    if history:
        st.dataframe(profile_history_table(history), hide_index=True)
    else:
        st.caption(tr(lang, "No change recorded.", "无修改记录。"))
st.caption(tr(lang, "⚠ marks a field whose confidence is ", "⚠ 表示可信度为 ") + " / ".join(sorted(DOUBTFUL)))
