"""The Chinese of the register's own words: countries, regions, product classes, name kinds and
languages, hit kinds and severities, annex numbers, and the notes the EU register import writes
(pure; wording.py is the only reader). Names stay in their own scripts: a French region is not
translated, a Chinese province is written in Chinese."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

COUNTRIES = {
    "AD": "安道尔", "AT": "奥地利", "BE": "比利时", "BG": "保加利亚", "BR": "巴西", "CH": "瑞士",
    "CN": "中国", "CO": "哥伦比亚", "CY": "塞浦路斯", "CZ": "捷克", "DE": "德国", "DK": "丹麦",
    "DO": "多米尼加", "EE": "爱沙尼亚", "ES": "西班牙", "EU": "欧盟", "FI": "芬兰", "FR": "法国",
    "GB": "英国", "GR": "希腊", "GT": "危地马拉", "GY": "圭亚那", "HR": "克罗地亚", "HU": "匈牙利",
    "ID": "印度尼西亚", "IE": "爱尔兰", "IN": "印度", "IT": "意大利", "KH": "柬埔寨", "LK": "斯里兰卡",
    "LT": "立陶宛", "LU": "卢森堡", "LV": "拉脱维亚", "MA": "摩洛哥", "MN": "蒙古", "MT": "马耳他",
    "MX": "墨西哥", "NL": "荷兰", "NO": "挪威", "PE": "秘鲁", "PL": "波兰", "PT": "葡萄牙",
    "RO": "罗马尼亚", "RS": "塞尔维亚", "RU": "俄罗斯", "SE": "瑞典", "SI": "斯洛文尼亚",
    "SK": "斯洛伐克", "TH": "泰国", "TR": "土耳其", "TT": "特立尼达和多巴哥", "US": "美国",
    "VN": "越南", "ZA": "南非",
}  # fmt: skip

# Regions written in Latin letters in the register: Chinese provinces in Chinese, other words translated;
# a foreign place name stays as it is.
REGIONS = {
    "Anhui": "安徽", "Beijing": "北京", "Chongqing": "重庆", "Fujian": "福建", "Gansu": "甘肃",
    "Guangdong": "广东", "Guangxi": "广西", "Guizhou": "贵州", "Hainan": "海南", "Hebei": "河北",
    "Heilongjiang": "黑龙江", "Henan": "河南", "Hubei": "湖北", "Hunan": "湖南", "Inner Mongolia": "内蒙古",
    "Jiangsu": "江苏", "Jiangxi": "江西", "Jilin": "吉林", "Liaoning": "辽宁", "Ningxia": "宁夏",
    "Qinghai": "青海", "Shaanxi": "陕西", "Shandong": "山东", "Shanxi": "山西", "Sichuan": "四川",
    "Tianjin": "天津", "Xinjiang": "新疆", "Yunnan": "云南", "Zhejiang": "浙江",
    "unknown (to verify)": "不详（待核实）",
    "Henan (inferred from list order)": "河南（依名单顺序推定）",
    "Gironde; 501 communes": "Gironde，501个市镇",
    "Cognac region, Charente": "Cognac产区，Charente",
}  # fmt: skip

NAME_KINDS = {
    "original": "原文",
    "transcription": "转写",
    "translation": "译名",
    "traditional": "繁体",
    "abbreviation": "简称",
    "official-rendering": "官方译名",
}
LANGUAGES = {
    "bg": "保加利亚语", "cs": "捷克语", "da": "丹麦语", "de": "德语", "el": "希腊语", "en": "英语",
    "es": "西班牙语", "fi": "芬兰语", "fr": "法语", "hr": "克罗地亚语", "hu": "匈牙利语", "it": "意大利语",
    "lt": "立陶宛语", "nl": "荷兰语", "pl": "波兰语", "pt": "葡萄牙语", "ro": "罗马尼亚语",
    "sk": "斯洛伐克语", "sl": "斯洛文尼亚语", "sv": "瑞典语", "th": "泰语", "zh": "中文",
    "zh-Latn": "汉语拼音", "el-Latn": "希腊语拉丁转写", "bg-Latn": "保加利亚语拉丁转写",
    "th-Latn": "泰语拉丁转写",
}  # fmt: skip

# The kind of a screening hit, as a table cell (wording.KIND_PHRASES says it in a sentence).
HIT_KINDS = {
    "exact": "原名使用",
    "official-rendering": "官方译名",
    "translation": "翻译",
    "transliteration": "音译",
    "script-variant": "异体书写",
    "homophone": "同音字",
    "imitation": "附加“型/式”等字样",
    "evocation": "暗示性使用",
    "partial": "部分使用",
    "fuzzy": "拼写近似",
    "generic-overlap": "仅通用名称重合",
}
SEVERITIES = {"high": "高", "medium": "中", "low": "低"}
# What a line of a proposed list was found to be (compare.services.Finding.type).
FINDING_TYPES = {
    "already-protected": "已受保护",
    "already-listed": "已列入名录",
    "conflict": "冲突",
    "homonym": "同名",
    "generic-term": "通用名称",
    "duplicate": "重复",
}

_CLASS = re.compile(r"^(?P<base>.*?)\s*(?:\((?P<round>.+)\)|\[(?P<square>.+)\])$")


def product_class(text: str) -> str:
    """'Wine (liqueur wine; class unverified)' -> '葡萄酒（利口葡萄酒；类别未经核实）'; parts it does not
    know stay as they are."""
    classes, details = _texts()["classes"], _texts()["class_details"]
    if text in classes:
        return classes[text]
    known = next((c for c in sorted(classes, key=len, reverse=True) if text.startswith(c + " ")), None)
    m = _CLASS.match(text[len(known) :] if known else text)
    if not m:
        return text
    base = classes[known] if known else product_class(m.group("base"))
    inner = m.group("round") or m.group("square")
    if inner in details:
        return f"{base}（{details[inner]}）"
    parts = [details.get(part.strip(), part.strip()) for part in inner.split(";")]
    return f"{base}（{'；'.join(parts)}）"


ROMAN = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五", "VI": "六", "VII": "七", "VIII": "八"}


def annex_number(annex: str) -> str:
    """'IV' -> '四' (the Chinese text of the China–EU agreement numbers its annexes 附录一…七)."""
    return ROMAN.get(annex, annex)


# Notes the EU register import writes (gi_lists.registers): 'EU register as of July 2020: PDO, registered
# on 2016-08-24 (Official Journal L 229, 24.08.2016); UK name: ...', each part after the first in its
# own form.
_EU_NOTE = re.compile(
    r"^EU register as of (\w+ \d{4}|\d{4}-\d\d-\d\d): (PDO|PGI|GI), (.*)$"
)  # or a live refresh's date
_EU_TYPES = {"PDO": "受保护原产地名称（PDO）", "PGI": "受保护地理标志（PGI）", "GI": "地理标志（GI）"}
_DATE = r"(\d{4}-\d\d-\d\d)"
_CITED = r"(?: \((Official Journal.*|Article .*)\))?"
_EU_PARTS = (
    (re.compile(rf"^registered on {_DATE}{_CITED}$"), "{0}注册{1}"),
    (re.compile(rf"^registered \(applied for on {_DATE}\){_CITED}$"), "已注册（{0}提出申请）{1}"),
    (re.compile(rf"^applied \(applied for on {_DATE}\)$"), "已申请（{0}提出申请）"),
    (re.compile(rf"^rejected \(applied for on {_DATE}\)$"), "已驳回（{0}提出申请）"),
    (re.compile(rf"^published for objection on {_DATE}$"), "{0}公告供异议"),
    (re.compile(rf"^cancellation applied \({_DATE}, file (\S+)\)$"), "已申请撤销（{0}，档案号{1}）"),
    (
        re.compile(
            r"^UK name: whether it is still registered in the EU after the UK left on 1 Jan 2021 "
            r"is unconfirmed$"
        ),
        "英国名称：英国于2021年1月1日脱离欧盟后是否仍在欧盟注册，未经证实",
    ),
    (
        re.compile(
            r"^protected in France only through EU registration \(PDO/PGI\) under the 10\+10 pilot\. .*$"
        ),
        "在法国仅通过“10+10”试点项下的欧盟注册（PDO/PGI）受保护，没有法国专门途径。欧盟拼写及确切的欧盟注册日期"
        "（2010—2012年）来自已有知识，未经证实",
    ),
)
_OTHER_NOTES = (
    (
        re.compile(r"^EU register file (\S+) \(EU law applies in FR\)$"),
        "欧盟登记簿档案号{0}（欧盟法在法国适用）",
    ),
    (
        re.compile(
            r"^UK name in the annex as signed in 2020; "
            r"not protected under the agreement now \(see the source\)$"
        ),
        "2020年签署时附录所列的英国名称；现已不受协定保护（见来源）",
    ),
)


def _cited(citation: str | None) -> str:
    """'Official Journal L 229, 24.08.2016' -> '（欧盟官方公报L 229, 24.08.2016）'; 'Article 107 of
    Regulation (EU) No 1308/2013' -> '（第1308/2013号条例（EU）第107条）'."""
    if not citation:
        return ""
    article = re.match(r"^Article (\d+) of Regulation \(EU\) No (\S+)$", citation)
    if article:
        return f"（第{article.group(2)}号条例（EU）第{article.group(1)}条）"
    return "（" + re.sub(r"^Official Journal,? ?", "欧盟官方公报", citation) + "）"


