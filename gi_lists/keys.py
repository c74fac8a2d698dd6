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

PARALLEL_FROM = 5000  # new Chinese or Thai names before worker processes are worth their start
_KEY_FORMS: dict[str, list[str]] = {}  # search forms computed ahead (by start_readings)


def key_forms(text: str) -> list[str]:
    """Every search form of a written name: its own forms (the first identifies it), then its
    romanisations (Wade-Giles, RTGS, curated spellings)."""
    known = _KEY_FORMS.get(text)
    if known is not None:
        return known
    from names.knowledge import bundled_knowledge, romanised_forms

    own = list(forms(text))
    return own + [f for f in romanised_forms(text, bundled_knowledge()) if f not in own]


def name_key_rows(gi_id: str, name: Name) -> list[dict[str, Any]]:
    """Search keys of one name: its own forms (rank 0 identifies the name), then romanisations."""
    return [
        {"gi_id": gi_id, "kind": name.kind, "form_rank": rank, "form": f, "compact": compact(f)}
        for rank, f in enumerate(key_forms(name.text))
    ]


Prepared = tuple[str, dict[str, str], list[str]]


def _prepare_chunk(texts: list[str]) -> list[Prepared]:
    """In a worker: each name's pinyin readings and search forms."""
    out = []
    for text in texts:
        readings = {
            key: compute_reading(system, key) for system, key in reading_keys(text) if system == "pinyin"
        }
        out.append((text, readings, key_forms(text)))
    return out


class PendingReadings:
    """Readings and search forms being computed in worker processes while the batch is planned
    (planning needs neither: a Chinese name is identified by its characters); wait() before the names
    are stored."""

    def __init__(self, pool: Any = None, result: Any = None) -> None:
        self._pool, self._result = pool, result

    def wait(self) -> None:
        if self._pool is None:
            return
        pool, result, self._pool = self._pool, self._result, None
        try:
            for chunk in result.get():
                for text, readings, found in chunk:
                    remember_readings("pinyin", readings)
                    _KEY_FORMS[text] = found
        finally:
            pool.close()
            pool.join()

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def prepare_readings(repo: GIRepository, texts: set[str]) -> list[str]:
    """Remember the stored readings of a batch's names; return its Chinese and Thai names that have
    none yet (new names, for start_readings)."""
    wanted = {k for text in texts for k in reading_keys(text)}
    if not wanted:
        return []
    stored = repo.readings(sorted(wanted))
    for system, readings in stored.items():
        remember_readings(system, readings)
    return sorted(t for t in texts if any(k not in stored.get(s, {}) for s, k in reading_keys(t)))


def start_readings(texts: list[str]) -> PendingReadings:
    """Compute the pinyin and search forms of many new names on every core while the caller goes on
    (pypinyin and the romanisations are most of a Chinese batch's import time); below PARALLEL_FROM
    names, or on one core, they are computed as the names are stored. Call with no database
    connection open (worker processes are forked)."""
    import os
    import threading

    workers = min((os.cpu_count() or 1) - 1, 4)  # the caller goes on planning on the remaining core
    if len(texts) < PARALLEL_FROM or workers < 1 or threading.active_count() > 1:
        # forking a process that runs other threads (the web UI's server) is not safe: compute in-process
        return PendingReadings()
    import multiprocessing

    key_forms(texts[0])  # pypinyin's phrases and the knowledge tables loaded once, before the fork
    chunks = [texts[i::workers] for i in range(workers)]
    pool = multiprocessing.get_context("fork").Pool(workers)
    return PendingReadings(pool, pool.map_async(_prepare_chunk, chunks))


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
