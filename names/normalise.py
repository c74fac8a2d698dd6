"""Name forms: folding, script detection, pinyin and search keys (pure).

Every written form of a name is reduced to one or more *forms*: lower-case words separated by
single spaces, with accents folded, traditional characters turned into simplified ones, and Chinese
characters also given as toneless pinyin. Two texts that share a form (or a compact form, spaces
removed) are the same name for search: "Anxi Tie Guan Yin", "anxi tieguanyin", "安溪鐵觀音" and
"安溪铁观音" all share "anxitieguanyin".
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from config import KNOWLEDGE_DIR
from loading import collector_paused

HAN_CHAR = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"  # a Chinese character
_HAN = re.compile(HAN_CHAR)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]+")
_SYLLABLE = re.compile(r"^[a-zü]+$")
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


@lru_cache(maxsize=1 << 18)
def script_of(text: str) -> str:
    """ISO 15924 code of the main script: Hani, Thai, Grek, Cyrl or Latn (Zyyy if none)."""
    if text.isascii():  # most names: no need to count five scripts
        return "Latn" if any(ch.isalpha() for ch in text) else "Zyyy"
    counts = {
        "Hani": len(_HAN.findall(text)),
        "Thai": len(_THAI.findall(text)),
        "Grek": len(_GREEK.findall(text)),
        "Cyrl": len(_CYRILLIC.findall(text)),
        "Latn": len(_LATIN.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "Zyyy"


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def has_thai(text: str) -> bool:
    return bool(_THAI.search(text))


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional Chinese characters to simplified; other text unchanged."""
    if not has_han(text):
        return text
    return str(_converter().convert(text))


