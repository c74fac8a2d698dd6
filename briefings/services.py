"""Prepare briefings from the register: dispute guidance, agreement comparison, screening report.

Everything a PDF says comes from the register, the profiles, the scope comparison or the screening
results, with its source and confidence; `reports/` only renders the finished `Briefing`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, func, select

from agreements.model import Fact, Profile, ScopeValue
from agreements.services import AgreementError, compare_agreements, get_profile, overview
from compare.conflicts import SEVERITY_RANK, ConflictIndex, Hit
from compare.services import LabelResult, ScanRow, build_index, check_labels, read_labels, scan_list
from config import REFERENCE_DIR
from gi_lists.model import GI, JURISDICTION_INCLUDES, Protection
from gi_lists.services import RegisterError, find_gi
from reports.briefing import Briefing, Bullets, Facts, Notice, Para, Section, Source, Table
from storage import tables as t

DOUBTFUL = ("low", "unconfirmed")
JURISDICTION_NAMES = {
    "en": {"CN": "China", "EU": "the European Union", "FR": "France", "TH": "Thailand"},
    "zh": {"CN": "中国", "EU": "欧盟", "FR": "法国", "TH": "泰国"},
}
AGREEMENT_SHORT = {
    "en": {
        "china-eu": "China–EU",
        "china-france": "China–France",
        "china-thailand": "China–Thailand",
        "trips": "TRIPS (baseline)",
    },
    "zh": {"china-eu": "中欧", "china-france": "中法", "china-thailand": "中泰", "trips": "TRIPS（基准）"},
}

T = {
    "en": {
        "dispute_title": "Dispute guidance: {name} in {where}",
        "dispute_sub": "Protection, scope and where to act for an exporter or a producer group",
        "the_gi": "The geographical indication",
        "names": "Names",
        "origin": "Origin",
        "class": "Product class",
        "gi_id": "Register id",
        "protection": "Protection in {where}",
        "no_protection": "No protection of this GI in {where} is recorded in the register. The routes below "
        "describe how to obtain it.",
        "route": "Route",
        "status": "Status",
        "since": "Since",
        "source": "Source",
        "confidence": "Confidence",
        "covers": "What the protection covers",
        "scope_of": "{agreement}: {label}",
        "law_level": "Level of protection under the law of {where}",
        "conflicts": "Conflicts found in the labels supplied",
        "no_labels": "No labels or marks were supplied; screen them with `giscope check` or the Screen labels page.",
        "label": "Label",
        "severity": "Severity",
        "kind": "Kind",
        "matched": "Protected form",
        "reason": "Why",
        "no_conflict": "No conflict with this GI was found in the labels supplied.",
        "other_conflicts": "Other protected names these labels touch",
        "act": "How and where to act",
        "cases": "Relevant cases",
        "steps": "Next steps",
        "unconfirmed": "Some facts in this brief are unconfirmed (marked). Verify them with the authority "
        "before relying on them.",
        "disclaimer": "This brief is guidance prepared from public sources; it is not legal advice. Confirm "
        "the position with the competent authority or a qualified lawyer before acting.",
        "compare_title": "Agreement comparison: {names}",
        "compare_sub": "What each arrangement protects, article by article",
        "key_diff": "Key differences",
        "no_diff": "The sources state no difference between the agreements compared on which both sides are known.",
        "gaps": "These dimensions also differ, but only because a side's position is unknown or unconfirmed in the sources: ",
        "matrix": "Full comparison",
        "dimension": "Dimension",
        "counts": "Names per list",
        "list": "List",
        "meaning": "What it holds",
        "on_list": "Names recorded",
        "expected": "Expected",
        "by_status": "By status",
        "screen_title": "Screening report: {file} against {where}",
        "screen_sub": "Labels checked for protected names used, translated, transliterated, imitated or evoked",
        "scan_title": "Objection screening: {file} proposed to {where}",
        "scan_sub": "Rows of a proposed list checked for objection grounds",
        "summary": "Summary",
        "sev_high": "High severity",
        "sev_medium": "Medium severity",
        "sev_low": "Low severity",
        "sev_none": "No conflict found",
        "labels_checked": "{n} labels checked: {high} with a high-severity match, {medium} medium, {low} low, "
        "{none} without a match.",
        "rows_checked": "{n} rows checked; {flagged} with possible objection grounds.",
        "row": "Row",
        "finding": "Finding",
        "detail": "Detail",
        "basis": "Legal basis",
        "gi": "GI",
    },
    "zh": {
        "dispute_title": "维权指引：{name}在{where}",
        "dispute_sub": "供出口企业和生产者组织使用的保护状况、保护范围及维权途径",
        "the_gi": "地理标志",
        "names": "名称",
        "origin": "原产地",
        "class": "产品类别",
        "gi_id": "登记编号",
        "protection": "在{where}的保护",
        "no_protection": "登记簿中未记载该地理标志在{where}的保护。以下途径说明如何取得保护。",
        "route": "途径",
        "status": "状态",
        "since": "起始",
        "source": "来源",
        "confidence": "可信度",
        "covers": "保护范围",
        "scope_of": "{agreement}：{label}",
        "law_level": "{where}法律规定的保护水平",
        "conflicts": "所提供标签中发现的冲突",
        "no_labels": "未提供标签或商标；可使用 `giscope check` 或“标签筛查”页面进行筛查。",
        "label": "标签",
        "severity": "严重程度",
        "kind": "类型",
        "matched": "受保护名称",
        "reason": "理由",
        "no_conflict": "所提供的标签中未发现与该地理标志的冲突。",
        "other_conflicts": "这些标签涉及的其他受保护名称",
        "act": "维权途径",
        "cases": "相关案例",
        "steps": "后续步骤",
        "unconfirmed": "本简报中部分事实未经证实（已标注），采取行动前请向主管机关核实。",
        "disclaimer": "本简报依据公开资料编写，仅供参考，不构成法律意见。采取行动前请向主管机关或专业律师确认。",
        "compare_title": "协定比较：{names}",
        "compare_sub": "逐条比较各项安排的保护内容",
        "key_diff": "主要差异",
        "no_diff": "在双方立场均有资料的维度上，所比较的协定之间没有资料表明的差异。",
        "gaps": "以下维度也有不同，但仅因一方的立场在资料中不详或未经证实：",
        "matrix": "完整比较",
        "dimension": "维度",
        "counts": "各名录的名称数量",
        "list": "名录",
        "meaning": "内容",
        "on_list": "已记录名称",
        "expected": "应有数量",
        "by_status": "按状态",
        "screen_title": "筛查报告：{file}（{where}）",
        "screen_sub": "检查标签是否使用、翻译、音译、仿冒或暗示受保护名称",
        "scan_title": "异议筛查：{file}（拟在{where}保护）",
        "scan_sub": "检查拟议名录各行的异议理由",
        "summary": "概要",
        "sev_high": "高",
        "sev_medium": "中",
        "sev_low": "低",
        "sev_none": "未发现冲突",
        "labels_checked": "共检查 {n} 个标签：高严重程度 {high} 个，中 {medium} 个，低 {low} 个，无匹配 {none} 个。",
        "rows_checked": "共检查 {n} 行；{flagged} 行可能存在异议理由。",
        "row": "行",
        "finding": "发现",
        "detail": "详情",
        "basis": "法律依据",
        "gi": "地理标志",
    },
}

DISPUTE_SCOPE_KEYS = (
    "protection_level",
    "translation_transliteration",
    "kind_type_style",
    "evocation",
    "true_origin_shown",
    "trademarks",
    "generic_protection",
    "enforcement",
)
ACT_FIELDS = ("contacts", "authority", "enforcement", "remedies", "opposition", "time_to_protection", "fees")


def _today(today: str | None) -> str:
    return today or dt.date.today().isoformat()


def data_version(conn: Connection) -> str:
    """Which data a briefing was made from: the register size and its newest batch."""
    gis = conn.execute(select(func.count()).select_from(t.gis)).scalar_one()
    last = conn.execute(
        select(t.batches.c.id, t.batches.c.at).order_by(t.batches.c.id.desc()).limit(1)
    ).first()
    batch = f"batch {last.id}, {last.at[:10]}" if last else "no batch"
    return f"register {gis} GIs, {batch}"


def _src(text: str | None, confidence: str | None) -> tuple[Source, ...]:
    return (Source(resolve_sources(text), confidence or "unconfirmed"),) if text else ()


@lru_cache(maxsize=1)
def _numbered_sources() -> dict[str, str]:
    """legal_facts.md's numbered Sources list: '120' -> its address."""
    text = (REFERENCE_DIR / "legal_facts.md").read_text(encoding="utf-8")
    part = text.split("## Sources", 1)[-1]
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^(\d+)\. (.+)$", part, re.M)}


