"""Safe alert delivery on real SQLite and PostgreSQL, against real HTTP servers on 127.0.0.1: a redirect is
a failure (never followed), a hung webhook costs one timeout, a file:// webhook is refused before
anything is sent, two deliverers at once (two processes) send each alert once, a run stops at its first
failure, and the webhook's token is in no message and no stored row."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any

import pytest

from config import Settings
from errors import RegisterError
from outbound import UrlRefused
from storage.clock import now_iso
from storage.db import Database
from tests.conftest import PROJECT_ROOT, TEST_DATA
from tests.servers import hook_server, silent_server
from watch.outbox import deliver
from watch.push import deliver_pushes, list_subscriptions, subscribe
from watch.repository import AlertRepository
from watch.trademarks.services import scan_gazette

AT = "2026-12-04T10:00:00+00:00"
TOKEN = "T0KEN-5ecret-9f3a"


def add_alerts(db: Database, count: int) -> list[int]:
    """`count` new alerts, every alert already there marked delivered; their ids."""

    def work(conn: Any) -> list[int]:
        conn.execute("UPDATE alerts SET delivered_at = ? WHERE delivered_at IS NULL", [AT])
        repo = AlertRepository(conn)
        for n in range(count):
            repo.add(key=f"test:{n}", at=AT, kind="deadline", title=f"test alert {n}")
        return [
            int(r.id) for r in conn.records("SELECT id FROM alerts WHERE delivered_at IS NULL ORDER BY id")
        ]

    return db.transaction(work)


def rows(db: Database, table: str) -> list[Any]:
    with db.read() as conn:
        return list(conn.records(f"SELECT * FROM {table} ORDER BY id"))


def pending(db: Database, ids: list[int]) -> list[Any]:
    return [r for r in rows(db, "alerts") if r.id in ids and r.delivered_at is None]


def assert_no_token(db: Database, *texts: object) -> None:
    for text in texts:
        assert TOKEN not in str(text)
    for table in ("alerts", "push_deliveries"):
        for r in rows(db, table):
            assert TOKEN not in repr(tuple(r)), f"{table} row {r.id} holds the token"


@pytest.mark.parametrize("code", [302, 307, 308])
def test_a_redirect_is_a_failure_never_followed_and_the_run_stops_there(loaded_engine, code: int) -> None:
    db = loaded_engine
    ids = add_alerts(db, 3)
    with hook_server(answer=code) as (base, log):
        report = deliver(db, outbox=None, webhook=f"{base}/hook/{TOKEN}?key={TOKEN}")
        seen = list(log.requests)
    assert (report.delivered, report.failed, report.left) == (0, 1, 2)
    assert report.error == f"webhook {base}/*** redirected ({code}) - not followed"
    assert [(m, p.startswith("/hook")) for m, p, _ in seen] == [("POST", True)]  # nothing reached /landing
    assert seen[0][2]["id"] == ids[0]
    left = pending(db, ids)
    assert [r.id for r in left] == ids and all(r.claimed_by is None for r in left)
    assert [r.delivery_error for r in left] == [report.error, None, None]
    assert_no_token(db, report.error)


def test_a_hung_webhook_costs_one_timeout_and_everything_stays_pending(loaded_engine) -> None:
    db = loaded_engine
    ids = add_alerts(db, 4)
    with silent_server() as (port, accepted):
        report = deliver(db, outbox=None, webhook=f"http://127.0.0.1:{port}/hook/{TOKEN}", timeout=0.5)
    assert (report.delivered, report.failed, report.left) == (0, 1, 3)
    assert report.error == f"webhook http://127.0.0.1:{port}/***: no answer within 0.5 s"
    assert len(accepted) <= 1  # never a second connection: the run stopped at its first timeout
    assert [r.id for r in pending(db, ids)] == ids
    assert all(r.claimed_by is None for r in rows(db, "alerts"))
    assert_no_token(db, report.error)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "data:text/plain,hi", "javascript:alert(1)", "/hook"]
)
def test_a_webhook_that_is_not_http_is_refused_before_anything_is_sent(
    loaded_engine, url: str, tmp_path
) -> None:
    db = loaded_engine
    ids = add_alerts(db, 2)
    outbox = tmp_path / "outbox.jsonl"
    with pytest.raises(UrlRefused, match=r"^GISCOPE_ALERT_WEBHOOK .* is not an http\(s\) URL") as refused:
        deliver(db, outbox=str(outbox), webhook=url)
    assert "passwd" not in str(refused.value) and "alert(1)" not in str(refused.value)
    assert not outbox.exists()
    assert [(r.id, r.delivery_error, r.claimed_by) for r in pending(db, ids)] == [
        (i, None, None) for i in ids
    ]
    with pytest.raises(RegisterError, match=r"^--webhook .* is not an http\(s\) URL"):
        subscribe(db, "fr-champagne", email=None, webhook=url, who="tester", at=AT)


def test_two_deliverers_at_once_send_each_alert_once(loaded_engine) -> None:
    """Two processes deliver at the same time; the server holds every POST until both have one in flight,
    so both runs are sending at once. Without claims both would send every alert."""
    db = loaded_engine
    ids = add_alerts(db, 12)
    hold, held = threading.Event(), threading.Semaphore(0)
    script = (
        "import sys\n"
        "from storage.db import Database\n"
        "from watch.outbox import deliver\n"
        "r = deliver(Database(sys.argv[1]), outbox=None, webhook=sys.argv[2], timeout=60)\n"
        "print(r.delivered, r.failed)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    with hook_server(hold=hold, held=held) as (base, log):
        url = f"{base}/hook/{TOKEN}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", script, db.url, url],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        both = held.acquire(timeout=60) and held.acquire(timeout=60)
        hold.set()
        outputs = [p.communicate(timeout=120) for p in procs]
        posted = [body["id"] for body in log.posts("/hook")]
    assert both, f"the two deliverers never sent at the same time: {outputs}"
    assert all(p.returncode == 0 for p in procs), outputs
    assert sorted(posted) == ids  # every alert once: none twice, none lost
    delivered = [tuple(int(n) for n in out.split()) for out, _ in outputs]
    assert sum(d for d, _ in delivered) == len(ids) and all(f == 0 for _, f in delivered)
    assert all(d > 0 for d, _ in delivered)  # both took part
    assert pending(db, ids) == [] and all(r.claimed_by is None for r in rows(db, "alerts"))


def test_a_claim_of_a_live_run_is_respected_and_a_stale_one_taken_over(loaded_engine) -> None:
    db = loaded_engine
    live, stale, free = add_alerts(db, 3)

    def claim(conn: Any) -> None:
        conn.execute("UPDATE alerts SET claimed_by = 'live', claimed_at = ? WHERE id = ?", [now_iso(), live])
        conn.execute(
            "UPDATE alerts SET claimed_by = 'dead', claimed_at = '2026-01-01T00:00:00+00:00' WHERE id = ?",
            [stale],
        )

    db.transaction(claim)
    with hook_server() as (base, log):
        report = deliver(db, outbox=None, webhook=f"{base}/hook")
        posted = [body["id"] for body in log.posts("/hook")]
    assert report.delivered == 2 and posted == [stale, free]
    [still] = pending(db, [live, stale, free])
    assert (still.id, still.claimed_by) == (live, "live")


def scan(db: Database) -> None:
    scan_gazette(
        db, TEST_DATA / "gazette_example.csv", "CN", published="2026-11-20", gazette="CN-45", who="tester",
        at=AT, today="2026-12-03",
    )  # fmt: skip


def test_subscriber_webhooks_follow_the_same_rules(loaded_engine) -> None:
    """A redirecting subscriber webhook fails (its other message waits, untried), its token is in no
    stored error; a message another run has claimed is not sent again."""
    db = loaded_engine
    with hook_server(answer=302) as (base, log):
        subscribe(db, "fr-champagne", email=None, webhook=f"{base}/hook/{TOKEN}", who="tester", at=AT)
        scan(db)
        report = deliver_pushes(db, Settings())
        assert len(log.requests) == 1 and log.requests[0][0] == "POST"
    assert (report.delivered, report.failed, report.left) == (0, 1, 1)
    assert report.error == f"webhook {base}/*** redirected (302) - not followed"
    [sub] = list_subscriptions(db)
    assert sub.pending == 2 and sub.last_error == report.error
    assert_no_token(db, report.error, sub.last_error)
    first, second = [r.id for r in rows(db, "push_deliveries")]
    db.transaction(
        lambda conn: conn.execute(
            "UPDATE push_deliveries SET claimed_by = 'live', claimed_at = ? WHERE id = ?", [now_iso(), first]
        )
    )
    with hook_server() as (ok_base, ok_log):
        db.transaction(
            lambda conn: conn.execute("UPDATE subscriptions SET address = ?", [f"{ok_base}/hook/{TOKEN}"])
        )
        again = deliver_pushes(db, Settings())
        assert [b["finding"]["id"] for b in ok_log.posts("/hook")] == [
            r.finding_id for r in rows(db, "push_deliveries") if r.id == second
        ]
    assert (again.delivered, again.failed) == (1, 0)
    assert [r.delivered_at is None for r in rows(db, "push_deliveries")] == [True, False]


def test_the_migration_redacts_the_webhook_urls_of_errors_stored_before(engine) -> None:
    from alembic import command
    from alembic.config import Config

    from storage.migrate import SCRIPT_LOCATION, sqlalchemy_engine

    sa_engine = sqlalchemy_engine(engine)
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["engine"] = sa_engine
    try:
        command.upgrade(cfg, "0009")  # before the claims
        old = [
            f"webhook http://127.0.0.1:8/hook/{TOKEN}: timed out",
            f"webhook https://u:{TOKEN}@hooks.example.org/x?sig={TOKEN}: ValueError: bad",
            "webhook answered 500",
        ]

        def seed(conn: Any) -> None:
            for n, error in enumerate(old):
                conn.insert("alerts", {"key": f"old:{n}", "at": AT, "kind": "deadline", "title": "t",
                                       "delivery_error": error})  # fmt: skip

        engine.transaction(seed)
        command.upgrade(cfg, "head")
    finally:
        sa_engine.dispose()
    assert [r.delivery_error for r in rows(engine, "alerts")] == [
        "webhook http://127.0.0.1:8/***: timed out",
        "webhook https://***@hooks.example.org/***: ValueError: bad",
        "webhook answered 500",
    ]
    assert_no_token(engine)
