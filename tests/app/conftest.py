"""Fixtures shared by the AppTest modules: a register to point the pages at, and clean caches."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bootstrap import initialise
from storage.db import Database


def make_register(path: Path) -> str:
    """An SQLite register at `path` with the bundled data; its URL."""
    url = f"sqlite:///{path}"
    engine = Database(url)
    initialise(engine, who="test")
    engine.dispose()
    return url


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(autouse=True)
def fresh_resources():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def register_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One register shared by a module's read-only page tests."""
    return make_register(tmp_path_factory.mktemp("register") / "giscope.sqlite3")


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch, register_url: str) -> str:
    monkeypatch.setenv("GISCOPE_DATABASE_URL", register_url)
    return register_url


@pytest.fixture
def fresh_register(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A register of its own for a test whose page writes to it."""
    url = make_register(tmp_path / "giscope.sqlite3")
    monkeypatch.setenv("GISCOPE_DATABASE_URL", url)
    monkeypatch.setenv("GISCOPE_USER", "page-tester")
    return url
