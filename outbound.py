"""Outbound HTTP to addresses a person set (an alert webhook, a subscriber's webhook, the EU register):
one URL policy, one opener, and the redaction every message about such an address goes through.

- Only http:// and https:// URLs with a host are used; file://, ftp://, data:, javascript: and anything
  else are refused with one clear message (`check_http_url`).
- No redirect is followed: urllib would turn a redirected POST into a GET and drop its body, so a 3xx
  answer is a failure ("redirected (302) - not followed"), never a success.
- A webhook's path, query and user part often hold its token: `redact` keeps the scheme and the host only
  (https://hooks.example.org/***), and `scrub` takes the secret parts out of any error text, so that no
  message, stored error or warning shows them.

Pure standard library (no feature, no database): the services of watch/ and gi_lists/ use it.
"""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

from errors import GIScopeError

SCHEMES = ("http", "https")
MAX_URL = 2000


class UrlRefused(GIScopeError):
    """A URL that GIScope will not send to (not http(s), no host, spaces, a bad port)."""


class SendFailed(Exception):
    """A POST that did not succeed; `str(error)` is one line, the URL already redacted. `status` is the
    HTTP status when the server answered, else None."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


# --- the policy ------------------------------------------------------------------------------------


def url_problem(url: str) -> str | None:
    """Why `url` may not be used, or None when it is an http(s) URL with a host."""
    text = url.strip()
    if not text:
        return "it is empty"
    if len(text) > MAX_URL:
        return f"it is longer than {MAX_URL} characters"
    if re.search(r"\s", text):
        return "it holds spaces"
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return "its host or port cannot be read"
    if parts.scheme.lower() not in SCHEMES:
        return "only http:// and https:// addresses are used"
    if not parts.hostname:
        return "it names no host"
    return None


def check_http_url(url: str, *, what: str) -> str:
    """`url` stripped, or UrlRefused naming `what` (e.g. 'GISCOPE_ALERT_WEBHOOK', '--webhook'), the URL
    redacted."""
    problem = url_problem(url)
    if problem:
        raise UrlRefused(f"{what} {redact(url)} is not an http(s) URL ({problem}): use https://HOST/PATH")
    return url.strip()


# --- redaction -------------------------------------------------------------------------------------


def redact(url: str) -> str:
    """The URL with everything after the host hidden: 'https://hooks.example.org/***'. A URL with nothing
    after its host is shown whole; a user part (user:token@) is always hidden."""
    text = (url or "").strip()
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        return "***"
    scheme = parts.scheme.lower() or "?"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    where = f"{scheme}://" + ("***@" if "@" in parts.netloc else "") + host + (f":{port}" if port else "")
    hidden = parts.path not in ("", "/") or parts.query or parts.fragment
    return where + ("/***" if hidden else "")


def scrub(text: str, url: str) -> str:
    """`text` with `url` and each of its secret parts (user part, path, query) replaced by '***'."""
    out = text.replace(url, redact(url)) if url else text
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return out
    secrets = [parts.netloc if "@" in parts.netloc else "", parts.path, parts.query, parts.fragment]
    secrets += [urllib.parse.unquote(s) for s in secrets]
    for secret in sorted({s for s in secrets if len(s) > 1}, key=len, reverse=True):
        out = out.replace(secret, "/***" if secret.startswith("/") else "***")
    return out


_QUERY_SECRET = re.compile(r"(?i)([?&;](?:password|passwd|pwd|token|secret|key|api_key|apikey)=)[^&;#]*")


def hide_password(url: str) -> str:
    """The URL with the password of its user part and any password=, token=, key= query value hidden
    (a database URL: postgresql+psycopg://giscope:***@db/giscope)."""
    text = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
    return _QUERY_SECRET.sub(r"\1***", text)


def shown_value(setting: object, value: str | None) -> str | None:
    """A setting's value as `giscope settings` may print it (Setting.shown: plain, password, redacted)."""
    how = getattr(setting, "shown", "plain")
    if not value or how == "plain":
        return value
    return redact(value) if how == "redacted" else hide_password(value)


# --- sending ---------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Follows no redirect: the 3xx answer reaches the caller as an HTTPError."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _opener() -> urllib.request.OpenerDirector:
    """http and https only (no file:, ftp: or data: handler at all), no redirects."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _NoRedirect(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def open_request(request: urllib.request.Request, *, timeout: float) -> http.client.HTTPResponse:
    """Open `request` (its URL already checked) with the http(s)-only, no-redirect opener; urllib's own
    errors (HTTPError for any answer but 2xx, a 3xx included; URLError; TimeoutError) go to the caller."""
    return _opener().open(request, timeout=timeout)  # type: ignore[no-any-return]


def post(
    url: str, body: bytes, *, timeout: float, headers: Mapping[str, str] | None = None, what: str = "webhook"
) -> bytes:
    """POST `body` to an http(s) `url` and return the answer's body; any answer but 2xx, a redirect, no
    answer within `timeout` seconds or no connection raises SendFailed (one line, URL redacted), a URL
    the policy refuses raises UrlRefused."""
    check_http_url(url, what=what)
    shown = redact(url)
    request = urllib.request.Request(
        url.strip(),
        data=body,
        headers={"Content-Type": "application/json", "User-Agent": "GIScope", **(headers or {})},
        method="POST",
    )
    try:
        with open_request(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            raise SendFailed(f"{what} {shown} redirected ({exc.code}) - not followed", exc.code) from None
        raise SendFailed(f"{what} {shown} answered {exc.code}", exc.code) from None
    except TimeoutError:
        raise SendFailed(f"{what} {shown}: no answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise SendFailed(f"{what} {shown}: no answer within {timeout:g} s") from None
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise SendFailed(f"{what} {shown}: {scrub(reason, url)}") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:  # not HTTP; a reset connection
        detail = scrub(str(exc) or type(exc).__name__, url)
        raise SendFailed(f"{what} {shown}: {type(exc).__name__}: {detail}") from None
