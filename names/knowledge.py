"""Knowledge tables for conflict screening, read from data/knowledge/ (pure: csv and json only).

product_terms.csv  product words per concept and language (ham / 火腿 / prosciutto / jambon ...)
places.csv         place names and their adjectives across languages (Parma / Parme / 帕尔玛)
modifiers.csv      "kind/type/style/imitation" words ("style", "type", 型, 仿, genre, Art, tipo, แบบ ...)
generic_terms.csv  names that are generic (Cheddar, green tea, 大米 ...)
romanisations.csv  Wade-Giles, trade and RTGS spellings of names (Ti Kuan Yin, Lapsang Souchong)
trade_renderings.csv  Chinese names the market uses for EU GIs beside the official rendering (布根地 for
                   Bourgogne), by GI id, each with its source
name_translations.csv  EU GI names in other European languages and scripts (Parmesan, Пармезан,
                   Champagner), by GI id, each with its source
evocative_terms.csv  words a court held to call a GI to mind or mislead as to its origin on like goods
                   ('Glen' for Scotch Whisky), by GI id, each with the ground and the decision
goods_terms.csv    goods and service words across languages and their Nice class (dog food 31, handbag 18,
                   hotel 43; a blank class: goods that name no single class, or a place that is not goods)
nice_classes.csv   the Nice classes of each GI product class (Wine 33, Cheeses 29, Handicraft (porcelain) 21)
well_known_marks.csv  GIs that are also well-known marks in a jurisdiction (Champagne / 香槟 in CN), by GI
                   id, with the decision that recognised them, the basis quoted, source and confidence
cleared_uses.csv   uses of a GI's name that a court or office held do not infringe it (Port Charlotte
                   whisky and the PDO Port), by GI id and jurisdiction, with the decision
reputations.csv    GIs whose reputation a court held reaches goods of other classes in a jurisdiction
                   (Champagne on perfume in France, on services in the EU), with the decision
related_goods.csv  goods of another class a court held similar to a GI class's goods (vinegar and wine:
                   RIOJAVINA, General Court T-138/09), with the decision
register_products.csv  what a GI the EU register files under its catch-all class ('Other products
                   (spices etc.)') is made of: Darjeeling tea, Domfront perry, by GI id, with the source
thai_name_words.csv  generic words inside Thai GI names (เมือง town, จังหวัด province, ข้าว rice ...) with
                   their RTGS spelling and common variants: a label may leave them out
legal_bases.json   the legal basis quoted for a hit, by route, agreement and jurisdiction
Every row keeps its source and confidence; a hit quotes them.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from config import KNOWLEDGE_DIR
from names.normalise import compact, fold_latin, fold_native, has_han, has_thai
from names.thai import MIN_SKELETON, thai_skeleton


def term_key(text: str) -> str:
    """The lookup key of a term: native script compact for Chinese/Thai, folded Latin compact otherwise."""
    if has_han(text) or has_thai(text):
        return compact(fold_native(text))
    return compact(fold_latin(text))


class Term(NamedTuple):
    """One row of a knowledge table (a tuple: thousands are made at every start)."""

    concept: str
    term: str
    lang: str
    product_class: str | None = None
    form: str | None = None  # places: name or adjective; modifiers: before/after/any
    source: str | None = None
    confidence: str = "unconfirmed"
    note: str | None = None


class NiceRow(NamedTuple):
    """One row of nice_classes.csv: a GI product class (and a detail of it) and its Nice classes."""

    product_class: str
    detail: str
    classes: tuple[int, ...]
    source: str
    confidence: str


@dataclass
class Knowledge:
    products: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    places: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    # Thai places by the Thai skeleton of their Latin spellings (Petchabun, Pakpanang: names.thai)
    thai_place_skeletons: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    modifiers: dict[str, Term] = field(default_factory=dict)
    generics: dict[str, Term] = field(default_factory=dict)
    romanisations: dict[str, list[Term]] = field(
        default_factory=lambda: defaultdict(list)
    )  # native -> spellings
    legal_bases: dict[str, Any] = field(default_factory=dict)
    # GI id -> Chinese trade renderings (term: the rendering; lang: its variant; source, confidence)
    trade_renderings: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    # GI id -> the name in other languages (term: the form; lang; form: translation, transliteration or
    # exonym; source, confidence)
    translations: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    # term key -> words held to evoke a GI (concept: GI id; form: the ground; source: the decision)
    evocative: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    # goods and service words -> their rows (product_class: the Nice class as text, None when the word
    # names goods of no single class or a place); read on first use by goods_terms(), to keep start-up fast
    goods: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    goods_file: Path | None = None
    # GI product classes and the Nice classes they fall in, as in nice_classes.csv (compare.goods reads them)
    nice_classes: list[NiceRow] = field(default_factory=list)

    def goods_terms(self) -> dict[str, list[Term]]:
        """The goods vocabulary (goods_terms.csv), read the first time a label needs it."""
        if self.goods_file is not None:
            path, self.goods_file = self.goods_file, None
            for _, r in _rows(path, ("concept", "nice_class", "lang", "term", "source", "confidence")):
                if r["term"]:
                    self.goods[term_key(r["term"])].append(
                        Term(
                            r["concept"],
                            r["term"],
                            r["lang"],
                            r["nice_class"] or None,
                            None,
                            r["source"],
                            r["confidence"],
                        )
                    )
        return self.goods

    # (GI id, jurisdiction) -> the GI as a well-known mark there (marks, recognised_by, date, basis,
    # basis_zh, source, confidence)
    well_known: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    # (GI id, jurisdiction) -> uses held not to infringe the GI there (term, held_by, date, case, source)
    cleared: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    # (GI id, jurisdiction) -> decisions holding that the GI's reputation reaches other goods there
    reputations: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    # goods concept -> the GI classes a decision held those goods similar to (gi_class, held_by, date, case,
    # source, confidence)
    related: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    # Thai word -> Term(concept: role (product, settlement, admin), term: the Thai word, form: its RTGS
    # spelling, note: variant spellings separated by ';')
    thai_words: dict[str, Term] = field(default_factory=dict)
    # GI id -> (product concept, the class it is given where the concept has none) of a GI filed under a
    # register's catch-all class (register_products.csv: Darjeeling tea, Domfront perry)
    register_products: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    # the folder the tables were read from (names.common_words reads its words there when first asked)
    directory: str = str(KNOWLEDGE_DIR)


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        missing = [c for c in required if c not in header]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        columns = [(i, h) for i, h in enumerate(header) if h]
        out = []
        for line, row in enumerate(reader, start=2):
            cells = row + [""] * (len(header) - len(row))
            out.append((line, {h: cells[i].strip() for i, h in columns}))
        return out


def load_knowledge(directory: Path = KNOWLEDGE_DIR) -> Knowledge:
    k = Knowledge(directory=str(directory))
    for _, r in _rows(directory / "product_terms.csv", ("concept", "product_class", "lang", "term")):
        if r["term"]:
            t = Term(
                r["concept"],
                r["term"],
                r["lang"],
                r["product_class"] or None,
                None,
                r.get("source"),
                r.get("confidence") or "unconfirmed",
            )
            k.products[term_key(r["term"])].append(t)
    for _, r in _rows(directory / "places.csv", ("concept", "lang", "term", "form")):
        if r["term"]:
            t = Term(
                r["concept"],
                r["term"],
                r["lang"],
                None,
                r["form"] or "name",
                r.get("source"),
                r.get("confidence") or "unconfirmed",
            )
            k.places[term_key(r["term"])].append(t)
    _thai_place_skeletons(k)
    for _, r in _rows(directory / "modifiers.csv", ("lang", "term", "position", "meaning")):
        if r["term"]:
            key = term_key(r["term"].strip("-"))
            if key:
                k.modifiers.setdefault(
                    key,
                    Term(
                        r["meaning"],
                        r["term"],
                        r["lang"],
                        None,
                        r["position"],
                        r.get("source"),
                        r.get("confidence") or "unconfirmed",
                    ),
                )
    for _, r in _rows(directory / "generic_terms.csv", ("term", "lang", "product_class")):
        if r["term"]:
            k.generics.setdefault(
                term_key(r["term"]),
                Term(
                    r.get("concept") or "",
                    r["term"],
                    r["lang"],
                    r["product_class"] or None,
                    None,
                    r.get("source"),
                    r.get("confidence") or "unconfirmed",
                    r.get("note") or None,
                ),
            )
    for _, r in _rows(directory / "romanisations.csv", ("native", "romanisation", "system")):
        if r["native"] and r["romanisation"]:
            k.romanisations[r["native"]].append(
                Term(
                    "",
                    r["romanisation"],
                    r["system"],
                    None,
                    None,
                    r.get("source"),
                    r.get("confidence") or "unconfirmed",
                )
            )
    trade = directory / "trade_renderings.csv"
    if trade.exists():
        for _, r in _rows(trade, ("gi_id", "rendering", "variant", "source", "confidence")):
            if r["gi_id"] and r["rendering"]:
                k.trade_renderings[r["gi_id"]].append(
                    Term(r["gi_id"], r["rendering"], r["variant"], None, None, r["source"], r["confidence"])
                )
    translated = directory / "name_translations.csv"
    if translated.exists():
        for _, r in _rows(translated, ("gi_id", "form", "lang", "kind", "source", "confidence")):
            if r["gi_id"] and r["form"]:
                k.translations[r["gi_id"]].append(
                    Term(r["gi_id"], r["form"], r["lang"], None, r["kind"], r["source"], r["confidence"])
                )
    evocative = directory / "evocative_terms.csv"
    if evocative.exists():
        for _, r in _rows(evocative, ("term", "gi_id", "lang", "ground", "source", "confidence")):
            if r["term"] and r["gi_id"]:
                k.evocative[term_key(r["term"])].append(
                    Term(r["gi_id"], r["term"], r["lang"], None, r["ground"], r["source"], r["confidence"])
                )
    goods = directory / "goods_terms.csv"
    k.goods_file = goods if goods.exists() else None
    nice = directory / "nice_classes.csv"
    if nice.exists():
        for _, r in _rows(nice, ("product_class", "detail", "nice_classes", "source", "confidence")):
            classes = tuple(int(c) for c in r["nice_classes"].split(";") if c.strip())
            k.nice_classes.append(
                NiceRow(r["product_class"], r["detail"], classes, r["source"], r["confidence"])
            )
    known = directory / "well_known_marks.csv"
    if known.exists():
        cols = ("gi_id", "jurisdiction", "marks", "recognised_by", "date", "basis", "source", "confidence")
        for _, r in _rows(known, cols):
            if r["gi_id"] and r["jurisdiction"]:
                k.well_known[(r["gi_id"], r["jurisdiction"])] = r
    cleared = directory / "cleared_uses.csv"
    if cleared.exists():
        cols = ("gi_id", "jurisdiction", "term", "held_by", "date", "case", "source", "confidence")
        for _, r in _rows(cleared, cols):
            if r["gi_id"] and r["jurisdiction"] and r["term"]:
                k.cleared.setdefault((r["gi_id"], r["jurisdiction"]), []).append(r)
    held = directory / "reputations.csv"
    if held.exists():
        cols = ("gi_id", "jurisdiction", "held_by", "date", "case", "basis", "source", "confidence")
        for _, r in _rows(held, cols):
            if r["gi_id"] and r["jurisdiction"]:
                k.reputations.setdefault((r["gi_id"], r["jurisdiction"]), []).append(r)
    related = directory / "related_goods.csv"
    if related.exists():
        related_cols = ("concept", "gi_class", "held_by", "date", "case", "source", "confidence")
        for _, r in _rows(related, related_cols):
            if r["concept"] and r["gi_class"]:
                k.related.setdefault(r["concept"], []).append(r)
    thai = directory / "thai_name_words.csv"
    if thai.exists():
        for _, r in _rows(thai, ("thai", "rtgs", "variants", "role", "source", "confidence")):
            if r["thai"]:
                k.thai_words[r["thai"]] = Term(
                    r["role"], r["thai"], "th", None, r["rtgs"], r["source"], r["confidence"], r["variants"]
                )
    products_of = directory / "register_products.csv"
    if products_of.exists():
        for _, r in _rows(products_of, ("gi_id", "concept", "source", "confidence")):
            if r["gi_id"] and r["concept"]:
                made_of = (r["concept"], r.get("product_class") or None)
                k.register_products.setdefault(r["gi_id"], []).append(made_of)
    k.legal_bases = json.loads((directory / "legal_bases.json").read_text(encoding="utf-8"))
    return k


@lru_cache(maxsize=4)
def bundled_knowledge(directory: str = str(KNOWLEDGE_DIR)) -> Knowledge:
    return load_knowledge(Path(directory))


def romanised_forms(text: str, knowledge: Knowledge) -> list[str]:
    """Further folded Latin forms of a Chinese or Thai name for search: its Wade-Giles reading, its
    offline RTGS romanisation, and the name with a part spelled the curated way (安溪铁观音 ->
    'anxi ti kuan yin', 'anxi tieh kuan yin')."""
    from names.normalise import fold_native, pinyin, thai_romanisation
    from names.wade_giles import wade_giles

    out: list[str] = []
    if has_han(text):
        out.append(wade_giles(text))
        native = compact(fold_native(text))
        for size in range(min(len(native), 8), 1, -1):
            for start in range(0, len(native) - size + 1):
                part = native[start : start + size]
                for spelling in knowledge.romanisations.get(part, ()):
                    before = pinyin(native[:start]).replace(" ", "")
                    after = pinyin(native[start + size :]).replace(" ", "")
                    out.append(fold_latin(" ".join(x for x in (before, spelling.term, after) if x)))
    elif has_thai(text):
        rtgs = thai_romanisation(text)
        if rtgs:
            out.append(rtgs)
        for spelling in knowledge.romanisations.get(text, ()):
            out.append(fold_latin(spelling.term))
    return [f for f in dict.fromkeys(out) if f]


def _thai_place_skeletons(k: Knowledge) -> None:
    """The Latin spellings of Thai places (those with an RTGS spelling in the table), by their Thai
    skeleton: a label may spell them otherwise than the table does (Petchabun for Phetchabun, Pakpanang
    for Pak Phanang). Not European places with a Thai rendering: 'Campagne' is no Champagne."""
    thai = {t.concept for terms in k.places.values() for t in terms if t.lang == "th-Latn"}
    for terms in k.places.values():
        for t in terms:
            if t.concept in thai and t.term.isascii():
                skeleton = thai_skeleton(t.term)
                if len(skeleton) >= MIN_SKELETON and t not in k.thai_place_skeletons[skeleton]:
                    k.thai_place_skeletons[skeleton].append(t)