@lru_cache(maxsize=1)
def _pinyin_ready() -> bool:
    """pypinyin with our place-name fixes (郫县 pí xiàn ...). Loaded on the first Chinese text only.

    The fixes go into pypinyin's phrase table and their prefixes into its segmenter: what
    pypinyin.load_phrases_dict does, without retraining the segmenter on all 47,000 phrases again
    (a tenth of a second). PYPINYIN_NO_DICT_COPY spares a copy of both tables at import."""
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    with collector_paused():  # its tables are read from JSON at import: 90,000 entries, no garbage
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.seg import mmseg

    phrases: dict[str, list[list[str]]] = {}
    with open(KNOWLEDGE_DIR / "pinyin_phrases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            phrases[row["phrase"]] = [[syllable] for syllable in row["pinyin"].split()]
    PHRASES_DICT.update(phrases)
    mmseg.seg.train(iter(phrases))
    return True


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables (ü kept) for the Chinese characters in `text`, in order.

    Non-Chinese runs are returned as they are, so "BORDEAUX 波尔多" gives ("BORDEAUX ", "bo", "er", "duo").
    A reading stored with the register (see remember_readings) is used as it is.
    """
    simplified = to_simplified(text)
    known = _REMEMBERED["pinyin"].get(simplified)
    if known is not None:
        return tuple(json.loads(known))
    _pinyin_ready()
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(simplified, v_to_u=True))


@lru_cache(maxsize=4096)
def pinyin_tones(text: str) -> tuple[str, ...]:
    """Pinyin syllables with their tone as a digit (5 for the neutral tone) of the Chinese characters in
    `text`: 苏州 ('su1', 'zhou1'), 宿州 ('su4', 'zhou1'). Read in context, as pinyin_syllables does."""
    _pinyin_ready()
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(to_simplified(text), style=Style.TONE3, neutral_tone_with_five=True)
    return tuple(s for s in syllables if s.strip())


# Official spellings that differ from plain pinyin, to tell apart places whose toneless pinyin is the
# same: 陕西 Shaanxi (Shǎnxī) beside 山西 Shanxi (Shānxī), the spelling the province's own government
# uses (Shaanxi Provincial People's Government, http://www.shaanxi.gov.cn/) and the agreement's
# Annex transcriptions follow ("Shaanxi ping guo")
OFFICIAL_SPELLINGS = {"陕西": ("shaan", "xi")}


def official_syllables(text: str, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """Toneless syllables of Chinese text (one per character) with official spellings put in."""
    out = list(syllables)
    for place, spelling in OFFICIAL_SPELLINGS.items():
        start = text.find(place)
        while start >= 0 and len(out) == len(text):
            out[start : start + len(place)] = spelling
            start = text.find(place, start + len(place))
    return tuple(out)


def pinyin(text: str, *, sep: str = " ") -> str:
    return sep.join(s.strip() for s in pinyin_syllables(text) if s.strip())


@lru_cache(maxsize=1 << 16)
def fold_latin(text: str) -> str:
    """Case- and accent-folded ASCII words: 'Wódka' -> 'wodka', 'Pu'er Cha' -> 'puer cha'.

    Chinese characters become pinyin syllables and other scripts their anyascii romanisation.
    """
    if text.isascii():  # NFKC and anyascii leave ASCII as it is
        ascii_text = text.replace("'", "").casefold()
        return " ".join(_NON_WORD.sub(" ", ascii_text).split())
    if has_han(text):
        text = " ".join(pinyin_syllables(text))
    text = unicodedata.normalize("NFKC", text).replace("'", "").replace("’", "")
    ascii_text = anyascii(text).casefold()
    return " ".join(_NON_WORD.sub(" ", ascii_text).split())


_BULGARIAN_LETTERS = "абвгдежзийклмнопрстуфхцчшщъьюя"
_BULGARIAN_LATIN = "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a y yu ya"
_BULGARIAN = dict(zip(_BULGARIAN_LETTERS, _BULGARIAN_LATIN.split(" "), strict=True))


def bulgarian_latin(text: str) -> str:
    """Bulgarian Cyrillic in Latin letters by the streamlined system of Bulgaria's Transliteration Act
    (2009): 'Шумен' -> 'Shumen', 'Търговище' -> 'Targovishte' (other letters are kept)."""
    out = []
    for ch in text:
        low = ch.lower()
        latin = _BULGARIAN.get(low)
        if latin is None:
            out.append(ch)
        else:
            out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


# French and Italian articles elided before a vowel (d'Auvergne, l'Aquila, dell'Alto Adige): a word of
# their own, so that the place after them is found
_ELIDED = re.compile(r"(?i)\b(d|l|dell|dall|nell|sull|all)['’](?=\w)")


def latin_words(text: str) -> list[str]:
    """The folded words of a Latin-script text, elided articles apart ("Miel d'Alsace" -> miel d alsace;
    fold_latin keeps 'dalsace', as GI ids and compact keys do)."""
    if "'" in text or "’" in text:
        text = _ELIDED.sub(r"\1 ", text)
    return fold_latin(text).split()


@lru_cache(maxsize=1 << 16)
def fold_native(text: str) -> str:
    """The text in its own script, normalised: NFKC, simplified characters, case folded, words only."""
    text = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not (unicodedata.combining(ch) and not _THAI.match(ch)))
    text = unicodedata.normalize("NFC", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def compact(form: str) -> str:
    return form.replace(" ", "")


@lru_cache(maxsize=1 << 18)
def forms(text: str) -> tuple[str, ...]:
    """All search forms of one written name, most specific first, without duplicates."""
    out: list[str] = []
    if has_han(text) or has_thai(text):
        native = fold_native(text)
        if native:
            out.append(native)
    out.append(fold_latin(text))
    if any(ch in _UMLAUTS for ch in text):
        out.append(fold_latin("".join(_UMLAUTS.get(ch, ch) for ch in text)))
    seen: dict[str, None] = {}
    for form in out:
        if form and form not in seen:
            seen[form] = None
    return tuple(seen)


def first_form(text: str) -> str:
    """forms(text)[0] (the form that identifies a name), without the others: a Chinese name's own
    characters, folded, need no pinyin ("" where the text has no letters at all)."""
    if has_han(text) or has_thai(text):
        native = fold_native(text)
        if native:
            return native
    return fold_latin(text)


def slug(text: str) -> str:
    """ASCII identifier part: 'Prosciutto di Parma' -> 'prosciutto-di-parma'."""
    return "-".join(fold_latin(text).split())[:80] or "gi"


def name_syllables(text: str) -> tuple[str, ...] | None:
    """The pinyin of a Chinese name, one syllable per character of its compact form
    (compact(fold_native(text))), taken from the reading of the whole name: a part of the name then
    reads as it does inside the name (六安 is lu an, not liu an). None when the compact form is not all
    Chinese characters or the reading does not split one syllable per character."""
    simplified = to_simplified(text)
    items = pinyin_syllables(simplified)
    out: list[str] = []
    i = pos = 0
    while pos < len(simplified):
        if _HAN.match(simplified[pos]):
            if i >= len(items) or not _SYLLABLE.match(items[i]):
                return None
            out.append(items[i])
            pos += 1
        else:  # pypinyin gives a run of other characters as one item
            while pos < len(simplified) and not _HAN.match(simplified[pos]):
                pos += 1
        i += 1
    native = compact(fold_native(text))
    if i != len(items) or len(out) != len(native) or not all(_HAN.match(ch) for ch in native):
        return None
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Thai: the Royal Thai General System through pythainlp (rough offline; curated spellings in
# data/knowledge/romanisations.csv come first)
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def thai_romanisation(text: str) -> str | None:
    """RTGS romanisation of the Thai in `text` by pythainlp's offline 'royin' engine, folded. A reading
    stored with the register is used as it is: the engine loads a 62,000-word dictionary (a second)."""
    if not has_thai(text):
        return None
    known = _REMEMBERED["rtgs"].get(text)
    if known is not None:
        return known or None
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    try:
        from pythainlp.transliterate import romanize
    except ImportError:  # pragma: no cover - pythainlp is a dependency
        return None
    words = [romanize(w, engine="royin") for w in text.split()]
    return fold_latin(" ".join(words)) or None


# ---------------------------------------------------------------------------------------------
# Readings kept with the register: the slow romanisations (pinyin through pypinyin's 47,000-phrase
# table, RTGS through pythainlp's dictionary) are computed once, when a name enters the register, and
# stored (storage table `readings`); commands hand them back here, so a check or a search of a known
# name loads neither library. A stored reading is exactly what the function computes for that text.
# ---------------------------------------------------------------------------------------------

READING_SYSTEMS = ("pinyin", "rtgs")
_REMEMBERED: dict[str, dict[str, str]] = {system: {} for system in READING_SYSTEMS}


def remember_readings(system: str, readings: dict[str, str]) -> None:
    """Readings stored with the register: pinyin by simplified text (a JSON list of syllables), RTGS
    by Thai text (folded words, "" for none)."""
    _REMEMBERED[system].update(readings)


def reading_keys(text: str) -> list[tuple[str, str]]:
    """(system, key) of the readings a name has: the pinyin of its simplified text, the RTGS of its
    Thai text."""
    keys = []
    if has_han(text):
        keys.append(("pinyin", to_simplified(text)))
    if has_thai(text):
        keys.append(("rtgs", text))
    return keys


def compute_reading(system: str, key: str) -> str:
    """The reading to store for a key (see reading_keys)."""
    if system == "pinyin":
        return json.dumps(list(pinyin_syllables(key)), ensure_ascii=False)
    return thai_romanisation(key) or ""


def reading_version(system: str) -> str:
    """Which romaniser made a reading: its version, and for pinyin our phrase fixes; `giscope init`
    recomputes readings another version made."""
    import hashlib
    from importlib.metadata import version

    if system == "pinyin":
        fixes = hashlib.sha256((KNOWLEDGE_DIR / "pinyin_phrases.csv").read_bytes()).hexdigest()[:12]
        return f"pypinyin {version('pypinyin')}; fixes {fixes}"
    return f"pythainlp {version('pythainlp')} royin"
