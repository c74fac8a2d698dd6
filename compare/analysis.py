"""A label analysed into words, runs and concepts (pure): the matcher's input (compare.matching looks
every span of it up in the name index)."""

from __future__ import annotations

import re

from compare.domains import SHORT_WORDS, read_domain
from compare.index import NameIndex
from compare.rules import Candidate, LabelAnalysis
from names.common_words import is_common_word
from names.normalise import compact, fold_native, forms, latin_words, script_of, to_simplified
from names.thai import MIN_SKELETON, thai_skeleton

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


# a Chinese name's parts may be joined by a hyphen or a dot (乌迭尔-雷格纳 Utiel-Requena)
_HAN_JOINER = re.compile(r"(?<=[\u4e00-\u9fff])[-‐–·・‧]+(?=[\u4e00-\u9fff])")


# keys a compound's first part must be: a name as written, translated or in an adjectival form
COMPOUND_HEAD_VIAS = frozenset({"own", "translated", "adjective", "umlaut"})


def _split_compounds(ix: NameIndex, words: list[str]) -> list[str]:
    """Words that are a protected name or a place and a product word written as one, as German and Dutch
    write them (Fetakäse, Moselwein, Parmaschinken, Rheinwein), as two words: the name or place with its
    product word."""
    out: list[str] = []
    for w in words:
        parts = [w]
        if len(w) >= 7 and w not in ix.latin:
            for cut in range(4, len(w) - 2):
                head, tail = w[:cut], w[cut:]
                named = any(k.via in COMPOUND_HEAD_VIAS for k in ix.latin.get(head, ()))
                if tail in ix.k.products and (named or head in ix.k.places):
                    parts = [head, tail]
                    break
        out.extend(parts)
    return out


# English 'the' before a word is the article, not French thé written without its accent; before these
# words it is tea ('THE VERT', 'the de Ceylan')
_THE = re.compile(r"\bthe\s+(?=([^\W\d_]+))", re.IGNORECASE)
TEA_AFTER_THE = frozenset(
    ["de", "du", "des", "d", "au", "aux", "a", "à", "vert", "verts", "noir", "noirs", "blanc", "blancs"]
    + ["rouge", "jaune", "glace", "glacé", "nature", "menthe", "bio"]
)


def _drop_article(label: str) -> str:
    """The label without the English article ('The Champagne Company' names no tea)."""
    return _THE.sub(lambda m: m.group(0) if m.group(1).lower() in TEA_AFTER_THE else "", label)


_LETTERS = re.compile(r"[^\W\d_]+")
CAMEL_HEAD = 5  # letters a word's first part needs before a capital begins another ('PortSwigger' stays)


def _split_camel(ix: NameIndex, text: str) -> str:
    """A capital inside a word begins another word, as brands glue them ('ChampagneCharly', 'ParmaHam'),
    after CAMEL_HEAD letters or more, or before a short word domain names and shops are built from or a
    product word ('CavaShop'); else not ('PortSwigger', 'FaroArm', 'McDonald': a short first part is as
    often a word's own syllable)."""

    def split(m: re.Match[str]) -> str:
        word, parts, start = m.group(0), [], 0
        caps = [i for i in range(1, len(word) - 1) if word[i].isupper() and word[i - 1].islower()]
        for n, i in enumerate(caps):
            if not word[i + 1].islower():
                continue
            tail = word[i : caps[n + 1] if n + 1 < len(caps) else len(word)].lower()
            if i - start >= CAMEL_HEAD or tail in SHORT_WORDS or ix.k.products.get(tail):
                parts.append(word[start:i])
                start = i
        return " ".join([*parts, word[start:]])

    return _LETTERS.sub(split, text)


def analyse(ix: NameIndex, label: str) -> LabelAnalysis:
    read_as = read_domain(ix, label)  # a domain name is read as its words (compare.domains)
    label = _drop_article(read_as or _split_camel(ix, label))
    simplified = _HAN_JOINER.sub("", to_simplified(label))
    non_han = _HAN_RUN.sub(" ", label)
    non_han = _THAI_RUN.sub(" ", non_han)
    a = LabelAnalysis(
        text=label,
        latin_words=_split_compounds(ix, latin_words(label)),
        own_words=_split_compounds(ix, latin_words(non_han)),
        han_runs=[compact(fold_native(r)) for r in _HAN_RUN.findall(simplified)],
        raw_han="".join(_HAN_RUN.findall(label)),
        thai_runs=_THAI_RUN.findall(label),
        read_as=read_as,
    )
    words = a.own_words
    skeletons = ix.k.thai_place_skeletons
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 5) + 1):
            c = "".join(words[i:j])
            _note_term(ix, a, c)
            if skeletons and c not in ix.k.places and len(c) >= MIN_SKELETON:
                for t in skeletons.get(thai_skeleton(words[i:j]), ()):  # a Thai place spelled otherwise
                    a.place_concepts.append(t.concept)
                    a.place_spans.setdefault(t.concept, c)
    for run in a.han_runs:
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 10) + 1):
                _note_term(ix, a, run[i:j])
    for run in a.thai_runs:  # Thai words run together and are long
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 40) + 1):
                _note_term(ix, a, run[i:j])
    a.main_products = _main_products(ix, a)
    return a


