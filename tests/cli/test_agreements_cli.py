"""giscope compare, profile, deadlines and alerts through the real console script."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import Shared, as_json, clean_error, copy_database, giscope, ok, write_csv


def test_compare_json_follows_the_contract(shared: Shared) -> None:
    data = as_json(giscope("compare", "china-eu", "china-france", "china-thailand", "--json", db=shared.path))
    assert data["agreements"] == ["china-eu", "china-france", "china-thailand"]
    assert len(data["dimensions"]) >= 15
    for d in data["dimensions"]:
        assert {"key", "label", "differs", "values"} <= set(d)
        for value in d["values"].values():
            assert {"value", "article", "note", "source", "confidence"} <= set(value)
            assert value["article"] and value["source"]
    with_trips = as_json(
        giscope("compare", "china-eu", "china-thailand", "--include", "trips", "--json", db=shared.path)
    )
    assert with_trips["agreements"][-1] == "trips"


def test_compare_prints_a_table_and_refuses_unknown_agreements(shared: Shared) -> None:
    run = ok(giscope("compare", "china-eu", "china-france", db=shared.path))
    assert "china-eu" in run.out and "dimensions differ" in run.out
    run = ok(giscope("compare", "china-eu", "china-france", "--lang", "zh", db=shared.path))
    assert "中欧" in run.out and "个维度中有" in run.out and "dimensions differ" not in run.out
    clean_error(
        giscope("compare", "china-eu", "china-mars", db=shared.path), "unknown agreement 'china-mars'"
    )


def test_compare_marks_an_unknown_side_with_a_question_mark_not_as_the_same(shared: Shared) -> None:
    run = ok(
        giscope("compare", "china-eu", "china-france", "china-thailand", "--include", "trips", db=shared.path)
    )
    heads = [line for line in run.out.splitlines() if not line.startswith(" ")]
    assert "≠ Legal form and binding force  [≠ trips: china-eu, china-france, china-thailand]" in heads
    assert "? Translation and transliteration  [≠ trips: china-eu]" in heads
    assert not any(line.startswith("= ") for line in heads)


def test_profile_prints_in_both_languages_and_marks_unconfirmed_facts(shared: Shared) -> None:
    for j in ("CN", "EU", "FR", "TH"):
        en = ok(giscope("profile", j, db=shared.path)).out
        zh = ok(giscope("profile", j, "--lang", "zh", db=shared.path)).out
        assert "source:" in en and "confidence:" in en and "来源" not in en and "来源：" in zh
    th = as_json(giscope("profile", "TH", "--json", db=shared.path))
    assert th["jurisdiction"] == "TH" and th["fields"]
    eu = as_json(giscope("profile", "EU", "--json", db=shared.path))
    assert any(f["unconfirmed"] for f in eu["fields"])
    assert "[unconfirmed]" in ok(giscope("profile", "EU", db=shared.path)).out
    clean_error(giscope("profile", "US", db=shared.path), "no profile")


def test_staff_can_correct_a_profile_field_and_see_the_history(shared: Shared, tmp_path: Path) -> None:
    db = copy_database(shared.path, tmp_path / "edit.sqlite3")
    run = giscope(
        "profile",
        "TH",
        "--set",
        "fees",
        "--value",
        "Application 500 THB (checked 2026)",
        "--source",
        "DIP fee schedule (test)",
        "--reason",
        "checked",
        db=db,
    )
    assert "changed" in ok(run).out
    data = as_json(giscope("profile", "TH", "--json", "--history", db=db))
    fees = next(f for f in data["fields"] if f["key"] == "fees")
    assert fees["value_en"] == "Application 500 THB (checked 2026)"
    assert data["history"][0]["who"] == "tester" and data["history"][0]["reason"] == "checked"
    clean_error(giscope("profile", "TH", "--set", "fees", "--value", "x", "--reason", "r", db=db), "source")


def test_deadlines_show_the_annex_v_vi_deadline_as_past_with_its_outcome(shared: Shared) -> None:
    items = as_json(giscope("deadlines", "--json", "--today", "2026-11-27", db=shared.path))
    processing = next(d for d in items if d["key"] == "china-eu/V/VI/processing")
    assert processing["due"] == "2025-03-01" and processing["state"] == "passed-reported"
    assert processing["state_text"] == "passed — outcome reported (unverified)"
    assert "not confirmed" in processing["outcome"].lower() and processing["source"]
    reviews = [d for d in items if d["kind"] == "review" and d["due"] < "2026-11-27"]
    assert [d["due"] for d in reviews] == ["2023-03-01", "2025-03-01"]
    assert {d["state"] for d in reviews} == {"passed-unknown"}
    # no reported or unknown outcome is marked overdue
    assert not [
        d for d in items if d["state"] == "overdue" and d["outcome_status"] in ("reported", "unknown")
    ]
    assert "overdue" not in {d["state"] for d in items}
    text = ok(giscope("deadlines", "--today", "2026-11-27", db=shared.path)).out
    assert "2025-03-01  passed — outcome reported (unverified)" in text and "outcome:" in text
    assert "2023-03-01  passed — outcome unknown" in text and "overdue" not in text
    zh = ok(giscope("deadlines", "--today", "2026-11-27", "--lang", "zh", db=shared.path)).out
    assert "已过期——结果有报道（未经证实）" in zh and "已过期——结果不详" in zh
    soon = as_json(giscope("deadlines", "--within", "30", "--today", "2025-02-10", "--json", db=shared.path))
    assert "china-eu/V/VI/processing" in {d["key"] for d in soon}
    clean_error(giscope("deadlines", "--today", "yesterday", db=shared.path), "not a date")


def test_a_published_batch_gets_an_objection_window_and_alerts_reach_the_outbox(
    shared: Shared, tmp_path: Path
) -> None:
    db = copy_database(shared.path, tmp_path / "alerts.sqlite3")
    batch = write_csv(
        tmp_path / "v.csv",
        ["name", "product_class", "origin", "status"],
        [["测试丙茶", "Tea", "CN", "pending"]],
    )
    outbox = tmp_path / "alerts.jsonl"
    run = giscope(
        "import",
        batch,
        "--agreement",
        "china-eu",
        "--annex",
        "V",
        "--keep-missing",
        "--published",
        "2026-11-20",
        db=db,
        env={"GISCOPE_ALERT_OUTBOX": str(outbox)},
    )
    assert "objection window: until 2027-01-20" in ok(run).out
    feed = as_json(giscope("alerts", "--json", db=db))
    assert [a["kind"] for a in feed].count("new-batch") == 1
    assert outbox.read_text(encoding="utf-8").count("\n") == len(feed)  # every undelivered alert, once
    before = outbox.read_text(encoding="utf-8")
    # a what-if date shows the window as due but writes and sends no alert
    what_if = as_json(
        giscope(
            "deadlines", "--today", "2027-01-05", "--json", db=db, env={"GISCOPE_ALERT_OUTBOX": str(outbox)}
        )
    )
    window = next(d for d in what_if if d["key"].endswith("objection-2026-11-20"))
    assert window["state"] == "due"
    kinds = [a["kind"] for a in as_json(giscope("alerts", "--json", "--since", "2000-01-01", db=db))]
    assert kinds == [a["kind"] for a in feed] and outbox.read_text(encoding="utf-8") == before
    clean_error(giscope("alerts", "--since", "soon", db=db), "not a date")
