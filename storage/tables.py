"""Tables of the register (SQLAlchemy Core metadata). Features map rows to their own models.

Keep SQL portable: normalised search keys are computed in Python and stored (`name_keys`).
Dates are ISO text ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'): sources often give only a year.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

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
)
Index("ix_alerts_at", alerts.c.at)

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
