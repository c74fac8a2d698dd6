"""The fixed words of a PDF briefing (labels, page numbers) in English and Chinese; confidence levels come
from wording, like everywhere else."""

from __future__ import annotations

from wording import confidence_word

LANGUAGES = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "sources": "Sources",
        "page": "Page",
        "page_x_of_y": "Page {page} of {pages}",
        "unconfirmed": "unconfirmed",
        "unconfirmed_title": "Unconfirmed",
        "disclaimer": "Disclaimer",
        "info": "Note",
        "date": "Date",
        "data_version": "Data version",
        "language": "Language",
        "language_name": "English",
        "confidence": "confidence",
        "kind_dispute": "Dispute briefing",
        "kind_compare": "Comparison briefing",
        "kind_screening": "Screening briefing",
        "kind_opposition": "Opposition briefing",
        "colon": ": ",
        "separator": " · ",
        "notes_at_end": "Notes {numbers}: see Sources at the end.",
        "in_full_on": " — in full on p. {page}",
        "in_full_at_end": " — in full under Sources",
    },
    "zh": {
        "sources": "来源",
        "page": "页",
        "page_x_of_y": "第 {page} 页，共 {pages} 页",
        "unconfirmed": "未经证实",
        "unconfirmed_title": "未经证实",
        "disclaimer": "免责声明",
        "info": "说明",
        "date": "日期",
        "data_version": "数据版本",
        "language": "语言",
        "language_name": "中文",
        "confidence": "可信度",
        "kind_dispute": "争议简报",
        "kind_compare": "比较简报",
        "kind_screening": "筛查简报",
        "kind_opposition": "异议简报",
        "colon": "：",
        "separator": " · ",
        "notes_at_end": "注 {numbers}：见文末“来源”。",
        "in_full_on": "——全文见第 {page} 页",
        "in_full_at_end": "——全文见文末“来源”",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    """The label `key` in `lang` (English for an unknown language), with {placeholders} filled in."""
    text = LABELS.get(lang, LABELS["en"])[key]
    return text.format(**values) if values else text


def confidence(lang: str, level: str) -> str:
    """A confidence level ("high", "medium", "low", "unconfirmed") in words; unknown levels as given."""
    return confidence_word(level, lang)
