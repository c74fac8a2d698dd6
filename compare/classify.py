"""The matcher's second half (pure): what one looked-up key means for the label: the whole name in
some writing, part of it, an imitation (the name with a "style" word), a homophone, or a misspelling.
"""

from __future__ import annotations

from collections.abc import Callable

from compare.index import NameIndex
from compare.rules import (
    BASE_SCORE,
    CONNECTORS,
    FUZZY_CUTOFF,
    OTHER_PRODUCT_WHY,
    STRONG_KINDS,
    Candidate,
    Key,
    LabelAnalysis,
    class_key,
    fuzzy_worthy,
    same_class,
)
from names.normalise import (
    compact,
    fold_latin,
    fold_native,
    has_han,
    pinyin,
    pinyin_syllables,
    pinyin_tones,
    to_simplified,
)
from names.phonetic import PhoneticIndex, rendering_phonemes, rendering_runs, similarity, skeleton

# which GIs a check can hit: (a name for the set, a test of a GI's position), or None for every GI
Scope = tuple[str, Callable[[int], bool]] | None


def han_for_pinyin(span: str, a: LabelAnalysis) -> str | None:
    """The label's characters that read as `span` (香宾 for 'xiang bin'), for the explanation."""
    want = span.split()
    for run in a.han_runs:
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                if pinyin(run[i:j]).split() == want:
                    return run[i:j]
    return None


# product classes too wide to say that two products in them are the same goods (rice and goji berries)
WIDE_CLASSES = ("fresh or processed fruit", "other products")


def same_tones(label_chars: str, name_text: str) -> bool:
    """Do the label's characters read with the same tones as the part of the name they match without
    tones? (True when no part of the name matches them: nothing to compare.)"""
    want = pinyin(label_chars).split()
    name = compact(fold_native(to_simplified(name_text)))
    tones = pinyin_tones(label_chars)
    parts = [name[i : i + len(label_chars)] for i in range(len(name) - len(label_chars) + 1)]
    matching = [p for p in parts if pinyin(p).split() == want]
    return not matching or any(pinyin_tones(p) == tones for p in matching)


def _core(ix: NameIndex, key: Key, span: str, a: LabelAnalysis, *, native: bool) -> Candidate | None:
    """The name without its product word: with a product of the same class it is the name in
    another writing (龙井 + tea = 龙井茶, 帕达诺 + 芝士 = 帕达诺干奶酪); a place part with a product in
    Chinese characters, or a part alone, is a partial match."""
    gi = ix.gis[key.gi]
    own_products = set(ix.product_of.get((key.gi, key.name), []))
    if own_products & ix.broad_products and not class_key(gi.product_class).startswith(WIDE_CLASSES):
        like = any(same_class(cls, gi.product_class) for _, cls in a.product_concepts)
    else:
        like = any(ix.compatible(c, own) for c in a.main_products for own in own_products)
    if like and (not native or key.via == "core"):
        modifier = a.modifier
        if modifier:
            return Candidate(
                key.gi, "imitation", BASE_SCORE["imitation"], key.text, span, f"with '{modifier}'"
            )
        return Candidate(
            key.gi,
            "transliteration",
            0.9,
            key.text,
            span,
            "the name's own part, with the product named in another language",
        )
    # the name without its product word is how the trade names the product (龙井 for 龙井茶 Longjing
    # tea): where the user says the goods are of the name's class, it counts as the name (alone it may
    # be a place or a brand: 苏格兰 Scotland is the core of 苏格兰威士忌)
    stated_like = (
        a.stated_class is not None and same_class(a.stated_class, gi.product_class) and not a.product_concepts
    )
    other_goods = any(not same_class(cls, gi.product_class) for _, cls in a.product_concepts if cls)
    if key.via == "place-core":
        # the name's place without its product: a partial use, unless the label names goods of
        # another class (安吉竹笋 is bamboo shoots, not 安吉白茶)
        if other_goods:
            return None
        cand = Candidate(
            key.gi,
            "partial",
            BASE_SCORE["partial"] - 0.07,
            key.text,
            span,
            "the name's place without its product" + (", on goods of its class" if stated_like else ""),
            short_form=stated_like,
        )
        if (
            own_products
            and a.main_products
            and not any(ix.compatible(c, own) for c in a.main_products for own in own_products)
        ):
            cand.max_severity = ("low", OTHER_PRODUCT_WHY)  # 宁夏枸杞 goji is not 宁夏大米 rice
        return cand
    return Candidate(
        key.gi,
        "partial",
        BASE_SCORE["partial"] + 0.05,
        key.text,
        span,
        "the name's short form, without its product word",
        short_form=stated_like and not other_goods,
    )


