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


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "GISCOPE_DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "SQLAlchemy URL of the register, e.g. postgresql+psycopg://user@host:5432/db. "
        "Default: an SQLite file data/giscope.sqlite3 in the project.",
    ),
    Setting(
        "GISCOPE_USER",
        "",
        "Name recorded as 'who' in the history of every change. Default: the login name.",
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
        "URL that each new alert is POSTed to as JSON (5 s timeout; failures are retried later). "
        "Default: none.",
    ),
    Setting(
        "GISCOPE_EAMBROSIA_URL",
        "https://ec.europa.eu/geographical-indications-register/eambrosia-public-api/api/gi-applications/filter",
        "Address of the EU register's public JSON interface that `giscope import-register eu` POSTs to.",
    ),
    Setting(
        "GISCOPE_EAMBROSIA_TIMEOUT",
        "30",
        "Seconds `giscope import-register eu` waits for the EU register before giving up.",
    ),
    Setting(
        "GISCOPE_CACHE_DIR",
        "",
        "Directory where the conflict index is kept between commands (one file per database, rebuilt "
        "when the register changes). Default: beside an SQLite register file (FILE-conflict-index); "
        "a PostgreSQL register is indexed anew by every command unless this is set.",
    ),
)


def setting_default(name: str) -> str:
    return next(s.default for s in SETTINGS if s.name == name)


def _user_default() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    user: str = field(default_factory=_user_default)
    alert_outbox: str | None = None
    alert_webhook: str | None = None
    eambrosia_url: str = field(default_factory=lambda: setting_default("GISCOPE_EAMBROSIA_URL"))
    eambrosia_timeout: str = "30"  # seconds; checked where it is used
    cache_dir: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("GISCOPE_DATABASE_URL") or DEFAULT_DATABASE_URL,
            user=env.get("GISCOPE_USER") or _user_default(),
            alert_outbox=env.get("GISCOPE_ALERT_OUTBOX") or None,
            alert_webhook=env.get("GISCOPE_ALERT_WEBHOOK") or None,
            eambrosia_url=env.get("GISCOPE_EAMBROSIA_URL") or setting_default("GISCOPE_EAMBROSIA_URL"),
            eambrosia_timeout=env.get("GISCOPE_EAMBROSIA_TIMEOUT")
            or setting_default("GISCOPE_EAMBROSIA_TIMEOUT"),
            cache_dir=env.get("GISCOPE_CACHE_DIR") or None,
        )
