"""Profiles, scope comparison, deadlines and alerts on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from agreements.profiles import edit_profile, get_profile, profile_history
from bootstrap import initialise
from compare.services import compare_agreements
from errors import AgreementError
from gi_lists.services import import_file
from watch.alerts import list_alerts
from watch.deadlines import list_deadlines, refresh_deadline_alerts, set_deadline_outcome
from watch.outbox import deliver

TODAY = "2026-11-27"


def test_compare_three_agreements_gives_at_least_15_sourced_dimensions(loaded_engine):
    c = compare_agreements(loaded_engine, ["china-eu", "china-france", "china-thailand"], include_trips=True)
    data = c.to_dict()
    assert data["agreements"] == ["china-eu", "china-france", "china-thailand", "trips"]
    assert len(data["dimensions"]) >= 15
    for d in data["dimensions"]:
        assert d["label"] and isinstance(d["differs"], bool)
        for agreement, value in d["values"].items():
            assert value["article"], (d["key"], agreement)
            assert value["source"], (d["key"], agreement)
            assert value["confidence"] in ("high", "medium", "low", "unconfirmed")
    keys = {d["key"] for d in data["dimensions"]}
    assert {"translation_transliteration", "kind_type_style", "evocation", "trademarks"} <= keys
    assert any(d["differs"] for d in data["dimensions"])
    zh = c.to_dict("zh")
    assert zh["dimensions"][0]["label"] != data["dimensions"][0]["label"]


def test_compare_refuses_unknown_or_single_agreements(loaded_engine):
    with pytest.raises(AgreementError, match="unknown agreement 'china-us'"):
        compare_agreements(loaded_engine, ["china-eu", "china-us"])
    with pytest.raises(AgreementError, match="two agreements"):
        compare_agreements(loaded_engine, ["china-eu"])
    assert compare_agreements(loaded_engine, ["china-eu"], include_trips=True).agreements == (
        "china-eu",
        "trips",
    )


@pytest.mark.parametrize("jurisdiction", ["CN", "EU", "FR", "TH"])
def test_every_profile_loads_in_both_languages_with_sources(loaded_engine, jurisdiction):
    p = get_profile(loaded_engine, jurisdiction)
    assert p.name_zh and p.name_en
    assert len(p.fields) >= 15
    for f in p.fields:
        assert f.label_en and f.label_zh and f.fact.value_en and f.fact.value_zh
        assert f.fact.confidence in ("high", "medium", "low", "unconfirmed")
        assert f.fact.source
    if jurisdiction != "TH":  # the 2026-12 review read the Thai Acts and confirmed every Thai field
        assert any(f.fact.doubtful for f in p.fields), "unconfirmed facts are kept and marked"
    data = p.to_dict("zh")
    assert all("value_zh" in f and "value_en" not in f for f in data["fields"])


def test_staff_edit_of_a_profile_keeps_history_and_survives_init(loaded_engine):
    before = get_profile(loaded_engine, "TH").field("fees")
    changed = edit_profile(
        loaded_engine,
        "TH",
        "fees",
        who="staff-a",
        reason="DIP fee schedule 2026",
        value_en="Application 1,000 THB (test value)",
        source="DIP notice (test)",
        confidence="medium",
    )
    assert changed == ["value_en", "source", "confidence"] or set(changed) >= {"value_en", "source"}
    initialise(loaded_engine, who="tester")  # a second init must not overwrite staff edits
    after = get_profile(loaded_engine, "TH").field("fees")
    history = profile_history(loaded_engine, "TH", "fees")
    assert after.fact.value_en == "Application 1,000 THB (test value)"
    assert after.fact.value_zh.startswith("【待更新") and after.fact.value_zh.endswith(before.fact.value_zh)
    assert {h["what"] for h in history} >= {"value_en", "source"}
    assert history[0]["who"] == "staff-a" and history[0]["before"] == before.fact.value_en
    with pytest.raises(AgreementError, match="needs its source"):
        edit_profile(loaded_engine, "TH", "fees", who="x", reason="r", value_en="x")
    with pytest.raises(AgreementError, match="no field"):
        edit_profile(loaded_engine, "TH", "colour", who="x", reason="r", value_en="x", source="s")
    with pytest.raises(AgreementError, match="no profile"):
        get_profile(loaded_engine, "US")


def test_annex_v_vi_deadline_is_past_with_its_outcome(loaded_engine):
    items = list_deadlines(loaded_engine, today=TODAY)
    by_key = {d.key: d for d in items}
    processing = by_key["china-eu/V/VI/processing"]
    assert processing.due == "2025-03-01"
    assert processing.state(TODAY) == "passed-reported"
    assert "not confirmed" in (processing.outcome_en or "").lower()
    assert processing.outcome_zh and processing.source
    windows = [d for d in items if d.kind == "objection-window"]
    assert {d.due for d in windows} == {"2023-02-02"} and all(d.state(TODAY) == "met" for d in windows)
    reviews = [d for d in items if d.kind == "review"]
    assert reviews[0].due == "2023-03-01" and any(d.state(TODAY) == "upcoming" for d in reviews)
    assert [d.state(TODAY) for d in reviews[:2]] == ["passed-unknown", "passed-unknown"]
    assert not list_deadlines(loaded_engine, today=TODAY, within=30) or all(
        d.state(TODAY) != "overdue" for d in list_deadlines(loaded_engine, today=TODAY, within=30)
    )
    soon = list_deadlines(loaded_engine, today="2025-02-10", within=30)
    assert "china-eu/V/VI/processing" in {d.key for d in soon}


def test_deadlines_raise_alerts_once_and_staff_can_record_an_outcome(loaded_engine):
    # every past deadline has an outcome (met, reported or unknown): none is overdue, no alert
    assert refresh_deadline_alerts(loaded_engine, today=TODAY, at=TODAY + "T00:00:00+00:00") == 0
    later = "2027-02-20"  # review 3 (2027-03-01) comes due
    first = refresh_deadline_alerts(loaded_engine, today=later, at=later + "T00:00:00+00:00")
    again = refresh_deadline_alerts(loaded_engine, today=later, at=later + "T00:00:01+00:00")
    assert first == 1 and again == 0
    feed = list_alerts(loaded_engine)
    assert {a.kind for a in feed} == {"deadline"}
    assert [a.title.split(":")[0] for a in feed] == ["due"]
    d = set_deadline_outcome(
        loaded_engine,
        "china-eu/V/VI/processing",
        status="met",
        note="Joint Committee decision",
        source="OJ L (test)",
        who="staff-b",
        at=TODAY + "T01:00:00+00:00",
    )
    assert d.state(TODAY) == "met" and d.outcome_source.startswith("recorded by staff-b")
    initialise(loaded_engine, who="tester", reload_reference=True, today=TODAY)
    kept = {x.key: x for x in list_deadlines(loaded_engine, today=TODAY)}["china-eu/V/VI/processing"]
    assert kept.outcome_status == "met", "a reload keeps the outcome staff recorded"


def _batch(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "transcription", "product_class", "origin", "status", "source", "confidence"])
        w.writerows(rows)
    return path


class _Hook(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_new_batch_creates_alerts_delivered_to_outbox_and_webhook(loaded_engine, tmp_path):
    path = _batch(
        tmp_path / "annex_v.csv", [["测试甲茶", "Ceshi Jia Cha", "Tea", "CN", "pending", "OJ C", "high"]]
    )
    result = import_file(
        loaded_engine,
        path,
        agreement="china-eu",
        annex="V",
        register=None,
        who="staff",
        keep_missing=True,
        published="2026-11-20",
    )
    assert result.objection_window.due == "2027-01-20"  # the EU publishes Annex V names: two months
    _batch(path, [["测试甲茶", "Ceshi Jia Cha", "Tea", "CN", "protected", "OJ L", "high"]])
    import_file(
        loaded_engine, path, agreement="china-eu", annex="V", register=None, who="staff", keep_missing=True
    )
    feed = list_alerts(loaded_engine)
    windows = [
        d for d in list_deadlines(loaded_engine, today=TODAY) if d.key.endswith("objection-2026-11-20")
    ]
    assert [a.kind for a in feed].count("new-batch") == 2
    changes = [a for a in feed if a.kind == "status-change"]
    assert len(changes) == 1 and "pending -> protected" in changes[0].title
    assert windows and windows[0].state(TODAY) == "upcoming"

    _Hook.received = []
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        outbox = tmp_path / "outbox" / "alerts.jsonl"
        report = deliver(
            loaded_engine, outbox=str(outbox), webhook=f"http://127.0.0.1:{server.server_port}/hook"
        )
    finally:
        server.shutdown()
    assert report.delivered == len(feed) and report.failed == 0
    lines = [json.loads(x) for x in outbox.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [a.id for a in feed]
    assert len(_Hook.received) == len(feed)
    assert deliver(loaded_engine, outbox=str(outbox), webhook=None).delivered == 0  # nothing twice


def test_an_unreachable_webhook_keeps_alerts_for_later(loaded_engine, tmp_path):
    path = _batch(tmp_path / "v.csv", [["测试乙茶", "Ceshi Yi Cha", "Tea", "CN", "pending", "OJ C", "high"]])
    import_file(
        loaded_engine, path, agreement="china-eu", annex="V", register=None, who="staff", keep_missing=True
    )
    report = deliver(loaded_engine, outbox=None, webhook="http://127.0.0.1:9/nothing-listens-here")
    assert report.failed >= 1 and report.delivered == 0 and report.error
    assert all(a.delivered_at is None for a in list_alerts(loaded_engine))
