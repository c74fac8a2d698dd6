"""The trademark watch on a real register (SQLite file, and PostgreSQL when reachable): a gazette with
planted conflicts, bad rows, a re-scan, opposition deadlines and their alerts, tracking with history."""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import InputError, RegisterError
from storage.db import Database
from tests.conftest import TEST_DATA
from watch.alerts import list_alerts
from watch.deadlines import list_deadlines, refresh_deadline_alerts
from watch.trademarks.services import finding_history, list_findings, scan_gazette, set_finding_state

EXAMPLE = TEST_DATA / "gazette_example.csv"
AT = "2026-12-03T10:00:00+00:00"
TODAY = "2026-12-03"
FINDING_KEYS = {
    "id",
    "application_no",
    "mark",
    "classes",
    "applicant",
    "gi_id",
    "name",
    "kind",
    "severity",
    "reason",
    "legal_basis",
    "opposition_deadline",
}


def scan(db: Database, path: Path = EXAMPLE, j: str = "CN", published: str | None = "2026-11-20", **kw):  # type: ignore[no-untyped-def]
    return scan_gazette(db, path, j, published=published, who="tester", at=AT, today=TODAY, **kw)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_gazette_with_planted_conflicts_stores_them_and_not_the_innocent_marks(loaded_engine) -> None:
    result = scan(loaded_engine, gazette="CN-TM-2026-45")
    by_app: dict[str, list] = {}
    for f in result.findings:
        by_app.setdefault(f.application_no, []).append(f)
    assert result.marks == 6 and result.added == len(result.findings)
    perfume = by_app["EX-2026-000001"]  # 香槟人生, class 3: the well-known-mark route crosses classes
    assert [(f.gi_id, f.severity) for f in perfume] == [("fr-champagne", "high")]
    assert "well-known mark" in perfume[0].reason and "香槟" in perfume[0].legal_basis
    wine = by_app["EX-2026-000002"]  # CHAMPAGNE LIFE, class 33: like goods
    assert [(f.gi_id, f.severity, f.kind) for f in wine] == [("fr-champagne", "high", "exact")]
    assert "Nice class 33" in wine[0].reason
    parma = by_app["EX-2026-000003"]  # Parma, class 29: a place of the Parma GIs on like goods
    assert {f.gi_id for f in parma} == {"it-prosciutto-di-parma", "it-parmigiano-reggiano"}
    assert all(f.kind == "partial" and f.severity == "medium" for f in parma)
    assert not set(by_app) & {"EX-2026-000004", "EX-2026-000005", "EX-2026-000006"}
    assert {f.opposition_deadline for f in result.findings} == {"2027-02-20"}
    assert all(f.state == "new" and f.gazette == "CN-TM-2026-45" for f in result.findings)
    stored = list_findings(loaded_engine)
    assert sorted(f.id for f in stored) == sorted(f.id for f in result.findings)
    assert list_findings(loaded_engine, gi_id="fr-champagne") == [
        f for f in stored if f.gi_id == "fr-champagne"
    ]


def test_the_scan_json_has_the_fields_the_issue_fixes(loaded_engine) -> None:
    data = scan(loaded_engine).to_dict(TODAY)
    assert {"gazette", "jurisdiction", "published", "marks", "findings"} <= set(data)
    assert (data["gazette"], data["jurisdiction"], data["published"], data["marks"]) == (
        "gazette_example",
        "CN",
        "2026-11-20",
        6,
    )
    for f in data["findings"]:
        assert set(f) >= FINDING_KEYS
        assert isinstance(f["classes"], list) and f["days_left"] == 79


def test_a_well_known_mark_route_is_only_where_the_mark_is_well_known(loaded_engine) -> None:
    result = scan(loaded_engine, j="EU", min_severity="low")
    perfume = [f for f in result.findings if f.application_no == "EX-2026-000001"]
    assert [(f.gi_id, f.severity) for f in perfume] == [("fr-champagne", "medium")]  # a reputation decision
    assert "well-known mark (" not in perfume[0].reason
    assert {f.opposition_deadline for f in result.findings} == {"2027-02-20"}


def test_a_gazette_with_bad_rows_stores_nothing(loaded_engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        "application_no,mark,classes,applicant\n"
        "EX-1,CHAMPAGNE LIFE,33,Example Co.\n"
        "EX-2,Champagne Sky,thirty-three,Example Co.\n",
    )
    with pytest.raises(InputError) as caught:
        scan(loaded_engine, path)
    assert caught.value.problems == [
        f"{path}:3: classes: 'thirty-three' is not a Nice class (1 to 45; several are separated by ';')"
    ]
    assert list_findings(loaded_engine) == []
    assert not [d for d in list_deadlines(loaded_engine, today=TODAY) if d.kind == "opposition"]


def test_a_rescan_adds_nothing_twice_and_keeps_what_staff_recorded(loaded_engine) -> None:
    first = scan(loaded_engine)
    target = first.findings[0]
    set_finding_state(
        loaded_engine, target.id, state="reviewed", note="checked", who="analyst", at=AT, today=TODAY
    )
    again = scan(loaded_engine)
    assert again.added == 0
    assert sorted(f.id for f in again.findings) == sorted(f.id for f in first.findings)
    assert len(list_findings(loaded_engine)) == len(first.findings)
    assert [f.state for f in list_findings(loaded_engine) if f.id == target.id] == ["reviewed"]
    assert len(finding_history(loaded_engine, target.id)) == 2  # found, reviewed: not found again
    other = scan(loaded_engine, gazette="CN-TM-2026-46")  # another gazette issue is another finding
    assert other.added == len(first.findings)


