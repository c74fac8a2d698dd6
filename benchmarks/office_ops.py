"""The work of one office load-test worker (benchmarks/bench_office.py): a random mix of what the staff of
a GI office do at once, each through the same service the CLI and the pages call, timed one by one.

- search: gi_lists.services.search of a name in some script;
- browse: gi_lists.services.browse of a page of an annex or a register;
- check: compare.services.check_labels of a few labels, on the name index of the register as it is now
  (rebuilt, or read back from the kept file, when another worker's import changed the register, as
  the pages do);
- edit: a read-modify-write of one shared profile field (agreements.profiles): read the field, append
  this worker's next unique token, write it back (handing the service the version read, when its edit
  takes one: a parameter named like expected_version). Every write the service reports as successful is
  recorded, so that the driver can tell whether one of them was silently overwritten (a lost update);
- import: gi_lists.services.import_file of a small list (the TH register as exported at the start, plus
  one new GI of this worker), as `giscope import` does.

A write refused because the data changed under it (an exception class named StaleWriteError, or a
GIScopeError whose message says the data changed) is an expected conflict: it is counted and the
operation is tried again on fresh data. Anything else raised is an unexpected error, counted and kept
(class and message) for the report.
"""

from __future__ import annotations

import csv
import inspect
import io
import random
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("search", "browse", "check", "edit", "import")
WEIGHTS = (30, 15, 25, 25, 5)  # how often each kind is picked, out of 100
EDIT_JURISDICTION = "EU"
EDIT_KEY = "contacts"  # the profile field every edit worker appends its tokens to
EDIT_BASE = "Load-test tokens:"
IMPORT_REGISTER = "TH"
MAX_STALE_TRIES = 50
SEARCHES = (
    "Champagne",
    "香槟",
    "Parma",
    "tie guan yin",
    "Roquefort",
    "大米",
    "jasmine rice",
    "Rioja",
    "龙井",
    "Cognac",
    "Scotch Whisky",
    "帕尔玛火腿",
    "Feta",
    "Khao Hom Mali",
    "茅台",
)
BROWSES = (
    ("china-eu", "IV", None),
    ("china-eu", "V", None),
    ("china-eu", "II", None),
    (None, None, "TH"),
    (None, None, "FR"),
    ("china-france", None, None),
)
LABELS = (
    "香宾酒",
    "Champagne-style sparkling wine",
    "Parma ham",
    "Roquefort type cheese",
    "安溪铁观音茶",
    "แชมเปญ",
    "Wodka aus Polen",
    "帕玛火腿",
    "Cheddar",
    "Scotch whisky blend",
    "Rioja style red",
)
MARKETS = ("CN", "EU", "TH")


@dataclass
class WorkerResult:
    """What one worker did: its operations' latencies by kind, its conflicts and errors, and the
    tokens of the profile edits the service reported as written."""

    worker: int
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    conflicts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    errors: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    error_samples: list[dict[str, str]] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    index_builds: int = 0  # checks that found the register changed and rebuilt (or read back) the index
    started: float = 0.0
    ended: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def is_expected_conflict(error: BaseException) -> bool:
    """A write refused because what it was based on changed meanwhile (optimistic locking): a
    class named StaleWriteError among its classes, or a GIScopeError whose message says the data changed."""
    from errors import GIScopeError

    if any(cls.__name__ == "StaleWriteError" for cls in type(error).__mro__):
        return True
    return isinstance(error, GIScopeError) and "changed" in str(error).lower()


def token(worker: int, n: int) -> str:
    """A token no other token contains: '[w3-1]' is not inside '[w3-17]'."""
    return f"[w{worker}-{n}]"


def version_argument(edit: Any, current: Any) -> dict[str, Any]:
    """The version the field was read at, for an edit service that asks for one (a parameter whose
    name holds 'version', e.g. expected_version), read from the field (or its fact) as read."""
    names = [p for p in inspect.signature(edit).parameters if "version" in p]
    if not names:
        return {}
    for holder in (current, getattr(current, "fact", None)):
        for attribute in ("version", *names):
            value = getattr(holder, attribute, None)
            if value is not None:
                return {names[0]: value}
    return {}