def _part_of_name(
    ix: NameIndex, key: Key, span: str, a: LabelAnalysis, *, native: bool
) -> tuple[bool, Candidate | None]:
    """(True, hit or None) for a match on part of a name (its core or a component) or inside a
    generic term of the label; (False, None) when the key stands for the whole name."""
    generic = a.inside_generic(span)  # first: 波尔多 inside 波尔多液 is the fungicide, not the wine
    if key.via in ("core", "place-core") and not generic:
        return True, _core(ix, key, span, a, native=native)
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
    return Candidate(key.gi, kind, score, key.text, span, note, adjectival=key.via == "adjective")


def misspellings(ix: NameIndex, a: LabelAnalysis, explained: set[int]) -> list[Candidate]:
    out: list[Candidate] = []
    words = a.own_words
    spans = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 4) + 1):
            c = "".join(words[i:j])
            if len(c) >= 5 and c not in ix.latin and c not in ix.k.generics and c not in ix.k.products:
                spans.add(c)
    if not spans:
        return out  # a label in Chinese or Thai only: nothing to spell wrong in Latin letters
    from rapidfuzz import fuzz, process  # a twentieth of a second to load: only when needed
    from rapidfuzz.distance import OSA

    for span in spans:
        pool: list[str] = []
        for length in range(len(span) - 2, len(span) + 3):
            pool.extend(ix._fuzzy_buckets.get((span[0], length), ()))
        if not pool:
            continue
        for choice, score, _ in process.extract(
            span, pool, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_CUTOFF
        ):
            for key in ix.latin[choice]:
                if key.gi in explained or not fuzzy_worthy(key, choice):
                    continue
                edits = OSA.distance(span, choice)
                close = edits <= (2 if len(choice) >= 9 else 1)
                out.append(
                    Candidate(
                        key.gi,
                        "fuzzy",
                        round(score / 100, 3),
                        key.text,
                        span,
                        f"{edits} letter(s) from '{choice}'",
                        "medium" if close else "low",
                    )
                )
    return out


# how close a rendering must sound, by the number of consonant sounds of the shorter skeleton
# (short names need a closer match: three consonants leave many names to choose from)
SOUND_THRESHOLD = {2: 0.92, 3: 0.88}
SOUND_THRESHOLD_LONG = 0.85
SOUND_THRESHOLD_PART = 0.92  # one word of a longer name: the rest of the name is missing
SOUND_CAP = ("medium", "a rendering by sound, not in the rendering tables: at most medium until checked")


def renderings_by_sound(
    ix: NameIndex, a: LabelAnalysis, found: list[Candidate], scope: Scope = None
) -> list[Candidate]:
    """Chinese characters that render a foreign GI name by sound though no table holds that rendering
    (柏美洛 for Pomerol, 古冈左拉 for Gorgonzola): runs of the characters used to write foreign names,
    not already explained by a name, a place or a product word, compared by sound (names.phonetic).
    A guess by sound is at most medium, and only where the label does not name goods of another class."""
    explained = [c.label_form.replace(" ", "") for c in found if c.kind in STRONG_KINDS | {"partial"}]
    out: dict[int, Candidate] = {}
    for run in a.han_runs:
        for start, end in rendering_runs(run):
            # the whole run of such characters: a part of it would leave sounds unexplained
            span = run[start:end]
            if any(span in e for e in explained) or span in ix.k.places or span in ix.k.products:
                continue
            syllables = pinyin_syllables(span)
            if len(syllables) == len(span):
                sounds = ix.sounds(*scope) if scope else ix.sounds()
                _sound_matches(ix, sounds, a, span, rendering_phonemes(span, syllables), out)
    return list(out.values())


def _sound_matches(
    ix: NameIndex, sounds: PhoneticIndex, a: LabelAnalysis, span: str, han: str, out: dict[int, Candidate]
) -> None:
    han_skeleton = skeleton(han)
    if len(han_skeleton) == 2 and len(span) < 3:
        return  # two characters with two consonants: too little to go on
    for key in sounds.lookup(han):
        gi = ix.gis[key.gi]
        if a.product_concepts and not any(same_class(cls, gi.product_class) for _, cls in a.product_concepts):
            continue  # the label names goods of another class: a likeness of sound is not worth a hit
        shorter = min(len(han_skeleton), len(skeleton(key.phonemes)))
        need = SOUND_THRESHOLD.get(shorter, SOUND_THRESHOLD_LONG if shorter > 3 else 2.0)
        if not key.whole:
            need = max(need, SOUND_THRESHOLD_PART) if shorter >= 4 else 2.0
        sim = similarity(key.phonemes, han)
        if sim < need:
            continue
        kind = "transliteration" if key.whole else "partial"
        score = round(sim * (BASE_SCORE["transliteration"] if key.whole else BASE_SCORE["partial"]), 3)
        if key.gi in out and out[key.gi].score >= score:
            continue
        note = f"sounds like '{key.text}'" + ("" if key.whole else " (one word of the name)")
        out[key.gi] = Candidate(
            key.gi, kind, score, gi.names[key.name].text, span, note, "medium", max_severity=SOUND_CAP
        )


