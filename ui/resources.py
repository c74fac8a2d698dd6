"""Cached resources for the pages: the database, the conflict index, rendered PDFs and export files.

With app_pages/, ui/ and streamlit_app.py, the only code that imports streamlit. Every resource is
made by a service; the cache only keeps it until the register changes.
"""

from __future__ import annotations

import ast
import importlib
import logging
import threading
from pathlib import Path
from typing import Any

import streamlit as st

from compare.conflicts import ConflictIndex
from config import Settings, lock_wait_seconds
from errors import GIScopeError, StorageError
from gi_lists.services import Filters
from reports.briefing import Briefing
from storage.db import Database
from storage.migrate import ensure_current
from ui.charts import Origins
from ui.language import page_language
from wording import say


def _lang() -> str:
    return page_language()


@st.cache_resource(show_spinner=False)
def _ready_database(url: str) -> Database:
    """One database per URL, cached only once the schema is current (errors are not cached)."""
    settings = Settings.from_env()
    db = Database(url, cache_dir=settings.cache_dir, lock_wait_s=lock_wait_seconds(settings.lock_wait))
    ensure_current(db)
    return db


def database() -> Database:
    """The register's database; stops the page with a message if it is not ready."""
    url = Settings.from_env().database_url
    try:
        return _ready_database(url)
    except StorageError as exc:
        lang = _lang()
        st.error(say("screen.resources.not_ready", lang, error=exc))
        st.info(
            say(
                "screen.resources.init_hint",
                lang,
                command="giscope init",
                make="make init",
                setting="GISCOPE_DATABASE_URL",
            )
        )
        st.stop()


# Keyed by the database URL and the register's fingerprint: any batch or status change gets a new one
# (built once per register version: build_index reads back the one another process or page kept).
@st.cache_resource(show_spinner=False, max_entries=2)
def _conflict_index(url: str, version: str) -> ConflictIndex:
    from compare.services import build_index

    return build_index(_ready_database(url))


def conflict_index() -> ConflictIndex:
    """The cross-script index of every name in the register, rebuilt when the register changes (any
    batch or status change); stops the page if the database is not ready."""
    from gi_lists.services import register_version

    version = register_version(database())  # database() shows "run giscope init" and stops when not ready
    with st.spinner(say("screen.resources.building_index", _lang())):  # shown only if it takes a while
        return _conflict_index(Settings.from_env().database_url, version)


PAGES_DIR = Path(__file__).resolve().parent.parent / "app_pages"
# One label per script the screening reads: the first check of each loads its tables (pinyin, OpenCC,
# Thai romanisation, fuzzy matching), a second or so in all.
WARM_LABELS = ("香宾酒", "香檳氣泡酒", "Champagne-style sparkling wine", "แชมเปญ")
_warm_up_lock = threading.Lock()
_warm_up_thread: threading.Thread | None = None


def page_modules(pages: Path = PAGES_DIR) -> list[str]:
    """The modules the page scripts import at their top (sorted), read from their source."""
    found: set[str] = set()
    for script in sorted(pages.glob("*.py")):
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return sorted(found)


_maps_lock = threading.Lock()


def warm_up() -> None:
    """What the first pages would otherwise wait for, in the order they need it: the modules every page
    imports, the overview's maps, the name index of the register as it is (read back from the kept file or
    built), the screening's tables, the export and PDF modules and the PDF fonts. Runs in a background thread
    (start_warm_up); a failure is logged, never shown: the page that needs the thing says what is wrong."""
    log = logging.getLogger("giscope.warm_up")

    def ahead(modules: list[str]) -> None:
        for module in modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 (the page importing it shows the error)
                log.warning("%s was not imported ahead", module, exc_info=True)

    ahead(page_modules())
    url = Settings.from_env().database_url
    try:  # the overview's facts and maps first: the first page (the overview) waits for them
        from agreements.services import overview
        from gi_lists.services import register_version

        overview(_ready_database(url))  # its queries once: the first page run then finds them quick
        version = register_version(_ready_database(url))
        for lang in ("en", "zh"):
            with _maps_lock:
                _origin_maps(url, version, lang)
    except Exception:  # noqa: BLE001 (the overview says what is wrong)
        log.warning("the overview's maps were not made ahead", exc_info=True)
    try:
        from compare.services import check_labels
        from gi_lists.services import register_version

        index = _conflict_index(url, register_version(_ready_database(url)))
        for jurisdiction in ("CN", "TH"):
            check_labels(index, list(WARM_LABELS), jurisdiction)
    except Exception:  # noqa: BLE001 (a page that needs the database or the index says what is wrong)
        log.warning("the name index was not warmed", exc_info=True)
    ahead(["altair", "openpyxl", "reports.render"])
    try:
        from reports.fonts import ensure_fonts

        ensure_fonts()  # registered once per process
    except Exception:  # noqa: BLE001 (a missing font is named when a PDF is asked for)
        log.warning("the PDF fonts were not registered ahead", exc_info=True)


def start_warm_up() -> threading.Thread:
    """Start warm_up in a background thread once per server process (later calls return that thread)."""
    global _warm_up_thread
    with _warm_up_lock:
        if _warm_up_thread is None:
            _warm_up_thread = threading.Thread(target=warm_up, name="giscope-warm-up", daemon=True)
            _warm_up_thread.start()
        return _warm_up_thread


