"""Profile fields rendered in the other language (filled in below)."""

from __future__ import annotations

from typing import Any


def apply_reviewed(conn: Any, subject: tuple[str, str], lang: str, text: str, who: str, row_id: int) -> None:
    raise NotImplementedError
