"""How a word written in Cyrillic or Greek sounds, in the phoneme alphabet of names.latin_sounds (pure):
'Шабли' -> 'Sapli' (Chablis), 'Коньяк' -> 'konyak' (Cognac), 'Μπορντό' -> 'polto' (Bordeaux).

Both scripts are written much as they sound, so a letter (or a Greek digraph) gives one sound. A label
in these scripts is then compared by sound with the Latin names of foreign GIs (compare.guesses), the
way a Chinese rendering is. Adjectives made from a name (шампанское, шампанско, 'of Champagne') are
read without their adjective ending as well.
"""

from __future__ import annotations

import re
import unicodedata

# Russian, Ukrainian, Bulgarian, Serbian and Macedonian letters
_CYRILLIC = {
    "а": "a",
    "б": "p",
    "в": "v",
    "г": "k",
    "ґ": "k",
    "д": "t",
    "ђ": "c",
    "е": "e",
    "ё": "o",
    "є": "ye",
    "ж": "S",
    "з": "z",
    "ѕ": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "ј": "y",
    "к": "k",
    "л": "l",
    "љ": "ly",
    "м": "m",
    "н": "n",
    "њ": "ny",
    "о": "o",
    "п": "p",
    "р": "l",
    "с": "s",
    "т": "t",
    "ћ": "c",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "c",
    "џ": "c",
    "ш": "S",
    "щ": "S",
    "ъ": "a",  # a vowel in Bulgarian (Българско); the Russian hard sign is rare in names
    "ы": "i",
    "ь": "y",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
# Greek digraphs first, then letters (accents are dropped before reading)
_GREEK_PAIRS = {
    "ου": "u",
    "αι": "e",
    "ει": "i",
    "οι": "i",
    "υι": "i",
    "μπ": "p",
    "ντ": "t",
    "γκ": "k",
    "γγ": "nk",
    "τσ": "c",
    "τζ": "c",
    "αυ": "av",
    "ευ": "ev",
}
_GREEK = {
    "α": "a",
    "β": "v",
    "γ": "k",
    "δ": "t",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "t",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "ks",
    "ο": "o",
    "π": "p",
    "ρ": "l",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "i",
    "φ": "f",
    "χ": "h",
    "ψ": "ps",
    "ω": "o",
}
# adjective endings made from a name: Russian шампанское/ский/ская, Ukrainian шампанське/ський,
# Bulgarian шампанско/ски/ска
_ADJECTIVE_END = re.compile(r"(?:ськ|ск)(?:ое|ий|ая|ие|ого|ому|ом|ої|ий|е|ий|о|и|а|ый)$")
_WORD = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]+")


def has_cyrillic_or_greek(text: str) -> bool:
    return bool(_WORD.search(text))


def words_in(text: str) -> list[str]:
    """The Cyrillic and Greek words of a text, in order (lower case)."""
    return [w.lower() for w in _WORD.findall(text)]


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch in "\u0306\u0308")
    return unicodedata.normalize("NFC", kept)


def word_phonemes(word: str) -> str:
    """The sound of one Cyrillic or Greek word ('' for a word in neither script)."""
    w = _strip_accents(word.lower())
    out: list[str] = []
    i = 0
    while i < len(w):
        pair = w[i : i + 2]
        if pair in _GREEK_PAIRS:
            out.append(_GREEK_PAIRS[pair])
            i += 2
            continue
        ch = w[i]
        out.append(_CYRILLIC.get(ch) or _GREEK.get(ch) or "")
        i += 1
    sound = "".join(out)
    # a doubled sound is one sound (Грапа, Πρόσεκκο)
    return re.sub(r"(.)\1+", r"\1", sound)


def readings(word: str) -> list[str]:
    """The word's sound, and for an adjective made from a name the sound without its ending
    ('шампанское' -> 'Sampanskoe', 'Sampan')."""
    out = [word_phonemes(word)]
    stem = _ADJECTIVE_END.sub("", word.lower())
    if stem != word.lower() and len(stem) >= 4:
        out.append(word_phonemes(stem))
    return [r for r in dict.fromkeys(out) if r]
