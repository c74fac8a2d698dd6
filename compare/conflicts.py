"""Cross-script name-conflict screening (pure: GIs and knowledge in, explained hits out).

A `ConflictIndex` is built once from the register's GIs. Every written form of every name is reduced
to lookup keys (DESIGN.md section 5):

- Latin keys: the compact folded words of a name ("prosciuttodiparma"), the toneless pinyin of a
  Chinese name ("anxitieguanyin"), its Wade-Giles reading ("anhsitiehkuanyin"), curated romanisations
  ("tikuanyin"), adjectival and plural forms of one-word names ("tokaji", "champagner");
- native keys: the simplified characters of a Chinese name, the Thai script of a Thai name;
- components: the distinctive part of a compound ("bufalacampana", "铁观音" after the place 安溪);
- concept signatures: place + product concepts from the glossary ("parma" + "ham"), so that
  "Parma ham", "jambon de Parme" and "帕尔玛火腿" meet "Prosciutto di Parma".

A label is split the same way and every span of it is looked up in dictionaries, so a check never
scans every name; misspellings are scored with rapidfuzz only against keys of similar length that
start with the same letter. Each hit says which rule fired, which forms met, how severe it is in the
jurisdiction asked about, why, and on what legal basis.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from compare.knowledge import Knowledge, term_key
from compare.names import (
    compact,
    fold_latin,
    fold_native,
    forms,
    has_han,
    has_thai,
    pinyin,
    thai_romanisation,
    to_simplified,
    wade_giles,
)
from gi_lists.model import GI, JURISDICTION_INCLUDES, Protection

KINDS = (
    "exact",
    "official-rendering",
    "translation",
    "transliteration",
    "script-variant",
    "homophone",
    "evocation",
    "partial",
    "fuzzy",
    "generic-overlap",
)
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2, "unconfirmed": 3}
STRONG_KINDS = frozenset(
    {
        "exact",
        "official-rendering",
        "translation",
        "transliteration",
        "script-variant",
        "homophone",
        "evocation",
    }
)
BASE_SCORE = {
    "exact": 1.0,
    "official-rendering": 1.0,
    "script-variant": 0.97,
    "transliteration": 0.93,
    "translation": 0.9,
    "evocation": 0.9,
    "homophone": 0.86,
    "partial": 0.62,
    "generic-overlap": 0.3,
}
# Connecting words inside compound names ("Prosciutto di Parma", "Pruneaux d'Agen", "vin de Bordeaux").
CONNECTORS = frozenset(
    [
        "di",
        "de",
        "del",
        "della",
        "du",
        "des",
        "d",
        "da",
        "do",
        "dos",
        "das",
        "von",
        "vom",
        "aus",
        "of",
        "the",
        "la",
        "le",
        "les",
        "el",
        "los",
        "y",
        "e",
        "et",
        "und",
        "and",
    ]
)
ADJECTIVE_SUFFIXES = ("i", "er", "ese", "s", "es", "an", "ian")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
MAX_SPAN_WORDS = 7
FUZZY_CUTOFF = 80.0
FUZZY_VIAS = frozenset({"own", "pinyin", "romanisation", "umlaut"})
WINE_SPIRIT_CLASSES = ("wine", "spirit", "rice wine")
UMLAUT_SPELLING = {
    ord("ä"): "ae",
    ord("ö"): "oe",
    ord("ü"): "ue",
    ord("Ä"): "Ae",
    ord("Ö"): "Oe",
    ord("Ü"): "Ue",
}
COLOUR_WORDS = frozenset(["colour", "color", "coloured", "colored", "couleur", "colore", "farbe", "farben"])
COLOUR_HAN = ("色", "颜色")


def _han_for_pinyin(span: str, a: LabelAnalysis) -> str | None:
    """The label's characters that read as `span` (香宾 for 'xiang bin'), for the explanation."""
    want = span.split()
    for run in a.han_runs:
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                if pinyin(run[i:j]).split() == want:
                    return run[i:j]
    return None


def class_key(product_class: str | None) -> str:
    """'Rice wine (annex class unverified)' -> 'rice wine'; 'Meat products (cooked, …)' stays whole."""
    if not product_class:
        return ""
    text = product_class.strip()
    if text.lower().startswith("meat products"):
        return "meat products"
    return fold_latin(text.split(" (")[0])


def same_class(a: str | None, b: str | None) -> bool:
    ka, kb = class_key(a), class_key(b)
    return bool(ka and kb) and (ka == kb or ka.startswith(kb) or kb.startswith(ka))


