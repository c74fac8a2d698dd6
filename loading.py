"""Loading large tables without the cyclic garbage collector running meanwhile.

Reading the stored conflict index (some 80,000 containers) or pypinyin's phrase table (47,000 phrases,
read from JSON at import) creates many objects and no garbage; the collector, triggered by the count
of new objects, meanwhile scans everything already alive again and again, which costs about a quarter
of a `giscope check` (0.2 s of 0.7 s, measured with benchmarks/bench_startup.py). The collector is
paused only while such a table is read, and runs as before afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (as it was before, afterwards)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def long_lived_heap() -> Iterator[None]:
    """Everything alive on entry lives until the block ends (a command's conflict index): the collector
    leaves it out of its scans meanwhile (gc.freeze), instead of going through its hundreds of thousands
    of objects again on every full collection while labels are checked; on exit it is collected as
    before (gc.unfreeze), so a caller that runs on (a test, a server) keeps nothing back for good."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
