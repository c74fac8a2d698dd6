"""How severe a candidate is where the user asked, why, and on what legal basis (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citations import cite
from compare.goods import GoodsVerdict, nice_classes_of
from compare.reputation import held_for, held_why, other_goods, reputed_part
from compare.rules import CONFIDENCE_RANK, WINE_SPIRIT_CLASSES, Candidate, class_key, same_class
from gi_lists.model import ACTIVE_STATUSES, GI, JURISDICTION_INCLUDES, Protection
from names.common_words import is_common_word
from names.knowledge import Knowledge
from names.normalise import compact, fold_latin
from wording import KIND_PHRASES, lang_of, protection_phrase, why_text


def relevant_protections(gi: GI, jurisdiction: str) -> list[Protection]:
    """The GI's protections that apply in `jurisdiction` and are in force or on the way."""
    places = JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,))
    return [p for p in gi.protections if p.jurisdiction in places and p.status in ACTIVE_STATUSES]


def weakest(*values: str) -> str:
    """The lowest of some confidence levels."""
    return max(values, key=lambda v: CONFIDENCE_RANK.get(v, 3))


# Which limb of a route's legal basis a kind of hit falls under (legal_bases.json "limbs"); other kinds
# (homophone, partial, fuzzy, generic-overlap) quote the route's own text.
LIMB_OF_KIND = {
    "exact": "use",
    "official-rendering": "use",
    "script-variant": "use",
    "translation": "translation",
    "transliteration": "translation",
    "imitation": "imitation",
    "evocation": "evocation",
}
# Kinds that use the name itself (in some writing): these reach other goods where the name is a
# well-known mark. Imitations, evocations, homophones and weaker matches do not.
WELL_KNOWN_KINDS = frozenset(
    {"exact", "official-rendering", "script-variant", "translation", "transliteration"}
)
# Where the law cited has an evocation limb: the EU regime (Reg. 2024/1143 Art. 26(1)(b)), which
# applies in France too. The China–EU agreement, PRC law and the Thai GI Act have none.
EVOCATION_JURISDICTIONS = frozenset({"EU", "FR"})


def _text(entry: dict[str, Any], suffix: str, prefix: str = "") -> str | None:
    return entry.get(prefix + "text" + suffix) or entry.get(prefix + "text")


def _basis_of(
    bases: dict[str, Any], p: Protection, kind: str | None, suffix: str
) -> tuple[str | None, str | None, str]:
    """(text, source, confidence) quoted for one protection and one kind of hit."""
    if p.route == "agreement" and p.agreement:
        entry = bases.get(f"agreement:{p.agreement}", {})
        if p.status != "protected":
            return (
                _text(entry, suffix, "pending_"),
                entry.get("pending_source"),
                entry.get("pending_confidence", "unconfirmed"),
            )
    else:
        route = "trademark" if p.route == "trademark" else "register"
        entry = bases.get(f"{route}:{p.jurisdiction}", {})
    limb = LIMB_OF_KIND.get(kind or "")
    limbs = entry.get("limbs", {})
    chosen = (limbs.get(f"{limb}@{p.jurisdiction}") or limbs.get(limb or "")) if limb else None
    chosen = chosen or entry
    return _text(chosen, suffix), chosen.get("source"), chosen.get("confidence", "unconfirmed")


def well_known_mark(
    gi: GI, protections: Sequence[Protection], knowledge: Knowledge, jurisdiction: str
) -> dict[str, str] | None:
    """The GI as a well-known mark where asked (well_known_marks.csv), when a mark protection is in
    force there: a registered collective/certification mark recognised as well-known."""
    for p in protections:
        if p.route == "trademark" and p.status == "protected":
            row = knowledge.well_known.get((gi.id, p.jurisdiction)) or knowledge.well_known.get(
                (gi.id, jurisdiction)
            )
            if row:
                return row
    return None


def cleared_use(gi: GI, knowledge: Knowledge, jurisdiction: str, folded: str) -> dict[str, str] | None:
    """A decision holding that the use a label makes of the GI's name does not infringe it where asked
    (cleared_uses.csv: the decision's term appears in the label, `folded` by compact(fold_latin());
    France includes the EU's)."""
    for place in JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,)):
        for row in knowledge.cleared.get((gi.id, place), ()):
            if compact(fold_latin(row["term"])) in folded:
                return row
    return None


