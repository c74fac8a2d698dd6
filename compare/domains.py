"""A domain name or web address read as the words it is made of (pure): 'www.champagne-shop.fr' is the
words 'champagne shop', 'vinsdebordeaux.com' the words 'vins de bordeaux'. Domain names cannot hold
spaces, so their words are joined by hyphens or glued together; the scheme, 'www' and the top-level
domain (.com, .fr, .co.uk, .中国) are no words of the name. Panels decide domain-name disputes on the
words in front of the top-level domain (WIPO Overview 3.0, section 1.11.1: the TLD is disregarded as a
standard registration requirement).

A glued run of letters is cut where every piece is a word the screening knows: a protected name or its
forms, a place, a product word, a word of the European languages (names.common_words, five letters or
more) or one of the short words domain names are built from (SHORT_WORDS). A run that cannot be cut
into known words is left whole (the coined-word rules then read it), and so is one that is itself a
word ('excavation' holds 'cava' by chance)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from compare.index import NameIndex
from compare.rules import CONNECTORS
from names.common_words import is_common_word
from names.normalise import compact, fold_latin

MIN_EDGE = 5  # letters of a name split off the edge of a run that is no known words (louisxiii|cognac)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# top-level domains that name goods or a trade in them: words of the name, not a registration requirement
# (a WIPO panel held that <lambrusco.wine> in the .wine domain could only increase the risk of confusion,
# UDRP decision of 29 April 2016, as reported by oriGIn on 23 May 2016)
GOODS_TLDS = frozenset(
    {"wine", "vin", "beer", "vodka", "coffee", "cafe", "bar", "pub", "pizza", "shop", "store"}
)
# top-level domains that name a place: words of the name too ('gorgonzola.city' is the town's site, WIPO
# D2017-0253)
PLACE_TLDS = frozenset({"city", "town", "paris", "london", "berlin", "wien", "bzh", "nyc", "tokyo", "swiss"})
# generic top-level domains seen in trade and in disputes (every two-letter one is a country's)
GENERIC_TLDS = (
    _words(
        """com net org info biz eu asia online site club xyz top vip app io co menu kitchen restaurant food
        market gift gifts boutique fashion luxury life live world global email web website tech group company
        ltd inc pro name mobi tv cc me fm blue wtf love bio"""
    )
    | GOODS_TLDS
    | PLACE_TLDS
)
IDN_TLDS = frozenset(
    {"中国", "中國", "公司", "网络", "網絡", "在线", "商城", "网店", "ไทย", "рф", "бг", "срб", "ελ"}
)
# second-level labels of country domains (.co.uk, .com.cn, .in.th)
SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "edu", "ac", "in", "or", "go", "mi", "gouv", "asso"}
)
PREFIXES = frozenset({"www", "www1", "www2", "www3", "m"})

# [scheme://][user@]host[:port][/path?query#fragment]; an e-mail address is its user and host
_HOST = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?(?:([^\s/?#:@]+)@)?([^\s/?#:@]+)(?::\d+)?([/?#]\S*)?$", re.IGNORECASE
)
_LABEL = re.compile(r"^[\w-]+$")
_PIECES = re.compile(r"[^\W\d_]+")  # the words of a path, query or fragment: letters only
# words of a web address that are its machinery, not its name
ADDRESS_WORDS = frozenset({"html", "htm", "php", "asp", "aspx", "jsp", "index", "www", "http", "https"})

# short words domain names are built from (English, French, Italian, Spanish, German, Portuguese, Dutch):
# a glued run is cut into them and the names it holds ('bestprosecco': 'best prosecco')
SHORT_WORDS = _words(
    """an the my our your his her its me we us you is are be to of in on at by for and or not no yes
    new old best buy sell shop shops store top net web site sites club hub bar pub inn home hom real true
    pure fine good gift gifts sale sales deal deals live love life info news blog wine wines vin vins vino
    vini beer tea teas food foods cafe oil oils ham hams rice mall mart go get one two big art bon bons bel
    belle la le les des du de el los las il lo di da del dei und der die das den dem van von het een
    au aux et en chez cave caves cru crus sur chai wein bier olio casa gran mas more all only plus
    max bio eco pro now day days easy fast hot cool my we fan fans star team time land city town farm
    farms box bag cup cups jar bottle bottles case cases glass vie vita vida mia mio mi tu su sa sas srl
    spa ag gmbh ltd inc llc co cie group cash card pay tax law legal hotel tour tours trip trips travel
    wiki guide guides hq vip ok kit kits mix pack taste tastes tasting club clubs cook cooks chef chefs
    eat eats drink drinks cheese cheeses wines meat meats fish milk cake cakes pie pies bread oil olive
    sweet sweets honey fruit fruits nut nuts bean beans salt sugar spice spices tea coffee kaffee cafe
    caffe vinho vinhos vinos rouge blanc brut rose rosso bianco tinto blanco sekt cidre cider rum gin
    doc docg dop igp igt aoc aop pdo pgi dob xo vs vsop
    """
)


def domain_words(label: str) -> list[str] | None:
    """The parts of a domain name (or an e-mail address's, or a web address's host, path, query and
    fragment), lower case, split at dots and hyphens, without the scheme, 'www' and the top-level domain
    (a TLD that names goods or a place stays a word); None when the label is not one."""
    # fullwidth letters and the ideographic full stop as a Chinese keyboard types them ('香槟。中国')
    m = _HOST.match(unicodedata.normalize("NFKC", label.strip()).replace("。", "."))
    if not m or "." not in m.group(2):
        return None
    # lower case without the dot a Turkish capital İ leaves
    host = m.group(2).lower().replace("\u0307", "").strip(".")
    labels = host.split(".")
    if len(labels) < 2 or not all(lab and _LABEL.match(lab) for lab in labels):
        return None
    labels = [_idna(lab) for lab in labels]
    tld = labels[-1]
    if not (tld in GENERIC_TLDS or tld in IDN_TLDS or (len(tld) == 2 and tld.isascii() and tld.isalpha())):
        return None  # 'St.Emilion', 'Dr.Oetker': a dot in a name, not a domain
    labels = labels[:-1] + ([tld] if tld in GOODS_TLDS or tld in PLACE_TLDS else [])
    if len(labels) >= 2 and labels[-1] in SECOND_LEVEL and len(tld) == 2:
        labels = labels[:-1]  # .co.uk, .com.cn
    while len(labels) >= 2 and labels[0] in PREFIXES:
        labels = labels[1:]
    if labels == ["www"]:
        return None
    rest = unquote(m.group(3) or "").lower()  # the path, query and fragment, '%20' a space
    parts = _PIECES.findall(unquote(m.group(1) or "").lower())  # an e-mail's user
    parts += [p for lab in labels for p in lab.split("-") if p]
    parts += _PIECES.findall(rest)
    return [p for p in parts if p not in ADDRESS_WORDS]


def _idna(label: str) -> str:
    """A label as written, from its ASCII form ('xn--...': the Chinese or Thai of an IDN); as it is where
    that form is no valid internationalised label."""
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def read_domain(ix: NameIndex, label: str) -> str | None:
    """The label as the words of a domain name ('champagne shop'), or None when it is not one."""
    parts = domain_words(label)
    if parts is None:
        return None
    words: list[str] = []
    for part in parts:
        words.extend(split_glued(ix, part))
    return " ".join(words) if words else None


def split_glued(ix: NameIndex, run: str) -> list[str]:
    """A run of letters cut into the known words it is glued from ('champagneshop': champagne, shop;
    'vinsdebordeaux': vins, de, bordeaux), or the run whole when it is one word or cannot be cut into
    known words only."""
    folded = compact(fold_latin(run))  # 'comtéshop' as 'comteshop'; another script stays as it is
    if not folded.isascii() or len(folded) < 5 or not folded.isalpha() or _known(ix, folded):
        return [run]
    if _near_name(ix, folded):
        return [run]  # a misspelt name ('gorgonzolla', 'bourgone'): the misspelling rules read it whole
    cut = _cut(ix, folded)
    if not cut:
        return _name_at_edge(ix, folded) or [run]
    # a product's or generic term's words written as one ('prosciuttocrudo') are its words
    out: list[str] = []
    for piece in cut:
        inner = _cut(ix, piece, apart=True) if _term(ix, piece) and not ix.latin.get(piece) else None
        out.extend(inner if inner and min(map(len, inner)) >= 4 else [piece])
    return out


def _near_name(ix: NameIndex, run: str) -> bool:
    """Is the run a protected name of six letters or more nearly spelled (one letter off, two where the name
    has nine or more)? Cut into words it would lose the name ('bourgone' is no 'bourg one')."""
    from rapidfuzz.distance import OSA  # only for a glued run of a domain name

    for size in range(len(run) - 2, len(run) + 3):
        for name in ix._fuzzy_buckets.get((run[0], size), ()):
            if len(name) >= 6 and OSA.distance(run, name) <= (2 if len(name) >= 9 else 1):
                return True
    return False


def _term(ix: NameIndex, piece: str) -> bool:
    """A product word or generic term of the knowledge that is no word of the languages."""
    return bool(ix.k.products.get(piece) or piece in ix.k.generics) and not is_common_word(
        piece, ix.k.directory
    )


def _name_at_edge(ix: NameIndex, run: str) -> list[str] | None:
    """A run that cannot be cut into known words, with a protected name of MIN_EDGE letters or more at its
    end or start: the name and the rest ('louisxiiicognac': louisxiii, cognac), the longest name first."""
    for size in range(len(run) - 3, MIN_EDGE - 1, -1):
        for part, rest, first in ((run[-size:], run[:-size], False), (run[:size], run[size:], True)):
            if any(k.via == "own" for k in ix.latin.get(part, ())):
                return [part, rest] if first else [rest, part]
    return None


def _known(ix: NameIndex, word: str) -> bool:
    return bool(
        word in SHORT_WORDS
        or word in CONNECTORS
        or ix.latin.get(word)
        or ix.k.places.get(word)
        or ix.k.products.get(word)
        or (len(word) >= 5 and is_common_word(word, ix.k.directory))
    )


def _cut(ix: NameIndex, run: str, apart: bool = False) -> list[str] | None:
    """The cut of `run` into known words with the fewest pieces (names counting half; then the fewest short
    pieces), or None."""
    n = len(run)
    # best[i]: (pieces, short pieces, start of the last piece) of the best cut of run[:i]
    best: list[tuple[float, float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0.0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - 30), end):
            prev = best[start]
            if prev is None:
                continue
            piece = run[start:end]
            if (apart and end - start == n) or not _known_piece(ix, piece):  # apart: never the whole
                continue
            # a protected name or a place counts half a piece: 'vins de bordeaux', not 'vins deborde aux'
            # and a word domain names are built from a little less than any word of the languages
            # ('import wine', not 'impor twine')
            named = len(piece) >= 4 and bool(ix.latin.get(piece) or ix.k.places.get(piece))
            cost = 0.5 if named else 0.9 if _short(piece) or ix.k.products.get(piece) else 1.0
            score = (prev[0] + cost, prev[1] + 1 / len(piece), start)
            if best[end] is None or score[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = score
    if best[n] is None or best[n][2] == 0:  # type: ignore[index]
        return None  # no cut, or the run is one piece
    pieces: list[str] = []
    end = n
    while end > 0:
        start = best[end][2]  # type: ignore[index]
        pieces.append(run[start:end])
        end = start
    return pieces[::-1]


def _short(piece: str) -> bool:
    return piece in SHORT_WORDS or piece in CONNECTORS


def _known_piece(ix: NameIndex, piece: str) -> bool:
    """A piece a cut may make: a short word of its own list up to three letters (a name of three letters
    is no piece: 'youdao' holds no Dão), or a known word of four letters or more."""
    if len(piece) <= 3:
        return _short(piece)
    return _known(ix, piece)
