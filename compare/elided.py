"""Pieces of a name cut off by an apostrophe (pure): a label word cut by an apostrophe whose piece begins or
ends a GI's name marks the piece as a short form ('TI'GNAC': 'gnac', a familiar short form of Cognac, INPI
opposition OP24-1986; 'Cham'allal': Champagne, Cour d'appel de Paris, 3 Nov 2010). Not an elided word of
the languages (Sant'Antimo, grand'mère), nor an English possessive or contraction (Bret's, don't).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from compare.coined import NOT_COMMON, maybe_coined, name_targets, reputed_names
from compare.index import NameIndex
from compare.rules import Candidate, Key, LabelAnalysis, evocation_guess
from names.common_words import is_common_word
from names.normalise import compact, fold_latin

# words the languages shorten with an apostrophe before a vowel (Sant'Antimo, quell'anno, grand'mère,
# jusqu'ici): the part beside them is a word, not a name's piece
ELISIONS = frozenset({
    "d", "l", "dell", "dall", "nell", "sull", "all", "coll", "tutt", "quell", "bell", "sant", "un",
    "c", "j", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "entr", "grand",
    "aujourd", "o",
})  # fmt: skip
# what follows the apostrophe of an English possessive or contraction (Bret's crisps, don't, we're)
CONTRACTIONS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})
_ELIDED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")
ELIDED_PART = 4  # letters of a name's piece cut off by an apostrophe, at least
ELIDED_SHARE = 0.4  # of the name word's letters
ELIDED_MAX = 3  # GIs a piece may stand for on the label's goods (more: no one name's short form)


def elided_parts(
    ix: NameIndex,
    a: LabelAnalysis,
    like: Callable[[Key], bool],
    skip: Callable[[int], bool],
    cap: tuple[str, str],
) -> list[Candidate]:
    """A word cut by an apostrophe whose piece is the beginning or the ending of a name: the label
    itself marks the piece as a short form (TI'GNAC, 'gnac' a familiar short form of Cognac: INPI
    opposition decision, BNIC; Cham'allal, Champagne: Cour d'appel de Paris). On like goods a possible
    evocation (medium); on other goods only a reputed name's piece, at the severity the decisions on
    record give (compare.reputation). A piece that is a word of the languages, or that begins or ends
    the names of more than ELIDED_MAX GIs on the label's goods, stands for no one name."""
    out: dict[int, Candidate] = {}
    tokens = _ELIDED_WORD.findall(a.text)
    if not tokens:
        return []
    targets = name_targets(ix)
    reputed = {key.gi for _, key in reputed_names(ix)} if ix.k.reputations or ix.k.well_known else set()
    for token in tokens:
        pieces = [compact(fold_latin(p)) for p in re.split(r"['’]", token)]
        if any(p in ELISIONS for p in pieces[:-1]):
            continue  # Sant'Antimo, grand'mère: an elided word of the languages
        if pieces[-1] in CONTRACTIONS:
            continue  # Bret's, don't, we'll: an English possessive or contraction
        for i, piece in enumerate(pieces):
            if len(piece) < ELIDED_PART or not piece.isalpha() or not maybe_coined(ix, piece):
                continue
            if is_common_word(piece, ix.k.directory):
                continue
            head, tail = i < len(pieces) - 1, i > 0  # the apostrophe after it, before it
            names = [
                w
                for w in targets.words
                if w != piece
                and len(piece) >= ELIDED_SHARE * len(w)
                and ((head and w.startswith(piece)) or (tail and w.endswith(piece)))
            ]
            keys: dict[int, Key] = {}
            for w in names:
                for key in targets.by_word[w]:
                    if not skip(key.gi) and (like(key) or key.gi in reputed):
                        keys.setdefault(key.gi, key)
            if sum(like(k) for k in keys.values()) > ELIDED_MAX:
                continue
            for key in keys.values():
                if key.gi in out:
                    continue
                cand = evocation_guess(
                    key.gi,
                    key.text,
                    token,
                    f"'{token}' cuts off '{piece}', {NOT_COMMON}, with an apostrophe: a piece of "
                    f"'{key.text}' marked as a short form",
                    0.8,
                    cap,
                )
                if not like(key):
                    cand.reputed_part = "distinctive"
                out[key.gi] = cand
    return list(out.values())