def cleared_why(row: dict[str, str]) -> str:
    return f"held not to infringe the name: {row['case']} ({row['held_by']}, {row['date']})"


def legal_basis(
    gi: GI,
    protections: Sequence[Protection],
    knowledge: Knowledge,
    lang: str = "en",
    *,
    kind: str | None = None,
    well_known: dict[str, str] | None = None,
    other_goods: bool = False,
    reputation: Sequence[dict[str, str]] = (),
) -> tuple[str, str, str]:
    """(basis text, its sources, the weakest confidence among them) for the protections and the kind of
    hit: each route's limb for that kind where legal_bases.json gives one; the well-known-mark route
    where the GI is one; wines and spirits add TRIPS Art. 23 (which has no evocation limb). On goods of
    another class the basis says that those limbs reach identical or similar products only, and TRIPS
    Art. 23 (wines and spirits) is left out."""
    bases = knowledge.legal_bases
    suffix = "_zh" if lang == "zh" else ""
    parts: list[str] = []
    sources: list[str] = []
    levels: list[str] = []

    def add(text: str | None, source: str | None, level: str) -> None:
        if text and text not in parts:
            parts.append(text)
            levels.append(level)
            if source:
                sources.append(source)

    for p in protections:
        add(*_basis_of(bases, p, kind, suffix))
    if well_known:
        add(
            well_known.get("basis" + suffix) or well_known.get("basis"),
            well_known.get("source"),
            well_known.get("confidence") or "unconfirmed",
        )
    if other_goods:
        for row in reputation:
            add(
                row.get("basis" + suffix) or row.get("basis"),
                row.get("source"),
                row.get("confidence") or "unconfirmed",
            )
    if class_key(gi.product_class) in WINE_SPIRIT_CLASSES and kind != "evocation" and not other_goods:
        entry = bases.get("trips23", {})
        add(_text(entry, suffix), entry.get("source", ""), entry.get("confidence", "unconfirmed"))
    least = weakest(*levels) if levels else "unconfirmed"
    text = ("；" if lang == "zh" else "; ").join(parts) or ("不详" if lang == "zh" else "unknown")
    if other_goods and parts:
        text = OTHER_GOODS_BASIS[suffix] + text
    return text, "; ".join(cite(s) or "" for s in sources if s), least


# the basis of a hit on goods of another class than the GI's
OTHER_GOODS_BASIS = {
    "": "the label's goods are another class: the agreement and register limbs below reach identical or "
    "similar products only; a well-known-mark route, where quoted, reaches further — ",
    "_zh": "标签所标商品属于其他类别：以下协定及登记条款仅适用于相同或类似产品；"
    "如引述驰名商标途径，其保护范围更广——",
}


def reason_text(
    cand_label: str, kind: str, matched: str, note: str, p: Protection, why: str, lang: str
) -> str:
    """The one-sentence reason of a hit, in English or Chinese (rule notes stay in English)."""
    phrase = KIND_PHRASES[lang_of(lang)][kind]
    if lang_of(lang) == "zh":
        return f"“{cand_label}”{phrase}“{matched}”，{protection_phrase(p, 'zh')}；{why_text(why, 'zh')}。"
    extra = f" ({note})" if note else ""
    return f"'{cand_label}' {phrase} '{matched}'{extra}, {protection_phrase(p)}; {why}."


def evocation_limb(protections: Sequence[Protection]) -> bool:
    """Does a route in force here protect against evocation as such (the EU regime: the EU register,
    or a name at home in the EU or France)?"""
    return any(
        p.status == "protected"
        and p.route == "national-register"
        and p.jurisdiction in EVOCATION_JURISDICTIONS
        for p in protections
    )


def _no_evocation_limb(protections: Sequence[Protection]) -> str:
    """Why an evocation is at most medium where the routes cited have no evocation limb."""
    by_agreement = [p for p in protections if p.route == "agreement" and p.agreement == "china-eu"]
    if any(p.jurisdiction in EVOCATION_JURISDICTIONS for p in by_agreement):
        return (
            "evocation under EU law is not confirmed for a name protected in the EU only through the "
            "China–EU agreement, which has no evocation limb: a misleading-use assessment (Art. 4(1)(a))"
        )
    if by_agreement:
        return (
            "evocation is not a limb of the China–EU agreement (an EU-law ground): a misleading-use "
            "assessment (Art. 4(1)(a); Trademark Law Art. 16)"
        )
    return (
        "evocation is not a ground of the law protecting the name here (an EU-law ground): a misleading-use "
        "assessment"
    )


