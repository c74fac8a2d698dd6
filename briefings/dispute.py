"""Dispute guidance for one GI in one jurisdiction: its names, its protection there, what that covers,
conflicts in the labels given, how and where to act, a checklist, sources, and a disclaimer."""

from __future__ import annotations

from collections.abc import Sequence

from agreements.profiles import get_profile
from agreements.services import get_agreements
from briefings.actions import cases_caption, next_steps, note_blocks, plan_blocks, regime_blocks
from briefings.parts import (
    court_and_date,
    gi_facts,
    hit_rows,
    matched_cell,
    protection_rows,
    scope_para,
    sourced,
    today_or,
)
from briefings.text import DISPUTE_SCOPE_KEYS, T
from compare.conflicts import ConflictIndex
from compare.services import build_index, check_labels, compare_agreements
from gi_lists.model import ACTIVE_STATUSES, GI, JURISDICTION_INCLUDES, Protection, check_jurisdiction
from gi_lists.services import coverage, data_version, find_gi
from reports.briefing import Briefing, Facts, Notice, Para, Section, Table
from storage.db import Database
from wording import DOUBTFUL, annex_code, hit_kind_word, joined, jurisdiction_name


def instrument_paras(db: Database, gi: GI, protections: Sequence[Protection], lang: str) -> list[Para]:
    """The agreement each agreement route rests on, cited in full: title, signing, entry into force,
    official publication, and the annex entry that lists the name (with the entry's own source)."""
    s = T[lang]
    out: list[Para] = []
    agreements = get_agreements(
        db, [p.agreement for p in protections if p.route == "agreement" and p.agreement]
    )
    for p in protections:
        agreement = agreements.get(p.agreement or "") if p.route == "agreement" else None
        if agreement is None:
            continue
        published = agreement.extra.get("published")
        facts = [
            s["signed"].format(date=agreement.signed) if agreement.signed else None,
            s["in_force"].format(date=agreement.in_force) if agreement.in_force else None,
            str(published) if published else None,
        ]
        listed = [f for f in facts if f]
        if lang == "zh":
            cite_text = f"{agreement.title(lang)}（{'；'.join(listed)}）"
        else:
            cite_text = f"{agreement.title(lang)} ({'; '.join(listed)})"
        out.append(Para(s["instrument"], style="lead"))
        out.append(Para(cite_text, sourced(agreement.source, agreement.confidence)))
        annex = agreement.annex(p.annex) if p.annex else None
        if annex is not None:
            meaning = (annex.meaning_zh if lang == "zh" else annex.meaning_en).rstrip(".。")
            entry = s["annex_entry"].format(
                annex=annex_code(p.annex, lang), meaning=meaning, name=gi.display_name
            )
            out.append(Para(entry, sourced(p.source, p.confidence)))
    return out


def _uses_of_unprotected(
    index: ConflictIndex, gi: GI, labels: Sequence[str], where: str, lang: str
) -> list[tuple[Para, ...]]:
    """How each label uses the names of a GI that is neither protected nor pending where the brief is
    for: the matcher's candidates for this GI alone, whatever the jurisdiction (a name not screened there
    must not read as 'no conflict')."""
    s = T[lang]
    pos = index.positions.get(gi.id)
    rows: list[tuple[Para, ...]] = []
    if pos is None:
        return rows
    for label in labels:
        found = [c for c in index.candidates(index.analyse(label)) if c.gi == pos]
        if not found:
            continue
        best = max(found, key=lambda c: c.score)
        kind = hit_kind_word(best.kind, lang)
        rows.append(
            (
                Para(label),
                Para(s["not_protected_sev"].format(where=where)),
                Para(kind),
                Para(matched_cell(best.matched_form, gi.id, lang)),
                Para(s["use_reason"].format(matched=best.matched_form, kind=kind, where=where)),
            )
        )
    return rows


def _title_name(gi: GI, lang: str) -> str:
    """The GI's name for a title: in a Chinese brief its Chinese form too (香槟（Champagne）)."""
    han = next((n.text for n in gi.names if n.script == "Hani"), None)
    if lang == "zh" and han and han != gi.display_name:
        return f"{han}（{gi.display_name}）"
    return gi.display_name


