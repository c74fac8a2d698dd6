"""How a European name sounds, read by the rules of its language (pure): the Latin side of
names.phonetic. 'Chablis' (fr) -> 'Sapli', 'Chianti' (it) -> 'kianti', 'Jerez' (es) -> 'heles'.

The phoneme alphabet: vowels a e i o u; p t k (voicing dropped, as Chinese renders it), f v, s, S (sh),
c (ch, the affricates), z, m n, l (r is l), h, y.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

VOWELS = frozenset("aeiou")

_LANG_OF_COUNTRY = {
    "FR": "fr",
    "BE": "fr",
    "LU": "fr",
    "IT": "it",
    "ES": "es",
    "PT": "pt",
    "DE": "de",
    "AT": "de",
    "NL": "de",
    "GB": "en",
    "IE": "en",
}


def language_of(lang: str | None, countries: Iterable[str]) -> str:
    """The reading rules for a name: its language, else its country's main language, else generic."""
    if lang:
        base = lang.split("-")[0]
        if base in ("fr", "it", "es", "pt", "de", "en", "gl", "ca"):
            return {"gl": "pt", "ca": "es"}.get(base, base)
        return "xx"
    for c in countries:
        if c in _LANG_OF_COUNTRY:
            return _LANG_OF_COUNTRY[c]
    return "xx"


def _fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
    text = text.replace("ñ", "ny").replace("ç", "s")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_RULES: dict[str, list[tuple[str, str]]] = {
    # order matters: longer spellings first; the right side is in the phoneme alphabet
    "fr": [
        (r"(?<=[aeiou])ill", "y"),
        (r"eaux?$", "o"),
        (r"eau", "o"),
        (r"aux?$", "o"),
        (r"au", "o"),
        (r"ou", "u"),
        (r"oi", "ua"),
        (r"ai|ei", "e"),
        (r"ch", "S"),
        (r"gn", "ny"),
        (r"qu", "k"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"g(?=[eiy])", "S"),
        (r"j", "S"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"x$", ""),
        (r"x", "ks"),
        (r"(?<=[aeiou])s(?=[aeiou])", "z"),
        (r"(?<=.)(?:es|e|s|t|ts|d|ds|z|p|x)$", ""),
        (r"(?<=.)(?:er|ez|et)$", "e"),
        (r"h", ""),
        (r"y", "i"),
        (r"w", "v"),
    ],
    "it": [
        (r"sc(?=[ei])", "S"),
        (r"ch", "k"),
        (r"gh", "g"),
        (r"gli", "li"),
        (r"gn", "ny"),
        (r"ci(?=[aou])", "C"),
        (r"c(?=[ei])", "C"),
        (r"gi(?=[aou])", "C"),
        (r"g(?=[ei])", "C"),
        (r"qu", "kv"),
        (r"c", "k"),
        (r"h", ""),
        (r"j", "y"),
    ],
    "es": [
        (r"ll", "y"),
        (r"ch", "C"),
        (r"qu", "k"),
        (r"gu(?=[ei])", "g"),
        (r"g(?=[ei])", "H"),
        (r"j", "H"),
        (r"c(?=[ei])", "s"),
        (r"c", "k"),
        (r"x", "S"),
        (r"h", ""),
        (r"y$", "i"),
    ],
    "pt": [
        (r"nh", "ny"),
        (r"lh", "ly"),
        (r"ch", "S"),
        (r"x", "S"),
        (r"qu", "k"),
        (r"gu(?=[ei])", "g"),
        (r"g(?=[ei])", "S"),
        (r"j", "S"),
        (r"c(?=[ei])", "s"),
        (r"c", "k"),
        (r"h", ""),
        (r"ao$", "aon"),
    ],
    "de": [
        (r"tsch", "C"),
        (r"sch", "S"),
        (r"^st", "St"),
        (r"^sp", "Sp"),
        (r"ch", "H"),
        (r"ck", "k"),
        (r"tz|z", "z"),
        (r"ei|ai", "ai"),
        (r"ie", "i"),
        (r"eu|au", "oi"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"qu", "kv"),
        (r"v", "f"),
        (r"w", "v"),
        (r"j", "y"),
        (r"c", "k"),
        (r"(?<=[aeiou])h", ""),
    ],
    "en": [
        (r"sh", "S"),
        (r"tch", "C"),
        (r"ch", "C"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"qu", "kv"),
        (r"j", "C"),
        (r"w", "v"),
        (r"y$", "i"),
        (r"e$", ""),
    ],
    "xx": [
        (r"sch|sz|sh|š|ş|ș", "S"),
        (r"cz|ch|č|tsch", "C"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck", "k"),
        (r"qu", "kv"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"w", "v"),
        (r"j", "y"),
    ],
}
_COMPILED = {lang: [(re.compile(p), r) for p, r in rules] for lang, rules in _RULES.items()}
_LATIN_CONSONANTS = {
    "b": "p",
    "p": "p",
    "d": "t",
    "t": "t",
    "g": "k",
    "k": "k",
    "q": "k",
    "f": "f",
    "v": "f",
    "w": "v",
    "s": "s",
    "S": "S",
    "C": "c",
    "c": "k",
    "z": "z",
    "x": "ks",
    "m": "m",
    "n": "n",
    "l": "l",
    "r": "l",
    "h": "h",
    "H": "h",  # a sounded h (Spanish j, German ch) that the rules for silent h leave alone
    "y": "y",
    "j": "y",
}


_MARKED = str.maketrans({"š": "S", "ş": "S", "ș": "S", "ž": "S", "č": "C", "ć": "C", "ł": "l"})


@lru_cache(maxsize=65536)
def latin_phonemes(word: str, lang: str = "xx") -> str:
    """A rough phoneme string of one Latin word read by the rules of `lang` (fr, it, es, pt, de, en;
    other languages by generic rules): 'chablis' (fr) -> 'Sapli'."""
    w = _fold(word.lower().translate(_MARKED))
    for pattern, repl in _COMPILED.get(lang, _COMPILED["xx"]):
        w = pattern.sub(repl, w)
    out: list[str] = []
    for ch in w:
        if ch in VOWELS:
            out.append(ch)
        elif ch in _LATIN_CONSONANTS:
            out.append(_LATIN_CONSONANTS[ch])
    s = "".join(out)
    return re.sub(r"([^aeiou])\1+", r"\1", s)  # doubled consonants are one sound


_WORDS = re.compile(r"[^\W\d_]+")


def name_phonemes(text: str, lang: str = "xx") -> str:
    """Phonemes of a whole Latin name, word by word; in French a silent final consonant is sounded
    before a vowel (Saint-Émilion: "sent-emilion", as 圣特美隆 renders it)."""
    words = _WORDS.findall(text)
    out = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if lang == "fr" and nxt and _fold(nxt.lower())[:1] in "aeiouh" and len(w) > 2:
            out.append(latin_phonemes(w + "a", lang)[:-1])
        else:
            out.append(latin_phonemes(w, lang))
    return "".join(out)
