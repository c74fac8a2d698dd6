"""Coined words that are the beginning of a longer protected name (pure): 'SAINTEM' is the first seven
of the twelve letters of Saint-Émilion (INPI annulled the mark SAINTEM for wines). On like goods such a
shortened name is a possible evocation, weighed by a court as a whole: medium at most, only in a label
of one or two words (a coined mark, not a phrase of the language: 'Prose and Poetry'), only for a
beginning of six letters or more that covers more than half of the name (five-letter beginnings are
words of the languages: Santé, Prior, Vento, Primo), and only where it is the beginning of one GI's
names on those goods that it covers that much of (or of a family that all begin with the shortest:
Saint-Émilion, Saint-Émilion Grand Cru; 'saintem' is too little of Sainte-Marie-la-Blanche).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from compare.index import NameIndex
from compare.latin_names import foreign_latin_names
from compare.rules import CONNECTORS, NO_PART, Candidate, Key, LabelAnalysis, evocation_guess
from names.normalise import compact, fold_latin

MIN_LETTERS = 6  # a shorter beginning is a word of the languages too often
SHARE = 0.55  # of the name's letters the word must cover
MAX_WORDS = 2  # a coined mark (SAINTEM, Champ Champ), not a phrase with one word that begins a name


def sorted_names(ix: NameIndex) -> list[tuple[str, Key]]:
    """The Latin names of GIs from outside China and Thailand, compacted and sorted (a name's
    beginnings are then one bisect away). Built once per process, in a few milliseconds."""
    if ix.name_beginnings is None:
        found = [
            (compact(fold_latin(name.text)), Key(gi_pos, pos, "beginning", name.text))
            for gi_pos, pos, _gi, name in foreign_latin_names(ix, ("original", "transcription"))
        ]
        ix.name_beginnings = sorted(found, key=lambda pair: pair[0])
    return ix.name_beginnings


def _beginning_of(ix: NameIndex, word: str) -> list[tuple[str, Key]]:
    names = sorted_names(ix)
    out = []
    for whole, key in names[bisect_left(names, word, key=lambda pair: pair[0]) :]:
        if not whole.startswith(word):
            break
        if whole != word:
            out.append((whole, key))
    return out


def _one_family(found: list[tuple[str, Key]]) -> list[tuple[str, Key]]:
    """The names of one GI; or, where the beginning is shared by a family of names that all begin with
    the shortest (Saint-Émilion, Saint-Émilion Grand Cru), that shortest name's; else none."""
    if len({key.gi for _, key in found}) <= 1:
        return found
    shortest = min((whole for whole, _ in found), key=len)
    if all(whole.startswith(shortest) for whole, _ in found):
        return [(whole, key) for whole, key in found if whole == shortest]
    return []


def shortened_names(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    coined: Callable[[str], bool],
    wording: tuple[tuple[str, str], str],
) -> list[Candidate]:
    """Evocations by a coined word that is the beginning of one GI's name, on like goods. `wording`: the
    severity cap of a guessed evocation and the words on how a court weighs one."""
    cap, weighed = wording
    out: dict[int, Candidate] = {}
    if len(a.own_words) > MAX_WORDS:
        return []
    for word in a.own_words:
        if len(word) < MIN_LETTERS or word in CONNECTORS or word in NO_PART:
            continue  # a landform, a saint's title or a colour begins names of no place in particular
        # of the names on the label's goods the word covers more than half of (SAINTEM: Saint-Émilion,
        # not Sainte-Marie-la-Blanche)
        on_goods = [
            (w, key) for w, key in _beginning_of(ix, word) if len(word) >= SHARE * len(w) and like(key)
        ]
        if not on_goods or not coined(word):
            continue
        for _, key in _one_family(on_goods):
            if key.gi in out:
                continue
            out[key.gi] = evocation_guess(
                key.gi,
                key.text,
                word,
                f"'{word}' is the beginning of '{key.text}' on like goods, a shortened name; {weighed}",
                0.85,
                cap,
            )
    return list(out.values())
