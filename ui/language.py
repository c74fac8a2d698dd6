"""The session's language: the sidebar's 中文 / English switch, what a page reads of it, and Streamlit's own
English words drawn in Chinese."""

from __future__ import annotations

import streamlit as st

from config import Settings
from wording import say

LANGUAGES = {"en": "English", "zh": "中文"}
LANG_KEY = "lang"  # the session's language, set by the sidebar switch (app_language)
CHOSEN_KEY = "lang_chosen"  # a copy kept outside the widget: st.switch_page clears every widget's state


def page_language() -> str:
    """The session's language ('en' or 'zh'): the sidebar switch, or GISCOPE_LANG before it is drawn."""
    lang = st.session_state.get(LANG_KEY) or Settings.from_env().lang
    return "zh" if lang == "zh" else "en"


def app_language() -> str:
    """The sidebar's 中文 / English switch, drawn by the router on every page; remembered for the session."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = st.session_state.get(CHOSEN_KEY) or Settings.from_env().lang
    choice = st.sidebar.radio(
        "Language · 语言",
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=LANG_KEY,
        horizontal=True,
        persist_state="session",
    )
    st.session_state[CHOSEN_KEY] = choice
    return "zh" if choice == "zh" else "en"


# Streamlit writes its file uploader's button and limit in English: in Chinese, CSS draws them anew.
_CHINESE_CHROME = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "%(upload)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "%(limit)s"; font-size: 0.875rem; }
</style>"""


def chinese_chrome() -> None:
    """Streamlit's own English words (the uploader's) in Chinese; drawn by the router on Chinese pages."""
    st.html(_CHINESE_CHROME % {"upload": say("app.upload", "zh"), "limit": say("app.upload_limit", "zh")})


def relabel(*keys: str) -> None:
    """Keep the choices of these widgets (select boxes, multiselects, radios whose options are shown in the
    page's language) across a language switch. The browser holds a choice as the words it was shown in;
    after a switch, the next click sends those old words back, which match no option in the new language,
    and the choice is lost (Compare's agreements emptied). Setting each value again in the first run in the
    new language makes Streamlit send it to the browser in the new words. Call before drawing the widgets;
    they take their first value from the session (setdefault), not from `default=`/`index=`."""
    lang = page_language()
    for key in keys:
        marker = f"_relabel_lang_{key}"
        if st.session_state.get(marker, lang) != lang and key in st.session_state:
            st.session_state[key] = st.session_state[key]
        st.session_state[marker] = lang
