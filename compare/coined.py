"""Coined words close to a GI's name on like goods (pure): 'Bolgaré' on a wine (Bolgheri: EUIPO BoA,
General Court order T-300/22), 'Toscoro' on an olive oil (Toscano: General Court T-510/15), 'Sumarone' on
a wine (Amarone della Valpolicella: EUIPO BoA R 1390/2024-2), 'Nosecco' on a sparkling wine (Prosecco).

A word counts as coined only where it is no word of the vocabularies and no common word of seven European
languages (names.common_words): 'Fontana' on a wine is an Italian word, not a misspelt Fontina. It is
close to a name where it spells nearly the same (Jaro-Winkler similarity >= CLOSE, the same first three
letters; of several names, the closest) or shares the name's last five letters, an ending no more than
two GIs' names have and no ending of the languages (-zione, -ance). Two label words of which one is
coined are compared with longer names written as one word. The names compared: one-word names, and the
words of longer names that are neither common words, connectors, generic terms nor product words
(Amarone, not della). Only on like goods (named, stated or in a trademark's classes), and not where the
label names a GI outright; a guess: medium at most, which a court weighs as a whole.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from compare.index import NameIndex
from compare.rules import BASE_SCORE, CONNECTORS, Candidate, Key, LabelAnalysis, same_class
from names.common_words import is_common_word
from names.knowledge import Knowledge
from names.normalise import compact, fold_latin, script_of

MIN_LETTERS = 6  # of a coined label word (shorter ones are too often a word of some language)
MIN_NAME = 5  # of a name or a name's word
CLOSE = 0.88  # Jaro-Winkler similarity of a near spelling
TIE = 0.01  # of the best similarity: the names a word is closest to
SAME_START = 3  # letters a near spelling begins with as the name does
ENDING = 5  # letters of a shared ending
MAX_LENGTH_GAP = 3
MIN_WHOLE = 9  # letters of a longer name compared as one word with two words of a label


def label_classes(a: LabelAnalysis) -> list[str]:
    """The product classes the label names and the user stated."""
    stated = [a.stated_class, *a.stated_also] if a.stated_class else []
    return [cls for _, cls in a.product_concepts if cls] + stated


def like_goods(a: LabelAnalysis, classes: list[str], gi_class: str | None) -> bool:
    """Goods of the GI's class: named by the label, stated by the user, or in a trademark's Nice classes."""
    named = any(same_class(cls, gi_class) for cls in classes)
    return named or bool(a.stated_like and a.stated_like(gi_class))


def known_word(k: Knowledge, word: str) -> bool:
    """A word of the vocabularies (products, generic terms, places, modifiers, goods and services):
    a word of a language, not a coined one."""
    known = word in k.products or word in k.generics or word in k.places or word in k.modifiers
    return known or word in k.goods_terms()


def _maybe_coined(ix: NameIndex, word: str) -> bool:
    """No name, connector or word of the vocabularies (whether it is a common word is asked only of a
    word close to a name)."""
    return word not in ix.latin and word not in CONNECTORS and not known_word(ix.k, word)


def coined(k: Knowledge, word: str) -> bool:
    """A coined word: neither a word of the vocabularies nor a common word of the languages."""
    return not known_word(k, word) and not (len(word) >= 5 and is_common_word(word, k.directory))


class _Targets:
    """The names and name words compared, with the GI keys they stand for; built once per index."""

    def __init__(self, ix: NameIndex) -> None:
        self.words: list[str] = []  # one-word names and distinctive words of longer names
        self.keys: list[Key] = []
        self.wholes: list[str] = []  # longer names written as one word (saintemilion)
        self.whole_keys: list[Key] = []
        # words of longer names that are asked, when met, whether they are common words (della, Bianco:
        # no one's distinctive part); read then, not before, the table costs a tenth of a second
        self.common_check: set[int] = set()
        self.directory = ix.k.directory
        self.reputed: list[tuple[str, Key]] | None = None  # reputed_names
        self.by_ending: dict[str, list[int]] = defaultdict(list)
        k = ix.k
        for gi_pos, gi in enumerate(ix.gis):
            if set(gi.origin_countries) & {"CN", "TH"}:
                continue  # their Chinese and Thai names have their own keys
            for pos, name in enumerate(gi.names):
                if name.kind != "original" or script_of(name.text) != "Latn":
                    continue
                words = [compact(w) for w in re.split(r"[\s\-'’./]+", fold_latin(name.text)) if w]
                words = [w for w in words if len(w) >= MIN_NAME and w.isalpha()]
                longer = len(re.split(r"[\s\-'’./]+", name.text.strip())) > 1
                if longer:
                    words = [
                        w
                        for w in words
                        if w not in CONNECTORS and w not in k.generics and w not in k.products
                    ]
                for w in dict.fromkeys(words):
                    self.by_ending[w[-ENDING:]].append(len(self.words))
                    self._add(w, Key(gi_pos, pos, "coined", name.text))
                    if longer:
                        self.common_check.add(len(self.words) - 1)
                whole = compact(fold_latin(name.text))
                if len(words) > 1 and len(whole) >= MIN_WHOLE and whole.isalpha():
                    self._add(whole, Key(gi_pos, pos, "coined", name.text), whole=True)

    def _add(self, word: str, key: Key, *, whole: bool = False) -> None:
        (self.wholes if whole else self.words).append(word)
        (self.whole_keys if whole else self.keys).append(key)

    def near(self, word: str, *, span: bool = False) -> list[tuple[Key, str]]:
        """(key, how) of the names and words `word` is close to; a `span` of two label words is compared
        with the longer names written as one word."""
        names, keys = (self.wholes, self.whole_keys) if span else (self.words, self.keys)
        out: dict[int, str] = {}
        found = process.extract(word, names, scorer=JaroWinkler.similarity, score_cutoff=CLOSE, limit=None)
        # only the names it is closest to (Montravello: Montravel, not Montecarlo, Montefalco, Montello)
        best = max((sim for _, sim, _ in found), default=1.0)
        for _, sim, i in found:
            name = names[i]
            if sim < best - TIE:
                continue
            if name[:SAME_START] == word[:SAME_START] and abs(len(name) - len(word)) <= MAX_LENGTH_GAP:
                out[i] = f"spells nearly as '{name}' (similarity {sim:.2f})"
        ending = word[-ENDING:]
        sharing = [] if span else self.by_ending.get(ending, [])
        if not ending.endswith(WORD_ENDINGS) and len({keys[i].gi for i in sharing}) <= 2:
            for i in sharing:
                name = names[i]
                if len(name) > ENDING and abs(len(name) - len(word)) <= 2:
                    out.setdefault(i, f"shares the ending '{ending}' of '{name}'")
        return [
            (keys[i], how)
            for i, how in out.items()
            if names[i] != word
            and not (not span and i in self.common_check and is_common_word(names[i], self.directory))
        ]


# endings of words of the languages: sharing one shares nothing distinctive
WORD_ENDINGS = (
    "ance", "ence", "ense", "ancia", "encia", "enza", "anza", "tion", "sion", "cion", "zione", "sione",
    "ment", "mente", "ique", "ette", "itat", "heit", "keit", "ung", "ness", "ship", "able", "ible",
    "ical", "ntal", "tage", "ally", "ings", "ing", "ism", "ist", "ity", "ive", "ella", "ello", "etto",
    "etta", "ino", "ina", "ese", "ano", "ana", "ais", "aise", "ois", "oise", "ien", "ienne",
)  # fmt: skip


def coined_evocations(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    known: set[int],
    skip: Callable[[int], bool],
    wording: tuple[tuple[str, str], str],
) -> list[Candidate]:
    """The coined words of this module: close to a name on like goods (not where the label names a GI
    outright: Jumilla Monastrell is a grape beside a name, not Montravel), and fragments of a reputed
    name on any goods. `wording`: the severity cap of a guessed evocation and how a court weighs one."""
    cap, weighed = wording
    found = [] if known else near_names(ix, a, like, skip, cap, weighed)
    taken = {c.gi for c in found}
    return found + reputed_fragments(ix, a, lambda gi: skip(gi) or gi in known or gi in taken, cap)


def near_names(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    skip: Callable[[int], bool],
    cap: tuple[str, str],
    weighed: str,
) -> list[Candidate]:
    """Evocations by a coined word close to a name on like goods (`like`); GIs `skip` accepts already
    have a closer hit. `cap`: the severity cap of a guessed evocation; `weighed`: how a court weighs one."""
    out: dict[int, Candidate] = {}
    words = a.own_words
    own = [w for w in words if len(w) >= MIN_LETTERS and w.isalpha() and _maybe_coined(ix, w)]
    # two words of which one is coined, against a longer name (Saint Emilliard: Saint-Émilion)
    pairs = [
        words[i] + words[i + 1]
        for i in range(len(words) - 1)
        if (words[i] in own or words[i + 1] in own) and len(words[i] + words[i + 1]) >= MIN_WHOLE
    ]
    if not own:
        return []
    targets = ix.coined_targets
    if not isinstance(targets, _Targets):
        targets = ix.coined_targets = _Targets(ix)
    for word, span in [(w, False) for w in own] + [(p, True) for p in pairs if p not in ix.latin]:
        near = targets.near(word, span=span)
        if near and not any(coined(ix.k, w) for w in ([word] if not span else [w for w in own if w in word])):
            continue  # a common word of the languages (Fontana), not a coined one
        for key, how in near:
            if key.gi in out or skip(key.gi) or not like(key):
                continue
            out[key.gi] = Candidate(
                key.gi,
                "evocation",
                BASE_SCORE["evocation"] * 0.8,
                key.text,
                word,
                f"'{word}', a coined word, {how} of '{key.text}', on like goods; {weighed}",
                "medium",
                max_severity=cap,
            )
    return list(out.values())


FRAGMENT_HEAD = 5  # letters of a reputed name's beginning a coined word may take (Champrice, Cognapea)


def reputed_names(ix: NameIndex) -> list[tuple[str, Key]]:
    """The one-word Latin names (and distinctive words of longer ones, six letters or more) of the GIs
    whose reputation a decision on record held to reach other goods, or that are well-known marks,
    in any jurisdiction (reputations.csv, well_known_marks.csv): Champagne, Cognac, Porto."""
    targets = ix.coined_targets if isinstance(ix.coined_targets, _Targets) else _Targets(ix)
    ix.coined_targets = targets
    if targets.reputed is None:
        ids = {gi_id for gi_id, _ in [*ix.k.reputations, *ix.k.well_known]}
        targets.reputed = [
            (w, key)
            for w, key in zip(targets.words, targets.keys, strict=True)
            if ix.gis[key.gi].id in ids and (len(w) >= 6 or key.text.isalpha())
        ]
    return targets.reputed


def reputed_fragments(
    ix: NameIndex, a: LabelAnalysis, skip: Callable[[int], bool], cap: tuple[str, str]
) -> list[Candidate]:
    """A coined word that takes the beginning (five letters) or the ending (four letters of a name of
    up to seven, five of a longer one) of a reputed name, on any goods: Champrice for restaurants
    (CIVC v Champrice, EUIPO opposition B 3 207 890), Cognapea and Ti'gnac for spirits (INPI). The
    reputation of such a name reaches other goods (CJEU C-783/19 Champanillo); a guess all the same,
    medium at most, and where no decision is on record for the jurisdiction the severity says so."""
    out: dict[int, Candidate] = {}
    words = [w for w in a.own_words if len(w) >= 6 and w.isalpha() and _maybe_coined(ix, w)]
    if not words or not (ix.k.reputations or ix.k.well_known):
        return []
    for word in words:
        for name, key in reputed_names(ix):
            if key.gi in out or skip(key.gi) or word == name or len(name) < FRAGMENT_HEAD + 1:
                continue
            tail = name[-(4 if len(name) <= 7 else 5) :]
            shared = (
                name[:FRAGMENT_HEAD]
                if word.startswith(name[:FRAGMENT_HEAD])
                else tail
                if word.endswith(tail)
                else ""
            )
            if not shared or not coined(ix.k, word):
                continue
            out[key.gi] = Candidate(
                key.gi,
                "evocation",
                BASE_SCORE["evocation"] * 0.8,
                key.text,
                word,
                f"'{word}', a coined word, takes '{shared}' of '{key.text}', a name whose reputation was "
                "held to reach other goods (CJEU C-783/19 Champanillo: evocation reaches other goods and "
                "services)",
                "medium",
                max_severity=cap,
            )
    return list(out.values())
