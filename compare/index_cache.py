"""The conflict index kept in a file between processes: built once per register version, not per command.

A file holds the key the index was built for, then the index (two pickles, so a file built for another key
is recognised without reading the rest). The key names everything the index is made of: the database, the
register's version (its size, newest batch and newest change: every import and status change moves it),
the stored readings, and the code, bundled knowledge and romanisation libraries that build it (files by
size and modification time). A file for another key is rebuilt; so is one that cannot be read (logged,
never an error). A new file is written beside the old one and renamed over it, so a process never reads
half a file and concurrent writers leave one whole file.

The file is a pickle: whoever can write it can run code as the user who reads it, as whoever can write
the register's code can. It lives beside the register; a GISCOPE_CACHE_DIR must be a folder only the
register's own users can write.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Hashable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from config import KNOWLEDGE_DIR, PROJECT_ROOT
from loading import collector_paused

FORMAT = 1  # of the file itself
# what builds the index: the matcher, the name folding, the model and repository of the GIs it holds, the
# migrations that shape their rows, the knowledge tables, and the libraries that romanise and compare
_CODE = ("compare", "names", "gi_lists", "storage/alembic/versions")
_LIBRARIES = ("pypinyin", "opencc", "pythainlp", "anyascii", "rapidfuzz")

log = logging.getLogger("giscope.index_cache")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes when the code, knowledge or libraries the index is built by change (a stat of each file,
    about a millisecond; nothing is imported). Read once per process, when compare.conflicts is imported
    (the matcher's modules are imported by then): a server still running older code after an upgrade keys
    its files by the files as they were when it started, so the new code does not read an index built by
    the old one."""
    paths: list[Path] = [PROJECT_ROOT / "config.py"]
    for folder in _CODE:
        paths += sorted((PROJECT_ROOT / folder).glob("*.py"))
    paths += sorted(p for p in KNOWLEDGE_DIR.rglob("*") if p.is_file())
    for library in _LIBRARIES:
        spec = find_spec(library)
        if spec is not None and spec.origin:
            paths += [Path(spec.origin), Path(spec.origin).parent]  # a reinstall rewrites both
    h = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for path in paths:
        try:
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{path}\0missing\n".encode())
    return h.hexdigest()


def load(path: Path, key: Hashable) -> Any | None:
    """What was saved in `path` for `key`; None when there is no file, or it was built for another key,
    or it cannot be read (a torn or foreign file: logged, and the caller builds the index again)."""
    try:
        with path.open("rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("giscope: cannot read the stored conflict index %s (%s); building it", path, exc)
        return None
    try:
        with collector_paused():  # some 80,000 new containers, none of them garbage
            stream = io.BytesIO(data)  # the whole file first: faster than the unpickler's small reads
            if pickle.load(stream) != key:  # one unpickler per pickle: each numbers its memo from 0
                return None
            return pickle.load(stream)
    except Exception as exc:  # any unpickling failure (torn, truncated, foreign) means: build it again
        log.warning(
            "giscope: the stored conflict index %s is unreadable (%s: %s); building it again",
            path,
            type(exc).__name__,
            exc,
        )
        return None


_writers: list[int] = []  # child processes writing a file (save(background=True)) not yet waited for


def save(path: Path, key: Hashable, value: Any, *, background: bool = False) -> None:
    """Keep `value` in `path` for `key`: written to a temporary file beside it, then renamed over it. A
    failure (a read-only folder, a full disk) is logged; the index is then built again next time.

    `background`: written by a forked child while this process goes on (a command line check: the labels
    are screened on one core while the file is written on another), where the process can fork and runs
    no other thread; the caller then calls wait_for_saves() before it ends. Elsewhere written here."""
    if background and _may_fork():
        pid = os.fork()
        if pid == 0:  # the child: write, then leave at once (no exit handlers, none of the parent's buffers)
            gc.disable()  # no finalizer of the parent's garbage runs here (a file flushed, a socket closed)
            code = 1
            try:
                _write(path, key, value)
                code = 0
            finally:
                os._exit(code)
        _writers.append(pid)
        return
    _write(path, key, value)


def _may_fork() -> bool:
    """Linux (macOS's system libraries are not fork-safe), and this process runs one thread: none of
    Python's others, none started by a library (/proc/self/task lists every thread of the process)."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def wait_for_saves() -> None:
    """Wait until the files written in the background are whole (each renamed into place, or given up)."""
    while _writers:
        pid = _writers[-1]
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        _writers.pop()  # only once waited for: an interrupted wait leaves it to the next call


def _write(path: Path, key: Hashable, value: Any) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh, collector_paused():  # pickling creates no garbage either
            pickle.dump(key, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError) as exc:
        log.warning(
            "giscope: cannot keep the conflict index in %s (%s); it is built again next time", path, exc
        )
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
