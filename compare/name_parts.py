"""Keys the name index (compare.index) adds from the readings of a name's parts (pure).

- Thai names: the name without its generic words (เมือง town, จังหวัด province: data/knowledge/
  thai_name_words.csv), without its opening product word (ข้าว rice), and without its closing place
  (พัทลุง), in Thai script and in every Latin spelling of the name the register or the knowledge tables
  hold, so that ข้าวสังข์หยดพัทลุง and "Sang Yod rice of Phatthalung" meet ข้าวสังข์หยดเมืองพัทลุง as its
  core or a part of it. Latin words are compared by their Thai skeleton (names.thai), so "Muang" and
  "Mueang" are one word.
- Chinese names in old romanisations: a name's place and its distinctive part each spelled in any of
  pinyin, Wade-Giles or a curated trade or postal spelling ("Anhsi" + "Ti Kuan Yin", "Moutai" + "chiu"),
  and a name that is its place and a product word also preceded by its province ("Kweichow Moutai" for
  茅台酒): whole-name keys, so more words in the same romanisation keep the match whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from compare.rules import Key
from gi_lists.model import GI
from names.knowledge import Knowledge
from names.normalise import compact, fold_latin, fold_native, has_han, name_syllables
from names.thai import thai_skeleton
from names.wade_giles import wade_giles_of


class NameIndex(Protocol):
    """What these functions use of compare.index.NameIndex (which imports this module)."""

    @property
    def gis(self) -> Sequence[GI]: ...

    @property
    def k(self) -> Knowledge: ...

    @property
    def place_latin(self) -> Mapping[str, list[str]]: ...

    @property
    def place_han(self) -> Mapping[str, list[str]]: ...

    def _add_latin(self, words: Iterable[str], key: Key) -> None: ...

    def _add_native(self, text: str, key: Key) -> None: ...


# roles in thai_name_words.csv that a label may leave out of a Thai name
THAI_GENERIC_ROLES = frozenset({"settlement", "admin"})


# -- Thai ----------------------------------------------------------------------------------------


def _thai_spellings(ix: NameIndex, thai: str) -> set[str]:
    """Skeletons of the Latin spellings of a Thai word or part: curated romanisations, the RTGS form
    and variants of thai_name_words.csv, and the Latin names of the place it is."""
    spellings = [t.term for t in ix.k.romanisations.get(thai, ())]
    word = ix.k.thai_words.get(thai)
    if word is not None:
        spellings.append(word.form or "")
        spellings.extend((word.note or "").split(";"))
    for place in ix.k.places.get(thai, ()):
        spellings.extend(ix.place_latin.get(place.concept, ()))
    return {sk for sk in (thai_skeleton(s) for s in spellings if s.strip()) if sk}


def _strip_latin(words: list[str], skeletons: set[str], where: str = "") -> list[str]:
    """The words without the runs of one to three words whose skeleton is one of `skeletons` (only at
    the start or the end when `where` says so)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            run = words[i : i + n]
            at_edge = (where != "start" or i == 0) and (where != "end" or i + n == len(words))
            if len(run) == n and at_edge and thai_skeleton(run) in skeletons:
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def index_thai_parts(ix: NameIndex, gi: int, pos: int, text: str) -> None:
    """The parts of a Thai name a label may use alone (see the module docstring)."""
    s = compact(fold_native(text))
    k = ix.k
    generics = [w for w, t in k.thai_words.items() if t.concept in THAI_GENERIC_ROLES and w in s]
    product = next((s[:j] for j in range(len(s) - 1, 0, -1) if s[:j] in k.products), "")
    bare = s
    for w in generics:
        bare = bare.replace(w, "")
    place = next((bare[j:] for j in range(1, len(bare) - 1) if bare[j:] in k.places), "")
    if not (generics or product or place):
        return
    generic_sk = set().union(*(_thai_spellings(ix, w) for w in generics)) if generics else set()
    product_sk = _thai_spellings(ix, product) if product else set()
    place_sk = _thai_spellings(ix, place) if place else set()
    # the Latin spellings of the whole name: curated ones and the GI's own transcriptions
    latin = [fold_latin(t.term).split() for t in k.romanisations.get(text, ())]
    latin += [
        fold_latin(n.text).split()
        for n in ix.gis[gi].names
        if n.kind == "transcription" and (n.lang or "").startswith("th")
    ]

    whole = {tuple(words) for words in latin}

    def add(native: str, words_list: Iterable[list[str]], via: str) -> None:
        if len(native) < 2 or native == s or native in k.products or native in k.generics:
            return
        if via == "core" and native in k.places:
            # the name's place alone (ดอยตุง) counts with the name's own product only; in Latin letters
            # the place table already meets it (place + product: a translation of the name)
            ix._add_native(native, Key(gi, pos, "place-core", text))
            return
        key = Key(gi, pos, via, text)
        ix._add_native(native, key)
        for words in words_list:  # a spelling the part was not found in stays the whole name's key
            if words and tuple(words) not in whole and len(compact(" ".join(words))) >= 4:
                ix._add_latin(words, key)

    without_generic = [_strip_latin(w, generic_sk) for w in latin]
    add(bare, without_generic, "component")  # ข้าวสังข์หยดพัทลุง
    if product:
        add(s[len(product) :], [_strip_latin(w, product_sk, "start") for w in latin], "core")
        cores = [_strip_latin(w, product_sk, "start") for w in without_generic]
        add(bare[len(product) :], cores, "core")  # สังข์หยดพัทลุง, "Sangyod Phatthalung" + rice
    if place:
        heads = [_strip_latin(w, place_sk, "end") for w in without_generic]
        add(bare[: -len(place)], heads, "component")  # ข้าวสังข์หยด, "Khao Sangyod"
        if product:
            add(
                bare[len(product) : -len(place)],
                [_strip_latin(w, product_sk, "start") for w in heads],
                "component",
            )


