"""Screening and comparison services: build the conflict index from the register, check labels, scan
a proposed list, compare what agreements protect."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.conflicts import SEVERITY_RANK, Checker, ConflictIndex, Hit, term_is_generic
from errors import AgreementError, InputError
from gi_lists.model import Protection, check_jurisdiction
from gi_lists.repository import GIRepository
from names.knowledge import Knowledge, bundled_knowledge
from names.normalise import compact, forms, remember_readings
from storage.db import Database
from validation import CAPS, MAX_LABELS, text_problem
from wording import lang_of, origin_text, route_text, status_word

if TYPE_CHECKING:
    from compare.scope import Comparison


def build_index(
    db: Database, knowledge: Knowledge | None = None, *, stored: bool = True, background_save: bool = False
) -> ConflictIndex:
    """The cross-script index of every name in the register (every name, whatever the jurisdiction a
    check asks about: a name protected elsewhere still explains a label's word, which is then not a
    misspelling of another).

    Built once per register version, not per process: with the bundled knowledge and a place to keep it
    (Database.cache_path), the index is kept in a file (compare.index_cache) and read back while the
    register, its readings and the code that builds it are unchanged (`stored=False` always builds).
    `background_save`: a new file is written by a child process (compare.index_cache.save); the caller
    calls compare.index_cache.wait_for_saves() before it ends."""
    from compare import index_cache
    from loading import collector_paused

    path = db.cache_path("conflict-index") if stored and knowledge is None else None
    with db.read() as conn:
        repo = GIRepository(conn)
        key = _index_key(db, repo) if path else None
        found = index_cache.load(path, key) if path else None
        if found is not None:
            readings, index = found
        else:
            # thousands of GIs read, no garbage made; the pause is process-wide (in the web server other
            # sessions' garbage waits meanwhile), and the collector always runs again after it
            with collector_paused():
                gis = repo.get_many(sorted(repo.ids()))
            readings = repo.readings()
            # kept only if nothing changed while it was read (SQLite reads each statement afresh)
            unchanged = path is not None and _index_key(db, repo) == key
    for system, known in readings.items():
        remember_readings(system, known)
    if found is None:
        with collector_paused():  # the index's hundreds of thousands of containers are none of them garbage
            index = ConflictIndex(gis, knowledge or bundled_knowledge())
        if path is not None and unchanged:
            index_cache.save(path, key, (readings, index), background=background_save)
    return index


def kept_index_file(db: Database) -> tuple[Path, tuple[object, ...]] | None:
    """The file the index of the register as it is now is kept in, and its key (what another process
    passes to compare.index_cache.load); None when there is no such file (call build_index first)."""
    path = db.cache_path("conflict-index")
    if path is None or not path.exists():
        return None
    with db.read() as conn:
        return path, _index_key(db, GIRepository(conn))


def _index_key(db: Database, repo: GIRepository) -> tuple[object, ...]:
    """What a stored index must have been built from: this database (its URL hashed: no password in the
    file), the register's version, the stored readings and the code that builds the index."""
    import hashlib

    from compare.index_cache import code_fingerprint

    v = repo.version()
    database = hashlib.sha256(db.url.encode()).hexdigest()
    return (
        database,
        v.gis,
        v.last_batch_id,
        v.last_batch_at,
        v.last_event_id,
        repo.readings_made(),
        code_fingerprint(),
    )


def compare_agreements(db: Database, ids: list[str], *, include_trips: bool = False) -> Comparison:
    """What the agreements protect, dimension by dimension (with the TRIPS baseline on request)."""
    from agreements.repository import AgreementRepository, ScopeRepository
    from compare.scope import compare_scope

    with db.read() as conn:
        known = AgreementRepository(conn).ids()
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise AgreementError(
                f"unknown agreement {', '.join(map(repr, unknown))}; known: {', '.join(known)}"
            )
        if len(set(ids)) < 2 and not include_trips:
            raise AgreementError("compare needs two agreements or more (or --include trips)")
        dimensions = ScopeRepository(conn).all()
    return compare_scope(dimensions, ids, include_trips=include_trips)


@dataclass
class LabelResult:
    label: str
    jurisdiction: str
    matches: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "jurisdiction": self.jurisdiction,
            "matches": [m.to_dict() for m in self.matches],
        }


def check_labels(
    index: ConflictIndex,
    labels: Iterable[str],
    jurisdiction: str,
    *,
    product_class: str | None = None,
    lang: str = "en",
    progress: Callable[[int], None] | None = None,
) -> list[LabelResult]:
    j = check_jurisdiction(jurisdiction)
    labels = check_label_texts(labels)
    checker = Checker(index, j)
    out = []
    for label in labels:
        out.append(LabelResult(label, j, checker.check(label, product_class, lang=lang)))
        if progress:
            progress(1)
    return out


