"""The matcher's rule for names written with a look-alike character (pure): a Chinese name with one
character swapped for one that looks like it (芧台酒 for 茅台酒, zhù for máo; 茅合酒), which reads
differently and so escapes the rules by sound. The look-alikes are names.visual's table.

A hit is a near spelling (`fuzzy`, medium): medium on like goods, low on other goods, as a close
misspelling of a Latin name is. Names of three characters or more count alone; a name of two characters
(茅台, the name 茅台酒 without its product word) only with the name's product right after it (芧台白酒), or
as the whole brand on goods the user says are of the name's class (茅合 on baijiu)."""

from __future__ import annotations

import re

from compare.index import NameIndex
from compare.rules import Candidate, Key, LabelAnalysis, same_class
from names.normalise import HAN_CHAR
from names.visual import load_visual_variants, looked_like

# the keys of whole names and of names without their product word (茅台 of 茅台酒: a place-core, counted
# only beside the name's product); not the other parts of a name
VISUAL_VIAS = frozenset({"native", "trade", "core", "place-core"})
VISUAL_SCORE = 0.85  # as a misspelling one letter off
MIN_ALONE = 3  # characters a name needs to count without its product beside it
WORD_REACH = 4  # characters on either side of the swapped one a word of its own may reach (白酒 in 格拉白酒)
_ALL_HAN = re.compile(HAN_CHAR + "{2,}")  # two Chinese characters or more

# (name char, next char) as "茅>台", or (previous char, name char) as "台<酒" for a name's last character
Anchors = dict[str, list[tuple[int, str]]]


def visual_anchors(ix: NameIndex) -> Anchors:
    """The Chinese names by each character that has look-alikes, with its neighbour (茅台酒 under 茅>台,
    台>酒 and 台<酒): a label's character then meets only the few names its neighbour allows. Built on
    the first label that needs it, kept on the index."""
    if ix.visual_anchors is None:
        table: Anchors = {}
        alike = load_visual_variants()
        for text, keys in ix.native.items():
            if not any(k.via in VISUAL_VIAS for k in keys) or not _ALL_HAN.fullmatch(text):
                continue
            for p, c in enumerate(text):
                if c in alike:
                    anchor = f"{c}>{text[p + 1]}" if p + 1 < len(text) else f"{text[p - 1]}<{c}"
                    table.setdefault(anchor, []).append((p, text))
        ix.visual_anchors = table
    return ix.visual_anchors


def _names_product(ix: NameIndex, a: LabelAnalysis, key: Key, after: str) -> bool:
    """Does the label name the name's product right after the swapped name (酒 after 芧台 for 茅台酒,
    白酒 after 芧台)? A product word elsewhere is no evidence (清酒 sake beside 葡萄酒 is not 青酒)."""

    def next_to(concept: str) -> bool:
        span = a.product_spans.get(concept, "")
        return bool(span) and after.startswith(span)

    own = ix.product_of.get((key.gi, key.name), [])
    if any(ix.compatible(c, o) for c in a.main_products if next_to(c) for o in own):
        return True
    gi_class = ix.gis[key.gi].product_class
    return any(same_class(cls, gi_class) for c, cls in a.product_concepts if next_to(c))


def lookalikes(ix: NameIndex, a: LabelAnalysis, known: set[int]) -> list[Candidate]:
    """Names the label writes with one character swapped for a look-alike; `known`: the GIs a closer rule
    already found."""
    out: dict[int, Candidate] = {}
    table: Anchors | None = None
    for run in a.han_runs:
        for i, ch in enumerate(run):
            originals = looked_like(ch)
            if not originals:
                continue
            table = table if table is not None else visual_anchors(ix)
            for c in originals:
                anchors = [f"{c}>{run[i + 1]}"] if i + 1 < len(run) else []
                anchors += [f"{run[i - 1]}<{c}"] if i > 0 else []
                for anchor in anchors:
                    for p, text in table.get(anchor, ()):
                        start = i - p
                        if start < 0 or start + len(text) > len(run):
                            continue
                        if run[start:i] != text[:p] or run[i + 1 : start + len(text)] != text[p + 1 :]:
                            continue
                        _add(ix, a, run, start, text, ch, c, known, out)
    return list(out.values())


def _a_word(ix: NameIndex, part: str) -> bool:
    k = ix.k
    return (
        part in ix.native
        or part in k.places
        or part in k.products
        or part in k.generics
        or part in k.goods_terms()
    )


def _add(
    ix: NameIndex,
    a: LabelAnalysis,
    run: str,
    start: int,
    text: str,
    label_char: str,
    name_char: str,
    known: set[int],
    out: dict[int, Candidate],
) -> None:
    span = run[start : start + len(text)]
    # the swapped character inside a word of its own in the label (a name or its place, a place, a product,
    # goods or a generic word: 安岳 of 安岳柠檬, 英格兰, 白酒, 鲤鱼, 酒店) is that word, not a swap
    swap = start + next(j for j in range(len(text)) if span[j] != text[j])
    for lo in range(max(0, swap - WORD_REACH), swap + 1):
        for hi in range(max(swap + 1, lo + 2), min(len(run), swap + 1 + WORD_REACH) + 1):
            if _a_word(ix, run[lo:hi]):
                return
    for key in ix.native[text]:
        if key.via not in VISUAL_VIAS or key.gi in known:
            continue
        alone = len(text) >= MIN_ALONE and key.via != "place-core"
        # a name of two characters: with its product after it, or as the whole brand on goods the user
        # says are of the name's class (茅合 on baijiu)
        stated = span == run and bool(a.states_like(ix.gis[key.gi].product_class))
        if not alone and not stated and not _names_product(ix, a, key, run[start + len(text) :]):
            continue
        if key.gi in out and len(out[key.gi].label_form) >= len(span):
            continue
        out[key.gi] = Candidate(
            key.gi,
            "fuzzy",
            VISUAL_SCORE,
            key.text,
            span,
            f"written with {label_char} for {name_char}, characters that look alike",
            "medium",
        )
