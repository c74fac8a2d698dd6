"""The matcher's rules that guess from likeness (pure): Chinese characters that render a foreign name by
sound though no table holds them, and coined words that evoke a name without being it. Each hit says it
is a guess and claims at most medium, except words a court held evocative (evocative_terms.csv).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from compare.analysis import product_compound
from compare.coined import (
    WORD_ENDINGS,
    coined,
    coined_evocations,
    held_similar,
    known_word,
    label_classes,
    like_goods,
)
from compare.derived import derived_names
from compare.elided import elided_parts
from compare.index import NameIndex
from compare.latin_names import common_prefix, common_suffix, foreign_latin_names
from compare.rules import (
    BASE_SCORE,
    CONNECTORS,
    EVOCATION_MIN_NAME,
    STRONG_KINDS,
    Candidate,
    Key,
    LabelAnalysis,
    Scope,
    evocation_guess,
    same_class,
)
from compare.shortened import shortened_names
from names import other_scripts
from names.latin_sounds import language_of, name_phonemes
from names.normalise import compact, fold_latin, has_han, pinyin_syllables
from names.phonetic import PhoneticIndex, SoundKey, rendering_phonemes, rendering_runs, similarity, skeleton


def names_by_sound(
    ix: NameIndex, scope: str = "*", keep: Callable[[int], bool] | None = None
) -> PhoneticIndex:
    """The Latin names of foreign GIs by sound, for Chinese renderings that no table holds (柏美洛 for
    Pomerol); only the GIs `keep` accepts (those protected where a check asks: a name unprotected there
    cannot be a hit). Built on the first label that needs it, once per scope, and kept on the index."""
    if scope in ix.sound_scopes:
        return ix.sound_scopes[scope]
    sounds = ix.sound_scopes[scope] = PhoneticIndex()
    for gi_pos, pos, gi, name in foreign_latin_names(ix, ("original", "transcription")):
        if keep is not None and not keep(gi_pos):
            continue
        lang = language_of(name.lang, gi.origin_countries)
        sounds.add(SoundKey(gi_pos, pos, name.text, name_phonemes(name.text, lang), True))
        words = [w for w in re.split(r"[\s\-'’]+", name.text) if w]
        if len(words) < 2:
            continue
        for w in words:
            key = compact(fold_latin(w))
            if len(key) < 5 or key in CONNECTORS or key in ix.k.generics or key in ix.k.products:
                continue
            sounds.add(SoundKey(gi_pos, pos, w, name_phonemes(w, lang), False))
    return sounds


def word_ends(ix: NameIndex) -> tuple[dict[str, list[Key]], dict[str, list[Key]]]:
    """One-word Latin names of foreign GIs (7+ letters) by their first five and last four letters, for
    coined names that share a name's distinctive part (Verlados, Calvados). Built once, kept on the index."""
    if ix.name_ends is None:
        heads: dict[str, list[Key]] = defaultdict(list)
        tails: dict[str, list[Key]] = defaultdict(list)
        for gi_pos, pos, _gi, name in foreign_latin_names(ix, ("original", "transcription")):
            words = fold_latin(name.text).split()
            if len(words) == 1 and len(words[0]) >= EVOCATION_MIN_NAME:
                key = Key(gi_pos, pos, "own", name.text)
                heads[words[0][:5]].append(key)
                tails[words[0][-4:]].append(key)
        ix.name_ends = (heads, tails)
    return ix.name_ends


# how close a rendering must sound, by the consonant sounds of the shorter skeleton (short names: closer)
SOUND_THRESHOLD = {2: 0.92, 3: 0.88}
SOUND_THRESHOLD_LONG = 0.85
SOUND_THRESHOLD_SAME = 0.8  # five consonants or more, all of them the name's in its order: vowels may differ
SAME_SKELETON_MIN = 5
SOUND_THRESHOLD_PART = 0.92  # one word of a longer name: the rest of the name is missing
SOUND_CAP = ("medium", "a rendering by sound, not in the rendering tables: at most medium until checked")
SOUND_CLOSE = 0.9  # the likeness of sound above which a rendering of three or more characters is one


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
                sounds = names_by_sound(ix, *scope) if scope else names_by_sound(ix)
                _sound_matches(ix, sounds, a, span, rendering_phonemes(span, syllables), out)
    return list(out.values())


