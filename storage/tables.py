"""Tables of the register (SQLAlchemy Core, on storage/metadata.py; the tables of the work done on it are in
storage/work_tables.py). Features map rows to their own models.

Keep SQL portable: normalised search keys are computed in Python and stored (`name_keys`).
Dates are ISO text ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'): sources often give only a year.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from storage.metadata import metadata

agreements = Table(
    "agreements",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title_en", Text, nullable=False),
    Column("title_zh", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("parties", Text, nullable=False),  # JSON list of party codes
    Column("signed", String(10)),
    Column("in_force", String(10)),
    Column("note_en", Text),
    Column("note_zh", Text),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("extra", Text),  # JSON: further dated facts (renewals, also-known-as titles)
)

annexes = Table(
    "annexes",
    metadata,
    Column("agreement_id", String(40), ForeignKey("agreements.id"), primary_key=True),
    Column("code", String(10), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("meaning_en", Text, nullable=False),
    Column("meaning_zh", Text, nullable=False),
    Column("names_from", String(10)),  # the party whose names the annex lists
    Column("protected_in", String(10)),  # jurisdiction where listing gives protection
    Column("default_status", String(20)),
    Column("default_since", String(10)),
    Column("expected_count", Integer),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
)

agreement_events = Table(
    "agreement_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("agreement_id", String(40), ForeignKey("agreements.id"), nullable=False),
    Column("date", String(10), nullable=False),
    Column("annexes", String(40)),
    Column("parties", String(40)),
    Column("event", Text, nullable=False),
    Column("count", Integer),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    UniqueConstraint("agreement_id", "date", "event", name="uq_agreement_events_fact"),
)

gis = Table(
    "gis",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("product_class", Text, nullable=False),
    Column("origin", String(60), nullable=False),
    Column("region", Text),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # optimistic lock
)

names = Table(
    "names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gi_id", String(120), ForeignKey("gis.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("lang", String(16)),
    Column("script", String(8)),
    Column("source", Text),  # where this written form comes from (a rendering's own source)
    Column("confidence", String(12)),
    UniqueConstraint("gi_id", "text", "kind", name="uq_names_form"),
)
# names and protections are found by gi_id through their unique constraints, which begin with it

name_keys = Table(
    "name_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gi_id", String(120), ForeignKey("gis.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("form_rank", Integer, nullable=False),  # 0: the name in its own script; 1+: derived forms
    Column("form", Text, nullable=False),  # folded words, single spaces
    Column("compact", Text, nullable=False),  # the same without spaces
)
Index("ix_name_keys_compact", name_keys.c.compact)
Index("ix_name_keys_gi", name_keys.c.gi_id)

protections = Table(
    "protections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gi_id", String(120), ForeignKey("gis.id", ondelete="CASCADE"), nullable=False),
    Column("jurisdiction", String(8), nullable=False),
    Column("route", String(24), nullable=False),
    Column("agreement_id", String(40), nullable=False, default=""),
    Column("annex", String(10), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("since", String(10)),
    Column("until", String(10)),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("note", Text),
    Column("batch_id", Integer),
    Column("reference", String(60)),  # the register's own key (e.g. EU file number PDO-FR-A1359)
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # optimistic lock
    UniqueConstraint("gi_id", "jurisdiction", "route", "agreement_id", "annex", name="uq_protections_route"),
)
Index(
    "ix_protections_reference",
    protections.c.reference,
    sqlite_where=protections.c.reference.is_not(None),
    postgresql_where=protections.c.reference.is_not(None),
)
Index("ix_protections_list", protections.c.agreement_id, protections.c.annex)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gi_id", String(120), ForeignKey("gis.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(32), nullable=False),
    Column("who", String(120), nullable=False),
    Column("what", String(200), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("reason", Text, nullable=False),
    Column("source", Text),
    Column("batch_id", Integer),
    Column("prev_hash", String(64), nullable=False),  # storage/chain.py: the hash chain
    Column("hash", String(64), nullable=False),
)
Index("ix_history_gi", history.c.gi_id)

batches = Table(
    "batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("who", String(120), nullable=False),
    Column("file", Text, nullable=False),
    Column("list_key", String(80), nullable=False),  # e.g. "china-eu/IV" or "register/CN"
    Column("source", Text),
    Column("rows", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
)

# --- jurisdiction profiles (editable by staff; every change is kept in profile_history) ------------

profiles = Table(
    "profiles",
    metadata,
    Column("jurisdiction", String(8), primary_key=True),
    Column("name_en", Text, nullable=False),
    Column("name_zh", Text, nullable=False),
)

profile_fields = Table(
    "profile_fields",
    metadata,
    Column("jurisdiction", String(8), ForeignKey("profiles.jurisdiction"), primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("label_en", Text, nullable=False),
    Column("label_zh", Text, nullable=False),
    Column("value_en", Text, nullable=False),
    Column("value_zh", Text, nullable=False),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", String(120), nullable=False),
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # optimistic lock
)

profile_cases = Table(
    "profile_cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("jurisdiction", String(8), ForeignKey("profiles.jurisdiction"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("court", Text),
    Column("date", Text),
    Column("point_en", Text, nullable=False),
    Column("point_zh", Text, nullable=False),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("court_zh", Text),
    Column("date_zh", Text),
    Column("name_zh", Text),
)

profile_history = Table(
    "profile_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("jurisdiction", String(8), nullable=False),
    Column("key", String(40), nullable=False),
    Column("at", String(32), nullable=False),
    Column("who", String(120), nullable=False),
    Column("what", String(40), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("reason", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),  # storage/chain.py: the hash chain
    Column("hash", String(64), nullable=False),
)
Index("ix_profile_history_key", profile_history.c.jurisdiction, profile_history.c.key)

# --- scope comparison (bundled reference data) -----------------------------------------------------

scope_dimensions = Table(
    "scope_dimensions",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("label_en", Text, nullable=False),
    Column("label_zh", Text, nullable=False),
)

scope_values = Table(
    "scope_values",
    metadata,
    Column("dimension", String(60), ForeignKey("scope_dimensions.key"), primary_key=True),
    Column("agreement_id", String(40), primary_key=True),  # an agreement id, or "trips"
    Column("value_en", Text, nullable=False),
    Column("value_zh", Text, nullable=False),
    Column("article", Text, nullable=False),
    Column("note", Text),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("article_zh", Text),
    Column("note_zh", Text),
    Column("stance", String(60)),  # a key for the substance: two values with one stance say the same
)

# --- deadlines and alerts --------------------------------------------------------------------------

deadlines = Table(
    "deadlines",
    metadata,
    Column("key", String(120), primary_key=True),
    Column("agreement_id", String(40)),
    Column("annex", String(10)),
    Column("kind", String(30), nullable=False),  # processing, objection-window, review, opposition, other
    Column("title_en", Text, nullable=False),
    Column("title_zh", Text, nullable=False),
    Column("due", String(10), nullable=False),
    Column("basis", Text),
    Column("source", Text),
    Column("confidence", String(12), nullable=False),
    Column("outcome_status", String(20)),  # met, missed, reported, or empty
    Column("outcome_en", Text),
    Column("outcome_zh", Text),
    Column("outcome_source", Text),
    Column("origin", String(20), nullable=False),  # bundled, computed, batch, staff, watch
    Column("updated_at", String(32), nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),  # one alert per event
    Column("at", String(32), nullable=False),
    Column("kind", String(30), nullable=False),  # new-batch, status-change, deadline
    Column("title", Text, nullable=False),
    Column("detail", Text),
    Column("agreement_id", String(40)),
    Column("annex", String(10)),
    Column("gi_id", String(120)),
    Column("batch_id", Integer),
    Column("source", Text),
    Column("delivered_at", String(32)),
    Column("delivery_error", Text),
    Column("claimed_by", String(40)),  # the delivery run sending it now (claim-then-send), or empty
    Column("claimed_at", String(32)),
)
Index("ix_alerts_at", alerts.c.at)

# the watch, push and translation tables, and the accounts, live beside these, on the same metadata
from storage import account_tables, work_tables  # noqa: E402, F401
