"""Tables of the work done on the register: romanisations kept, trademark-watch findings, push
subscriptions and deliveries, the translation memory. On the same metadata as storage/tables.py."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from storage.metadata import metadata

# --- readings: slow romanisations computed once, when a name enters the register -----------------------

readings = Table(
    "readings",
    metadata,
    Column("system", String(16), primary_key=True),  # pinyin (by simplified text), rtgs (by Thai text)
    Column("text", String(600), primary_key=True),
    Column("reading", Text, nullable=False),  # pinyin: JSON list of syllables; rtgs: folded words
    Column("version", String(120), nullable=False),  # the romaniser's version and fixes that made it
)

# --- trademark watch: findings of gazette scans and what staff did with them ---------------------------

trademark_findings = Table(
    "trademark_findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gazette", String(120), nullable=False),  # the gazette issue, as the user names it
    Column("jurisdiction", String(2), nullable=False),
    Column("application_no", String(60), nullable=False),
    Column("gi_id", String(120), nullable=False),  # no foreign key: a finding outlives a withdrawn GI
    Column("published", String(10), nullable=False),
    Column("mark", Text, nullable=False),
    Column("classes", String(200), nullable=False),  # Nice classes, ';'-separated
    Column("goods", Text),
    Column("applicant", Text, nullable=False),
    Column("filing_date", String(10)),
    Column("name", Text, nullable=False),  # the GI's name as shown
    Column("kind", String(30), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("legal_source", Text),
    Column("opposition_deadline", String(10)),
    Column("state", String(20), nullable=False),  # new, reviewed, opposed, dismissed, won, lost
    Column("note", Text),
    Column("found_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # optimistic lock
    UniqueConstraint("gazette", "jurisdiction", "application_no", "gi_id", name="uq_trademark_findings_key"),
)
Index("ix_trademark_findings_gi", trademark_findings.c.gi_id)

trademark_finding_history = Table(
    "trademark_finding_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("finding_id", Integer, ForeignKey("trademark_findings.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(32), nullable=False),
    Column("who", String(120), nullable=False),
    Column("before", String(20)),  # the state before (empty when the scan found it)
    Column("after", String(20), nullable=False),
    Column("note", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),  # storage/chain.py: the hash chain
    Column("hash", String(64), nullable=False),
)
Index("ix_trademark_finding_history_finding", trademark_finding_history.c.finding_id)

# --- push: subscriptions to a GI's new trademark findings, and each message still to send --------------

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gi_id", String(120), nullable=False),
    Column("channel", String(10), nullable=False),  # email, webhook
    Column("address", String(2000), nullable=False),  # an e-mail address or a URL
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(120), nullable=False),
    UniqueConstraint("gi_id", "channel", "address", name="uq_subscriptions_key"),
)
Index("ix_subscriptions_gi", subscriptions.c.gi_id)

push_deliveries = Table(
    "push_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"), nullable=False),
    Column("finding_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("payload", Text, nullable=False),  # the message as JSON, fixed when the finding was stored
    Column("attempts", Integer, nullable=False),
    Column("delivered_at", String(32)),
    Column("delivery_error", Text),
    Column("claimed_by", String(40)),  # the delivery run sending it now (claim-then-send), or empty
    Column("claimed_at", String(32)),
    UniqueConstraint("subscription_id", "finding_id", name="uq_push_deliveries_key"),
)
Index("ix_push_deliveries_pending", push_deliveries.c.delivered_at)

# --- translation memory: machine and staff renderings, suggested -> reviewed | rejected ----------------
translations = Table(
    "translations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text", Text, nullable=False),  # the source text, as asked
    Column("source_lang", String(16), nullable=False),  # zh, th, or "auto" (Latin: en, fr ...)
    Column("target_lang", String(16), nullable=False),
    Column("result", Text, nullable=False),
    Column("engine", String(40), nullable=False),  # google ..., or "staff"
    Column("at", String(32), nullable=False),
    Column("suggested_by", String(120), nullable=False),
    Column("status", String(12), nullable=False),  # suggested, reviewed, rejected
    Column("reviewed_by", String(120)),
    Column("reviewed_at", String(32)),
    Column("gi_id", String(120)),  # a rendering of this GI's name (a name of kind translation once reviewed)
    Column("subject", String(120)),  # or of another text: "profile:TH:scope" (a profile field)
    Column("note", Text),
)
