"""Severity and legal basis follow the routes the tool cites (issue 11): "style" uses are imitations
(China–EU Art. 4(1)(b)), evocation is an EU-law ground, and a well-known mark reaches other goods.
Real-market examples, each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import KINDS, Checker, ConflictIndex
from compare.rules import Candidate
from compare.severity import legal_basis, severity_for, well_known_mark
from gi_lists.model import GI, Name, Protection
from names.knowledge import bundled_knowledge
from wording import KIND_PHRASES, why_text

IV = Protection("CN", "agreement", "protected", "china-eu", "IV", "2021-03-01", None, "OJ L 408I", "high")
III = Protection("EU", "agreement", "protected", "china-eu", "III", "2021-03-01", None, "OJ L 408I", "high")
CN_MARK = Protection("CN", "trademark", "protected", "china-france", None, "2013", None, "CNIPA", "high")
EU_REG = Protection(
    "EU", "national-register", "protected", None, None, "1973-09-18", None, "eAmbrosia", "medium"
)
K = bundled_knowledge()


def gi(gi_id: str, names: list[tuple[str, str]], cls: str, origin: str, *prots: Protection) -> GI:
    return GI(gi_id, tuple(Name(t, k) for t, k in names), cls, origin, None, tuple(prots))


CHAMPAGNE = gi(
    "fr-champagne",
    [("Champagne", "original"), ("香槟", "official-rendering")],
    "Wine",
    "FR",
    IV,
    CN_MARK,
    EU_REG,
)
PARMA = gi(
    "it-prosciutto-di-parma",
    [("Prosciutto di Parma", "original"), ("帕尔玛火腿", "official-rendering")],
    "Meat products (cooked, salted, smoked, etc.)",
    "IT",
    IV,
)
BORDEAUX = gi("fr-bordeaux", [("Bordeaux", "original"), ("波尔多", "official-rendering")], "Wine", "FR", IV)
CALVADOS = gi("fr-calvados", [("Calvados", "original")], "Spirit", "FR", EU_REG)
LONGJING = gi("cn-longjing", [("龙井茶", "original"), ("Longjing cha", "transcription")], "Tea", "CN", III)


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex([CHAMPAGNE, PARMA, BORDEAUX, CALVADOS, LONGJING], K)


def test_imitation_is_a_kind_of_its_own_with_wording_in_both_languages():
    assert "imitation" in KINDS and "evocation" in KINDS
    assert "kind/type/style/imitation" in KIND_PHRASES["en"]["imitation"]
    assert "型/式/风味" in KIND_PHRASES["zh"]["imitation"]


# "Parma-style ham": the "style" wording of China–EU Art. 4(1)(b), quoted verbatim by IPKat (July 2020,
# "accompanied by expressions such as 'kind', 'type', 'style', 'imitation'"); Prosciutto di Parma is an
# Annex IV name (OJ L 408I, 4.12.2020). The label itself is illustrative, not a recorded seizure.
def test_parma_style_ham_in_china_is_an_imitation_under_art_4_1_b(index):
    hit = Checker(index, "CN").check("Parma-style ham")[0]
    assert (hit.gi.id, hit.kind, hit.severity) == ("it-prosciutto-di-parma", "imitation", "high")
    assert "Art. 4(1)(b)" in hit.legal_basis and "'style'" in hit.legal_basis


# "波尔多风味" on Chinese wine: CIVB v. Penglai Yunque Winery (Shandong High Court, top-10 IP cases of 2019,
# published 24 Apr 2020) concerned "bordeaux/BORDEAUX" and "波尔多法定产区" on non-Bordeaux wine; a 风味
# ("flavour") label is the same use with a style word.
def test_bordeaux_flavour_wine_in_chinese_is_an_imitation_with_the_chinese_reason(index):
    hit = Checker(index, "CN").check("波尔多风味红酒", lang="zh")[0]
    assert (hit.gi.id, hit.kind, hit.severity) == ("fr-bordeaux", "imitation", "high")
    assert "附加“型/式/风味”等字样使用受保护名称" in hit.reason
    assert "第4条第1款(b)项" in hit.legal_basis


# In the EU the same use is Reg. (EU) 2024/1143 Art. 26(1)(b)'s "type/imitation/flavour/like" wording
# (gesetze.legal, Art. 26); Calvados is an EU-registered name (PDO), not an agreement name.
def test_imitation_in_the_eu_cites_art_26_1_b_style_wording():
    basis, source, _ = legal_basis(CALVADOS, [EU_REG], K, kind="imitation")
    assert basis.startswith("Reg. (EU) 2024/1143 Art. 26(1)(b)") and "'flavour'" in basis
    assert "gesetze.legal" in source
    exact, _, _ = legal_basis(CALVADOS, [EU_REG], K, kind="exact")
    assert exact.startswith("Reg. (EU) 2024/1143 Art. 26(1)(a)")
    translated, _, _ = legal_basis(CALVADOS, [EU_REG], K, kind="translation")
    assert "26(1)(b)" in translated and "translated" in translated


# C-75/15 Viiniverla ("Verlados" for a Finnish cider spirit evoked Calvados; CJEU 21 Jan 2016, OJ C 98/16):
# an evocation in the EU on like goods is high, and the basis names Art. 26(1)(b) and the CJEU cases.
def test_verlados_evokes_calvados_in_the_eu_high_with_the_cjeu_cases():
    cand = Candidate(3, "evocation", 0.85, "Calvados", "Verlados")
    severity, why = severity_for(cand, CALVADOS, [EU_REG], "Spirit")
    assert (severity, why) == ("high", "like goods")
    basis, source, _ = legal_basis(CALVADOS, [EU_REG], K, kind="evocation")
    assert "Art. 26(1)(b): evocation" in basis
    assert "C-75/15" in basis and "C-44/17" in basis and "C-614/17" in basis
    assert "TRIPS" not in basis  # TRIPS Art. 23 has no evocation limb
    assert "62015CA0075" in source


# The same kind of coined name for an EU name protected in China only through the agreement: the agreement
# has no evocation limb (oriGIn, 6 Jan 2020: limbs (a)-(c)), so at most medium, a misleading-use assessment.
def test_evocation_of_an_agreement_name_in_china_is_at_most_medium_and_says_why():
    bordeaux_cn = gi("fr-bordeaux", [("Bordeaux", "original")], "Wine", "FR", IV)
    cand = Candidate(0, "evocation", 0.85, "Bordeaux", "Bordolino")
    severity, why = severity_for(cand, bordeaux_cn, [IV], "Wine")
    assert severity == "medium"
    assert why.startswith("evocation is not a limb of the China–EU agreement")
    assert why_text(why, "zh").startswith("中欧协定未规定暗示性使用")
    basis, _, level = legal_basis(bordeaux_cn, [IV], K, kind="evocation")
    assert "no evocation limb" in basis and "Art. 4(1)(a)" in basis and "Trademark Law Art. 16" in basis
    assert "ground of EU law" in basis and level == "medium"


# A Chinese Annex III name in the EU: whether Art. 26 governs a name held only through the agreement is not
# sourced, so the basis says so (unconfirmed) and the evocation stays medium.
def test_evocation_of_an_annex_iii_name_in_the_eu_is_marked_unconfirmed():
    cand = Candidate(4, "evocation", 0.85, "龙井茶", "龙景茶")
    severity, why = severity_for(cand, LONGJING, [III], "Tea")
    assert severity == "medium" and "not confirmed" in why
    basis, _, level = legal_basis(LONGJING, [III], K, kind="evocation")
    assert "unconfirmed" in basis and level == "unconfirmed"


# Champagne / 香槟 in China: GI collective marks found well-known, protected from wine to perfume ("Champagne
# Life / 香槟人生", Beijing High Court, 30 Nov 2023; starke-ip.com, chinaiptoday.com).
def test_champagne_life_perfume_in_china_is_high_through_the_well_known_mark(index):
    hit = Checker(index, "CN").check("香槟人生香水")[0]
    assert (hit.gi.id, hit.severity) == ("fr-champagne", "high")
    assert "well-known mark" in hit.reason and "2023-11-30" in hit.reason
    assert "well-known marks, protected across classes" in hit.legal_basis
    assert "starke-ip.com" in (hit.legal_source or "")


def test_the_well_known_mark_is_data_with_its_source_and_only_where_a_mark_protection_is_in_force():
    row = K.well_known[("fr-champagne", "CN")]
    assert row["confidence"] in ("high", "medium") and "starke-ip.com" in row["source"]
    assert well_known_mark(CHAMPAGNE, [IV, CN_MARK], K, "CN") is row
    assert well_known_mark(CHAMPAGNE, [IV], K, "CN") is None  # no mark in force: no well-known route
    assert well_known_mark(CHAMPAGNE, [EU_REG], K, "EU") is None


# Descriptive uses stay below high: the name as a colour (香槟色 dresses are a common trade listing) and a
# generic term containing it ("Champagne grapes": the Black Corinth table grape, Food Network glossary).
@pytest.mark.parametrize("label", ["香槟色连衣裙", "champagne colour handbag", "Champagne grapes"])
def test_descriptive_uses_of_a_well_known_name_stay_below_high(index, label):
    hits = [h for h in Checker(index, "CN").check(label) if h.gi.id == "fr-champagne"]
    assert hits and all(h.severity != "high" for h in hits)


def test_a_well_known_name_on_goods_no_decision_covered_is_medium_and_says_the_mark_may_reach_them(index):
    hit = Checker(index, "CN").check("Champagne sofa")[0]
    assert (hit.gi.id, hit.severity) == ("fr-champagne", "medium")
    assert "a well-known mark here, not yet held for these goods" in hit.reason
    assert "well-known marks, protected across classes" in hit.legal_basis
    zh = Checker(index, "CN").check("Champagne sofa", lang="zh")[0]
    assert "驰名商标" in zh.reason and "个案评估" in zh.reason


def test_the_well_known_route_is_quoted_only_where_it_reaches_past_like_goods(index):
    hit = Checker(index, "CN").check("Champagne-style sparkling wine")[0]
    assert hit.kind == "imitation" and "well-known" not in hit.legal_basis
