"""Import and export: check a list batch against the register, apply it, and export the lists."""

import datetime as dt
from typing import Any

import streamlit as st

from agreements.services import overview
from config import Settings
from errors import GIScopeError, InputError
from gi_lists.importers import KNOWN_COLUMNS, REQUIRED_COLUMNS
from gi_lists.model import CONFIDENCES, JURISDICTIONS
from gi_lists.services import Filters, ImportResult, import_file
from ui import cells, resources, widgets
from wording import agreement_name

ANY = "any"
CHECKED = "lists_checked"  # the last successful check: its ticket (file and options), upload and plan

st.title("Import and export")
st.caption(
    "A batch is the new state of one list, all rows or none. **Check** shows what it would add, change "
    "and withdraw, writing nothing; **Apply** then imports that file with those options."
)

db = resources.database()
settings = Settings.from_env()
agreements = {ov.agreement.id: ov.agreement for ov in overview(db)}
annexes = {a.id: {x.code: x.meaning_en for x in a.annexes if x.holds_names} for a in agreements.values()}
names = {ANY: ANY} | {a: agreement_name(a) for a in agreements}
names |= {j: f"{j} register" for j in JURISDICTIONS}


def run_import(kept: widgets.KeptUpload, options: dict[str, Any], *, dry_run: bool) -> ImportResult | None:
    """import_file on the kept upload; problems are shown, naming the upload's lines, and None returned."""
    try:
        with st.spinner("Checking…" if dry_run else "Applying…"):
            return widgets.on_upload(
                kept, lambda path: import_file(db, path, who=settings.user, dry_run=dry_run, **options)
            )
    except InputError as exc:
        problems = cells.problems_markdown(exc.problems)
        st.error(f"{cells.plain(kept.name)} cannot be imported; nothing was written:\n{problems}")
    except GIScopeError as exc:
        st.error(f"{cells.plain(str(exc))}; nothing was written.")
    return None


importing, exporting = st.tabs(["Import a batch", "Export"])

with importing:
    upload = st.file_uploader(
        "Batch (CSV in UTF-8, or XLSX)",
        type=["csv", "xlsx"],
        key="lists_file",
        help=f"Required columns: {', '.join(REQUIRED_COLUMNS)}. Allowed: {', '.join(KNOWN_COLUMNS)}.",
    )
    left, right = st.columns(2)
    target = left.selectbox(
        "Import into", [*agreements, *JURISDICTIONS], format_func=names.__getitem__, key="lists_target"
    )
    codes = annexes.get(target, {})
    annex = None
    if codes:
        annex = right.selectbox(
            "Annex", list(codes), format_func=lambda c: f"{c}: {codes[c].split(' (')[0]}", key="lists_annex"
        )
    source = left.text_input("Source for rows without one (optional)", key="lists_source")
    level = right.selectbox(
        "Default confidence", CONFIDENCES, index=CONFIDENCES.index("unconfirmed"), key="lists_conf"
    )
    keep = left.checkbox(
        "Keep entries the file leaves out", key="lists_keep", help="Otherwise they are withdrawn."
    )
    published = right.date_input("Published for objection on (optional)", value=None, key="lists_published")
    options: dict[str, Any] = {
        "agreement": target if target in agreements else None,
        "annex": annex,
        "register": None if target in agreements else target,
        "source": source.strip() or None,
        "confidence": level,
        "keep_missing": keep,
        "published": published.isoformat() if isinstance(published, dt.date) else None,
    }
    kept = widgets.KeptUpload(upload.name, upload.getvalue()) if upload is not None else None
    ticket = (kept.name, kept.digest, tuple(options.items())) if kept else None

    buttons = st.columns([1, 1, 4])
    if buttons[0].button("1. Check", type="primary", key="lists_check", disabled=kept is None) and kept:
        st.session_state.pop(CHECKED, None)
        if (checked := run_import(kept, options, dry_run=True)) is not None:
            st.session_state[CHECKED] = {"ticket": ticket, "upload": kept, "plan": checked.plan}
    last = st.session_state.get(CHECKED)
    ready = last is not None and last["ticket"] == ticket
    apply = buttons[1].button("2. Apply", key="lists_apply", disabled=not ready) and ready
    if apply and (done := run_import(st.session_state.pop(CHECKED)["upload"], options, dry_run=False)):
        st.session_state["lists_applied"] = done
        st.rerun()  # shows the outcome with Apply disabled until the next check

    if (applied := st.session_state.pop("lists_applied", None)) is not None:
        widgets.show_applied(applied)
        resources.deliver_alerts(settings)
    elif ready and last is not None:
        widgets.show_plan(last["plan"], last["upload"].name)
    elif kept is not None:
        st.info("Press **1. Check** to see what this batch would change; **2. Apply** follows a check.")

with exporting:
    left, middle, right, names_in = st.columns(4)
    agreement = left.selectbox(
        "Agreement", [ANY, *agreements], format_func=names.__getitem__, key="export_agr"
    )
    ex_codes = annexes.get(agreement, {})
    ex_annex = middle.selectbox("Annex", [ANY, *ex_codes], key="export_annex", disabled=not ex_codes)
    where = right.selectbox(
        "Protected in", [ANY, *JURISDICTIONS], key="export_in", help="FR includes the EU."
    )
    rendering = names_in.selectbox(
        "Names in",
        [ANY, "en", "fr", "th"],
        key="export_lang",
        format_func=lambda c: "—" if c == ANY else c,
        help="Adds each GI's name in that language (reviewed renderings; unreviewed ones marked).",
    )
    chosen = [None if v == ANY else v for v in (agreement, ex_annex if ex_annex in ex_codes else ANY, where)]
    widgets.export_buttons(
        Filters(agreement=chosen[0], annex=chosen[1], jurisdiction=chosen[2]),
        None if rendering == ANY else rendering,
    )
