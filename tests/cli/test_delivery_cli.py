"""Safe alert delivery through the real console script, on SQLite and PostgreSQL: a file:// webhook setting
breaks no command, a redirecting webhook is one failure that stops the run, the webhook's token is on
no output and in no row, `giscope settings` shows no password; and the UI's warning redacts it too."""

from __future__ import annotations

from typing import Any

import pytest

from storage.db import Database
from tests.cli.test_cli import giscope, ok
from tests.servers import hook_server
from watch.repository import AlertRepository

AT = "2026-12-04T10:00:00+00:00"
TOKEN = "T0KEN-5ecret-7c1e"


def add_alerts(db: Database, count: int) -> list[int]:
    def work(conn: Any) -> list[int]:
        conn.execute("UPDATE alerts SET delivered_at = ? WHERE delivered_at IS NULL", [AT])
        for n in range(count):
            AlertRepository(conn).add(key=f"cli:{n}", at=AT, kind="deadline", title=f"cli alert {n}")
        return [
            int(r.id) for r in conn.records("SELECT id FROM alerts WHERE delivered_at IS NULL ORDER BY id")
        ]

    return db.transaction(work)


def stored(db: Database) -> str:
    with db.read() as conn:
        return repr(conn.rows("SELECT * FROM alerts")) + repr(conn.rows("SELECT * FROM push_deliveries"))


def test_settings_show_no_password_and_no_webhook_token() -> None:
    env = {
        "GISCOPE_ALERT_WEBHOOK": f"https://hooks.example.org/services/{TOKEN}?sig={TOKEN}",
        "GISCOPE_SMTP_PASSWORD": "hunter2-smtp",
        "GISCOPE_EAMBROSIA_URL": "https://eu:hunter2-eu@register.example.org/filter",
    }
    url = "postgresql+psycopg://giscope:hunter2-db@127.0.0.1:5432/giscope?password=hunter2-q"
    run = ok(giscope("settings", db=url, env=env))
    assert "hunter2" not in run.out and TOKEN not in run.out
    assert (
        "GISCOPE_DATABASE_URL=postgresql+psycopg://giscope:***@127.0.0.1:5432/giscope?password=***" in run.out
    )
    assert "GISCOPE_ALERT_WEBHOOK=https://hooks.example.org/***" in run.out
    assert "GISCOPE_EAMBROSIA_URL=https://eu:***@register.example.org/filter" in run.out
    assert "GISCOPE_SMTP_PASSWORD=(set)" in run.out


def test_a_file_webhook_setting_breaks_no_command(loaded_engine) -> None:
    db = loaded_engine
    ids = add_alerts(db, 2)
    env = {"GISCOPE_ALERT_WEBHOOK": f"file:///etc/{TOKEN}"}
    found = ok(giscope("search", "Champagne", "--json", db=db.url, env=env))
    assert "champagne" in found.out.lower()
    run = ok(giscope("alerts", "--deliver", db=db.url, env=env))
    assert run.err_lines == [
        "giscope: alerts not delivered: GISCOPE_ALERT_WEBHOOK file:///*** is not an http(s) URL "
        "(only http:// and https:// addresses are used): use https://HOST/PATH (kept for later)"
    ]
    assert TOKEN not in run.out + run.err + stored(db)
    with db.read() as conn:
        waiting = conn.rows("SELECT id FROM alerts WHERE delivered_at IS NULL ORDER BY id")
    assert [i for (i,) in waiting] == ids


def test_a_redirecting_webhook_stops_the_run_and_its_token_is_never_shown(loaded_engine) -> None:
    db = loaded_engine
    ids = add_alerts(db, 3)
    with hook_server(answer=302) as (base, log):
        env = {"GISCOPE_ALERT_WEBHOOK": f"{base}/hook/{TOKEN}?token={TOKEN}"}
        run = ok(giscope("alerts", "--deliver", "--json", db=db.url, env=env))
        zh = ok(giscope("alerts", "--deliver", "--lang", "zh", db=db.url, env=env))
        assert [m for m, _, _ in log.requests] == ["POST", "POST"]  # one try per run, never a GET
    assert run.err_lines == [
        f"giscope: alert not delivered: webhook {base}/*** redirected (302) - not followed; delivery stopped "
        "there, 2 more alert(s) wait for the next run (kept for later)"
    ]
    assert "另有 2 条提醒等待下次发送" in zh.err and "redirected (302)" in zh.err
    assert TOKEN not in run.out + run.err + zh.out + zh.err + stored(db)
    with hook_server() as (good, good_log):
        env = {"GISCOPE_ALERT_WEBHOOK": f"{good}/hook/{TOKEN}"}
        done = ok(giscope("alerts", "--deliver", db=db.url, env=env))
        assert sorted(b["id"] for b in good_log.posts("/hook")) == ids
    assert done.err == ""
    with db.read() as conn:
        assert conn.scalar("SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL") == 0


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_ui_warning_names_the_webhook_without_its_token(loaded_engine, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    add_alerts(loaded_engine, 2)

    def page() -> None:
        from config import Settings
        from ui.resources import deliver_alerts

        deliver_alerts(Settings.from_env())

    with hook_server(answer=307) as (base, _):
        monkeypatch.setenv("GISCOPE_DATABASE_URL", loaded_engine.url)
        monkeypatch.setenv("GISCOPE_LANG", "en")
        monkeypatch.setenv("GISCOPE_ALERT_WEBHOOK", f"{base}/hook/{TOKEN}")
        at = AppTest.from_function(page, default_timeout=30).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        f"alert not delivered: webhook {base}/*** redirected (307) - not followed; delivery stopped there, "
        "1 more alert(s) wait for the next run (kept for later)"
    ]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_subscription_listings_name_a_webhook_by_its_host(loaded_engine) -> None:
    db = loaded_engine
    url = f"https://hooks.example.org/{TOKEN}"
    made = ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", url, "--json", db=db.url))
    shown = ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", url, db=db.url))
    listed = ok(giscope("watch", "subscriptions", db=db.url))
    listed_json = ok(giscope("watch", "subscriptions", "--json", db=db.url))
    gone = ok(giscope("watch", "unsubscribe", "1", db=db.url))
    for run in (made, shown, listed, listed_json, gone):
        assert TOKEN not in run.out + run.err
        assert "https://hooks.example.org/***" in run.out
