"""The translation memory on SQLite and PostgreSQL, with a fake engine: the memory answers a second
identical request without the machine, reviewed renderings and the glossary win over the machine, a
reviewed rendering of a GI's name becomes a name screening uses (the kept index rebuilt), rejected and
suggested ones never do, and staff renderings survive a re-import of their list."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootstrap import initialise
from compare.services import build_index, check_labels
from gi_lists.services import find_gi, import_file
from storage.db import Database
from tests.integration.test_register import write_csv
from translation import services as tr
from translation.model import TranslationError, TranslationUnavailable
from translation.renderings import export_renderings

ANJI = "cn-anji-bai-cha"
THAI_LABEL = "ชาขาวอันจี๋"  # "Anji white tea" in Thai: no name of the register reads so


class FakeTranslator:
    """An engine that answers from a table and counts every call; "offline" raises like the real one."""

    name = "fake"

    def __init__(self, table: dict[tuple[str, str], str] | None = None, *, offline: bool = False) -> None:
        self.table = table or {}
        self.offline = offline
        self.calls: list[tuple[str, str, str]] = []

    def translate(self, text: str, source: str, target: str) -> str:
        self.calls.append((text, source, target))
        if self.offline:
            raise TranslationUnavailable("machine translation unavailable: fake is offline")
        return self.table.get((text, target), f"<{text} in {target}>")


@pytest.fixture
def db(loaded_engine: Database, tmp_path: Path) -> Database:
    if loaded_engine.path is None:
        loaded_engine.cache_dir = str(tmp_path / "cache")  # the kept index on PostgreSQL too
    return loaded_engine


def thai_hits(db: Database) -> list[str]:
    return [m.gi.id for r in check_labels(build_index(db), [THAI_LABEL], "EU") for m in r.matches]


def test_a_second_identical_request_is_answered_from_the_memory_without_the_machine(db):
    fake = FakeTranslator({("龙虾养殖", "en"): "crayfish farming"})
    first = tr.translate(db, "龙虾养殖", "en", fake, who="ana")
    assert (first.origin, first.result, first.status, first.engine) == (
        "machine",
        "crayfish farming",
        "suggested",
        "fake",
    )
    again = tr.translate(db, "龙虾养殖", "en", fake, who="ana")
    assert (again.origin, again.result, again.id) == ("memory", "crayfish farming", first.id)
    assert len(fake.calls) == 1
    assert [t.status for t in tr.list_translations(db, unreviewed=True)] == ["suggested"]


def test_the_glossary_answers_before_the_machine(db):
    fake = FakeTranslator()
    answer = tr.translate(db, "Champagne", "zh", fake, who="ana")
    assert (answer.origin, answer.result, answer.gi_id) == ("glossary", "香槟", "fr-champagne")
    ham = tr.translate(db, "ham", "fr", fake, who="ana")
    assert (ham.origin, ham.result) == ("glossary", "jambon")
    assert fake.calls == []


def test_a_reviewed_rendering_wins_over_the_glossary_and_a_suggestion(db):
    fake = FakeTranslator({("Champagne", "zh"): "香槟酒"})
    row = tr.add_rendering(db, "fr-champagne", "zh", "香槟地区", who="ana")
    assert tr.translate(db, "Champagne", "zh", fake, who="ana").origin == "glossary"
    tr.approve(db, row.id, who="ben")
    answer = tr.translate(db, "Champagne", "zh", fake, who="ana")
    assert (answer.origin, answer.result, answer.status) == ("memory", "香槟地区", "reviewed")
    assert fake.calls == []


def test_without_the_machine_the_answer_is_unavailable_at_once_and_nothing_is_stored(db):
    fake = FakeTranslator(offline=True)
    answer = tr.translate(db, "安吉白茶", "en", fake, who="ana")
    assert (answer.origin, answer.result, answer.message) == (
        "unavailable",
        None,
        "machine translation unavailable",
    )
    assert {"text": "Anji Bai Cha", "kind": "transcription", "lang": "zh-Latn"} in answer.alternatives
    off = tr.translate(db, "安吉白茶", "en", None, who="ana")
    assert off.origin == "unavailable" and "GISCOPE_TRANSLATOR=none" in (off.detail or "")
    assert tr.list_translations(db) == []


def test_approving_a_rendering_makes_a_label_in_that_language_match(db):
    assert ANJI not in thai_hits(db)  # the kept index is written here
    fake = FakeTranslator({("安吉白茶", "th"): THAI_LABEL})
    report = tr.suggest_renderings(db, [ANJI], fake, who="ana", langs=["th"])
    (row,) = report.created
    assert (row.gi_id, row.result, row.status) == (ANJI, THAI_LABEL, "suggested")
    assert ANJI not in thai_hits(db)  # a suggestion is not a name
    tr.approve(db, row.id, who="ben")
    assert ANJI in thai_hits(db)  # the kept index was rebuilt
    gi = find_gi(db, ANJI)
    name = next(n for n in gi.names if n.text == THAI_LABEL)
    assert (name.kind, name.lang, name.script) == ("translation", "th", "Thai")
    assert "reviewed by ben" in (name.source or "")
    assert gi.history[-1].who == "ben" and gi.history[-1].after == THAI_LABEL
    assert export_renderings(db, [gi], "th")[ANJI] == (THAI_LABEL, "reviewed")

    tr.reject(db, row.id, who="chen", reason="not the official rendering")
    assert ANJI not in thai_hits(db)
    assert THAI_LABEL not in {n.text for n in find_gi(db, ANJI).names}


def test_a_rejected_suggestion_is_never_an_answer_nor_a_name(db):
    fake = FakeTranslator({("安吉白茶", "th"): THAI_LABEL})
    (row,) = tr.suggest_renderings(db, [ANJI], fake, who="ana", langs=["th"]).created
    assert export_renderings(db, [find_gi(db, ANJI)], "th")[ANJI] == (THAI_LABEL, "to be reviewed")
    tr.reject(db, row.id, who="ben")
    assert ANJI not in thai_hits(db)
    assert ANJI not in export_renderings(db, [find_gi(db, ANJI)], "th")
    with pytest.raises(TranslationError, match="rejected already by ben"):
        tr.reject(db, row.id, who="ben")


def test_a_rendering_corrected_before_approval_is_kept_with_its_edit(db):
    row = tr.add_rendering(db, ANJI, "en", "Anji Whit Tea", who="ana")
    done = tr.approve(db, row.id, who="ben", text="Anji White Tea")
    assert (done.result, done.status, done.reviewed_by) == ("Anji White Tea", "reviewed", "ben")
    assert "edited from 'Anji Whit Tea' by ben" in (done.note or "")
    assert "Anji White Tea" in {n.text for n in find_gi(db, ANJI).names}
    with pytest.raises(TranslationError, match="reviewed already by ben"):
        tr.approve(db, row.id, who="ben")
    with pytest.raises(TranslationError, match="no translation #999"):
        tr.approve(db, 999, who="ben")


def test_suggestions_skip_languages_a_gi_has_and_stop_when_the_machine_is_unavailable(db):
    fake = FakeTranslator()
    report = tr.suggest_renderings(db, [ANJI, "fr-champagne"], fake, who="ana")
    assert sorted(t.target_lang for t in report.created) == ["en", "fr", "th"]  # Champagne has 香槟
    assert report.skipped == 1
    offline = tr.suggest_renderings(db, ["cn-longjing-cha"], FakeTranslator(offline=True), who="ana")
    assert offline.created == () and "unavailable" in (offline.unavailable or "")


def test_reviewed_renderings_survive_a_reimport_and_a_reference_reload(db, tmp_path):
    row = tr.add_rendering(db, ANJI, "fr", "Thé blanc d'Anji", who="ana")
    tr.approve(db, row.id, who="ben")
    path = write_csv(
        tmp_path / "annex_iii.csv",
        ["name", "transcription", "product_class", "origin", "region", "status", "source", "confidence"],
        [["安吉白茶", "Anji Bai Cha", "Tea", "CN", "Zhejiang", "protected", "EC 2021", "high"]],
    )
    import_file(db, path, agreement="china-eu", annex="III", register=None, who="tester", keep_missing=True)
    initialise(db, who="tester", reload_reference=True)
    assert "Thé blanc d'Anji" in {n.text for n in find_gi(db, ANJI).names}
    assert tr.get_translation(db, row.id).status == "reviewed"


def test_a_profile_field_translated_stays_to_be_reviewed_until_a_person_approves_it(db):
    from agreements.profiles import edit_profile, get_profile, profile_history
    from translation.profiles import field_suggestions, suggest_field

    edit_profile(
        db, "TH", "fees", who="ana", reason="new fee", value_en="500 baht per application", source="DIP"
    )
    assert get_profile(db, "TH").field("fees").fact.value_zh.startswith("【待更新")  # type: ignore[union-attr]
    fake = FakeTranslator({("500 baht per application", "zh"): "每件申请500泰铢"})
    row = suggest_field(db, "TH", "fees", "zh", fake, who="ana")
    assert (row.status, row.subject, row.text, row.result) == (
        "suggested", "profile:TH:fees", "500 baht per application", "每件申请500泰铢",
    )  # fmt: skip
    assert [t.id for t in field_suggestions(db, "TH")["fees"]] == [row.id]
    assert get_profile(db, "TH").field("fees").fact.value_zh.startswith("【待更新")  # type: ignore[union-attr]
    again = suggest_field(db, "TH", "fees", "zh", fake, who="ana")
    assert len(fake.calls) == 1 and f"memory #{row.id}" in again.engine
    tr.approve(db, row.id, who="ben")
    assert get_profile(db, "TH").field("fees").fact.value_zh == "每件申请500泰铢"  # type: ignore[union-attr]
    last = profile_history(db, "TH", "fees")[-1]
    assert (last["who"], last["what"]) == ("ben", "value_zh") and f"#{row.id}" in last["reason"]
    assert [t.id for t in field_suggestions(db, "TH").get("fees", [])] == [again.id]
    with pytest.raises(TranslationUnavailable, match="TH fees left as it is"):
        suggest_field(db, "TH", "fees", "en", FakeTranslator(offline=True), who="ana")


def test_a_reviewed_rendering_shows_in_the_dispute_brief_and_a_suggestion_does_not(db):
    from briefings.dispute import dispute_brief
    from tests.integration.test_briefings import texts

    tr.add_rendering(db, ANJI, "fr", "Thé blanc d'Anji", who="ana")
    row = tr.add_rendering(db, ANJI, "en", "Anji White Tea", who="ana")
    tr.approve(db, row.id, who="ben")
    text = "\n".join(texts(dispute_brief(db, ANJI, "EU", lang="en", today="2026-12-04")))
    assert "Anji White Tea" in text
    assert "Thé blanc d'Anji" not in text


def test_a_machine_rendering_of_a_gi_name_is_that_gis_and_approving_it_makes_it_a_name(db):
    fake = FakeTranslator({("安吉白茶", "en"): "Anji White Tea"})
    answer = tr.translate(db, "安吉白茶", "en", fake, who="ana")
    assert (answer.origin, answer.gi_id, answer.status) == ("machine", ANJI, "suggested")
    assert "Anji White Tea" not in {n.text for n in find_gi(db, ANJI).names}
    tr.approve(db, answer.id or 0, who="ben")
    assert "Anji White Tea" in {n.text for n in find_gi(db, ANJI).names}
    # from now on the register itself answers (a reviewed rendering in the memory first)
    again = tr.translate(db, "安吉白茶", "en", fake, who="ana")
    assert (again.origin, again.result, again.status) == ("memory", "Anji White Tea", "reviewed")
    assert len(fake.calls) == 1
