"""Domain names and web addresses read as the words they are made of (compare.domains), a shop under a
protected name, and the English article that is no French thé. Real disputes, each with its source:

- <champagne.ie>, WIPO DIE2007-0005, CIVC v. Richard Doyle (2007): transferred; the respondent said the
  name was of great value to a wine merchant.
- <champagne-co.fr>, Afnic Syreli FR-2022-02678, 10 March 2022 (Comité Champagne, INAO): as reported by
  oriGIn, 8 June 2022.
- <gorgonzola.blue>, WIPO D2021-0722 (31 May 2021): transferred; <gorgonzola.city>, WIPO D2017-0253
  (12 April 2017): denied, the site was about the town of Gorgonzola.
- <champagne.co>, WIPO DCO2011-0026 (21 June 2011): denied; the respondent ran an IT consultancy.
- <louisxiiicognac.top>, WIPO UDRP, E. Remy Martin & Company v. Lan Qing Tian (2016-17): transferred with
  nine other .top/.vip names (as reported on Lexology); <astidocg.net>, WIPO D2004-0347, Consorzio per la
  Tutela dell'Asti v. Stanley Filoramo.
- <lambrusco.wine>, WIPO UDRP decision of 29 April 2016 (oriGIn alert, 23 May 2016): the panel held the
  .wine domain could only increase the risk of confusion.
"""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from compare.domains import domain_words, read_domain, split_glued
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV, EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi(
        "fr-champagne",
        [("Champagne", "original"), ("香槟", "official-rendering")],
        "Wine",
        "FR",
        EU_REGISTER,
        CN_IV,
    ),
    make_gi("it-gorgonzola", "Gorgonzola", "Cheeses", "IT", EU_REGISTER),
    make_gi("fr-bordeaux", "Bordeaux", "Wine", "FR", EU_REGISTER),
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
    make_gi("es-cava", "Cava", "Wine", "ES", EU_REGISTER),
    make_gi("pt-porto", [("Porto", "original"), ("Port", "original")], "Wine", "PT", EU_REGISTER),
    make_gi("in-darjeeling", "Darjeeling", "Tea", "IN", EU_REGISTER),
    make_gi("fr-cognac", "Cognac", "Spirit", "FR", EU_REGISTER),
    make_gi("it-asti", "Asti", "Wine", "IT", EU_REGISTER),
    make_gi("pt-dao", "Dão", "Wine", "PT", EU_REGISTER),
    make_gi("fr-comte", "Comté", "Cheeses", "FR", EU_REGISTER),
    make_gi("hu-tokaj", [("Tokaj", "original"), ("Tokay", "transcription")], "Wine", "HU", EU_REGISTER),
    make_gi("gr-feta", "Feta", "Cheeses", "GR", EU_REGISTER),
    make_gi("fr-roquefort", "Roquefort", "Cheeses", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def test_a_domain_name_is_its_words_without_scheme_www_and_top_level_domain():
    assert domain_words("champagne.ie") == ["champagne"]
    assert domain_words("Champagne-Co.FR") == ["champagne", "co"]
    assert domain_words("https://www.champagne.co.uk/") == ["champagne"]  # a country's second level
    assert domain_words("http://shop.example.com/cava-brut.html?x=1") == [
        "shop",
        "example",
        "cava",
        "brut",
        "x",
    ]
    # the query, the fragment and an e-mail's user are words too, percent-escapes decoded, digits apart
    assert domain_words("https://www.amazon.com/s?k=prosecco") == ["amazon", "s", "k", "prosecco"]
    assert domain_words("example.com/vino%20chianti#champagne") == ["example", "vino", "chianti", "champagne"]
    assert domain_words("example.com/2019champagne") == ["example", "champagne"]
    assert domain_words("info@vinsdebordeaux.com") == ["info", "vinsdebordeaux"]
    # a Turkish capital İ, and an ASCII form that is no valid internationalised label
    assert domain_words("İstanbul.com.tr") == ["istanbul"]
    assert domain_words("xn--a.com") == ["xn", "a"]  # its letters, no control character
    # a top-level domain that names goods is a word of the name (lambrusco.wine)
    assert domain_words("lambrusco.wine") == ["lambrusco", "wine"]
    # an internationalised name, as written or in its ASCII form
    assert domain_words("香槟.中国") == ["香槟"]
    assert domain_words("xn--z9v113h.xn--fiqs8s") == ["香槟"]
    # as a Chinese keyboard types them: an ideographic full stop, fullwidth letters
    assert domain_words("香槟。中国") == ["香槟"]
    assert domain_words("ＣＨＡＭＰＡＧＮＥ．ＦＲ") == ["champagne"]


@pytest.mark.parametrize("label", ["St.Emilion", "Dr. Oetker", "A.O.C.", "Champagne brut", "Bordeaux 2019"])
def test_a_dot_in_a_name_is_no_domain(label):
    assert domain_words(label) is None


def test_glued_words_are_cut_into_known_words_and_names(index):
    ix = index  # the conflict index is the name index
    assert split_glued(ix, "champagneshop") == ["champagne", "shop"]  # not 'champagnes hop'
    assert split_glued(ix, "vinsdebordeaux") == ["vins", "de", "bordeaux"]  # not 'vins deborde aux'
    assert split_glued(ix, "bestprosecco") == ["best", "prosecco"]
    assert split_glued(ix, "importwine") == ["import", "wine"]  # not 'impor twine'
    # a word of the languages stays whole: 'sport' holds no Port, 'excavation' no Cava
    assert split_glued(ix, "sportshop") == ["sport", "shop"]
    assert split_glued(ix, "excavation") == ["excavation"]
    assert split_glued(ix, "passport") == ["passport"]
    # a name nearly spelled stays whole for the misspelling rules: no 'gorgon zolla', no 'bourg one'
    assert split_glued(ix, "gorgonzolla") == ["gorgonzolla"]
    # a run with accents is cut as it folds ('comtéshop')
    assert split_glued(ix, "comtéshop") == ["comte", "shop"]
    # a run that cannot be cut into known words: a name of five letters or more at its end or start is
    # split off (WIPO <louisxiiicognac.top>); else it is left whole (the coined-word rules read it)
    assert split_glued(ix, "louisxiiicognac") == ["louisxiii", "cognac"]
    assert split_glued(ix, "zqxbordeaux") == ["zqx", "bordeaux"]
    assert split_glued(ix, "zqxcavaq") == ["zqxcavaq"]
    # a product's words written as one are its words
    assert split_glued(ix, "prosciuttocrudoparma") == ["prosciutto", "crudo", "parma"]
    assert read_domain(ix, "www.thebestcavashop.es") == "the best cava shop"
    assert read_domain(ix, "astidocg.net") == "asti docg"  # a quality term (DOCG, AOC, PDO) is a word


def test_a_domain_name_that_is_the_name_is_a_use_of_the_name_and_says_how_it_was_read(index):
    # WIPO DIE2007-0005 <champagne.ie>: transferred
    hit = hits_by_gi(index, "champagne.ie", "EU")["fr-champagne"]
    assert (hit.kind, hit.severity) == ("exact", "high")
    assert hit.reason.startswith("Domain name or web address read as 'champagne':"), hit.reason
    # Afnic Syreli FR-2022-02678 <champagne-co.fr>
    hit = hits_by_gi(index, "champagne-co.fr", "FR")["fr-champagne"]
    assert (hit.kind, hit.severity) == ("exact", "high")
    # before, the glued words were a coined word: an evocation guess, not the name itself
    hit = hits_by_gi(index, "vinsdebordeaux.com", "FR", "wine")["fr-bordeaux"]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit.reason
    hit = hits_by_gi(index, "louisxiiicognac.top", "EU", "cognac")["fr-cognac"]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit.reason
    # the Chinese reason says it in Chinese
    zh = Checker(index, "CN").check("香槟.中国", lang="zh")[0]
    assert zh.gi.id == "fr-champagne" and zh.reason.startswith("域名或网址读作“香槟”"), zh.reason


def test_a_domain_name_on_other_goods_or_a_town_site_is_not_high(index):
    # WIPO DCO2011-0026 <champagne.co>: denied, an IT consultancy
    hit = hits_by_gi(index, "champagne.co", "EU", "IT consultancy services")["fr-champagne"]
    assert hit.severity != "high", hit.reason
    # WIPO D2017-0253 <gorgonzola.city>: denied, a site about the town;
    # WIPO D2021-0722 <gorgonzola.blue>: transferred
    assert hits_by_gi(index, "gorgonzola.city", "EU")["it-gorgonzola"].severity != "high"
    assert hits_by_gi(index, "gorgonzola.blue", "EU")["it-gorgonzola"].severity == "high"


def test_a_shop_under_the_name_sells_its_goods_medium_not_low(index):
    # 'shop' alone was goods of another class (retail, Nice class 35): low for Cava, an all-clear in effect
    for label in ("Cava shop", "thebestcavashop.es", "prosecco.shop"):
        gi = "es-cava" if "cava" in label.lower() else "it-prosecco"
        hit = hits_by_gi(index, label, "EU")[gi]
        assert hit.severity == "medium" and "a shop under the name" in hit.reason, (label, hit.reason)
    # stated goods that only name a shop say the same ('online shop' was 'another class' than wine)
    hit = hits_by_gi(index, "Cava", "EU", "online shop")["es-cava"]
    assert hit.severity == "medium" and "a shop under the name" in hit.reason, hit.reason
    # a shop whose words name the name's own goods sells them under it: like goods, as the name on them is
    for label, goods in (("Cava", "wine shop"), ("Cava wine shop", None), ("Cava", "online sale of wine")):
        hit = hits_by_gi(index, label, "EU", goods)["es-cava"]
        assert hit.severity == "high" and "like goods" in hit.reason, (label, goods, hit.reason)
    assert hits_by_gi(index, "Feta", "EU", "Online sale of feta cheese")["gr-feta"].severity == "high"
    zh = Checker(index, "EU").check("Cava shop", lang="zh")[0]
    assert "以该名称命名的商店" in zh.reason and "shop under" not in zh.reason, zh.reason
    # a shop whose words name goods of another class sells no goods of the name: a wine shop, no Roquefort
    assert hits_by_gi(index, "Roquefort wine shop", "EU")["fr-roquefort"].severity == "low"
    assert hits_by_gi(index, "Roquefort", "EU", "wine shop")["fr-roquefort"].severity == "low"
    # goods of another class named beside the shop still decide: a shoe shop is no wine
    hit = hits_by_gi(index, "Cava shoe shop", "EU").get("es-cava")
    assert hit is None or "a shop under the name" not in hit.reason


def test_the_english_article_is_no_tea(index):
    # 'The' read as French thé made the label's goods tea: another class than the wine's
    hit = hits_by_gi(index, "The Champagne Company", "EU")["fr-champagne"]
    assert "Tea" not in hit.reason and hit.severity == "high", hit.reason
    # thé written with its accent, or before a French word, is still tea
    for label in ("Thé de Darjeeling", "THE VERT Darjeeling", "Darjeeling the"):
        hit = hits_by_gi(index, label, "EU")["in-darjeeling"]
        assert hit.severity == "high" and "like goods" in hit.reason, (label, hit.reason)


def test_the_domain_reading_invents_no_name(index):
    # sites of the Alexa top list (a public copy of top-1m.csv): a country's second level '.com.tr' was the
    # words 'com tr', spelled like Comté; 'youdao' (有道) cut as 'you dao' would be the wine Dão
    assert "fr-comte" not in hits_by_gi(index, "milliyet.com.tr", "EU")
    assert split_glued(index, "youdao") == ["youdao"]
    assert "pt-dao" not in hits_by_gi(index, "youdao.com", "EU")


def test_a_five_letter_word_near_a_name_counts_only_on_the_names_goods(index):
    # 'Today' (the ETtoday news site, ettoday.net) is a word, no misspelt Tokay; 'Fetta cheese' is a Feta
    # (a misspelling of the cheese's name on a cheese, as the labelled set's market listings show)
    assert "hu-tokaj" not in hits_by_gi(index, "ettoday.net", "EU")
    assert "hu-tokaj" not in hits_by_gi(index, "Today", "EU")
    assert hits_by_gi(index, "Fetta cheese", "EU")["gr-feta"].severity == "medium"


def test_a_capital_inside_a_word_begins_another_word_after_five_letters(index):
    # EUIPO upheld the CIVC's opposition to the mark 'ChampagneCharly' (reported by Knijff,
    # knijff.com/to-much-champagne/): the name glued to a first name, written with its capital; it was read
    # as one coined word (an evocation guess, medium) and is the name itself beside another word
    hit = hits_by_gi(index, "ChampagneCharly", "EU")["fr-champagne"]
    assert (hit.kind, hit.severity) == ("exact", "high"), hit.reason
    # a short first part is as often a word's own syllable: 'PortSwigger' (web security software) and
    # 'McDonald' stay whole
    assert "pt-porto" not in hits_by_gi(index, "PortSwigger", "EU", "web security software")
    from compare.analysis import _split_camel

    assert _split_camel(index, "ParmaHam McDonald PortAventura") == "Parma Ham McDonald PortAventura"
    # before a word shops are built from, a short name parts too ('CavaShop' as 'Cava shop')
    assert _split_camel(index, "CavaShop FaroArm") == "Cava Shop FaroArm"
    assert hits_by_gi(index, "CavaShop", "EU")["es-cava"].severity == "medium"
