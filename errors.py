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


class AccessError(GIScopeError):
    """The account acting may not do this (or there is no such account): the message says what to do."""


class AccountError(GIScopeError):
    """A request about accounts that cannot be carried out (a name taken, a password too short, ...)."""
