"""The deep-translator adapter gives up within its timeout on a server that never answers, retries only
a bounded number of times, and once the engine was unreachable answers "unavailable" at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from errors import GIScopeError
from tests.servers import free_port, silent_server
from translation import engine
from translation.engine import DeepTranslator, Unreachable, call_with_timeout, make_translator, parse_timeout
from translation.model import UNAVAILABLE, TranslationUnavailable


@pytest.fixture(autouse=True)
def fresh_breaker() -> Iterator[None]:
    engine.reset_breaker()
    yield
    engine.reset_breaker()


def proxy_to(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    """Every request deep-translator makes goes to 127.0.0.1:port (requests honours these)."""
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{port}")
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_call_that_never_returns_is_abandoned_as_unreachable():
    release = threading.Event()
    try:
        with pytest.raises(Unreachable, match="no answer within 0.2 s"):
            call_with_timeout(lambda: release.wait(), 0.2)
    finally:
        release.set()


def test_a_call_gives_its_result_or_its_error():
    assert call_with_timeout(lambda: "ok", 1) == "ok"
    with pytest.raises(ZeroDivisionError):
        call_with_timeout(lambda: 1 / 0, 1)


def test_the_real_adapter_gives_up_on_a_server_that_accepts_and_never_answers(monkeypatch):
    with silent_server() as (port, accepted):
        proxy_to(monkeypatch, port)
        translator = DeepTranslator("google", timeout=0.5)
        with pytest.raises(TranslationUnavailable) as caught:
            translator.translate("安吉白茶", "zh", "en")
        assert str(caught.value).startswith(UNAVAILABLE)
        assert "no answer within 0.5 s" in str(caught.value)
        # bounded: the first call and at most two retries, all within two timeouts
        assert 1 <= len(accepted) <= 1 + engine.MAX_RETRIES
        tried = len(accepted)
        # the breaker: the next call in this process does not try again
        with pytest.raises(TranslationUnavailable, match="unreachable earlier"):
            translator.translate("龙井茶", "zh", "en")
        assert len(accepted) == tried


def test_a_refused_connection_is_retried_at_most_twice_then_unavailable(monkeypatch):
    proxy_to(monkeypatch, free_port())  # nothing listens there
    calls: list[int] = []
    real = DeepTranslator._call

    def counted(self: DeepTranslator, text: str, source: str, target: str) -> str:
        calls.append(1)
        return real(self, text, source, target)

    monkeypatch.setattr(DeepTranslator, "_call", counted)
    with pytest.raises(TranslationUnavailable, match="could not be reached"):
        DeepTranslator("google", timeout=2).translate("ham", "auto", "zh")
    assert len(calls) == 1 + engine.MAX_RETRIES


def test_an_answer_the_engine_cannot_give_is_not_retried(monkeypatch):
    calls: list[int] = []

    def refuses(self: DeepTranslator, text: str, source: str, target: str) -> str:
        calls.append(1)
        raise ValueError("language not supported")

    monkeypatch.setattr(DeepTranslator, "_call", refuses)
    with pytest.raises(TranslationUnavailable, match="language not supported"):
        DeepTranslator("google", timeout=1).translate("ham", "auto", "zh")
    assert calls == [1]


def test_the_timeout_setting_is_at_most_five_seconds():
    assert parse_timeout(None) == 5.0
    assert parse_timeout("1.5") == 1.5
    for bad in ("0", "6", "-1", "soon"):
        with pytest.raises(GIScopeError, match="GISCOPE_TRANSLATE_TIMEOUT"):
            parse_timeout(bad)


def test_the_translator_setting_none_switches_the_machine_off_and_unknown_names_are_refused():
    assert make_translator("none") is None
    assert make_translator("google", "2").timeout == 2.0  # type: ignore[union-attr]
    with pytest.raises(GIScopeError, match="unknown translator 'babel'"):
        make_translator("babel")


def test_after_the_breaker_period_the_engine_is_asked_again(monkeypatch):
    calls: list[int] = []

    def unreachable(self: DeepTranslator, text: str, source: str, target: str) -> str:
        calls.append(1)
        raise ConnectionError("refused")

    monkeypatch.setattr(DeepTranslator, "_call", unreachable)
    monkeypatch.setattr(engine, "RETRY_PAUSE_S", 0)
    translator = DeepTranslator("google", timeout=1, retries=0)
    with pytest.raises(TranslationUnavailable, match="could not be reached"):
        translator.translate("ham", "auto", "zh")
    with pytest.raises(TranslationUnavailable, match="unreachable earlier"):
        translator.translate("ham", "auto", "zh")
    assert len(calls) == 1
    monkeypatch.setattr(engine, "BREAKER_S", 0.0)
    with pytest.raises(TranslationUnavailable, match="could not be reached"):
        translator.translate("ham", "auto", "zh")
    assert len(calls) == 2
