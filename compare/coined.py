"""Coined words close to a GI's name (pure): 'Bolgaré' on a wine (Bolgheri: EUIPO BoA, General Court order
T-300/22), 'Toscoro' on an olive oil (Toscano: General Court T-510/15), 'Sumarone' on a wine (Amarone della
Valpolicella: EUIPO BoA R 1390/2024-2), 'Nosecco' on a sparkling wine (Prosecco); and words that take a
part of a reputed name ('Cognapea', INPI; 'Champrice' for restaurants, EUIPO opposition B 3 207 890).

A word counts only where it is no word of the vocabularies and no common word of seven European languages
(names.common_words): 'Fontana' on a wine is an Italian word, not a misspelt Fontina. It is close to a name
where it spells nearly the same (Jaro-Winkler similarity >= CLOSE, the same first three letters, at most
three edits; of several names, the closest) or shares most of the name's ending (four fifths of it, five
letters or more: Sumarone, not Rivarone for Amarone), an ending no more than two GIs' names have and no
ending of the languages (-zione, -ance). After a word a longer name begins with, the rest of the name is
compared (Saint Emilliard: Saint-Émilion). The names compared: one-word names, and the words of longer
names that are neither common words, connectors, generic terms nor product words (Amarone, not della);
of the GIs a name word stands for, the one named by it alone, else the shortest name (Bolgheri, not
Bolgheri Sassicaia). Only on like goods, and not where the label names a GI outright; a guess: medium at
most, which a court weighs as a whole.

A reputed name's part is its first five letters or its ending; where more than DISTINCTIVE common words
share that part it is a piece of the languages: a beginning ('champ') then counts only on goods a decision
on record held the name's reputation to reach (compare.severity decides with the jurisdiction's decisions;
elsewhere the hit is dropped, not shown at low), an ending ('eling', 'gnac') not at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from compare.index import NameIndex
from compare.latin_names import common_suffix, foreign_latin_names
from compare.rules import CONNECTORS, Candidate, Key, LabelAnalysis, evocation_guess, same_class
from names.common_words import is_common_word, load_common_words
from names.knowledge import Knowledge
from names.normalise import compact, fold_latin

MIN_LETTERS = 6  # of a coined label word (shorter ones are too often a word of some language)
MIN_NAME = 5  # of a name or a name's word
CLOSE = 0.88  # Jaro-Winkler similarity of a near spelling
TIE = 0.01  # of the best similarity: the names a word is closest to
SAME_START = 3  # letters a near spelling begins with as the name does
MAX_EDITS = 3  # of a near spelling (Bolgaré, Bolgheri: 3; Marsignac, Martina: 5)
MAX_LENGTH_GAP = 3
PLACE_EDITS = 2  # of a near spelling of a place word of a longer name that is a frequent word (Roussilon)
ENDING = 5  # letters of a shared ending, at least
ENDING_SHARE = 0.8  # of the name's letters a shared ending covers
FRAGMENT_HEAD = 5  # letters of a reputed name's beginning a coined word may take (Cognapea)
DISTINCTIVE = 5  # common words sharing a reputed name's part, at most, for it to be distinctive

# derivational endings of English, French, Italian, Spanish, Portuguese and German words: sharing one
# with a name shares nothing distinctive (acceptance/Abondance, advantage/Hermitage, license/Duriense),
WORD_ENDINGS = (
    "ance", "ence", "ense", "ancia", "encia", "enza", "anza",
    "tion", "sion", "cion", "zione", "sione", "cao",
    "ment", "mente", "ique", "ette", "itat", "heit", "keit", "ung",
    "ness", "ship", "able", "ible", "ical", "ntal", "tage", "nges",
    "ally", "ings", "ing", "ism", "ist", "ity", "ive",
    # and the endings of place names (Nederburg is no evoked Salzburg, Wolfsberg no Heiligenberg)
    "burg", "bourg", "berg", "heim", "dorf", "ville", "stadt",
)  # fmt: skip
# and the diminutive and adjectival endings a coined word's last five letters would share by chance
ENDINGS = WORD_ENDINGS + (
    "ella", "ello", "etto", "etta", "ino", "ina", "ese", "ano", "ana", "ais", "aise", "ois", "oise", "ien",
)  # fmt: skip


def label_classes(a: LabelAnalysis) -> list[str]:
    """The product classes the label names and the user stated."""
    stated = [a.stated_class, *a.stated_also] if a.stated_class else []
    return [cls for _, cls in a.product_concepts if cls] + stated


def like_goods(a: LabelAnalysis, classes: list[str], gi_class: str | None) -> bool:
    """Goods of the GI's class: named by the label, stated by the user, or in a trademark's Nice classes."""
    named = any(same_class(cls, gi_class) for cls in classes)
    return named or bool(a.stated_like and a.stated_like(gi_class))


def held_similar(a: LabelAnalysis, gi_class: str | None) -> bool:
    """Goods a decision held similar to the GI's (related_goods.csv: vinegar and wine)."""
    return any(same_class(cls, gi_class) for cls in a.related_classes)