def _eu_part(part: str) -> str:
    for pattern, zh in _EU_PARTS:
        m = pattern.match(part)
        if m:
            groups = list(m.groups())
            if "{1}" in zh and len(groups) > 1 and zh.startswith(("{0}注册", "已注册")):
                groups[1] = _cited(groups[1])
            return zh.format(*groups)
    return part


def note(text: str) -> str | None:
    """The Chinese of a note the register writes in a fixed form or the bundled lists hold (the register's
    month, 'July 2020', is left for wording to write); None for another note."""
    free = _texts()["notes"].get(text)
    if free is not None:
        return free
    m = _EU_NOTE.match(text)
    if m:
        parts = "；".join(_eu_part(p) for p in m.group(3).split("; "))
        return f"欧盟登记簿（{m.group(1)}版本）：{_EU_TYPES[m.group(2)]}，{parts}"
    for pattern, zh in _OTHER_NOTES:
        m = pattern.match(text)
        if m:
            return zh.format(*m.groups())
    return None


@cache
def _texts() -> dict[str, dict[str, str]]:
    """The register's product classes, free-text notes, deciding courts, agreement events and own sources,
    in Chinese (data/reference/zh_texts.json)."""
    keys = ("classes", "class_details", "notes", "courts", "events", "sources")
    path = Path(__file__).parent / "data" / "reference" / "zh_texts.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {key: data.get(key, {}) for key in keys}


