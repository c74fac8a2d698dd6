"""A name's reputation held by a decision for other goods, and the words that write a name: an adjective of
the name on goods a decision held its reputation to reach is no longer low ('LA CHAMPENOISE' on soft
drinks), a decision on a name's reputation on cosmetics makes its use there medium (Prosecco, Warsaw
2025), a colloquial word for a name is that name (Schampus), and vermouth is the product of an aromatised
wine (not the distinctive part of Vermouth di Torino). Real cases, each with its source."""

from __future__ import annotations

import pytest

from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, hits_by_gi, make_gi

REGISTER = [
    make_gi("fr-champagne", "Champagne", "Wine", "FR", EU_REGISTER),
    make_gi("it-prosecco", "Prosecco", "Wine", "IT", EU_REGISTER),
    make_gi("it-vermut-di-torino", "Vermut di Torino", "Wine (aromatised wine product)", "IT", EU_REGISTER),
    make_gi("at-wien", "Wien", "Wine", "AT", EU_REGISTER),
]


@pytest.fixture(scope="module")
def index() -> ConflictIndex:
    return ConflictIndex(REGISTER, bundled_knowledge())


def test_an_adjective_of_the_name_on_goods_its_reputation_was_held_to_reach_is_medium(index):
    # TGI Paris (3e ch.), 6 Jan 2012, RG 10/02979, CIVC v Union Commerciale: the French mark LA CHAMPENOISE
    # for soft drinks (class 32) annulled; French decisions on record hold Champagne's reputation reaches
    # non-alcoholic beverages (reputations.csv)
    hit = hits_by_gi(index, "LA CHAMPENOISE", "FR", "non-alcoholic beverages (class 32)")["fr-champagne"]
    assert hit.severity == "medium" and "reputation was held" in hit.reason, hit.reason
    # the same where the label names the goods itself (TGI Paris, 5 Mar 1984, INAO v SEITA: Champagne
    # cigarettes; reputations.csv holds Champagne's reputation on cigarettes in France)
    hit = hits_by_gi(index, "LA CHAMPENOISE cigarettes", "FR")["fr-champagne"]
    assert hit.severity == "medium" and "reputation was held" in hit.reason, hit.reason
    # on goods no decision was held for, an adjective on other goods stays low (Wiener sausages)
    hit = hits_by_gi(index, "LA CHAMPENOISE", "FR", "cheese")["fr-champagne"]
    assert hit.severity == "low", hit.reason
    assert hits_by_gi(index, "Wiener Würstchen", "EU")["at-wien"].severity == "low"


def test_a_decision_on_a_names_reputation_on_cosmetics_makes_its_use_there_medium(index):
    # Regional Court of Warsaw, 11 Jun 2025, XXII GW 744/24, Consorzio Prosecco DOC v Alshaya Poland:
    # Bath & Body Works' 'Pink Prosecco' body-care line infringes the PDO (Managing IP; WineNews)
    hit = hits_by_gi(index, "Pink Prosecco", "EU", "body care cosmetics")["it-prosecco"]
    assert hit.severity == "medium" and "XXII GW 744/24" in hit.reason, hit.reason


def test_a_colloquial_word_for_the_name_is_the_name(index):
    # a German decision reported in 2009 barred advertising with 'Currywurst & Schampus', Schampus being
    # German slang for Champagne (Mittelstand Café); on sparkling wine it is the name itself
    hit = hits_by_gi(index, "Currywurst & Schampus", "EU", "snack food")["fr-champagne"]
    assert hit.kind == "translation" and hit.severity in ("medium", "low"), hit
    hit = hits_by_gi(index, "Schampus", "EU", "sparkling wine")["fr-champagne"]
    assert (hit.kind, hit.severity) == ("translation", "high"), hit


def test_vermouth_is_the_product_of_an_aromatised_wine_not_a_part_of_its_name(index):
    # Reg. (EU) No 251/2014 Annex II part A (2): vermouth is an aromatised wine; 'Vermut di Torino' is a
    # GI of that product (EU register PGI-IT-02305). EUIPO refused the mark 'CARPANO ... TORINO ...
    # VERMOUTH' (EUTM 015625271, 2 Feb 2017): 'Torino' with 'vermouth' reads as vermouth di Torino.
    assert "it-vermut-di-torino" not in hits_by_gi(index, "Martini vermouth rosso", "EU", "vermouth")
    hit = hits_by_gi(index, "Torino vermouth", "EU", "vermouth")["it-vermut-di-torino"]
    assert (hit.kind, hit.severity) == ("translation", "high"), hit
    label = "CARPANO CLASSICO ROSSO G.B. CARPANO TORINO ORIGINALE 1786 IL 1º VERMOUTH ANTICA RICETTA"
    assert hits_by_gi(index, label, "EU", "vermouth")["it-vermut-di-torino"].severity in ("high", "medium")
    assert Checker(index, "EU").stated_class("vermouth") is not None
