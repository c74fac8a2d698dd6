"""The comparison brief for two to four agreements: key differences first, then the full matrix with
articles and differences highlighted, then the names on each list."""

from __future__ import annotations

from collections.abc import Sequence

from agreements.services import overview
from briefings.parts import scope_para, status_counts, today_or
from briefings.text import T
from compare.services import compare_agreements
from errors import AgreementError
from gi_lists.services import data_version
from reports.briefing import Briefing, Facts, Notice, Para, Section, Table
from storage.db import Database
from wording import AGREEMENT_SHORT, annex_name, joined


def compare_brief(
    db: Database, ids: Sequence[str], *, lang: str = "en", today: str | None = None
) -> Briefing:
    if not 2 <= len(set(ids)) <= 4:
        raise AgreementError("a comparison brief takes two to four agreements")
    s = T[lang]
    comparison = compare_agreements(db, list(ids), include_trips=True)
    short = AGREEMENT_SHORT[lang]
    columns = list(comparison.agreements)
    diff_blocks: list[Facts | Para | Notice] = []
    for d in comparison.key_differences:
        diff_blocks.append(Para(d.dimension.label(lang), style="lead"))
        diff_blocks.append(
            Facts(tuple((short.get(a, a), scope_para(d.values[a], lang)) for a in columns if a != "trips"))
        )
    if not diff_blocks:
        diff_blocks.append(Para(s["no_diff"]))
    gaps = [d.dimension.label(lang) for d in comparison.differing if not d.key_difference]
    if gaps:
        diff_blocks.append(Notice(s["gaps"] + joined(gaps, lang), "unconfirmed"))
    width = 0.22
    rest = (1 - width) / len(columns)
    matrix = Table(
        (s["dimension"], *(short.get(a, a) for a in columns)),
        tuple(
            (Para(d.dimension.label(lang)), *(scope_para(d.values[a], lang) for a in columns))
            for d in comparison.dimensions
        ),
        (width, *([rest] * len(columns))),
        frozenset(i for i, d in enumerate(comparison.dimensions) if d.differs),
        "Highlighted rows: the agreements differ." if lang == "en" else "底色标出的行：各协定之间存在差异。",
    )
    count_rows = []
    for view in overview(db):
        if view.agreement.id not in ids:
            continue
        for lc in view.lists:
            annex = view.agreement.annex(lc.annex) if lc.annex else None
            meaning = (
                (annex.meaning_zh if lang == "zh" else annex.meaning_en)
                if annex
                else ("entries tracked under this arrangement" if lang == "en" else "该安排下记录的条目")
            )
            by_status = status_counts(lc.by_status, lang)
            count_rows.append(
                (
                    Para(annex_name(lc.agreement_id, lc.annex, lang)),
                    Para(meaning),
                    Para(str(lc.total)),
                    Para(str(lc.expected) if lc.expected else "—"),
                    Para(by_status or "—"),
                )
            )
    counts = Table(
        (s["list"], s["meaning"], s["on_list"], s["expected"], s["by_status"]),
        tuple(count_rows),
        (0.15, 0.42, 0.12, 0.12, 0.19),
    )
    notes = [Notice(s["unconfirmed"], "unconfirmed"), Notice(s["disclaimer"], "disclaimer")]
    names = joined([short.get(a, a) for a in ids], lang, enum=True)
    return Briefing(
        kind="compare",
        title=s["compare_title"].format(names=names),
        subtitle=s["compare_sub"],
        lang="zh" if lang == "zh" else "en",
        date=today_or(today),
        data_version=data_version(db, lang),
        sections=(
            Section(s["key_diff"], tuple(diff_blocks)),
            Section(s["matrix"], (matrix,)),
            Section(s["counts"], (counts,)),
            Section("", tuple(notes)),
        ),
    )
