"""Foreign GI law: each jurisdiction's laws, routes, fees, time limits, protection and cases, sourced."""

from collections.abc import Callable

import streamlit as st

from agreements.model import Profile
from agreements.profiles import PROFILE_JURISDICTIONS, edit_profile, get_profile, profile_history
from errors import GIScopeError, StaleWriteError
from translation.profiles import field_suggestions
from ui.accounts import acting_user, editors_only
from ui.cells import confidence_badge, plain, source_line
from ui.law_tables import profile_cases_table, profile_history_table, profile_part
from ui.resources import database
from ui.widgets import page_language
from wording import CONFIDENCES, DOUBTFUL, confidence_word, language_word, say

lang = page_language()
KEEP = "keep"  # the confidence choice that keeps the field's own
st.title(say("profiles.title", lang))
j = st.selectbox(say("profiles.jurisdiction", lang), PROFILE_JURISDICTIONS, key="profile_jurisdiction")


def restore(name: str, options: list[str], label: Callable[[str, str], str]) -> None:
    """After a language switch Streamlit hands back the label chosen in the other language as a keyed
    selectbox's value: put back the option it names (or forget the choice)."""
    s = st.session_state
    if name in s and s[name] not in options:
        found = [o for o in options if s[name] in (label(o, "en"), label(o, "zh"))]
        if found:
            s[name] = found[0]
        else:
            del s[name]


def confidence_label(c: str, lang: str) -> str:
    return say("profiles.keep", lang) if c == KEEP else confidence_word(c, lang)


def restore_choices(profile: Profile) -> None:
    """The field and confidence chosen, as options (whatever the language they were chosen in)."""
    fields = {f.key: f for f in profile.fields}
    restore("profile_key", list(fields), lambda k, in_lang: fields[k].label(in_lang))
    restore("profile_confidence", [KEEP, *CONFIDENCES], confidence_label)


def stale_message(exc: StaleWriteError, lang: str) -> str:
    record, _, field = exc.record.partition(" ")
    return say(
        "stale.profile_field",
        lang,
        record=record,
        field=field,
        who=exc.changed_by or say("stale.someone", lang),
        at=(exc.changed_at or "")[:19].replace("T", " "),
        seen=exc.seen,
        now=exc.now,
    )


def reload_field() -> None:
    """Reload button: the page is drawn again from the database, and what it shows becomes the version
    the next save is checked against."""
    st.session_state["profile_result"] = ("success", say("stale.reloaded", lang))


def save_edit(j: str, lang: str, labels: dict[str, str] | None) -> None:
    """Form callback: runs before the page, so the fields below already show the change. The value is
    written in the page's language (value_en or value_zh)."""
    s = st.session_state
    restore_choices(get_profile(database(), j))
    value = s["profile_value"].strip() or None
    # no value and no source typed: a change of confidence alone (an empty source with a value is refused)
    source = s["profile_source"] if value or s["profile_source"].strip() else None
    try:
        changed = edit_profile(
            database(),
            j,
            s.get("profile_key", ""),
            who=acting_user(),
            reason=s["profile_reason"],
            value_en=value if lang == "en" else None,
            value_zh=value if lang == "zh" else None,
            source=source,
            confidence=None if s["profile_confidence"] == KEEP else s["profile_confidence"],
            keep_confidence=True,  # "keep" keeps the field's confidence
            expected_version=s.get("profile_seen", {}).get(f"{j} {s.get('profile_key', '')}"),
        )
    except StaleWriteError as exc:  # kept: the person's text stays in the form for after the reload
        s["profile_result"] = ("stale", stale_message(exc, lang))
        return
    except GIScopeError as exc:
        s["profile_result"] = ("error", say("profiles.failed", lang, message=exc))
        return
    for part in ("profile_value", "profile_source", "profile_reason"):
        s[part] = ""
    parts = say("profiles.parts_separator", lang).join(profile_part(c, lang) for c in changed)
    field = (labels or {}).get(s["profile_key"], s["profile_key"])
    done = say("profiles.changed", lang, field=field, parts=parts) if changed else ""
    s["profile_result"] = ("success", done)
    if changed:
        s["profile_saved"] = field