# ---------------------------------------------------------------------------------------------
# Index
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One lookup key of one name of one GI."""

    gi: int  # position in ConflictIndex.gis
    name: int  # position in the GI's names
    via: str  # own, pinyin, wade-giles, romanisation, adjective, umlaut, component, native, concept
    text: str  # the protected form this key stands for (for the explanation)


@dataclass
class Hit:
    gi: GI
    matched_form: str
    label_form: str
    kind: str
    score: float
    severity: str
    reason: str
    legal_basis: str
    protections: tuple[Protection, ...]
    confidence: str
    legal_source: str | None = None
    legal_confidence: str = "unconfirmed"

    def to_dict(self) -> dict[str, object]:
        return {
            "gi_id": self.gi.id,
            "name": self.gi.display_name,
            "names": [n.text for n in self.gi.names],
            "matched_form": self.matched_form,
            "label_form": self.label_form,
            "kind": self.kind,
            "score": round(self.score, 3),
            "severity": self.severity,
            "reason": self.reason,
            "legal_basis": self.legal_basis,
            "legal_source": self.legal_source,
            "legal_confidence": self.legal_confidence,
            "confidence": self.confidence,
            "protections": [p.to_dict() for p in self.protections],
        }


@dataclass
class _Candidate:
    gi: int
    kind: str
    score: float
    matched_form: str
    label_form: str
    note: str = ""
    rule_confidence: str = "high"
    colour: bool = False  # the name is used as a colour ("香槟色", "champagne-coloured")


@dataclass
class LabelAnalysis:
    text: str
    latin_words: list[str]  # every script, Chinese as pinyin
    own_words: list[str]  # the Latin-script parts only
    han_runs: list[str]  # simplified
    raw_han: str  # the label's own characters (traditional kept)
    thai_runs: list[str]
    modifiers: list[str] = field(default_factory=list)
    product_concepts: list[tuple[str, str | None]] = field(default_factory=list)  # (concept, class)
    place_concepts: list[str] = field(default_factory=list)
    place_spans: dict[str, str] = field(default_factory=dict)  # place concept -> the label's span
    product_spans: dict[str, str] = field(default_factory=dict)  # product concept -> the label's span
    main_products: list[str] = field(default_factory=list)  # concepts of the longest product words
    generic_terms: list[str] = field(default_factory=list)


class ConflictIndex:
    def __init__(self, gis: Sequence[GI], knowledge: Knowledge) -> None:
        self.gis = list(gis)
        self.k = knowledge
        self.latin: dict[str, list[Key]] = defaultdict(list)  # compact Latin key -> keys
        self.native: dict[str, list[Key]] = defaultdict(list)  # compact native key -> keys
        self.signatures: dict[tuple[str, str], list[Key]] = defaultdict(list)  # (place, product) -> keys
        self.places_of: dict[str, list[Key]] = defaultdict(list)  # place concept -> keys
        self.generic_in: dict[str, list[Key]] = defaultdict(list)  # generic term key -> keys
        self.place_names: dict[str, list[Key]] = defaultdict(list)  # place concept -> names that are only it
        # product concept -> names that are only it; place concept -> names made of several places
        self.product_names: dict[str, list[Key]] = defaultdict(list)
        self.place_parts: dict[str, list[Key]] = defaultdict(list)
        self.product_of: dict[tuple[int, int], list[str]] = {}  # (gi, name) -> product concepts of the name
        self.max_native = 2
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # product words that name a whole category (茶 tea, 酒 liquor, 油 oil): one Chinese character
        self.broad_products = {
            t.concept
            for terms in knowledge.products.values()
            for t in terms
            if t.lang == "zh" and len(t.term) == 1
        }
        self.concept_class: dict[str, str] = {}
        for terms in knowledge.products.values():
            for t in terms:
                if t.product_class:
                    self.concept_class.setdefault(t.concept, t.product_class)
        # English head words of each product concept: "fragrant pear" -> pear
        self.heads: dict[str, set[str]] = defaultdict(set)
        self.english: dict[str, set[str]] = defaultdict(set)
        for terms in knowledge.products.values():
            for t in terms:
                if t.lang == "en":
                    words = fold_latin(t.term).split()
                    if words:
                        self.english[t.concept].add(" ".join(words))
                        self.heads[t.concept].add(words[-1].removesuffix("s"))
        for gi_pos, gi in enumerate(self.gis):
            for name_pos, name in enumerate(gi.names):
                self._index_name(gi_pos, name_pos, name.text, name.kind, name.lang or "")
        # misspellings are looked for among whole names only (not parts, cores or Wade-Giles readings)
        for key, keys in self.latin.items():
            if any(self._fuzzy_ok(k, key) for k in keys):
                self._fuzzy_buckets[(key[0], len(key))].append(key)

    # -- building ------------------------------------------------------------------------------

    def _add_latin(self, words: Iterable[str], key: Key) -> None:
        c = compact(" ".join(words))
        if len(c) >= 2 and key not in self.latin[c]:
            self.latin[c].append(key)

    def _add_native(self, text: str, key: Key) -> None:
        c = compact(fold_native(text))
        if len(c) >= 2 and key not in self.native[c]:
            self.native[c].append(key)
            self.max_native = max(self.max_native, len(c))

    def _index_name(self, gi: int, pos: int, text: str, kind: str, lang: str) -> None:
        own = Key(gi, pos, "own", text)
        if has_han(text):
            self._add_native(text, Key(gi, pos, "native", text))
            simplified = to_simplified(text)
            self._add_latin(pinyin(simplified).split(), Key(gi, pos, "pinyin", text))
            self._add_latin(wade_giles(simplified).split(), Key(gi, pos, "wade-giles", text))
            for spelling in self._romanisations(simplified):
                self._add_latin(fold_latin(spelling).split(), Key(gi, pos, "romanisation", text))
            self._index_han_parts(gi, pos, text)
        elif has_thai(text):
            self._add_native(text, Key(gi, pos, "native", text))
            rtgs = thai_romanisation(text)
            if rtgs:
                self._add_latin(rtgs.split(), Key(gi, pos, "romanisation", text))
            for spelling in self._romanisations(text):
                self._add_latin(fold_latin(spelling).split(), Key(gi, pos, "romanisation", text))
            self._index_han_parts(gi, pos, text)
        else:
            words = fold_latin(text).split()
            self._add_latin(words, own)
            if any(ch in "äöüÄÖÜ" for ch in text):
                spelled = text.translate(UMLAUT_SPELLING)
                self._add_latin(fold_latin(spelled).split(), Key(gi, pos, "umlaut", text))
            if kind == "original" and len(words) == 1 and len(words[0]) >= 4:
                stem = words[0][:-1] if words[0].endswith("e") else words[0]
                for suffix in ADJECTIVE_SUFFIXES:
                    for base in {words[0], stem}:
                        self._add_latin([base + suffix], Key(gi, pos, "adjective", text))
            self._index_latin_parts(gi, pos, text, words)

    def _romanisations(self, native: str) -> list[str]:
        out: list[str] = []
        for whole, spellings in self.k.romanisations.items():
            if whole == native:
                out.extend(t.term for t in spellings)
        return out

    def _concepts_in_words(self, words: list[str]) -> tuple[list[str], list[str], list[int]]:
        """(place concepts, product concepts, positions not explained) of a Latin word list."""
        places: list[str] = []
        products: list[str] = []
        rest: list[int] = []
        i = 0
        while i < len(words):
            found = False
            for j in range(min(len(words), i + 5), i, -1):
                c = "".join(words[i:j])
                if c in self.k.places:
                    places.extend(t.concept for t in self.k.places[c])
                    i, found = j, True
                    break
                if c in self.k.products:
                    products.extend(t.concept for t in self.k.products[c])
                    i, found = j, True
                    break
            if not found:
                if words[i] not in CONNECTORS:
                    rest.append(i)
                i += 1
        return places, products, rest

    def _concepts_in_han(self, text: str) -> tuple[list[str], list[str], str]:
        """(place concepts, product concepts, characters not explained) of a Chinese string."""
        places: list[str] = []
        products: list[str] = []
        rest: list[str] = []
        s = compact(fold_native(text))
        i = 0
        while i < len(s):
            for j in range(min(len(s), i + 40), i, -1):
                piece = s[i:j]
                if piece in self.k.places:
                    places.extend(t.concept for t in self.k.places[piece])
                    i = j
                    break
                if piece in self.k.products and j - i >= 1:
                    products.extend(t.concept for t in self.k.products[piece])
                    i = j
                    break
            else:
                rest.append(s[i])
                i += 1
        return places, products, "".join(rest)

    def _index_signature(self, key: Key, places: list[str], products: list[str]) -> None:
        for place in dict.fromkeys(places):
            if key not in self.places_of[place]:
                self.places_of[place].append(key)
            for product in dict.fromkeys(products):
                if key not in self.signatures[(place, product)]:
                    self.signatures[(place, product)].append(key)

    def _romanised(self, gi: int, pos: int) -> bool:
        name = self.gis[gi].names[pos]
        lang = name.lang or ""
        return name.kind == "transcription" and (lang.startswith("zh") or lang.startswith("th"))

    def _index_latin_parts(self, gi: int, pos: int, text: str, words: list[str]) -> None:
        places, products, rest = self._concepts_in_words(words)
        concept_key = Key(gi, pos, "concept", text)
        self.product_of[(gi, pos)] = products
        if places and products and not rest:
            self._index_signature(concept_key, places, products)
        elif places:
            self._index_signature(concept_key, places, [])
        self._index_single_concept(gi, pos, text, places, products, bool(rest))
        # generic terms inside a compound (Mozzarella di Bufala Campana)
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 3) + 1):
                c = "".join(words[i:j])
                if c in self.k.generics and len(words) > j - i:
                    self.generic_in[c].append(Key(gi, pos, "generic", text))
        # distinctive components: runs of words that are neither product, place, connector nor generic
        # (not for romanised Chinese or Thai names: their parts are found through the characters)
        if len(words) >= 2 and not self._romanised(gi, pos):
            explained = set(range(len(words))) - set(rest)
            runs: list[list[str]] = []
            current: list[str] = []
            for i, w in enumerate(words):
                if i in explained or w in CONNECTORS or w in self.k.generics:
                    if current:
                        runs.append(current)
                    current = []
                else:
                    current.append(w)
            if current:
                runs.append(current)
            for run in runs:
                c = "".join(run)
                if len(c) >= 5 and run != words and c not in self.k.generics:
                    self._add_latin(run, Key(gi, pos, "component", text))

    def _index_han_parts(self, gi: int, pos: int, text: str) -> None:
        """Concepts, the part after the place, the part before the product, and generic terms inside a
        Chinese or Thai name."""
        places, products, rest = self._concepts_in_han(text)
        concept_key = Key(gi, pos, "concept", text)
        self.product_of[(gi, pos)] = products
        if places and products and not rest:
            self._index_signature(concept_key, places, products)
        elif places:
            self._index_signature(concept_key, places, [])
        self._index_single_concept(gi, pos, text, places, products, bool(rest))
        s = compact(fold_native(text))
        han = has_han(text)
        # the part after the place name is a component (安溪铁观音 -> 铁观音, tie guan yin)
        for j in range(len(s) - 1, 1, -1):
            head = s[:j]
            if head in self.k.places:
                tail = s[j:]
                if len(tail) >= 2 and tail not in self.k.products:
                    self._index_native_and_readings(tail, Key(gi, pos, "component", text), han)
                break
        # the part before a closing product word is the core (龙井茶 -> 龙井, "Lung Ching" + tea)
        for j in range(1, len(s)):
            tail = s[j:]
            if tail in self.k.products:
                core = s[:j]
                if len(core) >= 2 and core not in self.k.products and core not in self.k.generics:
                    # a core that is only a place counts with the name's own product, never alone
                    via = "place-core" if core in self.k.places else "core"
                    self._index_native_and_readings(core, Key(gi, pos, via, text), han)
                break
        # generic terms inside the name (大米 in 五常大米)
        for g in self.k.generics:
            if (has_han(g) or has_thai(g)) and g in s and g != s:
                self.generic_in[g].append(Key(gi, pos, "generic", text))

    def _index_single_concept(
        self, gi: int, pos: int, text: str, places: list[str], products: list[str], rest: bool
    ) -> None:
        """A name that is nothing but a place (Margaux) or one product word (宣纸 Xuan paper): that place or
        product named in any language is the name."""
        if rest:
            return
        if places and not products and len(set(places)) == 1:
            self.place_names[places[0]].append(Key(gi, pos, "place-name", text))
        elif places and not products:  # Parmigiano Reggiano: each place alone is part of the name
            for place in dict.fromkeys(places):
                self.place_parts[place].append(Key(gi, pos, "place-part", text))
        elif products and not places and len(set(products)) == 1:
            self.product_names[products[0]].append(Key(gi, pos, "product-name", text))

    def _index_native_and_readings(self, part: str, key: Key, han: bool) -> None:
        self._add_native(part, key)
        if han:
            self._add_latin(pinyin(part).split(), key)
            self._add_latin(wade_giles(part).split(), key)
        for spelling in self._romanisations(part):
            self._add_latin(fold_latin(spelling).split(), key)

    # -- checking ------------------------------------------------------------------------------

    def analyse(self, label: str) -> LabelAnalysis:
        simplified = to_simplified(label)
        non_han = _HAN_RUN.sub(" ", label)
        non_han = _THAI_RUN.sub(" ", non_han)
        a = LabelAnalysis(
            text=label,
            latin_words=fold_latin(label).split(),
            own_words=fold_latin(non_han).split(),
            han_runs=[compact(fold_native(r)) for r in _HAN_RUN.findall(simplified)],
            raw_han="".join(_HAN_RUN.findall(label)),
            thai_runs=_THAI_RUN.findall(label),
        )
        words = a.own_words
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 5) + 1):
                c = "".join(words[i:j])
                self._note_term(a, c)
        for run in a.han_runs:
            for i in range(len(run)):
                for j in range(i + 1, min(len(run), i + 10) + 1):
                    self._note_term(a, run[i:j])
        for run in a.thai_runs:  # Thai words run together and are long
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + 40) + 1):
                    self._note_term(a, run[i:j])
        a.main_products = self._main_products(a)
        return a

    def label_class(self, a: LabelAnalysis, cand: _Candidate) -> str | None:
        """The class of the goods the label names, from its longest product words outside the matched
        name (盘锦大米 names rice, not brocade; 'Shaoxing rice wine' names rice wine)."""
        inside = {compact(f) for text in (cand.label_form, cand.matched_form) for f in forms(text)}
        for concept in a.main_products:
            span = a.product_spans.get(concept, "")
            if span and any(span in m for m in inside):
                continue
            cls = self.concept_class.get(concept)
            if cls:
                return cls
        return None

    def compatible(self, label_concept: str, name_concept: str) -> bool:
        """The label's product is the name's product or its head word (pears for 香梨 fragrant pear)."""
        if label_concept == name_concept:
            return True
        label_words = {w.removesuffix("s") for w in self.english.get(label_concept, ())}
        return bool(label_words & self.heads.get(name_concept, set()))

    def _main_products(self, a: LabelAnalysis) -> list[str]:
        """Product concepts of the longest product words, left to right (green tea, not tea)."""
        out: list[str] = []
        words = a.own_words
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 5), i, -1):
                c = "".join(words[i:j])
                if c in self.k.products:
                    out.extend(t.concept for t in self.k.products[c])
                    i = j
                    break
            else:
                i += 1
        for run in a.han_runs + a.thai_runs:
            i = 0
            while i < len(run):
                for j in range(min(len(run), i + 20), i, -1):
                    if run[i:j] in self.k.products:
                        out.extend(t.concept for t in self.k.products[run[i:j]])
                        i = j
                        break
                else:
                    i += 1
        return list(dict.fromkeys(out))

    def _note_term(self, a: LabelAnalysis, c: str) -> None:
        if c in self.k.modifiers:
            a.modifiers.append(self.k.modifiers[c].term)
        for t in self.k.products.get(c, []):
            a.product_concepts.append((t.concept, t.product_class))
            if len(c) > len(a.product_spans.get(t.concept, "")):
                a.product_spans[t.concept] = c
        for t in self.k.places.get(c, []):
            a.place_concepts.append(t.concept)
            if len(c) > len(a.place_spans.get(t.concept, "")):
                a.place_spans[t.concept] = c
        if c in self.k.generics:
            a.generic_terms.append(c)

    def candidates(self, a: LabelAnalysis) -> list[_Candidate]:
        found: list[_Candidate] = []
        gis = self.gis
        # 1. native script: every substring of the label's Chinese and Thai runs
        for run in a.han_runs + a.thai_runs:
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + self.max_native) + 1):
                    for key in self.native.get(run[i:j], ()):
                        native_cand = self._classify_native(key, run[i:j], a, whole=(j - i == len(run)))
                        if native_cand is not None:
                            native_cand.colour = run[j:].startswith(COLOUR_HAN)
                            found.append(native_cand)
        # 2. Latin spans (Chinese in the label taken as pinyin too)
        for words, from_own in ((a.own_words, True), (a.latin_words, False)):
            n = len(words)
            for i in range(n):
                for j in range(i + 1, min(n, i + MAX_SPAN_WORDS) + 1):
                    span = "".join(words[i:j])
                    for key in self.latin.get(span, ()):
                        cand = self._classify_latin(
                            key, " ".join(words[i:j]), a, from_own, whole=(j - i == n)
                        )
                        if cand is not None:
                            cand.colour = j < n and words[j] in COLOUR_WORDS
                            found.append(cand)
        # 3. concept signatures: place + product in the label
        seen_sig = set()
        for place in dict.fromkeys(a.place_concepts):
            products = [p for p, _ in a.product_concepts]
            for product in dict.fromkeys(products):
                for key in self.signatures.get((place, product), ()):
                    seen_sig.add(key.gi)
                    modifier = self._modifier_note(a)
                    kind = "evocation" if modifier else "translation"
                    why = f"place '{place}' and product '{product}'" + (
                        f" with '{modifier}'" if modifier else ""
                    )
                    found.append(_Candidate(key.gi, kind, BASE_SCORE[kind], key.text, a.text, why, "medium"))
            for key in self.places_of.get(place, ()):
                if key.gi in seen_sig:
                    continue
                gi_class = gis[key.gi].product_class
                if any(same_class(cls, gi_class) for _, cls in a.product_concepts):
                    found.append(
                        _Candidate(
                            key.gi,
                            "partial",
                            BASE_SCORE["partial"],
                            key.text,
                            a.text,
                            f"place '{place}' with another product of the same class",
                            "medium",
                        )
                    )
        # 3b. names that are only a place or one product word: that concept in another language or
        # script is the name
        single: list[tuple[str, str, list[Key]]] = []
        for place in dict.fromkeys(a.place_concepts):
            single.append((place, a.place_spans.get(place, place), self.place_names.get(place, [])))
        for product, _cls in dict.fromkeys(a.product_concepts):
            single.append(
                (product, a.product_spans.get(product, product), self.product_names.get(product, []))
            )
        modifier = self._modifier_note(a)
        for concept, span, keys in single:
            if self._inside_generic(span, a):
                continue
            for key in keys:
                name_text = gis[key.gi].names[key.name].text
                if compact(fold_native(name_text)) == span or compact(fold_latin(name_text)) == span:
                    continue  # the name itself: found above
                other_script = (has_han(span) or has_thai(span)) != (
                    has_han(name_text) or has_thai(name_text)
                )
                kind = "transliteration" if other_script else "translation"
                if modifier:
                    found.append(
                        _Candidate(
                            key.gi,
                            "evocation",
                            BASE_SCORE["evocation"],
                            key.text,
                            span,
                            f"'{concept}' with '{modifier}'",
                            "medium",
                        )
                    )
                else:
                    found.append(
                        _Candidate(
                            key.gi,
                            kind,
                            BASE_SCORE[kind] * 0.97,
                            key.text,
                            span,
                            f"'{span}' is '{name_text}' in another language or script",
                            "medium",
                        )
                    )
        for place in dict.fromkeys(a.place_concepts):
            span = a.place_spans.get(place, place)
            for key in self.place_parts.get(place, ()):
                gi_class = gis[key.gi].product_class
                if a.product_concepts and not any(same_class(cls, gi_class) for _, cls in a.product_concepts):
                    continue
                found.append(
                    _Candidate(
                        key.gi,
                        "partial",
                        BASE_SCORE["partial"],
                        key.text,
                        span,
                        f"'{span}' names one of the places in the protected name",
                        "medium",
                    )
                )
        # 4. generic terms that sit inside protected compounds
        for g in dict.fromkeys(a.generic_terms):
            for key in self.generic_in.get(g, ()):
                found.append(
                    _Candidate(
                        key.gi,
                        "generic-overlap",
                        BASE_SCORE["generic-overlap"],
                        key.text,
                        g,
                        "shares only a generic term",
                        "medium",
                    )
                )
        # 5. misspellings, when nothing closer explains that part of the label
        found.extend(self._fuzzy(a, {c.gi for c in found if c.kind in STRONG_KINDS}))
        return found

    def _modifier_note(self, a: LabelAnalysis) -> str | None:
        return a.modifiers[0] if a.modifiers else None

    @staticmethod
    def _inside_generic(span: str, a: LabelAnalysis) -> str | None:
        """A generic term of the label that contains the matched span (波尔多 inside 波尔多液)."""
        c = compact(span)
        return next((g for g in a.generic_terms if c != g and c in g), None)

    def _core(self, key: Key, span: str, a: LabelAnalysis, *, native: bool) -> _Candidate | None:
        """The name without its product word: with a product of the same class it is the name in
        another writing (龙井 + tea = 龙井茶); alone, or in Chinese characters, a partial match."""
        gi = self.gis[key.gi]
        own_products = set(self.product_of.get((key.gi, key.name), []))
        if own_products & self.broad_products:
            like = any(same_class(cls, gi.product_class) for _, cls in a.product_concepts)
        else:
            like = any(self.compatible(c, own) for c in a.main_products for own in own_products)
        if like and not native:
            modifier = self._modifier_note(a)
            if modifier:
                return _Candidate(
                    key.gi, "evocation", BASE_SCORE["evocation"], key.text, span, f"with '{modifier}'"
                )
            return _Candidate(
                key.gi,
                "transliteration",
                0.9,
                key.text,
                span,
                "the name's own part, with the product named in another language",
            )
        if key.via == "place-core":
            # the name's place without its product: a partial use, unless the label names goods of
            # another class (安吉竹笋 is bamboo shoots, not 安吉白茶)
            if any(not same_class(cls, gi.product_class) for _, cls in a.product_concepts if cls):
                return None
            return _Candidate(
                key.gi,
                "partial",
                BASE_SCORE["partial"] - 0.07,
                key.text,
                span,
                "the name's place without its product",
            )
        return _Candidate(
            key.gi,
            "partial",
            BASE_SCORE["partial"] + 0.05,
            key.text,
            span,
            "the name without its product word",
        )

    def _part_of_name(
        self, key: Key, span: str, a: LabelAnalysis, *, native: bool
    ) -> tuple[bool, _Candidate | None]:
        """(True, hit or None) for a match on part of a name (its core or a component) or inside a
        generic term of the label; (False, None) when the key stands for the whole name."""
        if key.via in ("core", "place-core"):
            return True, self._core(key, span, a, native=native)
        generic = self._inside_generic(span, a)
        if generic:
            return True, _Candidate(
                key.gi,
                "generic-overlap",
                BASE_SCORE["generic-overlap"],
                key.text,
                generic,
                f"part of the generic term '{generic}'",
                "medium",
            )
        if key.via == "component":
            return True, _Candidate(
                key.gi,
                "partial",
                BASE_SCORE["partial"] + 0.05,
                key.text,
                span,
                "distinctive part of the protected name",
            )
        return False, None

    def _classify_native(self, key: Key, span: str, a: LabelAnalysis, *, whole: bool) -> _Candidate | None:
        gi = self.gis[key.gi]
        name = gi.names[key.name]
        is_part, part = self._part_of_name(key, span, a, native=True)
        if is_part:
            return part
        if name.kind == "official-rendering":
            kind = "official-rendering"
        elif name.kind == "translation":
            kind = "translation"
        elif (
            has_han(name.text)
            and name.text not in a.raw_han
            and to_simplified(name.text) in to_simplified(a.raw_han)
        ):
            kind = "script-variant"
        else:
            kind = "exact"
        score = BASE_SCORE[kind] * (1.0 if whole else 0.96)
        modifier = self._modifier_note(a)
        if modifier and kind != "script-variant":
            return _Candidate(
                key.gi, "evocation", BASE_SCORE["evocation"], key.text, span, f"with '{modifier}'"
            )
        return _Candidate(key.gi, kind, score, key.text, span)

    def _classify_latin(
        self, key: Key, span: str, a: LabelAnalysis, from_own: bool, *, whole: bool
    ) -> _Candidate | None:
        gi = self.gis[key.gi]
        name = gi.names[key.name]
        modifier = self._modifier_note(a)
        is_part, part = self._part_of_name(key, span, a, native=not from_own)
        if is_part:
            return part
        if key.via in ("pinyin", "wade-giles", "romanisation"):
            if not from_own:
                # the label's Chinese characters read the same as the name's but are not the same
                if any(compact(fold_native(name.text)) in run for run in a.han_runs):
                    return None  # the same characters: the native key explains it
                kind = "homophone"
                span = _han_for_pinyin(span, a) or span
            else:
                kind = "transliteration"
        elif key.via == "umlaut":
            kind = "script-variant"
        elif key.via == "adjective":
            kind = "exact"
        elif name.kind == "translation":
            kind = "translation"
        elif name.kind == "official-rendering":
            kind = "official-rendering"
        elif name.kind == "transcription" and not (name.lang or "").startswith("el"):
            kind = "transliteration"
        else:
            kind = "exact"
        score = BASE_SCORE[kind] * (1.0 if whole else 0.96)
        if key.via == "adjective":
            score = 0.92
        if modifier and kind not in ("homophone",):
            return _Candidate(
                key.gi, "evocation", BASE_SCORE["evocation"], key.text, span, f"with '{modifier}'"
            )
        note = "an adjectival or plural form of the name" if key.via == "adjective" else ""
        return _Candidate(key.gi, kind, score, key.text, span, note)

    @staticmethod
    def _fuzzy_ok(key: Key, text: str) -> bool:
        """Keys worth a misspelling check: whole names (4+ letters) and longer name cores."""
        return (key.via in FUZZY_VIAS and len(text) >= 4) or (
            key.via in ("core", "place-core") and len(text) >= 7
        )

    def _fuzzy(self, a: LabelAnalysis, explained: set[int]) -> list[_Candidate]:
        out = []
        words = a.own_words
        spans = set()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                c = "".join(words[i:j])
                if (
                    len(c) >= 5
                    and c not in self.latin
                    and c not in self.k.generics
                    and c not in self.k.products
                ):
                    spans.add(c)
        for span in spans:
            pool: list[str] = []
            for length in range(len(span) - 2, len(span) + 3):
                pool.extend(self._fuzzy_buckets.get((span[0], length), ()))
            if not pool:
                continue
            for choice, score, _ in process.extract(
                span, pool, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_CUTOFF
            ):
                for key in self.latin[choice]:
                    if key.gi in explained or not self._fuzzy_ok(key, choice):
                        continue
                    edits = OSA.distance(span, choice)
                    close = edits <= (2 if len(choice) >= 9 else 1)
                    out.append(
                        _Candidate(
                            key.gi,
                            "fuzzy",
                            round(score / 100, 3),
                            key.text,
                            span,
                            f"{edits} letter(s) from '{choice}'",
                            "medium" if close else "low",
                        )
                    )
        return out


# ---------------------------------------------------------------------------------------------
# Severity, reasons, legal basis
# ---------------------------------------------------------------------------------------------


def relevant_protections(gi: GI, jurisdiction: str) -> list[Protection]:
    """The GI's protections that apply in `jurisdiction` and are in force or on the way."""
    places = JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,))
    active = ("protected", "pending", "in-objection", "listed")
    return [p for p in gi.protections if p.jurisdiction in places and p.status in active]


