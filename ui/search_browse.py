"""The Search page's facets and results table: the register's own values in, choices and a DataFrame in the
page's language out (pure presentation, no streamlit)."""

from __future__ import annotations

import re

import pandas as pd

from gi_lists.search import class_prefixes
from gi_lists.services import Found
from ui.register_tables import protections_summary
from wording import lang_of, origin_text, product_class_word, region_word, say

PAGE_SIZE = 200  # rows per page of the list: enough to scroll and sort, quick to draw
_LATIN = re.compile(r"[A-Za-z]")


def class_families(classes: list[str] | tuple[str, ...]) -> list[str]:
    """The classes a list can be narrowed to: each stored class by its family ('Spirit (Fruit spirit)' ->
    'Spirit'), the shortest part before a bracket that has a Chinese name, else the shortest part."""
    families = set()
    for product_class in classes:
        prefixes = class_prefixes(product_class)
        named = (p for p in prefixes if not _LATIN.search(product_class_word(p, "zh")))
        families.add(next(named, prefixes[0]))
    return sorted(families, key=str.casefold)


def class_label(family: str, lang: str) -> str:
    return product_class_word(family, lang)


def origin_label(country: str, lang: str) -> str:
    """'FR' / '法国（FR）' (the code stays: it is what the table shows in English)."""
    name = origin_text(country, None, lang)
    return country if lang_of(lang) != "zh" or name == country else f"{name}（{country}）"


def region_label(region: str, lang: str) -> str:
    return region_word(region, lang)


def route_label(route: str, lang: str) -> str:
    return say(f"search.browse.route_{route}", lang)


def shown_text(found: Found, lang: str) -> str:
    """'Showing 201–400 of 3,774 GIs.' (or the whole count when every GI is shown)."""
    if found.hits and len(found.gis) == found.total:  # a search: its hits, best first
        return say("search.found_one" if found.total == 1 else "search.found", lang, count=f"{found.total:,}")
    if found.total == 1:
        return say("search.browse.showing_one", lang)
    if len(found.gis) == found.total:
        return say("search.browse.showing_all", lang, total=f"{found.total:,}")
    first, last = found.offset + 1, found.offset + len(found.gis)
    return say("search.browse.showing", lang, first=f"{first:,}", last=f"{last:,}", total=f"{found.total:,}")


def results_table(found: Found, lang: str) -> pd.DataFrame:
    """One row per GI shown: id, name, (the name as written that matched), class, origin, its protections
    with their routes, (the match score)."""
    hits = found.hits or (None,) * len(found.gis)
    rows = []
    for gi, hit in zip(found.gis, hits, strict=True):
        row: dict[str, object] = {
            say("search.col_id", lang): gi.id,
            say("search.col_name", lang): gi.display_name,
        }
        if hit is not None:
            row[say("search.col_matched", lang)] = hit.matched_name or hit.matched_form
        row[say("search.col_class", lang)] = product_class_word(gi.product_class, lang)
        row[say("search.col_origin", lang)] = origin_text(gi.origin, None, lang).replace(";", ", ")
        row[say("search.col_protections", lang)] = protections_summary(gi, lang)
        if hit is not None:
            row[say("search.col_score", lang)] = hit.score
        rows.append(row)
    return pd.DataFrame(rows)
