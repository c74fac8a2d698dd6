"""The bundled lists (data/reference): the China–EU annexes, the bilateral entries and the EU register
(July 2020), read into list entries for `giscope init`, merged by gi_lists.merging (pure apart from
reading the files)."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from agreements.model import Agreement
from config import REFERENCE_DIR
from errors import InputError
from gi_lists.coverage import EU_SNAPSHOT_FILE, FOREIGN_FILES, HOME_FILE
from gi_lists.entries import (
    Entry,
    ListTarget,
    ReferenceList,
    dedupe,
    name_forms_from,
    origin_language,
)
from gi_lists.importers import OPTIONAL_COLUMNS
from gi_lists.merging import home_lists, merge_pilot, register_spellings
from gi_lists.model import Name, Protection, valid_partial_date
from gi_lists.registers import EU_REGISTER, SNAPSHOT_2020, register_entries
from names.normalise import has_han, has_thai

__all__ = ["EU_REGISTER", "HOME_FILE", "ReferenceList", "reference_lists"]


def _row_entry(
    line: int, row: dict[str, str], names: list[Name], origin: str, region: str | None, protection: Protection
) -> Entry:
    """A bundled row as a list entry: every optional fact counts as given (its note too, where the
    protection has one)."""
    return Entry(
        line=line,
        names=dedupe(names),
        product_class=row["product_class"],
        origin=origin,
        region=region,
        protection=protection,
        given=frozenset(OPTIONAL_COLUMNS) | ({"note"} if protection.note else set()),
    )


def _read_reference_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return [(i + 2, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(reader)]


_GREEK_IN_SOURCE = re.compile(r"Greek:\s*([^;]+)")
_PARENTHESIS = re.compile(r"（([^）]*)）|\(([^)]*)\)")


def renderings(name_zh: str, name: str) -> list[str]:
    """The Chinese renderings written in one `name_zh` cell: forms joined by 、 or /, and a form in
    parentheses when it is another rendering (托斯卡诺（托斯卡纳）, 特鲁埃尔火腿（特鲁埃尔前腿） for
    "Jamón de Teruel / Paleta de Teruel") rather than a note (西红花 for saffron, a list of areas)."""
    variants = len(name.split(" / ")) > 1
    out: list[str] = []
    for part in re.split(r"[、/]", _PARENTHESIS.sub("", name_zh)):
        if part.strip():
            out.append(part.strip())
    main = out[0] if out else ""
    for m in _PARENTHESIS.finditer(name_zh):
        inner = m.group(1) or m.group(2) or ""
        if "，" in inner or "," in inner:
            continue  # a list (of areas), not a name
        for alt in (a.strip() for a in inner.split("/")):
            if alt and (variants or alt[:2] == main[:2]):
                out.append(alt)
    return list(dict.fromkeys(out))


def _rendering_confidence(source: str) -> str:
    """A rendering the research doubts (its source says so) is `low`; the others come from the Chinese
    annex tables as mirrored by their sources: `medium`."""
    return "low" if "doubtful" in source.lower() else "medium"


def load_annex_rows(path: Path, annex_targets: dict[str, ListTarget]) -> list[ReferenceList]:
    """china_eu_annexes.csv -> one ReferenceList per annex."""
    by_annex: dict[str, list[Entry]] = {code: [] for code in annex_targets}
    problems = []
    for line, row in _read_reference_csv(path):
        code = row["annex"]
        target = annex_targets.get(code)
        if target is None:
            problems.append(f"{path.name}:{line}: annex: unknown annex {code!r}")
            continue
        if row["party"] == "CN":
            origin, region = "CN", row["origin"] or None
            names = name_forms_from(row["name"], "original", "zh")
            if row["transcription"]:
                names += name_forms_from(row["transcription"], "transcription", "zh-Latn")
        else:
            origin, region = row["origin"], None
            lang = origin_language(origin)
            variants = row["name"].split(" / ")
            if len(variants) > 1:
                lang = None
            greek = _GREEK_IN_SOURCE.search(row["source"])
            if greek:
                names = name_forms_from(row["name"], "transcription", "el-Latn")
                names += name_forms_from(greek.group(1).strip(), "original", "el")
            else:
                names = name_forms_from(row["name"], "original", lang, split_variants=True)
            if row["transcription"]:
                names += name_forms_from(row["transcription"], "official-rendering", "zh")
            if row.get("name_zh"):
                source = row.get("name_zh_source") or row["source"]
                level = _rendering_confidence(source)
                for text in renderings(row["name_zh"], row["name"]):
                    names.append(Name(text, "official-rendering", "zh", "Hani", source, level))
        jurisdiction = target.jurisdiction_for(origin)
        assert jurisdiction
        protection = Protection(
            jurisdiction=jurisdiction,
            route="agreement",
            agreement=target.agreement,
            annex=code,
            status=target.default_status,
            since=target.default_since,
            source=row["source"],
            confidence=row["confidence"],
        )
        by_annex[code].append(_row_entry(line, row, names, origin, region, protection))
    uk = path.with_name("china_eu_uk_names.csv")
    if uk.exists():
        for entry in _uk_rows(uk, annex_targets, problems):
            by_annex[entry.protection.annex or ""].append(entry)
    if problems:
        raise InputError(problems)
    return [ReferenceList(annex_targets[code], entries, path.name) for code, entries in by_annex.items()]


UK_NOTE = "UK name in the annex as signed in 2020; not protected under the agreement now (see the source)"


def _uk_rows(path: Path, annex_targets: dict[str, ListTarget], problems: list[str]) -> list[Entry]:
    """china_eu_uk_names.csv: the UK names of the signed annexes, kept as withdrawn history."""
    out = []
    for line, row in _read_reference_csv(path):
        target = annex_targets.get(row["annex"])
        if target is None:
            problems.append(f"{path.name}:{line}: annex: unknown annex {row['annex']!r}")
            continue
        origin = "GB" if row["origin"] in ("UK", "GB") else row["origin"]
        names = name_forms_from(row["name"], "original", "en", split_variants=True)
        if row["name_zh"]:
            names += [
                Name(text, "official-rendering", "zh", "Hani", row["source"], row["confidence"])
                for text in renderings(row["name_zh"], row["name"])
            ]
        protection = Protection(
            jurisdiction=target.jurisdiction or "CN",
            route="agreement",
            agreement=target.agreement,
            annex=row["annex"],
            status="withdrawn",
            source=row["source"],
            confidence=row["confidence"],
            note=UK_NOTE,
        )
        out.append(_row_entry(line, row, names, origin, None, protection))
    return out


_ORIGIN_WITH_REGION = re.compile(r"^([A-Z]{2}(?:;[A-Z]{2})*)\s*(?:\((.*)\))?$")
_BILATERAL_AGREEMENT = {"CN-FR": "china-france", "CN-TH": "china-thailand"}


def _bilateral_status(text: str) -> str:
    head = text.lower()
    if head.startswith("pending"):
        return "pending"
    if head.startswith(("no china application", "planned")):
        return "not-filed"
    if head.startswith(("protected", "reported as registered")):
        return "protected"
    raise InputError([f"bilateral_entries.csv: status: cannot read {text[:60]!r}"])


def load_bilateral_rows(
    path: Path, targets: dict[str, ListTarget], official_renderings: frozenset[str] = frozenset()
) -> list[ReferenceList]:
    """bilateral_entries.csv -> lists for china-france, china-thailand and the EU register.

    `targets` maps 'china-france', 'china-thailand' and 'register/EU' to their ListTarget.
    """
    lists: dict[str, list[Entry]] = {key: [] for key in targets}
    for line, row in _read_reference_csv(path):
        m = _ORIGIN_WITH_REGION.match(row["origin"])
        if not m:
            raise InputError([f"{path.name}:{line}: origin: cannot read {row['origin']!r}"])
        origin, region = m.group(1), m.group(2)
        status_text = row["status"]
        route = (
            "trademark" if re.search(r"trademark|collective mark", status_text, re.I) else "national-register"
        )
        if status_text.lower().startswith("reported as registered as a trademark"):
            route = "trademark"
        names: list[Name] = []
        agreement = _BILATERAL_AGREEMENT.get(row["agreement"])
        if agreement == "china-france":
            key = "china-france"
            names += name_forms_from(row["name"], "original", origin_language(origin))
            local = row["name_local"]
            if local and local != row["name"] and not has_han(local):
                names += name_forms_from(local, "original", origin_language(origin))
        elif agreement == "china-thailand":
            key = "china-thailand"
            latin, _, english = row["name"].partition(" (")
            names += name_forms_from(row["name_local"], "original", "th")
            names += name_forms_from(latin, "transcription", "th-Latn")
            if english:
                names += name_forms_from(english.rstrip(")"), "translation", "en")
        else:  # the EU-China 10+10 pilot: Chinese GIs registered in the EU
            key = "register/EU"
            names += name_forms_from(row["name_local"], "original", "zh")
            names += name_forms_from(row["name"], "transcription", "zh-Latn")
        if row["name_zh"] and row["name_zh"] not in (row["name_local"],):
            unofficial = "not official" in status_text or "not an official" in status_text
            attested = row["name_zh"] in official_renderings or f"'{row['name_zh']}'" in status_text
            if agreement == "china-france" and not attested:
                unofficial = True  # SOURCES.md: renderings where sources disagree are not official
            kind = "translation" if unofficial else "official-rendering"
            names += name_forms_from(row["name_zh"], kind, "zh")
        target = targets[key]
        jurisdiction = target.jurisdiction_for(origin)
        if jurisdiction is None:
            raise InputError([f"{path.name}:{line}: origin: {origin} is not a party of {key}"])
        since = row["date"] or None
        if since and "dates" in status_text and "unconfirmed" in status_text:
            since = None  # the note says the date is from knowledge, unconfirmed: keep it out of `since`
        if since and not valid_partial_date(since):
            raise InputError([f"{path.name}:{line}: date: {since!r} is not a date"])
        if has_thai(row["name_local"]) and not names[0].text:
            raise InputError([f"{path.name}:{line}: name_local: empty"])
        protection = Protection(
            jurisdiction=jurisdiction,
            route=route,
            agreement=target.agreement,
            annex=None,
            status=_bilateral_status(status_text),
            since=since,
            source=row["source"],
            confidence=row["confidence"],
            note=status_text,
        )
        lists[key].append(_row_entry(line, row, names, origin, region, protection))
    return [ReferenceList(targets[key], entries, path.name) for key, entries in lists.items()]


# foreign GIs protected in China by its own routes, outside any agreement: their list is China's register
_CN_ROUTES = {"gi-product": "national-register", "collective-mark": "trademark"}


def load_foreign_rows(path: Path, jurisdiction: str = "CN") -> ReferenceList:
    """cn_foreign_gis.csv, th_foreign_gis.csv: foreign GIs that `jurisdiction` protects by its own routes,
    outside the agreements (route 'gi-product': a GI registered or approved there, such as an AQSIQ/CNIPA
    GI product or a DIP registration; 'collective-mark'): Scotch Whisky and Tequila in China, Champagne
    and Cognac in Thailand. Alternative Chinese names are separated by ';'."""
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in _read_reference_csv(path):
        first = seen.setdefault((row["origin"], row["name"]), line)
        if first != line:  # one row per name: a second route goes in the note
            raise InputError([f"{path.name}:{line}: name: {row['name']!r} is already on line {first}"])
        route = _CN_ROUTES.get(row["route"])
        if route is None:
            raise InputError(
                [f"{path.name}:{line}: route: {row['route']!r} is not one of {sorted(_CN_ROUTES)}"]
            )
        if row["status"] not in ("protected", "pending"):
            raise InputError([f"{path.name}:{line}: status: {row['status']!r} is not protected or pending"])
        since = row["date"] or None
        if since and not valid_partial_date(since):
            raise InputError([f"{path.name}:{line}: date: {since!r} is not a date"])
        origin = row["origin"]
        names = name_forms_from(row["name"], "original", origin_language(origin))
        for text in (t.strip() for t in row["name_zh"].split(";")):
            if text:
                names += [Name(text, "official-rendering", "zh", "Hani", row["source"], row["confidence"])]
        protection = Protection(
            jurisdiction=jurisdiction,
            route=route,
            status=row["status"],
            since=since,
            source=row["source"],
            confidence=row["confidence"],
            note=row["note"] or None,
        )
        entries.append(_row_entry(line, row, names, origin, None, protection))
    target = ListTarget(jurisdiction, "national-register", None, None, "protected", None)
    return ReferenceList(target, entries, path.name)


EU_REGISTER_CSV = f"registers/{EU_SNAPSHOT_FILE}"


def load_eu_register(path: Path) -> list[Entry]:
    """The bundled EU register snapshot (July 2020) as entries of the list register/EU."""
    return register_entries(_read_reference_csv(path), SNAPSHOT_2020, path.name)


def reference_lists(bundled: Sequence[Agreement], reference_dir: Path = REFERENCE_DIR) -> list[ReferenceList]:
    """The bundled lists, in loading order, for the bundled agreement records."""
    agreements = {a.id: a for a in bundled}
    eu = agreements["china-eu"]
    annex_targets = {a.code: ListTarget.for_annex(eu, a) for a in eu.annexes if a.holds_names}
    bilateral_targets = {
        "china-france": ListTarget(
            None,
            "national-register",
            "china-france",
            None,
            "protected",
            None,
            agreements["china-france"].parties,
        ),
        "china-thailand": ListTarget(
            None,
            "national-register",
            "china-thailand",
            None,
            "pending",
            None,
            agreements["china-thailand"].parties,
        ),
        "register/EU": EU_REGISTER,
    }
    lists = load_annex_rows(reference_dir / "china_eu_annexes.csv", annex_targets)
    renderings = frozenset(
        n.text for ref in lists for e in ref.entries for n in e.names if n.kind == "official-rendering"
    )
    bilateral = load_bilateral_rows(reference_dir / "bilateral_entries.csv", bilateral_targets, renderings)
    lists += [ref for ref in bilateral if ref.target.key != "register/EU"]
    pilot = [e for ref in bilateral if ref.target.key == "register/EU" for e in ref.entries]
    register_path = reference_dir / EU_REGISTER_CSV
    register = merge_pilot(load_eu_register(register_path), pilot)
    lists = [replace(ref, entries=register_spellings(ref.entries, register)) for ref in lists]
    lists.append(ReferenceList(EU_REGISTER, register, register_path.name))
    for where, name in FOREIGN_FILES.items():
        lists.append(load_foreign_rows(reference_dir / name, where))
    return lists + home_lists(lists)
