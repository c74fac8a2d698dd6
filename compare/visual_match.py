"""The matcher's rule for names written with a look-alike character (pure): a Chinese name with one
character swapped for one that looks like it (芧台酒 for 茅台酒, zhù for máo; 茅合酒), which reads
differently and so escapes the rules by sound. The look-alikes are names.visual's table.

A hit is a near spelling (`fuzzy`, medium): medium on like goods, low on other goods, as a close
misspelling of a Latin name is. Names of three characters or more count alone; a name of two characters
(茅台, the name 茅台酒 without its product word) only with the name's product right after it (芧台白酒), or
as the whole brand on goods the user says are of the name's class (茅合 on baijiu).

A Chinese name of three characters or more with any one character but its first changed (泸牌老窖 for
泸州老窖, 五粮春 for 五粮液) is near it too: CNIPA's examination standard holds Chinese marks of three
characters or more that differ only in one character similar unless the first character or the whole
meaning differs (商标审查及审理标准, 2016, Part 3: marks' identity and similarity, word marks). Only the
name's distinctive part counts (泸州老窖 of 泸州老窖酒, not the product word of 安吉白茶), only a Chinese
GI's own name, and a swapped character that makes a word of its own (a place, a product) is that word."""

from __future__ import annotations

import re
from collections.abc import Container

from compare.index import NameIndex
from compare.rules import Candidate, Key, LabelAnalysis, same_class
from names.common_words import is_chinese_word
from names.normalise import HAN_CHAR, compact, fold_native
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


SWAP_SCORE = 0.8
SWAP_MIN = 3  # characters of the name's distinctive part ("三个或者三个以上汉字")
SWAP_VIAS = frozenset({"native", "core"})
SWAP_STANDARD = (
    "CNIPA's examination standard holds Chinese word marks of three characters or more that differ in one "
    "character, the first kept, similar unless the whole meaning differs (商标审查及审理标准, 2016; its "
    "carrying into the 2021 商标审查审理指南 unconfirmed)"
)
# a name that begins with a number (五粮液, five grains): another number put for it keeps the rest of the name
NUMERALS = frozenset("一二三四五六七八九十百千万两")
# and the numbers a label may put in its place, the formal ones and zero too (玖粮液)
NUMBER_CHARS = NUMERALS | frozenset("零〇壹贰叁肆伍陆柒捌玖拾佰仟")
NUMBER_CHANGED = "the name's number changed:"
NUMERAL_CASE = (
    "the Supreme People's Court held '九粮液' on baijiu to infringe the well-known '五粮液' "
    "((2017)最高法民再234号, 2019, as reported): another number put for the name's own keeps the rest of "
    "the name"
)
SWAP_OTHER_GOODS = (
    "low",
    "one character of a Chinese name changed, on goods not said to be of the name's class: the standard "
    "weighs marks on identical or similar goods",
)


def _stem(ix: NameIndex, name: str, goods: Container[str]) -> str:
    """A Chinese name without the product words it ends with (泸州老窖 of 泸州老窖酒, 五粮液 as it is)."""
    for cut in range(1, len(name)):
        if name[cut:] in ix.k.products or name[cut:] in goods:
            return name[:cut]
    return name


def swap_patterns(ix: NameIndex) -> dict[str, list[tuple[int, str, str]]]:
    """The Chinese GIs' distinctive parts of SWAP_MIN characters or more, by each pattern with one character
    after the first left open (泸?老窖 -> (1, 泸州老窖)); built once, kept on the index."""
    if ix.swap_patterns is None:
        cores = {
            (k.gi, k.name) for keys in ix.native.values() for k in keys if k.via in ("core", "place-core")
        }
        # a name's last word that is a kind of product (龙井 of 西湖龙井): a change there is another product
        ends: dict[tuple[int, int], int] = {}
        for part, keys in ix.native.items():
            for k in keys:
                if k.via == "component" and k.text.endswith(part) and k.text != part:
                    ends[(k.gi, k.name)] = max(ends.get((k.gi, k.name), 0), len(part))
        table: dict[str, list[tuple[int, str, str]]] = {}
        goods = ix.k.goods_terms()
        for text, keys in ix.native.items():
            if len(text) < SWAP_MIN or not _ALL_HAN.fullmatch(text):
                continue
            eligible = [
                k
                for k in keys
                if k.via in SWAP_VIAS
                and "CN" in ix.gis[k.gi].origin_countries
                and (k.via == "core" or (k.gi, k.name) not in cores)
            ]
            if not eligible:
                continue
            last = len(text) - max(ends.get((k.gi, k.name), 0) if k.via == "native" else 0 for k in eligible)
            whole = compact(fold_native(eligible[0].text))
            stem = min(len(_stem(ix, compact(fold_native(k.text)), goods)) for k in eligible)
            last = min(last, stem)
            if last < SWAP_MIN:
                continue
            # 五粮液: ?粮液 with another number first; a whole name, not a name's place that begins with a
            # number (九寨沟 of 九寨沟蜂蜜: its core)
            native = any(k.via == "native" for k in eligible)
            a_place = any(text[:n] in ix.k.places for n in range(2, len(text) + 1))
            if text[0] in NUMERALS and native and not a_place:
                table.setdefault("?" + text[1:], []).append((0, text, ""))
            for p in range(1, last):
                # the stem's last character with the word after it (龙泉青 + 瓷: 青瓷 celadon): checked when
                # a label changes it, against the word list
                follows = (
                    whole[p + 1]
                    if p == stem - 1 and p + 1 < len(whole) and text == whole[: len(text)]
                    else ""
                )
                table.setdefault(text[:p] + "?" + text[p + 1 :], []).append((p, text, follows))
        ix.swap_patterns = table
    return ix.swap_patterns


