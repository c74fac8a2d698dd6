"""The name index (pure): every written form of every protected name reduced to lookup keys.

- Latin keys: the compact folded words of a name ("prosciuttodiparma"), the toneless pinyin of a
  Chinese name ("anxitieguanyin"), its Wade-Giles reading ("anhsitiehkuanyin"), curated romanisations
  ("tikuanyin"), adjectival and plural forms of one-word names ("tokaji", "champagner");
- native keys: the simplified characters of a Chinese name, the Thai script of a Thai name;
- components: the distinctive part of a compound ("bufalacampana", "铁观音" after the place 安溪);
- concept signatures: place + product concepts from the glossary ("parma" + "ham"), so that
  "Parma ham", "jambon de Parme" and "帕尔玛火腿" meet "Prosciutto di Parma".

The matcher (compare.matching) looks a label's spans up in these dictionaries: a check never scans all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property

from compare.index_parts import index_han_parts, index_latin_parts, language_versions
from compare.name_parts import index_old_romanisations, index_thai_parts, trade_cores
from compare.rules import (
    ADJECTIVE_SUFFIXES,
    CONNECTORS,
    NON_FOOD_KEY,
    UMLAUT_SPELLING,
    Key,
    fuzzy_worthy,
)
from gi_lists.entries import CATCH_ALL_CLASSES
from gi_lists.model import GI, REGISTERS_CLASS, class_key
from names.knowledge import Knowledge, Term
from names.normalise import (
    compact,
    fold_latin,
    fold_native,
    has_han,
    has_thai,
    latin_words,
    official_syllables,
    pinyin_syllables,
    thai_romanisation,
    to_simplified,
)
from names.phonetic import PhoneticIndex
from names.thai import MIN_SKELETON, thai_skeleton
from names.wade_giles import wade_giles, wade_giles_of

# Latin keys of Thai names that are also looked up by their Thai skeleton (Sang Yod, Sangyot, Mueang):
# not the pinyin or Wade-Giles of a Chinese rendering of the name
THAI_SKELETON_VIAS = frozenset({"own", "romanisation", "core", "place-core", "component"})

# a generic concept with more terms than this is a family (grape varieties), not one product's names
MAX_GENERIC_SIBLINGS = 6

_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")


class NameIndex:
    """Every written form of every name of the given GIs, reduced to lookup keys."""

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
        self.trade_confidence: dict[tuple[int, str], str] = {}  # (gi, rendering key) -> its confidence
        self.translated: dict[tuple[int, str], tuple[str, str]] = {}  # (gi, key) -> (kind, confidence)
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # built when a label first needs them (compare.guesses): scope -> names by sound; one-word names
        # by their first five and last four letters
        self.sound_scopes: dict[str, PhoneticIndex] = {}
        self.name_ends: tuple[dict[str, list[Key]], dict[str, list[Key]]] | None = None
        self.name_beginnings: list[tuple[str, Key]] | None = None  # compare.shortened
        self.coined_targets: object = None  # compare.coined
        self.visual_anchors: dict[str, list[tuple[int, str]]] | None = None  # compare.visual_match
        self.swap_patterns: dict[str, list[tuple[int, str, str]]] | None = None  # compare.visual_match
        # compare.name_apart: a Chinese name's place -> (rest, GI, name, text)
        self.name_apart_parts: dict[str, list[tuple[str, int, int, str]]] | None = None
        # compare.variants: the Thai-script names, without tone marks and silent letters -> (GI, name, text)
        self.thai_script_names: dict[str, list[tuple[int, int, str]]] | None = None
        # a multi-word name's words sorted (compare.variants: the name's words in another order)
        self.reordered: dict[str, list[Key]] = defaultdict(list)
        # Thai skeleton (names.thai) of a Latin key of a Thai name -> keys
        self.thai_latin: dict[str, list[Key]] = defaultdict(list)
        self._thai_gis = {pos for pos, gi in enumerate(self.gis) if "TH" in gi.origin_countries}
        # place concept -> its Latin-script names and its Chinese names (Guizhou, Kweichow / 贵州)
        self.place_latin: dict[str, list[str]] = defaultdict(list)
        self.place_han: dict[str, list[str]] = defaultdict(list)
        for terms in knowledge.places.values():
            for t in terms:
                if has_han(t.term):
                    self.place_han[t.concept].append(t.term)
                elif not has_thai(t.term):
                    self.place_latin[t.concept].append(t.term)
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
        # generic terms in Chinese or Thai script, looked for inside every such name
        self._native_generics = [g for g in knowledge.generics if has_han(g) or has_thai(g)]
        for gi_pos, gi in enumerate(self.gis):
            for name_pos, name in enumerate(gi.names):
                self._index_name(gi_pos, name_pos, name.text, name.kind, name.lang or "")
                for side in language_versions(self, name.text):  # Coppa di Corsica of 'Coppa de Corse - …'
                    self._index_name(gi_pos, name_pos, side, name.kind, name.lang or "")
        self._index_trade_renderings()
        self._index_translations()
        self._classes_of_catch_alls()
        # misspellings are looked for among whole names only (not parts, cores or Wade-Giles readings)
        for key, keys in self.latin.items():
            if any(fuzzy_worthy(k, key) for k in keys):
                self._fuzzy_buckets[(key[0], len(key))].append(key)

    # -- building ------------------------------------------------------------------------------

    def _classes_of_catch_alls(self) -> None:
        """A GI the EU register files under its catch-all class ('Other products (spices etc.)': tea,
        coffee, cider alike) takes the class of what it is made of (register_products.csv, else its names'
        product words) where that is one class, the register's kept in brackets: Darjeeling 'Tea (the
        register's class: Other products (spices etc.))'."""
        # a product with no class of its own given one by the table (cider, perry), for a user's class
        self.table_class = {c: cls for rows in self.k.register_products.values() for c, cls in rows if cls}
        named: dict[int, list[str]] = defaultdict(list)
        for (gi_pos, _), concepts in self.product_of.items():
            named[gi_pos] += concepts
        for pos, gi in enumerate(self.gis):
            if class_key(gi.product_class) not in CATCH_ALL_CLASSES:
                continue
            made_of = self.k.register_products.get(gi.id) or [(c, None) for c in named.get(pos, [])]
            classes = {cls or self.concept_class[c] for c, cls in made_of if cls or c in self.concept_class}
            classes = {c for c in classes if class_key(c) != NON_FOOD_KEY}  # café the place: services
            keys = {class_key(c) for c in classes}
            if len(keys) == 1 and not keys & CATCH_ALL_CLASSES:
                effective = f"{classes.pop()}{REGISTERS_CLASS}{gi.product_class})"
                self.gis[pos] = replace(gi, product_class=effective)

    def _add_latin(self, words: Iterable[str], key: Key) -> None:
        words = list(words)
        c = compact(" ".join(words))
        if len(c) >= 2 and key not in self.latin[c]:
            self.latin[c].append(key)
            if (
                key.gi in self._thai_gis
                and key.via in THAI_SKELETON_VIAS
                and not has_han(self.gis[key.gi].names[key.name].text)
            ):
                skeleton = thai_skeleton(words)
                if len(skeleton) >= MIN_SKELETON and key not in self.thai_latin[skeleton]:
                    self.thai_latin[skeleton].append(key)

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
            syllables = official_syllables(simplified, pinyin_syllables(simplified))
            self._add_latin([x for x in syllables if x.strip()], Key(gi, pos, "pinyin", text))
            if self._chinese(gi):  # Wade-Giles spells Chinese places; 帕尔玛 is Parma, not 'P'a-erh-ma'
                self._add_latin(wade_giles(simplified).split(), Key(gi, pos, "wade-giles", text))
            for spelling in self._romanisations(simplified):
                self._add_latin(fold_latin(spelling).split(), Key(gi, pos, "romanisation", text))
            index_han_parts(self, gi, pos, text)
            index_old_romanisations(self, gi, pos, text)
        elif has_thai(text):
            self._add_native(text, Key(gi, pos, "native", text))
            rtgs = thai_romanisation(text)
            if rtgs:
                self._add_latin(rtgs.split(), Key(gi, pos, "romanisation", text))
            for spelling in self._romanisations(text):
                self._add_latin(fold_latin(spelling).split(), Key(gi, pos, "romanisation", text))
            index_han_parts(self, gi, pos, text)
            index_thai_parts(self, gi, pos, text)
        else:
            words = latin_words(text)
            self._add_latin(words, own)
            bare = [w for w in words if w not in CONNECTORS]
            if len(bare) >= 2 and bare != words:  # Prosciutto di Parma as 'Prosciutto Parma'
                self._add_latin(bare, own)
            if kind in ("original", "transcription") and len(bare) >= 2 and len(set(bare)) == len(bare):
                self.reordered[" ".join(sorted(bare))].append(Key(gi, pos, "reordered", text))
            if not text.isascii() and any(ch in "äöüÄÖÜ" for ch in text):
                spelled = text.translate(UMLAUT_SPELLING)
                self._add_latin(fold_latin(spelled).split(), Key(gi, pos, "umlaut", text))
            if kind == "original" and len(words) == 1 and len(words[0]) >= 4:
                stem = words[0][:-1] if words[0].endswith("e") else words[0]
                for suffix in ADJECTIVE_SUFFIXES:
                    for base in {words[0], stem}:
                        if base + suffix not in self.k.products:  # porter is a beer, not Port's adjective
                            self._add_latin([base + suffix], Key(gi, pos, "adjective", text))
            index_latin_parts(self, gi, pos, text, words)

    @cached_property
    def reputed_ids(self) -> frozenset[str]:
        """GIs with a decision on record holding their reputation reaches other goods (reputations.csv)."""
        return frozenset(gi_id for gi_id, _ in self.k.reputations)

    @cached_property
    def class_keys(self) -> frozenset[str]:
        """The product classes of the GIs indexed, as class keys ('Wine (…)' -> 'wine')."""
        return frozenset(class_key(gi.product_class) for gi in self.gis if gi.product_class)

    @cached_property
    def generic_siblings(self) -> dict[str, list[str]]:
        """A generic term in Chinese or Thai script -> the Latin terms of its concept (卡芒贝尔 ->
        camembert), for concepts that name one product (not a family such as the grape varieties)."""
        by_concept: dict[str, list[str]] = defaultdict(list)
        for term_key, t in self.k.generics.items():
            if t.concept:
                by_concept[t.concept].append(term_key)
        out: dict[str, list[str]] = {}
        for terms in by_concept.values():
            if len(terms) > MAX_GENERIC_SIBLINGS:
                continue
            latin = [w for w in terms if not (has_han(w) or has_thai(w))]
            for w in terms:
                if latin and (has_han(w) or has_thai(w)):
                    out[w] = latin
        return out

    @cached_property
    def place_countries(self) -> dict[str, frozenset[str]]:
        """Place concept -> the origin countries of the names that hold it (danube: BG, HU, RO)."""
        out: dict[str, set[str]] = defaultdict(set)
        for table in (self.places_of, self.place_names):
            for place, keys in table.items():
                for key in keys:
                    out[place].update(self.gis[key.gi].origin_countries)
        return {place: frozenset(countries) for place, countries in out.items()}

    @cached_property
    def positions(self) -> dict[str, int]:
        """GI id -> its position in the index."""
        return {gi.id: pos for pos, gi in enumerate(self.gis)}

    def _known_forms(self, table: dict[str, list[Term]]) -> Iterator[tuple[int, str, Term]]:
        """(GI position, its first name, row) of a knowledge table keyed by GI id, for the GIs indexed."""
        for gi_id, terms in table.items():
            pos = self.positions.get(gi_id)
            if pos is not None and self.gis[pos].names:
                for t in terms:
                    yield pos, self.gis[pos].names[0].text, t

    def _index_trade_renderings(self) -> None:
        """The Chinese names the market uses for a GI beside its official rendering (布根地 for
        Bourgogne), from data/knowledge/trade_renderings.csv: keys of the GI's first name."""
        forms = list(self._known_forms(self.k.trade_renderings))
        # 费塔 of 费塔奶酪, unless another GI's too: the name's short form, as an official rendering's core is
        cores = [(p, f, core, t, "core") for p, f, core, t in trade_cores(self.k, self.native, forms)]
        for pos, first, term, t, via in [(p, f, t.term, t, "trade") for p, f, t in forms] + cores:
            self._add_native(term, Key(pos, 0, via, first))
            self.trade_confidence[(pos, compact(fold_native(term)))] = t.confidence

    def _index_translations(self) -> None:
        """The name in other European languages and scripts (Parmesan, Пармезан, Champagner), from
        data/knowledge/name_translations.csv: Latin keys of the GI's first name (Cyrillic and Greek
        forms folded to Latin letters, as a label in those scripts is); Thai forms also as written."""
        for pos, first, t in self._known_forms(self.k.translations):
            kind = "transliteration" if t.form == "transliteration" else "translation"
            # an English possessive is also written without its 's ("Helan Mountain East Foothill")
            for text in dict.fromkeys((t.term, _POSSESSIVE.sub("", t.term))):
                words = latin_words(text)
                self._add_latin(words, Key(pos, 0, "translated", first))
                self.translated[(pos, compact(" ".join(words)))] = (kind, t.confidence)
            if has_thai(t.term):  # a Thai label is read in its own script (คอนยัค for Cognac)
                self._add_native(t.term, Key(pos, 0, "translated", first))
                self.translated[(pos, compact(fold_native(t.term)))] = (kind, t.confidence)

    def _romanisations(self, native: str) -> list[str]:
        """The curated spellings of a name or part written exactly so (Ti Kuan Yin for 铁观音)."""
        return [t.term for t in self.k.romanisations.get(native, ())]

    def romanised(self, gi: int, pos: int) -> bool:
        name = self.gis[gi].names[pos]
        lang = name.lang or ""
        return name.kind == "transcription" and (lang.startswith("zh") or lang.startswith("th"))

    def _chinese(self, gi: int) -> bool:
        return "CN" in self.gis[gi].origin_countries

    def index_native_and_readings(
        self, part: str, key: Key, han: bool, syllables: tuple[str, ...] | None = None
    ) -> None:
        self._add_native(part, key)
        if han:
            syllables = official_syllables(part, syllables or pinyin_syllables(part))
            self._add_latin([x.strip() for x in syllables if x.strip()], key)
            if self._chinese(key.gi):
                self._add_latin(wade_giles_of(syllables).split(), key)
        for spelling in self._romanisations(part):
            self._add_latin(fold_latin(spelling).split(), key)

    # -- used by the matcher --------------------------------------------------------------------

    def compatible(self, label_concept: str, name_concept: str) -> bool:
        """The label's product is the name's product or its head word (pears for 香梨 fragrant pear)."""
        if label_concept == name_concept:
            return True
        label_words = {w.removesuffix("s") for w in self.english.get(label_concept, ())}
        return bool(label_words & self.heads.get(name_concept, set()))