# -- Chinese names in old romanisations -----------------------------------------------------------


def _unique_spellings(out: list[tuple[list[str], bool]]) -> list[tuple[list[str], bool]]:
    """Each spelling once, curated where any of its sources is."""
    unique: dict[tuple[str, ...], bool] = {}
    for words, curated in out:
        if words:
            unique[tuple(words)] = unique.get(tuple(words), False) or curated
    return [(list(w), curated) for w, curated in unique.items()]


def _spellings(ix: NameIndex, part: str, syllables: tuple[str, ...]) -> list[tuple[list[str], bool]]:
    """The Latin word lists a Chinese part is written in: pinyin, Wade-Giles and curated spellings,
    each with whether it is curated."""
    out = [(list(syllables), False), (wade_giles_of(syllables).split(), False)]
    out += [(fold_latin(t.term).split(), True) for t in ix.k.romanisations.get(part, ())]
    return _unique_spellings(out)


def _region_spellings(ix: NameIndex, region: str) -> list[tuple[list[str], bool]]:
    """Latin spellings of a GI's region (Guizhou; Kweichow, curated) from the place and romanisation
    tables through the region's Chinese forms (贵州), without loading pypinyin."""
    out: list[tuple[list[str], bool]] = []
    for place in ix.k.places.get(compact(fold_latin(region)), ()):
        out += [(fold_latin(t).split(), False) for t in ix.place_latin.get(place.concept, ())]
        for han in ix.place_han.get(place.concept, ()):
            out += [(fold_latin(t.term).split(), True) for t in ix.k.romanisations.get(han, ())]
    return _unique_spellings(out)


def index_old_romanisations(ix: NameIndex, gi: int, pos: int, text: str) -> None:
    """Whole-name keys from the parts of a Chinese name spelled each in its own way (see the module
    docstring). Pinyin alone and Wade-Giles alone are keys already: a part with a curated spelling is
    needed (and keeps the work at start-up small)."""
    if not has_han(text) or "CN" not in ix.gis[gi].origin_countries:
        return
    k = ix.k
    s = compact(fold_native(text))
    head = next((j for j in range(len(s) - 1, 1, -1) if s[:j] in k.places), None)
    tail = next((j for j in range(1, len(s)) if s[j:] in k.products), None)
    splits = [j for j in dict.fromkeys((head, tail)) if j is not None]
    splits = [j for j in splits if s[:j] in k.romanisations or s[j:] in k.romanisations]
    region = ix.gis[gi].region
    provinces: list[tuple[list[str], bool]] = []
    if tail is not None and s[:tail] in k.places and region and ";" not in region:
        provinces = _region_spellings(ix, region)
    if not splits and not provinces:
        return
    syllables = name_syllables(text)
    if not syllables:
        return
    key = Key(gi, pos, "romanisation", text)
    for j in splits:
        for first, curated_first in _spellings(ix, s[:j], syllables[:j]):
            for second, curated_second in _spellings(ix, s[j:], syllables[j:]):
                if curated_first or curated_second:
                    ix._add_latin(first + second, key)
    # a name that is a place and a product word (茅台酒): the place with its province, "Kweichow Moutai"
    if provinces and tail is not None:
        core = _spellings(ix, s[:tail], syllables[:tail])
        own = {compact(" ".join(c)) for c, _ in core}
        for province, curated_province in provinces:
            if compact(" ".join(province)) in own:
                continue
            for c, curated_core in core:
                if curated_province or curated_core:
                    ix._add_latin(province + c, key)


def product_core(k: Knowledge, text: str) -> tuple[int, str] | None:
    """(where it ends, the core) of a Chinese or Thai name that closes with a product word: the name
    without it (龙井 of 龙井茶, 费塔 of 费塔奶酪), two characters or more and no product or generic term
    itself; None otherwise."""
    s = compact(fold_native(text))
    for j in range(1, len(s)):
        if s[j:] in k.products:
            core = s[:j]
            return (j, core) if len(core) >= 2 and core not in k.products and core not in k.generics else None
    return None


def trade_cores(
    k: Knowledge, native: Mapping[str, Sequence[Key]], forms: Iterable[tuple[int, str, Any]]
) -> Iterator[tuple[int, str, str, Any]]:
    """(GI position, first name, core, term) of the trade renderings (gi, first name, term) that close with
    a product word, the core being the rendering without it (费塔 of 费塔奶酪): unless the core is a place
    (帕尔马 Parma) or begins another GI's Chinese name or rendering (帕玛 of 帕玛火腿 begins 帕玛森干酪)."""
    forms = list(forms)
    gis: dict[str, set[int]] = {text: {key.gi for key in keys} for text, keys in native.items()}
    for pos, _first, t in forms:
        gis.setdefault(compact(fold_native(t.term)), set()).add(pos)
    texts = sorted(gis)
    for pos, first, t in forms:
        cut = product_core(k, t.term)
        if not cut or cut[1] in k.places:
            continue
        core, at, others = cut[1], bisect_left(texts, cut[1]), False
        while at < len(texts) and texts[at].startswith(core) and not others:
            others = bool(gis[texts[at]] - {pos})
            at += 1
        if not others:
            yield pos, first, core, t