def label_class(ix: NameIndex, a: LabelAnalysis, cand: Candidate) -> str | None:
    """The class of the goods the label names, from its longest product words outside the matched
    name (盘锦大米 names rice, not brocade; 'Shaoxing rice wine' names rice wine)."""
    texts = [f for text in (cand.label_form, cand.matched_form) for f in forms(text)]
    for concept in a.main_products:
        span = a.product_spans.get(concept, "")
        if span and _inside(span, texts):
            continue
        cls = ix.concept_class.get(concept)
        if cls:
            return cls
    return None


def _inside(span: str, texts: list[str]) -> bool:
    """Is a product word part of these forms: a Latin one as whole words ('tea' is not inside
    Châteauneuf), a Chinese or Thai one anywhere?"""
    if not span.isascii():
        return any(span in compact(f) for f in texts)
    for words in map(latin_words, texts):
        if any("".join(words[i:j]) == span for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
            return True
    return False


def head_product_class(ix: NameIndex, a: LabelAnalysis) -> str | None:
    """The class of the product word that ends the text, the head of an English or Chinese noun phrase
    ('Sparkling red wine', 'Carbonated grape wine', 红葡萄酒 are wine; 'Wine glasses' ends with no
    product word: None), its first concept with a class."""
    units = a.own_words or (list(a.han_runs[-1]) if a.han_runs else [])
    n = len(units)
    for start in range(max(0, n - 20), n):  # the longest product word ending the text first
        terms = ix.k.products.get("".join(units[start:n]), ())
        classes = [ix.concept_class.get(t.concept) for t in terms]
        if any(classes):
            return next(c for c in classes if c)
    return None


def _main_products(ix: NameIndex, a: LabelAnalysis) -> list[str]:
    """Product concepts of the longest product words, left to right (green tea, not tea)."""
    out: list[str] = []
    words = a.own_words
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 5), i, -1):
            c = "".join(words[i:j])
            if c in ix.k.products:
                out.extend(t.concept for t in ix.k.products[c])
                i = j
                break
        else:
            i += 1
    for run in a.han_runs + a.thai_runs:
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + 20), i, -1):
                if run[i:j] in ix.k.products:
                    out.extend(t.concept for t in ix.k.products[run[i:j]])
                    i = j
                    break
            else:
                i += 1
    return list(dict.fromkeys(out))


def _note_term(ix: NameIndex, a: LabelAnalysis, c: str) -> None:
    if c in ix.k.modifiers:
        a.modifiers.append(ix.k.modifiers[c].term)
    for t in ix.k.products.get(c, []):
        a.product_concepts.append((t.concept, t.product_class))
        if len(c) > len(a.product_spans.get(t.concept, "")):
            a.product_spans[t.concept] = c
    for t in ix.k.places.get(c, []):
        if (
            script_of(t.term) in ("Grek", "Cyrl")
            and script_of(a.text) == "Latn"
            and is_common_word(c, ix.k.directory)
        ):
            continue  # Πατρών (of Patras) folds to 'patron', a word of the Latin-script languages
        a.place_concepts.append(t.concept)
        if len(c) > len(a.place_spans.get(t.concept, "")):
            a.place_spans[t.concept] = c
    if c in ix.k.generics:
        a.generic_terms.append(c)


def product_compound(ix: NameIndex, word: str) -> bool:
    """A word that ends with a product word of four letters or more after three or more other letters
    (rhein+wein, kirsch+wasser): German and Dutch write such compounds as one word, the product last. A
    product word at the start proves nothing (vino+secco may be coined on Prosecco)."""
    products, names = ix.k.products, ix.latin  # a product word that is also a name's form (champán) is not
    return any(
        len(word) - cut >= 4 and word[cut:] in products and word[cut:] not in names
        for cut in range(3, len(word) - 3)
    )
