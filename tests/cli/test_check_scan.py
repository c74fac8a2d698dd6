"""giscope check and scan through the real console script."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import Shared, as_json, clean_error, giscope, ok

MATCH_KEYS = {
    "gi_id",
    "name",
    "names",
    "matched_form",
    "kind",
    "score",
    "severity",
    "reason",
    "legal_basis",
    "protections",
}
SEVERITY = {"high": 0, "medium": 1, "low": 2}


def test_check_json_gives_one_object_per_label_in_input_order(shared: Shared) -> None:
    labels = ["Champagne-style sparkling wine", "香宾酒", "plain green tea", "Parma ham"]
    data = as_json(giscope("check", *labels, "--in", "CN", "--json", db=shared.path))
    assert [d["label"] for d in data] == labels
    assert all(d["jurisdiction"] == "CN" for d in data)
    first = data[0]["matches"][0]
    assert set(first) >= MATCH_KEYS
    assert (first["gi_id"], first["kind"], first["severity"]) == ("fr-champagne", "imitation", "high")
    assert data[1]["matches"][0]["kind"] == "homophone"
    assert all(m["severity"] != "high" for m in data[2]["matches"])
    for d in data:
        order = [(SEVERITY[m["severity"]], -m["score"]) for m in d["matches"]]
        assert order == sorted(order), "matches sorted by severity, then score"


def test_check_prints_a_readable_report(shared: Shared) -> None:
    run = ok(giscope("check", "香槟型起泡酒", "--in", "CN", db=shared.path))
    assert "high" in run.out and "imitation" in run.out and "fr-champagne" in run.out
    assert "basis:" in run.out and "Art. 4" in run.out


def test_fail_on_sets_the_exit_code_only_when_met(shared: Shared) -> None:
    assert giscope("check", "Champagne", "--in", "CN", "--fail-on", "high", db=shared.path).code == 3
    assert (
        giscope("check", "Jumilla", "--in", "CN", "--class", "Wine", "--fail-on", "high", db=shared.path).code
        == 0
    )
    assert (
        giscope(
            "check", "Jumilla", "--in", "CN", "--class", "Wine", "--fail-on", "medium", db=shared.path
        ).code
        == 3
    )
    assert giscope("check", "plain water", "--in", "CN", "--fail-on", "medium", db=shared.path).code == 0


def test_check_file_reads_one_label_a_line_and_skips_blank_lines(shared: Shared, tmp_path: Path) -> None:
    path = tmp_path / "labels.txt"
    path.write_text("Parma ham\n\n   \n安溪鐵觀音\n", encoding="utf-8")
    data = as_json(giscope("check", "--file", path, "--in", "EU", "--json", db=shared.path))
    assert [d["label"] for d in data] == ["Parma ham", "安溪鐵觀音"]
    assert data[0]["matches"][0]["gi_id"] == "it-prosciutto-di-parma"  # an EU GI, protected in the EU at home
    assert data[1]["matches"][0]["gi_id"] == "cn-anxi-tie-guan-yin"


def test_check_file_errors_are_line_numbered(shared: Shared, tmp_path: Path) -> None:
    path = tmp_path / "labels.txt"
    path.write_bytes("Champagne\nCognac\nComt\xe9\n".encode("latin-1"))
    run = giscope("check", "--file", path, "--in", "CN", db=shared.path)
    clean_error(run, f"{path}:3:", "UTF-8")
    clean_error(
        giscope("check", "--file", tmp_path / "none.txt", "--in", "CN", db=shared.path), "no such file"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    clean_error(giscope("check", "--file", empty, "--in", "CN", db=shared.path), "no labels")


def test_check_refuses_an_unknown_jurisdiction_or_no_labels(shared: Shared) -> None:
    clean_error(giscope("check", "Champagne", "--in", "US", db=shared.path), "unknown jurisdiction")
    clean_error(giscope("check", "--in", "CN", db=shared.path), "give labels")


def test_scan_finds_objection_grounds(shared: Shared, tmp_path: Path) -> None:
    path = tmp_path / "proposal.csv"
    path.write_text(
        "name,product_class,origin\nChampagne,Wine,FR\n香宾,Wine,CN\nCheddar,Cheeses,GB\n香宾,Wine,CN\n",
        encoding="utf-8",
    )
    data = as_json(giscope("scan", path, "--against", "CN", "--json", db=shared.path))
    types = {row["line"]: {f["type"] for f in row["findings"]} for row in data}
    assert types == {
        2: {"already-protected"},
        3: {"conflict"},
        4: {"generic-term"},
        5: {"conflict", "duplicate"},
    }
    text = ok(giscope("scan", path, "--against", "CN", db=shared.path)).out
    assert "proposal.csv:3" in text and "possible objection grounds" in text


def test_scan_refuses_a_malformed_list(shared: Shared, tmp_path: Path) -> None:
    path = tmp_path / "proposal.csv"
    path.write_text("name,product_class,origin,colour\nChampagne,Wine,FR,red\n", encoding="utf-8")
    clean_error(
        giscope("scan", path, "--against", "CN", db=shared.path), "proposal.csv:1: colour: unknown column"
    )


def test_home_protection_and_the_eu_register_are_screened(shared: Shared) -> None:
    """A Chinese GI in China, a Thai GI registered in the EU, an EU name by its Chinese rendering."""
    cases = [
        ("安吉白茶", "CN", "cn-anji-bai-cha"),
        ("Kafae Doi Tung coffee", "EU", "th-kafae-doi-tung"),
        ("格拉娜帕达诺", "CN", "it-grana-padano"),
        (
            "Trakiyska nizina red wine",
            "EU",
            "bg-trakiiska-nizina",
        ),  # the register's Cyrillic name, transliterated
    ]
    for label, where, gi_id in cases:
        data = as_json(giscope("check", label, "--in", where, "--json", db=shared.path))
        assert gi_id in {m["gi_id"] for m in data[0]["matches"]}, (label, data[0]["matches"][:3])


def test_check_says_what_it_screened(shared: Shared) -> None:
    run = ok(giscope("check", "plain water", "--in", "EU", db=shared.path))
    assert "EU register as of July 2020" in run.err and "China–EU Annex III" in run.err
    assert "no conflict found" in run.out
    data = as_json(giscope("check", "plain water", "--in", "CN", "--json", db=shared.path))
    coverage = data[0]["coverage"]
    assert coverage["jurisdiction"] == "CN" and coverage["gis"] > 500
    assert {c["list"] for c in coverage["lists"]} >= {"china-eu/IV", "china-eu/VI", "home"}
    assert "register/EU" not in {
        c["list"] for c in coverage["lists"]
    }  # the EU register does not protect in CN


def test_show_lists_every_gi_of_a_homonym(shared: Shared) -> None:
    run = ok(giscope("show", "Toscano", db=shared.path))
    assert "'Toscano' names 2 GIs" in run.out
    assert (
        run.out.count("Toscano  [it-toscano") == 2 and "Oils and fats" in run.out and "class: Wine" in run.out
    )
    data = as_json(giscope("show", "Toscano", "--json", db=shared.path))
    assert sorted(gi["product_class"] for gi in data) == ["Oils and fats", "Wine"]
    assert all(any(p["reference"] for p in gi["protections"]) for gi in data)  # each with its EU file number


def test_a_hit_names_the_route_that_protects_the_name(shared: Shared) -> None:
    """A hit on an EU-register name says the register's date and file number; one on a home protection
    says it is inferred."""
    eu = as_json(giscope("check", "Kafae Doi Tung coffee", "--in", "EU", "--json", db=shared.path))
    reason = next(m["reason"] for m in eu[0]["matches"] if m["gi_id"] == "th-kafae-doi-tung")
    assert "the EU register (as of July 2020, file PGI-TH-0814)" in reason
    cn = as_json(giscope("check", "安吉白茶", "--in", "CN", "--json", db=shared.path))
    reason = next(m["reason"] for m in cn[0]["matches"] if m["gi_id"] == "cn-anji-bai-cha")
    assert "home protection, inferred" in reason
    zh = as_json(giscope("check", "安吉白茶", "--in", "CN", "--lang", "zh", "--json", db=shared.path))
    assert "原产地保护，推定" in zh[0]["matches"][0]["reason"]


def test_the_pinyin_of_chinese_brands_does_not_spell_a_european_name(shared: Shared) -> None:
    """Real brands: 青岛啤酒 (Tsingtao beer, Tsingtao Brewery Co., SSE 600600) and 道光廿五 (a baijiu of
    Jinzhou Daoguang Nianwu Group): the pinyin 'dao' of 道 and 岛 spells the Portuguese wine region Dão
    of the EU register, a coincidence of letters that must not be reported as a use of the name."""
    data = as_json(giscope("check", "青岛啤酒", "道光廿五", "--in", "EU", "--json", db=shared.path))
    for result in data:
        assert "pt-dao" not in {m["gi_id"] for m in result["matches"]}, result["label"]
    # a Chinese GI written in pinyin is still found, and a Chinese homophone of a European name too
    anxi = as_json(giscope("check", "Anxi tieguanyin", "--in", "EU", "--json", db=shared.path))
    assert anxi[0]["matches"][0]["gi_id"] == "cn-anxi-tie-guan-yin"


def test_a_names_own_part_with_a_like_product_in_chinese_is_the_name(shared: Shared) -> None:
    """帕达诺芝士: Grana Padano's rendering 帕达诺干奶酪 with its product word said another way (芝士,
    cheese), as Chinese retail listings write it; alone, the part is a partial match."""
    data = as_json(giscope("check", "帕达诺芝士", "帕达诺", "--in", "CN", "--json", db=shared.path))
    with_product, alone = (next(m for m in d["matches"] if m["gi_id"] == "it-grana-padano") for d in data)
    assert (with_product["kind"], with_product["severity"]) == ("transliteration", "high")
    assert (alone["kind"], alone["severity"]) == ("partial", "medium")
