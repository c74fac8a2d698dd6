"""Dispute briefs tailored to the market's law (SQLite and PostgreSQL): which regime protects the name
and what it covers, the action plan from the profile, facts that concern one GI or its goods, and
steps that fit the name's standing there. Each in English and Chinese."""

from __future__ import annotations

import pytest

from briefings.dispute import dispute_brief
from reports.briefing import Bullets, Facts, Notice, Para, Section, Table

LANGS = ("en", "zh")


def paras(section: Section) -> list[Para]:
    out: list[Para] = []
    for block in section.blocks:
        if isinstance(block, Para):
            out.append(block)
        elif isinstance(block, Facts):
            out.extend(p for _, p in block.items)
        elif isinstance(block, Table):
            out.extend(c for row in block.rows for c in row)
        elif isinstance(block, Bullets):
            out.extend(block.items)
    return out


def text_of(briefing) -> str:
    out = [briefing.title]
    for section in briefing.sections:
        out.append(section.heading)
        out.extend(p.text for p in paras(section))
        out.extend(b.text for b in section.blocks if isinstance(b, Notice))
        out.extend(label for b in section.blocks if isinstance(b, Facts) for label, _ in b.items)
    return "\n".join(out)


def section(briefing, heading: str) -> Section:
    return next(s for s in briefing.sections if s.heading == heading)


@pytest.mark.parametrize("lang", LANGS)
def test_a_champagne_brief_for_china_cites_the_1989_notice_and_the_gacc_recordal(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "fr-champagne", "CN", lang=lang, today="2026-12-03")
    text = text_of(b)
    assert "1989" in text and ("SAIC" in text if lang == "en" else "国家工商行政管理局" in text)
    assert ("GACC" in text) if lang == "en" else ("海关总署" in text)
    steps = "\n".join(p.text for p in paras(section(b, "Next steps" if lang == "en" else "后续步骤")))
    assert ("customs" in steps) if lang == "en" else ("海关" in steps)
    assert "giscope deadlines" not in text  # protected there: nothing pending to watch


@pytest.mark.parametrize("lang", LANGS)
def test_the_1989_notice_concerns_champagne_alone(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "fr-bordeaux", "CN", lang=lang, today="2026-12-03")
    assert "1989" not in text_of(b)


@pytest.mark.parametrize("lang", LANGS)
def test_a_chinese_gi_in_the_eu_names_the_agreement_and_not_the_eu_register_law(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "cn-anxi-tie-guan-yin", "EU", lang=lang, today="2026-12-03")
    text = text_of(b)
    covers = "\n".join(p.text for p in paras(b.sections[2]))
    if lang == "en":
        assert "Governing regime: Agreement between the European Union" in covers and "Annex III" in covers
        assert "not in the GI register of the European Union" in covers
        assert "'kind', 'type', 'style', 'imitation'" in covers  # the agreement's own wording
    else:
        assert "适用的保护制度" in covers and "附录III" in covers
        assert "未列入欧盟的地理标志登记簿" in covers
    # Reg. 2024/1143 Art. 26 (evocation, domain names) is never presented as governing this name
    assert "Art. 26" not in text and "第二十六条" not in text
    assert "domain names accessible" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_in_the_eu_register_gets_the_register_scope(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "cn-longjing-cha", "EU", lang=lang, today="2026-12-03")
    covers = "\n".join(p.text for p in paras(b.sections[2]))
    assert ("Art. 26" in covers) if lang == "en" else ("第二十六条" in covers)


@pytest.mark.parametrize("lang", LANGS)
def test_only_a_pending_name_is_told_to_watch_pending_deadlines(loaded_engine, lang):
    pending = text_of(dispute_brief(loaded_engine, "cn-ningxia-gou-qi", "EU", lang=lang, today="2026-12-03"))
    protected = text_of(
        dispute_brief(loaded_engine, "cn-anxi-tie-guan-yin", "EU", lang=lang, today="2026-12-03")
    )
    assert "giscope deadlines" in pending
    assert "giscope deadlines" not in protected
    # the enforcement routes are offered once the name is protected, not while it is pending
    customs = (
        "Customs: recordal or application for action" if lang == "en" else "海关：备案或申请采取保护措施"
    )
    assert customs in protected and customs not in pending