def resolve_sources(text: str) -> str:
    """A footnote a reader can follow: 'legal_facts.md C5 [120]' gets the address of source 120."""
    if "legal_facts.md" not in text:
        return text
    numbers = list(dict.fromkeys(re.findall(r"\[(\d+)\]", text)))
    known = _numbered_sources()
    addresses = [f"[{n}] {known[n]}" for n in numbers if n in known]
    return text + (" — " + " ".join(addresses) if addresses else "")


def _fact_para(fact: Fact, lang: str) -> Para:
    return Para(fact.text(lang), _src(fact.source, fact.confidence))


def _scope_para(value: ScopeValue, lang: str) -> Para:
    article = f" ({value.article})" if value.article else ""
    note = f" {value.note}" if value.note else ""
    return Para(value.value(lang) + article + note, _src(value.source, value.confidence))


def _protection_rows(protections: Sequence[Protection], lang: str) -> tuple[tuple[Para, ...], ...]:
    rows = []
    for p in protections:
        if p.route == "agreement":
            route = f"{AGREEMENT_SHORT[lang].get(p.agreement or '', p.agreement)} Annex {p.annex}"
        elif p.route == "trademark":
            route = "collective/certification mark" if lang == "en" else "集体商标/证明商标"
        else:
            route = "national register" if lang == "en" else "国内登记"
            if p.agreement:
                route += f" ({AGREEMENT_SHORT[lang].get(p.agreement, p.agreement)})"
        rows.append(
            (
                Para(f"{p.jurisdiction}: {route}"),
                Para(
                    p.note
                    if p.note and p.note.lower().startswith(p.status)
                    else p.status + (f" — {p.note}" if p.note else "")
                ),
                Para(p.since or "—"),
                Para(p.confidence, _src(p.source, p.confidence)),
            )
        )
    return tuple(rows)


