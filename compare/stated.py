"""How the goods a user states with a label are read (pure): as the register's classes.

'Wine' or 'Cheeses' as given; everyday words by their head product ('Sparkling wine', 红葡萄酒: wine;
'Tea bags', 茶叶: tea), read before what is said of the goods ('Draft sparkling wine dispensed in a
London pub'), before a gloss in brackets ('Sparkling red wine (Lambrusco)') unless they name services
('Restaurant services (crayfish)'), without vintages, sizes and 'etc.' ('Wine 2019', 'Wine 750ml');
goods words outside the food classes at the end name those goods ('Wine glasses', 葡萄酒杯); a
generic term names its class ('camembert', 'cheddar'), and so does a protected name ('cognac',
'prosecco': the goods are that product, genuine or not); a list of
goods names each of its classes ('Wines and alcoholic beverages', 葡萄酒、白酒), without the goods it
excepts ('(except beers)', '(not wine)'); fresh meat cured, smoked or dried is a meat product, and
like goods of fresh meat too. Anything else stays as written (another class than any GI's).
"""

from __future__ import annotations

import re

from compare import analysis
from compare import goods as goods_words
from compare.index import NameIndex
from compare.name_apart import own_product_class
from compare.rules import NON_FOOD_KEY
from gi_lists.model import class_key, same_class
from names.knowledge import term_key
from names.normalise import compact, fold_latin

NAMING_VIAS = frozenset({"own", "translated"})  # a name as written or in another language, not a guess

# a list of goods ('Wines, spirits and liqueurs', 'Alcoholic beverages including wine', 葡萄酒、白酒)
_GOODS_LIST = re.compile(r"[,;/&、，；]|\b(?:and|or|including|incl|et|und|e|y)\b|和|及|与", re.IGNORECASE)
# the goods a list excepts in brackets ('Alcoholic beverages (except beers)', 'Beverages (not wine)')
_EXCEPTED = re.compile(r"\((?:except|excluding|other than|not)\b[^)]*\)", re.IGNORECASE)
# what is said of the goods after them ('… dispensed in a London pub', '… for pizza', '… with rum')
_SAID_OF = re.compile(
    r"\s(?:in|at|for|from|of|with|sold|served|dispensed|offered|marketed|labelled|labeled|made|under|on|by)\s",
    re.I,
)
# vintages, sizes, 'etc.' at the end ('Wine 2019', 'Wine 750 ml', 'Wine 0.75 l', 'Wine etc.', 白酒52度)
_TRAILING = re.compile(
    r"(?:[\s,]*\d[\d.,/%]*\s*(?:ml|cl|l|kg|g|oz|度|毫升|升|克|公斤|斤)?\b|[\s,]+(?:etc\.?|n\.?v\.?|vintage))+\s*$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+(?:of|for|in|from|and|or|with|from the)$", re.IGNORECASE)
_PROCESSED = re.compile(r"\b(?:cured|dry-cured|smoked|salted|dried|cooked|air-dried)\b|腌|熏|腊|风干", re.I)
PROCESSED_MEAT = "Meat products (cooked, salted, smoked, etc.)"
# a trade in goods named before them ('Online sale of feta cheese', 'Retail of wines'): the goods are after
_SELLING = re.compile(
    r"^(?:online\s+|retail\s+|wholesale\s+)?(?:sale|sales|selling|retail|retailing|trade|trading|distribution)"
    r"(?:\s+online)?$",
    re.IGNORECASE,
)
_ONLINE = re.compile(r"\s+(?:online|on the internet|on line)$", re.IGNORECASE)


def _generic_class(ix: NameIndex, text: str) -> str | None:
    """The class of goods named by a generic term ('camembert', 'brie', 'cheddar'), or None."""
    term = ix.k.generics.get(term_key(text)) or ix.k.generics.get(term_key(_singular(text)))
    return term.product_class if term is not None else None


def _named_class(ix: NameIndex, text: str) -> str | None:
    """The class of goods a protected name names when the goods are stated by it ('cognac', 'prosecco',
    'Parma ham'): the class of the names written so, where they are all of one class; else None."""
    keys = [k for k in ix.latin.get(compact(fold_latin(text)), ()) if k.via in NAMING_VIAS]
    classes = {class_key(ix.gis[k.gi].product_class): ix.gis[k.gi].product_class for k in keys}
    return next(iter(classes.values())) if len(classes) == 1 else None


