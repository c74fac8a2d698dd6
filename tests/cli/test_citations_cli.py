"""Every source a user sees is a citation a reader can follow, never an internal note of the research;
the China–EU Art. 4 basis is quoted as the signed text has it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import Shared, as_json, giscope, ok

INTERNAL = ("legal_facts.md", "SOURCES.md", "annex_events.csv", "not found in")
# In a source, "from knowledge" is no source: it reads "no source found" (a value may still say so).
IN_SOURCES = (*INTERNAL, "from knowledge")


def _internal_notes(text: str) -> list[str]:
    return [m.group(0) for w in INTERNAL for m in re.finditer(f".{{0,60}}{re.escape(w)}", text)]


def _sources(node: object, key: str | None = None) -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _sources(v, k)]
    if isinstance(node, list):
        return [s for v in node for s in _sources(v, key)]
    return [node] if isinstance(node, str) and key and "source" in key else []


def test_no_user_visible_source_is_an_internal_note(shared: Shared, tmp_path: Path) -> None:
    db = shared.path
    outputs = [
        ok(giscope("export", "--format", "json", db=db)).out,
        ok(giscope("deadlines", "--json", "--today", "2026-11-27", db=db)).out,
        ok(giscope("deadlines", "--today", "2026-11-27", db=db)).out,
        ok(
            giscope(
                "compare", "china-eu", "china-france", "china-thailand", "--include", "trips", "--json", db=db
            )
        ).out,
        ok(giscope("compare", "china-eu", "china-france", "china-thailand", "--include", "trips", db=db)).out,
        ok(giscope("show", "fr-champagne", "--json", db=db)).out,
        ok(giscope("check", "香宾酒", "Parma ham", "Champagne-style", "--in", "CN", "--json", db=db)).out,
        ok(giscope("check", "Anji Bai Cha tea", "--in", "EU", "--json", db=db)).out,
    ]
    for j in ("CN", "EU", "FR", "TH"):
        outputs.append(ok(giscope("profile", j, "--json", db=db)).out)
        outputs.append(ok(giscope("profile", j, "--lang", "zh", db=db)).out)
    for text in outputs:
        assert not _internal_notes(text), _internal_notes(text)[:5]
        if text.lstrip().startswith(("[", "{")):
            bad = [s for s in _sources(json.loads(text)) if any(w in s for w in IN_SOURCES)]
            assert not bad, bad[:5]
    exported = json.loads(outputs[0])
    sources = _sources(exported)
    assert sources and not [s for s in sources if re.match(r"^[\w.-]+\.csv: ", s)]
    profile = as_json(giscope("profile", "EU", "--json", db=db))
    assert any(f["source"] == "no source found" and f["unconfirmed"] for f in profile["fields"])


def test_briefing_footnotes_cite_documents(shared: Shared, tmp_path: Path) -> None:
    for args in (
        ("dispute", "--gi", "香槟", "--in", "CN"),
        ("dispute", "--gi", "安吉白茶", "--in", "EU", "--lang", "zh"),
        ("compare", "china-eu", "china-france", "china-thailand"),
    ):
        pdf = tmp_path / f"{args[0]}-{len(args)}.pdf"
        ok(giscope("brief", *args, "-o", pdf, db=shared.path))
        text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        assert not _internal_notes(text), _internal_notes(text)[:5]


def test_the_china_eu_basis_quotes_identical_or_similar_products(shared: Shared) -> None:
    hits = as_json(giscope("check", "香宾酒", "--in", "CN", "--json", db=shared.path))[0]["matches"]
    basis = next(m for m in hits if m["gi_id"] == "fr-champagne")
    assert "Art. 4(1)(b)" in basis["legal_basis"] and "identical or similar product" in basis["legal_basis"]
    assert "like goods" not in basis["legal_basis"] and "ipkitten.blogspot.com" in basis["legal_source"]
    scope = as_json(giscope("compare", "china-eu", "china-thailand", "--json", db=shared.path))
    cells = {d["key"]: d["values"]["china-eu"] for d in scope["dimensions"]}
    assert cells["protection_level"]["article"] == "Art. 4(1)(b)"
    assert "identical or similar product" in cells["protection_level"]["value"]
    assert "like goods" not in json.dumps(scope)
    assert cells["trademarks"]["confidence"] == "medium" and "(4)" in cells["trademarks"]["article"]
    assert "No express evocation limb" in cells["evocation"]["value"]
    th = {f["key"]: f for f in as_json(giscope("profile", "TH", "--json", db=shared.path))["fields"]}
    assert "s. 8(12)" in th["trademarks"]["value_en"] and "s. 61(2)" in th["trademarks"]["value_en"]
    assert "200,000" in th["remedies"]["value_en"] and th["remedies"]["confidence"] == "high"
