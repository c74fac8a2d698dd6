"""Reading a PDF as a reader sees it: pypdf text, poppler's pdftotext, pdffonts and page images.

A missing poppler tool fails the test (never skips): run `make system-deps`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

DPI = 50
MM = DPI / 25.4  # pixels per millimetre in page images


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found (Debian package poppler-utils): run `make system-deps`", pytrace=False)
    return path


def squash(text: str) -> str:
    """NFC text without any whitespace, for comparing text that was wrapped over lines."""
    return "".join(unicodedata.normalize("NFC", text).split())


def page_texts(pdf: bytes) -> list[str]:
    """pypdf's text of each page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def pdftotext_pages(pdf: bytes) -> list[str]:
    """poppler's text of each page."""
    tool = require_tool("pdftotext")
    out = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdffonts(pdf: bytes) -> list[dict[str, str]]:
    """The rows of `pdffonts`, as dicts keyed by its column titles (name, type, encoding, emb, ...)."""
    tool = require_tool("pdffonts")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    titles, dashes = lines[0], lines[1]
    spans, start = [], 0
    for part in dashes.split(" "):  # columns are fixed-width, under runs of dashes
        spans.append((start, start + len(part)))
        start += len(part) + 1
    keys = [titles[a:b].strip() for a, b in spans]
    return [
        {k: line[a : b if k != keys[-1] else None].strip() for k, (a, b) in zip(keys, spans, strict=True)}
        for line in lines[2:]
    ]


def page_images(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    """Each page rendered by pdftoppm, in greyscale."""
    tool = require_tool("pdftoppm")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run([tool, "-r", str(dpi), "-png", str(path), str(Path(tmp) / "page")], check=True)
        files = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [Image.open(f).convert("L").copy() for f in files]


def ink_share(image: Image.Image, box: tuple[int, int, int, int] | None = None) -> float:
    """The share of pixels darker than near-white in the image (or in box: left, top, right, bottom)."""
    region = image.crop(box) if box else image
    histogram = region.histogram()
    total = sum(histogram)
    return sum(histogram[:235]) / total if total else 0.0


FOOTNOTE_START = re.compile(r"^\[\d+\]\s")
SOURCES_HEADINGS = ("Sources", "来源")


def body_text(pdf: bytes) -> str:
    """What a reader reads as the brief's own words, as pdftotext gives it: each page up to its
    footnotes (a line opening with "[n] " starts them; the page's footer follows them), and nothing from
    the Sources list on. Citations keep their own language, so they are left out."""
    kept: list[str] = []
    for page in pdftotext_pages(pdf):
        for line in page.splitlines():
            if FOOTNOTE_START.match(line.strip()):
                break
            if line.strip() in SOURCES_HEADINGS:
                return "\n".join(kept)
            kept.append(line)
    return "\n".join(kept)


def without_names(text: str, names: list[str]) -> str:
    """text with its lines joined and every given name taken out (names keep their own scripts: an
    English word inside a GI's name, such as the Wine of "Madeira Wine", is not untranslated wording)."""
    joined = " ".join(text.split())
    pattern = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n.strip())
    return re.sub(pattern, " ", joined) if pattern else joined
