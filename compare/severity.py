"""How severe a candidate is where the user asked, why, and on what legal basis (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from citations import cite
from compare.goods import GoodsVerdict
from compare.rules import CONFIDENCE_RANK, WINE_SPIRIT_CLASSES, Candidate, class_key, same_class
from gi_lists.model import ACTIVE_STATUSES, GI, JURISDICTION_INCLUDES, Protection
from names.knowledge import Knowledge
from wording import KIND_PHRASES, lang_of, protection_phrase, why_text


def relevant_protections(gi: GI, jurisdiction: str) -> list[Protection]:
    """The GI's protections that apply in `jurisdiction` and are in force or on the way."""
    places = JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,))
    return [p for p in gi.protections if p.jurisdiction in places and p.status in ACTIVE_STATUSES]


def weakest(*values: str) -> str:
    """The lowest of some confidence levels."""
    return max(values, key=lambda v: CONFIDENCE_RANK.get(v, 3))


def legal_basis(
    gi: GI, protections: Sequence[Protection], knowledge: Knowledge, lang: str = "en"
) -> tuple[str, str, str]:
    """(basis text, its sources, the weakest confidence among them) for the protections; wines and
    spirits add TRIPS Art. 23."""
    bases = knowledge.legal_bases
    suffix = "_zh" if lang == "zh" else ""
    parts: list[str] = []
    sources: list[str] = []
    levels: list[str] = []
    for p in protections:
        if p.route == "agreement" and p.agreement:
            entry = bases.get(f"agreement:{p.agreement}", {})
            if p.status == "protected":
                text, source = entry.get("text" + suffix) or entry.get("text"), entry.get("source")
                level = entry.get("confidence", "unconfirmed")
            else:
                text = entry.get("pending_text" + suffix) or entry.get("pending_text")
                source = entry.get("pending_source")
                level = entry.get("pending_confidence", "unconfirmed")
        else:
            route = "trademark" if p.route == "trademark" else "register"
            entry = bases.get(f"{route}:{p.jurisdiction}", {})
            text, source = entry.get("text" + suffix) or entry.get("text"), entry.get("source")
            level = entry.get("confidence", "unconfirmed")
        if text and text not in parts:
            parts.append(text)
            levels.append(level)
            if source:
                sources.append(source)
    if class_key(gi.product_class) in WINE_SPIRIT_CLASSES:
        entry = bases.get("trips23", {})
        text = entry.get("text" + suffix) or entry.get("text")
        if text:
            parts.append(text)
            levels.append(entry.get("confidence", "unconfirmed"))
            sources.append(entry.get("source", ""))
    least = weakest(*levels) if levels else "unconfirmed"
    return "; ".join(parts) or "unknown", "; ".join(cite(s) or "" for s in sources if s), least


def reason_text(
    cand_label: str, kind: str, matched: str, note: str, p: Protection, why: str, lang: str
) -> str:
    """The one-sentence reason of a hit, in English or Chinese (rule notes stay in English)."""
    phrase = KIND_PHRASES[lang_of(lang)][kind]
    if lang_of(lang) == "zh":
        return f"“{cand_label}”{phrase}“{matched}”，{protection_phrase(p, 'zh')}；{why_text(why, 'zh')}。"
    extra = f" ({note})" if note else ""
    return f"'{cand_label}' {phrase} '{matched}'{extra}, {protection_phrase(p)}; {why}."


def severity_for(
    cand: Candidate,
    gi: GI,
    protections: Sequence[Protection],
    label_class: str | None,
    goods: GoodsVerdict | None = None,
) -> tuple[str, str]:
    """(severity, why) for one candidate; `goods` is what the label's goods words say by Nice class
    (compare.goods), consulted where the product words do not decide. A rule that is a guess caps it
    (Candidate.max_severity)."""
    severity, why = _severity_for(cand, gi, protections, label_class, goods)
    if cand.max_severity:
        cap, cap_why = cand.max_severity
        if SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(cap):
            return cap, cap_why
    return severity, why


SEVERITY_ORDER = ("high", "medium", "low")


def _severity_for(
    cand: Candidate,
    gi: GI,
    protections: Sequence[Protection],
    label_class: str | None,
    goods: GoodsVerdict | None,
) -> tuple[str, str]:
    in_force = any(p.status == "protected" for p in protections)
    like = label_class is None or same_class(label_class, gi.product_class)
    if cand.kind == "generic-overlap":
        return "low", "a generic term alone"
    if cand.kind == "fuzzy":
        close = cand.rule_confidence == "medium"  # one letter off (two in long names)
        return ("medium" if close and in_force else "low"), "similar spelling"
    if cand.kind == "partial" and not cand.short_form:
        return "medium", "a partial match"
    if cand.colour:
        return "medium", "the name is used as a colour, not for like goods"
    if not in_force:
        return "medium", "the name is pending, not yet protected there"
    if not like:
        if goods is not None and goods.kind == "other":
            return "medium", goods.phrase(gi.product_class)
        return (
            "medium",
            f"the label's goods ({label_class}) are another class than the GI's ({gi.product_class})",
        )
    if label_class is None and goods is not None:
        return ("high" if goods.kind == "like" else "medium"), goods.phrase(gi.product_class)
    return "high", "like goods" if label_class else "like goods assumed (the label names no goods)"