def other_scripts_by_sound(
    ix: NameIndex, a: LabelAnalysis, found: list[Candidate], scope: Scope = None
) -> list[Candidate]:
    """Cyrillic and Greek words that write a foreign GI name by sound (Шабли for Chablis, Коньяк for
    Cognac, шампанське for Champagne, Μπορντό for Bordeaux), read letter by letter (names.other_scripts)
    and compared like Chinese renderings: runs of one to three words not already explained by a name,
    a place or a product word. A guess by sound is at most medium."""
    words = other_scripts.words_in(a.text)
    if not words:
        return []
    explained = [compact(fold_latin(c.label_form)) for c in found if c.kind in STRONG_KINDS | {"partial"}]
    out: dict[int, Candidate] = {}
    sounds = names_by_sound(ix, *scope) if scope else names_by_sound(ix)
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            span = " ".join(words[i:j])
            key = compact(fold_latin(span))
            if any(key in e for e in explained) or known_word(ix.k, key):
                continue
            head = "".join(other_scripts.word_phonemes(w) for w in words[i : j - 1])
            for reading in other_scripts.readings(words[j - 1]):
                _sound_matches(ix, sounds, a, span, head + reading, out, letters=True)
    return list(out.values())


def _sound_matches(
    ix: NameIndex,
    sounds: PhoneticIndex,
    a: LabelAnalysis,
    span: str,
    han: str,
    out: dict[int, Candidate],
    *,
    letters: bool = False,
) -> None:
    """Candidates whose Latin name sounds like `han`, the sound of the label's `span` (Chinese
    characters, or with `letters` Cyrillic or Greek words)."""
    han_skeleton = skeleton(han)
    if len(han_skeleton) == 2 and (len(span) < 3 or letters):
        return  # two characters (or a word in letters) with two consonants: too little to go on
    for key in sounds.lookup(han):
        gi = ix.gis[key.gi]
        if a.product_concepts and not any(same_class(cls, gi.product_class) for _, cls in a.product_concepts):
            continue  # the label names goods of another class: a likeness of sound is not worth a hit
        name_skeleton = skeleton(key.phonemes)
        shorter = min(len(han_skeleton), len(name_skeleton))
        need = SOUND_THRESHOLD.get(shorter, SOUND_THRESHOLD_LONG if shorter > 3 else 2.0)
        if han_skeleton == name_skeleton and shorter >= SAME_SKELETON_MIN:
            need = min(need, SOUND_THRESHOLD_SAME)  # every consonant in order (戈尔根朱勒, Gorgonzola)
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
        if letters:
            note += ", read from Cyrillic or Greek letters"
        # three or more characters that sound almost exactly like the whole name, on goods the label
        # names as like goods: a transliteration, not a guess (巴巴雷斯科 Barbaresco on a wine)
        close = key.whole and not letters and len(span) >= 3 and sim >= SOUND_CLOSE
        if close and like_goods(a, label_classes(a), gi.product_class):
            note += "; three or more characters close in sound to the whole name, on like goods"
            cap = None
        else:
            cap = SOUND_CAP
        out[key.gi] = Candidate(
            key.gi, kind, score, gi.names[key.name].text, span, note, "medium", max_severity=cap
        )


EVOCATION_CAP = (
    "medium",
    "a coined name sharing the protected name's distinctive part: a possible evocation, which a court "
    "weighs as a whole (CJEU C-75/15 Verlados, C-44/17 Glen Buchenbach, C-783/19 Champanillo)",
)


# A coined name sharing a name's distinctive part is a guess (EVOCATION_CAP: medium), which the reason
# says a court weighs; only nearly the whole name on like goods goes by the routes (high where the law
# has an evocation limb, the EU regime; medium where it has none: a misleading-use question).
EVOCATION_WEIGHED = "a court weighs the label as a whole (CJEU C-75/15 Verlados, C-87/97 Cambozola)"
EVOCATION_WORDING = (EVOCATION_CAP, EVOCATION_WEIGHED)