def _min_confidence(*values: str) -> str:
    return max(values, key=lambda v: CONFIDENCE_RANK.get(v, 3))


def legal_basis(
    gi: GI, protections: Sequence[Protection], knowledge: Knowledge, lang: str = "en"
) -> tuple[str, str, str]:
    """(basis text, its sources, the weakest confidence among them) for the protections; wines and
    spirits add TRIPS Art. 23."""
    bases = knowledge.legal_bases
    suffix = "_zh" if lang == "zh" else ""
    parts: list[str] = []
    sources: list[str] = []
    levels: list[str] = []
    for p in protections:
        if p.route == "agreement" and p.agreement:
            entry = bases.get(f"agreement:{p.agreement}", {})
            if p.status == "protected":
                text, source = entry.get("text" + suffix) or entry.get("text"), entry.get("source")
                level = entry.get("confidence", "unconfirmed")
            else:
                text = entry.get("pending_text" + suffix) or entry.get("pending_text")
                source = entry.get("pending_source")
                level = entry.get("pending_confidence", "unconfirmed")
        else:
            route = "trademark" if p.route == "trademark" else "register"
            entry = bases.get(f"{route}:{p.jurisdiction}", {})
            text, source = entry.get("text" + suffix) or entry.get("text"), entry.get("source")
            level = entry.get("confidence", "unconfirmed")
        if text and text not in parts:
            parts.append(text)
            levels.append(level)
            if source:
                sources.append(source)
    if class_key(gi.product_class) in WINE_SPIRIT_CLASSES:
        entry = bases.get("trips23", {})
        text = entry.get("text" + suffix) or entry.get("text")
        if text:
            parts.append(text)
            levels.append(entry.get("confidence", "unconfirmed"))
            sources.append(entry.get("source", ""))
    weakest = _min_confidence(*levels) if levels else "unconfirmed"
    return "; ".join(parts) or "unknown", "; ".join(s for s in sources if s), weakest


