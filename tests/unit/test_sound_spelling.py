"""Latin spellings that sound the same: Tocai, Tokay and Tokaj (CJEU C-347/03 Regione Friuli-Venezia
Giulia, 12 May 2005: 'Tocai friulano' had to go from Italian wine labels under the EC-Hungary wine
agreement protecting Tokaj)."""

from __future__ import annotations

from compare.classify import sound_spelling
from compare.conflicts import Checker, ConflictIndex
from names.knowledge import bundled_knowledge
from tests.registers import EU_REGISTER, make_gi


def test_sound_spelling() -> None:
    assert sound_spelling("tocai") == sound_spelling("tokaj") == sound_spelling("tokay") == "tokai"
    assert sound_spelling("grappa") == "grapa"
    assert sound_spelling("feta") != sound_spelling("fete")


def test_a_name_spelled_as_it_sounds_is_a_close_misspelling() -> None:
    ix = ConflictIndex([make_gi("hu-tokaj", "Tokaj", "Wine", "HU", EU_REGISTER)], bundled_knowledge())
    hits = {h.gi.id: h for h in Checker(ix, "EU").check("Tocai friulano", "Wine")}
    assert hits["hu-tokaj"].kind == "fuzzy" and hits["hu-tokaj"].severity == "medium"
    assert "spelled as it sounds" in hits["hu-tokaj"].reason