def known_word(k: Knowledge, word: str) -> bool:
    """A word of the vocabularies (products, generic terms, places, modifiers, goods and services):
    a word of a language, not a coined one."""
    known = word in k.products or word in k.generics or word in k.places or word in k.modifiers
    return known or word in k.goods_terms()


def coined(k: Knowledge, word: str) -> bool:
    """A coined word: neither a word of the vocabularies nor a common word of the languages."""
    return not known_word(k, word) and not (len(word) >= 5 and is_common_word(word, k.directory))


def maybe_coined(ix: NameIndex, word: str) -> bool:
    """No name, connector or word of the vocabularies (whether it is a common word is asked only of a
    word close to a name)."""
    return word not in ix.latin and word not in CONNECTORS and not known_word(ix.k, word)


def _split(text: str) -> list[str]:
    return [compact(w) for w in re.split(r"[\s\-'’./]+", fold_latin(text)) if w]


class _Targets:
    """The names and name words compared, with the GI keys they stand for; built once per index."""

    def __init__(self, ix: NameIndex) -> None:
        self.by_word: dict[str, list[Key]] = defaultdict(list)  # a name or a name's distinctive word
        self.longer: set[str] = set()  # words of longer names: asked whether common words when met
        # a longer name's first word -> (the rest of the name as one word, key): Saint -> emilion
        self.after_first: dict[str, list[tuple[str, Key]]] = defaultdict(list)
        self.directory = ix.k.directory
        self.places = set(ix.k.places)  # a place word of a longer name is its distinctive part (Roussillon)
        self.reputed: list[tuple[str, Key]] | None = None  # reputed_names
        self.sharing: dict[tuple[str, bool], int] = {}  # a part -> the common words that share it
        self.short: dict[str, list[Key]] = defaultdict(list)  # one-word names of four letters (Feta, Ouzo)
        k = ix.k
        single: set[str] = set()
        for gi_pos, pos, _gi, name in foreign_latin_names(ix, ("original", "transcription")):
            key = Key(gi_pos, pos, "coined", name.text)
            words = _split(name.text)
            if len(words) > 1 and len(words[0]) >= 3 and "".join(words[1:]).isalpha():
                self.after_first[words[0]].append(("".join(words[1:]), key))
            if len(words) == 1 and len(words[0]) == MIN_NAME - 1 and words[0].isalpha():
                self.short[words[0]].append(key)
            for w in dict.fromkeys(words):
                if len(w) < MIN_NAME or not w.isalpha():
                    continue
                if len(words) > 1:
                    if w in CONNECTORS or w in k.generics or w in k.products:
                        continue
                    self.longer.add(w)
                else:
                    single.add(w)
                self.by_word[w].append(key)
        self.longer -= single  # a one-word name is a name, common word or not (Toscano)
        self.words = list(self.by_word)
        self.by_ending: dict[str, list[str]] = defaultdict(list)
        for w in self.words:
            self.by_ending[w[-ENDING:]].append(w)

    def one_key(self, word: str, like: Callable[[Key], bool]) -> Key | None:
        """Of the GIs a name word stands for on the label's goods (`like`), the one named by it alone, else
        the one with the shortest name (Bolgheri, not Bolgheri Sassicaia; Chianti, not Chianti Classico)."""
        keys = [k for k in self.by_word[word] if like(k)]
        return min(keys, key=lambda k: (compact(fold_latin(k.text)) != word, len(k.text))) if keys else None

    def near(self, word: str) -> list[tuple[str, str]]:
        """(name word, how) of the names and name words `word` is close to."""
        out = {name: how for name, how in _close(word, self.words)}
        ending = word[-ENDING:]
        sharing = self.by_ending.get(ending, [])
        if not ending.endswith(ENDINGS) and len({k.gi for n in sharing for k in self.by_word[n]}) <= 2:
            for name in sharing:
                suffix = common_suffix(word, name)
                if suffix >= ENDING_SHARE * len(name) and abs(len(name) - len(word)) <= 2:
                    out.setdefault(name, f"shares the ending '{name[-suffix:]}' of")
        out = {
            name: how
            for name, how in out.items()
            if name != word
            and (
                not (name in self.longer and is_common_word(name, self.directory))
                or (name in self.places and Levenshtein.distance(word, name) <= PLACE_EDITS)
            )
        }
        return list(out.items())

    def shared_by(self, part: str, head: bool) -> int:
        """How many common words begin (`head`) or end with `part`, counted once per process."""
        if (part, head) not in self.sharing:
            words = load_common_words(self.directory)
            test = str.startswith if head else str.endswith
            self.sharing[(part, head)] = sum(1 for w in words if test(w, part))
        return self.sharing[(part, head)]


