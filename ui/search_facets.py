"""The Search page's facets: a select box per fact the register holds (protected in, agreement, annex, route,
status, confidence, class, origin and region), 'any' first, each kept for the session (persist_state: back
from a record, the list is as it was)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from gi_lists.model import JURISDICTIONS
from gi_lists.services import FacetValues, Filters
from ui import search_browse as sb
from wording import agreement_name, annex_code, confidence_word, jurisdiction_name, lang_of, say, status_word

ANY = "any"


def facet(
    column: Any,
    label: str,
    values: Sequence[str],
    key: str,
    label_of: Callable[[str], str],
    lang: str,
    relabel: bool = False,
    **options: Any,
) -> str | None:
    """A select box of the register's values for one facet, 'any' first; None for 'any'. After a switch of
    language (`relabel`) its value is set again: the box would go on showing the old language's word."""
    if st.session_state.get(key, ANY) not in (ANY, *values):  # a value the register (or agreement) lacks
        st.session_state[key] = ANY
    elif relabel and key in st.session_state:
        st.session_state[key] = st.session_state[key]  # the box shows its choice in the new language
    chosen = column.selectbox(
        label,
        [ANY, *values],
        key=key,
        format_func=lambda v: say("search.any", lang) if v == ANY else label_of(v),
        persist_state="session",
        **options,
    )
    return None if chosen == ANY else chosen


def facet_filters(values: FacetValues, lang: str) -> Filters:
    """Two rows of facets; the Filters they choose."""
    zh = lang_of(lang) == "zh"
    relabel = st.session_state.get("search_facets_lang", lang) != lang
    st.session_state["search_facets_lang"] = lang
    cols = st.columns(4)
    jurisdiction = facet(
        cols[0],
        say("search.protected_in", lang),
        JURISDICTIONS,
        "search_jurisdiction",
        lambda j: jurisdiction_name(j, lang) if zh else j,
        lang,
        relabel,
        help=say("search.protected_in_help", lang),
    )
    agreement = facet(
        cols[1],
        say("search.agreement", lang),
        list(values.annexes),
        "search_agreement",
        lambda a: agreement_name(a, lang),
        lang,
        relabel,
    )
    annexes = values.annexes.get(agreement or "", ())
    annex = facet(
        cols[2],
        say("search.browse.annex", lang),
        annexes,
        "search_annex",
        lambda a: annex_code(a, lang),
        lang,
        relabel,
        disabled=not annexes,
        help=say("search.browse.annex_help", lang),
    )
    route = facet(
        cols[3],
        say("search.browse.route", lang),
        values.routes,
        "search_route",
        lambda r: sb.route_label(r, lang),
        lang,
        relabel,
    )
    cols = st.columns(4)
    status = facet(
        cols[0],
        say("search.status", lang),
        values.statuses,
        "search_status",
        lambda s: status_word(s, lang),
        lang,
        relabel,
    )
    confidence = facet(
        cols[1],
        say("search.browse.confidence", lang),
        values.confidences,
        "search_confidence",
        lambda c: confidence_word(c, lang),
        lang,
        relabel,
        help=say("search.browse.confidence_help", lang),
    )
    families = sb.class_families(values.product_classes)
    product_class = facet(
        cols[2],
        say("search.browse.product_class", lang),
        families,
        "search_class",
        lambda c: sb.class_label(c, lang),
        lang,
        relabel,
    )
    origin_column, region_column = cols[3].columns(2) if values.origins else (cols[3], cols[3])
    origin = facet(
        origin_column,
        say("search.browse.origin", lang),
        list(values.origins),
        "search_origin",
        lambda o: sb.origin_label(o, lang),
        lang,
        relabel,
    )
    regions = values.origins.get(origin or "", ())
    region = facet(
        region_column,
        say("search.browse.region", lang),
        regions,
        "search_region",
        lambda r: sb.region_label(r, lang),
        lang,
        relabel,
        disabled=not regions,
    )
    return Filters(
        jurisdiction=jurisdiction,
        agreement=agreement,
        annex=annex if annex in annexes else None,
        product_class=product_class,
        origin=region if region in regions else origin,
        status=status,
        route=route,
        confidence=confidence,
    )
