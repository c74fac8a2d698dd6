"""The register's own words in Chinese: product classes, origins, name kinds, annex numbers and the
notes the EU register import writes; English stays as it was."""

from __future__ import annotations

from types import SimpleNamespace

from wording import (
    annex_name,
    name_kind_text,
    note_text,
    origin_text,
    product_class_word,
    protection_phrase,
    route_text,
)


def protection(**kw):
    fields = dict(jurisdiction="CN", route="agreement", status="protected", agreement="china-eu", annex="IV")
    fields.update(since="2021-03-01", note=None, source=None, reference=None)
    fields.update(kw)
    return SimpleNamespace(**fields)


def test_product_classes_read_in_chinese_with_their_details():
    assert product_class_word("Wine", "zh") == "葡萄酒"
    assert (
        product_class_word("Fresh meat (and offal) [yak; class unverified]", "zh")
        == "鲜肉（及内脏）（牦牛；类别未经核实）"
    )
    assert (
        product_class_word("Fresh meat (and offal) (class unverified)", "zh")
        == "鲜肉（及内脏）（类别未经核实）"
    )
    assert (
        product_class_word("Wine (liqueur wine; class unverified)", "en")
        == "Wine (liqueur wine; class unverified)"
    )


def test_origins_and_name_kinds_read_in_chinese_and_place_names_keep_their_script():
    assert origin_text("FR", "Champagne", "zh") == "法国（Champagne）"
    assert origin_text("CN", "Fujian", "zh") == "中国（福建）"
    assert origin_text("BE;NL", None, "zh") == "比利时、荷兰"
    assert origin_text("FR", "Champagne") == "FR (Champagne)"
    assert name_kind_text("official-rendering", "zh", "zh") == "官方译名，中文"
    assert name_kind_text("original", "fr") == "original, fr"


def test_an_agreement_route_reads_as_the_chinese_text_numbers_its_annexes():
    p = protection()
    assert route_text(p, "zh") == "中欧协定附录四"
    assert route_text(p) == "china-eu Annex IV"
    assert annex_name("china-france", None, "zh") == "中法名单"
    assert annex_name("china-eu", "IV") == "China–EU IV"
    assert protection_phrase(p, "zh") == "在中国受保护，途径：中欧协定附录四，自2021-03-01起"


def test_the_eu_registers_notes_read_in_chinese():
    note = (
        "EU register as of July 2020: PDO, registered on 1998-10-01 (Official Journal L 266, 01.10.1998); "
        "UK name: whether it is still registered in the EU after the UK left on 1 Jan 2021 is unconfirmed"
    )
    assert note_text(note, "zh") == (
        "欧盟登记簿（2020年7月版本）：受保护原产地名称（PDO），"
        "1998-10-01注册（欧盟官方公报L 266, 01.10.1998）；"
        "英国名称：英国于2021年1月1日脱离欧盟后是否仍在欧盟注册，未经证实"
    )
    assert note_text("EU register file PDO-FR-A1101 (EU law applies in FR)", "zh") == (
        "欧盟登记簿档案号PDO-FR-A1101（欧盟法在法国适用）"
    )
    assert note_text(note) == note
    assert note_text("a note nobody wrote before", "zh") == "a note nobody wrote before"


def test_screening_reasons_with_particulars_read_in_chinese():
    from wording import why_text

    assert (
        why_text("like goods (sparkling wine, Nice class 33)", "zh")
        == "同类产品（sparkling wine，尼斯分类第33类）"
    )
    assert why_text("the label's goods (Beer) are another class than the GI's (Wine)", "zh") == (
        "标签所标商品（啤酒）与该地理标志的商品（葡萄酒）属于不同类别"
    )
    held = "held not to infringe the name: 'Champomy' (a drink) (Cour d'appel de Paris, 2007-11-07)"
    assert (
        why_text(held, "zh") == "已有裁决认定不侵犯该名称：'Champomy' (a drink)（巴黎上诉法院，2007-11-07）"
    )
    assert why_text(held) == held


def test_the_sessions_new_screening_reasons_read_in_chinese():
    from wording import why_text

    other = "the label's goods (Other products) are another class than the GI's (Wine)"
    similar = f"{other}; goods held similar to the GI's: T-138/09 (RIOJAVINA) (General Court, 2010-06-09)"
    assert why_text(similar, "zh") == (
        "标签所标商品（其他产品）与该地理标志的商品（葡萄酒）属于不同类别；"
        "已有裁决认定标签商品与该地理标志的商品类似：T-138/09 (RIOJAVINA)（欧盟普通法院，2010-06-09）"
    )
    drink = (
        "similar spelling, on goods of another class (Beer); a drink's name nearly spelled on other drinks "
        "may evoke it x"
    )
    assert why_text(drink, "zh").startswith(
        "拼写相近，且用于其他类别的商品（啤酒）；在保护范围涵盖“引人联想”的地区"
    )
    held = (
        "a distinctive part of the name on goods of another class; the name's reputation was held to reach "
        "goods of other classes (clothing: KONYAGI: OHIM, 2004-07-15); whether it reaches these goods is for "
        "a case-by-case assessment"
    )
    text = why_text(held, "zh")
    assert text.startswith(
        "在其他类别的商品上使用该名称的显著部分；已有裁决认定该名称的声誉及于其他类别的商品"
    )
    assert text.endswith("是否及于本标签的商品须个案评估") and "case-by-case" not in text
