"""Conflict screening over the real register, on SQLite and PostgreSQL, and its measured quality."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.conflicts import KINDS
from compare.evaluation import evaluate, load_cases
from compare.services import build_index, check_labels, scan_list
from errors import InputError, RegisterError
from storage.db import Database
from tests.conftest import TEST_DATA

EVAL = TEST_DATA / "conflict_eval.csv"
MARKET = TEST_DATA / "conflict_eval_market.csv"
DECISIONS = TEST_DATA / "conflict_eval_decisions.csv"
FRESH = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "conflict_eval_fresh.csv"
UNSEEN = FRESH.with_name("conflict_eval_unseen.csv")
BLIND = FRESH.with_name("conflict_eval_blind.csv")
BLIND2 = FRESH.with_name("conflict_eval_blind2.csv")
BLIND3 = FRESH.with_name("conflict_eval_blind3.csv")
BLIND4 = FRESH.with_name("conflict_eval_blind4.csv")
BLIND5 = FRESH.with_name("conflict_eval_blind5.csv")
BLIND6 = FRESH.with_name("conflict_eval_blind6.csv")
BLIND7 = FRESH.with_name("conflict_eval_blind7.csv")
BLIND8 = FRESH.with_name("conflict_eval_blind8.csv")
BLIND9 = FRESH.with_name("conflict_eval_blind9.csv")
BLIND10 = FRESH.with_name("conflict_eval_blind10.csv")
BLIND11 = FRESH.with_name("conflict_eval_blind11.csv")
BLIND12 = FRESH.with_name("conflict_eval_blind12.csv")
BLIND13 = FRESH.with_name("conflict_eval_blind13.csv")
BLIND14 = FRESH.with_name("conflict_eval_blind14.csv")
BLIND15 = FRESH.with_name("conflict_eval_blind15.csv")
BLIND16 = FRESH.with_name("conflict_eval_blind16.csv")
BLIND17 = FRESH.with_name("conflict_eval_blind17.csv")
BLIND18 = FRESH.with_name("conflict_eval_blind18.csv")
BLIND19 = FRESH.with_name("conflict_eval_blind19.csv")
BLIND20 = FRESH.with_name("conflict_eval_blind20.csv")
BLIND21 = FRESH.with_name("conflict_eval_blind21.csv")
BLIND22 = FRESH.with_name("conflict_eval_blind22.csv")
BLIND23 = FRESH.with_name("conflict_eval_blind23.csv")
SET_IDS = ["market", "decisions", "fresh", "unseen", "blind", "blind2", "blind3", "blind4", "blind5"]
SET_IDS += ["blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13"]
SET_IDS += ["blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21"]
SET_IDS += ["blind22", "blind23"]


@pytest.fixture(scope="module")
def shared_index(sqlite_loaded):
    engine = Database(sqlite_loaded)
    index = build_index(engine)
    engine.dispose()
    return index


def test_the_labelled_set_is_big_and_balanced_enough():
    cases = load_cases(EVAL)
    positives = [c for c in cases if c.positive]
    assert len(cases) >= 150
    assert len(cases) - len(positives) >= len(cases) / 3
    kinds = {c.expected_kind for c in positives}
    # every match kind but "evocation" (coined names: the real-market sets hold those cases)
    assert set(KINDS) - {"evocation"} <= kinds <= set(KINDS)
    assert {c.jurisdiction for c in cases} == {"CN", "EU", "FR", "TH"}


@pytest.mark.parametrize(
    "path,size,negative_share",
    [
        (MARKET, 110, 1 / 4),
        (DECISIONS, 110, 1 / 4),
        (FRESH, 110, 1 / 4),
        (UNSEEN, 110, 1 / 4),
        (BLIND, 110, 1 / 4),
        (BLIND2, 110, 1 / 4),
        (BLIND3, 110, 1 / 4),
        (BLIND4, 110, 1 / 4),
        # blind5: its research session found 101 sourced cases in its time, 24 of them negatives
        (BLIND5, 100, 1 / 5),
        (BLIND6, 110, 1 / 4),
        (BLIND7, 110, 1 / 4),
        # blind8: its research session found only 29 cases not used before (5 negatives) in its time
        (BLIND8, 29, 1 / 6),
        (BLIND9, 110, 1 / 4),
        (BLIND10, 100, 1 / 3),
        # blind11: its research session found only 64 cases not used before (43 of them negatives)
        (BLIND11, 60, 1 / 2),
        # blind12: its research session found only 34 cases not used before in its time
        (BLIND12, 34, 1 / 3),
        # blind13: 26 cases (Chinese enforcement, Thai producers) in its research session's time
        (BLIND13, 26, 1 / 3),
        # blind14: 36 cases (European enforcement and seizures, Chinese homonyms) in its session's time
        (BLIND14, 36, 1 / 3),
        # blind15: 28 cases of European evocations and partial uses (6 negatives), a tuning set
        (BLIND15, 28, 1 / 5),
        # blind16: 20 Chinese cases (10 negatives) in its research session's time
        (BLIND16, 20, 1 / 2),
        # blind17: 27 Chinese cases (11 negatives), a tuning set (two Taiwanese cases left out: no
        # jurisdiction the tool screens)
        (BLIND17, 27, 1 / 3),
        # blind18: 32 cases (13 negatives; EU 20, FR 6, CN 4, TH 2) in its research session's time
        (BLIND18, 32, 1 / 3),
        # blind19: 20 cases (7 negatives; FR 9, EU 8, CN 3), mostly domain-name disputes
        (BLIND19, 20, 1 / 3),
        # blind20: 32 domain-name disputes (9 negatives; EU 27, GB 3, IT 2), a tuning set
        (BLIND20, 32, 1 / 4),
        # blind21: 11 Chinese trademark decisions on foreign names (1 negative), all its research session
        # found unused (two Taiwanese cases left out: no jurisdiction the tool screens)
        (BLIND21, 11, 1 / 12),
        # blind22: 39 domain names (15 negatives; EU 29, CN 10): .eu, .it, .cn disputes, consortia's own
        # sites, trade reports
        (BLIND22, 39, 1 / 3),
        # blind23: 45 product titles, shop signs and menus (20 negatives; FR 15, EU 14, CN 14, TH 2) from
        # enforcement reports, penalty notices, court rulings and listings
        (BLIND23, 45, 2 / 5),
    ],
    ids=SET_IDS,
)
def test_every_real_world_case_has_a_source_and_a_gi_of_the_register(
    shared_index, path, size, negative_share
):
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= size
    assert [i for i, r in enumerate(rows, start=2) if not (r.get("source") or "").strip()] == []
    known = {gi.id for gi in shared_index.gis}
    assert sorted({r["expected_gi"] for r in rows if r["expected_gi"]} - known) == []
    negatives = sum(1 for r in rows if not r["expected_gi"])
    assert negatives >= len(rows) * negative_share


def test_quality_targets_hold_on_the_labelled_set(shared_index):
    report = evaluate(shared_index, load_cases(EVAL))
    # the targets: expected GI in the top 3 at >= medium for >= 95 % of positives; no negative at high
    assert report.top3_medium_rate() >= 0.95
    assert [o.case.label for o in report.negatives_at_high()] == []
    # and the numbers measured when this test was written, so they do not slip unnoticed
    assert report.expected_severity_rate() >= 0.96
    for kind, m in report.per_kind.items():
        if m["positives"]:
            assert m["recall"] >= 0.85, (kind, m)
        if m["hits"]:  # the precision target, per kind
            assert m["precision"] >= 0.85, (kind, m)


@pytest.mark.parametrize(
    "path,floor,highs",
    [
        (MARKET, 0.87, 0),
        (DECISIONS, 0.94, 0),
        (FRESH, 0.88, 0),
        (UNSEEN, 0.97, 0),
        # two measured at the blind set's first run and still there: in its tuning part a Croatian
        # producer's own PDO on its label (a screen cannot tell it from a misuse; the Teran on it is a
        # cleared use, General Court T-626/17), and one in its held-out quarter, not read
        (BLIND, 0.97, 2),
        # blind2 (first run 68.9 %, 3 negatives at high): in its tuning part three producers' own GIs on
        # their own labels (金华火腿, Grana Padano, Doi Tung coffee), which a name screen cannot tell from
        # misuses; one in its held-out quarter, not read
        (BLIND2, 0.91, 4),
        # blind3 (never tuned on): first run 83.5 %, no negative at high
        (BLIND3, 0.93, 0),
        # blind4 (2026-12-05, first run 78.4 %): in its tuning part a producer's own 安吉白茶, the pear
        # variety Champagner Bratbirne (allowed by the German Federal Court) and a sauce that contains the
        # Reblochon it names; none in its held-out quarter
        (BLIND4, 0.89, 3),  # 87.8 %, 89.2 % since the stated goods' Nice classes (2026-12-05 evening)
        # blind5 (2026-12-05, never tuned on): its first run 81.3 %, 3 negatives at high (not read)
        (BLIND5, 0.92, 3),
        # blind6 (2026-12-05, first run 84.7 %, 5 negatives at high): in its tuning part the pear variety
        # Champagner Bratbirne again; four in its held-out quarter, not read
        (BLIND6, 0.89, 5),
        # blind7 (2026-12-05, never tuned on): its one run, 79.2 % (the session-start code the same), 3
        # negatives at high (not read)
        (BLIND7, 0.84, 3),
        # blind8 (2026-12-05, 29 cases, first run 66.7 %): one negative at high, in its held-out quarter
        (BLIND8, 0.83, 1),
        # blind9 (2026-12-05, first run 72.0 %): in its tuning part 'Hüttentee', which the set counts as a
        # neutral name but is itself a German spirit GI of the EU register (a screen rightly flags it)
        (BLIND9, 0.83, 1),
        # blind10 (2026-12-05, first run 77.8 %): one negative at high in its tuning part, 'Grataron du
        # Beaufortain', which begins with the whole name Beaufort on a cheese (its set counts it innocent)
        (BLIND10, 0.92, 1),
        # blind11 (2026-12-05, never tuned on): its one run, 71.4 % (the session-start code the same), 1
        # negative at high (not read)
        (BLIND11, 0.71, 1),
        # blind12 (2026-12-05, never tuned on): its one run, 82.4 % (the session-start code the same), no
        # negative at high; 88.2 % since a decision on reputation reaches an adjective and vermouth is a
        # product word (2026-12-05, late), never read
        (BLIND12, 0.88, 0),
        # blind13 (2026-12-05, never tuned on): its one run, 86.7 % (the session-start code the same), 3
        # negatives at high of 11 (not read; its research session counted producers inside a GI's area
        # selling under the GI's name as innocent, which no name screen can tell from a misuse)
        (BLIND13, 0.86, 3),
        # blind14 (2026-12-05, never tuned on): its one run, 75.0 % (the session-start rules), no negative
        # at high
        (BLIND14, 0.75, 0),
        # blind15 (2026-12-05, European evocations and partial uses, tuned on): first run 45.5 %, 72.7 %
        # after its tuning part was read, 77.3 % since the stated goods' Nice classes (Prosejito on cocktails)
        (BLIND15, 0.77, 0),
        # blind16 (2026-12-05, never tuned on, 10 positives): its one run, 40.0 % (the session-start code the
        # same), no negative at high; 70.0 % after a number put for a name's number became a near spelling
        # (its labels, not its results, had been seen in its research session's report: not a blind gain)
        (BLIND16, 0.70, 0),
        # blind17 (2026-12-05, Chinese partials and renderings, tuned on): first run 68.8 %
        (BLIND17, 0.81, 0),
        # blind18 (2026-12-05, never tuned on, 19 positives): its one run, 100 % (the session-start code the
        # same), no negative at high; the floor one case below
        (BLIND18, 0.94, 0),
        # blind19 (2026-12-05, never tuned on, 13 positives, mostly domain names): its one run, 61.5 % (the
        # session-start code the same), no negative at high; 69.2 % since domain names are read as their words
        # (2026-12-05 evening; a rule written on blind20, its failures still unread)
        (BLIND19, 0.69, 0),
        # blind20 (2026-12-05 evening, domain names, tuned on): first run 47.8 % with the session-start code,
        # 56.5 % with the first domain reading; two negatives at high ('gorgonzola.wtf', a denial on US
        # descriptive use, and one of the held-out quarter)
        (BLIND20, 0.73, 2),
        # blind21 (2026-12-05 evening, never tuned on, 10 positives): its one run, 80.0 % (the session-start
        # code the same), no negative at high
        (BLIND21, 0.8, 0),
        # blind22 (2026-12-05 evening, never tuned on, 24 positives, domain names written after the domain
        # reading): its one run, 83.3 % (the session-start code 66.7 %), no negative at high
        (BLIND22, 0.83, 0),
        # blind23 (2026-12-05 evening, never tuned on, 25 positives, listing-style titles): its one run,
        # 96.0 % (the session-start code the same), 88.0 % at the expected severity (84.0 %), no negative at
        # high
        (BLIND23, 0.96, 0),
    ],
    ids=SET_IDS,
)
def test_no_innocent_real_market_label_is_high(shared_index, path, floor, highs):
    """The real-market sets (labels from court cases, seizures and listings, each with its source): no
    more negatives at high than measured, and the share found at >= medium no lower than measured on
    2026-12-05 (market 88.6 %, decisions 95.4 %, fresh 89.9 %, unseen 95.9 %, blind 95.9 % (76.4 % at its
    first run), blind2 89.2 % (68.9 %), blind3 91.1 % (83.5 %), blind4 87.8 % (78.4 %), blind5 85.3 %
    (81.3 %; 88.0 % since 2026-12-05 evening, never read), blind6 90.6 % (84.7 %), blind7 79.2 % (its one
    run), blind8 66.7 % (66.7 %), blind9 84.0 % (72.0 %), blind10 87.3 % (77.8 %); raised on 2026-12-05
    (night) where a Chinese name with one character changed and names only applied for moved them: blind3
    92.4 %, blind5 90.7 %, blind7 83.1 %, blind8 79.2 %, blind10 92.1 %; blind12 82.4 % at its one run;
    raised on 2026-12-05 (afternoon): unseen 97.3 %, blind 97.3 %, blind2 91.9 %, blind3 93.7 %, blind5
    92.0 %, blind7 84.4 %, blind8 83.3 %, blind12 88.2 %; blind14 75.0 % and blind16 40.0 % at their one
    runs): floors against slipping, not the issue's target. Counts only: the labels of sets kept unread
    are not printed."""
    report = evaluate(shared_index, load_cases(path))
    assert len(report.negatives_at_high()) <= highs
    assert report.top3_medium_rate() >= floor


def test_check_works_on_both_backends(loaded_engine):
    index = build_index(loaded_engine)
    results = check_labels(index, ["香宾酒", "Parma ham", "plain green tea"], "CN")
    assert [r.label for r in results] == ["香宾酒", "Parma ham", "plain green tea"]
    assert (results[0].matches[0].gi.id, results[0].matches[0].kind) == ("fr-champagne", "homophone")
    assert results[1].matches[0].gi.id == "it-prosciutto-di-parma"
    assert all(m.severity != "high" for m in results[2].matches)
    with pytest.raises(RegisterError, match="unknown jurisdiction"):
        check_labels(index, ["x"], "US")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_scan_reports_objection_grounds_on_both_backends(loaded_engine, tmp_path):
    index = build_index(loaded_engine)
    path = write(
        tmp_path / "proposal.csv",
        "name,product_class,origin\n"
        "Champagne,Wine,FR\n"  # already protected in CN, through three routes
        "香宾,Wine,CN\n"  # conflicts with 香槟
        "Champagne,Wine,US\n"  # homonym of a protected name, another origin
        "Cheddar,Cheeses,GB\n"  # a generic term
        "测试新茶,Tea,CN\n"  # nothing to object to
        "香宾,Wine,CN\n"  # duplicate of line 3
        "Madeira,Wine,PT\n",  # on Annex VI, pending in China: already listed, not protected
    )
    rows = scan_list(index, path, "CN")
    types = {r.line: {f.type for f in r.findings} for r in rows}
    assert types[2] == {"already-protected"}
    assert "conflict" in types[3]
    assert "homonym" in types[4]
    assert "generic-term" in types[5]
    assert types[6] == set()
    assert "duplicate" in types[7]
    assert types[8] == {"already-listed"}
    route_detail = next(f.detail for f in rows[0].findings)
    assert "china-eu Annex IV" in route_detail and "collective/certification mark" in route_detail


def test_scan_refuses_a_malformed_list_with_line_numbers(shared_index, tmp_path):
    path = write(tmp_path / "bad.csv", "name,product_class,origin\nChampagne,Wine,France\n")
    with pytest.raises(InputError) as err:
        scan_list(shared_index, path, "CN")
    assert err.value.problems[0].startswith(f"{path}:2: origin:")


def test_foreign_gis_china_protects_by_its_own_routes_are_screened_there(shared_index):
    # Scotch Whisky: an AQSIQ GI product since 8 Nov 2010 (World Trademark Review), whatever became of the
    # UK names of the China–EU annexes; Tequila (龙舌兰酒（特其拉）): a GI product since 3 Nov 2014
    from compare.conflicts import Checker

    checker = Checker(shared_index, "CN")
    for label, gi_id in (
        ("苏格兰威士忌", "gb-scotch-whisky"),
        ("Scotch whisky", "gb-scotch-whisky"),
        ("特其拉", "mx-tequila"),
    ):
        hit = next(h for h in checker.check(label) if h.gi.id == gi_id)
        assert hit.severity == "high", hit.reason
        assert any(p.route == "national-register" and p.since for p in hit.protections)
