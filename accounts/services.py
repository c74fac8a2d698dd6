"""Accounts: who may read, edit and manage; signing in; CLI tokens; UI sessions.

`authorise(db, who, role)` is the one check: every service that writes calls it first. While no account
exists it lets anyone through (single-user mode, as GIScope was before accounts); once one exists, `who`
must name an enabled account whose role is `role` or above.
"""

from __future__ import annotations

import datetime as dt

from accounts.model import (
    MAX_PASSWORD,
    MIN_PASSWORD,
    ROLES,
    Account,
    check_password,
    dummy_hash,
    hash_password,
    lock_seconds,
    new_secret,
    role_rank,
    secret_hash,
    valid_name,
)
from accounts.repository import AccountRepository
from errors import AccessError, AccountError
from storage.db import Connection, Database

SESSION_DAYS = 14
WRONG = "wrong account name or password"


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)


def single_user(db: Database) -> bool:
    """No account exists: anyone who reaches the database may write (GIScope as it was before accounts)."""
    with db.read() as conn:
        return AccountRepository(conn).count() == 0


def _check(repo: AccountRepository, who: str, role: str) -> Account | None:
    if repo.count() == 0:
        return None
    account = repo.get(who)
    if account is None:
        raise AccessError(
            f"no account named '{who}': accounts are in use, so only an account may {_verb(role)}; "
            f"sign in, set GISCOPE_USER (or GISCOPE_TOKEN) to your account, or ask an admin: "
            f"giscope user add {who} --role {role}"
        )
    if account.disabled:
        raise AccessError(f"the account '{who}' is disabled; ask an admin to enable it")
    if role_rank(account.role) < role_rank(role):
        raise AccessError(
            f"the account '{who}' is {_a(account.role)}; only {_a(role)} or above may {_verb(role)} "
            f"(an admin can change it: giscope user role {who} {role})"
        )
    return account


def _a(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


def _verb(role: str) -> str:
    return "manage accounts" if role == "admin" else "change the register"


def authorise(db: Database, who: str, role: str = "editor") -> Account | None:
    """Refuse (AccessError) unless `who` may act as `role`; the account, or None in single-user mode."""
    with db.read() as conn:
        return _check(AccountRepository(conn), who, role)


def may_write(db: Database, who: str) -> bool:
    """`who` may change the register (an enabled editor or admin, or anyone in single-user mode)."""
    return role_rank(account_role(db, who) or "") >= role_rank("editor")


def account_role(db: Database, who: str | None) -> str | None:
    """The role `who` acts with: 'admin' for anyone in single-user mode; None for no account or a
    disabled one."""
    with db.read() as conn:
        repo = AccountRepository(conn)
        if repo.count() == 0:
            return "admin"
        account = repo.get(who) if who else None
    return account.role if account and not account.disabled else None


def list_accounts(db: Database, *, who: str) -> list[Account]:
    with db.read() as conn:
        repo = AccountRepository(conn)
        _check(repo, who, "admin")
        return repo.all()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is too short: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password is too long: at most {MAX_PASSWORD} characters")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}'; roles: {', '.join(ROLES)}")


def add_account(db: Database, name: str, role: str | None, password: str, *, who: str) -> Account:
    """A new enabled account. The first account of a register must be an admin (anyone may add it:
    there is nobody yet to ask); after it, only an admin may add accounts."""
    if not valid_name(name):
        raise AccountError(
            f"'{name}' cannot be an account name: letters, digits and . _ @ - only, at most 120 characters"
        )
    if role is not None:
        _check_role(role)
    _check_password(password)
    hashed = hash_password(password)  # slow: before the transaction
    at = _now(None).isoformat()

    def work(conn: Connection) -> Account:
        repo = AccountRepository(conn)
        first = repo.count() == 0
        if first and role not in (None, "admin"):
            raise AccountError(
                "the first account must be an admin (--role admin), so that someone can add others"
            )
        if not first:
            _check(repo, who, "admin")
            if role is None:
                raise AccountError(f"give the new account a role: {', '.join(ROLES)}")
        if repo.get(name) is not None:
            raise AccountError(f"an account named '{name}' exists already")
        repo.add(name=name, role=role or "admin", password_hash=hashed, at=at, who=who)
        found = repo.get(name)
        assert found is not None
        return found

    return db.transaction(work)


def _keep_an_admin(repo: AccountRepository, name: str) -> None:
    if repo.enabled_admins() == [name]:
        raise AccountError(f"'{name}' is the only enabled admin; make another account admin first")


def _existing(repo: AccountRepository, name: str) -> Account:
    account = repo.get(name)
    if account is None:
        raise AccountError(f"no account named '{name}'")
    return account


def set_disabled(db: Database, name: str, disabled: bool, *, who: str) -> Account:
    """Disable an account (it can no longer sign in nor act, its sessions and token end) or enable it."""

    def work(conn: Connection) -> Account:
        repo = AccountRepository(conn)
        _check(repo, who, "admin")
        account = _existing(repo, name)
        if disabled and account.role == "admin":
            _keep_an_admin(repo, name)
        repo.update(name, {"disabled": 1 if disabled else 0, "failed_sign_ins": 0, "locked_until": None})
        if disabled:
            repo.delete_sessions(name)
        return _existing(repo, name)

    return db.transaction(work)


