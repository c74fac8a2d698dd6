"""Push: producer groups and exporters subscribe to their GIs, by e-mail or webhook, and are told of
every new trademark finding of medium severity or above against them.

The messages are queued in the transaction that stores the findings (one per finding and subscription,
never twice) and sent after it has committed, with no transaction open while sending: an SMTP server
that fails or a webhook that never answers delays only the message, never the scan. A message that could
not be sent keeps its error and is tried again by the next command that delivers
(`giscope alerts --deliver`, a scan, `giscope watch list`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from accounts.services import authorise
from errors import RegisterError
from outbound import redact, url_problem
from storage.db import Connection, Database
from watch.channels import WEBHOOK_TIMEOUT_S, SmtpConfig, post_json, send_email
from watch.model import PushDelivery, Subscription
from watch.outbox import DeliveryRun
from watch.repository import SubscriptionRepository

CHANNELS = ("email", "webhook")
PUSH_MIN_SEVERITY = "medium"  # findings at this severity or above are pushed
_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
MAX_EMAIL = 254
_EMAIL = re.compile(r"[^\s@<>,;:\"()\[\]\\]+@[^\s@<>,;:\"()\[\]\\.]+(\.[^\s@<>,;:\"()\[\]\\.]+)+")


class PushSettings(Protocol):
    @property
    def smtp_host(self) -> str | None: ...
    @property
    def smtp_port(self) -> str: ...
    @property
    def smtp_sender(self) -> str: ...
    @property
    def smtp_user(self) -> str | None: ...
    @property
    def smtp_password(self) -> str | None: ...
    @property
    def smtp_tls(self) -> bool: ...
    @property
    def smtp_timeout(self) -> str: ...


# --- subscribing ------------------------------------------------------------------------------------


def check_email(address: str) -> str:
    text = address.strip()
    if len(text) > MAX_EMAIL or not _EMAIL.fullmatch(text):
        raise RegisterError(f"--email {address!r} is not an e-mail address (name@example.org)")
    return text


def check_url(url: str) -> str:
    """A subscriber's webhook: an http(s) URL with a host (outbound's policy), checked when it is set."""
    problem = url_problem(url)
    if problem:
        raise RegisterError(
            f"--webhook {redact(url)} is not an http(s) URL ({problem}): use https://HOST/PATH"
        )
    return url.strip()


def subscribe(
    db: Database, gi_ref: str, *, email: str | None, webhook: str | None, who: str, at: str
) -> tuple[Subscription, bool]:
    """Subscribe an e-mail address or a webhook URL to one GI's new findings; the subscription and True
    when it is new (False when the same one was already there)."""
    from gi_lists.services import find_gi

    authorise(db, who, "editor")
    if (email is None) == (webhook is None):
        raise RegisterError("give one of --email ADDR or --webhook URL")
    if email is not None:
        channel, address = "email", check_email(email)
    else:
        channel, address = "webhook", check_url(webhook or "")
    gi_id = find_gi(db, gi_ref).id

    def work(conn: Connection) -> tuple[Subscription, bool]:
        repo = SubscriptionRepository(conn)
        known = repo.find(gi_id, channel, address)
        if known is not None:
            return known, False
        new = repo.get(repo.add(gi_id=gi_id, channel=channel, address=address, at=at, who=who))
        assert new is not None
        return new, True

    return db.transaction(work)


def list_subscriptions(db: Database, *, gi_id: str | None = None) -> list[Subscription]:
    with db.read() as conn:
        return SubscriptionRepository(conn).all(gi_id=gi_id)


def unsubscribe(db: Database, subscription_id: int, *, who: str) -> Subscription:
    """End a subscription; the messages it still had waiting are dropped with it."""
    authorise(db, who, "editor")

    def work(conn: Connection) -> Subscription:
        repo = SubscriptionRepository(conn)
        known = repo.get(subscription_id)
        if known is None:
            raise RegisterError(f"no subscription {subscription_id}; see `giscope watch subscriptions`")
        repo.delete(subscription_id)
        return known

    return db.transaction(work)


# --- queueing (inside the transaction that stores a finding) ----------------------------------------


def queue_finding(conn: Connection, finding: dict[str, Any], *, at: str) -> int:
    """Queue a message about a new finding for every subscription to its GI, when it is severe enough;
    how many were queued."""
    if _SEVERITY_RANK.get(finding["severity"], 9) > _SEVERITY_RANK[PUSH_MIN_SEVERITY]:
        return 0
    repo = SubscriptionRepository(conn)
    queued = 0
    for s in repo.all(gi_id=finding["gi_id"]):
        payload = {"kind": "trademark-finding", "subscription": s.id, "gi_id": s.gi_id, "finding": finding}
        repo.queue(s.id, int(finding["id"]), payload=json.dumps(payload, ensure_ascii=False), at=at)
        queued += 1
    return queued


# --- sending (after the commit, with no transaction open) -------------------------------------------


@dataclass
class PushReport:
    delivered: int = 0
    failed: int = 0
    error: str | None = None
    left: int = 0  # messages not tried: their destination had already failed in this run


def email_text(payload: dict[str, Any]) -> tuple[str, str]:
    """The subject and body of the e-mail about one finding."""
    f = payload["finding"]
    classes = ";".join(str(c) for c in f.get("classes") or [])
    subject = (
        f"GIScope: trademark application {f['application_no']} '{f['mark']}' ({f['jurisdiction']}) "
        f"conflicts with {f['name']} [{f['gi_id']}] - {f['severity']}"
    )
    lines = [
        f"A trademark application published in gazette {f['gazette']} ({f['jurisdiction']}, "
        f"{f['published']}) conflicts with the GI you follow, {f['name']} [{f['gi_id']}].",
        "",
        f"Application:  {f['application_no']}",
        f"Mark:         {f['mark']}",
        f"Classes:      {classes}" + (f" ({f['goods']})" if f.get("goods") else ""),
        f"Applicant:    {f['applicant']}",
        f"Severity:     {f['severity']} ({f['kind']})",
        f"Why:          {f['reason']}",
        f"Legal basis:  {f['legal_basis']}",
        f"Opposition deadline: {f.get('opposition_deadline') or 'unknown'}",
        "",
        f"Finding {f['id']} in GIScope (giscope watch list --gi {f['gi_id']}).",
        f"Subscription {payload['subscription']}; to stop it: "
        f"giscope watch unsubscribe {payload['subscription']}",
    ]
    return subject, "\n".join(lines) + "\n"


def _send(d: PushDelivery, smtp: SmtpConfig, timeout: float) -> str | None:
    payload = json.loads(d.payload)
    if d.channel == "email":
        subject, body = email_text(payload)
        return send_email(smtp, d.address, subject, body)
    return post_json(d.address, payload, timeout=timeout)


def deliver_pushes(db: Database, settings: PushSettings, *, timeout: float = WEBHOOK_TIMEOUT_S) -> PushReport:
    """Send every waiting message, each claimed before it is sent (two runs at once never send one
    twice); one that fails keeps its error for the next try. A destination that failed once is not tried
    again in the same run (a webhook that never answers costs one timeout): its other messages wait."""
    smtp = SmtpConfig(
        settings.smtp_host,
        settings.smtp_port,
        settings.smtp_sender,
        settings.smtp_user,
        settings.smtp_password,
        settings.smtp_tls,
        settings.smtp_timeout,
    )
    report = PushReport()
    run = DeliveryRun(db, "push_deliveries", counts_attempts=True)
    failed: set[tuple[str, str]] = set()
    while (
        claimed := run.claim(lambda conn, row_id: SubscriptionRepository(conn).delivery(row_id))
    ) is not None:
        delivery_id, d = claimed
        where = (d.channel, (smtp.host or "") if d.channel == "email" else d.address)
        if where in failed:
            run.release(delivery_id)
            report.left += 1
            continue
        error = run.send(delivery_id, partial(_send, d, smtp, timeout))  # no transaction open
        if error:
            failed.add(where)
            report.failed += 1
            report.error = error
        else:
            report.delivered += 1
    return report
