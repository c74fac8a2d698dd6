"""A Chinese GI's name with its place and the rest apart (pure): words put between them (新会老陈皮 for
新会陈皮, 'old' inserted: Jiangmen market regulators, 2025) or the two swapped (红心猕猴桃苍溪 for
苍溪红心猕猴桃: Chizhou Intermediate Court held the reordered phrase trademark use of the certification
mark). The place is the part the annex transcription writes as its first word (Xinhui Chen Pi: 新会), so
no table of places is needed; both parts must be there whole, at most GAP characters apart. A partial use
of the name, as severe as the routes make it on like goods.
"""

from __future__ import annotations

from compare.index import NameIndex
from compare.rules import BASE_SCORE, Candidate, LabelAnalysis
from names.normalise import compact, fold_latin, fold_native, has_han, name_syllables

GAP = 2  # characters that may stand between the place and the rest (老 in 新会老陈皮)
MIN_PART = 2  # characters of the place and of the rest, each
IDENTITY = ("original", "official-rendering")

# (rest, GI position, name position, name) by place; built once per index, kept on it (and in its file)
Parts = dict[str, list[tuple[str, int, int, str]]]


def _place_length(text: str, transcription: str) -> int:
    """How many characters of a Chinese name its transcription's first word reads (新会陈皮, Xinhui Chen
    Pi: 2); 0 when the syllables do not add up to that word."""
    syllables = name_syllables(text)
    words = fold_latin(transcription).split()
    if not syllables or len(words) < 2:
        return 0
    first, read = compact(words[0]), ""
    for n, syllable in enumerate(syllables, start=1):
        read += compact(fold_latin(syllable))
        if read == first:
            return n
        if not first.startswith(read):
            return 0
    return 0


def parts(ix: NameIndex) -> Parts:
    """The Chinese names' places and rests, by place: read once and kept on the index."""
    found = ix.name_apart_parts
    if found is None:
        table: Parts = {}
        for gi_pos, gi in enumerate(ix.gis):
            if "CN" not in gi.origin_countries:
                continue
            spelled = next((n.text for n in gi.names if n.kind == "transcription"), None)
            for pos, name in enumerate(gi.names):
                if not spelled or not has_han(name.text) or name.kind not in IDENTITY:
                    continue
                text = compact(fold_native(name.text))
                n = _place_length(text, spelled)
                if n >= MIN_PART and len(text) - n >= MIN_PART:
                    table.setdefault(text[:n], []).append((text[n:], gi_pos, pos, name.text))
        found = table
        ix.name_apart_parts = found
    return found


def names_apart(ix: NameIndex, a: LabelAnalysis) -> list[Candidate]:
    """The Chinese names whose place and rest the label has apart: up to GAP characters between them, or
    the rest first (then at most GAP characters before the place)."""
    if not a.han_runs:
        return []
    table = parts(ix)
    out: dict[int, Candidate] = {}
    for run in a.han_runs:
        for i in range(len(run) - 1):
            for place_len in (2, 3, 4):
                place = run[i : i + place_len]
                for rest, gi_pos, _pos, text in table.get(place, ()):
                    if gi_pos in out:
                        continue
                    after = run.find(rest, i + place_len)
                    before = run.rfind(rest, 0, i)
                    if 0 < after - (i + place_len) <= GAP:
                        span, how = run[i : after + len(rest)], "with other words between"
                    elif before >= 0 and i - (before + len(rest)) <= GAP:
                        span, how = run[before : i + place_len], "the other way round"
                    else:
                        continue
                    out[gi_pos] = Candidate(
                        gi_pos,
                        "partial",
                        BASE_SCORE["partial"],
                        text,
                        span,
                        f"the name's place '{place}' and '{rest}' {how}",
                        short_form=True,
                    )
    return list(out.values())


def own_product_class(ix: NameIndex, text: str) -> str | None:
    """The class of Chinese GIs whose name, after its place, is what `text` ends with (陈皮 of 新会陈皮:
    fruit, vegetables and cereals): goods the user names by a GI's own product words, though no goods table
    knows them. None when no such name, or names of several classes."""
    s = compact(fold_native(text))
    if not has_han(s):
        return None
    classes = {
        ix.gis[gi_pos].product_class
        for rests in parts(ix).values()
        for rest, gi_pos, _pos, _text in rests
        if s.endswith(rest)
    }
    classes.discard(None)
    return classes.pop() if len(classes) == 1 else None
