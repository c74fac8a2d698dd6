"""Screen a gazette's marks against the conflict index: in this process for a small gazette, else in a pool
of worker processes over chunks of marks, one per core.

Each worker reads the kept index once, from its file (compare.index_cache: the parent passes the file's
path and key, never the index per task), screens the chunks it is given and sends back only the hits at
the minimum severity, as plain tuples. The parent merges them in the order of the gazette, so the result is
the one the serial path gives; nothing in a worker touches the database (storing is the caller's, in one
transaction after screening). Workers are spawned, not forked: a fresh process holds one index, not a
copy-on-write copy of the parent's plus its own.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from watch.trademarks.model import GazetteMark, at_least

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Sequence

    from compare.conflicts import Checker, ConflictIndex

SERIAL_UP_TO = 2000  # marks screened in this process: a pool's start-up costs more than it saves
log = logging.getLogger("giscope.watch")
CHUNK = 500  # marks per task: large enough to amortise a round trip, small enough to balance the load


@dataclass(frozen=True)
class MarkHit:
    """What a finding keeps of a hit (plain data: it crosses process boundaries cheaply)."""

    gi_id: str
    name: str
    kind: str
    severity: str
    reason: str
    legal_basis: str
    legal_source: str | None


@dataclass(frozen=True)
class IndexFile:
    """The kept index a worker reads: its file and the key it must have been saved for."""

    path: Path
    key: Hashable


def _screen(
    checker: Checker, marks: Sequence[GazetteMark], min_severity: str, lang: str
) -> list[list[MarkHit]]:
    out: list[list[MarkHit]] = []
    for m in marks:
        out.append(
            [
                MarkHit(
                    hit.gi.id,
                    hit.gi.display_name,
                    hit.kind,
                    hit.severity,
                    hit.reason,
                    hit.legal_basis,
                    hit.legal_source,
                )
                for hit in checker.check(m.mark, nice_classes=m.classes, goods=m.goods, lang=lang)
                if at_least(hit.severity, min_severity)
            ]
        )
    return out


# ---- the worker side: one checker per process, made once from the kept index ----

_WORKER: dict[str, object] = {}


def _start_worker(path: str, key: Hashable, jurisdiction: str, min_severity: str, lang: str) -> None:
    from compare import index_cache
    from compare.conflicts import Checker
    from names.normalise import remember_readings

    found = index_cache.load(Path(path), key)
    if found is None:
        raise RuntimeError(f"the kept conflict index {path} is missing or was built for another register")
    readings, index = found
    for system, known in readings.items():
        remember_readings(system, known)
    _WORKER.update(checker=Checker(index, jurisdiction), min_severity=min_severity, lang=lang)


def _screen_chunk(marks: list[GazetteMark]) -> list[list[MarkHit]]:
    checker: Checker = _WORKER["checker"]  # type: ignore[assignment]
    return _screen(checker, marks, str(_WORKER["min_severity"]), str(_WORKER["lang"]))


# ---- the parent side ----


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def screen_marks(
    marks: Sequence[GazetteMark],
    jurisdiction: str,
    *,
    index: ConflictIndex,
    index_file: IndexFile | None,
    min_severity: str,
    lang: str,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    serial_up_to: int = SERIAL_UP_TO,
) -> list[list[MarkHit]]:
    """The hits at least `min_severity` of each mark, in the order of `marks`. In a process pool when
    there are more than `serial_up_to` marks, more than one core (or `workers`) and a kept index file;
    else here, with `index`. `progress(done, total)` follows the marks screened."""
    from compare.conflicts import Checker

    total = len(marks)
    n = workers if workers is not None else cores()
    if index_file is None or n < 2 or total <= serial_up_to:
        checker = Checker(index, jurisdiction)
        out: list[list[MarkHit]] = []
        for done, m in enumerate(marks, 1):
            out.extend(_screen(checker, [m], min_severity, lang))
            if progress is not None:
                progress(done, total)
        return out
    try:
        return _screen_in_pool(marks, jurisdiction, index_file, min_severity, lang, progress, n)
    except BrokenProcessPool as exc:  # a worker could not read the kept index, or died: screen here
        log.warning("giscope: the screening pool stopped (%s); screening in this process", exc)
        return screen_marks(
            marks,
            jurisdiction,
            index=index,
            index_file=None,
            min_severity=min_severity,
            lang=lang,
            progress=progress,
        )


def _screen_in_pool(
    marks: Sequence[GazetteMark],
    jurisdiction: str,
    index_file: IndexFile,
    min_severity: str,
    lang: str,
    progress: Callable[[int, int], None] | None,
    n: int,
) -> list[list[MarkHit]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    total = len(marks)
    size = max(50, min(CHUNK, -(-total // (n * 4))))
    chunks = [list(marks[i : i + size]) for i in range(0, total, size)]
    out: list[list[MarkHit]] = []
    with ProcessPoolExecutor(
        max_workers=min(n, len(chunks)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(str(index_file.path), index_file.key, jurisdiction, min_severity, lang),
    ) as pool:
        for chunk_hits in pool.map(_screen_chunk, chunks):  # in order, as each chunk is done
            out.extend(chunk_hits)
            if progress is not None:
                progress(len(out), total)
    return out
