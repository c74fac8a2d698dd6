"""A name with an ending of the languages (pure): a diminutive or an adjective of origin made from a GI's
name is that name made smaller or made an adjective, not a new word ('Champanillo': the diminutive of
'champán', CJEU C-783/19 and Audiencia Provincial de Barcelona, 2022; 'Verlados' is the other route, a
shared ending). 'Fetaki', 'Ouzito', 'Prosecchino', 'Riojano' on like goods are possible evocations: a
guess at medium, which a court weighs as a whole. Not a word of the languages (coined words only), nor
an ending of two letters (Porter is no Porto),
nor, after a name of four letters, an ending that makes given names (Corina is no Cori).
"""

from __future__ import annotations

from collections.abc import Callable

from compare.coined import NOT_COMMON, coined, maybe_coined, name_targets
from compare.index import NameIndex
from compare.rules import Candidate, Key, LabelAnalysis, evocation_guess

# diminutives (es, it, fr, de, el) and adjectives of origin (es, it, fr), three letters or more
DIMINUTIVES = (
    "ito", "ita", "itos", "itas", "illo", "illa", "illos", "illas", "ino", "ina", "ini", "ello", "ella",
    "elli", "etto", "etta", "etti", "ette", "uccio", "uccia", "chen", "lein", "aki", "akia", "akis",
)  # fmt: skip
ORIGIN_ADJECTIVES = ("ano", "ana", "anos", "anas", "ani", "ese", "esi", "ais", "aise", "ois", "oise", "ienne")
ENDINGS = tuple(sorted(set(DIMINUTIVES + ORIGIN_ADJECTIVES), key=len, reverse=True))
# after a name of four letters these endings make given names and words more often than names made smaller
# (Corina, Kalina, Romina: not Cori, Kali, Roma)
NAME_LIKE = frozenset({"ina", "ino", "ini", "ana", "ano", "ani"})
VOWELS = "aeiou"


def _stems(word: str) -> list[tuple[str, str]]:
    """(name the word may be made from, the ending): the name whole before the ending (Ouzo-ito is no
    case, Tokaj-ino is), or with its last vowel dropped (Ouz-ito, Fet-aki), or Italian 'c'/'g' kept hard
    with an 'h' before 'e' and 'i' (Prosecch-ino: Prosecco)."""
    out: list[tuple[str, str]] = []
    for ending in ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        out.append((stem, ending))
        out += [(stem + v, ending) for v in VOWELS]
        if stem.endswith(("ch", "gh")) and ending[0] in "ei":
            out += [(stem[:-1] + v, ending) for v in VOWELS]
    return out


def derived_names(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    skip: Callable[[int], bool],
    cap: tuple[str, str],
) -> list[Candidate]:
    """A coined label word that is a GI's one-word name (or a longer name's distinctive word) with a
    diminutive or an adjective-of-origin ending, on like goods: a possible evocation (`cap`: medium)."""
    targets = name_targets(ix)
    out: dict[int, Candidate] = {}
    for word in a.own_words:
        if len(word) < 6 or not word.isalpha() or not maybe_coined(ix, word):
            continue
        for name, ending in _stems(word):
            if name == word:
                continue
            if name in targets.short:
                if ending in NAME_LIKE:
                    continue
                key = min(
                    (k for k in targets.short[name] if like(k)), key=lambda k: len(k.text), default=None
                )
            elif name in targets.by_word:
                key = targets.one_key(name, like)
            elif len(name) >= 5:  # a translation of a name made smaller (Konyak-ito: Cognac)
                keys = [k for k in ix.latin.get(name, ()) if k.via == "translated" and like(k)]
                key = min(keys, key=lambda k: len(k.text), default=None)
            else:
                continue
            if key is None or skip(key.gi) or key.gi in out or not coined(ix.k, word):
                continue
            shown = (
                f"'{name}' ('{key.text}' in another language)" if key.via == "translated" else f"'{key.text}'"
            )
            out[key.gi] = evocation_guess(
                key.gi,
                key.text,
                word,
                f"'{word}', {NOT_COMMON}, is {shown} with the ending '-{ending}' of a diminutive or an "
                "adjective of origin, on like goods",
                0.8,
                cap,
            )
    return list(out.values())
