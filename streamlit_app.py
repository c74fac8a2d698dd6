"""GIScope's Streamlit entry point: page config, the language switch and routing only; each screen is in
app_pages/."""

import streamlit as st

from ui.accounts import require_login, sidebar
from ui.language import app_language, chinese_chrome
from ui.layout import narrow_screens
from ui.resources import start_warm_up
from wording import say

st.set_page_config(layout="wide")
lang = app_language()
if lang == "zh":
    chinese_chrome()
narrow_screens()
sidebar(lang)  # the account box: sign in and out, or the single-user notice
require_login(lang)  # GISCOPE_REQUIRE_LOGIN=1: nothing but the sign-in form until someone signs in


def page(script: str, key: str, **options: object) -> st.Page:
    return st.Page(script, title=say(f"nav.{key}", lang), **options)  # type: ignore[arg-type]


pg = st.navigation(
    {
        say("nav.register", lang): [
            page("app_pages/overview.py", "overview", default=True),
            page("app_pages/search.py", "search"),
            page("app_pages/gi.py", "gi"),
            page("app_pages/lists.py", "lists"),
            page("app_pages/translations.py", "translations"),
        ],
        say("nav.screening", lang): [
            page("app_pages/screen.py", "screen"),
            page("app_pages/scan.py", "scan"),
            # not watch.py: it would shadow the `watch` package (as compare.py would `compare`)
            page("app_pages/trademark_watch.py", "watch", url_path="watch"),
        ],
        say("nav.law", lang): [
            # not compare.py: a page script beside the `compare` package would shadow it where the
            # script folder is put first on sys.path (AppTest does)
            page("app_pages/comparison.py", "compare", url_path="compare"),
            page("app_pages/profiles.py", "profiles"),
            page("app_pages/deadlines.py", "deadlines"),
        ],
        say("nav.briefings", lang): [
            page("app_pages/briefs.py", "briefs"),
        ],
    }
)
# the browser tab: the page's name · GIScope, in the page's language (a page may name itself, as the GI
# record does with the GI's name)
st.set_page_config(page_title=say("common.speed.tab_title", lang, page=pg.title))
pg.run()
# once per server process, after the first page is drawn: the name index, the modules and fonts the other
# pages need, so that their first visit does not wait for them
start_warm_up()
