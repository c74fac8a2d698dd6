"""Opposition brief for one trademark-watch finding: the mark, the GI and its protection where the mark
was published, the grounds (the agreement article, the national law article, well-known-mark status or
reputation where it applies, TRIPS), the deadline with the days left, the evidence to gather, and where
and how to file. Every legal statement carries its source and confidence from the data."""

from __future__ import annotations

from typing import Any

from agreements.model import Profile
from agreements.profiles import get_profile
from briefings.actions import PENDING_STATUSES, standing
from briefings.dispute import instrument_paras
from briefings.parts import fact_para, gi_facts, protection_rows, scope_para, sourced, today_or
from briefings.text import T
from compare.reputation import reputation_held
from compare.services import compare_agreements
from compare.severity import well_known_mark
from gi_lists.model import GI, IN_FORCE_STATUSES, JURISDICTION_INCLUDES, Protection
from gi_lists.services import coverage, data_version, find_gi
from names.knowledge import bundled_knowledge
from reports.briefing import Briefing, Bullets, Facts, Notice, Para, Section, Table
from storage.db import Database
from watch.deadlines import load_deadline_rules
from watch.trademarks.model import FINDING_STATES, TrademarkFinding
from watch.trademarks.services import get_finding, opposition_rule
from wording import DOUBTFUL, hit_kind_word, jurisdiction_name, route_text, severity_word

Item = tuple[str, Para]


def _zh(lang: str) -> bool:
    return lang == "zh"


def _mark_facts(f: TrademarkFinding, gi_name: str, lang: str) -> Facts:
    s = T[lang]
    kind, severity = hit_kind_word(f.kind, lang), severity_word(f.severity, lang)
    classes = ", ".join(str(c) for c in f.classes)
    if _zh(lang):  # the stored reason is English: say it in Chinese from its parts
        reason = s["opp_reason_text"].format(
            mark=f.mark,
            classes="、".join(str(c) for c in f.classes),
            matched=gi_name,
            kind=kind,
            severity=severity,
        )
    else:
        reason = f.reason
    items: list[Item] = [
        (s["opp_app_no"], Para(f.application_no)),
        (s["opp_mark_word"], Para(f.mark)),
        (s["opp_classes"], Para(classes)),
        (s["opp_applicant"], Para(f.applicant)),
    ]
    if f.goods:
        items.append((s["opp_goods"], Para(f.goods)))
    if f.filing_date:
        items.append((s["opp_filed"], Para(f.filing_date)))
    items.append(
        (
            s["opp_published"],
            Para(f"{f.published} ({f.gazette})" if not _zh(lang) else f"{f.published}（{f.gazette}）"),
        )
    )
    states = dict(zip(FINDING_STATES, s["opp_states"].split("|"), strict=True))
    state = states.get(f.state, f.state)
    items.append(
        (
            s["opp_finding"],
            Para(s["opp_finding_text"].format(id=f.id, state=state, kind=kind, severity=severity)),
        )
    )
    items.append((s["opp_reason"], Para(reason, sourced(f.legal_source, None) if not _zh(lang) else ())))
    return Facts(tuple(items))


def _basis_para(entry: dict[str, Any], lang: str, prefix: str = "") -> Para | None:
    text = entry.get(f"{prefix}text_zh" if _zh(lang) else f"{prefix}text") or entry.get(f"{prefix}text")
    if not text:
        return None
    return Para(str(text), sourced(entry.get(f"{prefix}source"), entry.get(f"{prefix}confidence")))


def _grounds(db: Database, gi: GI, live: list[Protection], j: str, where: str, lang: str) -> list[Item]:
    """Each ground with its source: agreement, national law, well-known mark or reputation, TRIPS."""
    s = T[lang]
    knowledge = bundled_knowledge()
    bases = knowledge.legal_bases
    items: list[Item] = []
    agreements_used = sorted({p.agreement for p in live if p.route == "agreement" and p.agreement})
    comparison = compare_agreements(db, agreements_used, include_trips=True)
    trademark_scope = next((d for d in comparison.dimensions if d.dimension.key == "trademarks"), None)
    for agreement_id in agreements_used:
        protected = any(p.status in IN_FORCE_STATUSES for p in live if p.agreement == agreement_id)
        entry = bases.get(f"agreement:{agreement_id}", {})
        para = _basis_para(entry, lang, "" if protected else "pending_")
        if para is not None:
            items.append((s["opp_agreement"], para))
        if trademark_scope is not None and agreement_id in trademark_scope.values:
            items.append((s["opp_agreement_tm"], scope_para(trademark_scope.values[agreement_id], lang)))
    if not agreements_used:
        items.append((s["opp_agreement"], Para(s["opp_no_agreement"].format(where=where))))
    rule = opposition_rule(j)
    basis = rule.basis_zh if _zh(lang) and rule.basis_zh else rule.basis
    items.append((s["opp_national"], Para(basis, sourced(rule.source or "no source found", rule.confidence))))
    for p in live:
        if p.route == "agreement":
            continue
        key = f"{'trademark' if p.route == 'trademark' else 'register'}:{p.jurisdiction}"
        para = _basis_para(bases.get(key, {}), lang)
        if para is not None and all(para.text != i[1].text for i in items):
            items.append((s["opp_national_route"].format(route=route_text(p, lang, short_names=True)), para))
    known = well_known_mark(gi, live, knowledge, j)
    if known:
        text = s["opp_well_known_text"].format(
            basis=known.get("basis_zh" if _zh(lang) else "basis") or known["basis"],
            case=known.get("case", ""),
            by=known.get("recognised_by", ""),
            date=known.get("date", ""),
        )
        items.append((s["opp_well_known"], Para(text, sourced(known.get("source"), known.get("confidence")))))
    for row in reputation_held(gi, knowledge, j):
        text = f"{row.get('basis_zh' if _zh(lang) else 'basis') or row['basis']} — {row.get('case', '')}"
        items.append((s["opp_reputation"], Para(text, sourced(row.get("source"), row.get("confidence")))))
    if trademark_scope is not None and "trips" in trademark_scope.values:
        items.append((s["opp_trips"], scope_para(trademark_scope.values["trips"], lang)))
    return items