def severity_for(
    cand: Candidate,
    gi: GI,
    protections: Sequence[Protection],
    label_class: str | None,
    goods: GoodsVerdict | None = None,
    well_known: dict[str, str] | None = None,
    label_goods: Sequence[str] = (),
    knowledge: Knowledge | None = None,
    reputation: Sequence[dict[str, str]] = (),
) -> tuple[str, str]:
    """(severity, why) for one candidate; `goods` is what the label's goods words say by Nice class
    (compare.goods), consulted where the product words do not decide. `well_known`: the GI's row in
    well_known_marks.csv where it is a well-known mark in the jurisdiction asked about (see
    well_known_mark); `label_goods`: the product concepts the label names: a well-known mark is high on
    the other goods its recognition was held for (well_known_marks.csv goods_held); on others it is
    medium, saying that the mark may reach them. On goods of another class: low where the label's goods
    are not foodstuffs and the GI's are, unless a decision on record (`reputation`, reputations.csv)
    holds the name's reputation reaches other goods there. A rule that is a guess caps the result
    (Candidate.max_severity)."""
    severity, why = _severity_for(
        cand, gi, protections, label_class, goods, well_known, label_goods, knowledge, reputation
    )
    if cand.max_severity:
        cap, cap_why = cand.max_severity
        if SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(cap):
            return cap, cap_why
    return severity, why


SEVERITY_ORDER = ("high", "medium", "low")
DRINK_NICE = frozenset({32, 33})  # beers and soft drinks; wines and spirits
DRINK_NAME = 7  # letters of a drink's name a coined word one letter from it may evoke on other drinks
DRINKS_WHY = (
    "a drink's name nearly spelled on other drinks may evoke it where the law protects against evocation: "
    "the General Court held PriSecco, one letter from Prosecco, on non-alcoholic fruit-based cocktails an "
    "evocation (both beverages, alike in appearance and use; T-406/24, 24 Sep 2025)"
)


def coined_drink(
    cand: Candidate,
    knowledge: Knowledge | None,
    gi: GI,
    protections: Sequence[Protection],
    label_goods: Sequence[str],
) -> bool:
    """A coined word (one word, no common word: Corona is Spanish and Italian, no misspelt Cortona) one
    letter from a drink's name of DRINK_NAME letters or more (Nice classes 32, 33), on drinks of another
    class (soft drinks for a wine, a beer for a spirit), where a route protects against evocation."""
    if cand.kind != "fuzzy" or knowledge is None or not label_goods or not evocation_limb(protections):
        return False
    if not DRINK_NICE & set(nice_classes_of(knowledge, gi.product_class)):
        return False
    word, name = compact(fold_latin(cand.label_form)), compact(fold_latin(cand.matched_form))
    if " " in cand.label_form.strip() or len(name) < DRINK_NAME or is_common_word(word, knowledge.directory):
        return False  # Saint Géron is a place, Parot a spring: not a coined word a letter from a long name
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.distance(word, name) > 1:
        return False
    wanted = set(label_goods)
    return any(
        t.concept in wanted and (t.product_class or "").isdigit() and int(t.product_class or 0) in DRINK_NICE
        for terms in knowledge.goods_terms().values()
        for t in terms
    )


ADJECTIVE_OTHER_GOODS = "an adjectival form of the name on goods of another class"


def _adjective_elsewhere(
    reputation: Sequence[dict[str, str]],
    label_goods: Sequence[str],
    knowledge: Knowledge | None,
    in_force: bool,
) -> tuple[str, str]:
    """An adjective of the name on goods of another class: low, unless a decision here held the name's
    reputation to reach these very goods (LA CHAMPENOISE on soft drinks: TGI Paris, 6 Jan 2012, after the
    decisions on Champagne's reputation there)."""
    row = held_for(reputation, label_goods, knowledge) if in_force else None
    if row:
        return "medium", f"{ADJECTIVE_OTHER_GOODS}; {held_why(row)}"
    return "low", ADJECTIVE_OTHER_GOODS


