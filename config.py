"""Settings, read from the environment once.

Every setting is declared here with a help line; ``giscope settings`` and the README list them.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
KNOWLEDGE_DIR = DATA_DIR / "knowledge"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'giscope.sqlite3'}"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    secret: bool = False  # `giscope settings` says whether it is set, never its value
    # how `giscope settings` shows a URL: "plain", "password" (its password hidden) or "redacted" (its
    # scheme and host only: a webhook's path and query hold its token)
    shown: str = "plain"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "GISCOPE_DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "SQLAlchemy URL of the register, e.g. postgresql+psycopg://user@host:5432/db. "
        "Default: an SQLite file data/giscope.sqlite3 in the project.",
        shown="password",
    ),
    Setting(
        "GISCOPE_USER",
        "",
        "Name recorded as 'who' in the history of every change. Default: the login name.",
    ),
    Setting(
        "GISCOPE_TOKEN",
        "",
        "Token of the account the CLI acts as (from `giscope user token NAME`); it must match an enabled "
        "account, and then wins over GISCOPE_USER. Default: none.",
        secret=True,
    ),
    Setting(
        "GISCOPE_REQUIRE_LOGIN",
        "0",
        "1 to show the UI only to people signed in to an account (`giscope user add`). Default: 0 (anyone "
        "may view; editing needs an editor account once accounts exist).",
    ),
    Setting(
        "GISCOPE_LANG",
        "en",
        "Language of the UI (its starting choice; each session can switch) and of the CLI's prose when "
        "--lang is not given: en or zh. Default: en.",
    ),
    Setting(
        "GISCOPE_ALERT_OUTBOX",
        "",
        "JSON-lines file that new alerts (batches, status changes, deadlines) are appended to. "
        "Default: none.",
    ),
    Setting(
        "GISCOPE_ALERT_WEBHOOK",
        "",
        "http(s) URL that each new alert is POSTed to as JSON (5 s timeout; a redirect is not followed "
        "but is a failure; failures are retried later; shown by its host only). Default: none.",
        shown="redacted",
    ),
    Setting(
        "GISCOPE_EAMBROSIA_URL",
        "https://ec.europa.eu/geographical-indications-register/eambrosia-public-api/api/gi-applications/filter",
        "Address of the EU register's public JSON interface that `giscope import-register eu` POSTs to.",
        shown="password",
    ),
    Setting(
        "GISCOPE_EAMBROSIA_TIMEOUT",
        "30",
        "Seconds `giscope import-register eu` waits for the EU register before giving up.",
    ),
    Setting(
        "GISCOPE_LOCK_WAIT",
        "60",
        "Seconds a write (an edit, an import) keeps trying while another writer holds the register, "
        "before it gives up with one clear message and writes nothing (0-3600).",
    ),
    Setting(
        "GISCOPE_CACHE_DIR",
        "",
        "Directory where the conflict index is kept between commands (one file per database, rebuilt "
        "when the register changes). Default: beside an SQLite register file (FILE-conflict-index); "
        "a PostgreSQL register is indexed anew by every command unless this is set.",
    ),
    Setting(
        "GISCOPE_SMTP_HOST",
        "",
        "SMTP server that e-mails to `giscope watch subscribe --email` subscribers are sent through. "
        "Default: none (e-mails wait, undelivered, until it is set).",
    ),
    Setting("GISCOPE_SMTP_PORT", "25", "Port of the SMTP server (587 with GISCOPE_SMTP_TLS=1 is usual)."),
    Setting(
        "GISCOPE_SMTP_SENDER",
        "giscope@localhost",
        "From address of the e-mails sent to subscribers.",
    ),
    Setting("GISCOPE_SMTP_USER", "", "User name to log in to the SMTP server with. Default: no login."),
    Setting("GISCOPE_SMTP_PASSWORD", "", "Password for GISCOPE_SMTP_USER. Default: none.", secret=True),
    Setting(
        "GISCOPE_SMTP_TLS",
        "0",
        "1 to switch the SMTP connection to TLS (STARTTLS) before logging in and sending. Default: 0.",
    ),
    Setting(
        "GISCOPE_TRANSLATOR",
        "google",
        "Machine translation engine for `giscope translate` and suggested renderings (deep-translator): "
        "google, or none to switch machine translation off (the memory and the glossary still answer).",
    ),
    Setting(
        "GISCOPE_TRANSLATE_TIMEOUT",
        "5",
        "Seconds one machine translation call may take (at most 5); an engine that does not answer is "
        "not asked again by the same command.",
    ),
    Setting(
        "GISCOPE_SMTP_TIMEOUT",
        "10",
        "Seconds to wait for the SMTP server before giving up (the e-mail is retried later).",
    ),
)


def setting_default(name: str) -> str:
    return next(s.default for s in SETTINGS if s.name == name)


def language_setting(value: str | None) -> str:
    """GISCOPE_LANG read leniently: zh, zh-CN, chinese or 中文 is Chinese; anything else English."""
    text = (value or "").strip().lower()
    return "zh" if text.startswith("zh") or text in ("chinese", "中文", "cn") else "en"


def _user_default() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    user: str = field(default_factory=_user_default)
    lang: str = "en"  # "en" or "zh"
    token: str | None = field(default=None, repr=False)  # GISCOPE_TOKEN: never printed
    require_login: bool = False
    alert_outbox: str | None = None
    alert_webhook: str | None = None
    eambrosia_url: str = field(default_factory=lambda: setting_default("GISCOPE_EAMBROSIA_URL"))
    eambrosia_timeout: str = "30"  # seconds; checked where it is used
    cache_dir: str | None = None
    lock_wait: str = "60"  # seconds; checked where it is used (lock_wait_seconds)
    smtp_host: str | None = None
    smtp_port: str = "25"  # checked where it is used
    smtp_sender: str = "giscope@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_tls: bool = False
    smtp_timeout: str = "10"  # seconds; checked where it is used
    translator: str = "google"
    translate_timeout: str = "5"  # seconds, at most 5; checked where it is used

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("GISCOPE_DATABASE_URL") or DEFAULT_DATABASE_URL,
            user=env.get("GISCOPE_USER") or _user_default(),
            lang=language_setting(env.get("GISCOPE_LANG")),
            token=(env.get("GISCOPE_TOKEN") or "").strip() or None,
            require_login=(env.get("GISCOPE_REQUIRE_LOGIN") or "0").strip().lower()
            in ("1", "true", "yes", "on"),
            alert_outbox=env.get("GISCOPE_ALERT_OUTBOX") or None,
            alert_webhook=env.get("GISCOPE_ALERT_WEBHOOK") or None,
            eambrosia_url=env.get("GISCOPE_EAMBROSIA_URL") or setting_default("GISCOPE_EAMBROSIA_URL"),
            eambrosia_timeout=env.get("GISCOPE_EAMBROSIA_TIMEOUT")
            or setting_default("GISCOPE_EAMBROSIA_TIMEOUT"),
            cache_dir=env.get("GISCOPE_CACHE_DIR") or None,
            lock_wait=env.get("GISCOPE_LOCK_WAIT") or setting_default("GISCOPE_LOCK_WAIT"),
            smtp_host=env.get("GISCOPE_SMTP_HOST") or None,
            smtp_port=env.get("GISCOPE_SMTP_PORT") or setting_default("GISCOPE_SMTP_PORT"),
            smtp_sender=env.get("GISCOPE_SMTP_SENDER") or setting_default("GISCOPE_SMTP_SENDER"),
            smtp_user=env.get("GISCOPE_SMTP_USER") or None,
            smtp_password=env.get("GISCOPE_SMTP_PASSWORD") or None,
            smtp_tls=(env.get("GISCOPE_SMTP_TLS") or "0").strip().lower() in ("1", "true", "yes", "on"),
            smtp_timeout=env.get("GISCOPE_SMTP_TIMEOUT") or setting_default("GISCOPE_SMTP_TIMEOUT"),
            translator=env.get("GISCOPE_TRANSLATOR") or setting_default("GISCOPE_TRANSLATOR"),
            translate_timeout=env.get("GISCOPE_TRANSLATE_TIMEOUT")
            or setting_default("GISCOPE_TRANSLATE_TIMEOUT"),
        )


def lock_wait_seconds(text: str) -> float:
    """GISCOPE_LOCK_WAIT as seconds (0-3600), or a StorageError that names the setting."""
    from errors import StorageError

    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise StorageError(f"GISCOPE_LOCK_WAIT={text!r} is not a number of seconds (0-3600)")
    return seconds
