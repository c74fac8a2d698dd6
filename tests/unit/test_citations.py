"""Sources are shown as citations a reader can follow, never as the research's internal notes."""

from __future__ import annotations

import json

import pytest

from citations import NO_SOURCE, cite, is_internal
from config import KNOWLEDGE_DIR, REFERENCE_DIR

INTERNAL = ("legal_facts.md", "SOURCES.md", "annex_events.csv", "not found in", "from knowledge")


def test_a_numbered_legal_facts_source_becomes_its_document_and_address():
    text = cite("legal_facts.md C5 [123]")
    assert text is not None
    assert "le-fay.com/industry/ChinaEuropeAgreement.html" in text
    assert "legal_facts" not in text and "[123]" not in text and "C5" not in text


def test_not_found_and_from_knowledge_become_no_source_found():
    assert cite("not found in legal_facts.md") == NO_SOURCE
    assert cite("legal_facts.md C1 (from knowledge, unconfirmed)") == NO_SOURCE
    mixed = cite("legal_facts.md C2 [81]; ex officio and customs: from knowledge, unconfirmed")
    assert mixed is not None and mixed.endswith("ex officio and customs: no source found")
    assert "curia.europa.eu" in mixed


def test_sources_md_and_annex_events_notes_become_the_documents_they_stand_for():
    status = cite("SOURCES.md (Status of Annexes V and VI)")
    assert status is not None and "OJ C 459" in status and "CNIPA Announcement No. 506" in status
    events = cite("annex_events.csv 2025-12-12")
    assert events is not None and "chinadaily.com.cn" in events
    assert cite("china_eu_uk_names.csv: zh.wikipedia '中欧地理标志协定'") == "zh.wikipedia '中欧地理标志协定'"


@pytest.mark.parametrize(
    "text", [None, "", "OJ C 459, 2.12.2022 — https://eur-lex.europa.eu/x", "recorded by ana: OJ"]
)
def test_a_citation_already_readable_is_left_as_it_is(text):
    assert cite(text) == text


def _sources(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _sources(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _sources(v, key)
    elif isinstance(node, str) and key and key.endswith("source"):
        yield node


@pytest.mark.parametrize(
    "path",
    [
        REFERENCE_DIR / "profiles.json",
        REFERENCE_DIR / "scope.json",
        REFERENCE_DIR / "agreements.json",
        REFERENCE_DIR / "deadlines.json",
        KNOWLEDGE_DIR / "legal_bases.json",
    ],
    ids=lambda p: p.name,
)
def test_every_bundled_legal_source_cites_documents_once_resolved(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for source in _sources(data):
        shown = cite(source) or ""
        assert not is_internal(shown), (path.name, source)
        assert not any(word in shown for word in INTERNAL), (path.name, source)


def test_a_library_proxy_address_is_turned_back_into_the_publishers():
    from citations import cite

    proxied = "https://www-cambridge-org.ezproxyberklee.flo.org/core/product/8301/core-reader (Feng, 2019)"
    assert cite(proxied) == "https://www.cambridge.org/core/product/8301/core-reader (Feng, 2019)"
    assert (
        cite("https://journals-sagepub-com.proxy.lib.example.edu/doi/x")
        == "https://journals.sagepub.com/doi/x"
    )
    # a host that merely contains the word is left alone
    assert cite("https://www.ezproxy-vendor.com/page") == "https://www.ezproxy-vendor.com/page"