_KIND_PHRASE = {
    "exact": "uses the protected name",
    "official-rendering": "uses the official Chinese rendering",
    "translation": "translates the protected name",
    "transliteration": "transliterates the protected name",
    "script-variant": "writes the protected name in another script form",
    "homophone": "sounds the same as the protected name (same pinyin, other characters)",
    "evocation": "imitates or evokes the protected name",
    "partial": "takes part of the protected name",
    "fuzzy": "is spelled like the protected name",
    "generic-overlap": "shares only a generic term with the protected name",
}


_KIND_PHRASE_ZH = {
    "exact": "使用了受保护名称",
    "official-rendering": "使用了官方中文译名",
    "translation": "翻译了受保护名称",
    "transliteration": "音译了受保护名称",
    "script-variant": "以另一种书写形式使用了受保护名称",
    "homophone": "与受保护名称同音（拼音相同、汉字不同）",
    "evocation": "暗示（联想）受保护名称",
    "partial": "使用了受保护名称的一部分",
    "fuzzy": "拼写与受保护名称相近",
    "generic-overlap": "与受保护名称仅共有通用名称",
}
_STATUS_ZH = {"protected": "受保护", "pending": "待决", "in-objection": "异议期中", "listed": "列入名录"}
_WHY_ZH = (
    ("a generic term alone", "仅为通用名称"),
    ("similar spelling", "拼写相近"),
    ("a partial match", "部分匹配"),
    ("the name is used as a colour", "名称被用作颜色，并非用于同类产品"),
    ("the name is pending", "该名称尚在审查中，当地尚未保护"),
    ("the label's goods", "标签所标商品与该地理标志属于不同类别"),
    ("like goods assumed", "推定为同类产品（标签未注明产品类别）"),
    ("like goods", "同类产品"),
)


