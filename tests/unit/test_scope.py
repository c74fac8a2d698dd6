import pytest

from agreements.model import ScopeDimension, ScopeValue
from compare.scope import compare_scope
from watch.model import Deadline


def v(text: str, article: str = "Art. 1") -> ScopeValue:
    return ScopeValue(text, text, article, None, "src", "high")


DIMS = [
    ScopeDimension("a", "A", "甲", {"x": v("yes"), "y": v("Yes."), "trips": v("no")}),
    ScopeDimension("b", "B", "乙", {"x": v("yes"), "y": v("no")}),
]


def test_differs_compares_the_agreements_not_the_baseline():
    c = compare_scope(DIMS, ["x", "y"], include_trips=True)
    assert c.agreements == ("x", "y", "trips")
    assert [d.differs for d in c.dimensions] == [False, True]
    assert [d.dimension.key for d in c.differing] == ["b"]


def test_a_missing_value_is_unknown_not_invented():
    c = compare_scope(DIMS, ["x", "y"], include_trips=True)
    missing = c.dimensions[1].values["trips"]
    assert (missing.value_en, missing.article, missing.confidence) == ("unknown", "unknown", "unconfirmed")


def test_json_shape_follows_the_contract():
    data = compare_scope(DIMS, ["x", "y"]).to_dict("zh")
    assert data["agreements"] == ["x", "y"]
    d = data["dimensions"][0]
    assert set(d) == {"key", "label", "differs", "key_difference", "pairs", "values"} and d["label"] == "甲"
    assert set(d["values"]["x"]) == {"value", "article", "note", "source", "confidence"}
    assert d["pairs"] == [{"a": "x", "b": "y", "state": "same", "open": []}]


def test_deadline_states():
    d = Deadline("k", "processing", "t", "t", "2025-03-01")
    assert d.state("2026-11-27") == "overdue"
    assert d.state("2025-02-15") == "due"
    assert d.state("2024-01-01") == "upcoming"
    met = Deadline("k", "processing", "t", "t", "2025-03-01", outcome_status="met")
    assert met.state("2026-11-27") == "met"


@pytest.mark.parametrize(
    ("outcome", "past", "before"),
    [
        (None, "overdue", "due"),
        ("missed", "overdue", "due"),
        ("met", "met", "met"),
        ("reported", "passed-reported", "due"),
        ("unknown", "passed-unknown", "due"),
    ],
)
def test_a_past_deadline_is_overdue_only_without_an_outcome(outcome, past, before):
    d = Deadline("k", "processing", "t", "t", "2025-03-01", outcome_status=outcome)
    assert d.state("2026-11-27") == past
    assert d.state("2025-02-15") == before


def test_passed_states_are_worded_in_english_and_chinese():
    reported = Deadline("k", "processing", "t", "t", "2025-03-01", outcome_status="reported").to_dict(
        "2026-01-01"
    )
    assert reported["state"] == "passed-reported"
    assert reported["state_text"] == "passed — outcome reported (unverified)"
    assert reported["state_text_zh"] == "已过期——结果有报道（未经证实）"
    unknown = Deadline("k", "review", "t", "t", "2025-03-01", outcome_status="unknown").to_dict("2026-01-01")
    assert (unknown["state_text"], unknown["state_text_zh"]) == (
        "passed — outcome unknown",
        "已过期——结果不详",
    )


UNKNOWN = ScopeValue("unknown", "不详", "unknown", None, "not found", "unconfirmed")


def test_a_side_whose_position_is_unknown_is_no_difference():
    dims = [
        ScopeDimension(
            "stated", "S", "S", {"x": v("Art. 23-level for all products"), "y": v("Art. 22 only")}
        ),
        ScopeDimension("gap", "G", "G", {"x": v("yes"), "y": UNKNOWN}),
    ]
    c = compare_scope(dims, ["x", "y"])
    assert [d.dimension.key for d in c.differing] == ["stated"]
    assert [d.dimension.key for d in c.key_differences] == ["stated"]
    gap = c.dimensions[1].pairs[0]
    assert (gap.state, gap.open_sides) == ("unknown", ("y",))


def test_an_unknown_third_column_does_not_hide_a_contrast_with_the_baseline():
    dims = [
        ScopeDimension(
            "level",
            "L",
            "L",
            {"x": v("Art. 23-level for all goods"), "y": UNKNOWN, "trips": v("Art. 23 for wines only")},
        )
    ]
    c = compare_scope(dims, ["x", "y"], include_trips=True)
    d = c.dimensions[0]
    assert [(p.a, p.b, p.state) for p in d.pairs] == [
        ("x", "y", "unknown"),
        ("x", "trips", "differs"),
        ("y", "trips", "unknown"),
    ]
    assert d.key_difference and not d.differs  # a difference from the baseline, not between x and y
    assert [(p.a, p.b) for p in d.contrasts] == [("x", "trips")]
    assert d.columns_in("unknown") == ["y"]


def test_an_unconfirmed_position_is_its_own_state_and_not_a_contrast():
    doubtful = ScopeValue(
        "names may not become generic", "不得通用化", "unknown", None, "blog", "unconfirmed"
    )
    sourced_no_article = ScopeValue("a protocol, not a treaty", "议定书", "unknown", None, "INAO", "medium")
    dims = [
        ScopeDimension("generic", "G", "G", {"x": doubtful, "y": UNKNOWN, "trips": v("Art. 24.6 exception")}),
        ScopeDimension("form", "F", "F", {"x": v("treaty"), "y": sourced_no_article}),
    ]
    c = compare_scope(dims, ["x", "y"], include_trips=True)
    generic, form = c.dimensions
    assert not generic.key_difference
    assert generic.pairs[1].state == "unconfirmed" and generic.pairs[1].open_sides == ("x",)
    assert form.differs  # a sourced position counts even where its article is not known


def test_values_worded_apart_with_one_stance_are_the_same_and_other_stances_differ():
    def stance(text: str, key: str | None) -> ScopeValue:
        return ScopeValue(text, text, "Art. 4", None, "src", "high", stance=key)

    dims = [
        ScopeDimension(
            "evocation",
            "E",
            "E",
            {
                "x": stance("No express evocation limb in Art. 4(1)", "none"),
                "y": stance("Evocation is covered (Art. 26(1)(b))", "express"),
                "trips": stance("No express evocation rule in Arts. 22-24.", "none"),
            },
        )
    ]
    d = compare_scope(dims, ["x", "y"], include_trips=True).dimensions[0]
    assert [(p.a, p.b, p.state) for p in d.pairs] == [
        ("x", "y", "differs"),
        ("x", "trips", "same"),
        ("y", "trips", "differs"),
    ]


def test_the_bundled_evocation_positions_of_china_eu_and_trips_are_the_same():
    from agreements.services import load_bundled_scope

    dims = [d for d in load_bundled_scope() if d.key == "evocation"]
    d = compare_scope(dims, ["china-eu"], include_trips=True).dimensions[0]
    assert [(p.a, p.b, p.state) for p in d.pairs] == [("china-eu", "trips", "same")]
