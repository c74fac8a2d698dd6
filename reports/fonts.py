"""Embedded fonts for PDF briefings, and text split into runs by script.

reportlab embeds (a subset of) every TrueType font registered through ``TTFont``, but it does no font
fallback: a Chinese character set in DejaVu Sans is drawn as an empty box. So every text is split into
runs, each set in a font that has its glyphs: Han and CJK punctuation in WenQuanYi Micro Hei, Thai in
a TLWG font, everything else (Latin, Greek, Cyrillic, symbols) in DejaVu Sans. reportlab's built-in CID
fonts (STSong-Light: not embedded, blank in many viewers) and the 14 standard fonts are never used.

Fonts are read from the Debian paths; a missing file raises ``FontsMissing`` naming the package.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from errors import GIScopeError

LATIN, CJK, THAI = "latin", "cjk", "thai"


@dataclass(frozen=True)
class FontFile:
    """One font face: the Debian package that ships it and the paths to try, first found wins."""

    package: str
    candidates: tuple[str, ...]
    subfont_index: int = 0  # for .ttc collections


_DEJAVU = "/usr/share/fonts/truetype/dejavu"
_TLWG = "/usr/share/fonts/truetype/tlwg"

# key -> font file. Keys are "<script>" and "<script>-bold"; a script without a bold face reuses the regular.
FONT_FILES: dict[str, FontFile] = {
    LATIN: FontFile("fonts-dejavu-core", (f"{_DEJAVU}/DejaVuSans.ttf",)),
    f"{LATIN}-bold": FontFile("fonts-dejavu-core", (f"{_DEJAVU}/DejaVuSans-Bold.ttf",)),
    CJK: FontFile("fonts-wqy-microhei", ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",), 0),
    # no bold WenQuanYi: the same face, registered under its own name and drawn emboldened (SYNTHETIC_BOLD)
    f"{CJK}-bold": FontFile("fonts-wqy-microhei", ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",), 0),
    THAI: FontFile("fonts-thai-tlwg", (f"{_TLWG}/Loma.ttf", f"{_TLWG}/Garuda.ttf")),
    f"{THAI}-bold": FontFile("fonts-thai-tlwg", (f"{_TLWG}/Loma-Bold.ttf", f"{_TLWG}/Garuda-Bold.ttf")),
}

# The names the faces are registered under with reportlab (and used in <font name="..."> markup).
FONT_NAMES: dict[str, str] = {
    LATIN: "GIScope-Latin",
    f"{LATIN}-bold": "GIScope-Latin-Bold",
    CJK: "GIScope-CJK",
    f"{CJK}-bold": "GIScope-CJK-Bold",
    THAI: "GIScope-Thai",
    f"{THAI}-bold": "GIScope-Thai-Bold",
}


# Faces with no bold of their own: text in them is filled and stroked with a thin outline in its own colour
# (PDF text render mode 2) by reports.pages.NumberedCanvas, which reads as bold on screen and on paper.
# pdftotext and pypdf extract it like any other text. Stroke width as a share of the font size.
SYNTHETIC_BOLD: dict[str, float] = {"GIScope-CJK-Bold": 0.035}


class FontsMissing(GIScopeError):
    """A font file the PDF renderer needs is not installed."""

    def __init__(self, missing: dict[str, FontFile]):
        self.packages = sorted({f.package for f in missing.values()})
        paths = "; ".join(" or ".join(f.candidates) for f in missing.values())
        pkgs = " ".join(self.packages)
        super().__init__(
            f"PDF fonts not found ({paths}). Install the Debian package(s) {pkgs}: "
            f"run `make system-deps` or `sudo apt-get install {pkgs}`."
        )


@dataclass(frozen=True)
class Fonts:
    """The registered faces: their reportlab names and the code points each one covers."""

    names: dict[str, str]
    coverage: dict[str, frozenset[int]]

    def name(self, script: str, bold: bool = False) -> str:
        return self.names.get(f"{script}-bold", self.names[script]) if bold else self.names[script]


_lock = threading.Lock()
_registered: tuple[tuple[tuple[str, FontFile], ...], Fonts] | None = None


def _find(font: FontFile) -> str | None:
    return next((p for p in font.candidates if os.path.isfile(p)), None)


def ensure_fonts() -> Fonts:
    """Register the fonts with reportlab (once per process) and return them.

    Raises FontsMissing, naming the Debian packages, when a font file is not installed.
    """
    global _registered
    key = tuple(sorted(FONT_FILES.items()))
    current = _registered
    if current is not None and current[0] == key:
        return current[1]
    with _lock:
        if _registered is not None and _registered[0] == key:
            return _registered[1]
        found = {k: _find(f) for k, f in FONT_FILES.items()}
        missing = {k: FONT_FILES[k] for k, path in found.items() if path is None}
        if missing:
            raise FontsMissing(missing)
        names: dict[str, str] = {}
        coverage: dict[str, frozenset[int]] = {}
        for k, path in found.items():
            assert path is not None
            name = FONT_NAMES.get(k, f"GIScope-{k}")
            face = TTFont(name, path, subfontIndex=FONT_FILES[k].subfont_index)
            pdfmetrics.registerFont(face)
            names[k] = name
            coverage[k] = frozenset(face.face.charToGlyph)
        fonts = Fonts(names, coverage)
        _font_for.cache_clear()
        _registered = (key, fonts)
        return fonts


# --- scripts -------------------------------------------------------------------------------------

_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」)
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x31FF),  # bopomofo, hangul compatibility jamo, kanbun, CJK strokes
    (0x3200, 0x33FF),  # enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xAC00, 0xD7AF),  # hangul syllables
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and fullwidth forms (，：（）)
    (0x20000, 0x3FFFF),  # extensions B onwards
)


def script_of(ch: str) -> str:
    """The script a character is set in: "cjk", "thai" or "latin" (everything else)."""
    cp = ord(ch)
    if 0x0E00 <= cp <= 0x0E7F:
        return THAI
    if cp >= 0x2E80 and any(lo <= cp <= hi for lo, hi in _CJK_RANGES):
        return CJK
    return LATIN


_FALLBACK = {LATIN: (LATIN, CJK, THAI), CJK: (CJK, LATIN, THAI), THAI: (THAI, LATIN, CJK)}


@lru_cache(maxsize=8192)
def _font_for(ch: str) -> str | None:
    """The script key of the first font that has a glyph for ch (by script preference), or None."""
    fonts = ensure_fonts()
    cp = ord(ch)
    for key in _FALLBACK[script_of(ch)]:
        if cp in fonts.coverage[key]:
            return key
    return None


def clean(text: str) -> str:
    """NFC-normalised text without control or format characters no font can draw (keeps newlines)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n" or cat[0] != "C" or (cat == "Cf" and _font_for(ch) is not None):
            out.append(ch)
    return "".join(out)