def _severity_for(
    cand: Candidate,
    gi: GI,
    protections: Sequence[Protection],
    label_class: str | None,
    goods: GoodsVerdict | None,
    well_known: dict[str, str] | None,
    label_goods: Sequence[str],
    knowledge: Knowledge | None,
    reputation: Sequence[dict[str, str]],
) -> tuple[str, str]:
    if cand.kind == "generic-overlap":
        return "low", "a generic term alone"
    in_force = any(p.status == "protected" for p in protections)
    like = label_class is None or same_class(label_class, gi.product_class)
    if cand.kind == "fuzzy" or (cand.kind == "partial" and not cand.short_form):
        what = "similar spelling" if cand.kind == "fuzzy" else "a partial match"
        # a near spelling or a part of a name is evidence on like goods only (a Welsh corgi is not the
        # wine Cori), unless a decision held the name's reputation to reach the label's very goods
        elsewhere = (
            f"{what}{',' if cand.kind == 'fuzzy' else ''} on goods of another class ({label_class})"
            if not like
            else f"{what}; {goods.phrase(gi.product_class)}"
            if goods is not None and goods.kind == "other"
            else None
        )
        close = cand.kind == "partial" or cand.rule_confidence == "medium"  # one letter off (two if long)
        if elsewhere:
            row = held_for(reputation, label_goods, knowledge) if close and in_force else None
            if row:
                return "medium", f"{elsewhere}; {held_why(row)}"
            if close and coined_drink(cand, knowledge, gi, protections, label_goods):
                return "medium", f"{elsewhere}; {DRINKS_WHY}"
            return "low", elsewhere
        if cand.kind == "partial":
            return "medium", what
        return ("medium" if close and in_force else "low"), what
    if cand.reputed_part:
        return reputed_part(cand, gi, label_class, goods, like, knowledge, reputation, label_goods)
    if cand.colour:
        return "medium", "the name is used as a colour, not for like goods"
    if not in_force:
        if not like:
            return (
                "low",
                f"the name is pending, not yet protected there; the label's goods ({label_class}) are "
                "another class",
            )
        return "medium", "the name is pending, not yet protected there"
    if not like:
        if well_known and cand.kind in WELL_KNOWN_KINDS:
            marks, court, date = (well_known.get(c, "") for c in ("marks", "recognised_by", "date"))
            held = [g for g in well_known.get("goods_held", "").split(";") if g]
            if set(held) & set(label_goods):
                return (
                    "high",
                    f"well-known mark ({marks}: {court}, {date}): protected across classes, held for "
                    f"{', '.join(held)}, the label's goods",
                )
            return (
                "medium",
                f"a well-known mark here, not yet held for these goods ({marks}: {court}, {date}; held for "
                f"{', '.join(held)}): the label's goods ({label_class}) are another class than the GI's "
                f"({gi.product_class}); whether the mark reaches them is for a case-by-case assessment",
            )
        if cand.adjectival:  # Wiener sweets, Frankfurter sausages: a city's adjective on other goods
            return _adjective_elsewhere(reputation, label_goods, knowledge, in_force)
        other = other_goods(cand, gi, label_class, goods, knowledge, reputation, label_goods)
        if other:
            return other
        if goods is not None and goods.kind == "other":
            return "medium", goods.phrase(gi.product_class)
        return (
            "medium",
            f"the label's goods ({label_class}) are another class than the GI's ({gi.product_class})",
        )
    if cand.kind == "evocation" and not evocation_limb(protections):
        return "medium", _no_evocation_limb(protections)
    if label_class is None and goods is not None:
        if goods.kind == "other" and cand.adjectival:
            return _adjective_elsewhere(reputation, label_goods, knowledge, in_force)
        if goods.kind == "other":
            other = other_goods(cand, gi, label_class, goods, knowledge, reputation, label_goods)
            if other:
                return other
        return ("high" if goods.kind == "like" else "medium"), goods.phrase(gi.product_class)
    if label_class:
        return "high", "like goods"
    if label_goods:  # 'Parma ham': the label's product word is the one the name has or translates
        return "high", "like goods (the label's product word is the name's own)"
    return "high", "like goods assumed (the label names no goods)"