def _deadline(
    f: TrademarkFinding, j: str, where: str, today: str, lang: str
) -> tuple[list[Facts | Notice], str | None]:
    s = T[lang]
    rule = opposition_rule(j)
    raw = load_deadline_rules().get("opposition_periods", {}).get(j, {})
    left = f.days_left(today)
    if f.opposition_deadline is None or left is None:
        return [Notice(s["opp_no_deadline"].format(where=where), "unconfirmed")], None
    date = f.opposition_deadline
    if left > 0:
        when = s["opp_days_left"].format(date=date, n=left)
    elif left == 0:
        when = s["opp_today"].format(date=date)
    else:
        when = s["opp_overdue"].format(date=date, n=-left)
    basis = rule.basis_zh if _zh(lang) and rule.basis_zh else rule.basis
    items: list[Item] = [
        (s["opp_deadline"], Para(when, sourced(rule.source or "no source found", rule.confidence))),
        (s["opp_rule"], Para(basis, sourced(rule.source or "no source found", rule.confidence))),
    ]
    if rule.counting and not _zh(lang):
        items.append(
            (
                s["opp_counting"],
                Para(rule.counting, sourced(raw.get("counting_source"), raw.get("counting_confidence"))),
            )
        )
    return [Facts(tuple(items))], date


def _filing(gi: GI, profile: Profile, date: str | None, lang: str) -> list[Facts | Bullets]:
    s = T[lang]
    items: list[Item] = []
    for key in ("act_authorities", standing(gi, profile.jurisdiction), "act_trademarks"):
        field = profile.field(key)
        if field is not None:
            items.append((field.label(lang), fact_para(field.fact, lang)))
    step = s["opp_step_file"].format(date=date) if date else s["opp_step_no_date"]
    return [Facts(tuple(items)), Bullets((Para(step), Para(s["step_verify"])), checklist=True)]


def opposition_brief(
    db: Database, finding_id: int, *, lang: str = "en", today: str | None = None
) -> Briefing:
    s = T[lang]
    day = today_or(today)
    finding = get_finding(db, finding_id)
    j = finding.jurisdiction
    where = jurisdiction_name(j, lang)
    gi = find_gi(db, finding.gi_id)
    profile = get_profile(db, j)
    protections = [p for p in gi.protections if p.jurisdiction in JURISDICTION_INCLUDES[j]]
    live = [p for p in protections if p.status in IN_FORCE_STATUSES | PENDING_STATUSES]
    name = (
        next((n.text for n in gi.names if n.script == "Hani"), gi.display_name)
        if _zh(lang)
        else gi.display_name
    )

    screened = s["opp_screened"].format(
        gazette=finding.gazette, where=where, published=finding.published, coverage=coverage(db, j).text(lang)
    )
    sections = [Section(s["opp_mark"], (_mark_facts(finding, name, lang), Notice(screened, "info")))]
    gi_blocks: list[Facts | Table | Para | Notice] = [gi_facts(gi, lang)]
    if protections:
        gi_blocks.append(
            Table(
                (s["route"], s["status"], s["since"], s["confidence"]),
                protection_rows(protections, lang),
                (0.28, 0.40, 0.14, 0.18),
            )
        )
        gi_blocks += instrument_paras(db, gi, protections, lang)
    else:
        gi_blocks.append(Notice(s["no_protection"].format(where=where)))
    sections.append(Section(s["opp_gi"].format(where=where), tuple(gi_blocks)))
    grounds = _grounds(db, gi, live, j, where, lang)
    sections.append(Section(s["opp_grounds"], (Facts(tuple(grounds)),)))
    deadline_blocks, date = _deadline(finding, j, where, day, lang)
    sections.append(Section(s["opp_deadline"], tuple(deadline_blocks)))
    evidence: list[Facts | Bullets] = []
    field = profile.field("act_evidence")
    if field is not None:
        evidence.append(Facts(((field.label(lang), fact_para(field.fact, lang)),)))
    items = s["opp_ev_items"].format(where=where).split("|")
    evidence.append(Bullets(tuple(Para(i) for i in items), checklist=True))
    sections.append(Section(s["opp_evidence"], tuple(evidence)))
    sections.append(Section(s["opp_file"], tuple(_filing(gi, profile, date, lang))))

    doubtful = any(p.confidence in DOUBTFUL for p in protections) or any(
        src.confidence in DOUBTFUL for _, para in grounds for src in para.sources
    )
    closing: list[Notice] = []
    if doubtful:
        closing.append(Notice(s["unconfirmed"], "unconfirmed"))
    closing.append(Notice(s["disclaimer"], "disclaimer"))
    sections.append(Section("", tuple(closing)))
    return Briefing(
        kind="opposition",
        title=s["opp_title"].format(mark=finding.mark, name=name, where=where),
        subtitle=s["opp_sub"],
        lang="zh" if lang == "zh" else "en",
        date=day,
        data_version=data_version(db, lang),
        sections=tuple(sections),
    )
