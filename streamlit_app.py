"""GIScope's Streamlit entry point: page config and routing only; each screen is in app_pages/."""

import streamlit as st

st.set_page_config(page_title="GIScope", layout="wide")

pg = st.navigation(
    {
        "Register": [
            st.Page("app_pages/overview.py", title="Agreements", default=True),
            st.Page("app_pages/search.py", title="Search"),
            st.Page("app_pages/gi.py", title="GI record"),
            st.Page("app_pages/lists.py", title="Import and export"),
            st.Page("app_pages/translations.py", title="Translations"),
        ],
        "Screening": [
            st.Page("app_pages/screen.py", title="Screen labels"),
            st.Page("app_pages/scan.py", title="Scan a proposed list"),
            # not watch.py: it would shadow the `watch` package (as compare.py would `compare`)
            st.Page("app_pages/trademark_watch.py", title="Trademark watch", url_path="watch"),
        ],
        "Agreements and law": [
            # not compare.py: a page script beside the `compare` package would shadow it where the
            # script folder is put first on sys.path (AppTest does)
            st.Page("app_pages/comparison.py", title="Compare agreements", url_path="compare"),
            st.Page("app_pages/profiles.py", title="Foreign GI law"),
            st.Page("app_pages/deadlines.py", title="Deadlines and alerts"),
        ],
        "Briefings": [
            st.Page("app_pages/briefs.py", title="Briefings"),
        ],
    }
)
pg.run()
