"""How a foreign name sounds, and whether Chinese characters transliterate it (pure).

Chinese renders a European name sound by sound (Pomerol 柏美洛, Chablis 沙布利, Gorgonzola 古冈左拉),
and the market coins such renderings faster than any table records them. This module reduces both sides
to a rough phoneme string and compares them with a weighted edit distance that knows how Chinese
transliteration works (the standard of GB/T 17693, 外语地名汉字译写导则, and the Xinhua tables it follows):

- the Latin name is read by simple rules of its language (names.latin_sounds: French silent endings,
  "ch" = sh, Italian "ci" = ch, Spanish "j" = h, German "sch" …);
- the characters are read as toneless pinyin; syllables that stand for a bare consonant (特 te for
  "t", 斯 si for "s", 布 bu for "b", 尔 er for "r") have a vowel that may be left unmatched;
- b/p, d/t, g/k are one sound (Chinese has no voicing contrast, only aspiration); r is l; m and n,
  f and v, and the hissing sounds (s, sh, ch, z, j, q, x) are close; an "r" may be dropped, as the
  renderings usually do.

`PhoneticIndex` finds candidate names without comparing every one: each name is keyed by its
consonant skeleton and by the skeleton with one sound left out (a symmetric-deletion index), and only
names sharing a key are compared in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from names.latin_sounds import VOWELS

# consonant classes of the skeleton: the sounds that Chinese renders alike share a class
_SKELETON_CLASS = {
    "p": "p",
    "t": "t",
    "k": "k",
    "f": "f",
    "v": "f",
    "s": "s",
    "S": "s",  # sh
    "c": "s",  # ch, j, q (affricates)
    "z": "s",
    "m": "n",
    "n": "n",
    "l": "l",
    "h": "",  # weak: dropped from the skeleton
    "y": "",
}
_CLOSE = {
    frozenset("sS"): 0.25,
    frozenset("sc"): 0.3,
    frozenset("Sc"): 0.2,
    frozenset("sz"): 0.25,
    frozenset("Sz"): 0.35,
    frozenset("cz"): 0.25,
    frozenset("mn"): 0.3,
    frozenset("fv"): 0.25,
    frozenset("hk"): 0.5,
    frozenset("ck"): 0.45,  # 加 jia for "ga", 吉 ji for "gi"
    frozenset("cy"): 0.6,
    frozenset("iy"): 0.3,  # a glide and its vowel (коньяк konyak, Cognac koniak)
    frozenset("ei"): 0.2,
    frozenset("ou"): 0.2,
    frozenset("ae"): 0.3,
    frozenset("ao"): 0.4,
    frozenset("ai"): 0.4,
    frozenset("eo"): 0.4,
    frozenset("eu"): 0.4,
    frozenset("iu"): 0.4,
    frozenset("au"): 0.45,
    frozenset("io"): 0.45,
}

# -- the Chinese side ---------------------------------------------------------------------------

_PINYIN_INITIALS = (
    ("zh", "c"),
    ("ch", "c"),
    ("sh", "S"),
    ("b", "p"),
    ("p", "p"),
    ("m", "m"),
    ("f", "f"),
    ("d", "t"),
    ("t", "t"),
    ("n", "n"),
    ("l", "l"),
    ("g", "k"),
    ("k", "k"),
    ("h", "h"),
    ("j", "c"),
    ("q", "c"),
    ("x", "S"),
    ("r", "l"),
    ("z", "z"),
    ("c", "z"),
    ("s", "s"),
    ("y", "y"),
    ("w", "v"),
)
_FINALS = {
    "a": "a",
    "o": "o",
    "e": "e",
    "ai": "e",
    "ei": "e",
    "ao": "o",
    "ou": "o",
    "an": "an",
    "en": "en",
    "ang": "an",
    "eng": "en",
    "ong": "on",
    "er": "l",
    "i": "i",
    "ia": "a",
    "ie": "e",
    "iao": "o",
    "iu": "u",
    "ian": "en",
    "in": "in",
    "iang": "an",
    "ing": "in",
    "iong": "on",
    "u": "u",
    "ua": "a",
    "uo": "o",
    "uai": "a",
    "ui": "e",
    "uan": "an",
    "un": "un",
    "uang": "an",
    "v": "u",
    "ve": "e",
    "ue": "e",
    "ü": "u",
    "üe": "e",
    "van": "an",
    "vn": "un",
}
# a syllable that stands for a bare consonant: its vowel may stay unmatched (特 te = "t")
_BARE_VOWEL = {"e", "u", "i"}
_BARE_AFTER = {"e": set("tkhlpS"), "u": set("pfmtkl"), "i": set("szSc")}
OPTIONAL = "·"  # marks the next vowel as optional in a Chinese phoneme string
# initials (as sounds: b, d, g are read p, t, k above) whose medial i (nie, lie, bian, miao) is a sound of
# its own, kept as an optional i; after j, q and x it is part of the initial (香 xiang for 'cham')
_GLIDE_AFTER = frozenset("nlmptk")


@lru_cache(maxsize=65536)
def syllable_phonemes(syllable: str) -> str:
    """Phonemes of one toneless pinyin syllable ('bu' -> 'p·u': a b whose u may stay unmatched)."""
    s = syllable.lower().replace("ü", "v")
    if s in ("wu", "yi", "yu"):
        return {"wu": "u", "yi": "i", "yu": "u"}[s]
    if s.startswith("y"):
        rest = s[1:]
        rest = rest if rest[:1] in ("i", "u", "v") else "i" + rest
        final = _FINALS.get(rest, rest)
        return "y" + final if not final.startswith("i") else final
    if s.startswith("w"):
        rest = s[1:]
        final = _FINALS.get("u" + rest, _FINALS.get(rest, rest))
        return "v" + final if not final.startswith("u") else final
    onset = ""
    for spelling, sound in _PINYIN_INITIALS:
        if s.startswith(spelling):
            onset, s = sound, s[len(spelling) :]
            break
    if onset in ("c", "S") and s.startswith("u") and syllable[:1] in "jqx":
        s = "v" + s[1:]
    final = _FINALS.get(s, s)
    if final in _BARE_VOWEL and onset and onset in _BARE_AFTER[final]:
        return onset + OPTIONAL + final
    if onset in _GLIDE_AFTER and s[:1] == "i" and s not in ("i", "in", "ing") and not final.startswith("i"):
        return onset + OPTIONAL + "i" + final  # 涅 nie: the 'gn' of Armagnac, 'ni' of Valdobbiadene
    return onset + final


def han_phonemes(syllables: Iterable[str]) -> str:
    return "".join(syllable_phonemes(s) for s in syllables if s.strip())


# -- comparing ----------------------------------------------------------------------------------


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    close = _CLOSE.get(frozenset((a, b)))
    if close is not None:
        return close
    if a in VOWELS and b in VOWELS:
        return 0.5
    return 1.2


def _tokens(han: str) -> list[tuple[str, bool]]:
    """(phoneme, optional) pairs of a Chinese phoneme string."""
    out: list[tuple[str, bool]] = []
    optional = False
    for ch in han:
        if ch == OPTIONAL:
            optional = True
            continue
        out.append((ch, optional))
        optional = False
    return out


def _drop_latin(ch: str, last: bool) -> float:
    """Cost of a Latin sound the characters leave out."""
    if ch in VOWELS:
        return 0.45
    if ch == "l":
        return 0.45  # an r or l before a consonant or at the end is often not rendered
    if ch in "hy":
        return 0.3
    if ch in "nm":
        return 0.5
    return 0.6 if last else 1.0


def _drop_han(ch: str, optional: bool) -> float:
    """Cost of a sound of the characters that the Latin name lacks."""
    if optional:
        return 0.1
    if ch in VOWELS:
        return 0.5
    if ch in "yvh":
        return 0.3
    if ch == "n":
        return 0.5
    return 1.0


def distance(latin: str, han: str) -> float:
    """Weighted edit distance between a Latin phoneme string and a Chinese one."""
    tokens = _tokens(han)
    n, m = len(latin), len(tokens)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _drop_han(*tokens[j - 1])
    for i in range(1, n + 1):
        cur = [prev[0] + _drop_latin(latin[i - 1], i == n)] + [0.0] * m
        a = latin[i - 1]
        drop_a = _drop_latin(a, i == n)
        for j in range(1, m + 1):
            b, optional = tokens[j - 1]
            cur[j] = min(
                prev[j - 1] + _sub_cost(a, b),
                prev[j] + drop_a,
                cur[j - 1] + _drop_han(b, optional),
            )
        prev = cur
    return prev[m]


def similarity(latin: str, han: str) -> float:
    """1 for the same sounds, falling with the weighted distance per sound of the longer string."""
    size = max(len(latin), len(han.replace(OPTIONAL, "")))
    return max(0.0, 1.0 - distance(latin, han) / size) if size else 0.0


def skeleton(phonemes: str) -> str:
    """The consonant classes of a phoneme string (vowels, h and y left out)."""
    return "".join(_SKELETON_CLASS.get(ch, "") for ch in phonemes if ch not in VOWELS and ch != OPTIONAL)


def _deletions(s: str) -> set[str]:
    return {s} | {s[:i] + s[i + 1 :] for i in range(len(s))}


@dataclass(frozen=True)
class SoundKey:
    gi: int
    name: int
    text: str  # the Latin form compared (a whole name or one distinctive word of it)
    phonemes: str
    whole: bool  # the whole name, not one word of it


class PhoneticIndex:
    """Latin names by the consonant skeleton of their sound, with every skeleton one sound shorter
    (a symmetric-deletion index: two skeletons one insertion, deletion or substitution apart share a
    key). Skeletons of two sounds are kept only as they are: one sound is no evidence."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[SoundKey]] = defaultdict(list)

    @staticmethod
    def _keys(sk: str) -> set[str]:
        if len(sk) < 2:
            return set()
        return {sk} if len(sk) == 2 else _deletions(sk)

    def add(self, key: SoundKey) -> None:
        for k in self._keys(skeleton(key.phonemes)):
            self._by_key[k].append(key)

    def lookup(self, han_phonemes: str) -> list[SoundKey]:
        seen: dict[SoundKey, None] = {}
        for k in self._keys(skeleton(han_phonemes)):
            for key in self._by_key.get(k, ()):
                seen.setdefault(key)
        return list(seen)


