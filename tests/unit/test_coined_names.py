"""A coined word close to a GI's name on like goods is a possible evocation (medium, never more): it
spells nearly as the name ('Bolgaré', Bolgheri: EUIPO Board of Appeal, 21 Mar 2022, and General Court
order T-300/22 of 23 Mar 2023; 'Toscoro', Toscano: General Court T-510/15 of 2 Feb 2017) or shares its
last five letters ('Sumarone', Amarone della Valpolicella: EUIPO Board of Appeal R 1390/2024-2 of
10 Apr 2025). A word of a language is no coined word ('Fontana' on a wine is Italian, not a misspelt
Fontina); on other goods nothing; a label that names one GI outright does not also evoke another by a
word beside it ('Jumilla Monastrell': a grape, not Montravel)."""

from __future__ import annotations

import gzip

import pytest

from compare.conflicts import ConflictIndex
from names.common_words import is_common_word, load_common_words
from names.knowledge import bundled_knowledge
from tests.registers import CN_IV, EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("it-bolgheri", "Bolgheri", "Wine", "IT", EU_REGISTER),
    make_gi("it-toscano", "Toscano", "Oils and fats (butter, margarine, oil)", "IT", EU_REGISTER),
    make_gi("it-amarone", "Amarone della Valpolicella", "Wine", "IT", EU_REGISTER),
    make_gi("it-fontina", "Fontina", "Cheeses", "IT", EU_REGISTER),
    make_gi("it-fortana", "Fortana del Taro", "Wine", "IT", EU_REGISTER),
    make_gi("es-jumilla", "Jumilla", "Wine", "ES", EU_REGISTER),
    make_gi("fr-montravel", "Montravel", "Wine", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def _evoked(index, label, cls, gi_id):
    hit = hits_by_gi(index, label, "EU", cls).get(gi_id)
    return hit is not None and hit.kind == "evocation" and hit.severity == "medium"


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        ("BOLGARÉ", "Wine", "it-bolgheri"),
        ("TOSCORO", "Olive oil", "it-toscano"),
        ("SUMARONE", "Wines", "it-amarone"),
    ],
)
def test_a_coined_word_close_to_a_name_on_like_goods_may_evoke_it(index, label, cls, gi_id):
    hit = hits_by_gi(index, label, "EU", cls)[gi_id]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert "coined word" in hit.reason


def test_never_more_than_medium_and_nothing_on_other_goods(index):
    assert all(h.severity != "high" for h in hits_by_gi(index, "BOLGARÉ", "EU", "Wine").values())
    assert not _evoked(index, "BOLGARÉ", "Footwear", "it-bolgheri")
    assert not _evoked(index, "TOSCORO", "Wine", "it-toscano")


def test_a_word_of_a_language_is_not_coined(index):
    assert is_common_word("fontana") and not is_common_word("toscoro")
    assert not _evoked(index, "Fontana", "Cheese", "it-fontina")
    assert not _evoked(index, "Fontana", "Wine", "it-fortana")


def test_not_beside_a_name_the_label_uses_outright(index):
    assert not _evoked(index, "Jumilla Monastrell", "Wine", "fr-montravel")
    assert not _evoked(index, "Jumilla Toscoro", "Olive oil", "it-toscano")
    assert _evoked(index, "Toscoro", "Olive oil", "it-toscano")  # alone, a coined near spelling


def test_only_the_names_it_is_closest_to():
    # in the whole EU register 'montravello' is closest to Montravel (a near spelling, that rule's hit),
    # not Montecarlo, Montefalco or Montello, which share only its first letters
    names = ["Montravel", "Montecarlo", "Montefalco", "Montello"]
    index = ConflictIndex(
        [make_gi(f"x-{n.lower()}", n, "Wine", "IT", EU_REGISTER) for n in names], bundled_knowledge()
    )
    hits = hits_by_gi(index, "Montravello", "EU", "Wine")
    assert hits["x-montravel"].kind == "fuzzy"
    assert not any(h.kind == "evocation" for h in hits.values())


