"""The matcher's first half (pure): a label analysed into words, runs and concepts, and every span of it
looked up in the name index. Each lookup is classified by compare.classify; compare.conflicts turns
the candidates into explained hits.
"""

from __future__ import annotations

from compare.classify import classify_latin, classify_native, misspellings, only_an_adjective
from compare.concept_keys import generic_concept
from compare.guesses import evocations, other_scripts_by_sound, renderings_by_sound
from compare.index import NameIndex
from compare.name_apart import names_apart
from compare.rules import (
    BASE_SCORE,
    COLOUR_HAN,
    COLOUR_WORDS,
    CONNECTORS,
    COUNTRY_CODES,
    COUNTRY_CONCEPTS,
    COUNTRY_WHY,
    LANGUAGE_COUNTRIES,
    MAX_SPAN_WORDS,
    OTHER_PRODUCT_WHY,
    SHARED_PLACE_WHY,
    STRONG_KINDS,
    Candidate,
    Key,
    LabelAnalysis,
    Scope,
    same_class,
)
from compare.variants import reordered_names, thai_script_variants, thai_spelling_variants
from compare.visual_match import lookalikes, one_character_apart
from gi_lists.model import IN_FORCE_STATUSES
from names.normalise import compact, fold_latin, fold_native, has_han, has_thai, to_simplified


