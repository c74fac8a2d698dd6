"""The matcher's second half (pure): what one looked-up key means for the label: the whole name in
some writing, part of it, an imitation (the name with a "style" word), a homophone, or a misspelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from compare.cores import name_core
from compare.index import NameIndex
from compare.rules import (
    BASE_SCORE,
    CONNECTORS,
    FUZZY_CUTOFF,
    Candidate,
    Key,
    LabelAnalysis,
    fuzzy_worthy,
)
from names.common_words import is_common_word
from names.normalise import (
    compact,
    fold_latin,
    fold_native,
    has_han,
    latin_words,
    pinyin,
    pinyin_tones,
    to_simplified,
)


def han_for_pinyin(span: str, a: LabelAnalysis) -> str | None:
    """The label's characters that read as `span` (香宾 for 'xiang bin'), for the explanation.

    A Chinese character reads as one syllable, so only the runs' windows of as many characters as `span`
    has syllables can read as it: n windows of k characters, not every one of the n² substrings (a label
    of 100,000 characters took minutes)."""
    want = span.split()
    k = len(want)
    if k == 0:
        return None
    # every candidate name of the label asks: the windows of k characters are read once per label
    known = a.memo.get(("han_windows", k))
    windows: dict[tuple[str, ...], str] = known if isinstance(known, dict) else {}
    if known is None:
        for run in a.han_runs:
            for i in range(len(run) - k + 1):
                windows.setdefault(tuple(pinyin(run[i : i + k]).split()), run[i : i + k])  # the first
        a.memo[("han_windows", k)] = windows
    return windows.get(tuple(want))


def same_tones(label_chars: str, name_text: str) -> bool:
    """Do the label's characters read with the same tones as the part of the name they match without
    tones? (True when no part of the name matches them: nothing to compare.)"""
    want = pinyin(label_chars).split()
    name = compact(fold_native(to_simplified(name_text)))
    tones = pinyin_tones(label_chars)
    parts = [name[i : i + len(label_chars)] for i in range(len(name) - len(label_chars) + 1)]
    matching = [p for p in parts if pinyin(p).split() == want]
    return not matching or any(pinyin_tones(p) == tones for p in matching)


def _part_of_name(
    ix: NameIndex, key: Key, span: str, a: LabelAnalysis, *, native: bool
) -> tuple[bool, Candidate | None]:
    """(True, hit or None) for a match on part of a name (its core or a component) or inside a
    generic term of the label; (False, None) when the key stands for the whole name."""
    generic = a.inside_generic(span)  # first: 波尔多 inside 波尔多液 is the fungicide, not the wine
    if key.via in ("core", "place-core", "latin-core") and not generic:
        return True, name_core(ix, key, span, a, native=native)
    if generic:
        return True, Candidate(
            key.gi,
            "generic-overlap",
            BASE_SCORE["generic-overlap"],
            key.text,
            generic,
            f"part of the generic term '{generic}'",
            "medium",
        )
    if key.via == "component":
        return True, Candidate(
            key.gi,
            "partial",
            BASE_SCORE["partial"] + 0.05,
            key.text,
            span,
            "distinctive part of the protected name",
        )
    return False, None


def _known_form(
    key: Key, span: str, a: LabelAnalysis, kind: str, note: str, level: str, *, whole: bool
) -> Candidate | None:
    """A form of a name from a knowledge table (a trade rendering, a translation): that kind of use,
    an imitation beside a 'style' word, nothing inside a generic term."""
    if a.inside_generic(span):
        return None
    if a.modifier:
        return Candidate(key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{a.modifier}'")
    return Candidate(key.gi, kind, BASE_SCORE[kind] * (1.0 if whole else 0.96), key.text, span, note, level)


def classify_native(ix: NameIndex, key: Key, span: str, a: LabelAnalysis, *, whole: bool) -> Candidate | None:
    gi = ix.gis[key.gi]
    name = gi.names[key.name]
    if key.via == "trade":  # a Chinese name the market uses for the GI (布根地 for Bourgogne)
        level = ix.trade_confidence.get((key.gi, span), "medium")
        return _known_form(key, span, a, "transliteration", "a trade rendering", level, whole=whole)
    if key.via == "translated":  # the name in another script (คอนยัค for Cognac)
        kind, level = ix.translated.get((key.gi, span), ("translation", "medium"))
        return _known_form(key, span, a, kind, "the name in another language or script", level, whole=whole)
    is_part, part = _part_of_name(ix, key, span, a, native=True)
    if is_part:
        return part
    if name.kind == "official-rendering":
        kind = "official-rendering"
    elif name.kind == "translation":
        kind = "translation"
    elif (
        has_han(name.text)
        and name.text not in a.raw_han
        and to_simplified(name.text) in to_simplified(a.raw_han)
    ):
        kind = "script-variant"
    else:
        kind = "exact"
    score = BASE_SCORE[kind] * (1.0 if whole else 0.96)
    modifier = a.modifier
    if modifier and kind != "script-variant":
        return Candidate(key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{modifier}'")
    return Candidate(key.gi, kind, score, key.text, span)


READING_VIAS = frozenset({"pinyin", "wade-giles", "romanisation"})
READ_ORIGINS = frozenset({"CN", "TH"})  # names whose Latin forms are readings of Chinese or Thai script
# A Thai name's Chinese rendering is a translation or a loose transcription (象山咖啡 for Kafae Doi Chaang):
# a label matching only its pinyin is a weaker key than one matching the name's RTGS form
RENDERING_READING_FACTOR = 0.9


def _reads_thai_rendering(ix: NameIndex, key: Key) -> bool:
    """A Latin key read from the Chinese characters of a Thai GI's name (its pinyin, whole or part)."""
    gi = ix.gis[key.gi]
    return "TH" in gi.origin_countries and has_han(gi.names[key.name].text)