# Characters of the standard tables for writing foreign names in Chinese (GB/T 17693 外语地名汉字译写导则
# and the Xinhua 译音表 it follows; the common subset), with those the bundled renderings of EU names
# use for sounds (香 for "cham", 邑 for "gnac"; not 干, which on a wine label is "dry"). A run of other
# characters is Chinese words, not a rendering by sound.
TRANSLITERATION_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾滨波伯博勃布查察采策茨达代戴丹当道德登迪蒂帝第丁东杜敦多"
    "厄恩尔法凡范方菲费芬丰冯弗伏夫福富盖甘冈岗高戈哥歌格根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加嘉贾杰"
    "捷金居卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾累黎里利丽莉连良列林琳隆卢鲁路伦罗洛吕马玛迈"
    "麦曼芒毛梅美门蒙孟米密缅明莫姆穆纳娜奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮珀普奇齐恰乔切钦琴丘让"
    "热日荣茹瑞若萨塞赛桑瑟森沙莎山尚绍舍圣施什史士舒斯松苏索塔泰坦汤唐陶特提廷通图托瓦万旺威韦维温"
    "文沃乌伍武西希锡席夏仙香谢辛休修雅亚扬耶伊依仪因英尤于宇约泽扎詹佐兹左柏邑讷翁蒲芙朱"
)


def rendering_runs(han: str, *, min_len: int = 2) -> list[tuple[int, int]]:
    """(start, end) of the maximal runs of transliteration characters in simplified Chinese text."""
    out = []
    start = None
    for i, ch in enumerate(han + "\0"):
        if ch in TRANSLITERATION_CHARS:
            if start is None:
                start = i
        elif start is not None:
            if i - start >= min_len:
                out.append((start, i))
            start = None
    return out


# characters whose reading in foreign names differs from their everyday one (柏林 Bólín, 乐 lè in 乐福)
RENDERING_READINGS = {"柏": "bo", "乐": "le", "伽": "ga", "单": "dan", "茄": "jia", "朴": "pu"}


def rendering_phonemes(span: str, syllables: tuple[str, ...]) -> str:
    """Phonemes of characters read as a rendering of a foreign name (one syllable per character)."""
    return han_phonemes(RENDERING_READINGS.get(ch, syl) for ch, syl in zip(span, syllables, strict=True))
