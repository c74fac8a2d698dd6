"""Accounts and roles: viewer, editor, admin; sign-in with rate limiting; CLI tokens; UI sessions.

While the register has no account at all, GIScope runs in single-user mode (anyone who can reach the
database may write). Once one account exists, `accounts.services.authorise` is the one check every
write service makes first.
"""
