"""A demonstration briefing in Chinese, Thai and Latin scripts, for tests, benchmarks and a look at the PDF.

    .venv/bin/python -m benchmarks.demo /tmp/sample.pdf [--lang zh] [--rows 60]

The facts in it are illustrative sample content, not legal information.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from reports.briefing import Briefing, Bullets, Facts, Notice, Para, Section, Source, Table

THAI_RICE = "ข้าวหอมมะลิทุ่งกุลาร้องไห้"

# (name, Chinese name, region, register, status)
GIS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Champagne", "香槟", "France", "EU–China 2021", "protected"),
    ("Comté", "孔泰奶酪", "France", "EU–China 2021", "protected"),
    ("Českobudějovické pivo", "布杰约维采啤酒", "Czechia", "EU–China 2021", "protected"),
    (THAI_RICE, "童古拉荣海茉莉香米", "Thailand", "CNIPA registration", "protected"),
    ("Parmigiano Reggiano", "帕尔玛奶酪", "Italy", "EU–China 2021", "protected"),
    ("Φέτα (Feta)", "菲达奶酪", "Greece", "EU–China 2021, phase 2", "pending"),
    ("Rioja", "里奥哈", "Spain", "EU–China 2021", "protected"),
    ("Roquefort", "洛克福奶酪", "France", "EU–China 2021, phase 2", "pending"),
    ("安吉白茶 (Anji Bai Cha)", "安吉白茶", "China", "EU–China 2021", "protected"),
    ("郫县豆瓣 (Pixian Dou Ban)", "郫县豆瓣", "China", "EU–China 2021", "protected"),
    ("ส้มโอนครชัยศรี (Som O Nakhon Chai Si)", "那空猜西柚", "Thailand", "CNIPA registration", "objection"),
    ("Prosciutto di Parma", "帕尔玛火腿", "Italy", "EU–China 2021", "protected"),
)

SRC_AGREEMENT = Source("EU–China Agreement on GIs, Annex III (OJ L 408, 3.12.2020)", "high")
SRC_CNIPA = Source("CNIPA announcement No. 420 (2021)", "high")
SRC_PRESS = Source("Trade press report, 2024-03 (not verified against the official list)", "low")
SRC_STAFF = Source("Staff note from a telephone call with the applicant", "unconfirmed")
SRC_DOC = Source("DOC notice on rice labelling (Thai Department of Intellectual Property)", "medium")


def _t(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def demo_briefing(lang: str = "en", table_rows: int = 36, paragraphs: int = 3) -> Briefing:
    """A mixed-script briefing; table_rows and paragraphs scale its length (about 10 pages at 220, 12)."""
    t = lambda en, zh: _t(lang, en, zh)  # noqa: E731
    rows = []
    highlight = set()
    for i, (name, zh_name, region, register, status) in zip(range(table_rows), itertools.cycle(GIS)):
        if status != "protected":
            highlight.add(i)
        sources: tuple[Source, ...] = (SRC_AGREEMENT,) if "EU" in register else (SRC_CNIPA,)
        if status == "objection":
            sources += (SRC_STAFF,)
        rows.append(
            (
                Para(f"{i + 1}"),
                Para(name),
                Para(zh_name),
                Para(region),
                Para(register, sources=sources),
                Para(status),
            )
        )
    body = [
        Para(
            t(
                "Champagne (香槟) has been protected in China since 2013 and again under the EU–China "
                "agreement. Comté, Českobudějovické pivo and the Thai rice "
                f"{THAI_RICE} appear on the lists compared here; the label under review uses a name "
                "close to one of them.",
                "香槟（Champagne）自2013年起在中国受到保护，并列入中欧地理标志协定。孔泰奶酪（Comté）、"
                f"Českobudějovické pivo 以及泰国大米 {THAI_RICE} 均在本次比较的清单中；待审标签使用了与其中"
                "一个名称相近的名称。",
            ),
            sources=(SRC_AGREEMENT, SRC_CNIPA),
            style="lead",
        ),
        Para(
            t(
                "A trade press report says the applicant withdrew a second application; this has not been "
                "checked against the official register.",
                "有行业媒体报道称申请人撤回了第二份申请；该信息尚未与官方登记簿核对。",
            ),
            sources=(SRC_PRESS,),
        ),
    ]
    filler = Para(
        t(
            "The comparison covers names in Chinese characters, pinyin, the original script and common "
            "translations. Thai names such as ส้มโอนครชัยศรี are matched in Thai script and in the Royal "
            "Thai General System of transcription. Generic terms and plant varieties are excluded.",
            "比较范围包括中文名称、拼音、原文名称及常见译名。泰文名称（如 ส้มโอนครชัยศรี）按泰文及皇家泰语"
            "通用转写系统进行匹配。通用名称和植物品种名称不在比较范围内。",
        ),
        sources=(SRC_DOC,),
    )
    body += [filler] * paragraphs
    sections = (
        Section(
            t("Summary", "摘要"),
            (
                *body[:2],
                Facts(
                    (
                        (t("Name under review", "待审名称"), Para("香槟风味气泡酒 (Champagne-style)")),
                        (t("Closest protected name", "最接近的受保护名称"), Para("Champagne / 香槟")),
                        (t("Thai register", "泰国登记"), Para(THAI_RICE, sources=(SRC_DOC,))),
                        (
                            t("Applicant status", "申请人状态"),
                            Para(t("withdrawn?", "已撤回？"), (SRC_STAFF,)),
                        ),
                    )
                ),
                Notice(
                    t(
                        "Two statements below rest on unconfirmed sources; check them before use.",
                        "以下两项陈述依据未经证实的来源；引用前请先核实。",
                    ),
                    kind="unconfirmed",
                ),
            ),
        ),
        Section(
            t("Background", "背景"),
            tuple(body[2:]),
        ),
        Section(
            t("Names on the lists", "清单中的名称"),
            (
                Table(
                    headers=(
                        "#",
                        t("Registered name", "登记名称"),
                        t("Chinese name", "中文名称"),
                        t("Origin", "原产地"),
                        t("Register", "登记依据"),
                        t("Status", "状态"),
                    ),
                    rows=tuple(rows),
                    col_widths=(0.06, 0.27, 0.17, 0.13, 0.22, 0.15),
                    highlight_rows=frozenset(highlight),
                    caption=t(
                        "Table 1. Names compared (shaded: not yet protected)",
                        "表 1. 比较的名称（阴影：尚未受保护）",
                    ),
                ),
            ),
        ),
        Section(
            t("Next steps", "后续步骤"),
            (
                Bullets(
                    (
                        Para(t("Ask the applicant for the withdrawal notice.", "请申请人提供撤回通知。")),
                        Para(
                            t(
                                "Check the CNIPA register for Champagne (香槟).",
                                "在国家知识产权局登记簿中核对香槟。",
                            ),
                            (SRC_CNIPA,),
                        ),
                        Para(t(f"Confirm the Thai name {THAI_RICE}.", f"确认泰文名称 {THAI_RICE}。")),
                    ),
                    checklist=True,
                ),
                Bullets((Para(t("Deadline for comments: 30 days.", "意见提交期限：30 天。")),)),
                Notice(
                    t(
                        "Information, not legal advice. Lists change; check the official registers.",
                        "本简报仅供参考，不构成法律意见。清单会变动，请以官方登记为准。",
                    ),
                    kind="disclaimer",
                ),
                Notice(t("Generated by GIScope.", "由 GIScope 生成。"), kind="info"),
            ),
        ),
    )
    return Briefing(
        kind="dispute",
        title=t("Champagne-style sparkling wine: GI conflict briefing", "香槟风味气泡酒：地理标志冲突简报"),
        subtitle=t("Screening against China's international GI lists", "对照中国国际地理标志清单的筛查"),
        lang="zh" if lang == "zh" else "en",
        date="2025-05-06",
        data_version="2025.05-r2",
        sections=sections,
    )


def main() -> None:
    from reports.render import render

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--paragraphs", type=int, default=3)
    args = parser.parse_args()
    args.out.write_bytes(render(demo_briefing(args.lang, args.rows, args.paragraphs)))
    print(args.out)


if __name__ == "__main__":
    main()
