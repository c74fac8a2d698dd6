"""giscope watch subscribe | subscriptions | unsubscribe, and the push of new findings after a scan, through
the real console script against a real SMTP server (aiosmtpd) and HTTP servers on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import Run, Shared, as_json, clean_error, copy_database, giscope, ok
from tests.conftest import TEST_DATA
from tests.servers import silent_webhook, smtp_server, webhook_server

EXAMPLE = TEST_DATA / "gazette_example.csv"
SUB_KEYS = {"id", "gi_id", "channel", "address", "created_at", "created_by", "pending", "last_error"}


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    return copy_database(shared.path, tmp_path / "register.sqlite3")


def smtp_env(port: int) -> dict[str, str]:
    return {
        "GISCOPE_SMTP_HOST": "127.0.0.1",
        "GISCOPE_SMTP_PORT": str(port),
        "GISCOPE_SMTP_SENDER": "watch@giscope.example",
        "GISCOPE_SMTP_TIMEOUT": "5",
    }


def scan(db: Path, env: dict[str, str], *extra: str) -> Run:
    return giscope(
        "watch", "scan", EXAMPLE, "--in", "CN", "--published", "2026-11-30", "--gazette", "CN-45",
        "--json", *extra, db=db, env=env,
    )  # fmt: skip


def subscriptions(db: Path) -> list[dict[str, Any]]:
    return list(as_json(ok(giscope("watch", "subscriptions", "--json", db=db))))


def test_subscribers_get_an_email_and_a_webhook_post_for_each_new_finding_once(db: Path) -> None:
    mail = as_json(ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "civc@example.org",
                              "--json", db=db)))  # fmt: skip
    assert set(mail) >= SUB_KEYS and mail["new"] is True and mail["channel"] == "email"
    with smtp_server() as (port, messages), webhook_server() as (url, posts):
        hook = as_json(
            ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", url, "--json", db=db))
        )
        again = as_json(
            ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", url, "--json", db=db))
        )
        assert again["id"] == hook["id"] and again["new"] is False
        data = as_json(ok(scan(db, smtp_env(port))))
        champagne = {f["application_no"] for f in data["findings"] if f["gi_id"] == "fr-champagne"}
        assert champagne == {"EX-2026-000001", "EX-2026-000002"}
        assert sorted(p["finding"]["application_no"] for p in posts) == sorted(champagne)
        assert all(p["kind"] == "trademark-finding" and p["gi_id"] == "fr-champagne" for p in posts)
        assert {p["finding"]["severity"] for p in posts} <= {"high", "medium"}
        assert [to for to, _ in messages] == [["civc@example.org"]] * 2
        subjects = " ".join(str(m["Subject"]) for _, m in messages)
        assert "CHAMPAGNE LIFE" in subjects and "fr-champagne" in subjects
        body = messages[0][1].get_payload(decode=True).decode("utf-8")
        assert "Opposition deadline: 2027-02-28" in body and "giscope watch unsubscribe" in body
        ok(scan(db, smtp_env(port)))  # a re-scan finds nothing new: nothing sent twice
        ok(giscope("alerts", "--deliver", db=db, env=smtp_env(port)))
        assert len(messages) == 2 and len(posts) == 2
    listed = subscriptions(db)
    assert [(s["channel"], s["pending"], s["last_error"]) for s in listed] == [
        ("email", 0, None),
        ("webhook", 0, None),
    ]


def test_a_failing_smtp_server_and_a_silent_webhook_never_stop_a_scan_and_are_retried(db: Path) -> None:
    with silent_webhook() as silent:
        ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "civc@example.org", db=db))
        ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", silent, db=db))
        with smtp_server(refuse=True) as (port, _):
            started = time.monotonic()
            run = ok(scan(db, smtp_env(port)))
            took = time.monotonic() - started
        assert len(as_json(run)["findings"]) >= 2  # the findings are stored and printed
        assert "subscriber message(s) not sent" in run.err and "kept for later" in run.err
        assert took < 60  # one webhook timeout (5 s), not one per message
        waiting = subscriptions(db)  # (listing subscriptions sends nothing)
        assert [s["pending"] for s in waiting] == [2, 2]
        assert "554" in (waiting[0]["last_error"] or "") and "webhook" in (waiting[1]["last_error"] or "")
    listed = as_json(ok(giscope("watch", "list", "--gi", "fr-champagne", "--json", db=db)))
    assert len(listed) == 2
    # the servers come back: the next delivery sends what waited, once
    with smtp_server() as (port, messages), webhook_server() as (url, posts):
        ok(giscope("watch", "unsubscribe", str(waiting[1]["id"]), db=db))
        ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--webhook", url, db=db))
        run = ok(giscope("alerts", "--deliver", db=db, env=smtp_env(port)))
        assert "not sent" not in run.err
        assert len(messages) == 2 and posts == []  # the new webhook was not subscribed when they were found
        ok(giscope("alerts", "--deliver", db=db, env=smtp_env(port)))
        assert len(messages) == 2
    assert [s["pending"] for s in subscriptions(db)] == [0, 0]


def test_findings_below_medium_are_not_pushed(db: Path) -> None:
    with webhook_server() as (url, posts):
        for f in as_json(ok(scan(db, {}, "--min-severity", "low")))["findings"]:
            ok(giscope("watch", "subscribe", "--gi", f["gi_id"], "--webhook", url, db=db))
        ok(giscope("watch", "scan", EXAMPLE, "--in", "CN", "--published", "2026-11-30", "--gazette", "CN-46",
                   "--min-severity", "low", db=db))  # fmt: skip
        assert posts and {p["finding"]["severity"] for p in posts} <= {"high", "medium"}
        assert {p["finding"]["gazette"] for p in posts} == {"CN-46"}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--gi", "fr-champagne", "--email", "not-an-address"), "not an e-mail address"),
        (("--gi", "fr-champagne", "--email", "a@b"), "not an e-mail address"),
        (("--gi", "fr-champagne", "--email", "a@example.org\nBcc: x@example.org"), "not an e-mail address"),
        (("--gi", "fr-champagne", "--webhook", "ftp://example.org/hook"), "not an http(s) URL"),
        (("--gi", "fr-champagne", "--webhook", "http:///nohost"), "not an http(s) URL"),
        (("--gi", "fr-champagne", "--webhook", "http://example.org:port/"), "not an http(s) URL"),
        (("--gi", "no-such-gi", "--email", "a@example.org"), "no-such-gi"),
    ],
)
def test_bad_subscriptions_are_one_clean_error_and_store_nothing(
    db: Path, args: tuple[str, ...], fragment: str
) -> None:
    clean_error(giscope("watch", "subscribe", *args, db=db), fragment)
    assert subscriptions(db) == []


def test_subscribe_needs_exactly_one_channel(db: Path) -> None:
    for args in ((), ("--email", "a@example.org", "--webhook", "https://example.org/h")):
        run = giscope("watch", "subscribe", "--gi", "fr-champagne", *args, db=db)
        assert run.code == 2 and "Traceback" not in run.err and "--email" in run.err
    assert subscriptions(db) == []


def test_unsubscribe_ends_a_subscription_and_an_unknown_id_is_a_clean_error(db: Path) -> None:
    sub = as_json(ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "a@example.org",
                             "--json", db=db)))  # fmt: skip
    run = ok(giscope("watch", "subscribe", "--gi", "fr-champagne", "--email", "b@example.org", db=db))
    assert "GISCOPE_SMTP_HOST is not set" in run.err
    table = ok(giscope("watch", "subscriptions", db=db)).out
    assert "a@example.org" in table and "b@example.org" in table
    assert "unsubscribed" in ok(giscope("watch", "unsubscribe", str(sub["id"]), db=db)).out
    assert [s["address"] for s in subscriptions(db)] == ["b@example.org"]
    clean_error(giscope("watch", "unsubscribe", str(sub["id"]), db=db), f"no subscription {sub['id']}")


def test_settings_lists_the_smtp_settings_and_hides_the_password(db: Path) -> None:
    out = ok(giscope("settings", db=db, env={"GISCOPE_SMTP_PASSWORD": "s3cret"})).out
    for name in ("HOST", "PORT", "SENDER", "USER", "PASSWORD", "TLS", "TIMEOUT"):
        assert f"GISCOPE_SMTP_{name}=" in out
    assert "s3cret" not in out and "GISCOPE_SMTP_PASSWORD=(set)" in out


@pytest.mark.parametrize("command", ["subscribe", "subscriptions", "unsubscribe"])
def test_help_of_the_push_commands_shows_an_example(tmp_path: Path, command: str) -> None:
    assert "Example:" in ok(giscope("watch", command, "--help", db=tmp_path / "unused.sqlite3")).out
