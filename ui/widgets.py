"""Widgets the pages share: the language switch, uploads kept between Check and Apply, a batch's plan
and outcome, and the export buttons."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

import streamlit as st

from errors import InputError
from gi_lists.batches import BatchPlan
from gi_lists.services import Filters, ImportResult
from ui.cells import plain
from ui.language import LANGUAGES, page_language
from ui.register_tables import objection_basis, plan_tables, target_text
from ui.resources import export_count, export_file
from wording import say

EXPORT_MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
T = TypeVar("T")


class Upload(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


# Keyed by the database URL. The register can change under a running app (imports), so a built


def on_upload(upload: Upload, service: Callable[[Path], T]) -> T:
    """Run a file-reading service on an uploaded file; its problems name the upload, not a temp copy."""
    name = Path(upload.name).name or "upload"
    with tempfile.TemporaryDirectory(prefix="giscope-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(upload.getvalue())
        try:
            return service(path)
        except InputError as exc:
            raise InputError([p.replace(str(path), name) for p in exc.problems]) from None


def language(key: str) -> str:
    """A language choice for one output (a brief printed in the other language), starting at the page's."""
    if key not in st.session_state:
        st.session_state[key] = page_language()
    lang = page_language()
    choice = st.radio(
        say("app.output_language", lang),
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=key,
        horizontal=True,
    )
    return "zh" if choice == "zh" else "en"


@dataclass
class KeptUpload:
    """An uploaded file's name and bytes, kept in the session from Check to Apply (an `Upload`)."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def show_plan(plan: BatchPlan, file: str) -> None:
    """What a checked batch would do: the counts, then the added, changed and withdrawn entries."""
    lang, s = page_language(), plan.summary()
    st.markdown(
        say("plan.heading", lang, file=plain(file), target=target_text(plan.target, lang), rows=s["rows"])
    )
    if plan.left_out:
        lines = ", ".join(str(line) for line, _ in plan.left_out[:10]) + (
            " …" if len(plan.left_out) > 10 else ""
        )
        lists = ", ".join(sorted({key for _, key in plan.left_out}))
        st.info(say("lists.safety.left_out", lang, count=len(plan.left_out), lists=lists, lines=lines))
    counts = {
        say("plan.added", lang): "added",
        say("plan.changed", lang): "changed",
        say("plan.withdrawn", lang): "removed",
        say("plan.unchanged", lang): "unchanged",
    }
    for column, (label, key) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(label, s[key])
    if plan.is_empty:
        st.success(say("plan.nothing_to_change", lang, target=target_text(plan.target, lang)))
    for title, frame in plan_tables(plan, lang).items():
        st.markdown(f"**{title}** · {len(frame)}")
        if len(frame):
            st.dataframe(frame, hide_index=True)


def show_applied(result: ImportResult) -> None:
    """The outcome of an applied batch: its id and counts, and the objection window it opened."""
    lang, s = page_language(), result.plan.summary()
    target = target_text(result.plan.target, lang)
    if result.batch_id is None:
        st.info(say("plan.nothing_to_change", lang, target=target))
    else:
        counts = {"added": s["added"], "changed": s["changed"], "removed": s["removed"]}
        st.toast(
            say("lists.safety.toast", lang, batch=result.batch_id, **counts), icon=":material/check_circle:"
        )
        st.success(
            say(
                "plan.applied",
                lang,
                batch=result.batch_id,
                target=target,
                added=s["added"],
                changed=s["changed"],
                removed=s["removed"],
                unchanged=s["unchanged"],
            )
        )
    w = result.objection_window
    if w is not None:
        basis = objection_basis(w.basis, lang)
        st.info(say("plan.objection_window", lang, due=w.due, basis=basis, source=w.source))


def _file_bytes(filters: Filters, fmt: str, lang: str | None = None) -> bytes:
    return export_file(filters, fmt, lang)[1]


def export_buttons(filters: Filters, names_lang: str | None = None) -> None:
    """Download buttons for the CSV, XLSX and JSON files (with `names_lang`, each GI's name in that
    language), then how many GIs the filters select (written last, so a count on the screen means its
    files are there too)."""
    lang, count = page_language(), export_count(filters)
    parts = (filters.agreement, filters.annex, filters.jurisdiction, names_lang)
    stem = "-".join(["giscope", *(p.lower() for p in parts if p)])
    for column, fmt in zip(st.columns(6), ("csv", "xlsx", "json"), strict=False):
        column.download_button(
            say("lists.download", lang, format=fmt.upper()),
            partial(
                _file_bytes, filters, fmt, names_lang
            ),  # made when the button is pressed, not on every run
            file_name=f"{stem}.{fmt}",
            mime=EXPORT_MIME[fmt],
            on_click="ignore",
            key=f"export_{fmt}",
        )
    st.markdown(
        say(
            "lists.export_count_one" if count == 1 else "lists.export_count",
            lang,
            count=count,
            command="`giscope export`",
        )
    )