def set_role(db: Database, name: str, role: str, *, who: str) -> Account:
    _check_role(role)

    def work(conn: Connection) -> Account:
        repo = AccountRepository(conn)
        _check(repo, who, "admin")
        account = _existing(repo, name)
        if account.role == "admin" and role != "admin":
            _keep_an_admin(repo, name)
        repo.update(name, {"role": role})
        return _existing(repo, name)

    return db.transaction(work)


def set_password(db: Database, name: str, password: str, *, who: str) -> Account:
    """A new password (by an admin, or by the account itself); unlocks the account."""
    _check_password(password)
    hashed = hash_password(password)

    def work(conn: Connection) -> Account:
        repo = AccountRepository(conn)
        _check(repo, who, "viewer" if who == name else "admin")
        _existing(repo, name)
        repo.update(name, {"password_hash": hashed, "failed_sign_ins": 0, "locked_until": None})
        repo.delete_sessions(name)
        return _existing(repo, name)

    return db.transaction(work)


# --- CLI tokens: GISCOPE_TOKEN names the account a script acts as ---------------------------------------


def new_token(db: Database, name: str, *, who: str) -> str:
    """A new token for `name` (shown once; only its hash is kept; the old one stops working)."""
    token = new_secret()

    def work(conn: Connection) -> None:
        repo = AccountRepository(conn)
        if repo.count() == 0:
            raise AccountError("no account exists yet: add one first (giscope user add NAME)")
        _check(repo, who, "admin")
        account = _existing(repo, name)
        if account.disabled:
            raise AccountError(f"the account '{name}' is disabled")
        repo.update(name, {"token_hash": secret_hash(token)})

    db.transaction(work)
    return token


def token_account(db: Database, token: str) -> Account:
    """The enabled account a token belongs to; AccessError for any other token."""
    with db.read() as conn:
        account = AccountRepository(conn).by_token(secret_hash(token))
    if account is None or account.disabled:
        raise AccessError(
            "GISCOPE_TOKEN matches no enabled account: ask an admin for a new one (giscope user token)"
        )
    return account


# --- signing in, rate-limited per account ----------------------------------------------------------------


def _wait_text(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} seconds"
    return f"{(seconds + 59) // 60} minutes"


def sign_in(db: Database, name: str, password: str, *, now: dt.datetime | None = None) -> Account:
    """The account, if `password` is its password; else AccessError. After 5 failures in a row the
    account is locked for a minute, then for twice as long after each further failure; a locked
    account's password is not checked. An unknown name costs the same hash as a known one."""
    at = _now(now)
    with db.read() as conn:
        repo = AccountRepository(conn)
        account = repo.get(name) if valid_name(name) else None
        stored = repo.password_hash(name) if account else None
    if account is None or stored is None:
        check_password(password, dummy_hash())
        raise AccessError(WRONG)
    if account.locked_until and dt.datetime.fromisoformat(account.locked_until) > at:
        check_password(password, dummy_hash())
        left = int((dt.datetime.fromisoformat(account.locked_until) - at).total_seconds())
        raise AccessError(f"too many failed sign-ins for '{name}': try again in {_wait_text(max(left, 1))}")
    if not check_password(password, stored):
        failures = account.failed_sign_ins + 1
        lock = lock_seconds(failures)
        until = (at + dt.timedelta(seconds=lock)).isoformat() if lock else None

        def fail(conn: Connection) -> None:
            AccountRepository(conn).update(name, {"failed_sign_ins": failures, "locked_until": until})

        db.transaction(fail)
        if lock:
            raise AccessError(
                f"{WRONG}; too many failed sign-ins for '{name}': try again in {_wait_text(lock)}"
            )
        raise AccessError(WRONG)
    if account.disabled:
        raise AccessError(f"the account '{name}' is disabled; ask an admin to enable it")
    if account.failed_sign_ins or account.locked_until:

        def reset(conn: Connection) -> None:
            AccountRepository(conn).update(name, {"failed_sign_ins": 0, "locked_until": None})

        db.transaction(reset)
    return account


# --- sessions of the UI: the browser keeps a random id, the register its hash ---------------------------


def start_session(db: Database, name: str, *, now: dt.datetime | None = None) -> str:
    """A new session id for an account that has just signed in (give it to the browser; kept hashed)."""
    at = _now(now)
    sid = new_secret()

    def work(conn: Connection) -> None:
        repo = AccountRepository(conn)
        repo.delete_expired(at.isoformat())
        repo.add_session(
            id_hash=secret_hash(sid),
            account=name,
            at=at.isoformat(),
            expires_at=(at + dt.timedelta(days=SESSION_DAYS)).isoformat(),
        )

    db.transaction(work)
    return sid


def session_account(db: Database, sid: str | None, *, now: dt.datetime | None = None) -> Account | None:
    """The enabled account of a session that has not expired, or None."""
    if not sid:
        return None
    with db.read() as conn:
        repo = AccountRepository(conn)
        found = repo.session(secret_hash(sid))
        if found is None or dt.datetime.fromisoformat(found[1]) <= _now(now):
            return None
        account = repo.get(found[0])
    return account if account and not account.disabled else None


def end_session(db: Database, sid: str | None) -> None:
    if not sid:
        return
    db.transaction(lambda conn: AccountRepository(conn).delete_session(secret_hash(sid)))
