"""Every phrase for statuses, routes, protections, confidence and match kinds, in English and Chinese,
written once (pure: no imports from the rest of GIScope except the model's field names).

The CLI, the UI, the screening reasons and the PDF briefings all take their words from here.
"""

from __future__ import annotations

import re
from typing import Protocol

import wording_zh
from phrases import say as say  # the phrase catalogue (data/phrases/*.toml), read through here too

LANGS = ("en", "zh")
CONFIDENCES = ("high", "medium", "low", "unconfirmed")
DOUBTFUL = frozenset({"low", "unconfirmed"})


class ProtectionLike(Protocol):
    """What these phrases read of a protection (gi_lists.model.Protection has it)."""

    @property
    def jurisdiction(self) -> str: ...
    @property
    def route(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def agreement(self) -> str | None: ...
    @property
    def annex(self) -> str | None: ...
    @property
    def since(self) -> str | None: ...


def lang_of(lang: str | None) -> str:
    """'zh' for Chinese, 'en' for anything else."""
    return "zh" if lang == "zh" else "en"


STATUS_WORDS = {
    "en": {},  # statuses are written as they are stored
    "zh": {
        "protected": "受保护",
        "pending": "待决",
        "in-objection": "异议期中",
        "listed": "列入名录",
        "rejected": "已驳回",
        "withdrawn": "已撤回",
        "not-filed": "未提出申请",
    },
}
CONFIDENCE_WORDS = {
    "en": {"high": "high", "medium": "medium", "low": "low", "unconfirmed": "unconfirmed"},
    "zh": {"high": "高", "medium": "中", "low": "低", "unconfirmed": "未经证实"},
}
JURISDICTION_NAMES = {
    "en": {"CN": "China", "EU": "the European Union", "FR": "France", "TH": "Thailand"},
    "zh": {"CN": "中国", "EU": "欧盟", "FR": "法国", "TH": "泰国"},
}
AGREEMENT_SHORT = {
    "en": {
        "china-eu": "China–EU",
        "china-france": "China–France",
        "china-thailand": "China–Thailand",
        "trips": "TRIPS (baseline)",
    },
    "zh": {"china-eu": "中欧", "china-france": "中法", "china-thailand": "中泰", "trips": "TRIPS（基准）"},
}
DEADLINE_STATES = {
    "en": {
        "passed-reported": "passed — outcome reported (unverified)",
        "passed-unknown": "passed — outcome unknown",
    },
    "zh": {
        "overdue": "逾期",
        "due": "即将到期",
        "upcoming": "未到期",
        "met": "已完成",
        "passed-reported": "已过期——结果有报道（未经证实）",
        "passed-unknown": "已过期——结果不详",
    },
}
# Field labels the CLI prints beside a fact.
LABELS = {
    "en": {"source": "source", "confidence": "confidence", "unconfirmed": "unconfirmed", "basis": "basis"},
    "zh": {"source": "来源", "confidence": "可信度", "unconfirmed": "未经证实", "basis": "依据"},
}
_ROUTE_WORDS = {
    "en": {
        "trademark": "collective/certification mark",
        "register": "national register",
        "of_list": " ({agreement} list)",
        "eu_register": "the EU register (as of {as_of}{file})",
        "file": ", file {reference}",
        "home": "national register (home protection, inferred)",
    },
    "zh": {
        "trademark": "集体商标/证明商标",
        "register": "国内登记",
        "of_list": "（{agreement}名录）",
        "eu_register": "欧盟地理标志登记簿（{as_of}版本{file}）",
        "file": "，档案号{reference}",
        "home": "国内登记（原产地保护，推定）",
    },
}
# How a protection's note begins when it comes from the EU register (gi_lists.registers writes it): the
# register's date is read back from it for the route's wording.
EU_REGISTER_NOTE = "EU register as of {as_of}:"
_EU_REGISTER_NOTE = re.compile("^" + re.escape(EU_REGISTER_NOTE).replace(r"\{as_of\}", "([^:;]+)"))
HOME_SOURCE_START = "Home protection, inferred"  # how gi_lists.entries.HOME_SOURCE begins


def is_home_source(source: str | None) -> bool:
    """Is this the source of an inferred home protection (any version of gi_lists.entries.HOME_SOURCE)?"""
    return (source or "").startswith(HOME_SOURCE_START)


# What a screening hit did with the protected name, by kind.
KIND_PHRASES = {
    "en": {
        "exact": "uses the protected name",
        "official-rendering": "uses the official Chinese rendering",
        "translation": "translates the protected name",
        "transliteration": "transliterates the protected name",
        "script-variant": "writes the protected name in another script form",
        "homophone": "sounds the same as the protected name (same pinyin, other characters)",
        "imitation": "uses, with a 'kind/type/style/imitation' word, the protected name",
        "evocation": "evokes (calls to mind without using) the protected name",
        "partial": "takes part of the protected name",
        "fuzzy": "is spelled like the protected name",
        "generic-overlap": "shares only a generic term with the protected name",
    },
    "zh": {
        "exact": "使用了受保护名称",
        "official-rendering": "使用了官方中文译名",
        "translation": "翻译了受保护名称",
        "transliteration": "音译了受保护名称",
        "script-variant": "以另一种书写形式使用了受保护名称",
        "homophone": "与受保护名称同音（拼音相同、汉字不同）",
        "imitation": "附加“型/式/风味”等字样使用受保护名称",
        "evocation": "暗示（使人联想到）受保护名称",
        "partial": "使用了受保护名称的一部分",
        "fuzzy": "拼写与受保护名称相近",
        "generic-overlap": "与受保护名称仅共有通用名称",
    },
}
# Why a hit has its severity: the English phrase starts, and their Chinese.
WHY_ZH = (
    ("an adjectival form of the name on goods of another class", "名称的形容词形式用于其他类别的商品"),
    (
        "a coined name sharing the protected name's distinctive part",
        "自创名称与受保护名称的显著部分相同：可能构成暗示性使用，须由法院整体评估"
        "（欧盟法院C-75/15 Verlados案、C-44/17 Glen Buchenbach案、C-783/19 Champanillo案）",
    ),
    ("the name's place on another product than the name's", "使用该名称的地名，但产品与该名称所指产品不同"),
    ("the label's words are the whole of another protected name", "标签文字为另一受保护名称的全称"),
    ("a rendering by sound", "按读音推断的译名（未见于译名表），待核实前至多为中等"),
    ("a generic term alone", "仅为通用名称"),
    ("similar spelling", "拼写相近"),
    ("a partial match", "部分匹配"),
    ("the name is used as a colour", "名称被用作颜色，并非用于同类产品"),
    ("the name is pending", "该名称尚在审查中，当地尚未保护"),
    ("the label's goods", "标签所标商品与该地理标志属于不同类别"),
    ("goods unknown", "标签所标商品无法归类（商品不明），最高为中等"),
    ("like goods assumed", "推定为同类产品（标签未注明任何商品）"),
    ("like goods (the label's product word", "同类产品（标签所标产品词即该名称本身的产品词）"),
    (
        "a well-known mark here, not yet held",
        "该名称在当地为驰名商标，但其跨类保护尚未及于标签所标的商品类别（与该地理标志属于不同类别）：是否及于这些商品须个案评估",
    ),
    ("well-known mark", "该名称在当地为驰名商标，可跨类保护，已认定及于标签所标的商品"),
    (
        "evocation under EU law is not confirmed",
        "仅经中欧协定在欧盟受保护的名称是否适用欧盟法上的暗示性使用规则未经证实，协定本身未规定暗示性使用：按误导性使用评估（第4条第1款(a)项）",
    ),
    (
        "evocation is not a limb of the China–EU agreement",
        "中欧协定未规定暗示性使用（该依据属于欧盟法）：按误导性使用评估（协定第4条第1款(a)项；《商标法》第16条）",
    ),
    (
        "evocation is not a ground of the law",
        "当地保护该名称的法律未规定暗示性使用（该依据属于欧盟法）：按误导性使用评估",
    ),
    ("like goods", "同类产品"),
)


def status_word(status: str, lang: str = "en") -> str:
    return STATUS_WORDS[lang_of(lang)].get(status, status)


def confidence_word(level: str | None, lang: str = "en") -> str:
    level = level or "unconfirmed"
    return CONFIDENCE_WORDS[lang_of(lang)].get(level, level)


def deadline_state(state: str, lang: str = "en") -> str:
    return DEADLINE_STATES[lang_of(lang)].get(state, state)


def jurisdiction_name(jurisdiction: str, lang: str = "en") -> str:
    return JURISDICTION_NAMES[lang_of(lang)].get(jurisdiction, jurisdiction)


def agreement_name(agreement_id: str, lang: str = "en") -> str:
    """'China–EU' / '中欧' for 'china-eu'; an unknown id as it is."""
    return AGREEMENT_SHORT[lang_of(lang)].get(agreement_id, agreement_id)


def annex_code(annex: str | None, lang: str = "en") -> str:
    """An annex as the language numbers it: 'IV' / '四'."""
    return wording_zh.annex_number(annex or "") if lang_of(lang) == "zh" else annex or ""


def annex_name(agreement_id: str, annex: str | None, lang: str = "en") -> str:
    """'China–EU IV' / '中欧协定附录四' (the Chinese text numbers the annexes 附录一…七); a list without
    annexes 'China–France' / '中法名单'."""
    if lang_of(lang) == "zh":
        agreement = agreement_name(agreement_id, "zh")
        return f"{agreement}协定附录{wording_zh.annex_number(annex)}" if annex else f"{agreement}名单"
    return f"{agreement_name(agreement_id)} {annex or ''}".strip()


def route_text(p: ProtectionLike, lang: str = "en", *, short_names: bool = False) -> str:
    """Through what a protection holds: 'china-eu Annex IV', 'collective/certification mark',
    'national register (china-france list)'. Annex codes are citations and stay 'Annex IV' in English;
    the Chinese reads '中欧协定附录四'."""
    words = _ROUTE_WORDS[lang_of(lang)]
    agreement = p.agreement or ""
    if short_names and agreement:
        agreement = agreement_name(agreement, lang)
    if p.route == "agreement":
        if lang_of(lang) == "zh":
            return annex_name(p.agreement or "", p.annex, "zh")
        return f"{agreement} Annex {p.annex}" if p.annex else agreement
    if p.route == "trademark":
        return words["trademark"]
    if not agreement:
        snapshot = _EU_REGISTER_NOTE.match(getattr(p, "note", None) or "")
        if snapshot and p.jurisdiction == "EU":
            reference = getattr(p, "reference", None)
            as_of = snapshot.group(1)
            if lang_of(lang) == "zh":
                as_of = re.sub(r"^(\w+) (\d{4})$", lambda m: _zh_month_year(m.group(1), m.group(2)), as_of)
            file = words["file"].format(reference=reference) if reference else ""
            return words["eu_register"].format(as_of=as_of, file=file)
        if is_home_source(getattr(p, "source", None)):
            return words["home"]
    return words["register"] + (words["of_list"].format(agreement=agreement) if agreement else "")


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _zh_month_year(month: str, year: str) -> str:
    """'July', '2020' -> '2020年7月' (other words as they are)."""
    return f"{year}年{_MONTHS.index(month) + 1}月" if month in _MONTHS else f"{month} {year}"


def protection_phrase(p: ProtectionLike, lang: str = "en") -> str:
    """'protected in CN through china-eu Annex IV since 2021-03-01' (or its Chinese)."""
    if lang_of(lang) == "zh":
        since = f"，自{p.since}起" if p.since else ""
        where = jurisdiction_name(p.jurisdiction, "zh")
        return f"在{where}{status_word(p.status, 'zh')}，途径：{route_text(p, 'zh', short_names=True)}{since}"
    since = f" since {p.since}" if p.since else ""
    return f"{p.status} in {p.jurisdiction} through {route_text(p)}{since}"


def protection_label(p: ProtectionLike) -> str:
    """A protection in a list cell: 'EU china-eu/III: protected'."""
    where = "/".join(part for part in (p.agreement, p.annex) if part) or p.route
    return f"{p.jurisdiction} {where}: {p.status}"


def why_text(why: str, lang: str = "en") -> str:
    """A severity reason in the language asked (English rule notes stay as they are)."""
    if lang_of(lang) != "zh":
        return why
    particular = wording_zh.why(why)
    if particular is not None:
        return particular
    return next((zh for en, zh in WHY_ZH if why.startswith(en)), why)


def marked(text: str, level: str | None) -> str:
    """Text followed by '⚠ low' / '⚠ unconfirmed' when its confidence is doubtful."""
    level = level or "unconfirmed"
    return f"{text} ⚠ {level}" if level in DOUBTFUL else text


# --- the register's own words in a Chinese brief (tables in wording_zh) ------------------------------


def severity_word(level: str, lang: str = "en") -> str:
    return wording_zh.SEVERITIES.get(level, level) if lang_of(lang) == "zh" else level


def hit_kind_word(kind: str, lang: str = "en") -> str:
    """A hit's kind as a table cell: 'imitation' / '“种类/类型/风格/仿制”'."""
    return wording_zh.HIT_KINDS.get(kind, kind) if lang_of(lang) == "zh" else kind


def finding_word(kind: str, lang: str = "en") -> str:
    """What a line of a proposed list was found to be: 'already-protected' / '已受保护'."""
    return wording_zh.FINDING_TYPES.get(kind, kind) if lang_of(lang) == "zh" else kind


def name_kind_text(kind: str, name_lang: str | None, lang: str = "en") -> str:
    """'official-rendering, zh' / '官方译名，中文'."""
    if lang_of(lang) != "zh":
        return kind + (f", {name_lang}" if name_lang else "")
    words = [wording_zh.NAME_KINDS.get(kind, kind)]
    if name_lang:
        words.append(wording_zh.LANGUAGES.get(name_lang, name_lang))
    return "，".join(words)


def product_class_word(product_class: str, lang: str = "en") -> str:
    return wording_zh.product_class(product_class) if lang_of(lang) == "zh" else product_class


def origin_text(origin: str, region: str | None, lang: str = "en") -> str:
    """'FR (Champagne)' / '法国（Champagne）'; several origins 'BE;NL' read '比利时、荷兰'."""
    if lang_of(lang) != "zh":
        return origin + (f" ({region})" if region else "")
    countries = "、".join(wording_zh.COUNTRIES.get(c, c) for c in origin.split(";"))
    return countries + (f"（{wording_zh.REGIONS.get(region, region)}）" if region else "")


def region_word(region: str, lang: str = "en") -> str:
    """A GI's region: a Chinese province in Chinese on a Chinese page; a foreign place name as it is."""
    return wording_zh.REGIONS.get(region, region) if lang_of(lang) == "zh" else region


def language_word(code: str, lang: str = "en") -> str:
    """A name's language: 'fr' / '法语' (the code as it is in English)."""
    return wording_zh.LANGUAGES.get(code, code) if lang_of(lang) == "zh" else code


def event_text(event: str, lang: str = "en") -> str:
    """A dated agreement event in the language asked (an event without a Chinese text stays as written)."""
    return (wording_zh.event(event) or event) if lang_of(lang) == "zh" else event


def source_text(source: str, lang: str = "en") -> str:
    """A source in the language asked: one the register writes itself is translated; a citation stays."""
    return (wording_zh.source(source) or source) if lang_of(lang) == "zh" else source


def note_text(note: str, lang: str = "en") -> str:
    """A protection's note in the language asked: the register's fixed notes are translated (a free-text
    note stays as the source wrote it)."""
    if lang_of(lang) != "zh":
        return note
    zh = wording_zh.note(note)
    if zh is None:
        return note
    return re.sub(r"（(\w+) (\d{4})版本）", lambda m: f"（{_zh_month_year(m.group(1), m.group(2))}版本）", zh)


def joined(items: list[str] | tuple[str, ...], lang: str = "en", *, enum: bool = False) -> str:
    """Items in a sentence: '; ' / '；' (or, with enum, ', ' / '、')."""
    if lang_of(lang) == "zh":
        return ("、" if enum else "；").join(items)
    return (", " if enum else "; ").join(items)
