"""Import and export: check a list batch against the register, apply it, and export the lists."""

import datetime as dt
from typing import Any

import streamlit as st

from agreements.services import overview
from config import Settings
from errors import GIScopeError, InputError
from gi_lists.entries import ListTarget
from gi_lists.importers import (
    ID_COLUMN,
    OPTIONAL_COLUMNS,
    PROTECTION_COLUMNS,
    READ_ONLY_COLUMNS,
    REQUIRED_COLUMNS,
)
from gi_lists.model import CONFIDENCES, JURISDICTIONS
from gi_lists.safety import WithdrawalsNotConfirmed
from gi_lists.services import Filters, ImportResult, import_file
from phrases import message_line, message_text
from ui import cells, resources, widgets
from ui.accounts import acting_user, editors_only
from ui.language import relabel
from wording import (
    agreement_name,
    annex_code,
    annex_name,
    confidence_word,
    jurisdiction_name,
    language_word,
    say,
)

ANY = "any"
CHECKED = "lists_checked"  # the last successful check: its ticket (file and options), upload and plan
CONFIRM = "lists_confirm"  # the confirmation of a large withdrawal, asked anew after each check
STEPS = {
    "read": "lists.safety.step_read",
    "plan": "lists.safety.step_plan",
    "apply": "lists.safety.step_apply",
}

lang = widgets.page_language()
zh = lang == "zh"
st.title(say("nav.lists", lang))
st.caption(say("lists.caption", lang))

db = resources.database()
settings = Settings.from_env()
agreements = {ov.agreement.id: ov.agreement for ov in overview(db)}
annexes = {
    a.id: {x.code: x.meaning_zh if zh else x.meaning_en for x in a.annexes if x.holds_names}
    for a in agreements.values()
}
names = {ANY: say("lists.any", lang)} | {a: agreement_name(a, lang) for a in agreements}
names |= {
    j: say("lists.register", lang, where=jurisdiction_name(j, lang) if zh else j) for j in JURISDICTIONS
}


def any_or(value: str) -> str:
    return say("lists.any", lang) if value == ANY else value


def list_name(t: ListTarget) -> str:
    """A list as people name it: 'Annex V of China–EU' / '中欧协定附录五', 'China–France', 'CN register'."""
    if t.route == "agreement" and t.agreement:
        if zh:
            return annex_name(t.agreement, t.annex, lang)
        return say("lists.safety.annex_of", lang, annex=t.annex, agreement=agreement_name(t.agreement, lang))
    return agreement_name(t.agreement, lang) if t.agreement else names[t.jurisdiction or ""]


def problems(lines: list[str]) -> str:
    """A file's problems as a markdown list, each in the page's language (its location kept)."""
    shown = cells.problems_markdown([message_line(line, lang) for line in lines[: cells.MAX_PROBLEMS]])
    more = len(lines) - cells.MAX_PROBLEMS
    return shown + ("\n- " + say("lists.more_problems", lang, count=more) if more > 0 else "")


def run_import(
    kept: widgets.KeptUpload, options: dict[str, Any], *, dry_run: bool, confirm: int | None = None
) -> ImportResult | None:
    """import_file on the kept upload, its steps shown as they happen; problems are shown, naming the
    upload's lines, and None returned."""
    file = cells.plain(kept.name)
    label = "lists.safety.checking" if dry_run else "lists.safety.applying"
    with st.status(say(label, lang, file=file)) as status:

        def run(path: Any) -> ImportResult:
            return import_file(
                db,
                path,
                who=acting_user(),
                dry_run=dry_run,
                confirm_withdrawals=confirm,
                progress=lambda step: status.write(say(STEPS[step], lang, file=file)),
                **options,
            )

        try:
            result = widgets.on_upload(kept, run)
        except GIScopeError as exc:
            status.update(label=say("lists.safety.failed", lang, file=file), state="error")
            error = exc
        else:
            done = "lists.safety.checked" if dry_run else "lists.safety.applied"
            status.update(label=say(done, lang, file=file), state="complete")
            return result
    if isinstance(error, InputError):
        st.error(say("lists.cannot_import", lang, file=file, problems=problems(error.problems)))
    elif isinstance(error, WithdrawalsNotConfirmed):
        target_name = list_name(error.plan.target)
        values = {"withdrawn": error.withdrawn, "listed": error.listed, "target": target_name}
        st.error(say("lists.safety.changed_since", lang, **values))
    else:
        st.error(say("lists.not_written", lang, error=cells.plain(message_text(str(error), lang))))
    return None


st.session_state.setdefault("lists_conf", "unconfirmed")
relabel("lists_target", "lists_annex", "lists_conf", "export_agr", "export_annex", "export_in", "export_lang")
importing, exporting = st.tabs([say("lists.import_tab", lang), say("lists.export_tab", lang)])

