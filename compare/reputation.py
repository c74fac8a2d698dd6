"""Decisions on a GI's reputation and what they do to a hit's severity on other goods (pure): the name's
reputation held to reach other goods where a check asks (reputations.csv; France includes the EU's), and
the severity of a hit on goods of another class, or of a coined word taking part of a reputed name.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.goods import FOOD_NICE, NON_FOOD_CLASS, GoodsVerdict, nice_classes_of, stated_goods
from compare.rules import Candidate, class_key
from gi_lists.model import GI, JURISDICTION_INCLUDES
from names.knowledge import Knowledge


def reputation_held(gi: GI, knowledge: Knowledge, jurisdiction: str) -> list[dict[str, str]]:
    """Decisions holding that the GI's reputation reaches goods of other classes where asked
    (reputations.csv; France includes the EU's)."""
    out: list[dict[str, str]] = []
    for place in JURISDICTION_INCLUDES.get(jurisdiction, (jurisdiction,)):
        out.extend(knowledge.reputations.get((gi.id, place), ()))
    return out


NO_REPUTATION_WHY = (
    "the label's goods ({goods}) are not foodstuffs, the GI's ({gi_class}) are: the routes cited reach "
    "like goods; other goods only where the use exploits the name's reputation or the name is a well-known "
    "mark there, and no such decision is on record — a homonym (a breed, a city, a colour) is likely"
)


def unlike_kind(
    knowledge: Knowledge, gi: GI, label_class: str | None, goods: GoodsVerdict | None
) -> str | None:
    """The label's goods where they are not foodstuffs and the GI's are (a breed, a shirt, a knife for a
    cheese or a wine), else None."""
    gi_classes = nice_classes_of(knowledge, gi.product_class)
    if not gi_classes or not set(gi_classes) <= FOOD_NICE:
        return None
    if goods is not None and goods.kind == "other" and goods.word.nice_class not in FOOD_NICE:
        return f"{goods.word.text}, Nice class {goods.word.nice_class}"
    if label_class and class_key(label_class) == class_key(NON_FOOD_CLASS):
        return label_class
    return None


GENERAL_GOODS = frozenset({"services", "goods", "products", "product"})  # no goods in particular


def held_for(
    reputation: Sequence[dict[str, str]], label_goods: Sequence[str], knowledge: Knowledge | None = None
) -> dict[str, str] | None:
    """The decision on record that held the name's reputation to reach the label's goods, if any: its
    goods as written, or the goods concepts they name ('restaurant services' -> restaurant)."""
    goods = set(label_goods) - GENERAL_GOODS
    for r in reputation:
        held = {g for g in r.get("goods_held", "").split(";") if g}
        if knowledge is not None:
            held |= {c for g in held for c in stated_goods(knowledge, f"({g})")}
        if (held - GENERAL_GOODS) & goods:
            return r
    return None


def held_why(row: dict[str, str], label_goods: bool = True) -> str:
    """The decision cited; `label_goods` False where it was held for goods other than the label's (it
    then says which, and leaves the label's goods to a case-by-case assessment)."""
    when = f", {row['date']}" if row.get("date") else ""
    case = row["case"].split(" [")[0]  # without the research note on what was not found
    if label_goods:
        return f"the name's reputation was held to reach other goods ({case}: {row['held_by']}{when})"
    held = ", ".join(g for g in row.get("goods_held", "").split(";") if g) or "other goods"
    return (
        f"the name's reputation was held to reach goods of other classes ({held}: {case}: {row['held_by']}"
        f"{when}); whether it reaches these goods is for a case-by-case assessment"
    )


REPUTED_PART_UNHELD = (
    "a part of a reputed name on goods no decision on record here held its reputation to reach"
)


def reputed_part(
    cand: Candidate,
    gi: GI,
    label_class: str | None,
    goods: GoodsVerdict | None,
    like: bool,
    knowledge: Knowledge | None,
    reputation: Sequence[dict[str, str]],
    label_goods: Sequence[str],
) -> tuple[str, str]:
    """A coined word taking a part of a reputed name: medium on the goods a decision on record here held
    the name's reputation to reach; a distinctive part also on like goods, and on other goods where such
    a decision is on record here at all (as the name itself would be); low otherwise (a part that words
    of the languages share: dropped by the caller)."""
    row = held_for(reputation, label_goods, knowledge)
    if row:
        return "medium", f"a part of the name on goods its reputation was held to reach; {held_why(row)}"
    elsewhere = not like or (goods is not None and goods.kind == "other")
    if cand.reputed_part == "distinctive" and not elsewhere:
        return "medium", "a distinctive part of the name on like goods"
    if cand.reputed_part == "distinctive" and reputation:  # as the name itself on other goods there
        latest = sorted(reputation, key=lambda r: r.get("date", ""), reverse=True)[0]
        why = held_why(latest, label_goods=False)
        return "medium", f"a distinctive part of the name on goods of another class; {why}"
    return "low", REPUTED_PART_UNHELD


def other_goods(
    cand: Candidate,
    gi: GI,
    label_class: str | None,
    goods: GoodsVerdict | None,
    knowledge: Knowledge | None,
    reputation: Sequence[dict[str, str]],
    label_goods: Sequence[str],
) -> tuple[str, str] | None:
    """Severity on goods of another class where a decision on the name's reputation decides it: medium
    citing the decision (the one held for the label's goods, else the latest, saying what it was held
    for); low where the goods are not foodstuffs, the GI's are, and no decision is on record; None where
    neither applies. (Not high even on the goods a decision was held for: a name that is also a word,
    'The Port of Leith Distillery', is no use of it, C-56/16 P Port Charlotte; a court weighs that.)"""
    what = (
        goods.phrase(gi.product_class)
        if goods is not None and goods.kind == "other"
        else f"the label's goods ({label_class}) are another class than the GI's ({gi.product_class})"
    )
    if reputation:
        held = held_for(reputation, label_goods, knowledge)
        row = held or sorted(reputation, key=lambda r: r.get("date", ""), reverse=True)[0]
        return "medium", f"{what}; {held_why(row, label_goods=held is not None)}"
    unlike = unlike_kind(knowledge, gi, label_class, goods) if knowledge else None
    if unlike:
        return "low", NO_REPUTATION_WHY.format(goods=unlike, gi_class=gi.product_class)
    return None