def read_labels(path: Path) -> list[str]:
    """One label per line, UTF-8; blank lines ignored."""
    if not path.exists():
        raise InputError([f"{path}: no such file"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError([f"{path}:{bad_line}: (label): not UTF-8 text; save the file as UTF-8"]) from exc
    labels = []
    problems = []
    for number, text_line in enumerate(text.splitlines(), start=1):
        if "\x00" in text_line:
            raise InputError([f"{path}:{number}: (label): contains a NUL byte; is this a text file?"])
        if not text_line.strip():
            continue
        problem = text_problem(text_line, max_len=len(text_line)) or text_problem(
            text_line.strip(), max_len=CAPS["label"]
        )
        if problem is not None:
            problems.append(f"{path}:{number}: (label): {problem}")
        labels.append(text_line.strip())
    if problems:
        raise InputError(problems[:50])
    if not labels:
        raise InputError([f"{path}: no labels (one per line; blank lines are ignored)"])
    if len(labels) > MAX_LABELS:
        raise InputError([f"{path}: {len(labels)} labels; one request screens at most {MAX_LABELS}"])
    return labels


def check_label_texts(labels: Iterable[str]) -> list[str]:
    """The labels of one screening request, or InputError: each at most CAPS['label'] characters and free
    of controls and bidi overrides, at most MAX_LABELS of them (the caps keep one request's work bounded)."""
    out = list(labels)
    if len(out) > MAX_LABELS:
        raise InputError([f"{len(out)} labels; one request screens at most {MAX_LABELS}"])
    problems = []
    for number, label in enumerate(out, start=1):
        problem = text_problem(label, max_len=CAPS["label"])
        if problem is not None:
            problems.append(f"label {number}: {problem}")
    if problems:
        raise InputError(problems[:50])
    return out


# ---------------------------------------------------------------------------------------------
# scan: objection grounds in a proposed list
# ---------------------------------------------------------------------------------------------


@dataclass
class Finding:
    type: str  # already-protected, conflict, homonym, generic-term, duplicate
    detail: str
    hit: Hit | None = None
    severity: str = "medium"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "severity": self.severity, "detail": self.detail}
        if self.hit is not None:
            data["match"] = self.hit.to_dict()
        return data


NOT_OBJECTIONS = ("already-protected", "already-listed")


@dataclass
class ScanRow:
    line: int
    name: str
    origin: str
    product_class: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def objectionable(self) -> bool:
        """A finding that may ground an objection (not just 'already on a list')."""
        return any(f.type not in NOT_OBJECTIONS for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "name": self.name,
            "origin": self.origin,
            "product_class": self.product_class,
            "findings": [f.to_dict() for f in self.findings],
        }


SAME_NAME_KINDS = ("exact", "official-rendering", "transliteration", "script-variant", "translation")


def scan_list(index: ConflictIndex, path: Path, against: str, *, lang: str = "en") -> list[ScanRow]:
    """Screen a proposed list (import format) for objection grounds in `against` (details in `lang`)."""
    from gi_lists.entries import ListTarget
    from gi_lists.importers import parse_batch

    j = check_jurisdiction(against)
    target = ListTarget(j, "national-register", None, None, "pending", None)
    entries = parse_batch(path, target, default_source=path.name, allow_duplicates=True)
    checker = Checker(index, j)
    zh = lang_of(lang) == "zh"
    seen: dict[str, int] = {}
    rows = []
    for entry in entries:
        row = ScanRow(entry.line, entry.primary.text, entry.origin, entry.product_class)
        written = forms(entry.primary.text)
        key = compact(written[0]) if written else entry.primary.text  # a name stored before it was refused
        if key in seen:
            row.findings.append(Finding("duplicate", _SCAN_WORDS[zh]["duplicate"].format(line=seen[key])))
        else:
            seen[key] = entry.line
        if any(term_is_generic(index.k, n.text) for n in entry.names):
            generic = next(n.text for n in entry.names if term_is_generic(index.k, n.text))
            row.findings.append(
                Finding(
                    "generic-term",
                    _SCAN_WORDS[zh]["generic"].format(term=generic),
                    severity="medium",
                )
            )
        hits: dict[str, Hit] = {}
        for name in entry.names:
            for hit in checker.check(name.text, entry.product_class, lang=lang):
                old = hits.get(hit.gi.id)
                if old is None or _rank(hit) < _rank(old):
                    hits[hit.gi.id] = hit
        for hit in sorted(hits.values(), key=_rank):
            same_origin = bool(set(entry.origin.split(";")) & set(hit.gi.origin_countries))
            if hit.kind in SAME_NAME_KINDS and same_origin:
                routes = ("；" if zh else ", ").join(_route_text(p, lang) for p in hit.protections)
                protected = any(p.status == "protected" for p in hit.protections)
                kind = "already-protected" if protected else "already-listed"
                row.findings.append(Finding(kind, f"{hit.gi.id}{'：' if zh else ': '}{routes}", hit, "low"))
            elif hit.kind in SAME_NAME_KINDS:
                row.findings.append(
                    Finding(
                        "homonym",
                        _SCAN_WORDS[zh]["homonym"].format(
                            gi=hit.gi.id, origin=origin_text(hit.gi.origin, None, lang)
                        ),
                        hit,
                        hit.severity,
                    )
                )
            else:
                row.findings.append(Finding("conflict", hit.reason, hit, hit.severity))
        rows.append(row)
    return rows


def _rank(hit: Hit) -> tuple[int, float]:
    return (SEVERITY_RANK[hit.severity], -hit.score)


def _route_text(p: Protection, lang: str = "en") -> str:
    if lang_of(lang) == "zh":
        return f"{status_word(p.status, 'zh')}，途径：{route_text(p, 'zh', short_names=True)}"
    return f"{p.status} via {route_text(p)}"


_SCAN_WORDS = {
    False: {
        "duplicate": "same name as line {line} of this list",
        "generic": "'{term}' is listed as a generic term (TRIPS Art. 24(6))",
        "homonym": "same name as {gi} from {origin}",
    },
    True: {
        "duplicate": "与本名录第{line}行的名称相同",
        "generic": "“{term}”列为通用名称（TRIPS第24条第6款）",
        "homonym": "与{gi}（原产于{origin}）同名",
    },
}
