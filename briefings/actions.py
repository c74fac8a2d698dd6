"""The parts of a dispute brief that turn on the law of the market: which regime protects the name
there and what that regime covers, the action plan (authorities, standing, evidence, customs,
administrative, civil and criminal routes, trademark windows) and the next steps. Tailored to the
GI's status there, its origin and its goods, from the profile's fields and the profile notes
(pure: model objects in, briefing blocks out)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from agreements.model import Fact, Profile
from agreements.notes import home_origins, load_profile_notes
from briefings.parts import fact_para, sourced
from briefings.text import T
from gi_lists.model import GI, IN_FORCE_STATUSES, Protection
from reports.briefing import Bullets, Facts, Para
from wording import product_class_word, status_word

PLAN_FIELDS = (
    "act_authorities",
    "act_standing",  # act_standing_home or act_standing_foreign, by the GI's origin
    "act_evidence",
    "act_customs",
    "act_admin",
    "act_civil",
    "act_criminal",
    "act_trademarks",
)
# what a brief shows by the name's standing there: the enforcement routes only once it is protected
PLAN_BY_STATE = {
    "protected": PLAN_FIELDS,
    "pending": ("act_authorities", "act_standing", "act_evidence", "act_trademarks"),
    "none": ("act_authorities", "act_standing", "act_trademarks"),
}
OBTAIN_FIELDS = ("foreign_route", "opposition", "time_to_protection", "fees")
REGIME_FIELDS = {"national-register": "regime_register", "trademark": "regime_trademark"}
PENDING_STATUSES = frozenset({"pending", "in-objection"})


def standing(gi: GI, jurisdiction: str) -> str:
    """The standing field for this GI: a home GI's producer bodies are not a foreign group's route."""
    homes = home_origins().get(jurisdiction, frozenset({jurisdiction}))
    return "act_standing_home" if set(gi.origin_countries) & homes else "act_standing_foreign"


def standing_of(protections: Sequence[Protection]) -> str:
    """protected, pending (a procedure is open) or none (nothing in force or under way)."""
    if any(p.status in IN_FORCE_STATUSES for p in protections):
        return "protected"
    if any(p.status in PENDING_STATUSES for p in protections):
        return "pending"
    return "none"


def regime_blocks(
    gi: GI,
    protections: Sequence[Protection],
    profile: Profile,
    scopes: Mapping[str, Facts],
    titles: Mapping[str, str],
    where: str,
    lang: str,
) -> tuple[list[Para | Facts], list[Fact]]:
    """Which law protects the name there, and only the scope that law gives; the facts shown."""
    s = T[lang]
    blocks: list[Para | Facts] = [Para(s["which_law"], style="lead")]
    shown: list[Fact] = []
    live = [p for p in protections if p.status in IN_FORCE_STATUSES | PENDING_STATUSES]
    state = standing_of(protections)
    if state == "none":
        blocks.append(Para(s["regime_none"].format(where=where)))
    elif state == "pending":
        blocks.append(Para(s["regime_pending"].format(where=where)))
    seen: set[str] = set()
    for p in live:
        key = p.agreement if p.route == "agreement" and p.agreement else p.route
        if key in seen:
            continue
        seen.add(key)
        status = status_word(p.status, lang)
        if p.route == "agreement" and p.agreement:
            annexes = sorted({q.annex for q in live if q.agreement == p.agreement and q.annex})
            title = titles.get(p.agreement, p.agreement)
            blocks.append(
                Para(s["regime_agreement"].format(agreement=title, annexes=", ".join(annexes), status=status))
            )
            if p.agreement in scopes:
                blocks.append(scopes[p.agreement])
            continue
        blocks.append(Para(s[f"regime_{p.route.replace('-', '_')}"].format(where=where, status=status)))
        field = profile.field(REGIME_FIELDS.get(p.route, ""))
        if field is None:
            blocks.append(Para(s["regime_scope_unknown"], sourced("no source found", "unconfirmed")))
        else:
            blocks.append(fact_para(field.fact, lang))
            shown.append(field.fact)
    routes = {p.route for p in live}
    if "agreement" in routes and "national-register" not in routes and profile.field("regime_register"):
        blocks.append(Para(s["regime_not_register"].format(where=where)))
    return blocks, shown


def note_blocks(gi: GI, jurisdiction: str, lang: str) -> tuple[list[Para], list[Fact]]:
    """Facts of the profile notes that concern this GI or its goods there."""
    names = tuple(n.text for n in gi.names)
    notes = [
        n
        for n in load_profile_notes()
        if n.jurisdiction == jurisdiction and n.concerns(gi.id, names, gi.product_class)
    ]
    if not notes:
        return [], []
    paras = [Para(T[lang]["gi_notes"], style="lead")]
    paras += [
        Para(
            n.text(lang, product_class_word(gi.product_class, lang)),
            sourced(n.fact.source, n.fact.confidence),
        )
        for n in notes
    ]
    return paras, [n.fact for n in notes]


def plan_blocks(
    gi: GI, protections: Sequence[Protection], profile: Profile, where: str, lang: str
) -> tuple[list[Para | Facts], list[Fact]]:
    """The action plan from the profile's fields; the routes to protection only where the name is not
    yet protected there (no other GI's timelines in a protected name's brief)."""
    s = T[lang]
    state = standing_of(protections)
    shown: list[Fact] = []
    items = []
    for key in PLAN_BY_STATE[state]:
        f = profile.field(standing(gi, profile.jurisdiction) if key == "act_standing" else key)
        if f is not None:
            items.append((f.label(lang), fact_para(f.fact, lang)))
            shown.append(f.fact)
    blocks: list[Para | Facts] = [Facts(tuple(items))]
    if state != "protected":
        blocks.append(Para(s["routes_later"].format(where=where), style="small"))
    if state == "none":  # a pending name's procedure is under way: its deadlines, not a new filing
        obtain = []
        for key in OBTAIN_FIELDS:
            f = profile.field(key)
            if f is not None:
                obtain.append((f.label(lang), fact_para(f.fact, lang)))
                shown.append(f.fact)
        blocks += [Para(s["to_obtain"].format(where=where), style="lead"), Facts(tuple(obtain))]
    return blocks, shown


def cases_caption(protections: Sequence[Protection], where: str, lang: str) -> Para | None:
    """Cases decided under the market's own GI law illustrate, but do not govern, a name that only an
    agreement protects there."""
    live = {p.route for p in protections if p.status in IN_FORCE_STATUSES | PENDING_STATUSES}
    if "agreement" in live and "national-register" not in live:
        return Para(T[lang]["cases_not_governing"].format(where=where), style="small")
    return None


def next_steps(
    gi: GI, protections: Sequence[Protection], profile: Profile, has_conflicts: bool, lang: str
) -> Bullets:
    s = T[lang]

    def label(key: str) -> str:
        f = profile.field(key)
        return f.label(lang) if f else key

    state = standing_of(protections)
    items: list[str] = []
    if has_conflicts:
        items.append(s["step_evidence"].format(label=label("act_evidence")))
        items.append(s["step_earlier_mark"])
    if state == "protected":
        items.append(s["step_customs"].format(label=label("act_customs")))
        items.append(s["step_trademarks"].format(label=label("act_trademarks")))
        items.append(s["step_route"])
    elif state == "pending":
        items.append(s["step_pending"])
    else:
        items.append(s["step_none"].format(label=label("foreign_route")))
    items.append(s["step_verify"])
    return Bullets(tuple(Para(i) for i in items), checklist=True)