def evocations(
    ix: NameIndex, a: LabelAnalysis, found: list[Candidate], scope: Scope = None
) -> list[Candidate]:
    """Coined words that share the distinctive part of a one-word protected name without being it or a
    misspelling of it: the same ending on a word of the same length (Verlados, Calvados; Odessagne,
    Champagne), or most of its beginning (Champanillo, Champagne), or the name glued into a coined word
    (NEWRHONE). On like goods that is a possible evocation (medium; nearly the whole name: by the
    routes); on other goods or services only a long shared beginning counts (the name's reputation,
    C-783/19); with no goods known, only a whole name of six letters or more glued in (medium). And the
    coined words of compare.coined: close to a name on like goods, or taking part of a reputed name."""
    known = {c.gi for c in found if c.kind in STRONG_KINDS}
    # a close misspelling on like goods is that rule's case (a loose one, low, hides no evocation); on
    # other goods a near spelling is low while a long shared beginning can still take the name's
    # reputation (Champagnola, EUIPO BoA 17 Apr 2020)
    misspelt = {c.gi for c in found if c.kind == "fuzzy" and c.rule_confidence == "medium"}
    classes = label_classes(a)
    out: dict[int, Candidate] = {}
    _held_evocative(ix, a, classes, known, out)
    glued = _glued(ix, a, classes, known, out)
    if not classes and a.stated_like is None:  # no goods known: only a whole name glued in, medium
        return list(out.values())
    skip = known | misspelt
    for cand in shortened_names(
        ix,
        a,
        lambda key: key.gi not in skip and like_goods(a, classes, ix.gis[key.gi].product_class),
        lambda word: word not in ix.latin and word not in glued and coined(ix.k, word),
        (EVOCATION_CAP, EVOCATION_WEIGHED),
    ):
        out.setdefault(cand.gi, cand)
    heads, tails = word_ends(ix) if any(len(w) >= 6 for w in a.own_words) else ({}, {})
    for word in a.own_words:
        if len(word) < 6 or word in ix.latin or word in CONNECTORS or word in glued or known_word(ix.k, word):
            continue
        if product_compound(ix, word):
            continue  # Rheinwein: a word of the language built on a product word, not coined
        # an ending shared by several names is an ending of the language (-tina: Fontina, Galatina,
        # Martina), not the distinctive part of one of them
        ending = tails.get(word[-4:], [])
        keys = [(k, "head") for k in heads.get(word[:5], ())]
        keys += [(k, "tail") for k in ending] if len({k.gi for k in ending}) <= 2 else []
        if keys and not coined(ix.k, word):
            continue  # a common word of the languages (Bordello, Fontana), not a coined one
        for key, how in keys:
            if key.gi in known or key.gi in out:
                continue
            name = compact(fold_latin(key.text))
            if name == word:
                continue
            gi = ix.gis[key.gi]
            like = like_goods(a, classes, gi.product_class)
            if like and key.gi in misspelt:
                continue
            prefix = common_prefix(word, name)
            if how == "head":
                shared = name[:prefix]
                strong = prefix >= 6 and prefix * 3 >= 2 * len(name)
                if not (prefix >= 5 and (like or strong) and prefix * 5 >= 3 * len(name)):
                    continue
            else:
                suffix = common_suffix(word, name)
                shared = name[-suffix:]
                if not like or abs(len(word) - len(name)) > 1 or suffix >= len(name) - 1:
                    continue
                if word.endswith(WORD_ENDINGS) or name.endswith(WORD_ENDINGS):
                    continue  # -ance, -tion, -ique: an ending of the language, not of one name
            goods = "on like goods" if like else "on other goods or services"
            weighs = f"; {EVOCATION_WEIGHED}" if like else ""
            # nearly the whole name shared from its beginning, on like goods (Champagnola on a wine): the
            # routes decide; a shared ending alone is common in words of the language (Teekanne): a guess
            routes = like and how == "head" and prefix >= max(7, len(name) - 2)
            out[key.gi] = evocation_guess(
                key.gi,
                key.text,
                word,
                f"shares '{shared}' with '{key.text}' {goods}{weighs}",
                0.9 if like else 0.8,
                None if routes else EVOCATION_CAP,
            )

    # of the GIs a coined word stands for, those the check screens (Côtes du Roussillon in China, where
    # Grand Roussillon is not protected)
    def likes(key: Key) -> bool:
        in_scope = scope is None or scope[1](key.gi)
        return in_scope and like_goods(a, classes, ix.gis[key.gi].product_class)

    for cand in coined_evocations(ix, a, likes, known, lambda gi: gi in skip or gi in out, EVOCATION_WORDING):
        out.setdefault(cand.gi, cand)
    for cand in elided_parts(ix, a, likes, lambda gi: gi in skip or gi in known or gi in out, EVOCATION_CAP):
        out.setdefault(cand.gi, cand)
    for cand in derived_names(ix, a, likes, lambda gi: gi in skip or gi in known or gi in out, EVOCATION_CAP):
        out.setdefault(cand.gi, cand)
    return list(out.values())


