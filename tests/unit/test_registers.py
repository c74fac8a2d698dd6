"""The EU register's rows as list entries: names, classes, statuses, file numbers, bad rows."""

from __future__ import annotations

import pytest

from errors import InputError
from gi_lists.coverage import EU_SNAPSHOT_FILE, HOME_FILE, Coverage, CoveredList
from gi_lists.entries import Entry, EntryMatcher, same_goods
from gi_lists.model import Name, Protection
from gi_lists.registers import (
    SNAPSHOT_2020,
    product_class_of,
    register_entries,
    register_entry,
    register_names,
)
from names.normalise import bulgarian_latin

ROW = {
    "file_number": "PDO-FR-A1359",
    "name": "Champagne",
    "type": "PDO",
    "origin": "FR",
    "product_type": "Wine",
    "product_category": "Wine",
    "status": "registered",
    "legal_instrument": "Article 107 of Regulation (EU) No 1308/2013",
    "application_date": "",
    "registration_date": "1973-09-18",
    "publication_date": "",
}


def names(text: str, origin: str) -> list[tuple[str, str, str | None]]:
    return [(n.text, n.kind, n.lang) for n in register_names(text, origin)]


def test_a_registered_row_is_a_protection_in_the_eu_with_its_file_number_and_date():
    entry = register_entry(2, ROW, SNAPSHOT_2020)
    p = entry.protection
    assert (p.jurisdiction, p.route, p.status, p.since, p.reference) == (
        "EU",
        "national-register",
        "protected",
        "1973-09-18",
        "PDO-FR-A1359",
    )
    assert p.confidence == "medium" and "file PDO-FR-A1359" in (p.source or "")
    assert p.note and p.note.startswith("EU register as of July 2020: PDO, registered on 1973-09-18")
    assert not entry.sets_class  # the register's coarse class never overrides an agreement's


@pytest.mark.parametrize(
    ("status", "expected"),
    [("applied", "pending"), ("published", "in-objection"), ("rejected", "rejected")],
)
def test_statuses_other_than_registered_are_not_protection(status, expected):
    entry = register_entry(2, {**ROW, "status": status}, SNAPSHOT_2020)
    assert entry.protection.status == expected and entry.protection.since is None


def test_uk_names_are_unconfirmed_since_2021():
    entry = register_entry(2, {**ROW, "origin": "IE;GB"}, SNAPSHOT_2020)
    assert entry.protection.confidence == "unconfirmed"
    assert "1 Jan 2021" in (entry.protection.note or "")


def test_names_joined_by_a_slash_are_names_of_one_gi():
    assert names("Eau-de-vie de Cognac / Eau-de-vie des Charentes / Cognac", "FR") == [
        ("Eau-de-vie de Cognac", "original", None),
        ("Eau-de-vie des Charentes", "original", None),
        ("Cognac", "original", None),
    ]
    # a one-word part that changes the last word stands for the name so changed
    assert [n for n, _, _ in names("Münsterländer Korn / Kornbrand", "DE")] == [
        "Münsterländer Korn",
        "Münsterländer Kornbrand",
    ]
    assert [n for n, _, _ in names("Gloucestershire cider / perry", "GB")] == [
        "Gloucestershire cider",
        "Gloucestershire perry",
    ]
    assert [n for n, _, _ in names("Crottin de Chavignol / chavignol", "FR")][1] == "chavignol"


def test_native_scripts_are_originals_and_their_latin_forms_transcriptions():
    assert names("龙井茶 / Longjing cha", "CN") == [
        ("龙井茶", "original", "zh"),
        ("Longjing cha", "transcription", "zh-Latn"),
    ]
    assert names("Χαλλούμι / Hellim / Halloumi", "CY")[0] == ("Hellim", "transcription", "el-Latn")
    assert ("Χαλλούμι", "original", "el") in names("Χαλλούμι / Hellim / Halloumi", "CY")
    # a Bulgarian name in Cyrillic alone gets its Latin form by the official transliteration
    assert names("Тракийска низина", "BG") == [
        ("Trakiyska nizina", "transcription", "bg-Latn"),
        ("Тракийска низина", "original", "bg"),
    ]
    assert bulgarian_latin("Търговище") == "Targovishte" and bulgarian_latin("Шумен") == "Shumen"


@pytest.mark.parametrize(
    ("product_type", "category", "expected"),
    [
        ("Food", "Class 1.3. Cheeses", "Cheeses"),
        ("Food", "Class 1.1 Fresh meat (and offal)", "Fresh meat (and offal)"),
        (
            "Food",
            "Class 1.6. Fruit, vegetables and cereals fresh or processed",
            "Fresh or processed fruit, vegetables and cereals",
        ),
        ("Spirit drink", "9. Fruit spirit", "Spirit (Fruit spirit)"),
        ("Wine", "Wine", "Wine"),
        ("Food", "Class 2.99. Something new", "Something new"),  # unknown: the register's own words
    ],
)
def test_register_categories_become_product_classes(product_type, category, expected):
    assert product_class_of(product_type, category) == expected