profile = get_profile(database(), j)
suggested = field_suggestions(database(), profile.jurisdiction)  # machine renderings to be reviewed

st.header(f"{profile.name(lang)} ({profile.jurisdiction})")
doubtful = [f for f in profile.fields if f.fact.doubtful]
if doubtful:
    st.warning(say("profiles.doubtful", lang, doubtful=len(doubtful), total=len(profile.fields)))
for f in profile.fields:
    with st.container(border=True):
        st.markdown(f"**{f.label(lang)}** {confidence_badge(f.fact.confidence, lang)}")
        st.markdown(plain(f.fact.text(lang)))
        st.caption(source_line(f.fact.source, lang))
        for t in suggested.get(f.key, []):
            st.caption(
                say(
                    "profiles.suggestion",
                    lang,
                    id=t.id,
                    language=language_word(t.target_lang, lang),
                    engine=t.engine,
                    text=plain(t.result),
                )
            )

st.subheader(say("profiles.cases", lang))
if profile.cases:
    st.table(profile_cases_table(profile, lang), hide_index=True)
else:
    st.caption(say("profiles.no_case", lang))


with st.expander(say("profiles.edit", lang), expanded="profile_result" in st.session_state):
    labels = {f.key: f.label(lang) for f in profile.fields}
    restore_choices(profile)
    if st.session_state.get("profile_lang") != lang:  # set again, the browser shows them in this language
        for name in ("profile_key", "profile_confidence"):
            if name in st.session_state:
                st.session_state[name] = st.session_state[name]
        st.session_state["profile_lang"] = lang
    named = labels if lang == "zh" else None  # English names a field by its key, as the CLI does
    field_label = say("profiles.field", lang)
    key = st.selectbox(field_label, list(labels), format_func=labels.__getitem__, key="profile_key")
    current = profile.field(key)
    if current is not None:
        st.caption(say("profiles.now", lang, value=plain(current.fact.text(lang))))
        # the version shown: a save (whose callback runs before the page is drawn again) is refused if
        # someone changed the field after this drawing
        st.session_state["profile_seen"] = {f"{j} {key}": current.version}
    may_edit = editors_only(lang)
    with st.form("profile_edit"):
        st.text_area(say("profiles.new_value", lang), key="profile_value")
        st.text_input(say("profiles.source", lang), key="profile_source")
        st.selectbox(
            say("profiles.confidence", lang),
            [KEEP, *CONFIDENCES],
            format_func=lambda c: confidence_label(c, lang),
            key="profile_confidence",
        )
        st.text_input(say("profiles.reason", lang), key="profile_reason")
        st.form_submit_button(
            say("profiles.save", lang), on_click=save_edit, args=(j, lang, named), disabled=not may_edit
        )
    kind, message = st.session_state.pop("profile_result", ("", ""))
    if kind == "error":
        st.error(message)
    elif kind == "stale":
        st.error(message)
        st.button(say("stale.reload", lang), key="profile_reload", on_click=reload_field)
    elif kind == "success":
        st.success(message or say("profiles.nothing_changed", lang))
    if saved := st.session_state.pop("profile_saved", None):
        st.toast(say("common.speed.saved", lang, what=saved), icon=":material/check_circle:")
    st.markdown(f"**{say('profiles.history', lang)}**")
    history = profile_history(database(), j, key)
    if history:
        st.dataframe(profile_history_table(history, lang, named), hide_index=True)
    else:
        st.caption(say("profiles.no_change", lang))
levels = " / ".join(confidence_word(level, lang) for level in sorted(DOUBTFUL))
st.caption(say("profiles.doubtful_caption", lang, levels=levels))