def _route_phrase_zh(p: Protection) -> str:
    if p.route == "agreement":
        where = f"{p.agreement} 附录{p.annex}" if p.annex else str(p.agreement)
    elif p.route == "trademark":
        where = "集体商标或证明商标"
    else:
        where = "国内登记" + (f"（{p.agreement}名录）" if p.agreement else "")
    since = f"，自{p.since}起" if p.since else ""
    return f"在{p.jurisdiction}{_STATUS_ZH.get(p.status, p.status)}，途径：{where}{since}"


def reason_text(
    cand_label: str, kind: str, matched: str, note: str, p: Protection, why: str, lang: str
) -> str:
    """The one-sentence reason of a hit, in English or Chinese (rule notes stay in English)."""
    if lang == "zh":
        why_zh = next((zh for en, zh in _WHY_ZH if why.startswith(en)), why)
        return f"“{cand_label}”{_KIND_PHRASE_ZH[kind]}“{matched}”，{_route_phrase_zh(p)}；{why_zh}。"
    extra = f" ({note})" if note else ""
    return f"'{cand_label}' {_KIND_PHRASE[kind]} '{matched}'{extra}, {_route_phrase(p)}; {why}."


def _route_phrase(p: Protection) -> str:
    if p.route == "agreement":
        where = f"Annex {p.annex} of {p.agreement}" if p.annex else p.agreement
    elif p.route == "trademark":
        where = "a collective or certification mark"
    else:
        where = "the national register" + (f" ({p.agreement} list)" if p.agreement else "")
    since = f" since {p.since}" if p.since else ""
    return f"{p.status} in {p.jurisdiction} through {where}{since}"