with importing:
    may_apply = editors_only(lang)  # anyone may check a file; applying it needs an editor
    upload = st.file_uploader(
        say("lists.file", lang, encoding="UTF-8"),
        type=["csv", "xlsx", "json"],
        key="lists_file",
        help=say(
            "lists.file_help",
            lang,
            required=", ".join(f"`{c}`" for c in REQUIRED_COLUMNS),
            allowed=", ".join(f"`{c}`" for c in OPTIONAL_COLUMNS + PROTECTION_COLUMNS),
        )
        + " "
        + say(
            "lists.safety.columns",
            lang,
            id=f"`{ID_COLUMN}`",
            read_only=", ".join(f"`{c}`" for c in READ_ONLY_COLUMNS),
        ),
    )
    left, right = st.columns(2)
    target = left.selectbox(
        say("lists.target", lang),
        [*agreements, *JURISDICTIONS],
        format_func=names.__getitem__,
        key="lists_target",
    )
    codes = annexes.get(target, {})
    annex = None
    if codes:
        annex = right.selectbox(
            say("lists.annex", lang),
            list(codes),
            format_func=lambda c: say(
                "lists.annex_option",
                lang,
                annex=annex_code(c, lang),
                meaning=codes[c].split(" (")[0].split("（")[0],
            ),
            key="lists_annex",
        )
    source = left.text_input(say("lists.source", lang), key="lists_source")
    level = right.selectbox(
        say("lists.confidence", lang),
        CONFIDENCES,
        format_func=lambda c: confidence_word(c, lang),
        key="lists_conf",
    )
    keep = left.checkbox(say("lists.keep", lang), key="lists_keep", help=say("lists.keep_help", lang))
    left.caption(say("lists.safety.keep_note", lang))
    published = right.date_input(say("lists.published", lang), value=None, key="lists_published")
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
    confirm_area = st.container()  # a large withdrawal's warning and confirmation, under the buttons
    if (
        buttons[0].button(say("lists.check", lang), type="primary", key="lists_check", disabled=kept is None)
        and kept
    ):
        st.session_state.pop(CHECKED, None)
        st.session_state.pop(CONFIRM, None)  # each check asks again
        if (checked := run_import(kept, options, dry_run=True)) is not None:
            st.session_state[CHECKED] = {"ticket": ticket, "upload": kept, "plan": checked.plan}
    last = st.session_state.get(CHECKED)
    ready = last is not None and last["ticket"] == ticket
    confirm, can_apply = None, ready
    if ready and last is not None and last["plan"].needs_confirmation:
        plan = last["plan"]
        values = {"withdrawn": len(plan.removed), "target": list_name(plan.target)}
        with confirm_area:
            file = cells.plain(last["upload"].name)
            st.warning(say("lists.safety.large", lang, listed=plan.listed, file=file, **values))
            if st.checkbox(say("lists.safety.confirm", lang, **values), key=CONFIRM):
                confirm = len(plan.removed)
            else:
                st.caption(say("lists.safety.confirm_first", lang))
                can_apply = False
    apply = (
        buttons[1].button(say("lists.apply", lang), key="lists_apply", disabled=not (can_apply and may_apply))
        and can_apply
        and may_apply
    )
    if apply and last is not None:
        st.session_state.pop(CHECKED)
        if done := run_import(last["upload"], options, dry_run=False, confirm=confirm):
            st.session_state["lists_applied"] = done
            st.rerun()  # shows the outcome with Apply disabled until the next check

    if (applied := st.session_state.pop("lists_applied", None)) is not None:
        widgets.show_applied(applied)
        resources.deliver_alerts(settings)
    elif ready and last is not None:
        widgets.show_plan(last["plan"], last["upload"].name)
    elif kept is not None:
        st.info(say("lists.press_check", lang))

with exporting:
    left, middle, right, names_in = st.columns(4)
    agreement = left.selectbox(
        say("lists.agreement", lang), [ANY, *agreements], format_func=names.__getitem__, key="export_agr"
    )
    ex_codes = annexes.get(agreement, {})
    ex_annex = middle.selectbox(
        say("lists.annex", lang),
        [ANY, *ex_codes],
        format_func=lambda c: any_or(annex_code(c, lang) if c != ANY else c),
        key="export_annex",
        disabled=not ex_codes,
    )
    where = right.selectbox(
        say("lists.protected_in", lang),
        [ANY, *JURISDICTIONS],
        format_func=lambda j: any_or(jurisdiction_name(j, lang) if zh and j != ANY else j),
        key="export_in",
        help=say("lists.protected_in_help", lang),
    )
    rendering = names_in.selectbox(
        say("lists.names_in", lang),
        [ANY, "en", "fr", "th"],
        key="export_lang",
        format_func=lambda c: "—" if c == ANY else language_word(c, lang),
        help=say("lists.names_in_help", lang),
    )
    chosen = [None if v == ANY else v for v in (agreement, ex_annex if ex_annex in ex_codes else ANY, where)]
    widgets.export_buttons(
        Filters(agreement=chosen[0], annex=chosen[1], jurisdiction=chosen[2]),
        None if rendering == ANY else rendering,
    )