@pytest.mark.parametrize("lang", LANGS)
def test_a_tea_gi_in_thailand_is_outside_the_special_tier(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "cn-anxi-tie-guan-yin", "TH", lang=lang, today="2026-12-03")
    text = text_of(b)
    if lang == "en":
        assert "'Tea' is not among the special goods" in text and "outside Thailand's special tier" in text
    else:
        assert "“茶叶”不属于部长规章所列的特定商品" in text and "不在泰国特别保护范围之内" in text
    assert "Khao Hom Mali Thung Kula Rong-Hai took about 5 years" not in text  # no other GI's timeline


@pytest.mark.parametrize("lang", LANGS)
def test_a_rice_gi_in_thailand_is_in_the_special_tier(loaded_engine, lang):
    b = dispute_brief(loaded_engine, "th-khao-hom-mali-thung-kula-rong-hai", "TH", lang=lang)
    text = text_of(b)
    assert ("special tier's protection (GI Act s. 28)" in text) if lang == "en" else ("享有特别保护" in text)
    assert "outside Thailand's special tier" not in text and "不在泰国特别保护范围之内" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_champagne_brief_carries_no_thai_rice_timeline(loaded_engine, lang):
    text = text_of(dispute_brief(loaded_engine, "fr-champagne", "CN", lang=lang, today="2026-12-03"))
    assert "Thai applications" not in text and "泰国的三件申请" not in text
    assert "Khao Hom Mali" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_chinese_gi_in_france_is_not_offered_french_producer_bodies(loaded_engine, lang):
    text = text_of(dispute_brief(loaded_engine, "cn-anxi-tie-guan-yin", "FR", lang=lang, today="2026-12-03"))
    for word in ("ODG", "organisme de défense", "producer bod", "生产者管理机构", "生产者机构"):
        assert word not in text, word
    assert ("Who may act for a foreign GI" in text) if lang == "en" else ("外国地理标志的维权主体" in text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_french_gi_in_france_is_told_of_its_producer_bodies(loaded_engine, lang):
    text = text_of(dispute_brief(loaded_engine, "fr-champagne", "FR", lang=lang, today="2026-12-03"))
    assert ("ODG" in text) if lang == "en" else ("ODG" in text and "生产者管理机构" in text)


@pytest.mark.parametrize(
    ("gi", "where"),
    [
        ("fr-champagne", "CN"),
        ("cn-anxi-tie-guan-yin", "EU"),
        ("cn-anxi-tie-guan-yin", "TH"),
        ("cn-anxi-tie-guan-yin", "FR"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_every_action_plan_fact_shown_has_a_source_or_is_marked_unconfirmed(loaded_engine, gi, where, lang):
    b = dispute_brief(loaded_engine, gi, where, labels=["香宾酒"], lang=lang, today="2026-12-03")
    act = section(b, "How and where to act" if lang == "en" else "维权途径")
    covers = b.sections[2]
    facts = [p for s in (act, covers) for bl in s.blocks if isinstance(bl, Facts) for _, p in bl.items]
    facts += [p for p in paras(covers) if p.sources]
    assert len(facts) >= 4
    for p in facts:
        assert p.sources, p.text
        for src in p.sources:
            assert src.confidence in ("high", "medium", "low", "unconfirmed"), src
            if "no source found" in src.text and src.text.strip().startswith("no source found"):
                assert src.confidence == "unconfirmed", p.text
    # an unconfirmed fact shown raises the brief's warning
    if any(s.confidence == "unconfirmed" for p in facts for s in p.sources):
        assert any(isinstance(bl, Notice) and bl.kind == "unconfirmed" for s in b.sections for bl in s.blocks)


def test_staff_edits_to_an_action_plan_field_reach_the_brief(loaded_engine):
    from agreements.profiles import edit_profile, get_profile

    edit_profile(
        loaded_engine,
        "CN",
        "act_customs",
        who="staff",
        reason="portal checked",
        value_en="Record the GI collective mark with the GACC (checked by staff).",
        source="GACC notice read by staff, 2026-12-03",
        confidence="medium",
    )
    field = get_profile(loaded_engine, "CN").field("act_customs")
    assert field is not None and field.fact.value_zh.startswith("【待更新")  # the other language flagged
    text = text_of(dispute_brief(loaded_engine, "fr-champagne", "CN", lang="en", today="2026-12-03"))
    assert "Record the GI collective mark with the GACC (checked by staff)." in text