def classify_latin(
    ix: NameIndex, key: Key, span: str, a: LabelAnalysis, from_own: bool, *, whole: bool
) -> Candidate | None:
    gi = ix.gis[key.gi]
    name = gi.names[key.name]
    if not from_own and key.via not in READING_VIAS and not set(gi.origin_countries) & READ_ORIGINS:
        # the pinyin of the label's characters spells a European name (道 'dao' and Dão, 青岛 'qingdao'):
        # a coincidence of letters, not a use of the name
        return None
    if not from_own and "CN" in gi.origin_countries and has_han(name.text):
        chars = han_for_pinyin(span, a)
        if chars and not same_tones(chars, name.text):
            # other Chinese words that read alike only without tones (山西 Shānxī and 陕西 Shǎnxī, 苏州
            # Sūzhōu and 宿州 Sùzhōu) are other places and words; renderings of foreign names keep
            # the looser test (波尔朵 for 波尔多)
            return None
    modifier = a.modifier
    if key.via == "translated":  # the name in another language or script (Parmesan, Пармезан)
        kind, level = ix.translated.get((key.gi, compact(span)), ("translation", "medium"))
        return _known_form(key, span, a, kind, "the name in another language or script", level, whole=whole)
    is_part, part = _part_of_name(ix, key, span, a, native=not from_own)
    if is_part:
        if part is not None and _reads_thai_rendering(ix, key):
            part.score *= RENDERING_READING_FACTOR
        return part
    if key.via in ("pinyin", "wade-giles", "romanisation"):
        if not from_own:
            # the label's Chinese characters read the same as the name's but are not the same
            if any(compact(fold_native(name.text)) in run for run in a.han_runs):
                return None  # the same characters: the native key explains it
            kind = "homophone"
            span = han_for_pinyin(span, a) or span

        else:
            kind = "transliteration"
    elif key.via == "umlaut":
        kind = "script-variant"
    elif key.via == "adjective":
        kind = "exact"
    elif name.kind == "translation":
        kind = "translation"
    elif name.kind == "official-rendering":
        kind = "official-rendering"
    elif name.kind == "transcription" and not (name.lang or "").startswith("el"):
        kind = "transliteration"
    else:
        kind = "exact"
    score = BASE_SCORE[kind] * (1.0 if whole else 0.96)
    if key.via == "adjective":
        score = 0.92
    if _reads_thai_rendering(ix, key):
        score *= RENDERING_READING_FACTOR
    if modifier and kind not in ("homophone",):
        return Candidate(key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{modifier}'")
    note = "an adjectival or plural form of the name" if key.via == "adjective" else ""
    # a name that is itself only a place's adjective (the wines English, Welsh) is weak on other goods too
    adjectival = key.via == "adjective" or only_an_adjective(ix, compact(fold_latin(name.text)))
    return Candidate(key.gi, kind, score, key.text, span, note, adjectival=adjectival)


def only_an_adjective(ix: NameIndex, key: str, concept: str | None = None) -> bool:
    """A places.csv key that is only a place's adjective (of `concept`, where given): English, Romaine."""
    terms = [t for t in ix.k.places.get(key, ()) if concept is None or t.concept == concept]
    return bool(terms) and all(t.form == "adjective" for t in terms)


_SOUND_SPELLINGS = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|qu|q|c(?=[aoukrlt]|$)"), "k"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),
)