def one_character_apart(
    ix: NameIndex, a: LabelAnalysis, known: set[int], jurisdiction: str | None = None
) -> list[Candidate]:
    """Chinese names the label writes with one character after the first changed (泸牌老窖 for 泸州老窖);
    `known`: the GIs a closer rule already found. A name of three characters counts as the label's whole
    Chinese text or before a product word; longer names anywhere. A changed character that makes a word
    with its neighbour (老虎口, 五谷液) is that word; on goods not said to be of the name's class the hit is
    low."""
    out: dict[int, Candidate] = {}
    runs = [r for r in a.han_runs if len(r) >= SWAP_MIN]
    if not runs:
        return []
    table = swap_patterns(ix)
    lengths = {len(pattern) for pattern in table}
    for run in runs:
        for size in lengths:
            for start in range(0, len(run) - size + 1):
                window = run[start : start + size]
                if window in ix.native:
                    continue
                for p in range(0, size):
                    matches = table.get(window[:p] + "?" + window[p + 1 :], ())
                    if not matches or _own_word(run, start + p) or (p == 0 and window[0] not in NUMBER_CHARS):
                        continue
                    for q, text, follows in matches:
                        # a number for a number: anywhere (滨河九粮液); else a name of three characters
                        # only as the whole text or before a product word
                        if q and size == SWAP_MIN and not _whole_or_before_product(ix, run, start, size):
                            continue
                        if follows and is_chinese_word(text[q] + follows):
                            continue  # the name's character begins its product word (青 of 青瓷)
                        _add(ix, a, run, start, text, window[p], text[p], known, out, swap=True, number=not q)
    for cand in out.values():
        cls = ix.gis[cand.gi].product_class
        like = a.states_like(cls) or any(same_class(c, cls) for _, c in a.product_concepts)
        if not like:
            cand.max_severity = SWAP_OTHER_GOODS
        if jurisdiction == "CN":
            cand.note += f": {NUMERAL_CASE if cand.note.startswith(NUMBER_CHANGED) else SWAP_STANDARD}"
    return list(out.values())


def _own_word(run: str, at: int) -> bool:
    """Is the label's character at `at` part of a Chinese word of two or three characters with its
    neighbours (老虎 in 老虎口)? (A product word put for a character of the name is no such word: 五粮酒 reads
    as 五粮液, the whole meaning not clearly different, which is what the standard asks.)"""
    for lo in range(max(0, at - 2), at + 1):
        for hi in range(max(at + 1, lo + 2), min(len(run), lo + 3) + 1):
            if is_chinese_word(run[lo:hi]):
                return True
    return False


def _whole_or_before_product(ix: NameIndex, run: str, start: int, size: int) -> bool:
    rest = run[start + size :]
    if start:
        return False
    return not rest or any(rest[:n] in ix.k.products for n in range(1, min(len(rest), 4) + 1))


def _a_word(ix: NameIndex, part: str, names: bool = True) -> bool:
    k = ix.k
    return (
        (names and part in ix.native)
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
    swap: bool = False,
    number: bool = False,
) -> None:
    """A candidate for the name `text` written with `label_char` for `name_char` (`swap`: one character
    changed; `number`: the name's leading number changed, whose reason cites NUMERAL_CASE in China)."""
    span = run[start : start + len(text)]
    # the swapped character inside a word of its own in the label (a name or its place, a place, a product,
    # goods or a generic word: 安岳 of 安岳柠檬, 英格兰, 白酒, 鲤鱼, 酒店) is that word, not a swap
    at = start + next(j for j in range(len(text)) if span[j] != text[j])
    for lo in range(max(0, at - WORD_REACH), at + 1):
        for hi in range(max(at + 1, lo + 2), min(len(run), at + 1 + WORD_REACH) + 1):
            # a changed character (swap) meets only the words of the languages, not other names' parts
            # (春酒 of 剑南春酒 in 五粮春酒)
            if _a_word(ix, run[lo:hi], names=not swap):
                return
    for key in ix.native[text]:
        if swap:
            if key.via not in SWAP_VIAS or key.gi in known or key.gi in out:
                continue
            if "CN" not in ix.gis[key.gi].origin_countries:
                continue
            out[key.gi] = Candidate(
                key.gi,
                "fuzzy",
                SWAP_SCORE,
                key.text,
                span,
                f"{NUMBER_CHANGED} {label_char} for {name_char}, the rest of the name kept"
                if number
                else f"written with {label_char} for {name_char}: one character of the name changed, "
                "the first kept",
                "medium",
                max_severity=(
                    "medium",
                    "one character of a Chinese name changed: a near spelling, not the name",
                ),
            )
            continue
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
