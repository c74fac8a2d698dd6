"""Cross-script name-conflict screening, the face of the matcher (pure: GIs and knowledge in,
explained hits out).

    index = ConflictIndex(gis, knowledge)          # once per register version
    hits = Checker(index, "CN").check("香宾酒")     # every label

The index (compare.index) reduces every written form of every name to lookup keys; the matcher
(compare.matching, compare.classify) splits a label the same way and looks every span of it up, so a
check never scans every name; misspellings are scored with rapidfuzz only against keys of similar
length that start with the same letter. Each hit says which rule fired, which forms met, how severe it
is in the jurisdiction asked about (compare.severity), why, and on what legal basis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from compare import analysis, index_cache, matching, name_apart
from compare import goods as goods_words
from compare.coined import name_targets
from compare.guesses import word_ends
from compare.index import NameIndex
from compare.reputation import reputation_held
from compare.rules import (  # noqa: F401  (the screening vocabulary, re-exported for callers)
    CONFIDENCE_RANK,
    KINDS,
    SEVERITY_RANK,
    Candidate,
    LabelAnalysis,
    Scope,
    class_key,
    same_class,
)
from compare.severity import (
    cleared_use,
    cleared_why,
    legal_basis,
    reason_text,
    relevant_protections,
    severity_for,
    weakest,
    well_known_mark,
)
from compare.stated import StatedClasses
from compare.variants import thai_script_names
from compare.visual_match import swap_patterns, visual_anchors
from gi_lists.model import GI, Protection
from names.knowledge import Knowledge, term_key
from names.normalise import compact, fold_latin
from wording import lang_of

# the code this process runs, read once at import (compare.index_cache.code_fingerprint)
index_cache.code_fingerprint()


class ConflictIndex(NameIndex):
    """The name index with the matcher's entry points."""

    def __init__(self, gis: Sequence[GI], knowledge: Knowledge) -> None:
        super().__init__(gis, knowledge)
        # the tables some rules build on first use, built here so that the index file keeps them (a
        # single check then builds none: half a second of a command's start)
        name_apart.parts(self)
        word_ends(self)
        name_targets(self)
        visual_anchors(self)
        swap_patterns(self)
        thai_script_names(self)

    def analyse(self, label: str) -> LabelAnalysis:
        return analysis.analyse(self, label)

    def candidates(self, a: LabelAnalysis, scope: Scope = None) -> list[Candidate]:
        return matching.candidates(self, a, scope)

    def label_class(self, a: LabelAnalysis, cand: Candidate) -> str | None:
        return analysis.label_class(self, a, cand)


@dataclass
class Hit:
    gi: GI
    matched_form: str
    label_form: str
    kind: str
    score: float
    severity: str
    reason: str
    legal_basis: str
    protections: tuple[Protection, ...]
    confidence: str
    legal_source: str | None = None
    legal_confidence: str = "unconfirmed"

    def to_dict(self) -> dict[str, object]:
        return {
            "gi_id": self.gi.id,
            "name": self.gi.display_name,
            "names": [n.text for n in self.gi.names],
            "matched_form": self.matched_form,
            "label_form": self.label_form,
            "kind": self.kind,
            "score": round(self.score, 3),
            "severity": self.severity,
            "reason": self.reason,
            "legal_basis": self.legal_basis,
            "legal_source": self.legal_source,
            "legal_confidence": self.legal_confidence,
            "confidence": self.confidence,
            "protections": [p.to_dict() for p in self.protections],
        }


@dataclass
class _Found:
    """The best candidate of one GI for a label, before its explanation is written."""

    cand: Candidate
    gi: GI
    protections: list[Protection]
    severity: str
    why: str
    label_class: str | None
    well_known: dict[str, str] | None
    reputation: list[dict[str, str]]


