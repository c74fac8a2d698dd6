"""Foreign GI law profiles (CN, EU, FR, TH): the bundled ones, and staff edits kept with their history."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from accounts.services import authorise
from agreements.model import Case, Fact, Profile, ProfileField
from agreements.repository import ProfileRepository
from citations import cite
from config import REFERENCE_DIR
from errors import AgreementError, StaleWriteError
from phrases import say
from storage.clock import now_iso
from storage.db import Connection, Database
from validation import CAPS, clean_text
from wording import CONFIDENCE_WORDS

PROFILE_JURISDICTIONS = ("CN", "EU", "FR", "TH")
STALE_EN = "[to be updated: the Chinese text was revised on {date}] "
STALE_ZH = "【待更新：英文内容已于{date}修订】"


def load_bundled_profiles(reference_dir: Path = REFERENCE_DIR) -> list[Profile]:
    data = json.loads((reference_dir / "profiles.json").read_text(encoding="utf-8"))
    labels = {f["key"]: f for f in data["fields"]}
    out = []
    for j, item in data["jurisdictions"].items():
        fields = []
        for key, meta in labels.items():
            v = item["values"][key]
            fact = Fact(v["value_en"], v["value_zh"], cite(v.get("source")), v["confidence"])
            fields.append(ProfileField(key, meta["label_en"], meta["label_zh"], fact))
        cases = tuple(
            Case(
                c["name"],
                c.get("court"),
                c.get("date"),
                c["point_en"],
                c["point_zh"],
                cite(c.get("source")),
                c["confidence"],
                c.get("court_zh"),
                c.get("date_zh"),
                c.get("name_zh"),
            )
            for c in item.get("cases", [])
        )
        out.append(Profile(j, item["name_en"], item["name_zh"], tuple(fields), cases))
    return out


def _profile(conn: Connection, jurisdiction: str) -> Profile:
    j = (jurisdiction or "").upper()
    profile = ProfileRepository(conn).get(j)
    if profile is None:
        raise AgreementError(f"no profile for {jurisdiction!r}; known: {', '.join(PROFILE_JURISDICTIONS)}")
    return profile


def get_profile(db: Database, jurisdiction: str) -> Profile:
    with db.read() as conn:
        return _profile(conn, jurisdiction)


def profile_history(db: Database, jurisdiction: str, key: str | None = None) -> list[dict[str, Any]]:
    """The changes made to a profile (or to one of its fields), oldest first."""
    with db.read() as conn:
        return ProfileRepository(conn).history(_profile(conn, jurisdiction).jurisdiction, key)


def stale_field(conn: Connection, profile: Profile, field: ProfileField, seen: int) -> StaleWriteError:
    """The refusal of an edit made on version `seen` of a field since changed: who changed it last, when."""
    last = ProfileRepository(conn).last_change(profile.jurisdiction, field.key)
    who, at = last or (field.updated_by or "", field.updated_at or "")
    message = say(
        "stale.profile_field",
        "en",
        record=profile.jurisdiction,
        field=field.key,
        who=who or say("stale.someone", "en"),
        at=(at or "")[:19].replace("T", " "),
        seen=seen,
        now=field.version,
    )
    return StaleWriteError(
        message,
        record=f"{profile.jurisdiction} {field.key}",
        changed_by=who,
        changed_at=at,
        seen=seen,
        now=field.version,
    )


def _strip_stale(text: str) -> str:
    return re.sub(r"^(\[to be updated: [^\]]*\] |【待更新：[^】]*】)", "", text)


def edit_profile(
    db: Database,
    jurisdiction: str,
    key: str,
    *,
    who: str,
    reason: str,
    value_en: str | None = None,
    value_zh: str | None = None,
    source: str | None = None,
    confidence: str | None = None,
    keep_confidence: bool = False,
    at: str | None = None,
    expected_version: int | None = None,
) -> list[str]:
    """Staff edit of one profile field; returns the parts changed (each recorded in the history).

    The field is read and written in one transaction that holds it, so two edits never lose each other's
    text and the history's "before" is the value replaced. `expected_version` (the field's version the
    person saw, as a form shows it) refuses the edit with a StaleWriteError when someone changed the field
    since; without it (the CLI) the edit applies to the field as it is now.

    With no confidence, a new value or source is 'unconfirmed' until someone says how sure it is, unless
    `keep_confidence` (the page's "keep" choice) keeps the field's confidence as it is."""
    authorise(db, who, "editor")
    reason = clean_text(reason, "--reason")
    # checked, but an empty text stays empty (not None), so "the new value/source is empty" is said below
    value_en = (
        None if value_en is None else clean_text(value_en, "--value", max_len=CAPS["value"], multiline=True)
    )
    value_zh = (
        None if value_zh is None else clean_text(value_zh, "--value", max_len=CAPS["value"], multiline=True)
    )
    source = None if source is None else clean_text(source, "--source")
    stamp = at or now_iso()
    changed_source = source is not None or value_en is not None or value_zh is not None

    def work(conn: Connection) -> list[str]:
        ProfileRepository(conn).lock_field((jurisdiction or "").upper(), key)
        profile = _profile(conn, jurisdiction)
        current = profile.field(key)
        if current is None:
            keys = ", ".join(f.key for f in profile.fields)
            raise AgreementError(f"{profile.jurisdiction} has no field {key!r}; fields: {keys}")
        if expected_version is not None and current.version != expected_version:
            raise stale_field(conn, profile, current, expected_version)
        if confidence is not None and confidence not in CONFIDENCE_WORDS["en"]:
            raise AgreementError(f"confidence must be high, medium, low or unconfirmed, not {confidence!r}")
        if not reason.strip():
            raise AgreementError("say why the field changes (a reason is required)")
        for label, value in (("value", value_en), ("value", value_zh), ("source", source)):
            if value is not None and not value.strip():
                raise AgreementError(f"the new {label} is empty")
        if changed_source and source is None:
            raise AgreementError("a changed value needs its source")
        new_en = value_en if value_en is not None else current.fact.value_en
        new_zh = value_zh if value_zh is not None else current.fact.value_zh
        # one language edited: the other no longer matches the new source, so say so in it
        if value_en is not None and value_zh is None and value_en != current.fact.value_en:
            new_zh = f"{STALE_ZH.format(date=stamp[:10])}{_strip_stale(current.fact.value_zh)}"
        if value_zh is not None and value_en is None and value_zh != current.fact.value_zh:
            new_en = f"{STALE_EN.format(date=stamp[:10])}{_strip_stale(current.fact.value_en)}"
        level = confidence
        if level is None and changed_source and not keep_confidence:
            level = "unconfirmed"  # a new value is unconfirmed until someone says how sure it is
        fact = Fact(
            new_en,
            new_zh,
            source if source is not None else current.fact.source,
            level if level is not None else current.fact.confidence,
        )
        return ProfileRepository(conn).update_field(
            profile.jurisdiction, key, fact, at=stamp, who=who, reason=reason
        )

    return db.transaction(work)
