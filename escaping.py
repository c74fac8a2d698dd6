"""Stored text shown on one line, with nothing hidden (pure).

History keeps who wrote a change and why exactly as given; wherever it is shown (`giscope profile
--history`, `giscope show`, the UI's history tables) each such text goes through `escaped`, so a
newline cannot forge another history line and a bidi override cannot reorder what a reader sees.
Line breaks, tabs and other control characters, Unicode line/paragraph separators and the invisible
format characters (bidi embeddings, overrides and isolates, marks, zero-width spaces, BOM) and the
noncharacters (U+FFFE, U+FFFF …) become a
visible escape: '\\n', '\\r', '\\t', '\\x07', '\\u202e'. Zero-width (non-)joiners stay: scripts need them.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_KEEP = frozenset({"\u200c", "\u200d"})  # zero-width non-joiner and joiner: part of how scripts are written
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def is_hidden(ch: str) -> bool:
    """Would showing this character as it is hide or move text (a control or invisible format one, or a
    noncharacter such as U+FFFE, which no font draws)?"""
    if ch in _KEEP:
        return False
    code = ord(ch)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    return noncharacter or unicodedata.category(ch) in _HIDDEN


def escaped(text: object, *, keep_breaks: bool = False) -> str:
    """The text on one line, every control or invisible format character shown as an escape
    ('' for None). With `keep_breaks`, line feeds and tabs stay as they are (a command's whole output,
    which is made of lines): nothing else printed can move the cursor, recolour the terminal or reverse
    a line."""
    if text is None:
        return ""
    value = str(text)
    if value.isprintable():  # the common case: no control, format or separator character at all
        return value
    kept = _BREAKS if keep_breaks else frozenset()
    return "".join(_escape(ch) if is_hidden(ch) and ch not in kept else ch for ch in value)


_BREAKS = frozenset({"\n", "\t"})