def _gi_facts(gi: GI, lang: str) -> Facts:
    s = T[lang]
    names = "; ".join(f"{n.text} ({n.kind}{', ' + n.lang if n.lang else ''})" for n in gi.names)
    origin = gi.origin + (f" ({gi.region})" if gi.region else "")
    return Facts(
        (
            (s["names"], Para(names)),
            (s["origin"], Para(origin)),
            (s["class"], Para(gi.product_class)),
            (s["gi_id"], Para(gi.id)),
        )
    )


def _hit_rows(
    results: Sequence[LabelResult], lang: str, only_gi: str | None = None
) -> list[tuple[Para, ...]]:
    rows: list[tuple[Para, ...]] = []
    for r in results:
        for h in r.matches:
            if only_gi is not None and h.gi.id != only_gi:
                continue
            rows.append(
                (
                    Para(r.label),
                    Para(h.severity),
                    Para(h.kind),
                    Para(f"{h.matched_form} ({h.gi.id})"),
                    Para(h.reason, _src(h.legal_source or h.legal_basis, h.legal_confidence)),
                )
            )
    return rows


def _next_steps(
    gi: GI, protections: Sequence[Protection], profile: Profile, has_conflicts: bool, lang: str
) -> Bullets:
    en = lang == "en"
    authority = profile.field("contacts") or profile.field("authority")
    where = authority.fact.text(lang) if authority else ("the competent authority" if en else "主管机关")
    items: list[str] = []
    if has_conflicts:
        items.append(
            "Keep evidence of each use: photographs of the product and label, invoices, listing addresses and dates."
            if en
            else "保存每项使用的证据：产品及标签照片、发票、网店链接和日期。"
        )
        items.append(
            "Check whether the user holds an earlier trademark registered in good faith (it may coexist)."
            if en
            else "核查使用者是否持有善意在先注册的商标（可能与地理标志共存）。"
        )
        items.append(f"Bring the matter to: {where}" if en else f"向以下机关反映：{where}")
    if any(p.status == "protected" for p in protections):
        items.append(
            "Quote the protection route, its date and source (above) in any complaint or letter."
            if en
            else "在投诉或函件中引用上述保护途径、日期和来源。"
        )
    else:
        items.append(
            "The name is not protected there yet: consider the routes under 'How and where to act' and watch the "
            "pending procedure's deadlines (`giscope deadlines`)."
            if en
            else "该名称在当地尚未获得保护：可考虑“维权途径”中的保护途径，并关注待决程序的期限（`giscope deadlines`）。"
        )
    items.append(
        "Verify every fact marked unconfirmed with the authority before acting."
        if en
        else "采取行动前，向主管机关核实所有标注为未经证实的事实。"
    )
    return Bullets(tuple(Para(i) for i in items), checklist=True)