def _close(word: str, names: list[str], edits: int = MAX_EDITS) -> list[tuple[str, str]]:
    """The names `word` spells nearly as: the closest by Jaro-Winkler similarity, beginning alike, a few
    edits away (Montravello: Montravel, not Montecarlo, Montefalco, Montello)."""
    found = process.extract(word, names, scorer=JaroWinkler.similarity, score_cutoff=CLOSE, limit=None)
    best = max((sim for _, sim, _ in found), default=1.0)
    return [
        (name, f"spells nearly as (similarity {sim:.2f})")
        for name, sim, _ in found
        if sim >= best - TIE
        and name[:SAME_START] == word[:SAME_START]
        and abs(len(name) - len(word)) <= MAX_LENGTH_GAP
        and Levenshtein.distance(word, name) <= edits
    ]


def name_targets(ix: NameIndex) -> _Targets:
    if not isinstance(ix.coined_targets, _Targets):
        ix.coined_targets = _Targets(ix)
    return ix.coined_targets


def coined_evocations(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    known: set[int],
    skip: Callable[[int], bool],
    wording: tuple[tuple[str, str], str],
) -> list[Candidate]:
    """The coined words of this module: close to a name on like goods (not where the label names a GI
    outright: Jumilla Monastrell is a grape beside a name, not Montravel), and parts of a reputed name.
    `wording`: the severity cap of a guessed evocation and how a court weighs one."""
    cap, weighed = wording
    found = [] if known else near_names(ix, a, like, skip, cap, weighed)
    taken = {c.gi for c in found}
    return found + reputed_fragments(ix, a, like, lambda gi: skip(gi) or gi in known or gi in taken, cap)


