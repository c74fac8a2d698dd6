"""The screening rules' vocabulary (pure): match kinds, scores, word lists, and the small records the
index and the matcher pass between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gi_lists.model import class_key, same_class  # noqa: F401  (the screening rules use them)

# the class of goods and service words outside every GI product class (hotel, café the place)
NON_FOOD_KEY = class_key("Non-food goods")

KINDS = (
    "exact",
    "official-rendering",
    "translation",
    "transliteration",
    "script-variant",
    "homophone",
    "imitation",
    "evocation",
    "partial",
    "fuzzy",
    "generic-overlap",
)
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2, "unconfirmed": 3}
STRONG_KINDS = frozenset(
    {
        "exact",
        "official-rendering",
        "translation",
        "transliteration",
        "script-variant",
        "homophone",
        "imitation",
        "evocation",
    }
)
BASE_SCORE = {
    "exact": 1.0,
    "official-rendering": 1.0,
    "script-variant": 0.97,
    "transliteration": 0.93,
    "translation": 0.9,
    "imitation": 0.9,
    "evocation": 0.9,
    "homophone": 0.86,
    "partial": 0.62,
    "generic-overlap": 0.3,
}
# Connecting words inside compound names ("Prosciutto di Parma", "Pruneaux d'Agen", "vin de Bordeaux").
CONNECTORS = frozenset(
    [
        "di",
        "de",
        "del",
        "della",
        "delle",
        "dello",
        "degli",
        "dei",
        "du",
        "des",
        "d",
        "l",
        "dell",
        "dall",
        "nell",
        "sull",
        "da",
        "do",
        "dos",
        "das",
        "von",
        "vom",
        "aus",
        "of",
        "the",
        "la",
        "le",
        "les",
        "el",
        "los",
        "y",
        "e",
        "et",
        "und",
        "and",
    ]
)
ADJECTIVE_SUFFIXES = ("i", "er", "ese", "s", "es", "an", "ian")
MAX_SPAN_WORDS = 7
EVOCATION_MIN_NAME = 7  # letters of a one-word name whose ending or beginning a coined word may evoke
FUZZY_CUTOFF = 80.0
FUZZY_VIAS = frozenset({"own", "pinyin", "romanisation", "umlaut", "translated"})
WINE_SPIRIT_CLASSES = ("wine", "spirit", "rice wine")
UMLAUT_SPELLING = {
    ord("ä"): "ae",
    ord("ö"): "oe",
    ord("ü"): "ue",
    ord("Ä"): "Ae",
    ord("Ö"): "Oe",
    ord("Ü"): "Ue",
}
OTHER_PRODUCT_WHY = "the name's place on another product than the name's"
# colour words: inside a name they describe the product (Ail blanc de Lomagne), they do not distinguish it
COLOUR_ADJECTIVES = frozenset(
    [
        "blanc",
        "blanche",
        "blancs",
        "blanches",
        "rouge",
        "rouges",
        "noir",
        "noire",
        "gris",
        "bianco",
        "bianca",
        "bianchi",
        "rosso",
        "rossa",
        "rossi",
        "nero",
        "nera",
        "blanco",
        "blanca",
        "blancos",
        "tinto",
        "tinta",
        "negro",
        "negra",
        "branco",
        "branca",
        "vermelho",
        "preto",
        "weiss",
        "weisse",
        "rot",
        "rote",
        "schwarz",
        "white",
        "red",
        "black",
        "green",
        "verde",
        "vert",
        "gruen",
        "grun",
    ]
)
# quality, age and praise words: inside a name they are not its distinctive part ("Original" in Original
# Lithuanian vodka, "Classico" in Chianti Classico); a label's "Original Irish Cream" shares nothing
LAUDATORY_WORDS = frozenset(
    [
        "original",
        "originale",
        "originali",
        "originel",
        "originelle",
        "traditional",
        "tradizionale",
        "tradicional",
        "traditionnel",
        "traditionnelle",
        "authentic",
        "authentique",
        "autentico",
        "genuine",
        "premium",
        "superior",
        "superiore",
        "superieur",
        "reserve",
        "riserva",
        "reserva",
        "classic",
        "classico",
        "classique",
        "extra",
        "special",
        "speciale",
        "selection",
        "finest",
        "vieux",
        "vieille",
        "vecchio",
        # size and rank words: no name's distinctive part ('Grand Vin Rouge' is no use of Grand Roussillon)
        "grand",
        "grande",
        "grands",
        "grandes",
        "gran",
        "great",
        "petit",
        "petite",
        "premier",
        "premiere",
        "royal",
        "royale",
    ]
)
# a saint's title before a place's name: alone it is no name's distinctive part (Saint-Romain, whose
# Romain is explained; 'Cuvée du Golfe de Saint-Tropez' is no use of it), though Saint-Joseph is one part
HAGIONYMS = frozenset({"saint", "sainte", "st", "ste", "san", "santa", "santo", "sant", "sankt", "sao"})
# words for landforms that place names begin or end with (Costa de Cantabria, Colli Euganei, Valle d'Aosta,
# Montes de Toledo, Terre di Cosenza, Dealurile Transilvaniei, Πλαγιές Αιγιαλείας): alone, the coast, hills,
# valley, slopes or mountain of no place in particular
LANDFORMS = frozenset(
    {
        "costa", "coste", "cotes", "coteaux", "colle", "colli", "collina", "colline", "colinas", "poggio",
        "valle", "valli", "vallee", "montagna",
        "monte", "montes", "monti", "montagne", "sierra", "serra", "campo", "campi", "campos", "piana",
        "ribera", "riviera", "ribeira", "terre", "terra", "terras", "terres", "tierra", "isola", "golfo",
        "roche", "rocca", "dealurile", "dealu", "dealul", "plagies", "vouna", "berg", "hugel",
    }
)  # fmt: skip
NO_PART = (
    COLOUR_ADJECTIVES | HAGIONYMS | LANDFORMS
)  # a run of a name's words that is one of these is no component
# place concepts (data/knowledge/places.csv) that are whole countries: a country on a product of the
# class is not a name's distinctive part (Danish feta is not Danablu; Deutscher Balsamico is not
# Deutscher Weinbrand)
COUNTRY_CODES = {
    "austria": "AT",
    "belgium": "BE",
    "bulgaria": "BG",
    "china": "CN",
    "croatia": "HR",
    "cyprus": "CY",
    "czechia": "CZ",
    "denmark": "DK",
    "finland": "FI",
    "france": "FR",
    "germany": "DE",
    "greece": "GR",
    "hungary": "HU",
    "ireland": "IE",
    "italy": "IT",
    "latvia": "LV",
    "lithuania": "LT",
    "netherlands": "NL",
    "poland": "PL",
    "portugal": "PT",
    "romania": "RO",
    "slovakia": "SK",
    "slovenia": "SI",
    "spain": "ES",
    "sweden": "SE",
    "thailand": "TH",
    "siam": "TH",
}
COUNTRY_CONCEPTS = frozenset(COUNTRY_CODES)
COUNTRY_WHY = "a country's name on a product of the class, not the name's distinctive part"
# the countries whose names a place form in a language belongs to (places.csv `lang`, without script)
LANGUAGE_COUNTRIES = {
    "bg": {"BG"}, "cs": {"CZ"}, "da": {"DK"}, "de": {"DE", "AT", "CH", "LU", "BE"}, "el": {"GR", "CY"},
    "es": {"ES"}, "et": {"EE"}, "fi": {"FI"}, "fr": {"FR", "BE", "LU", "CH"}, "hr": {"HR"}, "hu": {"HU"},
    "it": {"IT", "CH"}, "lt": {"LT"}, "lv": {"LV"}, "nl": {"NL", "BE"}, "pl": {"PL"}, "pt": {"PT"},
    "ro": {"RO"}, "sk": {"SK"}, "sl": {"SI"}, "sv": {"SE", "FI"},
}  # fmt: skip
# a place GIs of several countries are named after, written in the language of another country than the
# GI's (Dunavska, the Bulgarian Danube plain, for Hungary's Duna): the label may mean that country's part
SHARED_PLACE_WHY = (
    "a place GIs of several countries are named after ({countries}): "
    "which one the label means is to be checked"
)
COLOUR_WORDS = frozenset(["colour", "color", "coloured", "colored", "couleur", "colore", "farbe", "farben"])
COLOUR_HAN = ("色", "颜色")


# which GIs a check can hit: (a name for the set, a test of a GI's position), or None for every GI
Scope = tuple[str, Callable[[int], bool]] | None


@dataclass(frozen=True)
class Key:
    """One lookup key of one name of one GI."""

    gi: int  # position in the index's GIs
    name: int  # position in the GI's names
    via: str  # own, pinyin, wade-giles, romanisation, adjective, umlaut, component, latin-core, native,
    # concept
    text: str  # the protected form this key stands for (for the explanation)


def fuzzy_worthy(key: Key, text: str) -> bool:
    """Keys worth a misspelling check: whole names (4+ letters) and longer name cores."""
    return (key.via in FUZZY_VIAS and len(text) >= 4) or (
        key.via in ("core", "place-core") and len(text) >= 7
    )


@dataclass
class Candidate:
    gi: int
    kind: str
    score: float
    matched_form: str
    label_form: str
    note: str = ""
    rule_confidence: str = "high"
    colour: bool = False  # the name is used as a colour ("香槟色", "champagne-coloured")
    adjectival: bool = False  # an adjectival form of the name (Wiener for Wien): weak on other goods
    short_form: bool = False  # the name's everyday short form (龙井 for 龙井茶): as severe as the name
    # the label's words the rule stands on where label_form is more (a place in a place + product hit)
    span: str = ""
    # a rule that is a guess caps what it can claim: (the highest severity, why)
    max_severity: tuple[str, str] | None = None
    # a coined word taking a part of a reputed name (compare.coined): 'distinctive', or 'common' where
    # words of the languages share that part (it then counts only on goods a decision was held for)
    reputed_part: str = ""
    shared_place: bool = False  # capped because a place several countries' names share (Dunavska)


@dataclass
class LabelAnalysis:
    text: str
    latin_words: list[str]  # every script, Chinese as pinyin
    own_words: list[str]  # the Latin-script parts only
    han_runs: list[str]  # simplified
    raw_han: str  # the label's own characters (traditional kept)
    thai_runs: list[str]
    read_as: str | None = None  # a domain name's words ('champagne shop' of 'champagne-shop.fr')
    modifiers: list[str] = field(default_factory=list)
    product_concepts: list[tuple[str, str | None]] = field(default_factory=list)  # (concept, class)
    place_concepts: list[str] = field(default_factory=list)
    place_spans: dict[str, str] = field(default_factory=dict)  # place concept -> the label's span
    product_spans: dict[str, str] = field(default_factory=dict)  # product concept -> the label's span
    main_products: list[str] = field(default_factory=list)  # concepts of the longest product words
    generic_terms: list[str] = field(default_factory=list)
    # GI classes whose goods a decision held similar to goods the label or the user names (vinegar: Wine)
    related_classes: list[str] = field(default_factory=list)
    stated_class: str | None = None  # the product class the user gave with the label, if any
    stated_also: list[str] = field(default_factory=list)  # the other classes a stated list of goods names
    # a trademark's goods, given as Nice classes instead of a product class: are they like a GI's product
    # class? (set by the checker from compare.goods.registered_goods)
    stated_like: Callable[[str | None], bool] | None = None
    # what is worked out once per label, not once per candidate name (compare.goods: its goods words)
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def states_like(self, gi_class: str | None) -> bool | None:
        """Are the goods the user stated (a product class, or a trademark's Nice classes) like goods of
        `gi_class`? None when no goods were stated."""
        if self.stated_like is not None:
            return self.stated_like(gi_class)
        if self.stated_class is None:
            return None
        return any(same_class(c, gi_class) for c in [self.stated_class, *self.stated_also])

    @property
    def modifier(self) -> str | None:
        """The first "kind/type/style/imitation" word of the label ("style", 型, genre ...), if any: a
        use of a name beside one is an `imitation`."""
        return self.modifiers[0] if self.modifiers else None

    def inside_generic(self, span: str) -> str | None:
        """A generic term of the label that contains the matched span (波尔多 inside 波尔多液)."""
        c = span.replace(" ", "")
        return next((g for g in self.generic_terms if c != g and c in g), None)


def evocation_guess(
    gi: int, matched: str, label_form: str, note: str, weight: float, cap: tuple[str, str] | None
) -> Candidate:
    """A coined word's possible evocation of a name (rule confidence medium), weighted against
    BASE_SCORE['evocation'], capped at `cap` where it is a guess."""
    return Candidate(
        gi,
        "evocation",
        BASE_SCORE["evocation"] * weight,
        matched,
        label_form,
        note,
        "medium",
        max_severity=cap,
    )
