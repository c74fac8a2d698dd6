"""PDF briefing speed, against the baseline a user would write.

Workload: benchmarks.demo's briefing at about 10 A4 pages (mixed Chinese, Thai, Greek and accented Latin;
a 240-row table split over pages with its header repeated; facts, checklists, notices, sources), in
English and in Chinese. Each is rendered 5 times with reports.render.render (fonts registered once per
process; the first, cold render is reported apart).

Baseline ("naive reportlab"): the same content through reportlab platypus with Helvetica only, text
escaped but not split by script, same tables (Paragraph cells, repeated header), a plain page number.
It is what one writes first, and it prints Chinese and Thai as blanks or boxes: the ratio is the price
of embedded fonts, script runs and "page X of Y".

Target: median render of the 10-page briefing under 2 s.

    .venv/bin/python benchmarks/bench_briefs.py [--repeat 5] [--rows 240] [--paragraphs 14]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle  # noqa: E402

from benchmarks.demo import demo_briefing  # noqa: E402
from reports.briefing import Briefing, Bullets, Facts, Notice, Para, Table  # noqa: E402
from reports.render import render  # noqa: E402

TARGET_S = 2.0


def naive_render(briefing: Briefing) -> bytes:
    """The baseline: Helvetica everywhere, no script runs, no footnotes, "Page N" footer."""
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=14, spaceAfter=6)
    bold = ParagraphStyle("h", parent=body, fontName="Helvetica-Bold", fontSize=13.5, leading=18)
    cell = ParagraphStyle("c", parent=body, fontSize=9, leading=12, spaceAfter=0)
    width = A4[0] - 36 * mm

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    story: list = [
        p(briefing.title, bold),
        p(briefing.subtitle),
        p(f"{briefing.date} {briefing.data_version}"),
    ]
    for section in briefing.sections:
        story.append(p(section.heading, bold))
        for block in section.blocks:
            if isinstance(block, Para):
                story.append(p(block.text))
            elif isinstance(block, Facts):
                rows = [[p(k, cell), p(v.text, cell)] for k, v in block.items]
                story.append(LongTable(rows, colWidths=[width * 0.3, width * 0.7]))
            elif isinstance(block, Table):
                rows = [[p(h, cell) for h in block.headers]]
                rows += [[p(c.text, cell) for c in row] for row in block.rows]
                widths = [width * f for f in block.col_widths] if block.col_widths else None
                table = LongTable(rows, colWidths=widths, repeatRows=1)
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, "grey")]))
                story.append(table)
            elif isinstance(block, Bullets):
                story += [Paragraph(escape(i.text), body, bulletText="-") for i in block.items]
            elif isinstance(block, Notice):
                story.append(p(block.text))
            story.append(Spacer(1, 6))

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 7.5)
        canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"Page {doc.page}")

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def timed(fn: Callable[[Briefing], bytes], briefing: Briefing, repeat: int) -> tuple[list[float], bytes]:
    times, pdf = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        pdf = fn(briefing)
        times.append(time.perf_counter() - start)
    return times, pdf


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=240)
    parser.add_argument("--paragraphs", type=int, default=14)
    args = parser.parse_args()

    ok = True
    for lang in ("en", "zh"):
        briefing = demo_briefing(lang, table_rows=args.rows, paragraphs=args.paragraphs)
        cold_start = time.perf_counter()
        render(briefing)
        cold = time.perf_counter() - cold_start
        ours, pdf = timed(render, briefing, args.repeat)
        naive_render(briefing)  # warm up the baseline the same way
        base, base_pdf = timed(naive_render, briefing, args.repeat)
        median, base_median = statistics.median(ours), statistics.median(base)
        ok &= median < TARGET_S
        print(f"[{lang}] {pages(pdf)} pages, {len(pdf) // 1024} KB; baseline {pages(base_pdf)} pages")
        print(f"  {'first render (fonts loaded)':36} {cold:.3f} s")
        print(
            f"  {f'reports.render, median of {args.repeat}':36} {median:.3f} s  (target < {TARGET_S:.1f} s)"
        )
        print(f"  {f'baseline Helvetica, median of {args.repeat}':36} {base_median:.3f} s")
        print(f"  {'ratio ours / baseline':36} {median / base_median:.2f}")
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
