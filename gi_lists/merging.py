"""The bundled lists merged with one another (pure): the EU register's spellings joined to the annex
names they differ from, the 10+10 pilot's names merged into the EU register, and every listed GI's
protection at home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gi_lists.coverage import HOME_FILE
from gi_lists.entries import (
    HOME_SOURCE,
    Entry,
    EntryMatcher,
    ListTarget,
    ReferenceList,
    dedupe,
    home_jurisdictions,
    identity_keys,
    same_goods,
)
from gi_lists.model import Protection
from gi_lists.registers import EU_REGISTER
from names.normalise import has_han


def register_spellings(entries: list[Entry], register: list[Entry]) -> list[Entry]:
    """An annex name the register spells a little differently ('Azeites do Alentejo Interior' /
    'Azeite do …', 'Trakiiska nizina' / 'Тракийска низина', 'Pomodoro S. Marzano' / 'San Marzano'):
    the register's names join the annex entry, so that both lists speak of one GI. Only for a name of
    8 letters or more, at most 2 edits away, from the same origin and for the same kind of goods."""
    from rapidfuzz.distance import Levenshtein

    exact = EntryMatcher()
    by_origin: dict[str, list[tuple[str, Entry]]] = {}
    for entry in register:
        exact.add(entry, entry)
        for key in identity_keys(entry.names):
            by_origin.setdefault(entry.origin, []).append((key, entry))
    out = []
    for entry in entries:
        found = None
        if entry.origin in by_origin and exact.find(entry) is None:
            for key in identity_keys(entry.names):
                if len(key) < 8 or has_han(key):
                    continue
                found = next(
                    (
                        other
                        for other_key, other in by_origin[entry.origin]
                        if same_goods(other.product_class, entry.product_class)
                        and Levenshtein.distance(key, other_key, score_cutoff=2) <= 2
                    ),
                    None,
                )
                if found:
                    break
        if found is not None:
            extra = tuple(
                replace(n, source=found.protection.source, confidence=found.protection.confidence)
                for n in found.names
            )
            entry = replace(entry, names=dedupe(entry.names + extra))
        out.append(entry)
    return out


def merge_pilot(register: list[Entry], pilot: list[Entry]) -> list[Entry]:
    """The 10+10 pilot's Chinese GIs are in the EU register too: one entry per GI, the register's
    protection (file number, date) with the pilot's names, class and note added."""
    matcher = EntryMatcher()
    for position, entry in enumerate(register):
        matcher.add(entry, position)
    out = list(register)
    for entry in pilot:
        i = matcher.find(entry)
        if not isinstance(i, int):
            out.append(replace(entry, line=len(out) + 2))
            continue
        found = out[i]
        note = "; ".join(n for n in (found.protection.note, entry.protection.note) if n)
        out[i] = replace(
            found,
            names=dedupe(entry.names + found.names),
            product_class=entry.product_class,
            region=entry.region,
            protection=replace(found.protection, note=note),
            sets_class=True,
        )
    return out


def home_lists(lists: Sequence[ReferenceList]) -> list[ReferenceList]:
    """For every GI on the bundled lists (but names no longer protected under them), its protection at
    home: a Chinese GI in CN, an EU GI in the EU (a French one in FR too), a Thai GI in TH.

    The EU register is the EU's home register: a GI it holds has its EU protection from there (with the
    file number), and a French one its FR protection with that file number; its own rows only give home
    protection where they are registered."""
    registered = EntryMatcher()
    for ref in lists:
        if ref.target.key == EU_REGISTER.key:
            for entry in ref.entries:
                registered.add(entry, entry)
    by_jurisdiction: dict[str, list[Entry]] = {}
    seen: dict[str, EntryMatcher] = {}  # a GI on several lists is protected at home once
    for ref in lists:
        for entry in ref.entries:
            if entry.protection.status == "withdrawn":
                continue
            in_register = registered.find(entry)
            if ref.target.key == EU_REGISTER.key and entry.protection.status != "protected":
                continue
            for j in home_jurisdictions(entry.origin):
                if j == "EU" and in_register is not None:
                    continue
                done = seen.setdefault(j, EntryMatcher())
                if done.find(entry) is not None:
                    continue
                done.add(entry, True)
                home = Protection(
                    jurisdiction=j,
                    route="national-register",
                    status="protected",
                    source=HOME_SOURCE,
                    confidence="medium",
                )
                if (
                    j == "FR"
                    and isinstance(in_register, Entry)
                    and in_register.protection.status == "protected"
                ):
                    home = replace(
                        home,
                        since=in_register.protection.since,
                        reference=in_register.protection.reference,
                        note=f"EU register file {in_register.protection.reference} (EU law applies in FR)",
                    )
                entries = by_jurisdiction.setdefault(j, [])
                entries.append(replace(entry, line=len(entries) + 1, protection=home, given=frozenset()))
    return [
        ReferenceList(ListTarget(j, "national-register", None, None, "protected", None), entries, HOME_FILE)
        for j, entries in sorted(by_jurisdiction.items())
    ]