def _title_name(gi: GI, lang: str) -> str:
    """The GI's name for a title: in a Chinese brief its Chinese form too (香槟（Champagne）)."""
    han = next((n.text for n in gi.names if n.script == "Hani"), None)
    if lang == "zh" and han and han != gi.display_name:
        return f"{han}（{gi.display_name}）"
    return gi.display_name


def dispute_brief(
    conn: Connection,
    gi_ref: str,
    jurisdiction: str,
    *,
    labels: Sequence[str] = (),
    lang: str = "en",
    today: str | None = None,
    index: ConflictIndex | None = None,
) -> Briefing:
    j = jurisdiction.upper()
    if j not in JURISDICTION_NAMES["en"]:
        raise RegisterError(f"unknown jurisdiction {jurisdiction!r}; known: CN, EU, FR, TH")
    s = T[lang]
    where = JURISDICTION_NAMES[lang][j]
    gi = find_gi(conn, gi_ref)
    profile = get_profile(conn, j)
    places = JURISDICTION_INCLUDES[j]
    protections = [p for p in gi.protections if p.jurisdiction in places]
    sections: list[Section] = [Section(s["the_gi"], (_gi_facts(gi, lang),))]

    if protections:
        table = Table(
            (s["route"], s["status"], s["since"], s["confidence"]),
            _protection_rows(protections, lang),
            (0.28, 0.40, 0.14, 0.18),
        )
        sections.append(Section(s["protection"].format(where=where), (table,)))
    else:
        route = profile.field("foreign_route")
        blocks: tuple[Notice | Para, ...] = (Notice(s["no_protection"].format(where=where)),)
        if route is not None:
            blocks += (_fact_para(route.fact, lang),)
        sections.append(Section(s["protection"].format(where=where), blocks))

    covers: list[Para | Facts] = []
    agreements_used = sorted({p.agreement for p in protections if p.route == "agreement" and p.agreement})
    for agreement_id in agreements_used:
        comparison = compare_agreements(conn, [agreement_id], include_trips=True)
        items = []
        for d in comparison.dimensions:
            if d.dimension.key in DISPUTE_SCOPE_KEYS:
                items.append((d.dimension.label(lang), _scope_para(d.values[agreement_id], lang)))
        covers.append(Facts(tuple(items)))
    level = profile.field("protection_level")
    if level:
        covers.append(Para(s["law_level"].format(where=where), style="lead"))
        covers.append(_fact_para(level.fact, lang))
    sections.append(Section(s["covers"], tuple(covers)))

    conflict_blocks: list[Para | Table | Notice] = []
    has_conflicts = False
    if labels:
        results = check_labels(index or build_index(conn), labels, j, lang=lang)
        own = _hit_rows(results, lang, only_gi=gi.id)
        has_conflicts = bool(own)
        if own:
            conflict_blocks.append(
                Table(
                    (s["label"], s["severity"], s["kind"], s["matched"], s["reason"]),
                    tuple(own),
                    (0.17, 0.11, 0.15, 0.19, 0.38),
                )
            )
        else:
            conflict_blocks.append(Para(s["no_conflict"]))
        others = [row for row in _hit_rows(results, lang) if row not in own]
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

    act_items = []
    for key in ACT_FIELDS:
        f = profile.field(key)
        if f is not None:
            act_items.append((f.label(lang), _fact_para(f.fact, lang)))
    act_blocks: list[Facts | Para | Table] = [Facts(tuple(act_items))]
    if profile.cases:
        act_blocks.append(Para(s["cases"], style="lead"))
        act_blocks.append(
            Table(
                (
                    "Case" if lang == "en" else "案例",
                    "Court / date" if lang == "en" else "法院/日期",
                    "Point decided" if lang == "en" else "要点",
                ),
                tuple(
                    (
                        Para(c.name),
                        Para(f"{c.court or ''} {c.date or ''}".strip()),
                        Para(c.point(lang), _src(c.source, c.confidence)),
                    )
                    for c in profile.cases
                ),
                (0.3, 0.22, 0.48),
            )
        )
    sections.append(Section(s["act"], tuple(act_blocks)))
    sections.append(Section(s["steps"], (_next_steps(gi, protections, profile, has_conflicts, lang),)))

    doubtful = any(p.confidence in DOUBTFUL for p in protections) or any(
        f.fact.confidence in DOUBTFUL for f in profile.fields if f.key in ACT_FIELDS + ("protection_level",)
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
        date=_today(today),
        data_version=data_version(conn),
        sections=tuple(sections),
    )


