"""Translation memory: GI names, profile fields and any text rendered in English, Chinese, French or Thai.

model (pure) · protocol (the Translator seam) · engine (deep-translator, with a timeout, bounded retries
and a per-process circuit breaker) · repository (the `translations` table, and the names a reviewed
rendering becomes) · glossary (the register's names and the curated knowledge) · services.
"""