class Worker:
    def __init__(self, index: int, url: str, cache_dir: str, import_csv: str) -> None:
        from storage.db import Database

        self.index = index
        self.db = Database(url, cache_dir=cache_dir)
        self.rng = random.Random(1000 + index)
        self.result = WorkerResult(index)
        self.import_csv = Path(import_csv)
        self.own_csv = self.import_csv.with_name(f"import-w{index}.csv")
        self.edits = 0
        self.imports = 0
        self.index_version: str | None = None
        self.conflict_index: Any = None

    # --- the operations -------------------------------------------------------------------------

    def search(self) -> None:
        from gi_lists.services import search

        search(self.db, self.rng.choice(SEARCHES), limit=50)

    def browse(self) -> None:
        from gi_lists.services import Filters, browse

        agreement, annex, register = self.rng.choice(BROWSES)
        filters = Filters(agreement=agreement, annex=annex, jurisdiction=register)
        browse(self.db, "", filters, offset=self.rng.choice((0, 50)), limit=50)

    def check(self) -> None:
        from compare.services import build_index, check_labels
        from gi_lists.services import register_version

        version = register_version(self.db)
        if version != self.index_version:  # the page's conflict_index(): one per register version
            self.conflict_index, self.index_version = build_index(self.db), version
            self.result.index_builds += 1
        check_labels(self.conflict_index, self.rng.sample(LABELS, 3), self.rng.choice(MARKETS))

    def edit(self) -> None:
        from agreements.profiles import edit_profile, get_profile

        self.edits += 1
        mine = token(self.index, self.edits)
        for _ in range(MAX_STALE_TRIES):
            current = get_profile(self.db, EDIT_JURISDICTION).field(EDIT_KEY)
            assert current is not None
            try:
                edit_profile(
                    self.db,
                    EDIT_JURISDICTION,
                    EDIT_KEY,
                    who=f"bench-{self.index}",
                    reason="office load test",
                    value_en=f"{current.fact.value_en} {mine}",
                    source="benchmarks/bench_office.py",
                    confidence="low",
                    **version_argument(edit_profile, current),
                )
            except Exception as exc:
                if not is_expected_conflict(exc):
                    raise
                self.result.conflicts["edit"] += 1
                continue
            self.result.tokens.append(mine)
            return
        raise RuntimeError(f"the edit was refused as stale {MAX_STALE_TRIES} times in a row")

    def import_(self) -> None:
        from gi_lists.services import import_file

        self.imports += 1
        with self.import_csv.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = list(reader.fieldnames or []), list(reader)
        new = {column: "" for column in header}
        new.update(
            name=f"Bench Rice W{self.index} N{self.imports}",
            product_class="Rice",
            origin="TH",
            jurisdiction=IMPORT_REGISTER,
            route="national-register",
            status="protected",
            source="benchmarks/bench_office.py",
            confidence="low",
        )
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header)
        writer.writeheader()
        writer.writerows([*rows, new])
        self.own_csv.write_text(out.getvalue(), encoding="utf-8")
        for _ in range(MAX_STALE_TRIES):
            try:
                import_file(
                    self.db,
                    self.own_csv,
                    agreement=None,
                    annex=None,
                    register=IMPORT_REGISTER,
                    who=f"bench-{self.index}",
                    source="office load test",
                    keep_missing=True,
                )
                return
            except Exception as exc:
                if not is_expected_conflict(exc):
                    raise
                self.result.conflicts["import"] += 1
        raise RuntimeError(f"the import was refused as stale {MAX_STALE_TRIES} times in a row")

    # --- the loop ---------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """What every process pays once (modules, name tables, the index), before the clock starts."""
        self.search()
        self.browse()
        self.check()

    def run(self, start_at: float, seconds: float) -> WorkerResult:
        ops = {
            "search": self.search,
            "browse": self.browse,
            "check": self.check,
            "edit": self.edit,
            "import": self.import_,
        }
        while time.time() < start_at:
            time.sleep(0.005)
        end_at = start_at + seconds
        self.result.started = time.time()
        self.result.index_builds = 0  # the warm-up's build is not the test's
        while time.time() < end_at:
            kind = self.rng.choices(KINDS, WEIGHTS)[0]
            began = time.perf_counter()
            try:
                ops[kind]()
            except Exception as exc:  # noqa: BLE001 (the load test counts and reports it)
                self.result.errors[kind] += 1
                if len(self.result.error_samples) < 5:
                    message = " ".join(str(exc).split())[:300]
                    self.result.error_samples.append(
                        {"kind": kind, "class": type(exc).__name__, "message": message}
                    )
                continue
            self.result.latencies[kind].append(time.perf_counter() - began)
        self.result.ended = time.time()
        return self.result


def work(
    index: int, url: str, cache_dir: str, import_csv: str, seconds: float, ready: Any, go: Any, results: Any
) -> None:
    """A worker process: get ready, say so, wait for the common start time, run, send the result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's: it stops the workers
    try:
        worker = Worker(index, url, cache_dir, import_csv)
        worker.warm_up()
    except BaseException as exc:
        ready.put((index, f"{type(exc).__name__}: {exc}"))
        return
    ready.put((index, None))
    start_at = go.get()
    results.put(worker.run(start_at, seconds).to_dict())