EVOCATION_CAP = (
    "medium",
    "a coined name sharing the protected name's distinctive part: a possible evocation, which a court "
    "weighs as a whole (CJEU C-75/15 Verlados, C-44/17 Glen Buchenbach, C-783/19 Champanillo)",
)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def evocations(ix: NameIndex, a: LabelAnalysis, found: list[Candidate]) -> list[Candidate]:
    """Coined words that share the distinctive part of a one-word protected name without being it or a
    misspelling of it: the same ending on a word of the same length (Verlados, Calvados; Odessagne,
    Champagne), or most of its beginning (Champanillo, Champagne). On like goods that is a possible
    evocation (medium); on other goods or services only a long shared beginning counts (the name's
    reputation, C-783/19); with no goods known, nothing."""
    known = {c.gi for c in found if c.kind in STRONG_KINDS or c.kind == "fuzzy"}
    classes = [cls for _, cls in a.product_concepts if cls]
    if a.stated_class:
        classes.append(a.stated_class)
    out: dict[int, Candidate] = {}
    _held_evocative(ix, a, classes, known, out)
    if not classes:
        return list(out.values())
    heads, tails = ix.word_ends
    for word in a.own_words:
        if len(word) < 6 or word in ix.latin or word in CONNECTORS or _known_word(ix, word):
            continue
        # an ending shared by several names is an ending of the language (-tina: Fontina, Galatina,
        # Martina), not the distinctive part of one of them
        ending = tails.get(word[-4:], [])
        keys = [(k, "head") for k in heads.get(word[:5], ())]
        keys += [(k, "tail") for k in ending] if len({k.gi for k in ending}) <= 2 else []
        for key, how in keys:
            if key.gi in known or key.gi in out:
                continue
            name = compact(fold_latin(key.text))
            if name == word:
                continue
            gi = ix.gis[key.gi]
            like = any(same_class(cls, gi.product_class) for cls in classes)
            prefix = _common_prefix(word, name)
            if how == "head":
                shared = name[:prefix]
                strong = prefix >= 6 and prefix * 3 >= 2 * len(name)
                if not (prefix >= 5 and (like or strong) and prefix * 5 >= 3 * len(name)):
                    continue
            else:
                suffix = _common_prefix(word[::-1], name[::-1])
                shared = name[-suffix:]
                if not like or abs(len(word) - len(name)) > 1 or suffix >= len(name) - 1:
                    continue
            goods = "on like goods" if like else "on other goods or services"
            out[key.gi] = Candidate(
                key.gi,
                "evocation",
                BASE_SCORE["evocation"] * (0.9 if like else 0.8),
                key.text,
                word,
                f"shares '{shared}' with '{key.text}' {goods}",
                "medium",
                max_severity=EVOCATION_CAP,
            )
    return list(out.values())


def _held_evocative(
    ix: NameIndex, a: LabelAnalysis, classes: list[str], known: set[int], out: dict[int, Candidate]
) -> None:
    """Words a court held to evoke a GI or mislead as to its origin ('Glen' for Scotch Whisky): on like
    goods the decision's own case (severity as for any use); with no goods known at most medium; on
    other goods nothing."""
    if not ix.k.evocative:
        return
    for word in dict.fromkeys(a.own_words):
        for t in ix.k.evocative.get(word, ()):
            pos = ix.positions.get(t.concept)
            if pos is None or pos in known or pos in out:
                continue
            gi = ix.gis[pos]
            like = any(same_class(cls, gi.product_class) for cls in classes)
            if classes and not like:
                continue
            court = (t.source or "a court").split("(")[0].strip()  # the decision, without its details
            out[pos] = Candidate(
                pos,
                "evocation",
                BASE_SCORE["evocation"],
                gi.names[0].text,
                word,
                f"held to call '{gi.names[0].text}' to mind by {court}",
                t.confidence,
                max_severity=None if like else EVOCATION_CAP,
            )


def _known_word(ix: NameIndex, word: str) -> bool:
    k = ix.k
    return word in k.products or word in k.generics or word in k.places or word in k.modifiers
