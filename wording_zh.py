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

# Product classes: the main class, then each part of what follows it in brackets.
CLASSES = {
    "Beer": "啤酒",
    "Bread, pastry, cakes, confectionery, biscuits and other baker's wares": (
        "面包、糕点、蛋糕、糖果、饼干及其他烘焙制品"
    ),
    "Cheeses": "奶酪",
    "Coffee": "咖啡",
    "Confectionery": "糖果",
    "Essential oils": "精油",
    "Flowers": "花卉",
    "Fresh fish, molluscs and crustaceans": "鲜鱼、软体动物和甲壳类动物",
    "Fresh meat (and offal)": "鲜肉（及内脏）",
    "Fresh or processed fruit, vegetables and cereals": "新鲜或加工的水果、蔬菜和谷物",
    "Handicraft": "手工艺品",
    "Handicraft/textile": "手工艺品/纺织品",
    "Hay": "干草",
    "Meat products (cooked, salted, smoked, etc.)": "肉制品（熟制、腌制、熏制等）",
    "Natural gums and resins": "天然树胶和树脂",
    "Oils and fats": "油脂",
    "Other": "其他",
    "Other products": "其他产品",
    "Other products of animal origin": "其他动物源性产品",
    "Pasta": "面食",
    "Pasta / noodles": "面食/面条",
    "Rice wine": "米酒",
    "Spirit": "烈酒",
    "Tea": "茶叶",
    "Wine": "葡萄酒",
    "Wool": "羊毛",
    "chocolate and derived products": "巧克力及其制品",
}
CLASS_DETAILS = {
    "annex class unverified": "附录类别未经核实",
    "class unverified": "类别未经核实",
    "unverified class": "类别未经核实",
    "turrón": "turrón杏仁糖",
    "rose oil": "玫瑰油",
    "camel": "骆驼",
    "chicken": "鸡",
    "goat": "山羊",
    "goose": "鹅",
    "live pig breed": "活猪品种",
    "yak": "牦牛",
    "coconut": "椰子",
    "durian": "榴莲",
    "pickled mustard tuber": "榨菜",
    "pickled vegetables": "腌菜",
    "pomelo": "柚子",
    "rice": "大米",
    "table olives": "餐用橄榄",
    "tamarind": "酸角",
    "bamboo mat": "竹席",
    "bamboo weaving": "竹编",
    "brocade": "锦",
    "celadon": "青瓷",
    "ceramics": "陶瓷",
    "cloth shoes": "布鞋",
    "crystal": "水晶",
    "embroidery": "刺绣",
    "fireworks": "烟花",
    "fur": "毛皮",
    "inkstone": "砚台",
    "lacquerware": "漆器",
    "paper": "纸",
    "porcelain": "瓷器",
    "pottery": "陶器",
    "purple clay ware": "紫砂器",
    "silk gauze": "丝纱",
    "stone carving": "石雕",
    "tea bowls": "茶碗",
    "wickerwork": "柳编",
    "silk": "丝绸",
    "butter, margarine, oil": "黄油、人造黄油、油",
    "olive/olive oil": "橄榄/橄榄油",
    "bamboo charcoal": "竹炭",
    "bean paste / condiment": "豆酱/调味品",
    "beverages made from plant extracts": "植物提取物饮料",
    "chilli paste": "辣椒酱",
    "cochineal": "胭脂虫",
    "fermented bean curd": "腐乳",
    "gall nuts": "五倍子",
    "hops": "啤酒花",
    "lavender": "薰衣草",
    "medicinal plant": "药用植物",
    "mustard paste": "芥末酱",
    "saffron": "藏红花",
    "salt": "盐",
    "silkworm cocoons": "蚕茧",
    "spices etc.": "香料等",
    "spices": "香料",
    "spirulina": "螺旋藻",
    "vinegar": "醋",
    "eggs, honey, dairy products except butter": "蛋、蜂蜜、除黄油外的乳制品",
    "honey": "蜂蜜",
    "rice noodles": "米粉",
    "vermicelli": "粉丝",
    "aromatised wine product": "加香葡萄酒产品",
    "liqueur wine": "利口葡萄酒",
    "Akvavit or aquavit": "阿夸维特酒",
    "Aniseed-flavoured spirit drinks": "茴香味烈酒",
    "Bitter-tasting spirit drinks or bitter": "苦味烈酒",
    "Brandy or Weinbrand": "白兰地",
    "Caraway-flavoured spirit drinks": "葛缕子味烈酒",
    "Cider spirit and perry spirit": "苹果酒和梨酒蒸馏烈酒",
    "Crème de cassis": "黑加仑利口酒",
    "Distilled anis": "蒸馏茴香酒",
    "Fruit spirit": "水果烈酒",
    "Geist (with the name of the fruit or the raw material used)": "Geist（冠以所用水果或原料名称）",
    "Gentian": "龙胆烈酒",
    "Grain spirit": "谷物烈酒",
    "Grape marc spirit or grape marc": "葡萄渣烈酒",
    "Juniper-flavoured spirit drinks": "杜松子味烈酒",
    "Liqueur": "利口酒",
    "Maraschino, Marrasquino or Maraskino": "马拉斯奇诺樱桃酒",
    "Nocino": "核桃利口酒（Nocino）",
    "Other spirit drinks": "其他烈酒",
    "Rum": "朗姆酒",
    "Vodka": "伏特加",
    "Whisky or Whiskey": "威士忌",
    "Wine spirit": "葡萄酒蒸馏烈酒",
}
_CLASS = re.compile(r"^(?P<base>.*?)\s*(?:\((?P<round>.+)\)|\[(?P<square>.+)\])$")


def product_class(text: str) -> str:
    """'Wine (liqueur wine; class unverified)' -> '葡萄酒（利口葡萄酒；类别未经核实）'; parts it does not
    know stay as they are."""
    if text in CLASSES:
        return CLASSES[text]
    known = next((c for c in sorted(CLASSES, key=len, reverse=True) if text.startswith(c + " ")), None)
    m = _CLASS.match(text[len(known) :] if known else text)
    if not m:
        return text
    base = CLASSES[known] if known else product_class(m.group("base"))
    inner = m.group("round") or m.group("square")
    if inner in CLASS_DETAILS:
        return f"{base}（{CLASS_DETAILS[inner]}）"
    parts = [CLASS_DETAILS.get(part.strip(), part.strip()) for part in inner.split(";")]
    return f"{base}（{'；'.join(parts)}）"


ROMAN = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五", "VI": "六", "VII": "七", "VIII": "八"}


def annex_number(annex: str) -> str:
    """'IV' -> '四' (the Chinese text of the China–EU agreement numbers its annexes 附录一…七)."""
    return ROMAN.get(annex, annex)


# Notes the EU register import writes (gi_lists.registers): 'EU register as of July 2020: PDO, registered
# on 2016-08-24 (Official Journal L 229, 24.08.2016); UK name: ...', each part after the first in its
# own form.
_EU_NOTE = re.compile(r"^EU register as of (\w+ \d{4}): (PDO|PGI|GI), (.*)$")
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
    free = _free_notes().get(text)
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
def _free_notes() -> dict[str, str]:
    """The free-text notes of the bundled lists, in Chinese (data/reference/protection_notes_zh.json)."""
    path = Path(__file__).parent / "data" / "reference" / "protection_notes_zh.json"
    if not path.exists():
        return {}
    notes: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["notes"]
    return notes