class Checker:
    """Screens labels against the GIs relevant in one jurisdiction."""

    def __init__(self, index: ConflictIndex, jurisdiction: str) -> None:
        self.index = index
        self.jurisdiction = jurisdiction
        self._relevant: dict[int, list[Protection]] = {}
        self._well_known: dict[int, dict[str, str] | None] = {}
        self._reputation: dict[int, list[dict[str, str]]] = {}
        self._stated = StatedClasses(index)
        self._stated_nice: dict[str, tuple[tuple[int, ...], goods_words.GoodsWord | None]] = {}

    def _protections(self, gi_pos: int) -> list[Protection]:
        if gi_pos not in self._relevant:
            self._relevant[gi_pos] = relevant_protections(self.index.gis[gi_pos], self.jurisdiction)
        return self._relevant[gi_pos]

    def _well_known_mark(self, gi_pos: int) -> dict[str, str] | None:
        """The GI as a well-known mark in this jurisdiction, or None."""
        if gi_pos not in self._well_known:
            self._well_known[gi_pos] = well_known_mark(
                self.index.gis[gi_pos], self._protections(gi_pos), self.index.k, self.jurisdiction
            )
        return self._well_known[gi_pos]

    def _registered_like(self, classes: tuple[int, ...], goods: str | None) -> Callable[[str | None], bool]:
        """Are a trademark's Nice classes like a GI product class? (Unknown GI classes: like assumed.)"""
        known: dict[str | None, bool] = {}

        def like(gi_class: str | None) -> bool:
            if gi_class not in known:
                verdict = goods_words.registered_goods(self.index.k, classes, goods, gi_class)[1]
                known[gi_class] = verdict is None or verdict.kind == "like"
            return known[gi_class]

        return like

    def stated_class(self, product_class: str | None) -> str | None:
        """The user's product class as one the register uses, or as written (compare.stated)."""
        return self._stated.first(product_class)

    def stated_classes(self, product_class: str | None) -> list[str]:
        """Every class the stated goods name, the first one first (a list of goods: each of its own)."""
        return self._stated.every(product_class)

    def check(
        self,
        label: str,
        product_class: str | None = None,
        *,
        lang: str = "en",
        limit: int = 10,
        nice_classes: Sequence[int] = (),
        goods: str | None = None,
    ) -> list[Hit]:
        """Hits for one label. A trademark gives its Nice classes (and goods) instead of a product class:
        the classes decide like goods for each GI (compare.goods.registered_goods)."""
        a = self.index.analyse(label)
        stated_all = self.stated_classes(product_class)  # the stated class first, then those a list names
        stated = stated_all[0] if stated_all else None
        a.stated_class = stated
        a.stated_also = stated_all[1:]
        # stated goods that only name a trade in goods ('online shop'): the word that says so
        selling: goods_words.GoodsWord | None = None
        if nice_classes:  # the matcher's "goods of the name's class" (places, short forms, evocations)
            a.stated_like = self._registered_like(tuple(nice_classes), goods)
        elif product_class and stated and class_key(stated) not in self.index.class_keys:
            # stated goods the register has no class for ('frozen pizza', 'cocktail'): their goods words' Nice
            # classes say whether they are goods of a name's class
            if product_class not in self._stated_nice:  # read once per text, not once per label
                self._stated_nice[product_class] = goods_words.stated_nice_classes(
                    self.index.k, product_class
                )
            classes, selling = self._stated_nice[product_class]
            if classes:
                a.stated_like = self._registered_like(classes, product_class)
        # the goods the label names, and those the user's product class or a mark's goods spell out
        # ('Non-food goods (perfume)'): a well-known mark is high on the goods its recognition was held for
        named_goods = a.main_products + goods_words.stated_goods(self.index.k, f"({product_class or ''})")
        if goods:
            named_goods += goods_words.stated_goods(self.index.k, f"({goods})")
        related = [r for c in dict.fromkeys(named_goods) for r in self.index.k.related.get(c, ())]
        a.related_classes = [r["gi_class"] for r in related]
        folded = compact(fold_latin(label)) if self.index.k.cleared else ""  # for cleared_uses.csv
        best: dict[int, tuple[tuple[int, float], _Found]] = {}
        scope = (self.jurisdiction, lambda pos: bool(self._protections(pos)))
        for cand in sorted(self.index.candidates(a, scope), key=lambda c: -c.score):
            if cand.gi in best and best[cand.gi][0] <= (0, -cand.score):
                continue  # this GI already has a hit this candidate cannot beat
            protections = self._protections(cand.gi)
            if not protections:
                continue
            gi = self.index.gis[cand.gi]
            matter = _goods_matter(cand)
            # of the classes a list of goods names, the one of the GI's goods (else the first)
            named = next((c for c in a.stated_also if same_class(c, gi.product_class)), stated)
            label_class = named or (self.index.label_class(a, cand) if matter else None)
            verdict = None
            if nice_classes and matter:  # a trademark: its Nice classes decide
                label_class, verdict = goods_words.registered_goods(
                    self.index.k, nice_classes, goods, gi.product_class
                )
            elif selling and matter:  # a shop of the name's goods, as 'Cava shop' is
                label_class = None
                verdict = goods_words.selling_verdict(self.index.k, selling, gi.product_class)
            elif not product_class and matter:  # else the label's own goods words
                found = goods_words.label_goods(self.index.k, a, cand)
                if label_class and class_key(label_class) in found.swallowed:
                    label_class = None  # 'wine' in 'wine glass', 酒 in 酒店: not the label's goods
                verdict = goods_words.verdict(self.index.k, found, gi.product_class)
            well_known = self._well_known_mark(cand.gi)
            if cand.gi not in self._reputation:
                self._reputation[cand.gi] = reputation_held(gi, self.index.k, self.jurisdiction)
            reputation = self._reputation[cand.gi]
            severity, why = severity_for(
                cand, gi, protections, label_class, verdict, well_known, named_goods, self.index.k, reputation
            )
            if cand.reputed_part == "common" and severity == "low":
                continue  # a part words of the languages share, on goods no decision here reached
            # the decision that held the label's goods similar to the GI's, cited where the name is used
            # whole (not for a near spelling: RIOJAVINA holds all of Rioja)
            held_similar = next((r for r in related if same_class(r["gi_class"], gi.product_class)), None)
            whole = cand.kind != "fuzzy" and not cand.max_severity or "glued" in cand.note
            if held_similar and whole and not (label_class and same_class(label_class, gi.product_class)):
                cand = replace(
                    cand, note=cand.note.replace("on like goods", "on goods held similar to the name's")
                )
                case, court, date = held_similar["case"], held_similar["held_by"], held_similar["date"]
                why = f"{why}; goods held similar to the GI's: {case} ({court}, {date})"
            cleared = cleared_use(gi, self.index.k, self.jurisdiction, folded) if folded else None
            if cleared and severity != "low":  # a court held this very use does not infringe
                severity, why = "low", cleared_why(cleared)
            rank = (SEVERITY_RANK[severity], -cand.score)
            if cand.gi in best and best[cand.gi][0] <= rank:
                continue
            chosen_hit = _Found(cand, gi, protections, severity, why, label_class, well_known, reputation)
            best[cand.gi] = (rank, chosen_hit)
        # the explanation (reason, legal basis) only for the hits returned
        # of hits as severe, those on the label's class of goods first (Nocciola del Piemonte before the
        # Piemonte wine for 'Piedmont hazelnuts')
        chosen = sorted(best.values(), key=lambda x: (x[0][0], _other_class(x[1]), x[0][1], x[1].gi.id))[
            :limit
        ]
        return [self._hit(f, lang, a.read_as) for _, f in chosen]

    def _hit(self, f: _Found, lang: str, read_as: str | None = None) -> Hit:
        cand, gi, protections = f.cand, f.gi, f.protections
        # the well-known-mark route is quoted where it reaches past like goods
        other_goods = f.label_class is not None and not same_class(f.label_class, gi.product_class)
        basis, basis_source, basis_confidence = legal_basis(
            gi,
            protections,
            self.index.k,
            lang,
            kind=cand.kind,
            well_known=f.well_known if other_goods else None,
            other_goods=other_goods,
            reputation=f.reputation,
        )
        strongest = sorted(
            protections, key=lambda p: (p.status != "protected", CONFIDENCE_RANK.get(p.confidence, 3))
        )
        reason = reason_text(
            cand.label_form, cand.kind, cand.matched_form, cand.note, strongest[0], f.why, lang
        )
        if read_as:  # say how a domain name was read: its words are what was screened
            reason = (
                f"域名或网址读作“{read_as}”：{reason}"
                if lang_of(lang) == "zh"
                else f"Domain name or web address read as '{read_as}': {reason}"
            )
        return Hit(
            gi=gi,
            matched_form=cand.matched_form,
            label_form=cand.label_form,
            kind=cand.kind,
            score=min(1.0, cand.score),
            severity=f.severity,
            reason=reason,
            legal_basis=basis,
            legal_source=basis_source or None,
            legal_confidence=basis_confidence,
            protections=tuple(protections),
            confidence=weakest(strongest[0].confidence, cand.rule_confidence),
        )


def _other_class(f: _Found) -> bool:
    """The label's goods are known and another class than the hit's GI."""
    return f.label_class is not None and not same_class(f.label_class, f.gi.product_class)


def _goods_matter(cand: Candidate) -> bool:
    """Can the label's goods change this candidate's severity? (Not for a generic term or a colour: their
    severity does not depend on the goods.)"""
    return not (cand.kind == "generic-overlap" or cand.colour)


def worst_severity(hits: Sequence[Hit]) -> str | None:
    return min((h.severity for h in hits), key=lambda s: SEVERITY_RANK[s], default=None)


def term_is_generic(knowledge: Knowledge, text: str) -> bool:
    return term_key(text) in knowledge.generics
