"""Labels that spell a Thai name another way (pure): "Sang Yod", "Sangyot", "Khao Sang Yhode" for the RTGS
"Khao Sangyot". Every span of the label's Latin words is reduced to its Thai skeleton (names.thai) and
looked up among the skeletons of Thai names' Latin keys (compare.index); a hit is classified as the key
itself would be, a little below an exact spelling.

In Thai script: a label that writes a Thai name without its tone marks or a silent letter (กาแฟดอยชาง for
กาแฟดอยช้าง, ข้าวสังหยด for ข้าวสังข์หยด) reads as the name does; one letter left out or added in a long
name (ทุเรียนปาจีน for ทุเรียนปราจีน) is a near spelling. Both are near spellings of the name (fuzzy)."""

from __future__ import annotations

import re

from compare.classify import classify_latin
from compare.index import NameIndex
from compare.rules import BASE_SCORE, CONNECTORS, MAX_SPAN_WORDS, Candidate, LabelAnalysis
from names.normalise import has_thai, latin_words
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


# tone marks (mai ek, tho, tri, chattawa) and the mark of a silent letter with the letter (and a vowel
# sign) it silences: ข์ in สังข์, ร์ in จันทร์
_TONES = re.compile("[\u0e48-\u0e4b]")
_SILENT = re.compile("[\u0e01-\u0e2e][\u0e34-\u0e38]?\u0e4c")
MIN_THAI_NAME = 6  # characters of a name, tone marks and silent letters left out
MIN_THAI_EDIT = 9  # a name one letter away must be at least this long


def thai_reading_form(text: str) -> str:
    """Thai text without tone marks and silent letters: two spellings that read alike share it."""
    return _TONES.sub("", _SILENT.sub("", text))


def thai_script_names(ix: NameIndex) -> dict[str, list[tuple[int, int, str]]]:
    """The Thai-script names of the register by reading form: built once and kept on the index."""
    if ix.thai_script_names is None:
        table: dict[str, list[tuple[int, int, str]]] = {}
        for gi_pos, gi in enumerate(ix.gis):
            for pos, name in enumerate(gi.names):
                if has_thai(name.text) and name.text.strip():
                    form = thai_reading_form(name.text.replace(" ", ""))
                    if len(form) >= MIN_THAI_NAME:
                        table.setdefault(form, []).append((gi_pos, pos, name.text))
        ix.thai_script_names = table
    return ix.thai_script_names


def thai_script_variants(ix: NameIndex, a: LabelAnalysis) -> list[Candidate]:
    """Thai-script runs of the label that spell a Thai name without its tone marks or silent letters, or
    one letter off a long name; the name as written is the native lookup's."""
    if not a.thai_runs:
        return []
    names = thai_script_names(ix)
    if not names:
        return []
    from rapidfuzz.distance import Indel  # only for a label in Thai script

    out: list[Candidate] = []
    for run in a.thai_runs:
        form = thai_reading_form(run)
        for name_form, keys in names.items():
            if any(text.replace(" ", "") in run for _, _, text in keys):
                continue  # the name as written: found by the native lookup
            if name_form in form:
                edits, note = 0, "written with other tone marks or none, or without a silent letter"
            elif len(name_form) >= MIN_THAI_EDIT and _one_off(form, name_form, Indel.distance):
                edits, note = 1, "a letter left out or added"
            else:
                continue
            for gi_pos, _pos, text in keys:
                cand = Candidate(
                    gi_pos, "fuzzy", 0.95 - 0.05 * edits, text, run, f"'{text}' {note}", "medium"
                )
                out.append(cand)
    return out


def _one_off(form: str, name: str, distance) -> bool:  # type: ignore[no-untyped-def]
    """A window of the run one letter left out or added from the name (ปาจีน for ปราจีน); a letter swapped
    for another is another word too often (ดอยปาง, Doi Pang, beside ดอยช้าง)."""
    n = len(name)
    for size in (n - 1, n, n + 1):
        for start in range(0, max(len(form) - size, 0) + 1):
            if distance(form[start : start + size], name, score_cutoff=1) <= 1:
                return True
    return False


def reordered_names(ix: NameIndex, a: LabelAnalysis) -> list[Candidate]:
    """A multi-word name's words, every one of them, in another order ('Nobile di Montepulciano Vino'):
    three words or more anywhere in the label are the name itself, its words moved (a short form's
    severity: as the name's). Two words only as the whole label, beside product words and connectors, and
    medium at most: two words swapped are often a person's or a place's name (Viola Costa, Saint-Julien in
    'Julien Saint-Martin')."""
    out: list[Candidate] = []
    words = a.own_words
    n = len(words)
    essential = [w for w in words if w not in CONNECTORS and w not in ix.k.products]
    for i in range(n):
        for j in range(i + 2, min(n, i + MAX_SPAN_WORDS) + 1):
            if words[i] in CONNECTORS or words[j - 1] in CONNECTORS:
                continue
            bare = [w for w in words[i:j] if w not in CONNECTORS]
            if len(bare) < 2 or (len(bare) == 2 and sorted(bare) != sorted(essential)):
                continue
            for key in ix.reordered.get(" ".join(sorted(bare)), ()):
                if [w for w in latin_words(key.text) if w not in CONNECTORS] == bare:
                    continue  # in the name's own order: the Latin lookup's
                span = " ".join(words[i:j])
                cand = Candidate(key.gi, "partial", BASE_SCORE["exact"] * 0.97, key.text, span)
                cand.note, cand.short_form = "the name's words in another order", True
                if len(bare) == 2:
                    cand.max_severity = ("medium", "two words of the name swapped, which a court weighs")
                out.append(cand)
    return out
