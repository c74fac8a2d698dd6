"""The seam between the memory and a machine engine: anything with a name and a `translate`."""

from __future__ import annotations

from typing import Protocol


class Translator(Protocol):
    """A machine translation engine. `translate` returns the rendering, or raises
    translation.model.TranslationUnavailable (quickly: an engine that cannot be reached must not hang)."""

    name: str

    def translate(self, text: str, source: str, target: str) -> str: ...