SOUND_SPELLING_CUTOFF = 50  # tocai/tokaj: 60


@lru_cache(maxsize=65536)
def sound_spelling(word: str) -> str:
    """A folded Latin word as it sounds in most European spellings: Tocai, Tokay and Tokaj are 'tokai'
    (c before a/o/u is k, j and y are i, ph is f, double letters are one)."""
    for pattern, repl in _SOUND_SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def misspellings(ix: NameIndex, a: LabelAnalysis, explained: set[int]) -> list[Candidate]:
    out: list[Candidate] = []
    words = a.own_words
    spans: dict[str, list[str]] = {}  # the span as one word -> its words
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 4) + 1):
            c = "".join(words[i:j])
            if len(c) >= 5 and c not in ix.latin and c not in ix.k.generics and c not in ix.k.products:
                spans.setdefault(c, words[i:j])
    if not spans:
        return out  # a label in Chinese or Thai only: nothing to spell wrong in Latin letters
    from rapidfuzz import fuzz, process  # a twentieth of a second to load: only when needed
    from rapidfuzz.distance import OSA

    from compare.coined import label_classes, like_goods  # the goods the label names or the user states

    for span in spans:
        pool: list[str] = []
        for length in range(len(span) - 2, len(span) + 3):
            pool.extend(ix._fuzzy_buckets.get((span[0], length), ()))
        if not pool:
            continue
        matches = process.extract(span, pool, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_CUTOFF)
        sound = sound_spelling(span)
        near = {m[0] for m in matches}
        # spelled as it sounds (Tocai, Tokaj): among the spellings rapidfuzz finds at all alike
        loose = process.extract(span, pool, scorer=fuzz.ratio, limit=20, score_cutoff=SOUND_SPELLING_CUTOFF)
        matches += [m for m in loose if m[0] not in near and sound_spelling(m[0]) == sound]
        if matches and (span in ix.k.places or span in ix.k.goods_terms()):
            # a place or goods word spelled right ('Parma', not Patra; 'cotton', not Corton), read only when
            # it matters
            continue
        # a word of the languages of six letters or more near a name is that word, unless the name is one a
        # decision held reputed, whose near spellings are sought out (Champaign: Champagne; Heritage is no
        # Hermitage, Cordon no Corton)
        word = len(span) >= 6 and len(spans[span]) == 1 and is_common_word(span, ix.k.directory)
        # a word of five letters near a name is that word unless the label names or states the name's goods
        # ('Today' is no Tokay; 'Fetta cheese' is a Feta)
        short_word = len(span) == 5 and len(spans[span]) == 1 and is_common_word(span, ix.k.directory)
        for choice, score, _ in matches:
            for key in ix.latin[choice]:
                if key.gi in explained or not fuzzy_worthy(key, choice):
                    continue
                if word and ix.gis[key.gi].id not in ix.reputed_ids:
                    continue
                if short_word and not like_goods(a, label_classes(a), ix.gis[key.gi].product_class):
                    continue
                if _other_words(ix, spans[span], key.text):
                    continue  # 'Vega Grande de Guadalupe': 'grande de' is no misspelt 'Grande Rue'
                edits = OSA.distance(span, choice)
                alike = sound_spelling(choice) == sound
                close = alike or edits <= (2 if len(choice) >= 9 else 1)
                out.append(
                    Candidate(
                        key.gi,
                        "fuzzy",
                        round(score / 100, 3),
                        key.text,
                        span,
                        f"{edits} letter(s) from '{choice}'" + (", spelled as it sounds" if alike else ""),
                        "medium" if close else "low",
                    )
                )
    return out


def _other_words(ix: NameIndex, span_words: list[str], name: str) -> bool:
    """Several label words that differ from the name only by whole words of the languages (connectors,
    product words or common words) none of which spells nearly as a word of the name ('de' for 'rue';
    'vin' for "l'Ain"; not 'grand' for 'grande'): another phrase, not a misspelling of the name."""
    from rapidfuzz.distance import Levenshtein  # only for a misspelling's candidates

    if len(span_words) < 2:
        return False
    own = set(latin_words(name))
    differing = [w for w in span_words if w not in own]

    def other_word(w: str) -> bool:
        if any(Levenshtein.distance(w, n) <= 1 for n in own if min(len(w), len(n)) >= 4):
            return False
        return w in CONNECTORS or w in ix.k.products or is_common_word(w, ix.k.directory)

    return bool(differing) and all(other_word(w) for w in differing)
