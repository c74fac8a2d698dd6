"""Coined words that are the beginning of a longer protected name (pure): 'SAINTEM' is the first seven
of the twelve letters of Saint-Émilion (INPI annulled the mark SAINTEM for wines), 'Champ' the first
five of Champagne. On like goods such a shortened name is a possible evocation, weighed by a court
as a whole: medium at most, only in a label of one or two words (a coined mark, not a phrase of the
language: 'Prose and Poetry'), and only where the beginning is that of one GI's names and covers more
than half of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from compare.index import NameIndex
from compare.rules import BASE_SCORE, CONNECTORS, Candidate, Key, LabelAnalysis
from names.normalise import compact, fold_latin, script_of

MIN_LETTERS = 5  # a shorter beginning is that of too many words
SHARE = 0.55  # of the name's letters the word must cover
MAX_WORDS = 2  # a coined mark (PROSE', Champ Champ), not a phrase with one word that begins a name


def name_beginnings(ix: NameIndex) -> dict[str, list[Key]]:
    """Beginnings (5 letters or more, not the whole) of the Latin names of GIs from outside China and
    Thailand, compacted ('saintem' of Saint-Émilion). Built once."""
    if ix.name_beginnings is None:
        found: dict[str, list[Key]] = defaultdict(list)
        for gi_pos, gi in enumerate(ix.gis):
            if set(gi.origin_countries) & {"CN", "TH"}:
                continue
            for pos, name in enumerate(gi.names):
                if name.kind != "original" or script_of(name.text) != "Latn":
                    continue
                whole = compact(fold_latin(name.text))
                for n in range(MIN_LETTERS, len(whole)):
                    found[whole[:n]].append(Key(gi_pos, pos, "beginning", name.text))
        ix.name_beginnings = dict(found)
    return ix.name_beginnings


def _one_family(keys: list[Key]) -> list[Key]:
    """The keys of one GI; or, where the beginning is shared by a family of names that all begin with the
    shortest (Saint-Émilion, Saint-Émilion Grand Cru), that shortest name's; else none."""
    if len({k.gi for k in keys}) <= 1:
        return keys
    shortest = min((compact(fold_latin(k.text)) for k in keys), key=len)
    if all(compact(fold_latin(k.text)).startswith(shortest) for k in keys):
        return [k for k in keys if compact(fold_latin(k.text)) == shortest]
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
        return []  # a phrase of the language ('Prose and Poetry'), not a coined mark
    beginnings = name_beginnings(ix)
    for word in a.own_words:
        if len(word) < MIN_LETTERS or word in CONNECTORS or not coined(word):
            continue
        # the beginning of one GI's names on the label's goods (of Saint-Émilion and its family on wine;
        # Sainte-Maure de Touraine is a cheese)
        for key in _one_family([k for k in beginnings.get(word, ()) if like(k)]):
            name = compact(fold_latin(key.text))
            if key.gi in out or len(word) < SHARE * len(name):
                continue
            out[key.gi] = Candidate(
                key.gi,
                "evocation",
                BASE_SCORE["evocation"] * 0.85,
                key.text,
                word,
                f"'{word}' is the beginning of '{key.text}' on like goods, a shortened name; {weighed}",
                "medium",
                max_severity=cap,
            )
    return list(out.values())
