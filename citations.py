"""Sources a reader can follow: the one place where a source is made fit to show (pure; reads only
data/reference, and only when a source needs it).

The bundled data holds citations already (document, article, date, address). Older registers, and
notes written before the data was cited properly, may still hold the research's internal keys:
"legal_facts.md C5 [120][121]" (numbered sources of data/reference/legal_facts.md),
"SOURCES.md (Key dates)", "annex_events.csv 2022-12-02" (the dated events and their sources),
"china_eu_uk_names.csv: …" (a file name before the row's source) and "not found in legal_facts.md" or
"from knowledge, unconfirmed". `cite` turns each of those into the documents it stands for, or into
"no source found"; any other text is returned as it is. The CLI, the UI, the PDFs and the JSON output
all show sources through the repositories and loaders that call it.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from config import REFERENCE_DIR

NO_SOURCE = "no source found"

# Titles for the numbered sources cited most (legal_facts.md's list gives addresses only).
TITLES = {
    "1": "Unitalen, China–France GI protocol report, 6 Dec 2019",
    "38": "Siam City Law, CNIPA–DIP memorandum of understanding, 2021",
    "72": "Regulation (EU) 2024/1143, table of contents",
    "73": "Regulation (EU) 2024/1143, OJ L, 23.4.2024",
    "104": "World Trademark Review, Thailand GI applications",
    "120": "EU Council summary of the EU–China GI Agreement (as repeated by kukkanto.org)",
    "121": "Modern Diplomacy, The future of the China–EU agreement on GIs, 11 Jul 2024",
    "122": "COM(2020)213, proposal for the Council decision on the EU–China GI Agreement",
    "123": "EU–China GI Agreement, bilingual text of Arts. 1–3 (le-fay.com)",
    "124": "EU–China GI Agreement, OJ L 408I, 4.12.2020, p. 3 (EUR-Lex CELEX 22020A1204(01))",
    "125": "Council doc. 8361/20, EU–China GI Agreement as signed",
    "126": "MOFCOM, China–EU GI Agreement portal",
    "134": "Mondaq, China–EU GI Agreement in force on 1 March 2021",
    "139": "State Council of the PRC, China–EU GI Agreement takes effect, 1 Mar 2021",
    "149": "TRIPS Agreement Art. 22",
    "150": "TRIPS Agreement Art. 23",
    "151": "TRIPS Agreement Art. 24",
    "158": "Council doc. 8361/20, EU–China GI Agreement as signed (preamble, Art. 1)",
}

OJ_C_459 = (
    "Notice 2022/C 459/08, OJ C 459, 2.12.2022, p. 17–28 (Annex V names published for objection) — "
    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52022XC1202(03)"
)
CNIPA_506 = (
    "CNIPA Announcement No. 506, 2 Dec 2022 (Annex VI names published for objection; English text: "
    "http://www.unitalen.com/html/report/22121230-1.htm); USDA GAIN report CH2022-0134"
)
AGREEMENT = (
    "EU–China GI Agreement, OJ L 408I, 4.12.2020, p. 3 — "
    "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02020A1204%2801%29-20201204"
)
CHINA_DAILY_2025 = (
    "China Daily, 'Golden name cards' help China, EU forge market bonds, 12 Dec 2025 — "
    "https://www.chinadaily.com.cn/a/202512/12/WS693b4d87a310d6866eb2e350_2.html"
)
# The sections of data/reference/SOURCES.md the data cited, by the documents they rest on.
SOURCES_SECTIONS = {
    "key dates": f"{AGREEMENT}; Council Decision (EU) 2020/1832 of 23 Nov 2020",
    "status of annexes v and vi": f"{OJ_C_459}; {CNIPA_506}; {CHINA_DAILY_2025}",
    "annex numbering": "MOFCOM, China–EU GI Agreement portal — http://ipr.mofcom.gov.cn/hwwq_2/chn_eu_gi/index2.html",
    "known gaps": "no source found",
    "cnipa no.506 note": CNIPA_506,
}

_INTERNAL = re.compile(
    r"legal_facts\.md|SOURCES\.md|annex_events\.csv|\.csv: |from knowledge|not found in|\[\d+\]"
)
_SECTION = re.compile(r"^(?:[A-D]\d?\b[,\s]*)+")


def is_internal(text: str | None) -> bool:
    """Whether a source still holds an internal note of the research (a file name, a bare number)."""
    return bool(text and _INTERNAL.search(text))


# a library proxy's address of a public page (https://www-cambridge-org.ezproxy.example.org/...): the
# reader has no access through it; the publisher's own host is www.cambridge.org
_PROXY_HOST = re.compile(
    r"https?://([a-z0-9]+(?:-[a-z0-9]+)+)\.(?:ezproxy|proxy)[a-z0-9-]*(?:\.[a-z0-9-]+)+", re.I
)


def unproxied(text: str) -> str:
    """Library-proxy addresses turned back into the publisher's own address."""
    return _PROXY_HOST.sub(lambda m: "https://" + m.group(1).replace("-", "."), text)


