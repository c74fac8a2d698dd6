"""Every text that enters GIScope passes here first (pure: no database, no streamlit).

One rule set for the importers, the CLI's arguments, the UI's forms (they call the same services) and
screening requests:

- refused anywhere: NUL, the other C0 controls and DEL, the C1 controls (U+0080-U+009F), the
  bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E, U+200F, U+202A-U+202E,
  U+2066-U+2069), lone surrogates and the noncharacters U+FFFE/U+FFFF. A tab and a line break are
  accepted only in multi-line fields (notes); every other field is one line.
- every field has a documented length cap (`CAPS`, in characters), no larger than its column accepts on
  PostgreSQL (String(n) columns refuse longer values there; SQLite would keep them) and far below the
  32,767 characters an XLSX cell holds, so every stored text exports whole.
- a name must hold at least one letter or digit ('!!!' is no name).
- text is stored as written: no Unicode normalisation here (the search and screening keys fold NFC/NFKC
  forms themselves in names/), so a re-import of a file changes nothing it did not change before.

Problems are English sentences (data/phrases/messages_zh.toml gives their Chinese); the caller adds the
location (`FILE:LINE: column: ` for a file, the option name for the command line).
"""

from __future__ import annotations

import re
import unicodedata

from errors import InputError

# --- the caps, in characters, per field -------------------------------------------------------------
CAPS: dict[str, int] = {
    "name": 500,  # names.text (Text); the reading cache keys names by text as String(600)
    "product_class": 200,  # gis.product_class (Text)
    "region": 500,  # gis.region (Text)
    "source": 1000,  # names.source, protections.source, batches.source (Text)
    "note": 2000,  # protections.note, watch notes (Text)
    "reference": 60,  # protections.reference: String(60)
    "reason": 1000,  # history.reason (Text), one line
    "who": 120,  # history.who, batches.who: String(120)
    "id": 120,  # gis.id: String(120)
    "label": 500,  # one label, brand or listing to screen
    "query": 200,  # the search text
    "value": 4000,  # a jurisdiction profile field's text (Text), lines allowed
    "cell": 2000,  # any other cell of an imported file that is stored or shown as written
}
MAX_LABELS = 10_000  # labels per screening request (giscope check, the Screen labels page)
MAX_BRIEF_LABELS = 1_000  # labels in one screening brief (a PDF of 1,000 labels is about 100 pages)
XLSX_CELL_LIMIT = 32_767  # characters an Excel cell holds

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# one class of every refused character; tab and line feed are handled by `multiline`
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\t\n]")


def char_name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' for a refused character (names of controls come from a table)."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "control character")
    return f"U+{ord(ch):04X} {name}"


_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\r": "CARRIAGE RETURN",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x85": "NEXT LINE",
}


def text_problem(value: str, *, max_len: int, multiline: bool = False) -> str | None:
    """Why `value` cannot be stored (one English sentence), or None when it can."""
    found = _REFUSED.search(value)
    if found is None and not multiline:
        found = _LINE_BREAKS.search(value)
    if found is not None:
        ch = found.group()
        what = "a line break or tab" if ch in "\t\n" else f"the character {char_name(ch)}"
        return f"contains {what} at position {found.start() + 1}; remove it"
    if len(value) > max_len:
        return f"longer than {max_len} characters"
    return None


def name_problem(value: str, *, max_len: int = CAPS["name"]) -> str | None:
    """`text_problem`, and a name must hold a letter or a digit."""
    problem = text_problem(value, max_len=max_len)
    if problem is None and value and not has_letter_or_digit(value):
        return f"'{value}' holds no letter or digit; a name must have one"
    return problem


def has_letter_or_digit(value: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in value)


def clean_text(value: str, field: str, *, max_len: int | None = None, multiline: bool = False) -> str:
    """`value` stripped, or InputError(['field: problem']) (`field` as the person typed it: an option
    name such as --reason, or a form's label). The cap is CAPS[field] unless `max_len` is given."""
    limit = max_len if max_len is not None else CAPS[field.lstrip("-").replace("-", "_")]
    text = value.strip()  # a control is refused also at either end, where strip() would drop some
    problem = text_problem(value, max_len=len(value), multiline=multiline) or text_problem(
        text, max_len=limit, multiline=multiline
    )
    if problem is not None:
        raise InputError([f"{field}: {problem}"])
    return text


def clean_name(value: str, field: str = "name") -> str:
    text = value.strip()
    problem = text_problem(value, max_len=len(value)) or name_problem(text)
    if problem is not None:
        raise InputError([f"{field}: {problem}"])
    return text


def clean_optional(value: str | None, field: str, **kwargs: object) -> str | None:
    """`clean_text` for an optional value: None stays None (and so does an empty text)."""
    if value is None:
        return None
    return clean_text(value, field, **kwargs) or None  # type: ignore[arg-type]


# --- showing stored text safely ----------------------------------------------------------------------
# showing stored text safely on a terminal: escaping.escaped (one function for every display)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# openpyxl refuses these in a cell (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE) and so does Excel
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xlsx_cell(value: object) -> object:
    """A value an XLSX cell can hold: a text's illegal characters written as escapes (one bad row stored
    before these checks never breaks an export). A text longer than a cell holds raises InputError,
    never cut silently."""
    if not isinstance(value, str):
        return value
    text = _XLSX_ILLEGAL.sub(_escape, value)
    if len(text) > XLSX_CELL_LIMIT:
        raise InputError(
            [
                f"a value of {len(text)} characters is longer than an XLSX cell holds ({XLSX_CELL_LIMIT}); "
                "export as CSV or JSON"
            ]
        )
    return text


_JSON_RAW = re.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def json_escape_controls(text: str) -> str:
    """JSON text (as json.dumps writes it with ensure_ascii=False) with DEL, the C1 and bidi controls, the
    line and paragraph separators, lone surrogates and U+FFFE/U+FFFF written as \\uXXXX escapes: the
    same JSON value, safe on a terminal and encodable as UTF-8 (json.dumps escapes the C0 controls)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
