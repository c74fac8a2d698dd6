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


def keep_for_the_process() -> None:
    """Everything alive now lives until the process ends (a command's conflict index): the collector
    leaves it out of its scans from now on (gc.freeze), instead of going through its hundreds of
    thousands of objects again on every full collection while labels are checked. Only for short-lived
    processes (a command), never a server that replaces its index."""
    gc.freeze()