def dispute_brief(
    db: Database,
    gi_ref: str,
    jurisdiction: str,
    *,
    labels: Sequence[str] = (),
    lang: str = "en",
    today: str | None = None,
    index: ConflictIndex | None = None,
) -> Briefing:
    j = check_jurisdiction(jurisdiction)
    s = T[lang]
    where = jurisdiction_name(j, lang)
    gi = find_gi(db, gi_ref)
    profile = get_profile(db, j)
    places = JURISDICTION_INCLUDES[j]
    protections = [p for p in gi.protections if p.jurisdiction in places]
    sections: list[Section] = [Section(s["the_gi"], (gi_facts(gi, lang),))]

    if protections:
        table = Table(
            (s["route"], s["status"], s["since"], s["confidence"]),
            protection_rows(protections, lang),
            (0.28, 0.40, 0.14, 0.18),
        )
        sections.append(
            Section(
                s["protection"].format(where=where), (table, *instrument_paras(db, gi, protections, lang))
            )
        )
    else:
        # the routes to protection follow under 'How and where to act'
        sections.append(
            Section(s["protection"].format(where=where), (Notice(s["no_protection"].format(where=where)),))
        )

    # which law applies there: each regime protecting the name, with only the scope it gives
    agreements_used = sorted({p.agreement for p in protections if p.route == "agreement" and p.agreement})
    scopes: dict[str, Facts] = {}
    for agreement_id in agreements_used:
        comparison = compare_agreements(db, [agreement_id], include_trips=True)
        items = []
        for d in comparison.dimensions:
            if d.dimension.key in DISPUTE_SCOPE_KEYS:
                items.append((d.dimension.label(lang), scope_para(d.values[agreement_id], lang)))
        scopes[agreement_id] = Facts(tuple(items))
    titles = {a: agreement.title(lang) for a, agreement in get_agreements(db, agreements_used).items()}
    covers, regime_facts = regime_blocks(gi, protections, profile, scopes, titles, where, lang)
    notes, note_facts = note_blocks(gi, j, lang)
    sections.append(Section(s["covers"], (*covers, *notes)))

    conflict_blocks: list[Para | Table | Notice] = []
    has_conflicts = False
    screened = coverage(db, j).text(lang)
    active = [p for p in protections if p.status in ACTIVE_STATUSES]
    if labels:
        index = index or build_index(db)
        results = check_labels(index, labels, j, lang=lang)  # what they were screened against: page 1
        if active:
            own = hit_rows(results, lang, only_gi=gi.id)
        else:  # never screened there: say how the labels use the name, never "no conflict"
            conflict_blocks.append(Notice(s["not_screened"].format(where=where)))
            own = _uses_of_unprotected(index, gi, labels, where, lang)
        has_conflicts = bool(own) and bool(active)
        used = {row[0].text for row in own}
        if own:
            conflict_blocks.append(
                Table(
                    (s["label"], s["severity"], s["kind"], s["matched"], s["reason"]),
                    tuple(own),
                    (0.17, 0.11, 0.15, 0.19, 0.38),
                )
            )
        elif active:
            conflict_blocks.append(Para(s["no_conflict"].format(n=len(labels))))
        unused = [label for label in labels if label not in used]
        # every label supplied appears in the brief with its result
        conflict_blocks.append(
            Para(
                s["no_use"].format(labels=joined(unused, lang)) if unused else s["no_use_none"], style="small"
            )
        )
        others = [row for row in hit_rows(results, lang) if row not in own]
        if others:
            conflict_blocks.append(Para(s["other_conflicts"], style="lead"))
            conflict_blocks.append(
                Table(
                    (s["label"], s["severity"], s["kind"], s["matched"], s["reason"]),
                    tuple(others),
                    (0.17, 0.11, 0.15, 0.19, 0.38),
                )
            )
    else:
        conflict_blocks.append(Para(s["no_labels"], style="small"))
    sections.append(Section(s["conflicts"], tuple(conflict_blocks)))
    # the first page says what was screened (or that nothing was)
    first = (
        Notice(screened, "info")
        if labels
        else Notice(s["screened_none"].format(where=where, coverage=screened), "info")
    )
    sections[0] = Section(
        sections[0].heading, (*sections[0].blocks, Para(s["screened"], style="lead"), first)
    )

    plan, plan_facts = plan_blocks(gi, protections, profile, where, lang)
    act_blocks: list[Facts | Para | Table] = [*plan]
    if profile.cases:
        act_blocks.append(Para(s["cases"], style="lead"))
        caption = cases_caption(protections, where, lang)
        if caption is not None:
            act_blocks.append(caption)
        act_blocks.append(
            Table(
                (
                    "Case" if lang == "en" else "案例",
                    "Court / date" if lang == "en" else "法院/日期",
                    "Point decided" if lang == "en" else "要点",
                ),
                tuple(
                    (
                        Para(c.name_in(lang)),
                        Para(court_and_date(c, lang)),
                        Para(c.point(lang), sourced(c.source, c.confidence)),
                    )
                    for c in profile.cases
                ),
                (0.3, 0.22, 0.48),
            )
        )
    sections.append(Section(s["act"], tuple(act_blocks)))
    sections.append(Section(s["steps"], (next_steps(gi, protections, profile, has_conflicts, lang),)))

    doubtful = (
        any(p.confidence in DOUBTFUL for p in protections)
        or any(f.confidence in DOUBTFUL for f in (*regime_facts, *note_facts, *plan_facts))
        or any(src.confidence in DOUBTFUL for f in scopes.values() for _, p in f.items for src in p.sources)
    )
    closing: list[Notice] = []
    if doubtful:
        closing.append(Notice(s["unconfirmed"], "unconfirmed"))
    closing.append(Notice(s["disclaimer"], "disclaimer"))
    sections.append(Section("", tuple(closing)))
    return Briefing(
        kind="dispute",
        title=s["dispute_title"].format(name=_title_name(gi, lang), where=where),
        subtitle=s["dispute_sub"],
        lang="zh" if lang == "zh" else "en",
        date=today_or(today),
        data_version=data_version(db, lang),
        sections=tuple(sections),
    )
