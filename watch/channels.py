"""The two ways a subscriber is told: an e-mail through the configured SMTP server, or a JSON POST to
the subscriber's URL. Each returns the error as one line, or None when the message was accepted; nothing
here touches the database (the caller holds no transaction while it sends)."""

from __future__ import annotations

import http.client
import json
import re
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

WEBHOOK_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class SmtpConfig:
    host: str | None
    port: str
    sender: str
    user: str | None = None
    password: str | None = None
    tls: bool = False
    timeout: str = "10"


def post_json(url: str, payload: dict[str, Any], *, timeout: float = WEBHOOK_TIMEOUT_S) -> str | None:
    """POST `payload` as JSON; an answer of 300 or more, no answer, or no connection is an error."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": "GIScope"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status >= 300:
                return f"webhook answered {response.status}"
    except urllib.error.HTTPError as exc:
        return f"webhook answered {exc.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return f"webhook {url}: {getattr(exc, 'reason', exc)}"
    except (http.client.HTTPException, ValueError) as exc:  # an answer that is not HTTP; a bad URL
        return f"webhook {url}: {type(exc).__name__}: {exc}"
    return None


def _number(value: str, name: str, kind: type[int] | type[float]) -> int | float | str:
    try:
        number = kind(value)
    except ValueError:
        return f"{name}={value!r} is not a number"
    return number if number > 0 else f"{name}={value!r} must be more than 0"


def send_email(smtp: SmtpConfig, to: str, subject: str, body: str) -> str | None:
    """Send one plain-text e-mail through the SMTP server (STARTTLS and a login when configured)."""
    if not smtp.host:
        return "GISCOPE_SMTP_HOST is not set: e-mails wait until it is"
    port = _number(smtp.port, "GISCOPE_SMTP_PORT", int)
    timeout = _number(smtp.timeout, "GISCOPE_SMTP_TIMEOUT", float)
    if isinstance(port, str):
        return port
    if isinstance(timeout, str):
        return timeout
    try:
        message = EmailMessage()
        message["From"] = smtp.sender
        message["To"] = to
        message["Subject"] = re.sub(r"\s+", " ", subject)  # a mark with a line break stays one header
        message.set_content(body)
    except (ValueError, TypeError) as exc:  # e.g. GISCOPE_SMTP_SENDER is not an address
        return f"e-mail to {to} cannot be written: {exc}"
    try:
        with smtplib.SMTP(smtp.host, int(port), timeout=float(timeout)) as server:
            if smtp.tls:
                server.starttls(context=ssl.create_default_context())
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
            server.send_message(message)
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return f"SMTP server {smtp.host}:{port} refused: {exc.smtp_code} {text}"
    except smtplib.SMTPRecipientsRefused:
        return f"SMTP server {smtp.host}:{port} refused the recipient {to}"
    except (smtplib.SMTPException, OSError, TimeoutError) as exc:
        return f"SMTP server {smtp.host}:{port}: {exc or type(exc).__name__}"
    return None