def test_the_table_is_read_from_the_knowledge_folder(tmp_path):
    with gzip.open(tmp_path / "common_words.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("# a comment line\nzzword\n")
    assert load_common_words(str(tmp_path)) == frozenset({"zzword"})
    assert is_common_word("zzword", str(tmp_path)) and not is_common_word("fontana", str(tmp_path))
    # a folder without a readable table: the bundled one (else every word would pass for coined)
    assert is_common_word("fontana", str(tmp_path / "missing"))
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "common_words.txt.gz").write_bytes(b"not gzip")
    assert is_common_word("fontana", str(tmp_path / "broken"))


REPUTED = [
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("fr-cognac", "Cognac", "Spirit", "FR", EU_REGISTER),
    make_gi("it-bolgheri", "Bolgheri", "Wine", "IT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def reputed_index() -> ConflictIndex:
    return ConflictIndex(REPUTED, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id", "why"),
    [
        # EUIPO opposition B 3 207 890 (CIVC v CHAMPRICE, 17 Dec 2024): food and drink services; 'champ'
        # begins many words, so only on goods a decision on record held Champagne's reputation to reach
        ("CHAMPRICE", "Restaurant services", "fr-champagne", "reputation was held to reach other goods"),
        # INPI: Cognapea evokes Cognac on spirits (on like goods a near spelling, or 'cogna', a distinctive
        # part of a reputed name)
        ("Cognapea", "Spirits", "fr-cognac", "'Cognac'"),
        # on clothing: the OHIM decision on Konyagi (2004) held Cognac's reputation to reach clothing
        ("Cognapea", "Clothing", "fr-cognac", "reputation was held to reach other goods"),
    ],
)
def test_a_coined_word_taking_part_of_a_reputed_name_may_evoke_it(reputed_index, label, cls, gi_id, why):
    hit = hits_by_gi(reputed_index, label, "EU", cls)[gi_id]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert why in hit.reason, hit.reason


def test_a_common_part_of_a_reputed_name_on_goods_no_decision_reached_is_no_hit(reputed_index):
    # 'champ' begins 32 common words (champion, champignon …): Champtees on clothing is nothing; 'cogna'
    # is distinctive: Cognapea on footwear is medium, as the name Cognac itself would be where a decision
    # on its reputation beyond its goods is on record (the EU: Konyagi, OHIM 2004), citing it
    assert "fr-champagne" not in hits_by_gi(reputed_index, "Champtees", "EU", "Clothing")
    # an ending many words have ('gnac': Lumignac, Savignac) is no hit even on goods a decision reached,
    # unless the label cuts it off with an apostrophe (TI'GNAC, below)
    assert "fr-cognac" not in hits_by_gi(reputed_index, "Lumignac", "EU", "Clothing")
    shoes = hits_by_gi(reputed_index, "Cognapea", "EU", "Footwear")["fr-cognac"]
    assert shoes.severity == "medium" and "KONYAGI" in shoes.reason, shoes.reason


def test_not_for_a_name_without_a_reputation_on_record_nor_for_words_of_a_language(reputed_index):
    hit = hits_by_gi(reputed_index, "Bolghexa", "EU", "Restaurant services").get("it-bolgheri")
    assert hit is None or (hit.severity == "low" and "reputation was held" not in hit.reason)
    for word in ("Campagne", "Compagnie", "Champion"):
        hit = hits_by_gi(reputed_index, word, "EU", "Restaurant services").get("fr-champagne")
        assert hit is None or hit.kind != "evocation", word


def test_a_whole_name_glued_into_a_coined_word_with_no_goods_named_is_medium():
    # EUIPO upheld the CIVC's opposition to ChampagneCharly (goods not in the source); 'Portofino' holds
    # Porto, a name of five letters: too often chance without goods to go on
    index = ConflictIndex(
        [*REPUTED, make_gi("pt-porto", "Porto", "Wine", "PT", EU_REGISTER)], bundled_knowledge()
    )
    # written as one word (as a capital inside the word would part it: test_domain_names)
    hit = hits_by_gi(index, "CHAMPAGNECHARLY", "EU", None)["fr-champagne"]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert "names no goods" in hit.reason
    porto = hits_by_gi(index, "Portofino", "EU", None).get("pt-porto")
    assert porto is None or porto.kind != "evocation"


ELIDED = [
    *REPUTED,
    make_gi("fr-armagnac", "Armagnac", "Spirit", "FR", EU_REGISTER),
    make_gi("it-santantimo", "Sant'Antimo", "Wine", "IT", EU_REGISTER),
    make_gi("gr-santorini", "Santorini", "Wine", "GR", EU_REGISTER),
    make_gi("fr-chambertin", "Chambertin", "Wine", "FR", EU_REGISTER),
    make_gi("fr-chambolle", "Chambolle-Musigny", "Wine", "FR", EU_REGISTER),
    make_gi("fr-chamonix", "Chamonix", "Wine", "FR", EU_REGISTER),
]


@pytest.fixture(scope="module")
def elided_index() -> ConflictIndex:
    return ConflictIndex(ELIDED, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        # INPI opposition OP24-1986 (11 Mar 2025, BNIC v TI'GNAC): 'GNAC' a familiar short form of Cognac
        ("TI'GNAC", "Spirits", "fr-cognac"),
        # INPI, 30 Dec 2025 (BNIC v APERO'GNAC): evocative even for dissimilar goods; Cognac's reputation
        # beyond its goods is on record in the EU (Konyagi, OHIM 2004)
        ("APERO’GNAC", "Clothing", "fr-cognac"),
    ],
)
def test_a_piece_of_a_name_cut_off_by_an_apostrophe_may_evoke_it(elided_index, label, cls, gi_id):
    hit = hits_by_gi(elided_index, label, "EU", cls)[gi_id]
    assert (hit.kind, hit.severity) == ("evocation", "medium")
    assert "with an apostrophe" in hit.reason, hit.reason


def test_a_piece_many_names_begin_with_or_an_elided_word_is_no_short_form(elided_index):
    # 'gnac' ends Cognac and Armagnac: both spirits named, both medium
    both = hits_by_gi(elided_index, "TI'GNAC", "EU", "Spirits")
    assert {"fr-cognac", "fr-armagnac"} <= set(both)
    # 'cham' begins four wine names here (Champagne, Chambertin, Chambolle, Chamonix): no one's short form
    wine = hits_by_gi(elided_index, "Cham'allal", "EU", "Wine")
    assert not any(h.kind == "evocation" for h in wine.values())
    # Sant'Antimo's 'sant' is an elided Italian word, not Santorini's beginning
    hits = hits_by_gi(elided_index, "Sant'Agata", "EU", "Wine")
    assert "gr-santorini" not in hits and "it-santantimo" not in hits
    # a piece that is a word of the languages ('champ', French and English) is not cut from a name
    champ = hits_by_gi(elided_index, "Apéro'Champ", "EU", "Clothing").get("fr-champagne")
    assert champ is None or "with an apostrophe" not in champ.reason
    # and no apostrophe, no short form: Lumignac on spirits is a word ending as many do
    lumi = hits_by_gi(elided_index, "Lumignac", "EU", "Spirits").get("fr-cognac")
    assert lumi is None or "with an apostrophe" not in lumi.reason


def test_a_piece_of_a_name_on_other_goods_without_a_reputation_on_record_is_nothing(elided_index):
    # Armagnac has no decision on its reputation beyond spirits on record: on clothing 'gnac' is Cognac's
    hits = hits_by_gi(elided_index, "TI'GNAC", "EU", "Clothing")
    assert "fr-armagnac" not in hits


def test_a_near_spelling_of_a_longer_names_place_word_counts_for_the_gi_screened_there():
    # Decanter China: a Beijing court refused 'Roussilon' (sic) for wine on the action of INAO and the
    # Roussillon wine council. 'Roussillon' is a frequent word of French, but a place: the distinctive part
    # of Côtes du Roussillon; of the GIs it stands for, the one protected where the check asks
    index = ConflictIndex(
        [
            make_gi("fr-grand-roussillon", "Grand Roussillon", "Wine", "FR", EU_REGISTER),
            make_gi("fr-cotes-du-roussillon", "Côtes du Roussillon", "Wine", "FR", EU_REGISTER, CN_IV),
        ],
        bundled_knowledge(),
    )
    hit = hits_by_gi(index, "Roussilon", "CN", "Wine")["fr-cotes-du-roussillon"]
    assert (hit.kind, hit.severity) == ("evocation", "medium"), hit.reason
    assert "fr-grand-roussillon" in hits_by_gi(index, "Roussilon", "EU", "Wine")


def test_an_english_possessive_is_no_piece_cut_off():
    # Bret's crisps: the apostrophe of a possessive, not of a short form of Bretagne (a reviewer's probe)
    flour = "Fresh or processed fruit, vegetables and cereals"
    index = ConflictIndex(
        [make_gi("fr-farine-bretagne", "Farine de blé noir de Bretagne", flour, "FR", EU_REGISTER)],
        bundled_knowledge(),
    )
    for label in ("Bret's", "Bret’s crisps"):
        hits = hits_by_gi(index, label, "EU", "Vegetables")
        assert not any("with an apostrophe" in h.reason for h in hits.values()), label


def test_a_place_word_three_edits_away_or_a_product_word_is_no_near_spelling():
    # Dolmio (a sauce brand) is three edits from Dolomiti; 'torrons' is Catalan for nougats, the product
    # word of Torró d'Agramunt (a reviewer's probes, 2026-12-05)
    honey = "Other products of animal origin (eggs, honey, dairy products except butter)"
    sweets = "Bread, pastry, cakes, confectionery, biscuits and other baker's wares"
    index = ConflictIndex(
        [
            make_gi("it-miele-dolomiti", "Miele delle Dolomiti Bellunesi", honey, "IT", EU_REGISTER),
            make_gi("es-torro-agramunt", "Torró d'Agramunt", sweets, "ES", EU_REGISTER),
        ],
        bundled_knowledge(),
    )
    assert not _evoked(index, "Dolmio", "Honey", "it-miele-dolomiti")
    torrons = hits_by_gi(index, "Torrons Vicens", "EU", "Confectionery").get("es-torro-agramunt")
    assert torrons is None or torrons.severity == "low"


# A name with a diminutive or an adjective-of-origin ending (compare.derived); and names written in Greek
# whose Latin transcription is the name the market reads (Feta, Ouzo, Halloumi) are compared as well
DERIVED = [
    make_gi("gr-feta", [("Feta", "transcription"), ("Φέτα", "original")], "Cheeses", "GR", EU_REGISTER),
    make_gi("gr-ouzo", [("Ouzo", "transcription"), ("Ούζο", "original")], "Spirit", "GR", EU_REGISTER),
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
    make_gi("es-rioja", "Rioja", "Wine", "ES", EU_REGISTER),
    make_gi("pt-porto", "Porto", "Wine", "PT", EU_REGISTER),
    make_gi("es-cava", "Cava", "Wine", "ES", EU_REGISTER),
    make_gi(
        "cy-halloumi", [("Halloumi", "transcription"), ("Χαλλούμι", "original")], "Cheeses", "CY", EU_REGISTER
    ),
]


@pytest.fixture(scope="module")
def derived_index() -> ConflictIndex:
    return ConflictIndex(DERIVED, bundled_knowledge())


@pytest.mark.parametrize(
    ("label", "cls", "gi_id"),
    [
        ("Fetaki", "Cheese", "gr-feta"),  # Greek diminutive, the name's last vowel dropped
        ("OUZITO", "Spirits", "gr-ouzo"),  # Spanish diminutive
        ("Prosecchino", "Sparkling wine", "it-prosecco"),  # Italian, the 'c' kept hard with an 'h'
        ("Cavetta", "Wine", "es-cava"),
        ("Halloumaki", "Cheese", "cy-halloumi"),
    ],
)
def test_a_name_made_a_diminutive_or_an_adjective_may_evoke_it(derived_index, label, cls, gi_id):
    hit = hits_by_gi(derived_index, label, "EU", cls)[gi_id]
    # a short name's ending is this rule's (medium); a long shared beginning goes by the routes
    assert hit.kind == "evocation" and hit.severity in ("medium", "high"), hit.reason
    if len(hit.gi.names[0].text) <= 5:
        assert "of a diminutive or an adjective of origin" in hit.reason, hit.reason


def test_not_on_other_goods_nor_a_word_of_the_languages_nor_a_two_letter_ending(derived_index):
    shoes = hits_by_gi(derived_index, "Fetaki", "EU", "Footwear").get("gr-feta")
    assert shoes is None or shoes.severity == "low", shoes.reason
    # 'porter' (a beer, an English word) is no Porto made smaller
    assert "pt-porto" not in hits_by_gi(derived_index, "Porter", "EU", "Wine")
    # 'cavallo' is an Italian word (horse), not Cava with an ending
    hit = hits_by_gi(derived_index, "Cavallo", "EU", "Wine").get("es-cava")
    assert hit is None or hit.severity == "low", hit.reason