@st.cache_data(show_spinner=False, max_entries=32)
def _pdf(briefing: Briefing) -> bytes:
    from reports.render import render

    return render(briefing)


def pdf(briefing: Briefing) -> bytes:
    """A prepared briefing rendered as PDF bytes (cached: the briefing names its date and data version)."""
    with st.spinner(say("screen.resources.rendering_pdf", _lang())):
        return _pdf(briefing)


@st.cache_data(show_spinner=False, max_entries=4)
def _origins(url: str, version: str) -> Origins:
    from gi_lists.services import list_gis
    from ui.charts import count_origins

    return count_origins(list_gis(_ready_database(url)))


def origins() -> Origins:
    """Where the register's GIs come from, by country and (China's) by province; cached until the register
    changes."""
    from gi_lists.services import register_version

    version = register_version(database())
    return _origins(Settings.from_env().database_url, version)


@st.cache_data(show_spinner=False, max_entries=4)
def _origin_maps(url: str, version: str, lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    from ui.charts import china_chart, world_chart

    found = _origins(url, version)
    # made into Vega-Lite specs once: Altair checks a spec against its schema each time it is drawn, which
    # for maps holding the bundled boundaries took 0.5-1 s per view
    return world_chart(found, lang).to_dict(), china_chart(found, lang).to_dict()


def origin_maps(lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The overview's two maps of where GIs come from (the world by country, China by province) as
    Vega-Lite specs in `lang`; cached until the register changes."""
    from gi_lists.services import register_version

    version = register_version(database())
    with _maps_lock:  # made once: a page asking while the warm-up makes them waits for its maps
        return _origin_maps(Settings.from_env().database_url, version, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _export_file(
    url: str,
    version: str,
    agreement: str | None,
    annex: str | None,
    jurisdiction: str | None,
    fmt: str,
    lang: str | None = None,
) -> tuple[int, bytes]:
    from gi_lists import export as gi_export
    from gi_lists.services import list_gis

    db = _ready_database(url)
    filters = Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    gis = list_gis(db, filters)
    renderings = None
    if lang:
        from translation.renderings import export_renderings

        renderings = export_renderings(db, gis, lang)
    if fmt == "json":
        return len(gis), gi_export.to_json(gis, lang=lang, renderings=renderings)
    keep = filters.protection_matches if filters.filters_protections else (lambda p: True)
    rows = gi_export.rows_for(gis, keep, lang=lang, renderings=renderings)
    columns = gi_export.columns_for(lang)
    return len(gis), gi_export.to_csv(rows, columns) if fmt == "csv" else gi_export.to_xlsx(rows, columns)


def export_file(filters: Filters, fmt: str, lang: str | None = None) -> tuple[int, bytes]:
    """How many GIs the filters select, and the file `giscope export --format FMT [--lang L]` writes for
    them (csv, xlsx or json); cached until the register (or, with a language, the memory) changes."""
    from gi_lists.services import register_version

    version = register_version(database())
    if lang:
        from translation.renderings import memory_version

        version += "/" + memory_version(database())
    url = Settings.from_env().database_url
    # no spinner: the export buttons make their files in a deferred callable, where st.* calls are ignored
    return _export_file(url, version, filters.agreement, filters.annex, filters.jurisdiction, fmt, lang)


def export_files(filters: Filters, lang: str | None = None) -> tuple[int, dict[str, bytes]]:
    """export_file for every format."""
    files = {fmt: export_file(filters, fmt, lang) for fmt in ("csv", "xlsx", "json")}
    return files["json"][0], {fmt: data for fmt, (_, data) in files.items()}


@st.cache_data(show_spinner=False, max_entries=16)
def _export_count(
    url: str, version: str, agreement: str | None, annex: str | None, jurisdiction: str | None
) -> int:
    from gi_lists.services import count_gis

    return count_gis(
        _ready_database(url), Filters(jurisdiction=jurisdiction, agreement=agreement, annex=annex)
    )


def export_count(filters: Filters) -> int:
    from gi_lists.services import register_version

    version = register_version(database())
    url = Settings.from_env().database_url
    return _export_count(url, version, filters.agreement, filters.annex, filters.jurisdiction)


def deliver_alerts(settings: Settings) -> None:
    """Send new alerts to the outbox file and the webhook, when they are set, and the messages
    subscribers wait for (`giscope watch subscribe`); warn when some fail (they are kept for later)."""
    from storage.db import driver_errors
    from watch.outbox import deliver_pending
    from watch.push import deliver_pushes

    failures: tuple[type[BaseException], ...] = (GIScopeError, *driver_errors())
    if settings.alert_outbox or settings.alert_webhook:
        try:
            report = deliver_pending(database(), settings)
        except failures as exc:  # what the page did has succeeded
            st.warning(say("screen.resources.alerts_failed", _lang(), error=exc))
        else:
            if report.left:
                st.warning(say("delivery.stopped", _lang(), error=report.error, left=report.left))
            elif report.failed:
                st.warning(
                    say(
                        "screen.resources.some_alerts_failed",
                        _lang(),
                        count=report.failed,
                        error=report.error,
                    )
                )
    try:
        pushed = deliver_pushes(database(), settings)
    except failures as exc:
        st.warning(say("screen.resources.pushes_failed", _lang(), error=exc))
        return
    if pushed.failed:
        st.warning(
            say(
                "screen.resources.some_pushes_failed",
                _lang(),
                count=pushed.failed + pushed.left,
                error=pushed.error,
            )
        )
