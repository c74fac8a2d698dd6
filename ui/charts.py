"""Charts for the pages, in the page's language (Altair, which ships with Streamlit): GIs per list and
status, the deadlines on a timeline, and the origins of GIs on maps drawn from bundled boundaries (the app
has no internet, so no tile basemap). Pure presentation: service results in, Altair charts out."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from agreements.services import AgreementOverview
from config import DATA_DIR, PROJECT_ROOT
from gi_lists.model import GI, STATUSES
from watch.model import Deadline
from wording import annex_name, deadline_state, lang_of, say, status_word
from wording_zh import COUNTRIES

GEO_DIR = DATA_DIR / "geo"
# the world's boundaries are served by Streamlit as a static file (server.enableStaticServing, the
# project's static/ folder): the browser fetches them once instead of every page run sending them along
STATIC_GEO = PROJECT_ROOT / "static" / "geo"
WORLD_URL = "/app/static/geo/countries-110m.json"
STATUS_COLOURS = {
    "protected": "#2e7d32",
    "listed": "#1565c0",
    "pending": "#f9a825",
    "in-objection": "#ef6c00",
    "rejected": "#b71c1c",
    "withdrawn": "#9e9e9e",
    "not-filed": "#cfd8dc",
}
# the text colours of the deadlines table's State column (ui.law_tables.DEADLINE_CSS)
STATE_COLOURS = {
    "overdue": "#b71c1c",
    "due": "#e69500",
    "upcoming": "#78909c",
    "met": "#2e7d32",
    "passed-reported": "#0d47a1",
    "passed-unknown": "#424242",
}
CHINA, TAIWAN = "156", "158"  # ISO 3166-1 numeric ids in the Natural Earth file


def _date_format(lang: str) -> str:
    """Month axes in numbers: Vega would name the months in English."""
    return "%Y年%m月" if lang_of(lang) == "zh" else "%Y-%m"


# ---------------------------------------------------------------------------------------------
# GIs per list, by status
# ---------------------------------------------------------------------------------------------


def list_status_frame(overviews: Sequence[AgreementOverview], lang: str) -> pd.DataFrame:
    """One row per list and status with its count (the overview service's counts)."""
    rows = [
        {
            "list": annex_name(lc.agreement_id, lc.annex, lang),
            "status": status_word(status, lang),
            "order": STATUSES.index(status) if status in STATUSES else len(STATUSES),
            "count": n,
        }
        for ov in overviews
        for lc in ov.lists
        for status, n in lc.by_status.items()
        if n
    ]
    return pd.DataFrame(rows, columns=["list", "status", "order", "count"])


def list_status_chart(overviews: Sequence[AgreementOverview], lang: str) -> alt.Chart:
    """Stacked bars: the GIs of each list, coloured by status."""
    frame = list_status_frame(overviews, lang)
    known = [s for s in STATUSES if status_word(s, lang) in set(frame["status"])]
    lists = list(dict.fromkeys(frame["list"]))
    return (
        alt.Chart(frame, title=say("overview.charts.counts_title", lang))
        .mark_bar()
        .encode(
            y=alt.Y("list:N", title=say("overview.charts.list", lang), sort=lists),
            x=alt.X("sum(count):Q", title=say("overview.charts.count", lang)),
            color=alt.Color(
                "status:N",
                title=say("overview.charts.status", lang),
                scale=alt.Scale(
                    domain=[status_word(s, lang) for s in known], range=[STATUS_COLOURS[s] for s in known]
                ),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("list:N", title=say("overview.charts.list", lang)),
                alt.Tooltip("status:N", title=say("overview.charts.status", lang)),
                alt.Tooltip("count:Q", title=say("overview.charts.count", lang)),
            ],
        )
        .properties(height=alt.Step(26))
    )


# ---------------------------------------------------------------------------------------------
# deadlines on a timeline
# ---------------------------------------------------------------------------------------------


def deadline_frame(items: Sequence[Deadline], today: str, lang: str) -> pd.DataFrame:
    rows = [
        {
            "due": d.due,
            "deadline": d.title(lang),
            "state": deadline_state(d.state(today), lang),
            "key": d.state(today),
        }
        for d in items
    ]
    return pd.DataFrame(rows, columns=["due", "deadline", "state", "key"])


def deadline_chart(items: Sequence[Deadline], today: str, lang: str) -> alt.LayerChart | alt.FacetChart:
    """Each deadline as a point on its date, in its state's colour, with the chosen day marked."""
    frame = deadline_frame(items, today, lang)
    present = [s for s in STATE_COLOURS if s in set(frame["key"])]
    date, deadline = say("deadlines.chart.date", lang), say("deadlines.chart.deadline", lang)
    state = say("deadlines.chart.state", lang)
    order = list(dict.fromkeys(frame.sort_values("due")["deadline"]))
    points = (
        alt.Chart(frame)
        .mark_point(filled=True, size=160, opacity=1)
        .encode(
            x=alt.X("due:T", title=date, axis=alt.Axis(format=_date_format(lang), labelAngle=0)),
            y=alt.Y("deadline:N", title=None, sort=order, axis=alt.Axis(labelLimit=420)),
            color=alt.Color(
                "state:N",
                title=state,
                scale=alt.Scale(
                    domain=[deadline_state(s, lang) for s in present],
                    range=[STATE_COLOURS[s] for s in present],
                ),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("deadline:N", title=deadline),
                alt.Tooltip("due:T", title=date, format="%Y-%m-%d"),
                alt.Tooltip("state:N", title=state),
            ],
        )
    )
    marker = pd.DataFrame([{"day": today, "label": say("deadlines.chart.today", lang)}])
    rule = alt.Chart(marker).mark_rule(color="#b71c1c", strokeDash=[5, 4], size=2).encode(x="day:T")
    label = (
        alt.Chart(marker)
        .mark_text(align="left", dx=4, dy=-6, color="#b71c1c", fontWeight="bold")
        .encode(x="day:T", y=alt.value(0), text="label:N")
    )
    return alt.layer(rule, points, label).properties(
        title=say("deadlines.chart.title", lang), height=alt.Step(34)
    )


# ---------------------------------------------------------------------------------------------
# origins of GIs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origins:
    """How many GIs come from each country (a GI of several counts for each), and China's by province
    (the register's English name; a GI whose region is no province is counted apart)."""

    countries: dict[str, int] = field(default_factory=dict)
    provinces: dict[str, int] = field(default_factory=dict)
    no_province: int = 0


@cache
def provinces() -> dict[str, dict[str, str]]:
    """China's provincial-level divisions: name, Chinese name, capital, lon, lat (data/geo)."""
    with open(GEO_DIR / "china_provinces.csv", encoding="utf-8", newline="") as fh:
        return {row["province"]: row for row in csv.DictReader(fh)}


@cache
def world() -> dict[str, Any]:
    """Natural Earth's countries at 1:110m as TopoJSON (data/geo/SOURCES.md), as the maps draw them."""
    data: dict[str, Any] = json.loads((STATIC_GEO / "countries-110m.json").read_text(encoding="utf-8"))
    return data


@cache
def _drawn_ids() -> frozenset[str]:
    return frozenset(str(g.get("id")) for g in world()["objects"]["countries"]["geometries"] if g.get("id"))


def province_of(region: str | None) -> str | None:
    """The province a Chinese GI's region names ('Henan (inferred from list order)' is Henan)."""
    if not region:
        return None
    for name in sorted(provinces(), key=len, reverse=True):
        if region == name or region.startswith(name + " "):
            return name
    return None


def count_origins(gis: Iterable[GI]) -> Origins:
    countries: Counter[str] = Counter()
    by_province: Counter[str] = Counter()
    missing = 0
    for gi in gis:
        countries.update(gi.origin_countries)
        if "CN" in gi.origin_countries:
            province = province_of(gi.region)
            if province:
                by_province[province] += 1
            else:
                missing += 1
    return Origins(dict(countries), dict(by_province), missing)


def country_name(code: str, lang: str) -> str:
    if lang_of(lang) == "zh":
        return COUNTRIES.get(code, code)
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return str(getattr(found, "common_name", None) or found.name) if found else code


def _numeric(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return str(found.numeric) if found else None


def undrawn(origins: Origins, lang: str) -> list[str]:
    """'Malta (3)': the origins too small for the map's scale, with their counts."""
    return [
        f"{country_name(c, lang)} ({n})"
        for c, n in sorted(origins.countries.items())
        if _numeric(c) not in _drawn_ids()
    ]


def _shapes() -> alt.Data:
    return alt.UrlData(url=WORLD_URL, format=alt.DataFormat(type="topojson", feature="countries"))


def world_chart(origins: Origins, lang: str) -> alt.LayerChart | alt.FacetChart:
    """Countries shaded by how many GIs come from them (log scale: hundreds from Italy, two from Cambodia)."""
    country, count = say("overview.charts.country", lang), say("overview.charts.count", lang)
    counts = pd.DataFrame(
        [
            {"id": _numeric(c), "name": country_name(c, lang), "count": n}
            for c, n in origins.countries.items()
            if _numeric(c)
        ],
        columns=["id", "name", "count"],
    )
    land = alt.Chart(_shapes()).mark_geoshape(fill="#eceff1", stroke="white", strokeWidth=0.5)
    shaded = (
        alt.Chart(_shapes())
        .mark_geoshape(stroke="white", strokeWidth=0.5)
        .transform_lookup(lookup="id", from_=alt.LookupData(counts, "id", ["name", "count"]))
        .transform_filter("isValid(datum.count)")
        .encode(
            color=alt.Color(
                "count:Q",
                title=count,
                scale=alt.Scale(type="log", scheme="blues"),
                legend=alt.Legend(format="d"),
            ),
            tooltip=[alt.Tooltip("name:N", title=country), alt.Tooltip("count:Q", title=count)],
        )
    )
    return (
        alt.layer(land, shaded)
        .transform_filter("datum.id != '010'")  # Antarctica
        .project("equalEarth")
        .properties(title=say("overview.charts.world_title", lang), height=320)
    )


def china_chart(origins: Origins, lang: str) -> alt.LayerChart | alt.FacetChart:
    """China's outline (Natural Earth) with a circle at each province's capital sized by its GIs."""
    province, count = say("overview.charts.province", lang), say("overview.charts.count", lang)
    zh = lang_of(lang) == "zh"
    table = provinces()
    points = pd.DataFrame(
        [
            {
                "name": table[p]["name_zh"] if zh else p,
                "lon": float(table[p]["lon"]),
                "lat": float(table[p]["lat"]),
                "count": n,
            }
            for p, n in sorted(origins.provinces.items())
        ],
        columns=["name", "lon", "lat", "count"],
    )
    outline = (
        alt.Chart(_shapes())
        .mark_geoshape(fill="#eceff1", stroke="#90a4ae", strokeWidth=0.8)
        .transform_filter(f"datum.id == '{CHINA}' || datum.id == '{TAIWAN}'")
    )
    circles = (
        alt.Chart(points)
        .mark_circle(color="#c62828", opacity=0.75, stroke="white", strokeWidth=0.8)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size("count:Q", title=count, scale=alt.Scale(range=[40, 900], zero=False)),
            tooltip=[alt.Tooltip("name:N", title=province), alt.Tooltip("count:Q", title=count)],
        )
    )
    return (
        alt.layer(outline, circles)
        .project("mercator", center=[105, 37.5], scale=330)
        .properties(title=say("overview.charts.china_title", lang), height=320)
    )
