"""The deep-translator adapter: one call at most `timeout` seconds (at most 5); at most two retries, only
when the engine could not be reached (a timeout, a refused or failed connection) and only while the wait
so far plus another timeout stays within two timeouts (10 s) — in practice a refused connection is tried
three times in a moment, a silent engine once (about 5 s); and a circuit breaker: once the engine was
unreachable, every later call in the same process answers "machine translation unavailable" at once (for
BREAKER_S, 5 minutes: the life of any command; a UI server then tries again).

deep-translator sets no timeout of its own (its requests wait for ever on a silent server), so each call
runs in a daemon thread that is abandoned when it overruns: a daemon thread does not keep the process
alive at exit (a ThreadPoolExecutor's workers are joined at exit and would hang the command).
deep_translator is imported here only, when a call is made.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from errors import GIScopeError
from translation.model import UNAVAILABLE, TranslationUnavailable

MAX_TIMEOUT_S = 5.0
MAX_RETRIES = 2
TOTAL_BUDGET = 2  # all attempts together wait at most this many timeouts (10 s at 5 s)
RETRY_PAUSE_S = 0.2
ENGINES = ("google", "none")
# deep-translator's codes for ours (Google wants zh-CN for simplified Chinese)
_CODES = {"google": {"zh": "zh-CN", "en": "en", "fr": "fr", "th": "th", "auto": "auto"}}
BREAKER_S = 300.0  # how long an unreachable engine is not asked again (a command's whole life; a UI: 5 min)
_unreachable: dict[str, tuple[str, float]] = {}  # engine -> why it was unreachable, and when
_lock = threading.Lock()


class Unreachable(Exception):
    """The engine could not be reached in time (retried, then the breaker trips)."""


def reset_breaker() -> None:
    """Forget that engines were unreachable (tests; a long-running UI may call it after a while)."""
    with _lock:
        _unreachable.clear()


def parse_timeout(value: str | float | None) -> float:
    """GISCOPE_TRANSLATE_TIMEOUT as seconds: a positive number, at most 5."""
    try:
        seconds = float(value if value not in (None, "") else MAX_TIMEOUT_S)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise GIScopeError(f"GISCOPE_TRANSLATE_TIMEOUT must be a number of seconds, not {value!r}") from None
    if not 0 < seconds <= MAX_TIMEOUT_S:
        raise GIScopeError(f"GISCOPE_TRANSLATE_TIMEOUT must be more than 0 and at most 5 s, not {value!r}")
    return seconds


def call_with_timeout(work: Callable[[], Any], timeout: float) -> Any:
    """`work()` in a daemon thread; its result, its exception, or Unreachable after `timeout` s."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    thread = threading.Thread(target=run, name="giscope-translate", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise Unreachable(f"no answer within {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _unreachable_error(exc: BaseException) -> bool:
    """A timeout or a connection that failed (worth a retry), as opposed to an answer we cannot use."""
    if isinstance(exc, (Unreachable, TimeoutError, ConnectionError)):
        return True
    import requests

    return isinstance(exc, (requests.ConnectionError, requests.Timeout))


class DeepTranslator:
    """The Translator of an engine deep-translator knows (Google's public web endpoint by default)."""

    def __init__(self, engine: str = "google", *, timeout: float = MAX_TIMEOUT_S, retries: int = MAX_RETRIES):
        if engine not in _CODES:
            raise GIScopeError(f"unknown translator {engine!r}; known: {', '.join(ENGINES)}")
        self.name = engine
        self.timeout = min(float(timeout), MAX_TIMEOUT_S)
        self.retries = max(0, min(int(retries), MAX_RETRIES))

    def _call(self, text: str, source: str, target: str) -> str:
        from deep_translator import GoogleTranslator

        codes = _CODES[self.name]
        found = GoogleTranslator(
            source=codes.get(source, source), target=codes.get(target, target)
        ).translate(text)
        if not isinstance(found, str) or not found.strip():
            raise TranslationUnavailable(f"{UNAVAILABLE}: {self.name} gave no translation")
        return found.strip()

    def translate(self, text: str, source: str, target: str) -> str:
        with _lock:
            tripped = _unreachable.get(self.name)
        if tripped is not None and time.monotonic() - tripped[1] < BREAKER_S:
            raise TranslationUnavailable(f"{UNAVAILABLE}: {self.name} was unreachable earlier ({tripped[0]})")
        import deep_translator  # noqa: F401  (loaded here, before the clock of the first call starts)

        last: BaseException | None = None
        started = time.monotonic()
        for attempt in range(1 + self.retries):
            if attempt and time.monotonic() - started + self.timeout > TOTAL_BUDGET * self.timeout:
                break  # another silent wait would keep the user waiting longer than the budget
            try:
                return str(call_with_timeout(lambda: self._call(text, source, target), self.timeout))
            except TranslationUnavailable:
                raise
            except Exception as exc:
                if not _unreachable_error(exc):
                    raise TranslationUnavailable(f"{UNAVAILABLE}: {self.name}: {_one_line(exc)}") from None
                last = exc
                if not isinstance(exc, Unreachable):
                    time.sleep(RETRY_PAUSE_S)
        why = _one_line(last) if last is not None else "no answer"
        with _lock:
            _unreachable[self.name] = (why, time.monotonic())
        raise TranslationUnavailable(f"{UNAVAILABLE}: {self.name} could not be reached ({why})")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "Failed to resolve" in text or "NameResolutionError" in text:
        return "the engine's host name could not be resolved (no network?)"
    if _unreachable_error(exc) and not isinstance(exc, Unreachable):
        return f"connection failed ({type(exc).__name__})"
    return text if len(text) <= 160 else text[:157] + "…"


def make_translator(engine: str | None, timeout: str | float | None = None) -> DeepTranslator | None:
    """The translator the settings ask for (GISCOPE_TRANSLATOR, GISCOPE_TRANSLATE_TIMEOUT); None for
    "none" (machine translation switched off)."""
    name = (engine or "google").strip().lower()
    if name == "none":
        return None
    return DeepTranslator(name, timeout=parse_timeout(timeout))