def compare_brief(
    conn: Connection, ids: Sequence[str], *, lang: str = "en", today: str | None = None
) -> Briefing:
    if not 2 <= len(set(ids)) <= 4:
        raise AgreementError("a comparison brief takes two to four agreements")
    s = T[lang]
    comparison = compare_agreements(conn, list(ids), include_trips=True)
    short = AGREEMENT_SHORT[lang]
    columns = list(comparison.agreements)
    diff_blocks: list[Facts | Para | Notice] = []
    for d in comparison.key_differences:
        diff_blocks.append(Para(d.dimension.label(lang), style="lead"))
        diff_blocks.append(
            Facts(tuple((short.get(a, a), _scope_para(d.values[a], lang)) for a in columns if a != "trips"))
        )
    if not diff_blocks:
        diff_blocks.append(Para(s["no_diff"]))
    gaps = [d.dimension.label(lang) for d in comparison.differing if not d.key_difference]
    if gaps:
        diff_blocks.append(Notice(s["gaps"] + "; ".join(gaps), "unconfirmed"))
    width = 0.22
    rest = (1 - width) / len(columns)
    matrix = Table(
        (s["dimension"], *(short.get(a, a) for a in columns)),
        tuple(
            (Para(d.dimension.label(lang)), *(_scope_para(d.values[a], lang) for a in columns))
            for d in comparison.dimensions
        ),
        (width, *([rest] * len(columns))),
        frozenset(i for i, d in enumerate(comparison.dimensions) if d.differs),
        "Highlighted rows: the agreements differ." if lang == "en" else "底色标出的行：各协定之间存在差异。",
    )
    count_rows = []
    for view in overview(conn):
        if view.agreement.id not in ids:
            continue
        for lc in view.lists:
            annex = view.agreement.annex(lc.annex) if lc.annex else None
            meaning = (
                (annex.meaning_zh if lang == "zh" else annex.meaning_en)
                if annex
                else ("entries tracked under this arrangement" if lang == "en" else "该安排下记录的条目")
            )
            by_status = ", ".join(f"{k} {v}" for k, v in sorted(lc.by_status.items()))
            count_rows.append(
                (
                    Para(f"{short.get(lc.agreement_id, lc.agreement_id)} {lc.annex or ''}".strip()),
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
    names = ", ".join(short.get(a, a) for a in ids)
    return Briefing(
        kind="compare",
        title=s["compare_title"].format(names=names),
        subtitle=s["compare_sub"],
        lang="zh" if lang == "zh" else "en",
        date=_today(today),
        data_version=data_version(conn),
        sections=(
            Section(s["key_diff"], tuple(diff_blocks)),
            Section(s["matrix"], (matrix,)),
            Section(s["counts"], (counts,)),
            Section("", tuple(notes)),
        ),
    )


def _label_results_sections(results: Sequence[LabelResult], lang: str) -> list[Section]:
    s = T[lang]
    worst: dict[str, list[LabelResult]] = {"high": [], "medium": [], "low": [], "none": []}
    for r in results:
        levels = [h.severity for h in r.matches]
        key = min(levels, key=lambda v: SEVERITY_RANK[v]) if levels else "none"
        worst[key].append(r)
    summary = s["labels_checked"].format(n=len(results), **{k: len(v) for k, v in worst.items()})
    sections = [Section(s["summary"], (Para(summary),))]
    for level in ("high", "medium", "low"):
        group = worst[level]
        if not group:
            continue
        rows = _hit_rows(group, lang)
        highlight = frozenset(i for i, row in enumerate(rows) if row[1].text == "high")
        sections.append(
            Section(
                s[f"sev_{level}"],
                (
                    Table(
                        (s["label"], s["severity"], s["kind"], s["matched"], s["reason"]),
                        tuple(rows),
                        (0.17, 0.11, 0.15, 0.19, 0.38),
                        highlight,
                    ),
                ),
            )
        )
    if worst["none"]:
        sections.append(Section(s["sev_none"], (Bullets(tuple(Para(r.label) for r in worst["none"])),)))
    bases: dict[str, Hit] = {}
    for r in results:
        for h in r.matches:
            bases.setdefault(h.legal_basis, h)
    if bases:
        sections.append(
            Section(
                s["basis"], tuple(Para(b, _src(h.legal_source, h.legal_confidence)) for b, h in bases.items())
            )
        )
    return sections


def _scan_sections(rows: Sequence[ScanRow], lang: str) -> list[Section]:
    s = T[lang]
    flagged = [r for r in rows if r.objectionable]
    table_rows: list[tuple[Para, ...]] = []
    highlight = set()
    for r in rows:
        for f in r.findings or []:
            if f.severity == "high":
                highlight.add(len(table_rows))
            source = _src(f.hit.legal_source or f.hit.legal_basis, f.hit.legal_confidence) if f.hit else ()
            table_rows.append(
                (
                    Para(f"{r.line}: {r.name} ({r.origin})"),
                    Para(f.type),
                    Para(f.severity),
                    Para(f.detail, source),
                )
            )
        if not r.findings:
            table_rows.append((Para(f"{r.line}: {r.name} ({r.origin})"), Para("—"), Para("—"), Para("—")))
    return [
        Section(s["summary"], (Para(s["rows_checked"].format(n=len(rows), flagged=len(flagged))),)),
        Section(
            s["finding"],
            (
                Table(
                    (s["row"], s["finding"], s["severity"], s["detail"]),
                    tuple(table_rows),
                    (0.22, 0.18, 0.11, 0.49),
                    frozenset(highlight),
                ),
            ),
        ),
    ]


def screening_brief(
    conn: Connection, path: Path, jurisdiction: str, *, lang: str = "en", today: str | None = None
) -> Briefing:
    """A .txt file is a list of labels (as `giscope check --file`); a .csv/.xlsx file is a proposed list
    in the import format (as `giscope scan`)."""
    j = jurisdiction.upper()
    if j not in JURISDICTION_NAMES["en"]:
        raise RegisterError(f"unknown jurisdiction {jurisdiction!r}; known: CN, EU, FR, TH")
    s = T[lang]
    where = JURISDICTION_NAMES[lang][j]
    index = build_index(conn)
    if path.suffix.lower() in (".csv", ".xlsx", ".xlsm", ".tsv"):
        sections = _scan_sections(scan_list(index, path, j), lang)
        title, subtitle = s["scan_title"].format(file=path.name, where=where), s["scan_sub"]
    else:
        sections = _label_results_sections(check_labels(index, read_labels(path), j, lang=lang), lang)
        title, subtitle = s["screen_title"].format(file=path.name, where=where), s["screen_sub"]
    sections.append(Section("", (Notice(s["disclaimer"], "disclaimer"),)))
    return Briefing(
        kind="screening",
        title=title,
        subtitle=subtitle,
        lang="zh" if lang == "zh" else "en",
        date=_today(today),
        data_version=data_version(conn),
        sections=tuple(sections),
    )