def test_bad_rows_are_all_reported_with_line_and_field():
    rows = [
        (2, ROW),
        (3, {**ROW, "file_number": "PDO-FR-1", "status": "dormant"}),
        (4, {**ROW, "file_number": "PDO-FR-2", "origin": "France"}),
        (5, {**ROW, "file_number": "PDO-FR-3", "name": ""}),
        (6, {**ROW}),  # the same file number again
        (7, {**ROW, "file_number": "PDO-FR-4", "registration_date": "1973-02-30"}),
    ]
    with pytest.raises(InputError) as err:
        register_entries(rows, SNAPSHOT_2020, "eu.csv")
    assert err.value.problems == [
        "eu.csv:3: status: unknown status 'dormant'",
        "eu.csv:4: origin: not ISO country codes: 'France'",
        "eu.csv:5: name: empty",
        "eu.csv:6: file_number: PDO-FR-A1359 is also on line 2",
        "eu.csv:7: registration_date: not a date: '1973-02-30'",
    ]


def test_a_cancellation_request_is_a_note_on_its_name_not_a_gi():
    cancel = {
        **ROW,
        "file_number": "PDO-FR-A1359-CANCEL",
        "status": "applied",
        "application_date": "2018-10-08",
    }
    entries = register_entries([(2, ROW), (3, cancel)], SNAPSHOT_2020, "eu.csv")
    assert len(entries) == 1
    assert "cancellation applied (2018-10-08, file PDO-FR-A1359-CANCEL)" in (entries[0].protection.note or "")


def entry(name: str, product_class: str, origin: str = "IT") -> Entry:
    return Entry(
        1, (Name(name, "original"),), product_class, origin, None, Protection("CN", "agreement", "listed")
    )


def test_entries_of_one_gi_are_found_across_lists_but_homonyms_stay_apart():
    matcher = EntryMatcher()
    matcher.add(entry("Toscano", "Wine"), "wine")
    matcher.add(entry("Toscano", "Oils and fats"), "oil")
    assert matcher.find(entry("TOSCANO", "Oils and fats (butter, margarine, oil)")) == "oil"
    assert matcher.find(entry("Toscano", "Wine")) == "wine"
    assert matcher.find(entry("Toscano", "Cheeses")) is None
    assert matcher.find(entry("Toscano", "Wine", origin="FR")) is None
    # a catch-all or unverified class does not split a GI; fresh meat and meat products are one kind
    assert same_goods("Tea", "Other products (spices etc.)")
    assert same_goods("Confectionery (class unverified)", "Bread, pastry, cakes")
    assert same_goods("Fresh meat (and offal)", "Meat products (cooked, salted, smoked, etc.)")
    assert not same_goods("Wine", "Cheeses")


def test_coverage_names_every_list_with_its_date_and_limits():
    covered = Coverage(
        "EU",
        (
            CoveredList("china-eu/III", "china_eu_annexes.csv", "2026-12-03T10:00:00", 100),
            CoveredList("register/EU", EU_SNAPSHOT_FILE, "2026-12-03T10:00:00", 3475),
            CoveredList("home", HOME_FILE, "2026-12-03T10:00:00", 1),
        ),
        3576,
    )
    text = covered.text()
    assert "3576 GIs" in text and "China–EU Annex III: 100" in text
    assert "EU register as of July 2020" in text and "UK names unconfirmed since 2021" in text
    assert "on none of these lists were not screened" in text
    assert "2020年7月" in covered.text("zh")
    assert Coverage("TH", (), 0).text().startswith("nothing screened")
    assert covered.to_dict()["lists"][1]["gis"] == 3475


def test_chinas_foreign_gi_list_refuses_a_bad_route_and_a_second_row_for_a_name(tmp_path):
    from gi_lists.reference import load_foreign_rows

    header = "name,name_zh,product_class,origin,route,status,date,source,confidence,note\n"
    good = "Tequila,龙舌兰酒;特其拉,Spirit,MX,gi-product,protected,2014-11-03,AQSIQ,high,\n"
    path = tmp_path / "cn_foreign_gis.csv"
    path.write_text(header + good, encoding="utf-8")
    (entry,) = load_foreign_rows(path).entries
    assert [n.text for n in entry.names] == ["Tequila", "龙舌兰酒", "特其拉"]
    assert (entry.protection.jurisdiction, entry.protection.since) == ("CN", "2014-11-03")
    path.write_text(header + good.replace("gi-product", "decree"), encoding="utf-8")
    with pytest.raises(InputError, match=r"cn_foreign_gis.csv:2: route: 'decree'"):
        load_foreign_rows(path)
    path.write_text(header + good + good.replace("gi-product", "collective-mark"), encoding="utf-8")
    with pytest.raises(InputError, match=r"cn_foreign_gis.csv:3: name: 'Tequila' is already on line 2"):
        load_foreign_rows(path)
