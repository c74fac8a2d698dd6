"""Accounts, roles and the secrets that prove them (pure: the standard library only).

Passwords and tokens are never stored: a password is kept as a scrypt hash whose string carries its salt
and cost parameters (`scrypt$n$r$p$salt$hash`, salt and hash in hex); a token or a session id as its
SHA-256 (they are long random values, so a slow hash adds nothing).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from functools import cache

ROLES = ("viewer", "editor", "admin")  # each role may do what the ones before it may
MIN_PASSWORD = 10
MAX_PASSWORD = 1000
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,119}")
MAX_FAILURES = 5  # failed sign-ins in a row before the account is locked
LOCK_BASE_S = 60  # the first lock lasts a minute; each further failure doubles it
LOCK_MAX_S = 24 * 3600


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    disabled: bool
    created_at: str
    created_by: str
    failed_sign_ins: int = 0
    locked_until: str | None = None
    has_token: bool = False

    def may(self, role: str) -> bool:
        """The account is enabled and its role is `role` or above."""
        return not self.disabled and role_rank(self.role) >= role_rank(role)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "disabled": self.disabled,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "locked_until": self.locked_until,
            "has_token": self.has_token,
        }


def role_rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


def valid_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name))


def lock_seconds(failures: int) -> int:
    """How long an account stays locked after `failures` failed sign-ins in a row (0: not locked)."""
    if failures < MAX_FAILURES:
        return 0
    return min(LOCK_BASE_S * 2 ** (failures - MAX_FAILURES), LOCK_MAX_S)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=64 * 1024 * 1024
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """The password matches the stored hash (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        found = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=64 * 1024 * 1024,
        )
    except ValueError:
        return False
    return hmac.compare_digest(found.hex(), digest)


# A hash of no password anyone has: checked against when the name is unknown, so that a sign-in with an
# unknown name takes as long as one with a wrong password.
@cache
def dummy_hash() -> str:
    return hash_password("no account has this password", salt=b"giscope-dummy-sa")


def new_secret() -> str:
    """A new token or session id: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
