"""Refresh the page images of the briefs shown in the README (docs/brief-*.png).

    .venv/bin/python scripts/render_docs.py [--pages 2] [--dpi 60]

Renders one brief of each kind from the register in data/ (run `make init` first), in English and
Chinese: dispute guidance for a protected, a pending and an unprotected name (with labels), the
agreement comparison, and the screening of labels and of a proposed list. Each brief's first pages
become PNG files through poppler's pdftoppm; the PDFs are left in a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefings.comparison import compare_brief  # noqa: E402
from briefings.dispute import dispute_brief  # noqa: E402
from briefings.screening import screening_brief  # noqa: E402
from config import Settings  # noqa: E402
from reports.render import render  # noqa: E402
from storage.db import Database  # noqa: E402

DISPUTES = {
    "dispute-protected": (
        "fr-champagne",
        "CN",
        ["香宾酒", "Champagne-style sparkling wine", "香槟人生 perfume"],
    ),
    "dispute-pending": ("cn-ningxia-gou-qi", "EU", ["Ningxia goji berries", "宁夏枸杞 dried"]),
    "dispute-unprotected": ("cn-anxi-tie-guan-yin", "TH", ["安溪铁观音 oolong", "Tieguanyin tea"]),
}


def _section_page(pdf: Path, index: int) -> int:
    """The page (from 1) that the outline's index-th entry opens."""
    from pypdf import PdfReader
    from pypdf.generic import Destination

    reader = PdfReader(pdf)
    entry = reader.outline[index]
    if not isinstance(entry, Destination):
        return 0
    page = reader.get_destination_page_number(entry)
    return page + 1 if page is not None else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2, help="pages of each brief to keep (default 2)")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: run `make system-deps`", file=sys.stderr)
        return 1
    db = Database(Settings.from_env().database_url)
    out_dir = ROOT / "docs"
    for old in out_dir.glob("brief-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(tmp) / "labels.txt"
        labels.write_text("香槟型起泡酒\nParma ham\nRoquefort blue cheese\nplain water\n", "utf-8")
        proposal = Path(tmp) / "proposal.csv"
        proposal.write_text(
            "name,product_class,origin\nChampagne,Wine,FR\nCheddar,Cheeses,GB\n", encoding="utf-8"
        )
        for lang in ("en", "zh"):
            briefs = {
                name: dispute_brief(db, gi, where, labels=list(found), lang=lang)
                for name, (gi, where, found) in DISPUTES.items()
            }
            briefs["compare"] = compare_brief(db, ["china-eu", "china-france", "china-thailand"], lang=lang)
            briefs["screening"] = screening_brief(db, labels, "CN", lang=lang)
            briefs["scan"] = screening_brief(db, proposal, "CN", lang=lang)
            for name, brief in briefs.items():
                pdf = Path(tmp) / f"{name}_{lang}.pdf"
                pdf.write_bytes(render(brief))
                stem = out_dir / f"brief-{name}_{lang}"
                subprocess.run(
                    [pdftoppm, "-r", str(args.dpi), "-png", "-l", str(args.pages), str(pdf), str(stem)],
                    check=True,
                )
                if name == "compare":  # and the first page of the matrix (the second section)
                    matrix = _section_page(pdf, 1)
                    if matrix > args.pages:
                        subprocess.run(
                            [pdftoppm, "-r", str(args.dpi), "-png", "-f", str(matrix), "-l", str(matrix)]
                            + [str(pdf), str(stem)],
                            check=True,
                        )
                for page in sorted(out_dir.glob(f"brief-{name}_{lang}-*.png")):
                    number = int(page.stem.rsplit("-", 1)[1])  # pdftoppm pads: -01 or -1
                    page.rename(out_dir / f"brief-{name}_{lang}-{number}.png")
    db.dispose()
    print(f"wrote {len(list(out_dir.glob('brief-*.png')))} page images to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