def event(text: str) -> str | None:
    """The Chinese of a dated agreement event (annex_events.csv); None for one it does not hold."""
    return _texts()["events"].get(text)


def source(text: str) -> str | None:
    """The Chinese of a source the register writes itself (an inferred home protection's), else None."""
    return _texts()["sources"].get(text)


def _court(text: str) -> str:
    return _texts()["courts"].get(text, text)


def _goods(text: str) -> str:
    """A label's goods as a reason cites them: 'perfume, Nice class 3' / 'perfume，尼斯分类第3类'."""
    m = re.match(r"^(.*), Nice class (\d+)$", text)
    return f"{m.group(1)}，尼斯分类第{m.group(2)}类" if m else product_class(text)


_WHY = (  # the first that matches the whole reason says it
    (
        r"(.+); the name's reputation was held to reach goods of other classes \((.+?): (.+): (.+?)"
        r"(?:, (\d{4}-\d\d-\d\d))?\); whether it reaches these goods is for a case-by-case assessment",
        lambda m: (
            f"{why(m[1]) or m[1]}；已有裁决认定该名称的声誉及于其他类别的商品（{m[2]}：{m[3]}：{_court(m[4])}"
            + (f"，{m[5]}" if m[5] else "")
            + "），是否及于本标签的商品须个案评估"
        ),
    ),
    (
        r"(.+); a drink's name nearly spelled on other drinks may evoke it .+",
        lambda m: (
            f"{why(m[1]) or m[1]}；在保护范围涵盖“引人联想”的地区，"
            "饮料名称拼写相近地用于其他饮料可能构成引人联想（欧盟普通法院 T-406/24，2025年9月24日："
            "与 Prosecco 仅差一个字母的 PriSecco 用于无酒精果汁鸡尾酒，被认定为引人联想）"
        ),
    ),
    (
        r"(.+); goods held similar to the GI's: (.+) \((.+), (\d{4}-\d\d-\d\d)\)",
        lambda m: (
            f"{why(m[1]) or m[1]}；已有裁决认定标签商品与该地理标志的商品类似："
            f"{m[2]}（{_court(m[3])}，{m[4]}）"
        ),
    ),
    (
        r"(.+); the name's reputation was held to reach other goods \((.+): (.+?)(?:, (\d{4}-\d\d-\d\d))?\)",
        lambda m: (
            f"{why(m[1]) or m[1]}；已有裁决认定该名称的声誉及于其他商品（{m[2]}：{_court(m[3])}"
            + (f"，{m[4]}" if m[4] else "")
            + "）"
        ),
    ),
    (r"like goods \((.+), Nice class (\d+)\)", lambda m: f"同类产品（{m[1]}，尼斯分类第{m[2]}类）"),
    (
        r"a part of the name on goods its reputation was held to reach",
        lambda m: "在已有裁决认定其声誉所及的商品上使用该名称的一部分",
    ),
    (
        r"a distinctive part of the name on goods of another class",
        lambda m: "在其他类别的商品上使用该名称的显著部分",
    ),
    (r"a distinctive part of the name on like goods", lambda m: "在同类商品上使用该名称的显著部分"),
    (
        r"a part of a reputed name on goods no decision on record here held its reputation to reach",
        lambda m: "在当地尚无裁决认定其声誉所及的商品上使用享有声誉名称的一部分",
    ),
    (
        r"the label's goods \((.+)\) are another class than the GI's \((.+?)(?:, class(?:es)? ([\d, ]+))?\)",
        lambda m: (
            f"标签所标商品（{_goods(m[1])}）与该地理标志的商品（{product_class(m[2])}"
            + (f"，第{m[3]}类" if m[3] else "")
            + "）属于不同类别"
        ),
    ),
    (
        r"a shop under the name \((.+), Nice class (\d+)\): it sells goods under the name, lawful only "
        r"where they are the genuine product; which goods it sells decides: medium",
        lambda m: (
            f"以该名称命名的商店（{_goods(m[1])}，尼斯分类第{m[2]}类）：以该名称销售商品，"
            "仅在所售为真品时合法；取决于其所售商品：中等"
        ),
    ),
    (
        r"goods unknown \('(.+)' is (a place, not goods|goods of no single class)\): medium at most",
        lambda m: (
            f"商品不明（“{m[1]}”"
            + ("是地名，不是商品" if m[2].startswith("a place") else "不属于单一类别的商品")
            + "）：最高为中等"
        ),
    ),
    (
        r"similar spelling, on goods of another class \((.+)\)",
        lambda m: f"拼写相近，且用于其他类别的商品（{_goods(m[1])}）",
    ),
    (
        r"a partial match on goods of another class \((.+)\)",
        lambda m: f"部分匹配，且用于其他类别的商品（{_goods(m[1])}）",
    ),
    (r"similar spelling; (.+)", lambda m: f"拼写相近；{why(m[1]) or m[1]}"),
    (
        r"the name is pending, not yet protected there; the label's goods \((.+)\) are another class",
        lambda m: f"该名称尚在审查中，当地尚未保护；标签所标商品（{_goods(m[1])}）属于其他类别",
    ),
    (
        r"the label's goods \((.+)\) are not foodstuffs, the GI's \((.+)\) are: .+",
        lambda m: (
            f"标签所标商品（{_goods(m[1])}）不是食品，而该地理标志的商品（{product_class(m[2])}）是食品："
            "所援引的保护途径及于同类产品；其他商品仅在使用利用了该名称的声誉或该名称在当地为驰名商标时才受保护，"
            "而目前没有此类裁决的记录——很可能只是同名（品种、城市、颜色等）"
        ),
    ),
    (
        r"held not to infringe the name: (.+) \((.+), (\d{4}-\d\d-\d\d)\)",
        lambda m: f"已有裁决认定不侵犯该名称：{m[1]}（{_court(m[2])}，{m[3]}）",
    ),
    (
        r"a place GIs of several countries are named after \((.+)\): "
        r"which one the label means is to be checked",
        lambda m: f"多个国家的地理标志以该地名命名（{m[1]}）：标签所指为何者有待核实",
    ),
    (
        r"a country's name on a product of the class, not the name's distinctive part",
        lambda m: "在同类产品上使用国家名称，并非使用该名称的显著部分",
    ),
    (
        r"the name's place without its product(, on goods of its class)?",
        lambda m: "使用了该名称中的地名，但未使用其产品名称" + ("，用于同类商品" if m[1] else ""),
    ),
    (
        r"the label's words are the whole of another protected name \('(.+)'\)",
        lambda m: f"标签文字为另一受保护名称的全称（“{m[1]}”）",
    ),
    (
        r"well-known mark \((.+): (.+), (\d{4}-\d\d-\d\d)\): protected across classes, held for (.+), "
        r"the label's goods",
        lambda m: (
            f"该名称在当地为驰名商标（{m[1]}：{_court(m[2])}，{m[3]}），"
            f"可跨类保护，已认定及于标签所标的商品（{m[4]}）"
        ),
    ),
    (
        r"a well-known mark here, not yet held for these goods "
        r"\((.+): (.+), (\d{4}-\d\d-\d\d); held for (.+)\): "
        r"the label's goods \((.+)\) are another class than the GI's \((.+)\); .+",
        lambda m: (
            f"该名称在当地为驰名商标（{m[1]}：{_court(m[2])}，{m[3]}；已认定及于{m[4]}），"
            f"但尚未认定及于标签所标的商品：标签所标商品（{_goods(m[5])}）"
            f"与该地理标志的商品（{product_class(m[6])}）"
            "属于不同类别，是否及于这些商品须个案评估"
        ),
    ),
)
_WHY_RE = tuple((re.compile(f"^{pattern}$"), zh) for pattern, zh in _WHY)


def why(text: str) -> str | None:
    """The Chinese of a severity reason the screening writes with particulars (goods, classes, decisions);
    None for a fixed reason (wording.WHY_ZH says those)."""
    cleared = re.match(r"^held not to infringe the name: (.+), (\d{4}-\d\d-\d\d)\)$", text)
    if cleared:  # the decision and who held it, as cleared_uses.csv writes them: 'case (held_by, date)'
        held_by = next((c for c in _texts()["courts"] if cleared[1].endswith(f" ({c}")), None)
        if held_by:
            case = cleared[1][: -len(held_by) - 2]
            return f"已有裁决认定不侵犯该名称：{case}（{_court(held_by)}，{cleared[2]}）"
    for pattern, zh in _WHY_RE:
        m = pattern.match(text)
        if m:
            return zh(m)
    return None
