"""Push services on real SQLite and PostgreSQL: subscriptions, the messages a scan queues, and their
delivery after the commit, against a real SMTP server (aiosmtpd) and HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from config import Settings
from errors import RegisterError
from storage.db import Database
from tests.conftest import TEST_DATA
from tests.servers import smtp_server
from watch.push import deliver_pushes, list_subscriptions, subscribe, unsubscribe
from watch.trademarks.services import scan_gazette

EXAMPLE = TEST_DATA / "gazette_example.csv"
AT = "2026-12-03T10:00:00+00:00"


def scan(db: Database, gazette: str = "CN-45") -> Any:
    return scan_gazette(
        db, EXAMPLE, "CN", published="2026-11-20", gazette=gazette, who="tester", at=AT, today="2026-12-03"
    )


def test_a_scan_queues_one_message_per_subscription_and_delivery_sends_each_once(loaded_engine) -> None:
    db = loaded_engine
    sub, new = subscribe(db, "fr-champagne", email="civc@example.org", webhook=None, who="tester", at=AT)
    assert new and sub.gi_id == "fr-champagne" and sub.created_by == "tester"
    scan(db)
    assert [s.pending for s in list_subscriptions(db)] == [2]
    with smtp_server() as (port, messages):
        settings = Settings(smtp_host="127.0.0.1", smtp_port=str(port), smtp_timeout="5")
        report = deliver_pushes(db, settings)
        assert (report.delivered, report.failed) == (2, 0)
        assert deliver_pushes(db, settings).delivered == 0
        scan(db)  # the same gazette again: nothing new, nothing queued
        assert deliver_pushes(db, settings).delivered == 0
    assert len(messages) == 2 and messages[0][1]["From"] == "giscope@localhost"
    assert list_subscriptions(db)[0].pending == 0


def test_delivery_holds_no_transaction_while_the_webhook_writes_to_the_register(loaded_engine) -> None:
    """The webhook's handler subscribes someone (a write) while its POST is being answered: with a write
    transaction open during the send, SQLite would keep it waiting until the lock timeout."""
    db = loaded_engine
    seen: list[dict[str, Any]] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            seen.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            subscribe(db, "fr-champagne", email=f"n{len(seen)}@example.org", webhook=None, who="hook", at=AT)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/hook"
        subscribe(db, "fr-champagne", email=None, webhook=url, who="tester", at=AT)
        scan(db)
        report = deliver_pushes(db, Settings())
    finally:
        server.shutdown()
        server.server_close()
    assert (report.delivered, report.failed) == (2, 0) and len(seen) == 2
    assert len(list_subscriptions(db, gi_id="fr-champagne")) == 3


def test_unsubscribe_drops_the_waiting_messages_and_bad_input_stores_nothing(loaded_engine) -> None:
    db = loaded_engine
    sub, _ = subscribe(db, "fr-champagne", email="a@example.org", webhook=None, who="tester", at=AT)
    scan(db)
    assert unsubscribe(db, sub.id, who="tester").address == "a@example.org"
    assert list_subscriptions(db) == []
    assert deliver_pushes(db, Settings()).delivered == 0
    with pytest.raises(RegisterError, match="no subscription"):
        unsubscribe(db, sub.id, who="tester")
    for email, webhook in (("nope", None), (None, "mailto:a@example.org"), ("a@example.org", "http://x.org")):
        with pytest.raises(RegisterError):
            subscribe(db, "fr-champagne", email=email, webhook=webhook, who="tester", at=AT)
    with pytest.raises(RegisterError, match="no GI"):
        subscribe(db, "xx-unknown", email="a@example.org", webhook=None, who="tester", at=AT)
    assert list_subscriptions(db) == []


def test_a_webhook_that_answers_garbage_and_an_unusable_sender_are_errors_not_crashes() -> None:
    import socket

    from watch.channels import SmtpConfig, post_json, send_email

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def answer() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"this is not HTTP\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        error = post_json(f"http://127.0.0.1:{listener.getsockname()[1]}/hook", {"a": 1}, timeout=5)
        thread.join(5)
    assert error and "webhook" in error
    with smtp_server() as (port, messages):
        config = SmtpConfig("127.0.0.1", str(port), "giscope@example.org", timeout="5")
        assert send_email(config, "a@example.org", "香槟人生\nBcc: x@example.org", "body") is None
        assert send_email(SmtpConfig("127.0.0.1", "no", "x"), "a@example.org", "s", "b") == (
            "GISCOPE_SMTP_PORT='no' is not a number"
        )
    assert [to for to, _ in messages] == [["a@example.org"]]
    assert messages[0][1]["Bcc"] is None  # the line break in the subject made no header of its own
