"""The comparison brief's appendix: each list of the agreements compared, what is missing from it
(expected against recorded, names withdrawn), then its names in a table (pending lists first)."""

from __future__ import annotations

from collections.abc import Sequence

from agreements.model import ListCount
from agreements.services import AgreementOverview, overview
from briefings.parts import sourced, status_counts
from briefings.text import T
from gi_lists.model import GI, Protection
from gi_lists.search import Filters
from gi_lists.services import list_gis
from reports.briefing import Block, Para, Table
from storage.db import Database
from wording import AGREEMENT_SHORT, DOUBTFUL, annex_name, confidence_word, origin_text, status_word

NAME_WIDTHS = (0.24, 0.17, 0.09, 0.11, 0.14, 0.25)
SETTLED = ("protected", "withdrawn")  # lists holding only these come after the pending ones


def _han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def _list_label(lc: ListCount, lang: str) -> str:
    if lang == "zh":  # 中欧协定附录四, 中法名单
        return annex_name(lc.agreement_id, lc.annex, lang)
    short = AGREEMENT_SHORT[lang].get(lc.agreement_id, lc.agreement_id)
    return f"{short} Annex {lc.annex}" if lc.annex else short


def _entry(gi: GI, lc: ListCount) -> Protection | None:
    for p in gi.protections:
        if p.agreement == lc.agreement_id and (p.annex or None) == lc.annex:
            return p
    return None


def _list_entries(db: Database, lc: ListCount) -> list[tuple[GI, Protection]]:
    gis = list_gis(db, Filters(agreement=lc.agreement_id, annex=lc.annex))
    found = [(gi, p) for gi in gis if (p := _entry(gi, lc)) is not None]
    return sorted(found, key=lambda e: (e[1].status == "withdrawn", e[0].origin, _sort_name(e[0])))


def _sort_name(gi: GI) -> str:
    """The first name in Latin (or another non-Chinese) script, folded: the rows read alphabetically."""
    return next((n.text for n in gi.names if not _han(n.text)), gi.names[0].text).casefold()


def _missing(lc: ListCount, entries: Sequence[tuple[GI, Protection]], lang: str) -> str:
    s, zh = T[lang], lang == "zh"
    parts = []
    withdrawn = [gi.names[0].text for gi, p in entries if p.status == "withdrawn"]
    current = lc.total - len(withdrawn)
    if lc.expected and current < lc.expected:
        parts.append(s["missing_n"].format(n=lc.expected - current, expected=lc.expected))
    if withdrawn:
        parts.append(s["withdrawn_n"].format(n=len(withdrawn), names=("、" if zh else ", ").join(withdrawn)))
    return ("；" if zh else "; ").join(parts) or s["missing_none"]


def _name_row(gi: GI, p: Protection, lang: str) -> tuple[Para, ...]:
    han = [n.text for n in gi.names if _han(n.text)]
    other = [n.text for n in gi.names if not _han(n.text)]
    since = (f"（{p.since}）" if lang == "zh" else f" ({p.since})") if p.since else ""
    status = status_word(p.status, lang) + since
    if p.status == "withdrawn" and p.note and lang != "zh":
        status += f": {p.note}"
    doubtful = p.confidence in DOUBTFUL  # the mark shows, with the source to check
    return (
        Para("; ".join(other) or "—"),
        Para("；".join(han) or "—"),
        Para(origin_text(gi.origin, None, lang)),
        Para(status),
        Para(confidence_word(p.confidence, lang), sourced(p.source, p.confidence) if doubtful else ()),
        Para(gi.id),
    )


def _count_table(views: Sequence[AgreementOverview], lang: str, missing: dict[ListCount, str]) -> Table:
    s = T[lang]
    rows = []
    for view in views:
        for lc in view.lists:
            by_status = status_counts(lc.by_status, lang)
            rows.append(
                (
                    Para(_list_label(lc, lang)),
                    Para(str(lc.expected) if lc.expected else "—"),
                    Para(str(lc.total)),
                    Para(by_status or "—"),
                    Para(missing[lc]),
                )
            )
    return Table(
        (s["list"], s["expected"], s["on_list"], s["by_status"], s["missing"]),
        tuple(rows),
        (0.17, 0.12, 0.12, 0.19, 0.4),
    )


def names_appendix(db: Database, ids: Sequence[str], lang: str) -> tuple[Block, ...]:
    """The counts and what is missing for every list, then each list's names: pending and listed
    lists first (what a negotiator still works on), then the protected ones."""
    s = T[lang]
    views = sorted(
        (v for v in overview(db) if v.agreement.id in ids), key=lambda v: ids.index(v.agreement.id)
    )
    lists = [(view, lc, _list_entries(db, lc)) for view in views for lc in view.lists]
    missing = {lc: _missing(lc, entries, lang) for _, lc, entries in lists}
    blocks: list[Block] = [Para(s["appendix_intro"]), _count_table(views, lang, missing)]
    ordered = sorted(lists, key=lambda item: all(k in SETTLED for k in item[1].by_status))
    headers = (s["other_forms"], s["zh_forms"], s["origin"], s["status"], s["confidence"], s["gi_id"])
    for view, lc, entries in ordered:
        annex = view.agreement.annex(lc.annex) if lc.annex else None
        if annex is not None:
            meaning, source = (annex.meaning_zh if lang == "zh" else annex.meaning_en), annex.source
            confidence = annex.confidence
        else:
            meaning, source, confidence = s["tracked"], view.agreement.source, view.agreement.confidence
        head = s["list_head"].format(list=_list_label(lc, lang), meaning=meaning)
        blocks.append(Para(head, sourced(source, confidence), style="lead"))
        blocks.append(Para(f"{s['missing']}{'：' if lang == 'zh' else ': '}{missing[lc]}", style="small"))
        if entries:
            blocks.append(Table(headers, tuple(_name_row(gi, p, lang) for gi, p in entries), NAME_WIDTHS))
    return tuple(blocks)