def _glued(
    ix: NameIndex, a: LabelAnalysis, classes: list[str], known: set[int], out: dict[int, Candidate]
) -> set[str]:
    """A coined word glued from a one-word name or a name's place and a few more letters, on like
    goods: NEWRHONE for a wine takes 'Rhône' of Côtes du Rhône (Cour d'appel de Paris, 26 May 2023,
    n° 21/09232). The whole of a one-word name is an evocation at the route's severity; a place that
    is only a part of names stays a guess (medium), as 'New Rhône' in two words is a partial. Returns
    the words a whole name explains (their other letters are no one's distinctive part)."""
    explained: set[str] = set()

    unknown = not classes and a.stated_like is None  # no goods known: a whole name (6+), at most medium

    def like(key: Key) -> bool:  # or goods a decision held similar, for a whole name glued in (RIOJAVINA)
        gi_class = ix.gis[key.gi].product_class
        return unknown or like_goods(a, classes, gi_class) or held_similar(a, gi_class)

    for word in a.own_words:
        if len(word) < 8 or word in ix.latin or known_word(ix.k, word):
            continue
        for cut in range(3, len(word) - 2):
            # the name last after a word of three letters or more (NEWRHONE), or first before one of
            # four or more (Riojavina): three letters after a name are a word ending (Comtesse, not Comté)
            for part, rest in ((word[cut:], word[:cut]), (word[:cut], word[cut:])):
                if len(part) < 5 or len(rest) < (3 if part == word[cut:] else 4) or rest in CONNECTORS:
                    continue
                # a short name inside a longer word is often chance (trasporto, Porto): a guess
                whole_cap = None if len(part) >= 6 and not unknown else EVOCATION_CAP
                if unknown and len(part) < 6:
                    continue
                whole = [k for k in ix.latin.get(part, ()) if k.via == "own" and like(k)]
                placed = [k for t in ix.k.places.get(part, ()) for k in ix.places_of.get(t.concept, ())]
                placed = [k for k in placed if like(k) and not unknown]
                # of the names that share the place, the shortest (Côtes du Rhône, not its Villages)
                shortest = min((len(k.text) for k in placed), default=0)
                placed = [k for k in placed if len(k.text) == shortest]
                for key, cap in [(k, whole_cap) for k in whole] + [(k, EVOCATION_CAP) for k in placed]:
                    if key.gi in known or key.gi in out:
                        continue
                    out[key.gi] = evocation_guess(
                        key.gi,
                        key.text,
                        word,
                        f"'{part}' of '{key.text}' glued into a coined word "
                        + ("(the label names no goods); " if unknown else "on like goods; ")
                        + EVOCATION_WEIGHED,
                        0.9,
                        cap,
                    )
                    if key in whole:
                        explained.add(word)
    return explained


def _held_evocative(
    ix: NameIndex, a: LabelAnalysis, classes: list[str], known: set[int], out: dict[int, Candidate]
) -> None:
    """Words a court held to evoke a GI or mislead as to its origin ('Glen' for Scotch Whisky): on like
    goods the decision's own case (severity as for any use); with no goods known at most medium; on
    other goods nothing."""
    if not ix.k.evocative:
        return
    # a Chinese term counts where a run of characters begins with it, as a brand does (格兰 in 格兰德,
    # not in 英格兰 England)
    han = [t for t in ix.k.evocative if has_han(t) and any(run.startswith(t) for run in a.han_runs)]
    uses = [(w, w) for w in dict.fromkeys([*a.own_words, *han])]
    # a coined word that begins with such a word (Glenloy: the Scotch Whisky Association's objection,
    # after C-44/17): a guess, at most medium
    uses += [
        (w, term)
        for w in a.own_words
        for term in ix.k.evocative
        if term.isascii()
        and len(term) >= 4
        and w.startswith(term)
        and len(w) - len(term) >= 3
        and coined(ix.k, w)
    ]
    for word, term in uses:
        for t in ix.k.evocative.get(term, ()):
            pos = ix.positions.get(t.concept)
            if pos is None or pos in known or pos in out:
                continue
            gi = ix.gis[pos]
            like = like_goods(a, classes, gi.product_class)
            if (classes or a.stated_like is not None) and not like:
                continue
            court = (t.source or "a court").split("(")[0].strip()  # the decision, without its details
            out[pos] = Candidate(
                pos,
                "evocation",
                BASE_SCORE["evocation"],
                gi.names[0].text,
                word,
                f"held to call '{gi.names[0].text}' to mind by {court}"
                + (f"; '{word}' begins with '{term}'" if word != term else ""),
                t.confidence,
                max_severity=None if like and word == term else EVOCATION_CAP,
            )
