"""Register services on real databases: SQLite and PostgreSQL (parametrised `engine`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from agreements.services import overview
from bootstrap import initialise
from errors import InputError, RegisterError
from gi_lists.entries import HOME_SOURCE, home_jurisdictions
from gi_lists.services import Filters, find_gi, import_file, list_gis, search
from storage import tables as t
from storage import work_tables
from storage.migrate import sqlalchemy_engine
from tests.conftest import PROJECT_ROOT

REFERENCE = PROJECT_ROOT / "data" / "reference"


def snapshot(engine) -> str:
    """Everything stored, as text: used to prove that a refused batch changed nothing."""
    out = {}
    with sqlalchemy_engine(engine).connect() as conn:
        for table in t.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(json.dumps(list(r), default=str, ensure_ascii=False) for r in rows)
    return json.dumps(out, ensure_ascii=False)


def reference_rows() -> list[dict[str, str]]:
    rows = []
    for file in ("china_eu_annexes.csv", "china_eu_uk_names.csv", "bilateral_entries.csv"):
        with open(REFERENCE / file, encoding="utf-8") as fh:
            rows += list(csv.DictReader(fh))
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def register_rows() -> list[dict[str, str]]:
    with open(REFERENCE / "registers" / "eu_eambrosia_2020-07.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_init_loads_every_bundled_row_once_merged_per_gi(loaded_engine):
    gis = list_gis(loaded_engine)
    protections = [(gi, p) for gi in gis for p in gi.protections]
    register = [(gi, p) for gi, p in protections if p.jurisdiction == "EU" and p.reference]
    in_register = {id(p) for _, p in register}  # by identity: a list's `in` compared whole GIs, 35M times
    listed = [(gi, p) for gi, p in protections if p.source != HOME_SOURCE and id(p) not in in_register]
    # 559 annex names, 8 UK names, 44 bilateral rows, of which the 10 pilot names are EU-register rows,
    # and the 2 foreign GIs China protects by its own routes (cn_foreign_gis.csv)
    foreign = [
        (gi, p)
        for gi, p in listed
        if p.jurisdiction in ("CN", "TH") and p.route == "national-register" and not p.agreement
    ]
    assert sorted((p.jurisdiction, gi.id) for gi, p in foreign) == [
        ("CN", "gb-scotch-whisky"),
        ("CN", "mx-tequila"),
        ("TH", "fr-champagne"),
        ("TH", "fr-cognac"),
    ]
    assert all(p.status == "protected" and p.source and p.note for _, p in foreign)
    assert len(listed) - len(foreign) == len(reference_rows()) - 10 == 601
    # the register: every row but the 5 cancellation requests (notes on their names), one GI per file number
    rows = register_rows()
    numbers = {r["file_number"] for r in rows if not r["file_number"].endswith("-CANCEL")}
    assert sorted(p.reference for _, p in register) == sorted(numbers)
    assert len({gi.id for gi, _ in register}) == len(numbers) == 3476
    assert all(p.note and p.note.startswith("EU register as of July 2020") for _, p in register)
    assert all(p.source and p.confidence in ("high", "medium", "low", "unconfirmed") for _, p in protections)
    by_id = {gi.id: gi for gi in gis}
    assert len(by_id) == len(gis)
    # every GI still on a list is protected at home, once per home jurisdiction (in the EU, by the EU
    # register where it holds the name)
    for gi in gis:
        expected = home_jurisdictions(gi.origin)
        home = sorted(
            p.jurisdiction
            for p in gi.protections
            if p.source == HOME_SOURCE or (p.reference and p.jurisdiction == "EU" and "EU" in expected)
        )
        on_a_list = any(p.status != "withdrawn" for p in gi.protections if p.agreement)
        if on_a_list:
            assert home == sorted(expected), gi.id
    champagne = by_id["fr-champagne"]
    assert sorted((p.route, p.annex, p.jurisdiction) for p in champagne.protections) == [
        ("agreement", "IV", "CN"),
        ("national-register", None, "CN"),
        ("national-register", None, "EU"),
        ("national-register", None, "FR"),
        ("national-register", None, "TH"),
        ("trademark", None, "CN"),
    ]
    assert {"Champagne", "香槟"} <= {n.text for n in champagne.names}
    # Annex rows by annex, with their own source and confidence
    counts: dict[str, int] = {}
    for _, p in protections:
        if p.agreement == "china-eu" and p.status != "withdrawn":
            counts[p.annex or ""] = counts.get(p.annex or "", 0) + 1
    assert counts == {"III": 100, "IV": 96, "V": 175, "VI": 171, "VII": 17}
    # the UK names of the signed annexes are kept as withdrawn history
    uk = [(gi.id, p.annex) for gi, p in protections if p.status == "withdrawn" and gi.origin == "GB"]
    assert sorted(annex for _, annex in uk) == ["IV"] * 4 + ["VI"] * 4
    # homonyms stay apart by their goods: Toscano the wine (IV) and the olive oil (VI)
    toscano = sorted(gi.product_class for gi in gis if "Toscano" in {n.text for n in gi.names})
    assert toscano == ["Oils and fats", "Wine"]
    # every reference row is findable by its name
    for row in reference_rows():
        name = row["name_local"] if row.get("agreement", "CN-FR") != "CN-FR" else row["name"]
        if row.get("origin") == "UK":
            continue  # withdrawn: findable, but the check below looks at a GI's first hit only
        hits = search(loaded_engine, name.split(" / ")[0], limit=5)
        assert hits and hits[0].score == 1.0, name


def test_init_is_idempotent(loaded_engine):
    before = snapshot(loaded_engine)
    result = initialise(loaded_engine, who="tester")
    assert not result.loaded_reference
    assert snapshot(loaded_engine) == before
    again = initialise(loaded_engine, who="tester", reload_reference=True)
    assert again.loaded_reference and again.added == 0 and again.changed == 0
    with sqlalchemy_engine(loaded_engine).connect() as conn:
        history_rows = conn.execute(select(func.count()).select_from(t.history)).scalar_one()
    assert history_rows == len(json.loads(before)["history"])


def test_statuses_follow_the_annex_and_the_source(loaded_engine):
    thai_rice = find_gi(loaded_engine, "ข้าวหอมมะลิทุ่งกุลาร้องไห้")
    doi_tung = find_gi(loaded_engine, "Kafae Doi Tung")
    longjing = find_gi(loaded_engine, "龙井茶")
    haut_medoc = find_gi(loaded_engine, "Haut-Médoc")
    assert [(p.jurisdiction, p.status, p.agreement, p.reference) for p in thai_rice.protections] == [
        ("CN", "pending", "china-thailand", None),
        ("EU", "protected", None, "PGI-TH-0729"),  # the EU register
        ("TH", "protected", None, None),  # home
    ]
    assert any(n.kind == "translation" and n.text == "通谷拉隆海茉莉香米" for n in thai_rice.names)
    assert doi_tung.protections[0].status == "not-filed"
    assert [(p.jurisdiction, p.route, p.agreement, p.reference) for p in longjing.protections] == [
        ("EU", "national-register", None, "PDO-CN-0621"),  # the EU register, with the pilot's names
        ("CN", "national-register", None, None),  # home
    ]
    assert {"龙井茶", "Longjing cha"} <= {n.text for n in longjing.names} and longjing.product_class == "Tea"
    assert sorted((p.route, p.annex, p.status, p.jurisdiction) for p in haut_medoc.protections) == [
        ("agreement", "VI", "pending", "CN"),
        ("national-register", None, "protected", "CN"),
        ("national-register", None, "protected", "EU"),  # the EU register
        ("national-register", None, "protected", "FR"),  # home, with the EU file number
    ]
    assert {p.reference for p in haut_medoc.protections if p.route == "national-register"} == {
        None,
        "PDO-FR-A0710",
    }


def test_overview_counts_each_annex(loaded_engine):
    views = {v.agreement.id: v for v in overview(loaded_engine)}
    assert set(views) == {"china-eu", "china-france", "china-thailand"}
    eu = {lc.annex: lc for lc in views["china-eu"].lists}
    assert {k: v.total for k, v in eu.items()} == {"III": 100, "IV": 100, "V": 175, "VI": 175, "VII": 17}
    assert eu["IV"].by_status == {"protected": 96, "withdrawn": 4} and eu["IV"].expected == 96
    assert eu["V"].by_status == {"pending": 175}
    france = views["china-france"].lists[0]
    assert (
        france.annex is None and france.total == 24
    )  # 27 rows: Cognac, Champagne, Bordeaux have two routes each
    thailand = views["china-thailand"].lists[0]
    assert thailand.by_status == {"pending": 3, "not-filed": 4}
    assert any(e.date == "2021-03-01" for e in views["china-eu"].agreement.events)


@pytest.mark.parametrize(
    "query",
    [
        "Anxi Tie Guan Yin",
        "anxi tieguanyin",
        "安溪鐵觀音",
        "安溪铁观音",
        "ANXI TIEGUANYIN",
        "Ānxī Tiěguānyīn",
    ],
)
def test_search_finds_a_gi_by_any_form(loaded_engine, query):
    hits = search(loaded_engine, query)
    assert hits[0].gi.id == "cn-anxi-tie-guan-yin"
    assert hits[0].score == 1.0


def test_search_folds_accents_and_filters(loaded_engine):
    assert search(loaded_engine, "polska wodka")[0].gi.id == "pl-polska-wodka"
    assert search(loaded_engine, "Muenchener Bier")[0].gi.display_name == "Münchener Bier"
    assert search(loaded_engine, "香檳")[0].gi.id == "fr-champagne"
    parma = search(loaded_engine, "parma")
    assert parma[0].gi.display_name == "Prosciutto di Parma"
    # FR includes what the EU protects; CN protects it at home; TH not at all
    assert (
        search(loaded_engine, "anxi tieguanyin", Filters(jurisdiction="FR"))[0].gi.id
        == "cn-anxi-tie-guan-yin"
    )
    assert (
        search(loaded_engine, "anxi tieguanyin", Filters(jurisdiction="CN"))[0].gi.id
        == "cn-anxi-tie-guan-yin"
    )
    assert search(loaded_engine, "anxi tieguanyin", Filters(jurisdiction="TH")) == []
    assert all(
        h.gi.product_class == "Tea" for h in search(loaded_engine, "cha", Filters(product_class="tea"))
    )
    assert search(loaded_engine, "cha", Filters(product_class="tea"))
    pending = search(loaded_engine, "cha", Filters(status="pending"))
    assert pending and all(any(p.status == "pending" for p in h.gi.protections) for h in pending)
    assert search(loaded_engine, "Champagne", Filters(origin="FR"))[0].gi.id == "fr-champagne"
    assert search(loaded_engine, "Champagne", Filters(origin="IT")) == []
    assert search(loaded_engine, "Champagen")[0].gi.id == "fr-champagne"  # close spelling
    # Wade-Giles and trade spellings of Chinese names, RTGS for Thai
    assert search(loaded_engine, "ti kuan yin")[0].gi.id == "cn-anxi-tie-guan-yin"
    assert search(loaded_engine, "Lapsang Souchong")[0].gi.id == "cn-zhengshan-xiao-zhong"
    assert search(loaded_engine, "khao hom mali")[0].gi.id == "th-khao-hom-mali-thung-kula-rong-hai"
    with pytest.raises(RegisterError, match="unknown jurisdiction"):
        search(loaded_engine, "x", Filters(jurisdiction="US"))
    with pytest.raises(RegisterError, match="unknown agreement"):
        search(loaded_engine, "x", Filters(agreement="china-us"))
    with pytest.raises(RegisterError, match="empty"):
        search(loaded_engine, "   ")


def test_a_batch_with_bad_rows_changes_nothing(loaded_engine, tmp_path):
    rows = [[f"测试名称{i}", "Tea", "CN", "2022"] for i in range(10)]
    rows[2][0] = ""
    rows[5][2] = "Zhejiang"
    rows[8][3] = "2022-13-01"
    path = write_csv(tmp_path / "annex_v.csv", ["name", "product_class", "origin", "since"], rows)
    before = snapshot(loaded_engine)
    with pytest.raises(InputError) as err:
        import_file(loaded_engine, path, agreement="china-eu", annex="V", register=None, who="tester")
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in err.value.problems] == ["4", "7", "10"]
    assert snapshot(loaded_engine) == before


def test_import_adds_then_is_idempotent_then_records_changes(loaded_engine, tmp_path):
    header = ["name", "transcription", "product_class", "origin", "status", "source", "confidence"]
    rows = [
        ["测试甲茶", "Ceshi Jia Cha", "Tea", "CN", "pending", "OJ C 459", "high"],
        [
            "测试乙米",
            "Ceshi Yi Mi",
            "Fresh or processed fruit, vegetables and cereals",
            "CN",
            "pending",
            "OJ C 459",
            "high",
        ],
    ]
    path = write_csv(tmp_path / "v.csv", header, rows)
    dry = import_file(
        loaded_engine,
        path,
        agreement="china-eu",
        annex="V",
        register=None,
        who="a",
        dry_run=True,
        keep_missing=True,
    )
    assert len(dry.plan.added) == 2 and dry.batch_id is None
    assert search(loaded_engine, "测试甲茶") == []
    first = import_file(
        loaded_engine, path, agreement="china-eu", annex="V", register=None, who="a", keep_missing=True
    )
    assert first.plan.summary()["added"] == 2
    before = snapshot(loaded_engine)
    again = import_file(
        loaded_engine, path, agreement="china-eu", annex="V", register=None, who="a", keep_missing=True
    )
    assert again.plan.is_empty and again.batch_id is None
    assert snapshot(loaded_engine) == before

    rows[0][4] = "protected"
    write_csv(path, header, rows[:1])
    # without --keep-missing, every other Annex V entry (175 bundled + 1) is withdrawn, once confirmed
    update = import_file(
        loaded_engine, path, agreement="china-eu", annex="V", register=None, who="b", confirm_withdrawals=176
    )
    assert update.plan.summary()["changed"] == 1
    assert len(update.plan.removed) == 176
    gi = find_gi(loaded_engine, "Ceshi Jia Cha")
    dropped = find_gi(loaded_engine, "测试乙米")
    status_events = [h for h in gi.history if h.what.endswith("status")]
    assert [(h.before, h.after, h.who) for h in status_events] == [
        (None, "pending", "a"),
        ("pending", "protected", "b"),
    ]
    assert dropped.protections[0].status == "withdrawn"
    assert dropped.history[-1].after == "withdrawn" and "v.csv" in (dropped.history[-1].source or "")


def test_register_import_merges_with_a_gi_known_from_an_agreement(loaded_engine, tmp_path):
    path = write_csv(
        tmp_path / "cn_register.csv",
        ["name", "name_zh", "product_class", "origin", "since", "source", "confidence"],
        [
            [
                "Prosciutto di Parma",
                "帕尔玛火腿",
                "Meat products (cooked, salted, smoked, etc.)",
                "IT",
                "2012",
                "10+10 pilot",
                "medium",
            ]
        ],
    )
    result = import_file(
        loaded_engine, path, agreement=None, annex=None, register="CN", who="a", keep_missing=True
    )
    assert result.plan.summary()["added"] == 1 and not result.plan.new_gis
    parma = find_gi(loaded_engine, "帕尔玛火腿")
    assert sorted((p.route, p.jurisdiction) for p in parma.protections) == [
        ("agreement", "CN"),
        ("national-register", "CN"),  # the batch just imported
        ("national-register", "EU"),  # home
    ]


def test_import_target_errors_are_clear(loaded_engine, tmp_path):
    path = write_csv(tmp_path / "x.csv", ["name", "product_class", "origin"], [["X", "Wine", "FR"]])
    cases = [
        (dict(agreement="china-eu", annex=None, register=None), "add --annex"),
        (dict(agreement="china-eu", annex="II", register=None), "no name list in annex"),
        (dict(agreement="china-us", annex=None, register=None), "unknown agreement"),
        (dict(agreement=None, annex=None, register="US"), "unknown jurisdiction"),
        (dict(agreement="china-eu", annex="IV", register="CN"), "either"),
        (dict(agreement="china-france", annex="I", register=None), "no annexes"),
    ]
    for kwargs, message in cases:
        with pytest.raises(RegisterError, match=message):
            import_file(loaded_engine, path, who="a", **kwargs)


def test_engine_fixture_runs_on_both_backends(engine):
    """The schema migrates on each backend (the parametrised fixture proves PostgreSQL too)."""
    from storage.migrate import current_revision, head_revision, upgrade

    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)


def test_migrations_match_the_table_definitions(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from storage.migrate import upgrade

    upgrade(engine)
    with sqlalchemy_engine(engine).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


def test_an_import_does_not_add_a_name_that_differs_only_by_case_or_script(loaded_engine, tmp_path):
    path = write_csv(
        tmp_path / "iv.csv",
        ["name", "name_zh", "product_class", "origin"],
        [["champagne", "香檳", "Wine", "FR"]],
    )
    import_file(
        loaded_engine, path, agreement="china-eu", annex="IV", register=None, who="a", keep_missing=True
    )
    names = [(n.text, n.kind) for n in find_gi(loaded_engine, "fr-champagne").names]
    assert names == [("Champagne", "original"), ("香槟", "official-rendering")]


def test_a_spreadsheet_formula_is_refused_with_its_line(loaded_engine, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["name", "product_class", "origin", "since"])
    ws.append(["测试茶", "Tea", "CN", "=TODAY()"])
    path = tmp_path / "v.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as err:
        import_file(loaded_engine, path, agreement="china-eu", annex="V", register=None, who="a")
    assert err.value.problems == [f"{path}:2: since: a formula (=TODAY()); paste its value instead"]


def gi_ids(db) -> set[str]:
    from gi_lists.repository import GIRepository

    with db.read() as conn:
        return GIRepository(conn).ids()


def test_a_write_that_finds_the_database_held_after_long_work_is_still_retried(engine):
    """The wait for another writer counts from the first refusal, not from the start of the work: a
    long plan that then finds the database held is tried again."""
    import sqlite3
    import time

    initialise(engine, who="tester")
    calls = []

    def work(conn):
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(1.2)
            raise sqlite3.OperationalError("database is locked")
        return conn.scalar("SELECT count(*) FROM gis")

    assert engine.transaction(work, wait_s=1.0) == len(gi_ids(engine))
    assert len(calls) == 2


def test_two_writers_storing_the_same_reading_do_not_collide(loaded_engine):
    from gi_lists.repository import GIRepository

    row = ("pinyin", "测试甲", '["ce", "shi", "jia"]', "test 1")
    loaded_engine.transaction(lambda conn: GIRepository(conn).save_readings([row]))
    loaded_engine.transaction(lambda conn: GIRepository(conn).save_readings([(*row[:3], "test 2")]))
    with loaded_engine.read() as conn:
        assert GIRepository(conn).reading_versions()[("pinyin", "测试甲")] == "test 2"


def test_a_large_batch_computes_its_readings_on_every_core_with_the_same_result(
    loaded_engine, tmp_path, monkeypatch
):
    """Readings made by worker processes are the readings one process makes (pinyin of each name)."""
    import gi_lists.keys as keys
    from names.normalise import compute_reading

    monkeypatch.setattr(keys, "PARALLEL_FROM", 2)
    names = ["测试甲乙茶", "測試丙丁茶", "郫县测试豆瓣", "测试戊己米"]
    path = write_csv(
        tmp_path / "many.csv",
        ["name", "product_class", "origin"],
        [[n, "Tea", "CN"] for n in names],
    )
    import_file(loaded_engine, path, agreement=None, annex=None, register="CN", who="tester")
    with sqlalchemy_engine(loaded_engine).connect() as conn:
        readings = work_tables.readings
        query = select(readings.c.text, readings.c.reading).where(readings.c.system == "pinyin")
        stored = {text: reading for text, reading in conn.execute(query).all()}
    for name in ["测试甲乙茶", "测试丙丁茶", "郫县测试豆瓣", "测试戊己米"]:
        assert stored[name] == compute_reading("pinyin", name)
    assert json.loads(stored["郫县测试豆瓣"])[:2] == ["pi", "xian"]
    assert find_gi(loaded_engine, "ce shi bing ding cha").display_name == "測試丙丁茶"


def test_reload_reference_brings_a_register_from_before_the_eu_register_up_to_date(loaded_engine):
    """A register whose EU protections were inferred home protections (no file numbers), as before the
    EU register was bundled: `init --reload-reference` gives each file number to one GI, adds no GI, and
    records every change in the history."""
    from sqlalchemy import update

    gis_before = len(list_gis(loaded_engine))
    with sqlalchemy_engine(loaded_engine).begin() as conn:
        conn.execute(
            update(t.protections)
            .where(t.protections.c.reference.is_not(None))
            .values(reference=None, source=HOME_SOURCE, note=None, since=None)
        )
        events_before = conn.execute(select(func.count()).select_from(t.history)).scalar_one()
    result = initialise(loaded_engine, who="tester", reload_reference=True)
    assert result.added == 0 and result.changed >= 3400
    gis = list_gis(loaded_engine)
    assert len(gis) == gis_before
    references = [p.reference for gi in gis for p in gi.protections if p.jurisdiction == "EU" and p.reference]
    assert len(references) == len(set(references)) == 3476
    with sqlalchemy_engine(loaded_engine).connect() as conn:
        events = conn.execute(select(func.count()).select_from(t.history)).scalar_one()
    assert events - events_before >= 3476
    assert initialise(loaded_engine, who="tester", reload_reference=True).changed == 0


def test_reload_reference_keeps_a_register_list_refreshed_since_the_bundled_snapshot(loaded_engine, tmp_path):
    """After a newer batch of register/EU (a refresh from the live register, or staff's import), the
    bundled July 2020 snapshot is not applied over it again."""
    path = write_csv(
        tmp_path / "eu_update.csv",
        ["name", "product_class", "origin", "status", "since", "source"],
        [["Ennstaler Steirerkas", "Cheeses", "AT", "protected", "2021-06-01", "EU register, 2026"]],
    )
    import_file(
        loaded_engine, path, agreement=None, annex=None, register="EU", who="staff", keep_missing=True
    )
    result = initialise(loaded_engine, who="tester", reload_reference=True)
    kept = [label for label, _ in result.lists if label.startswith("register/EU (kept")]
    assert kept and "eu_update.csv" in kept[0]
    gi = find_gi(loaded_engine, "Ennstaler Steirerkas")
    eu = next(p for p in gi.protections if p.jurisdiction == "EU" and p.route == "national-register")
    assert (eu.status, eu.since) == ("protected", "2021-06-01")  # not set back to the snapshot's 'applied'


def test_every_trade_rendering_names_a_gi_of_the_register_with_a_source(loaded_engine):
    """data/knowledge/trade_renderings.csv: each row's GI exists, the rendering is not already one of its
    names, and it has a source and a confidence."""
    with open(PROJECT_ROOT / "data" / "knowledge" / "trade_renderings.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 100
    gis = {gi.id: gi for gi in list_gis(loaded_engine)}
    for row in rows:
        gi = gis.get(row["gi_id"])
        assert gi is not None, row
        assert row["rendering"] not in {n.text for n in gi.names}, row
        assert row["source"] and row["confidence"] in ("high", "medium", "low"), row
        assert row["variant"] in ("trade", "taiwan", "hong-kong", "traditional", "older", "short"), row


def test_every_reputation_decision_names_a_gi_of_the_register_with_its_source(loaded_engine):
    """data/knowledge/reputations.csv: each decision's GI exists, its jurisdiction is one the tool
    screens, and it names the court or office, the case, the goods held, the basis and a source."""
    with open(PROJECT_ROOT / "data" / "knowledge" / "reputations.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    gis = {gi.id for gi in list_gis(loaded_engine)}
    for row in rows:
        assert row["gi_id"] in gis, row
        assert row["jurisdiction"] in ("CN", "EU", "FR", "TH"), row
        assert row["held_by"] and row["case"] and row["goods_held"] and row["basis"] and row["basis_zh"], row
        assert row["source"].count("http") >= 1 and row["confidence"] in ("high", "medium"), row
        assert not row["date"] or len(row["date"]) == 10, row


def test_search_finds_a_gi_by_a_chinese_trade_rendering(loaded_engine):
    """A name the market uses (布根地, Taiwan usage for Bourgogne) finds its GI when no register name
    matches: data/knowledge/trade_renderings.csv."""
    hits = search(loaded_engine, "布根地")
    assert hits[0].gi.id == "fr-bourgogne" and hits[0].how == "trade rendering"
    assert search(loaded_engine, "布根地", Filters(jurisdiction="TH")) == []  # the filters still apply


def test_every_name_translation_names_a_gi_of_the_register_with_a_source(loaded_engine):
    """data/knowledge/name_translations.csv: each row's GI exists, the form is not already one of its
    names, and it has a kind, a source and a confidence."""
    with open(PROJECT_ROOT / "data" / "knowledge" / "name_translations.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 100
    gis = {gi.id: gi for gi in list_gis(loaded_engine)}
    for row in rows:
        gi = gis.get(row["gi_id"])
        assert gi is not None, row
        assert row["form"].casefold() not in {n.text.casefold() for n in gi.names}, row
        assert row["kind"] in ("translation", "transliteration", "exonym"), row
        assert row["source"] and row["confidence"] in ("high", "medium", "low"), row


def test_every_cleared_use_names_a_gi_of_the_register_with_its_decision(loaded_engine):
    """data/knowledge/cleared_uses.csv: uses held not to infringe, each with its GI, jurisdiction, term,
    court or office, date, case and source."""
    with open(PROJECT_ROOT / "data" / "knowledge" / "cleared_uses.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    gis = {gi.id for gi in list_gis(loaded_engine)}
    assert rows
    for row in rows:
        assert row["gi_id"] in gis and row["jurisdiction"] in ("CN", "EU", "FR", "TH"), row
        assert row["term"] and row["held_by"] and row["case"] and len(row["date"]) == 10, row
        assert "http" in row["source"] and row["confidence"] in ("high", "medium"), row


def test_every_related_goods_row_names_a_gi_class_of_the_register_with_its_decision(loaded_engine):
    """data/knowledge/related_goods.csv: goods held similar to a GI class's, each with a class the register
    uses, a goods concept the vocabularies know, the court or office, date, case and source."""
    from names.knowledge import bundled_knowledge

    with open(PROJECT_ROOT / "data" / "knowledge" / "related_goods.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    classes = {gi.product_class for gi in list_gis(loaded_engine)}
    k = bundled_knowledge()
    concepts = {t.concept for terms in k.products.values() for t in terms}
    assert rows
    for row in rows:
        assert row["gi_class"] in classes and row["concept"] in concepts, row
        assert row["held_by"] and row["case"] and len(row["date"]) == 10, row
        assert "http" in row["source"] and row["confidence"] in ("high", "medium"), row
