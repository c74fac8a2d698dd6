"""Thai romanisation skeletons (pure): one key for the many ways a Thai name is spelled in Latin letters.

The Royal Thai General System (RTGS) is the official romanisation, but labels, export listings and even
registrations spell the same Thai words in other ways: "Sangyod" / "Sang Yod" / "Sangyot" / "Sang Yhod",
"Hom Mali" / "Hommali", "Muang" / "Mueang" / "Muong", "Phatthalung" / "Pattalung", "Chaang" / "Chang",
"Thapthim" / "Tubtim", "Sung Yod".
The variation is regular: RTGS marks aspiration with h (ph, th, kh, ch) where other spellings drop it;
final stops are written -d/-t/-b/-p as heard or as the Thai letter is written; the vowel เือ is ue(a),
u(a) or uo and the short a (–ั) is often u; long vowels and consonants are doubled; English-style
spellings add an h or a silent e to show a long vowel ("Yhode", "Doh"). thai_skeleton() removes exactly
those differences; two spellings of one Thai name share a skeleton. It is lossy on purpose and is
compared only with the Latin keys of Thai names (compare.index), never with other names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from names.normalise import fold_latin

# A silent e after a consonant closing a long vowel ("Yhode", "Phrae" keeps its e: a vowel precedes it).
_SILENT_E = re.compile(r"(?<=[aeiou][bcdfgjklmnpqrstvwxz])e$")
# Vowel and consonant spellings that differ between RTGS and common variants, replaced in this order.
_SPELLINGS = (
    ("sri", "si"),  # ศรี: Si (RTGS) / Sri
    ("uea", "ua"),  # เือ: Mueang (RTGS) / Muang / Muong
    ("uo", "ua"),
    ("ue", "u"),  # ือ: Nue / Nu
    ("aw", "ao"),  # าว: Khao (RTGS) / Khaw
    ("orn", "on"),  # อน: Yasothon (RTGS) / Yasothorn
    ("j", "c"),  # จ: Ch (RTGS) / J
    ("d", "t"),  # final ด/ต/ท are all t in RTGS, d in many spellings
    ("b", "p"),  # final บ/ป/พ are all p in RTGS, b in many spellings (Tubtim)
)
# The short vowel –ั is a in RTGS and often u in English-style spellings: Thapthim / Tubtim, Sang / Sung.
_SHORT_A = re.compile(r"(?<=[^aeiou])u(?=[^aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
MIN_SKELETON = 6  # shorter skeletons meet too many unrelated words


def thai_skeleton(words: Iterable[str] | str) -> str:
    """The skeleton of a Thai name or label span in Latin letters: folded, silent e dropped, the
    spellings above unified, every h dropped (aspiration ph/th/kh/ch, and the lengthening h of
    "Yhod", "Doh"), u between consonants read as a, doubled letters single.
    'Sang Yhode' -> 'sangyot'; 'Mueang' -> 'muang'."""
    if isinstance(words, str):
        words = fold_latin(words).split()
    s = "".join(_SILENT_E.sub("", w) if len(w) > 3 else w for w in words)
    for old, new in _SPELLINGS:
        s = s.replace(old, new)
    return _DOUBLE.sub(r"\1", _SHORT_A.sub("a", s.replace("h", "")))