def severity_for(
    cand: _Candidate, gi: GI, protections: Sequence[Protection], label_class: str | None
) -> tuple[str, str]:
    """(severity, why) for one candidate; see the issue's definitions."""
    in_force = any(p.status == "protected" for p in protections)
    like = label_class is None or same_class(label_class, gi.product_class)
    if cand.kind == "generic-overlap":
        return "low", "a generic term alone"
    if cand.kind == "fuzzy":
        close = cand.rule_confidence == "medium"  # one letter off (two in long names)
        return ("medium" if close and in_force else "low"), "similar spelling"
    if cand.kind == "partial":
        return "medium", "a partial match"
    if cand.colour:
        return "medium", "the name is used as a colour, not for like goods"
    if not in_force:
        return "medium", "the name is pending, not yet protected there"
    if not like:
        return (
            "medium",
            f"the label's goods ({label_class}) are another class than the GI's ({gi.product_class})",
        )
    return "high", "like goods" if label_class else "like goods assumed (the label names no product class)"


class Checker:
    """Screens labels against the GIs relevant in one jurisdiction."""

    def __init__(self, index: ConflictIndex, jurisdiction: str) -> None:
        self.index = index
        self.jurisdiction = jurisdiction
        self._relevant: dict[int, list[Protection]] = {}

    def _protections(self, gi_pos: int) -> list[Protection]:
        if gi_pos not in self._relevant:
            self._relevant[gi_pos] = relevant_protections(self.index.gis[gi_pos], self.jurisdiction)
        return self._relevant[gi_pos]

    def check(
        self, label: str, product_class: str | None = None, *, lang: str = "en", limit: int = 10
    ) -> list[Hit]:
        a = self.index.analyse(label)
        best: dict[int, tuple[tuple[int, float], Hit]] = {}
        for cand in self.index.candidates(a):
            protections = self._protections(cand.gi)
            if not protections:
                continue
            gi = self.index.gis[cand.gi]
            label_class = product_class or self.index.label_class(a, cand)
            severity, why = severity_for(cand, gi, protections, label_class)
            rank = (SEVERITY_RANK[severity], -cand.score)
            if cand.gi in best and best[cand.gi][0] <= rank:
                continue
            basis, basis_source, basis_confidence = legal_basis(gi, protections, self.index.k, lang)
            strongest = sorted(
                protections, key=lambda p: (p.status != "protected", CONFIDENCE_RANK.get(p.confidence, 3))
            )
            reason = reason_text(
                cand.label_form, cand.kind, cand.matched_form, cand.note, strongest[0], why, lang
            )
            hit = Hit(
                gi=gi,
                matched_form=cand.matched_form,
                label_form=cand.label_form,
                kind=cand.kind,
                score=min(1.0, cand.score),
                severity=severity,
                reason=reason,
                legal_basis=basis,
                legal_source=basis_source or None,
                legal_confidence=basis_confidence,
                protections=tuple(protections),
                confidence=_min_confidence(strongest[0].confidence, cand.rule_confidence),
            )
            best[cand.gi] = (rank, hit)
        hits = [h for _, h in sorted(best.values(), key=lambda x: (x[0], x[1].gi.id))]
        return hits[:limit]


def worst_severity(hits: Sequence[Hit]) -> str | None:
    return min((h.severity for h in hits), key=lambda s: SEVERITY_RANK[s], default=None)


def term_is_generic(knowledge: Knowledge, text: str) -> bool:
    return term_key(text) in knowledge.generics
