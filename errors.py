"""The errors a person can cause or that a person must act on.

Every entrypoint (the CLI, the UI pages) turns a `GIScopeError` into one clear message and never a
traceback. Subclasses say which part of the program refused; the message is written for a person.
"""

from __future__ import annotations


class GIScopeError(Exception):
    """A request GIScope cannot carry out; `str(error)` is the message for the person who asked."""


class InputError(GIScopeError):
    """A file cannot be used; `problems` holds one line per problem, ready to print
    (`FILE:LINE: column: problem`)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class RegisterError(GIScopeError):
    """A request the register cannot answer (unknown agreement, GI, jurisdiction, ...)."""


class AgreementError(GIScopeError):
    """A request about agreements, profiles or deadlines that cannot be answered."""


class StorageError(GIScopeError):
    """The database cannot be reached or used; the message says why."""


class StaleWriteError(GIScopeError):
    """A write based on a version of a record that someone else has changed since it was read: nothing
    was written; the message names the record, who changed it last and when, and asks to reload."""

    def __init__(
        self,
        message: str,
        *,
        record: str = "",
        changed_by: str | None = None,
        changed_at: str | None = None,
        seen: int | None = None,
        now: int | None = None,
    ) -> None:
        super().__init__(message)
        self.record = record  # e.g. "TH laws" or "finding 12"
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.seen = seen  # the version the writer read
        self.now = now  # the version stored now


class AccessError(GIScopeError):
    """The account acting may not do this (or there is no such account): the message says what to do."""


class AccountError(GIScopeError):
    """A request about accounts that cannot be carried out (a name taken, a password too short, ...)."""
