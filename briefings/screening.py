"""The screening report: the results of `check --file` (labels) or `scan` (a proposed list), grouped
by severity, with reasons and legal basis."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefings.parts import hit_rows, sourced, today_or
from briefings.text import T
from compare.conflicts import SEVERITY_RANK, Hit
from compare.services import LabelResult, ScanRow, build_index, check_labels, read_labels, scan_list
from errors import InputError
from gi_lists.coverage import Coverage
from gi_lists.model import check_jurisdiction
from gi_lists.services import coverage, data_version
from reports.briefing import Briefing, Bullets, Notice, Para, Section, Table
from storage.db import Database
from validation import MAX_BRIEF_LABELS
from wording import finding_word, jurisdiction_name, origin_text, severity_word


def _label_results_sections(results: Sequence[LabelResult], covered: Coverage, lang: str) -> list[Section]:
    s = T[lang]
    worst: dict[str, list[LabelResult]] = {"high": [], "medium": [], "low": [], "none": []}
    for r in results:
        levels = [h.severity for h in r.matches]
        key = min(levels, key=lambda v: SEVERITY_RANK[v]) if levels else "none"
        worst[key].append(r)
    summary = s["labels_checked"].format(n=len(results), **{k: len(v) for k, v in worst.items()})
    sections = [Section(s["summary"], (Para(summary), Notice(covered.text(lang), "info")))]
    for level in ("high", "medium", "low"):
        group = worst[level]
        if not group:
            continue
        rows = hit_rows(group, lang)
        highlight = frozenset(i for i, row in enumerate(rows) if row[1].text == severity_word("high", lang))
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
                s["basis"],
                tuple(Para(b, sourced(h.legal_source, h.legal_confidence)) for b, h in bases.items()),
            )
        )
    return sections


def _row_cell(r: ScanRow, lang: str) -> str:
    """'2: Champagne (FR)' / '第2行：Champagne（法国）'."""
    if lang == "zh":
        return f"第{r.line}行：{r.name}（{origin_text(r.origin, None, 'zh')}）"
    return f"{r.line}: {r.name} ({r.origin})"


def _scan_sections(rows: Sequence[ScanRow], covered: Coverage, lang: str) -> list[Section]:
    s = T[lang]
    flagged = [r for r in rows if r.objectionable]
    table_rows: list[tuple[Para, ...]] = []
    highlight = set()
    for r in rows:
        for f in r.findings or []:
            if f.severity == "high":
                highlight.add(len(table_rows))
            source = sourced(f.hit.legal_source or f.hit.legal_basis, f.hit.legal_confidence) if f.hit else ()
            table_rows.append(
                (
                    Para(_row_cell(r, lang)),
                    Para(finding_word(f.type, lang)),
                    Para(severity_word(f.severity, lang)),
                    Para(f.detail, source),
                )
            )
        if not r.findings:
            table_rows.append((Para(_row_cell(r, lang)), Para("—"), Para("—"), Para("—")))
    return [
        Section(
            s["summary"],
            (
                Para(s["rows_checked"].format(n=len(rows), flagged=len(flagged))),
                Notice(covered.text(lang), "info"),
            ),
        ),
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
    db: Database, path: Path, jurisdiction: str, *, lang: str = "en", today: str | None = None
) -> Briefing:
    """A .txt file is a list of labels (as `giscope check --file`); a .csv/.xlsx file is a proposed list
    in the import format (as `giscope scan`)."""
    j = check_jurisdiction(jurisdiction)
    s = T[lang]
    where = jurisdiction_name(j, lang)
    index = build_index(db)
    if path.suffix.lower() in (".csv", ".xlsx", ".xlsm", ".tsv"):
        sections = _scan_sections(scan_list(index, path, j, lang=lang), coverage(db, j), lang)
        title, subtitle = s["scan_title"].format(file=path.name, where=where), s["scan_sub"]
    else:
        labels = read_labels(path)
        brief_size(len(labels))
        results = check_labels(index, labels, j, lang=lang)
        return labels_brief(db, results, j, name=path.name, lang=lang, today=today)
    return _briefing(db, title, subtitle, sections, lang, today)


def labels_brief(
    db: Database,
    results: Sequence[LabelResult],
    jurisdiction: str,
    *,
    name: str,
    lang: str = "en",
    today: str | None = None,
) -> Briefing:
    """The screening report of labels already checked (the Screen labels page's results), every label in
    it with what it was screened against."""
    j = check_jurisdiction(jurisdiction)
    brief_size(len(results))
    s = T[lang]
    sections = _label_results_sections(results, coverage(db, j), lang)
    title = s["screen_title"].format(file=name, where=jurisdiction_name(j, lang))
    return _briefing(db, title, s["screen_sub"], sections, lang, today)


def brief_size(count: int) -> None:
    """A screening brief holds at most MAX_BRIEF_LABELS labels (10,000 made a PDF of 977 pages in two
    minutes); more are screened with `giscope check --json` or the page's downloads."""
    if count > MAX_BRIEF_LABELS:
        raise InputError(
            [
                f"{count} labels; a screening brief holds at most {MAX_BRIEF_LABELS} "
                "(split the file, or screen them with giscope check --json)"
            ]
        )


def _briefing(
    db: Database, title: str, subtitle: str, sections: list[Section], lang: str, today: str | None
) -> Briefing:
    sections.append(Section("", (Notice(T[lang]["disclaimer"], "disclaimer"),)))
    return Briefing(
        kind="screening",
        title=title,
        subtitle=subtitle,
        lang="zh" if lang == "zh" else "en",
        date=today_or(today),
        data_version=data_version(db, lang),
        sections=tuple(sections),
    )