@lru_cache(maxsize=8192)
def cite(text: str | None) -> str | None:
    """The source as a reader can follow it (see the module's note); None and empty stay so. (Kept per
    text: a batch check cites the same few sources thousands of times.)"""
    if text and _PROXY_HOST.search(text):
        text = unproxied(text)
    if not text or not _INTERNAL.search(text):
        return text
    text = re.sub(r"^[\w.-]+\.csv: ", "", text)
    if not _INTERNAL.search(text):
        return text
    out: list[str] = []
    for part in _parts(text):
        for piece in _cite_part(part):
            if piece and piece not in out:
                out.append(piece)
    if len(out) > 1 and NO_SOURCE in out:
        out.remove(NO_SOURCE)
    return "; ".join(out) or NO_SOURCE


def _parts(text: str) -> list[str]:
    """Split on ';' outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth <= 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return [p for p in parts if p]


def _cite_part(part: str) -> list[str]:
    if re.search(r"not found in|^\(?from knowledge", part):
        return [NO_SOURCE]
    # "criminal and customs: from knowledge, unconfirmed" -> "criminal and customs: no source found"
    part = re.sub(r":?\s*\(?from knowledge(, unconfirmed)?\)?", ": " + NO_SOURCE, part).strip(": ")
    if "SOURCES.md" in part:
        m = re.search(r"\(([^)]*)\)", part)
        sections = [s.strip().lower() for s in m.group(1).split(";")] if m else []
        found = [SOURCES_SECTIONS[s] for s in sections if s in SOURCES_SECTIONS]
        rest = re.sub(r"SOURCES\.md\s*(\([^)]*\))?", "", part).strip(" ;,")
        return (found or [f"{OJ_C_459}; {CNIPA_506}"]) + ([rest] if rest else [])
    if "annex_events.csv" in part:
        dates = re.findall(r"\b\d{4}(?:-\d\d-\d\d)?\b", part)
        events = _events()
        cited = [f"{e['source']} ({e['date']})" for d in dates for e in events if e["date"] == d]
        return cited or [f"{OJ_C_459}; {CNIPA_506}"]
    numbers = re.findall(r"\[(\d+)\]", part)
    rest = re.sub(r"\[\d+\]|legal_facts\.md", " ", part)
    rest = re.sub(r"\s+", " ", _SECTION.sub("", rest.strip())).strip(" ,;:")
    rest = re.sub(r"^\((.*)\)$", r"\1", rest)
    if not numbers:
        if "legal_facts.md" in part and not rest:
            return [NO_SOURCE]
        return [rest] if rest else []
    known = _numbered()
    cited = [_one(n, known[n]) for n in dict.fromkeys(numbers) if n in known]
    return ([rest] if rest and NO_SOURCE not in rest else []) + cited + ([rest] if NO_SOURCE in rest else [])


def _one(number: str, line: str) -> str:
    title = TITLES.get(number)
    return f"{title} — {line}" if title else line


@lru_cache(maxsize=1)
def _numbered() -> dict[str, str]:
    """legal_facts.md's numbered Sources list: '120' -> its address (and what it is, where given)."""
    path = REFERENCE_DIR / "legal_facts.md"
    if not path.exists():
        return {}
    part = path.read_text(encoding="utf-8").split("## Sources", 1)[-1]
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^(\d+)\. (.+)$", part, re.M)
        if not m.group(2).startswith("(unused")
    }


@lru_cache(maxsize=1)
def _events() -> tuple[dict[str, str], ...]:
    path = REFERENCE_DIR / "annex_events.csv"
    if not path.exists():
        return ()
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def cited_extra(extra: dict[str, object]) -> dict[str, object]:
    """The agreement's extra facts with every source (`source`, `*_source`, the articles') cited."""
    out = {k: cite(v) if k.endswith("source") and isinstance(v, str) else v for k, v in extra.items()}
    articles = out.get("articles")
    if isinstance(articles, list):
        out["articles"] = [
            {**a, "source": cite(a.get("source"))} if isinstance(a, dict) and a.get("source") else a
            for a in articles
        ]
    return out