def candidates(ix: NameIndex, a: LabelAnalysis, scope: Scope = None) -> list[Candidate]:
    found: list[Candidate] = []
    gis = ix.gis
    # 1. native script: every substring of the label's Chinese and Thai runs
    for run in a.han_runs + a.thai_runs:
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + ix.max_native) + 1):
                for key in ix.native.get(run[i:j], ()):
                    native_cand = classify_native(ix, key, run[i:j], a, whole=(j - i == len(run)))
                    if native_cand is not None:
                        native_cand.colour = run[j:].startswith(COLOUR_HAN)
                        found.append(native_cand)
    # 2. Latin spans (Chinese in the label taken as pinyin too)
    for words, from_own in ((a.own_words, True), (a.latin_words, False)):
        n = len(words)
        for i in range(n):
            for j in range(i + 1, min(n, i + MAX_SPAN_WORDS) + 1):
                span = "".join(words[i:j])
                keys = list(ix.latin.get(span, ()))
                if j - i >= 3 and any(w in CONNECTORS for w in words[i + 1 : j - 1]):
                    # the name with or without its linking words ('Mortadella di Bologna' for Mortadella
                    # Bologna): the index holds every Latin name without them too
                    bare = "".join(w for w in words[i:j] if w not in CONNECTORS)
                    keys += [k for k in ix.latin.get(bare, ()) if k not in keys]
                for key in keys:
                    cand = classify_latin(ix, key, " ".join(words[i:j]), a, from_own, whole=(j - i == n))
                    if cand is not None:
                        cand.colour = j < n and words[j] in COLOUR_WORDS
                        found.append(cand)
    # 2b. Thai names spelled another way (Sang Yod, Mueang, Phattalung): compare.variants
    if ix.thai_latin:
        found.extend(thai_spelling_variants(ix, a))
    found.extend(thai_script_variants(ix, a))
    if ix.reordered and len(a.own_words) >= 2:  # a name's words in another order
        found.extend(reordered_names(ix, a))
    # 2c. a Chinese name's place and the rest apart (新会老陈皮, 红心猕猴桃苍溪): compare.name_apart
    found.extend(names_apart(ix, a))
    # 3. concept signatures: place + product in the label
    seen_sig = set()
    label_compact = compact(fold_latin(a.text)) if a.place_concepts else ""
    if a.place_concepts:
        from rapidfuzz import fuzz  # for the closeness of names sharing a place; a twentieth of a second
    reputed_ids = ix.reputed_ids
    for place in dict.fromkeys(a.place_concepts):
        products = [p for p, _ in a.product_concepts] + [generic_concept(ix, g) for g in a.generic_terms]
        named_products = {p for p, _ in a.product_concepts}
        for product in dict.fromkeys(products):
            for key in ix.signatures.get((place, product), ()):
                seen_sig.add(key.gi)
                modifier = a.modifier
                kind = "imitation" if modifier else "translation"
                term = product.removeprefix("generic:")
                what = f"the term '{term}'" if term != product else f"product '{product}'"
                why = f"place '{place}' and {what}" + (f" with '{modifier}'" if modifier else "")
                # a name with products the label does not name (Eau-de-vie de cidre for a cider) ranks
                # below one the label's product covers (Cidre de Bretagne)
                more = set(ix.product_of.get((key.gi, key.name), ())) - named_products
                score = BASE_SCORE[kind] * (0.95 if more else 1.0)
                sig = Candidate(key.gi, kind, score, key.text, a.text, why, "medium")
                sig.span = a.place_spans.get(place, "")
                sig.max_severity = _shared_place(ix, a, place, key.gi)
                sig.shared_place = sig.max_severity is not None
                found.append(sig)
        if a.inside_generic(compact(fold_native(a.place_spans.get(place, "")))):
            continue  # the place inside a generic term (Valencia orange, a cultivar): the term's case
        for key in ix.places_of.get(place, ()):
            if key.gi in seen_sig:
                continue
            gi_class = gis[key.gi].product_class
            named = any(same_class(cls, gi_class) for _, cls in a.product_concepts)
            # no product word, but the user says the goods are of the name's class ('Bavaria' on beer)
            stated = not a.product_concepts and a.states_like(gi_class)
            # or a name whose reputation a decision held to reach other goods: the severity rules weigh the
            # label's goods against the goods it was held for (Colombiano on café services)
            reputed = (
                not named and not stated and a.stated_class is not None and gis[key.gi].id in reputed_ids
            )
            if named or stated or reputed:
                # of the names sharing the place, the one closest to the label as a whole first
                # ('Cœur de Provence': Côtes de Provence before the other Provence names)
                closeness = fuzz.ratio(label_compact, compact(fold_latin(key.text))) / 100
                cand = Candidate(
                    key.gi,
                    "partial",
                    BASE_SCORE["partial"] * (1 + 0.02 * closeness),
                    key.text,
                    a.text if named else a.place_spans.get(place, a.text),
                    f"place '{place}' within the name's place"
                    if key.via == "inner-place"
                    else f"place '{place}' with another product of the same class"
                    if named
                    else f"place '{place}' on other goods"
                    if reputed
                    else f"place '{place}' on goods of the name's class",
                    "medium",
                )
                cand.span = a.place_spans.get(place, "")
                own = ix.product_of.get((key.gi, key.name), [])
                if named and own and not any(ix.compatible(c, o) for c, _ in a.product_concepts for o in own):
                    # the place on another product than the name's (Danish feta, Danablu): low
                    cand.max_severity = ("low", OTHER_PRODUCT_WHY)
                elif place in COUNTRY_CONCEPTS and not reputed:  # a reputed name: as the decisions weigh it
                    cand.max_severity = ("low", COUNTRY_WHY)
                found.append(cand)
    # 3b. names that are only a place or one product word: that concept in another language or
    # script is the name
    single: list[tuple[str, str, list[Key]]] = []
    for place in dict.fromkeys(a.place_concepts):
        single.append((place, a.place_spans.get(place, place), ix.place_names.get(place, [])))
    for product, _cls in dict.fromkeys(a.product_concepts):
        single.append((product, a.product_spans.get(product, product), ix.product_names.get(product, [])))
    modifier = a.modifier
    for concept, span, keys in single:
        if a.inside_generic(span):
            continue
        for key in keys:
            name_text = gis[key.gi].names[key.name].text
            if compact(fold_native(name_text)) == span or compact(fold_latin(name_text)) == span:
                continue  # the name itself: found above
            other_script = (has_han(span) or has_thai(span)) != (has_han(name_text) or has_thai(name_text))
            kind = "transliteration" if other_script else "translation"
            adjectival = only_an_adjective(ix, span, concept)  # 'Romano', 'Bordelais': weak on other goods
            if modifier:
                found.append(
                    Candidate(
                        key.gi,
                        "imitation",
                        BASE_SCORE["imitation"],
                        key.text,
                        span,
                        f"'{concept}' with '{modifier}'",
                        "medium",
                        max_severity=(cap := _shared_place(ix, a, concept, key.gi)),
                        shared_place=cap is not None,
                    )
                )
            else:
                found.append(
                    Candidate(
                        key.gi,
                        kind,
                        BASE_SCORE[kind] * 0.97,
                        key.text,
                        span,
                        f"'{span}' is '{name_text}' in another language or script",
                        "medium",
                        max_severity=(cap := _shared_place(ix, a, concept, key.gi)),
                        shared_place=cap is not None,
                        adjectival=adjectival,
                    )
                )
    for place in dict.fromkeys(a.place_concepts):
        span = a.place_spans.get(place, place)
        for key in ix.place_parts.get(place, ()):
            gi_class = gis[key.gi].product_class
            if a.product_concepts and not any(same_class(cls, gi_class) for _, cls in a.product_concepts):
                continue
            if not a.product_concepts and a.states_like(gi_class) is False:
                continue  # a sweet sharing a city's name (Parma Violets) is no part of a cheese's name
            found.append(
                Candidate(
                    key.gi,
                    "partial",
                    BASE_SCORE["partial"],
                    key.text,
                    span,
                    f"'{span}' names one of the places in the protected name",
                    "medium",
                )
            )
    # 4. generic terms that sit inside protected compounds
    for g in dict.fromkeys(a.generic_terms):
        # the term in Chinese or Thai script also meets its Latin form inside names (卡芒贝尔, Camembert)
        siblings = [k for s in ix.generic_siblings.get(g, ()) for k in ix.generic_in.get(s, ())]
        for key in dict.fromkeys([*ix.generic_in.get(g, ()), *siblings]):
            found.append(
                Candidate(
                    key.gi,
                    "generic-overlap",
                    BASE_SCORE["generic-overlap"],
                    key.text,
                    g,
                    "shares only a generic term",
                    "medium",
                )
            )
    # 5. misspellings, when nothing closer explains that part of the label
    found.extend(misspellings(ix, a, {c.gi for c in found if c.kind in STRONG_KINDS}))
    # 5b. Chinese names with one character swapped for a look-alike (芧台酒 for 茅台酒)
    found.extend(lookalikes(ix, a, {c.gi for c in found if c.kind in STRONG_KINDS}))
    # 5c. and with one character after the first changed (泸牌老窖 for 泸州老窖)
    found.extend(
        one_character_apart(
            ix,
            a,
            {c.gi for c in found if c.kind in STRONG_KINDS or c.kind == "fuzzy"},
            scope[0] if scope else None,
        )
    )
    # 6. Chinese renderings by sound that no table holds
    found.extend(renderings_by_sound(ix, a, found, scope))
    found.extend(other_scripts_by_sound(ix, a, found, scope))
    # 7. coined words sharing a name's distinctive part
    found.extend(evocations(ix, a, found, scope))
    if any(w in COLOUR_WORDS for w in a.own_words) or any(c in run for run in a.han_runs for c in COLOUR_HAN):
        for cand in found:  # a name followed by a colour word is a colour, whichever rule found it
            cand.colour = cand.colour or used_as_colour(a, cand.label_form)
    _explained_parts(ix, found, scope, _countries(a), a)
    return _without_own_places(found)


