"""Labels that spell a Thai name another way (pure): "Sang Yod", "Sangyot", "Khao Sang Yhode" for the RTGS
"Khao Sangyot". Every span of the label's Latin words is reduced to its Thai skeleton (names.thai) and
looked up among the skeletons of Thai names' Latin keys (compare.index); a hit is classified as the key
itself would be, a little below an exact spelling."""

from __future__ import annotations

from compare.classify import classify_latin
from compare.index import NameIndex
from compare.rules import CONNECTORS, MAX_SPAN_WORDS, Candidate, LabelAnalysis
from names.thai import MIN_SKELETON, thai_skeleton

VARIANT_FACTOR = 0.98
SKIPPED = frozenset(
    {"from", "in"}
)  # "rice from Phatthalung"  # another spelling of the romanisation: just below the spelling itself


def thai_spelling_variants(ix: NameIndex, a: LabelAnalysis) -> list[Candidate]:
    out = _lookup(ix, a, a.own_words)
    # English word order puts the product word inside a Thai name ("Sang Yod rice of Phatthalung",
    # "Hom Mali rice from Thung Kula Rong Hai"): the label's words without product words and connectors
    # meet the name's core (the name without its product word)
    kept = [w for w in a.own_words if w not in CONNECTORS and w not in ix.k.products and w not in SKIPPED]
    if 1 < len(kept) < len(a.own_words):
        out.extend(c for c in _lookup(ix, a, kept, rejoined=True) if c.kind != "partial")
    return out


def _lookup(ix: NameIndex, a: LabelAnalysis, words: list[str], *, rejoined: bool = False) -> list[Candidate]:
    """Candidates of the spans of `words` by their Thai skeleton; exact spellings are left to the Latin
    lookup unless the words were rejoined (not adjacent in the label)."""
    out: list[Candidate] = []
    n = len(words)
    for i in range(n):
        for j in range(i + 1, min(n, i + MAX_SPAN_WORDS) + 1):
            skeleton = thai_skeleton(words[i:j])
            if len(skeleton) < MIN_SKELETON:
                continue
            keys = ix.thai_latin.get(skeleton)
            if not keys:
                continue
            exact = () if rejoined else ix.latin.get("".join(words[i:j]), ())
            span = " ".join(words[i:j])
            for key in keys:
                if key in exact:
                    continue  # the spelling itself: found by the Latin lookup
                cand = classify_latin(ix, key, span, a, True, whole=(j - i == n))
                if cand is not None:
                    cand.score *= VARIANT_FACTOR
                    cand.note = (
                        cand.note + "; " if cand.note else ""
                    ) + "another spelling of the Thai romanisation"
                    out.append(cand)
    return out
