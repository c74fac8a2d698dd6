"""Accounts on real SQLite and PostgreSQL: hashing, single-user mode against enforced mode, the role
each write service asks for, disabled and unknown accounts, tokens, sign-in rate limiting, sessions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accounts import services as acc
from accounts.model import check_password, hash_password, lock_seconds
from agreements.profiles import edit_profile, get_profile
from errors import AccessError, AccountError
from storage.db import Database
from tests.integration.test_import_roundtrip import csv_of, into, write_rows
from translation.services import add_rendering
from watch.push import subscribe, unsubscribe

PASSWORD = "correct horse battery"
AT = "2026-12-04T10:00:00+00:00"
KEY = ("china-eu", "V", None)


def edited_export(db: Database, tmp_path: Path) -> Path:
    header, rows = csv_of(db, KEY)
    rows[0]["note"] = "checked against the OJ"
    return write_rows(tmp_path, header, rows)


def import_edit(db: Database, tmp_path: Path, who: str) -> int | None:
    from gi_lists.services import import_file

    return import_file(db, edited_export(db, tmp_path), who=who, **into(KEY)).batch_id


def team(db: Database) -> None:
    acc.add_account(db, "ada", None, PASSWORD, who="anyone")  # the first account: an admin
    acc.add_account(db, "ed", "editor", PASSWORD, who="ada")
    acc.add_account(db, "vi", "viewer", PASSWORD, who="ada")


def test_a_password_hash_round_trips_and_keeps_no_clear_text() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert check_password(PASSWORD, stored)
    assert not check_password(PASSWORD + "!", stored)
    assert not check_password(PASSWORD, "not a hash")
    assert hash_password(PASSWORD) != stored  # a new salt each time


def test_single_user_mode_lets_anyone_write_until_the_first_account(loaded_engine, tmp_path) -> None:
    db = loaded_engine
    assert acc.single_user(db) and acc.authorise(db, "whoever") is None
    assert import_edit(db, tmp_path, "whoever") is not None
    with pytest.raises(AccountError, match="first account must be an admin"):
        acc.add_account(db, "ed", "editor", PASSWORD, who="whoever")
    first = acc.add_account(db, "ada", None, PASSWORD, who="whoever")
    assert first.role == "admin" and not acc.single_user(db)
    with pytest.raises(AccessError, match="no account named 'whoever'"):
        import_edit(db, tmp_path, "whoever")


def test_a_viewer_cannot_write_an_editor_can_and_only_an_admin_manages(loaded_engine, tmp_path) -> None:
    db = loaded_engine
    team(db)
    before = get_profile(db, "TH").field("fees")
    with pytest.raises(AccessError, match="'vi' is a viewer; only an editor"):
        import_edit(db, tmp_path, "vi")
    with pytest.raises(AccessError, match="viewer"):
        edit_profile(db, "TH", "fees", who="vi", reason="r", value_en="free")
    with pytest.raises(AccessError, match="viewer"):
        subscribe(db, "fr-champagne", email="a@example.org", webhook=None, who="vi", at=AT)
    with pytest.raises(AccessError, match="viewer"):
        add_rendering(db, "fr-champagne", "zh", "香槟", who="vi")
    assert get_profile(db, "TH").field("fees") == before  # nothing half-changed
    from gi_lists.services import import_file

    assert import_file(db, edited_export(db, tmp_path), who="vi", dry_run=True, **into(KEY)).plan.rows > 0

    assert import_edit(db, tmp_path, "ed") is not None
    assert edit_profile(db, "TH", "fees", who="ed", reason="r", value_en="free", source="a notice")
    sub, _ = subscribe(db, "fr-champagne", email="a@example.org", webhook=None, who="ed", at=AT)
    assert unsubscribe(db, sub.id, who="ada").id == sub.id

    with pytest.raises(AccessError, match="only an admin or above may manage accounts"):
        acc.add_account(db, "new", "viewer", PASSWORD, who="ed")
    with pytest.raises(AccessError, match="admin"):
        acc.set_role(db, "vi", "editor", who="ed")
    assert acc.set_role(db, "vi", "editor", who="ada").role == "editor"
    assert [a.name for a in acc.list_accounts(db, who="ada")] == ["ada", "ed", "vi"]
    with pytest.raises(AccessError):
        acc.list_accounts(db, who="vi")


def test_a_disabled_account_is_refused_and_the_last_admin_is_kept(loaded_engine, tmp_path) -> None:
    db = loaded_engine
    team(db)
    acc.set_disabled(db, "ed", True, who="ada")
    with pytest.raises(AccessError, match="'ed' is disabled"):
        import_edit(db, tmp_path, "ed")
    with pytest.raises(AccessError, match="disabled"):
        acc.sign_in(db, "ed", PASSWORD)
    with pytest.raises(AccountError, match="only enabled admin"):
        acc.set_disabled(db, "ada", True, who="ada")
    with pytest.raises(AccountError, match="only enabled admin"):
        acc.set_role(db, "ada", "viewer", who="ada")
    acc.set_disabled(db, "ed", False, who="ada")
    assert import_edit(db, tmp_path, "ed") is not None
    with pytest.raises(AccountError, match="exists already"):
        acc.add_account(db, "ed", "viewer", PASSWORD, who="ada")
    with pytest.raises(AccountError, match="too short"):
        acc.add_account(db, "short", "viewer", "123456789", who="ada")
    with pytest.raises(AccountError, match="cannot be an account name"):
        acc.add_account(db, "no spaces", "viewer", PASSWORD, who="ada")


def test_reloading_the_bundled_lists_needs_an_editor(loaded_engine) -> None:
    from bootstrap import initialise

    db = loaded_engine
    team(db)
    assert not initialise(db, who="vi").loaded_reference  # a plain init (migrations) needs no role
    with pytest.raises(AccessError, match="'vi' is a viewer"):
        initialise(db, who="vi", reload_reference=True)


def test_every_write_service_refuses_an_unknown_user_before_doing_anything(loaded_engine, tmp_path) -> None:
    from gi_lists.live_register import RegisterAnswer, import_register
    from tests.conftest import TEST_DATA
    from translation import services as tr
    from translation.profiles import suggest_field
    from watch.deadlines import set_deadline_outcome
    from watch.trademarks.services import scan_gazette, set_finding_state

    db = loaded_engine
    team(db)
    answer = RegisterAnswer(b"{}", "answer", "file", "2026-12-04", "retrieved today", "c")
    day = {"at": AT, "today": "2026-12-04"}
    writes = {
        "import_register": lambda who: import_register(db, answer, who=who),
        "scan_gazette": lambda who: scan_gazette(
            db, TEST_DATA / "gazette_example.csv", "CN", published="2026-11-20", who=who, **day
        ),
        "set_finding_state": lambda who: set_finding_state(db, 1, state="reviewed", note="n", who=who, **day),
        "set_deadline_outcome": lambda who: set_deadline_outcome(
            db, "k", status="met", note="n", source="s", who=who, at=AT
        ),
        "unsubscribe": lambda who: unsubscribe(db, 1, who=who),
        "approve": lambda who: tr.approve(db, 1, who=who),
        "reject": lambda who: tr.reject(db, 1, who=who),
        "suggest_renderings": lambda who: tr.suggest_renderings(db, ["fr-champagne"], None, who=who),
        "suggest_field": lambda who: suggest_field(db, "TH", "fees", "zh", None, who=who),
    }
    for name, write in writes.items():
        for who, refusal in (("stranger", "no account named 'stranger'"), ("vi", "'vi' is a viewer")):
            with pytest.raises(AccessError, match=refusal):
                write(who)
                pytest.fail(f"{name} let {who} write")


def test_a_token_names_its_account_and_only_its_hash_is_kept(loaded_engine) -> None:
    db = loaded_engine
    team(db)
    with pytest.raises(AccessError):
        acc.new_token(db, "ed", who="ed")
    token = acc.new_token(db, "ed", who="ada")
    assert acc.token_account(db, token).name == "ed"
    with db.read() as conn:
        stored = conn.rows("SELECT token_hash, password_hash FROM accounts")
    assert token not in str(stored) and PASSWORD not in str(stored)
    again = acc.new_token(db, "ed", who="ada")
    with pytest.raises(AccessError, match="GISCOPE_TOKEN matches no enabled account"):
        acc.token_account(db, token)  # the old one stopped working
    acc.set_disabled(db, "ed", True, who="ada")
    with pytest.raises(AccessError):
        acc.token_account(db, again)


def test_failed_sign_ins_lock_the_account_for_a_growing_time(loaded_engine) -> None:
    db = loaded_engine
    team(db)
    t0 = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
    assert acc.sign_in(db, "ed", PASSWORD, now=t0).name == "ed"
    for _ in range(4):
        with pytest.raises(AccessError, match="^wrong account name or password$"):
            acc.sign_in(db, "ed", "guess", now=t0)
    with pytest.raises(AccessError, match="try again in 60 seconds"):
        acc.sign_in(db, "ed", "guess", now=t0)
    with pytest.raises(AccessError, match="too many failed sign-ins for 'ed': try again in 30 seconds"):
        acc.sign_in(db, "ed", PASSWORD, now=t0 + dt.timedelta(seconds=30))  # even the right password
    with pytest.raises(AccessError, match="try again in 2 minutes"):
        acc.sign_in(db, "ed", "guess", now=t0 + dt.timedelta(seconds=61))  # the 6th: twice as long
    assert lock_seconds(7) == 240 and lock_seconds(4) == 0
    later = t0 + dt.timedelta(seconds=61 + 120)
    assert acc.sign_in(db, "ed", PASSWORD, now=later).failed_sign_ins == 6  # as it was before this one
    with db.read() as conn:
        assert conn.scalar("SELECT failed_sign_ins FROM accounts WHERE name = 'ed'") == 0
    with pytest.raises(AccessError, match="^wrong account name or password$"):
        acc.sign_in(db, "nobody", PASSWORD)  # an unknown name: the same answer


def test_a_session_lasts_until_it_expires_is_ended_or_its_account_disabled(loaded_engine) -> None:
    db = loaded_engine
    team(db)
    t0 = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
    sid = acc.start_session(db, "ed", now=t0)
    assert acc.session_account(db, sid, now=t0).name == "ed"
    assert acc.session_account(db, sid, now=t0 + dt.timedelta(days=acc.SESSION_DAYS, seconds=1)) is None
    assert acc.session_account(db, "forged", now=t0) is None
    with db.read() as conn:
        assert sid not in str(conn.rows("SELECT * FROM sessions"))
    acc.end_session(db, sid)
    assert acc.session_account(db, sid, now=t0) is None
    other = acc.start_session(db, "vi", now=t0)
    acc.set_disabled(db, "vi", True, who="ada")
    assert acc.session_account(db, other, now=t0) is None
    acc.set_disabled(db, "vi", False, who="ada")
    assert acc.session_account(db, other, now=t0) is None  # disabling ended it for good


def test_the_refusals_read_in_chinese() -> None:
    from phrases import message_text

    assert message_text(acc.WRONG, "zh") == "账户名或密码错误"
    refused = "the account 'vi' is disabled; ask an admin to enable it"
    assert message_text(refused, "zh") == "账户“vi”已停用；请管理员重新启用"


class Echo:
    """A machine engine that answers at once (the network is the only thing faked)."""

    name = "echo"

    def translate(self, text: str, source: str, target: str) -> str:
        return f"<{text}>"


def test_a_viewers_machine_translation_is_shown_but_not_kept(loaded_engine) -> None:
    from translation.services import list_translations, translate

    db = loaded_engine
    team(db)
    shown = translate(db, "some unknown words", "zh", Echo(), who="vi")
    assert shown.result == "<some unknown words>" and shown.id is None
    assert list_translations(db) == []
    kept = translate(db, "some unknown words", "zh", Echo(), who="ed")
    assert kept.status == "suggested" and [t.id for t in list_translations(db)] == [kept.id]