def _without_own_places(found: list[Candidate]) -> list[Candidate]:
    """A place + product partial of a GI whose name the label already uses at that place (香槟 in
    香槟酒店 is the name Champagne itself) adds nothing: the name's own hit decides."""
    named = {
        (c.gi, compact(fold_native(c.label_form))) for c in found if c.kind in _NAMING_KINDS and not c.span
    }
    return [
        c
        for c in found
        if not (c.kind == "partial" and c.span and (c.gi, compact(fold_native(c.span))) in named)
    ]


EXPLAINED = "the label's words are the whole of another protected name"
# kinds that name a GI outright (not guesses, not a part of a name): what they cover is explained
_NAMING_KINDS = frozenset({"exact", "official-rendering", "script-variant", "translation", "transliteration"})


def _countries(a: LabelAnalysis) -> frozenset[str]:
    """The countries the label names ('Slovak', 'Hungary'), as ISO codes."""
    return frozenset(COUNTRY_CODES[p] for p in a.place_concepts if p in COUNTRY_CODES)


def _explained_parts(
    ix: NameIndex,
    found: list[Candidate],
    scope: Scope = None,
    countries: frozenset[str] = frozenset(),
    a: LabelAnalysis | None = None,
) -> None:
    """Words of the label that another name explains as a whole stay low for every other GI:
    - a part of a longer name that is the whole of another name (Bordeaux is the GI Bordeaux, not a
      part of Côtes de Bordeaux; 托卡伊 is Tokaj, not a part of Vinohradnícka oblasť Tokaj);
    - a name inside the longer name the label uses (Médoc inside Haut-Médoc, its own appellation);
    - a place that the label names with another GI's product (Gannan navel oranges is that GI, not a
      part of Gannan Yang Du Jun);
    - a name of the goods the user states, for a GI of other goods (Liquirizia di Calabria on liquorice
      explains the wine Calabria);
    each time by a name of the same class that the check screens (`scope`) and that is registered
    somewhere (a name only applied for explains nothing): a name not protected where the check asks
    explains nothing there, and a name from another country explains nothing
    where the label names the country of the GI it is a part of ('Slovak Tokay': the Slovak
    Vinohradnícka oblasť Tokaj, not only the Hungarian Tokaj)."""
    # what each naming candidate covers, by the text it covers
    naming: dict[str, list[Candidate]] = {}
    for c in found:
        if c.shared_place:
            continue  # a place several countries' names share explains none of them
        if (c.kind in _NAMING_KINDS and c.rule_confidence != "low" and not c.max_severity) or (
            c.kind in STRONG_KINDS and c.kind != "evocation" and not c.span
        ):
            naming.setdefault(compact(fold_native(c.span or c.label_form)), []).append(c)
    if not naming:
        return
    texts = {c.span or c.label_form for c in found}
    own_of = {t: compact(fold_native(t)) for t in texts}
    for c in found:
        own = own_of[c.span or c.label_form]
        if c.short_form or not own:
            continue
        for text, others in naming.items():
            inside = own in text and own != text
            if not inside and not (c.kind == "partial" and own == text):
                continue  # the cheap test first: most candidates cover other words
            for other in others:
                if other.gi == c.gi or other.matched_form == c.matched_form:
                    continue
                if inside and other.kind not in _NAMING_KINDS:
                    continue
                if not same_class(ix.gis[other.gi].product_class, ix.gis[c.gi].product_class) and not (
                    a is not None
                    and a.states_like(ix.gis[other.gi].product_class)
                    and not a.states_like(ix.gis[c.gi].product_class)
                ):
                    # 'Reggiano' the wine does not explain 'Reggiano cheese'; a name of the goods the user
                    # states does explain its place for a GI of other goods (Liquirizia di Calabria on
                    # liquorice is no use of the wine Calabria)
                    continue
                if scope is not None and not scope[1](other.gi):
                    continue
                if not any(p.status in IN_FORCE_STATUSES for p in ix.gis[other.gi].protections):
                    continue  # a name registered nowhere yet clears nothing (Coppa de l'Ile de Beauté)
                if _origin_named(ix, c.gi, other.gi, countries):
                    continue
                c.max_severity = ("low", f"{EXPLAINED} ('{other.matched_form}')")
                break
            if c.max_severity and c.max_severity[1].startswith(EXPLAINED):
                break