def test_deadlines_per_jurisdiction_from_a_publication_date_column(loaded_engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "th.csv",
        "application_no,mark,classes,applicant,publication_date\n"
        "EX-TH-1,CHAMPAGNE LIFE,33,Example Co.,2026-11-30\n",
    )
    result = scan(loaded_engine, path, j="TH", published=None)
    assert result.published == "2026-11-30"
    assert [(f.gi_id, f.opposition_deadline) for f in result.findings] == [("fr-champagne", "2027-01-29")]
    fr = scan(
        loaded_engine,
        write(tmp_path / "fr.csv", path.read_text().replace("2026-11-30", "2026-12-31")),
        j="FR",
        published=None,
    )
    assert "fr-champagne" in {f.gi_id for f in fr.findings}
    assert {f.opposition_deadline for f in fr.findings} == {"2027-02-28"}  # 2 months, end of February


def test_near_deadlines_raise_alerts_at_30_and_7_days_and_the_deadlines_view_lists_them(
    loaded_engine,
) -> None:
    result = scan(loaded_engine, published="2026-09-30")  # CN: 3 months -> 30 Dec 2026, 27 days left
    champagne = next(f for f in result.findings if f.application_no == "EX-2026-000002")
    assert champagne.opposition_deadline == "2026-12-30" and champagne.days_left(TODAY) == 27
    listed = {d.key: d for d in list_deadlines(loaded_engine, today=TODAY, within=30)}
    assert listed[f"watch/{champagne.id}"].state(TODAY) == "due"
    assert "Art. 33" in (listed[f"watch/{champagne.id}"].basis or "")
    titles = [a.title for a in list_alerts(loaded_engine) if a.kind == "deadline"]
    assert any(t.startswith("due in 27 days: ") and "CHAMPAGNE LIFE" in t for t in titles)
    refresh_deadline_alerts(loaded_engine, today="2026-12-24", at=AT)  # 6 days left: a second alert
    refresh_deadline_alerts(loaded_engine, today="2026-12-24", at=AT)  # ... once
    near = [a for a in list_alerts(loaded_engine) if a.key == f"deadline:watch/{champagne.id}:due-7d"]
    assert len(near) == 1 and near[0].title.startswith("due in 6 days: ")


def test_states_are_tracked_with_who_and_why_and_the_deadline_follows(loaded_engine) -> None:
    result = scan(loaded_engine, published="2026-09-30")
    opposed, dismissed = result.findings[0], result.findings[1]
    finding, history = set_finding_state(
        loaded_engine, opposed.id, state="opposed", note="CIVC filed", who="analyst", at=AT, today=TODAY
    )
    assert finding.state == "opposed" and finding.note == "CIVC filed"
    assert [(h.who, h.before, h.after, h.note) for h in history][1:] == [
        ("analyst", "new", "opposed", "CIVC filed")
    ]
    assert history[0].who == "tester" and history[0].before is None
    set_finding_state(
        loaded_engine, dismissed.id, state="dismissed", note="no case", who="a", at=AT, today=TODAY
    )
    deadlines = {d.key: d for d in list_deadlines(loaded_engine, today=TODAY)}
    assert deadlines[f"watch/{opposed.id}"].state(TODAY) == "met"
    assert f"watch/{dismissed.id}" not in deadlines  # nothing to watch once dismissed
    assert [f.id for f in list_findings(loaded_engine, state="dismissed")] == [dismissed.id]
    refresh_deadline_alerts(loaded_engine, today="2026-12-24", at=AT)
    assert not [
        a for a in list_alerts(loaded_engine) if a.key.startswith(f"deadline:watch/{dismissed.id}:due-7d")
    ]
    with pytest.raises(RegisterError, match="no finding 9999"):
        set_finding_state(loaded_engine, 9999, state="reviewed", note="x", who="a", at=AT, today=TODAY)
    with pytest.raises(RegisterError, match="--note"):
        set_finding_state(loaded_engine, opposed.id, state="won", note=" ", who="a", at=AT, today=TODAY)
    with pytest.raises(RegisterError, match="unknown state"):
        list_findings(loaded_engine, state="pending")


def test_a_marks_classes_are_the_goods_an_evocation_is_judged_on(loaded_engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "eu.csv",
        "application_no,mark,classes,applicant\n"
        "EX-EU-1,CHAMPANILLO,33,Example Co.\n"
        "EX-EU-2,CHAMPANILLO,25,Example Co.\n"
        "EX-EU-3,BAVARIA,32,Example Co.\n",
    )
    result = scan(loaded_engine, path, j="EU")
    by_app = {(f.application_no, f.gi_id): f for f in result.findings}
    assert by_app[("EX-EU-1", "fr-champagne")].kind == "evocation"  # on like goods (class 33)
    assert "on like goods" in by_app[("EX-EU-1", "fr-champagne")].reason
    # clothing: an evocation only through the name's reputation, which a decision on record extends
    assert "on other goods" in by_app[("EX-EU-2", "fr-champagne")].reason
    assert "reputation was held" in by_app[("EX-EU-2", "fr-champagne")].reason
    assert any(a == "EX-EU-3" and gi.startswith("de-bayerisch") for a, gi in by_app)  # a place on beer
