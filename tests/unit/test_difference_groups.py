"""Key differences first: the one classification the comparison brief and the Compare page share
(compare.scope.difference_groups): key (among the agreements, then from the TRIPS baseline only), other
(stated apart, one side unconfirmed), unknown only (a side's position unknown), the same."""

from agreements.model import ScopeDimension, ScopeValue
from compare.scope import compare_scope, difference_groups, unknown_sides

UNKNOWN = ScopeValue("unknown", "不详", "unknown", None, None, "unconfirmed")


def v(text: str, confidence: str = "high") -> ScopeValue:
    return ScopeValue(text, text, "Art. 1", None, "src", confidence)


DIMS = [
    ScopeDimension("same", "Same", "同", {"x": v("yes"), "y": v("Yes."), "z": v("yes")}),
    ScopeDimension("unknown_z", "Unknown Z", "丙不详", {"x": v("yes"), "y": v("yes"), "z": UNKNOWN}),
    ScopeDimension(
        "baseline", "Baseline", "基准", {"x": v("yes"), "y": v("yes"), "z": v("yes"), "trips": v("no")}
    ),
    ScopeDimension("among", "Among", "之间", {"x": v("yes"), "y": v("no"), "z": UNKNOWN}),
    ScopeDimension("unconfirmed", "Unconfirmed", "未证实", {"x": v("yes"), "y": v("no", "unconfirmed")}),
    ScopeDimension("all_unknown", "All unknown", "皆不详", {"x": UNKNOWN, "y": UNKNOWN, "z": UNKNOWN}),
    ScopeDimension("among_2", "Among 2", "之间二", {"x": v("a"), "y": v("a"), "z": v("b"), "trips": v("a")}),
]


def keys(dims) -> list[str]:
    return [d.dimension.key for d in dims]


def test_each_dimension_is_key_other_unknown_only_or_the_same():
    groups = difference_groups(compare_scope(DIMS, ["x", "y", "z"], include_trips=True))
    assert keys(groups.among) == ["among", "among_2"]
    assert keys(groups.from_baseline) == ["baseline"]
    assert keys(groups.key) == ["among", "among_2", "baseline"]  # the brief's order: among, then baseline
    assert keys(groups.other) == ["unconfirmed"]
    assert keys(groups.unknown_only) == ["unknown_z", "all_unknown"]
    assert keys(groups.same) == ["same"]
    assert [groups.kind_of(d.key) for d in DIMS] == [
        "same", "unknown-only", "key", "key", "other", "unknown-only", "key"
    ]  # fmt: skip


def test_a_known_contrast_is_key_even_where_a_third_side_is_unknown():
    groups = difference_groups(compare_scope(DIMS, ["x", "y", "z"], include_trips=True))
    among = next(d for d in groups.among if d.dimension.key == "among")
    assert unknown_sides(among) == ["z"]
    assert [(p.a, p.b) for p in among.contrasts] == [("x", "y")]


def test_unknown_sides_name_the_agreements_never_the_baseline():
    groups = difference_groups(compare_scope(DIMS, ["x", "y"], include_trips=True))
    assert keys(groups.unknown_only) == ["all_unknown"]  # the baseline has no value there, and is not named
    assert [unknown_sides(d) for d in groups.unknown_only] == [["x", "y"]]
    assert "unknown_z" in keys(groups.same)  # z is not compared: x and y agree


def test_without_the_baseline_a_baseline_contrast_is_not_key():
    groups = difference_groups(compare_scope(DIMS, ["x", "y", "z"]))
    assert keys(groups.from_baseline) == []
    assert "baseline" in keys(groups.same)