def split_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script key, text) runs, each drawable in one font.

    Spaces and combining marks stay in the run before them, so "Comté ข้าว 香槟" gives three runs.
    """
    coverage = ensure_fonts().coverage
    runs: list[tuple[str, str]] = []
    key: str | None = None
    buf: list[str] = []
    for ch in text:
        if key is not None and (ch == " " or unicodedata.category(ch)[0] == "M") and ord(ch) in coverage[key]:
            buf.append(ch)
            continue
        k = _font_for(ch) or LATIN
        if k != key and buf:
            runs.append((key or LATIN, "".join(buf)))
            buf = []
        key = k
        buf.append(ch)
    if buf:
        runs.append((key or LATIN, "".join(buf)))
    return runs


def markup(text: str, bold: bool = False) -> str:
    """reportlab Paragraph markup for plain text: escaped, each script run in its own font.

    "<b>", "&" and a lone "<" come out literally; newlines become line breaks.
    """
    fonts = ensure_fonts()
    lines = []
    for line in clean(text).split("\n"):
        lines.append(
            "".join(
                f'<font name="{fonts.name(key, bold)}">{escape(run)}</font>' for key, run in split_runs(line)
            )
        )
    return "<br/>".join(lines)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of text set in its runs' fonts, in points."""
    fonts = ensure_fonts()
    return sum(
        pdfmetrics.stringWidth(run, fonts.name(key, bold), size) for key, run in split_runs(clean(text))
    )


def needs_char_wrap(texts: Iterable[str]) -> bool:
    """Whether any text has CJK or Thai, which are written without spaces and wrap between characters."""
    return any(script_of(ch) != LATIN for text in texts for ch in text)
