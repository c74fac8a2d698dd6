"""Who is using the UI: the sidebar's sign-in, the session cookie that keeps it across reloads, and what
a page asks before showing its write controls.

While the register has no account, everyone may edit (single-user mode) and the sidebar says so. Once
accounts exist, viewing needs none (unless GISCOPE_REQUIRE_LOGIN=1) and editing needs an editor signed in;
the services check again whatever a page shows.

The session cookie holds a random id (the register keeps only its hash, accounts.services); it is written
by a script on the page (SameSite=Strict), so it cannot be HttpOnly: a script injected into the page could
read it. Streamlit reads cookies when the browser connects, so a reload signs back in.
"""

from __future__ import annotations

import json

import streamlit as st

from accounts.model import Account
from accounts.services import SESSION_DAYS, end_session, session_account, sign_in, single_user, start_session
from config import Settings
from errors import GIScopeError
from phrases import message_text
from ui.language import page_language
from ui.resources import database
from wording import say

COOKIE = "giscope_session"
ACCOUNT_KEY = "account"  # the signed-in Account (or None once signed out)
SID_KEY = "account_sid"
COOKIE_KEY = "account_cookie"  # a session id to give the browser in this run ("" to make it forget)
NOBODY = "(not signed in)"  # `who` for a visitor: no account can have this name, so every write is refused


def _set_cookie(value: str, max_age: int) -> None:
    cookie = f"{COOKIE}={value}; path=/; max-age={max_age}; SameSite=Strict"
    if st.context.url and st.context.url.startswith("https:"):
        cookie += "; Secure"
    st.html(f"<script>document.cookie = {json.dumps(cookie)};</script>", unsafe_allow_javascript=True)


def _cookie() -> str | None:
    """The session id the browser sent when it connected, if any."""
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this run (a bare or headless script)
        return None
    return value if isinstance(value, str) and value else None


def signed_in() -> Account | None:
    """The account signed in in this session: from the session, else from the browser's session cookie."""
    s = st.session_state
    if ACCOUNT_KEY not in s:
        sid = _cookie()
        account = session_account(database(), sid) if sid else None
        s[ACCOUNT_KEY] = account
        s[SID_KEY] = sid if account else None
    elif s.get(SID_KEY):  # asked again each time: an account disabled or signed out elsewhere ends here too
        s[ACCOUNT_KEY] = session_account(database(), s[SID_KEY])
        if s[ACCOUNT_KEY] is None:
            s[SID_KEY] = None
    account = s[ACCOUNT_KEY]
    return account if isinstance(account, Account) else None


def acting_user() -> str:
    """The name the page's writes are recorded under: the signed-in account; in single-user mode
    GISCOPE_USER (or the login name); else nobody the services would let write."""
    account = signed_in()
    if account is not None:
        return account.name
    return Settings.from_env().user if single_user(database()) else NOBODY


def can_edit() -> bool:
    """Show write controls: anyone in single-user mode, else a signed-in editor or admin."""
    if single_user(database()):
        return True
    account = signed_in()
    return account is not None and account.may("editor")


def editors_only(lang: str) -> bool:
    """For a page's write controls: True when they may be shown; else a note says who may edit."""
    if can_edit():
        return True
    st.info(say("accounts.editors_only", lang))
    return False


def _sign_in_form(where: st.delta_generator.DeltaGenerator, lang: str) -> None:
    with where.form("sign_in", clear_on_submit=True):
        name = st.text_input(say("accounts.name", lang), key="sign_in_name")
        password = st.text_input(say("accounts.password", lang), type="password", key="sign_in_password")
        submitted = st.form_submit_button(say("accounts.sign_in", lang))
    if not submitted:
        return
    db = database()
    try:
        account = sign_in(db, name.strip(), password)
    except GIScopeError as exc:
        where.error(message_text(str(exc), lang))
        return
    sid = start_session(db, account.name)
    st.session_state[ACCOUNT_KEY] = account
    st.session_state[SID_KEY] = sid
    st.session_state[COOKIE_KEY] = sid  # written into the browser by the next run (a rerun drops this one's)
    st.rerun()


def _sign_out() -> None:
    end_session(database(), st.session_state.get(SID_KEY))
    st.session_state[ACCOUNT_KEY] = None
    st.session_state[SID_KEY] = None
    st.session_state[COOKIE_KEY] = ""


def sidebar(lang: str | None = None) -> None:
    """The sidebar's account box, drawn by the router on every page."""
    lang = lang or page_language()
    box = st.sidebar.container()
    if single_user(database()):
        box.caption(say("accounts.single_user", lang, command="giscope user add"))
        return
    cookie = st.session_state.pop(COOKIE_KEY, None)
    if cookie is not None:  # signed in (the new session's id) or out (the browser forgets it)
        _set_cookie(cookie, SESSION_DAYS * 24 * 3600 if cookie else 0)
    account = signed_in()
    if account is None:
        if not Settings.from_env().require_login:  # else require_login draws the form on the page
            _sign_in_form(box, lang)
        return
    role = say(f"accounts.role.{account.role}", lang)
    box.caption(say("accounts.signed_in_as", lang, name=account.name, role=role))
    box.button(say("accounts.sign_out", lang), key="sign_out", on_click=_sign_out)


def require_login(lang: str | None = None) -> None:
    """With GISCOPE_REQUIRE_LOGIN=1, stop every page until someone signs in (the sign-in form instead)."""
    if not Settings.from_env().require_login or signed_in() is not None:
        return
    lang = lang or page_language()
    st.title(say("accounts.required_title", lang))
    if single_user(database()):
        st.warning(
            say(
                "accounts.required_no_accounts",
                lang,
                command="giscope user add NAME",
                setting="GISCOPE_REQUIRE_LOGIN",
            )
        )
    else:
        st.info(say("accounts.required", lang))
        _sign_in_form(st.container(), lang)
    st.stop()