NOT_COMMON = "not a common word of seven languages (a coined word?)"


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
    words = a.own_words
    own = [w for w in words if len(w) >= MIN_LETTERS and w.isalpha() and maybe_coined(ix, w)]
    if not own:
        return []
    targets = name_targets(ix)
    found: list[tuple[str, Key, str]] = []  # (the label's words, key, how)

    def keep(key: Key) -> bool:
        return not skip(key.gi) and like(key)

    for word in own:
        near = targets.near(word)
        if near and coined(ix.k, word):
            chosen = [(targets.one_key(name, like), name, how) for name, how in near]
            found += [(word, key, f"{how} '{name}'") for key, name, how in chosen if key and keep(key)]
    # a coined word after a word a longer name begins with: the rest of the name (Saint Emilliard)
    for first, word in zip(words, words[1:], strict=False):
        rests = targets.after_first.get(first, [])
        if word in own and rests:
            # compared whole, the first word agreeing; one edit more than for a word alone
            close = dict(_close(first + word, [first + rest for rest, _ in rests], edits=MAX_EDITS + 1))
            if close and coined(ix.k, word):
                found += [
                    (f"{first} {word}", key, f"{close[first + rest]} '{first + rest}'")
                    for rest, key in rests
                    if first + rest in close
                ]
    out: dict[int, Candidate] = {}
    for label_words, key, how in found:
        if key.gi in out or skip(key.gi) or not like(key):
            continue
        out[key.gi] = evocation_guess(
            key.gi,
            key.text,
            label_words,
            f"'{label_words}', {NOT_COMMON}, {how} of '{key.text}', on like goods; {weighed}",
            0.8,
            cap,
        )
    return list(out.values())


def reputed_names(ix: NameIndex) -> list[tuple[str, Key]]:
    """The one-word Latin names (and distinctive words of longer ones, six letters or more) of the GIs with
    a decision on record holding their reputation reaches other goods, or that are well-known marks, in
    some jurisdiction (reputations.csv, well_known_marks.csv): Champagne, Cognac, Porto."""
    targets = name_targets(ix)
    if targets.reputed is None:
        ids = {gi_id for gi_id, _ in [*ix.k.reputations, *ix.k.well_known]}
        targets.reputed = [
            (w, key)
            for w, keys in targets.by_word.items()
            for key in keys
            if ix.gis[key.gi].id in ids and (len(w) >= 6 or key.text.isalpha())
        ]
    return targets.reputed


def reputed_fragments(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    skip: Callable[[int], bool],
    cap: tuple[str, str],
) -> list[Candidate]:
    """A coined word that takes the beginning (five letters) or the ending (four letters of a name of up
    to seven, five of a longer one) of a reputed name: a possible evocation (its reputation may reach
    other goods: CJEU C-783/19 Champanillo in the EU). The severity follows the decisions on record where
    the check asks (compare.severity); a part common words share counts only on goods such a decision was
    held for (Candidate.reputed_part 'common')."""
    out: dict[int, Candidate] = {}
    words = [w for w in a.own_words if len(w) >= 6 and w.isalpha() and maybe_coined(ix, w)]
    if not words or not (ix.k.reputations or ix.k.well_known):
        return []
    targets = name_targets(ix)
    for word in words:
        for name, key in reputed_names(ix):
            if key.gi in out or skip(key.gi) or word == name or len(name) < FRAGMENT_HEAD + 1:
                continue
            head, tail = name[:FRAGMENT_HEAD], name[-(4 if len(name) <= 7 else 5) :]
            shared = head if word.startswith(head) else tail if word.endswith(tail) else ""
            if not shared or not coined(ix.k, word):
                continue
            common = targets.shared_by(shared, shared == head) > DISTINCTIVE
            if common and shared != head:
                continue  # an ending many words have ('eling', 'gnac'): the eye reads a word's beginning
            cand = evocation_guess(
                key.gi,
                key.text,
                word,
                f"'{word}', {NOT_COMMON}, takes '{shared}' of '{key.text}', a name with decisions on record "
                "on its reputation beyond its own goods"
                + (f" ('{shared}' begins or ends many words of the languages)" if common else ""),
                0.8,
                cap,
            )
            cand.reputed_part = "common" if common else "distinctive"
            out[key.gi] = cand
    return list(out.values())
