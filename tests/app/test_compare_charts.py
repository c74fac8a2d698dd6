"""Compare leads with key differences (the comparison brief's own groups), shows the dimensions unknown on
one side apart, and builds the PDF only when asked for; the overview and the deadlines page draw charts."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import reports.render
from compare.scope import difference_groups
from compare.services import compare_agreements
from storage.db import Database
from tests.app.conftest import ok
from wording import STATUS_WORDS

ROOT = Path(__file__).resolve().parents[2]
COMPARE = "app_pages/comparison.py"
OVERVIEW = "app_pages/overview.py"
DEADLINES = "app_pages/deadlines.py"
THREE = ["china-eu", "china-france", "china-thailand"]
TIMEOUT = 60


def run(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    return ok(at.run())


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PDF the page renders (the brief's title), counted through reports.render.render."""
    st.cache_data.clear()
    calls: list[str] = []
    real = reports.render.render

    def counted(briefing, *args, **kwargs):
        calls.append(briefing.title)
        return real(briefing, *args, **kwargs)

    monkeypatch.setattr(reports.render, "render", counted)
    yield calls
    st.cache_data.clear()


# --- Compare ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_compare_leads_with_the_key_differences_in_the_briefs_order(register, lang):
    at = run(COMPARE, lang)
    groups = difference_groups(compare_agreements(Database(register), THREE, include_trips=True))
    among, baseline = at.table[0].value, at.table[1].value
    assert list(among.index) == [d.dimension.label(lang) for d in groups.among]
    assert list(baseline.index) == [d.dimension.label(lang) for d in groups.from_baseline]
    headings = [s.value for s in at.subheader]
    key, unknown = ("Key differences", "Unknown on one side") if lang == "en" else ("主要差异", "一方不详")
    assert headings.index(key) < headings.index(unknown)
    count = next(
        m.value for m in at.markdown if str(len(groups.key)) in m.value and str(len(groups.same)) in m.value
    )
    if lang == "en":
        assert f"**{len(groups.key)} key differences**" in count
        assert f"{len(groups.unknown_only)} unknown on one side" in count
    else:
        assert (
            f"**主要差异{len(groups.key)}项**" in count and f"一方不详{len(groups.unknown_only)}项" in count
        )


def test_dimensions_unknown_on_one_side_are_shown_apart_and_labelled(register):
    at = run(COMPARE)
    groups = difference_groups(compare_agreements(Database(register), THREE, include_trips=True))
    unknown = at.table[-1 if not groups.same else -2].value
    assert list(unknown.index) == [d.dimension.label("en") for d in groups.unknown_only]
    assert all("not a known difference" in why for why in unknown["Why here"])
    assert "unknown for China–France, China–Thailand: not a known difference" in set(unknown["Why here"])
    key_rows = {label for t in at.table[:2] for label in t.value.index}
    assert not key_rows & set(unknown.index)


def test_the_pdf_is_built_only_when_asked_for(register, renders):
    at = run(COMPARE)
    at.checkbox(key="compare_trips").check().run()
    at.toggle(key="compare_only_diff").set_value(True).run()
    assert renders == [] and not at.get("download_button")
    prepare = next(b for b in at.button if b.label == "Prepare the PDF")
    prepare.click().run()
    ok(at)
    assert len(renders) == 1 and "China–EU" in renders[0]
    download = at.get("download_button")
    assert [b.label for b in download] == ["Download comparison brief (PDF)"]
    assert not [b for b in at.button if b.label == "Prepare the PDF"]
    at.multiselect(key="compare_ids").set_value(["china-eu", "china-france"]).run()
    assert len(renders) == 1 and not ok(at).get("download_button")  # another choice: prepare again


# --- Charts -------------------------------------------------------------------------------------


def charts(at: AppTest) -> list[dict]:
    """The Vega-Lite specs of the page's Altair charts, each with its data sets (Streamlit sends a
    DataFrame apart from the spec, as Arrow) as lists of rows under "datasets"."""
    import json

    import pyarrow as pa

    specs = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        spec["datasets"] = {
            ds.name: pa.ipc.open_stream(ds.data.data).read_pandas().to_dict("records")
            for ds in chart.proto.datasets
        }
        specs.append(spec)
    return specs


def spec_text(spec: dict) -> str:
    import json

    return json.dumps(spec, ensure_ascii=False, default=str)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_draws_gis_per_list_by_status_and_the_origins_maps(register, lang):
    at = run(OVERVIEW, lang)
    specs = charts(at)
    assert len(specs) == 3  # lists by status, countries, Chinese provinces
    bars, world, china = (spec_text(s) for s in specs)
    if lang == "en":
        assert "GIs per list, by status" in bars and "China–EU IV" in bars and "protected" in bars
        assert "GIs by country of origin" in world and "Italy" in world
        assert "Chinese GIs by province" in china and "Sichuan" in china
    else:
        assert "各清单的地理标志数量（按状态）" in bars and "中欧协定附录四" in bars and "受保护" in bars
        assert "意大利" in world and "四川" in china
        statuses = {r["status"] for rows in specs[0]["datasets"].values() for r in rows}
        assert statuses and statuses <= set(STATUS_WORDS["zh"].values())  # status words in Chinese
    assert "topojson" in world and "equalEarth" in world  # bundled boundaries, no tiles


def test_overview_counts_in_the_chart_come_from_the_overview_service(register):
    from agreements.services import overview

    at = run(OVERVIEW)
    bars = charts(at)[0]
    rows = next(iter(bars["datasets"].values()))
    eu_iv = sum(r["count"] for r in rows if r["list"] == "China–EU IV")
    expected = next(lc.total for ov in overview(Database(register)) for lc in ov.lists if lc.annex == "IV")
    assert eu_iv == expected > 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deadlines_page_draws_the_timeline_with_today_marked(register, lang):
    at = run(DEADLINES, lang)
    (spec,) = charts(at)
    text = spec_text(spec)
    assert ("Today" if lang == "en" else "今天") in text
    assert any(layer.get("mark", {}).get("type") == "rule" for layer in spec["layer"])
    datasets = list(spec["datasets"].values())
    points = next(rows for rows in datasets if rows and "deadline" in rows[0])
    assert len(points) == len(at.table[0].value)  # one point per deadline in the table
    if lang == "zh":
        assert "%Y年%m月" in text and "upcoming" not in {r["state"] for r in points}