def _shared_place(ix: NameIndex, a: LabelAnalysis, place: str, gi: int) -> tuple[str, str] | None:
    """At most medium where the label writes a place that GIs of several countries hold in the language
    of another of those countries than the GI's (Dunavska, Bulgarian for the Danube plain, is no
    translation of Hungary's Duna; "Danube wine" in English still is): which one is meant is to be
    checked."""
    countries = ix.place_countries.get(place, frozenset())
    if len(countries) < 2 or place in COUNTRY_CONCEPTS:
        return None
    own = set(ix.gis[gi].origin_countries)
    span = a.place_spans.get(place, "")
    langs = {(t.lang or "").split("-")[0] for t in ix.k.places.get(span, ()) if t.concept == place}
    speakers = set().union(*(LANGUAGE_COUNTRIES.get(lang, set()) for lang in langs)) if langs else set()
    if speakers & own or not speakers & (countries - own):
        return None
    return ("medium", SHARED_PLACE_WHY.format(countries=", ".join(sorted(countries))))


def _origin_named(ix: NameIndex, gi: int, other: int, countries: frozenset[str]) -> bool:
    """Does the label name the origin country of `gi` and not that of `other`?"""
    own = set(ix.gis[gi].origin_countries)
    return bool(countries & own) and not countries & set(ix.gis[other].origin_countries)


def used_as_colour(a: LabelAnalysis, span: str) -> bool:
    """Is the label's span followed by a colour word (香槟色, 'champagne colour')?"""
    c = compact(fold_native(to_simplified(span))) if has_han(span) else ""
    if c:
        for run in a.han_runs:
            at = run.find(c)
            while at >= 0:
                if run[at + len(c) :].startswith(COLOUR_HAN):
                    return True
                at = run.find(c, at + 1)
        return False
    words = fold_latin(span).split()
    n = len(words)
    if not n:
        return False
    for i in range(len(a.own_words) - n):
        if a.own_words[i : i + n] == words and a.own_words[i + n] in COLOUR_WORDS:
            return True
    return False
