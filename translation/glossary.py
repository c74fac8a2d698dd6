"""The glossary: answers that need no machine. A GI's own names in the asked language (the register,
reviewed renderings included), the GI names in other languages of the curated knowledge
(data/knowledge/name_translations.csv), and product terms and place names (product_terms.csv,
places.csv: ham / 火腿 / jambon, Munich / 慕尼黑)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from errors import RegisterError
from gi_lists.model import GI, Name
from names.knowledge import Knowledge, Term, bundled_knowledge, term_key
from storage.db import Database
from translation.model import Answer

_KIND_ORDER = (
    "official-rendering",
    "original",
    "translation",
    "traditional",
    "transcription",
    "abbreviation",
)


def in_lang(name: Name, lang: str) -> bool:
    """A name written in `lang` (Chinese: in characters, not pinyin)."""
    if lang == "zh":
        return name.lang == "zh" and name.script == "Hani"
    if lang == "th":
        return name.lang == "th" and name.script == "Thai"
    return name.lang == lang


def names_in(gi: GI, lang: str, besides: str = "") -> list[Name]:
    found = [n for n in gi.names if in_lang(n, lang) and n.text != besides]
    return sorted(found, key=lambda n: _KIND_ORDER.index(n.kind) if n.kind in _KIND_ORDER else 99)


def _alternatives(gi: GI, text: str) -> tuple[dict[str, str | None], ...]:
    return tuple({"text": n.text, "kind": n.kind, "lang": n.lang} for n in gi.names if n.text != text)


def gis_named(db: Database, text: str) -> list[GI]:
    """The GIs this text is a name of (up to case, accents, traditional characters), or none."""
    from gi_lists.services import find_gis

    try:
        return find_gis(db, text)
    except RegisterError:
        return []


@dataclass(frozen=True)
class Found:
    answer: Answer | None
    alternatives: tuple[dict[str, str | None], ...] = ()  # the other names of the GI the text names
    gi_id: str | None = None  # the one GI the text names, if it names exactly one


def lookup(db: Database, text: str, source: str, target: str, knowledge: Knowledge | None = None) -> Found:
    """The glossary's answer (or None), and when there is none, the other names of the GI the text names
    (the transcription an agreement uses, for one) and that GI."""
    k = knowledge or bundled_knowledge()
    gis = gis_named(db, text)
    for gi in gis:
        found = names_in(gi, target, besides=text)
        if found:
            n = found[0]
            detail = f"register: {gi.id}, name ({n.kind})" + (f"; source: {n.source}" if n.source else "")
            return Found(_answer(text, source, target, n.text, detail, gi.id))
        terms = [t for t in k.translations.get(gi.id, ()) if t.lang == target]
        if terms:
            best = _best(terms)
            detail = f"glossary: {gi.id} ({best.form}, {best.confidence}); source: {best.source}"
            return Found(_answer(text, source, target, best.term, detail, gi.id))
    term = _term(k, text, target)
    if term is not None:
        t, kind = term
        detail = f"glossary: {kind} '{t.concept}' ({t.confidence}); source: {t.source}"
        return Found(_answer(text, source, target, t.term, detail, None))
    if not gis:
        return Found(None)
    return Found(None, _alternatives(gis[0], text), gis[0].id if len(gis) == 1 else None)


def _answer(text: str, source: str, target: str, result: str, detail: str, gi_id: str | None) -> Answer:
    return Answer(text, target, source, result, "glossary", gi_id=gi_id, detail=detail)


_RANK = {"high": 0, "medium": 1, "low": 2, "unconfirmed": 3}


def _best(terms: Iterable[Term]) -> Term:
    return sorted(terms, key=lambda t: (t.form != "translation", _RANK.get(t.confidence, 4)))[0]


def _term(k: Knowledge, text: str, target: str) -> tuple[Term, str] | None:
    """A product term or place name that is the whole text, in the target language."""
    key = term_key(text)
    for table, kind in ((k.products, "product term"), (k.places, "place")):
        concepts = {t.concept for t in table.get(key, ())}
        if not concepts:
            continue
        same = [
            t
            for terms in table.values()
            for t in terms
            if t.concept in concepts and t.lang == target and (t.form in (None, "name"))
        ]
        if same:
            return sorted(same, key=lambda t: _RANK.get(t.confidence, 4))[0], kind
    return None