def _clean(text: str) -> str:
    text = text.replace("（", "(").replace("）", ")")
    text = re.sub(r"(?<=\S)\(", " (", _EXCEPTED.sub(" ", text))
    text = re.sub(r"\s+", " ", _TRAILING.sub("", text)).strip()
    return _DANGLING.sub("", text)  # 'Wines of' (2019)


def _singular(text: str) -> str:
    """The last word in the singular ('Sparkling wines', 'Whiskies'), or the text as it is."""
    if text.endswith("ies"):
        return text[:-3] + "y"
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


class StatedClasses:
    """The classes a stated product class names, worked out once per text for one index."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._read: dict[str, str | None] = {}
        self._fresh: dict[str, str] = {}  # a processed meat's text -> the fresh meat class it is like too

    def first(self, product_class: str | None) -> str | None:
        """The class the stated goods name (their head's), or the text as written; None when empty."""
        if not product_class or not product_class.strip():
            return None
        text = _clean(product_class)
        if class_key(text) in self.index.class_keys:
            return text  # the register's own words ('Other products of animal origin')
        head, *said = _SAID_OF.split(text, maxsplit=1)
        head = _clean(head)
        if said and _SELLING.match(head):  # 'Online sale of feta cheese': the goods sold are the goods
            head = _clean(_ONLINE.sub("", said[0]))
        # the goods are before; a product after them is what they are for or hold ('Bottles for wine')
        candidates = [head, _singular(head)] if head != text else [text, _singular(text)]
        bare = head.split(" (")[0]  # the goods before a gloss in brackets, in the singular too (jujubes)
        candidates += [bare, _singular(bare)] if bare != head else []
        for candidate in candidates:
            found = self._resolved(candidate)
            if found:
                if candidate in self._fresh:
                    self._fresh[text] = self._fresh[candidate]
                return found
        return product_class

    def every(self, product_class: str | None) -> list[str]:
        """Every class the stated goods name, the first one first."""
        first = self.first(product_class)
        if first is None or product_class is None:
            return []
        text = _clean(product_class)
        found = [first] + ([self._fresh[text]] if text in self._fresh else [])
        items = [item.strip() for item in _GOODS_LIST.split(text) if item and item.strip()]
        for item in items if len(items) > 1 else []:
            cls = self._resolved(item) or self._resolved(_singular(item))
            if cls and not any(same_class(cls, f) for f in found):
                found.append(cls)
        return found

    def _resolved(self, text: str) -> str | None:
        """The register's class `text` names, or None."""
        if text in self._read:
            return self._read[text]
        ix = self.index
        found: str | None = None
        if class_key(text) in ix.class_keys:
            found = text
        else:
            stated = analysis.analyse(ix, text)
            named = {c for _, c in stated.product_concepts if c} or {
                ix.table_class[p] for p, _ in stated.product_concepts if p in ix.table_class
            }
            bare = text.split(" (")[0]
            if goods_words.ends_with_goods(ix.k, stated) and bare != text:
                found = self._resolved(bare)  # a gloss ending in a goods word: 'Dessert wine (… application)'
            elif goods_words.ends_with_goods(ix.k, stated):
                pass  # 'Wine glasses': drinking glasses, not wine
            elif len({class_key(c) for c in named}) == 1:
                found = named.pop()
                if class_key(found) == "fresh meat" and _PROCESSED.search(text):
                    self._fresh[text] = found  # 'Dried beef': a meat product, like goods of beef too
                    found = PROCESSED_MEAT
            elif named:  # 'Sparkling red wine': the head word's class (wine is also 酒, rice wine)
                bare = text.split(" (")[0]
                head = analysis.head_product_class(ix, analysis.analyse(ix, bare)) if bare != text else None
                if head is None or class_key(head) == NON_FOOD_KEY:  # services name their goods in brackets
                    head = analysis.head_product_class(ix, stated)
                found = head
            else:  # goods named by a Chinese GI's own product words (陈皮 of 新会陈皮), or by a generic
                # term of a class ('camembert', 'cheddar': generic_terms.csv, Codex standards)
                found = own_product_class(ix, text) or _generic_class(ix, bare) or _named_class(ix, bare)
        self._read[text] = found
        return found
