"""Wade-Giles readings of Chinese names (pure), for names written the pre-pinyin way: "Tieh Kuan Yin",
"Hsinyang", "Kweichow" (the postal spellings are curated in data/knowledge/romanisations.csv)."""

from __future__ import annotations

from functools import lru_cache

from names.normalise import fold_latin, pinyin_syllables

_WG_INITIALS = (
    ("zh", "ch"),
    ("ch", "ch'"),
    ("sh", "sh"),
    ("b", "p"),
    ("p", "p'"),
    ("d", "t"),
    ("t", "t'"),
    ("g", "k"),
    ("k", "k'"),
    ("j", "ch"),
    ("q", "ch'"),
    ("x", "hs"),
    ("z", "ts"),
    ("c", "ts'"),
    ("r", "j"),
    ("m", "m"),
    ("f", "f"),
    ("n", "n"),
    ("l", "l"),
    ("h", "h"),
    ("s", "s"),
    ("y", "y"),
    ("w", "w"),
)
_WG_WHOLE = {
    "zhi": "chih",
    "chi": "ch'ih",
    "shi": "shih",
    "ri": "jih",
    "zi": "tzu",
    "ci": "tz'u",
    "si": "ssu",
    "yi": "i",
    "you": "yu",
    "yan": "yen",
    "ye": "yeh",
    "yong": "yung",
    "er": "erh",
    "yu": "yü",
    "yue": "yüeh",
    "yuan": "yüan",
    "yun": "yün",
    "ge": "ko",
    "ke": "k'o",
    "he": "ho",
}


@lru_cache(maxsize=4096)
def wade_giles_syllable(syllable: str) -> str:
    """One toneless pinyin syllable in Wade-Giles (apostrophes kept): 'tie' -> "t'ieh"."""
    s = syllable.lower().replace("v", "ü")
    if s in _WG_WHOLE:
        return _WG_WHOLE[s]
    initial, final = "", s
    for py, wg in _WG_INITIALS:
        if s.startswith(py) and len(s) > len(py):
            initial, final = wg, s[len(py) :]
            break
    base = initial.rstrip("'")
    if base in ("ch", "hs") and initial in ("ch", "ch'", "hs") and s[0] in "jqx" and final.startswith("u"):
        final = "ü" + final[1:]
    if final == "ie":
        final = "ieh"
    elif final == "ian":
        final = "ien"
    elif final in ("ong", "iong"):
        final = final.replace("ong", "ung")
    elif final == "ue" or final == "üe":
        final = "üeh"
    elif final == "uo" and s[0] in "dtnlzcsr" and not s.startswith(("zh", "ch", "sh")):
        final = "o"
    elif final == "ui" and s[0] in "gk":
        final = "uei"
    elif final == "e" and s[0] in "gkh":
        final = "o"
    return initial + final


def wade_giles(text: str) -> str:
    """Folded Wade-Giles reading of the Chinese characters in `text`: 铁观音 -> 'tieh kuan yin'."""
    return wade_giles_of(pinyin_syllables(text))


def wade_giles_of(syllables: tuple[str, ...]) -> str:
    """Folded Wade-Giles reading of pinyin syllables."""
    return fold_latin(" ".join(wade_giles_syllable(s.strip()) for s in syllables if s.strip()))
