"""A GI typed by a person, found as Search finds it: the one way the GI record and the dispute-brief form
open a GI by id, name, partial name or close spelling (gi_lists.services.lookup_gi), with what they say
about it in the page's language."""

from __future__ import annotations

import streamlit as st

from errors import RegisterError
from gi_lists.model import GI
from gi_lists.services import lookup_gi
from phrases import message_text
from storage.db import Database
from ui.cells import plain
from wording import origin_text, product_class_word, say


def gi_choice(gi: GI, lang: str) -> str:
    """'Toscano · Olive oil · IT (it-toscano-2)' / 'Toscano · 橄榄油 · 意大利（it-toscano-2）'."""
    where = origin_text(gi.origin, None, lang)
    return f"{gi.display_name} · {product_class_word(gi.product_class, lang)} · {where} ({gi.id})"


def find_gi(db: Database, ref: str, lang: str, *, key: str) -> tuple[GI | None, bool]:
    """The GI `ref` names, saying how it was found: a closest match is named as such; homonyms and
    several close matches are offered in a radio (`key`) to choose from; nothing found is one error.
    Returns the GI (None when there is nothing to show) and whether it is the user's choice among
    several."""
    try:
        found = lookup_gi(db, ref)
    except RegisterError as exc:
        st.error(message_text(str(exc), lang))
        return None, False
    if not found.gis:
        st.error(say("gi.record.none", lang, ref=plain(found.ref)))
        return None, False
    if found.chosen is not None:
        if not found.exact:
            gi = found.chosen
            st.info(
                say("gi.record.closest", lang, ref=plain(found.ref), name=plain(gi.display_name), id=gi.id)
            )
        return found.chosen, False
    if found.exact:  # a homonym: Toscano the wine and Toscano the olive oil
        st.warning(say("gi.homonyms", lang, ref=found.ref, count=len(found.gis)))
    else:
        st.warning(say("gi.record.several", lang, ref=plain(found.ref), count=len(found.gis)))
    by_id = {g.id: g for g in found.gis}
    if st.session_state.get(key) not in by_id:  # a choice made among the matches of another text
        st.session_state.pop(key, None)
    chosen = st.radio(
        say("gi.homonym", lang), list(by_id), format_func=lambda i: gi_choice(by_id[i], lang), key=key
    )
    return by_id[chosen], True
