"""The two ways a subscriber is told: an e-mail through the configured SMTP server, or a JSON POST to
the subscriber's URL. Each returns the error as one line, or None when the message was accepted; nothing
here touches the database (the caller holds no transaction while it sends)."""

from __future__ import annotations

import json
import re
import smtplib
import ssl
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


def post_json(
    url: str, payload: dict[str, Any], *, timeout: float = WEBHOOK_TIMEOUT_S, what: str = "webhook"
) -> str | None:
    """POST `payload` as JSON; any answer but 2xx (a redirect included: it is not followed), no answer
    within `timeout`, no connection or a URL that is not http(s) is an error, its URL redacted."""
    from outbound import SendFailed, UrlRefused, post

    try:
        post(url, json.dumps(payload, ensure_ascii=False).encode("utf-8"), timeout=timeout, what=what)
    except (SendFailed, UrlRefused) as exc:
        return str(exc)
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
