"""What a name is stored with besides its text: its search keys (every folded form and romanisation)
and its readings (pinyin, RTGS), computed when the name enters the register."""

from __future__ import annotations

from typing import Any

from gi_lists.model import Name
from gi_lists.repository import GIRepository
from names.normalise import (
    compact,
    compute_reading,
    forms,
    reading_keys,
    reading_version,
    remember_readings,
)

PARALLEL_FROM = 5000  # readings to compute before a second process is worth its start


def _pinyin_chunk(keys: list[str]) -> dict[str, str]:
    return {key: compute_reading("pinyin", key) for key in keys}


def prepare_readings(repo: GIRepository, texts: set[str]) -> None:
    """Make the readings of a large batch's names known before it is planned: stored ones from the
    register, missing pinyin computed on every core (pypinyin is most of a Chinese batch's import time).
    The results are only remembered; apply_plan stores them with the names."""
    wanted = {k for text in texts for k in reading_keys(text)}
    if not wanted:
        return
    stored = repo.readings(sorted(wanted))
    for system, readings in stored.items():
        remember_readings(system, readings)
    todo = sorted(key for system, key in wanted if system == "pinyin" and key not in stored.get(system, {}))
    if len(todo) < PARALLEL_FROM:
        return
    import multiprocessing
    import os

    workers = min(os.cpu_count() or 1, 4)
    if workers < 2:
        return
    remember_readings("pinyin", _pinyin_chunk(todo[:1]))  # pypinyin's phrases loaded once, before the fork
    chunks = [todo[i::workers] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for result in pool.map(_pinyin_chunk, chunks):
            remember_readings("pinyin", result)


def name_key_rows(gi_id: str, name: Name) -> list[dict[str, Any]]:
    """Search keys of one name: its own forms (rank 0 identifies the name), then romanisations."""
    from names.knowledge import bundled_knowledge, romanised_forms

    own = list(forms(name.text))
    extra = [f for f in romanised_forms(name.text, bundled_knowledge()) if f not in own]
    return [
        {"gi_id": gi_id, "kind": name.kind, "form_rank": rank, "form": f, "compact": compact(f)}
        for rank, f in enumerate(own + extra)
    ]


def new_readings(
    repo: GIRepository, texts: set[str], *, refresh: bool = False
) -> list[tuple[str, str, str, str]]:
    """(system, key, reading, version) of the readings these names need that are not stored yet (with
    `refresh`, also those a romaniser of another version made)."""
    wanted = {k for text in texts for k in reading_keys(text)}
    if not wanted:
        return []
    versions = {s: reading_version(s) for s in {s for s, _ in wanted}}
    if refresh:
        stored = repo.reading_versions()
        todo = [k for k in wanted if stored.get(k) != versions[k[0]]]
    else:
        have = repo.readings(sorted(wanted))
        todo = [k for k in wanted if k[1] not in have.get(k[0], {})]
    return [(s, k, compute_reading(s, k), versions[s]) for s, k in sorted(todo)]
