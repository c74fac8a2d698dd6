"""Relabel a labelled screening set: a case expected as `evocation` whose label carries a "style" word
(the matcher's own modifier detection, data/knowledge/modifiers.csv) becomes `imitation`, the kind of
the China–EU Agreement's "kind/type/style/imitation" wording (Art. 4(1)(b)). Nothing else changes:
rows are rewritten only where their expected_kind changes, byte for byte otherwise. Prints the count.

    .venv/bin/python scripts/relabel_imitation.py tests/data/conflict_eval.csv [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.conflicts import ConflictIndex  # noqa: E402
from names.knowledge import bundled_knowledge  # noqa: E402


def relabel(path: Path, *, dry_run: bool = False) -> int:
    index = ConflictIndex([], bundled_knowledge())  # no GIs: only the label's words are read
    raw = path.read_bytes().decode("utf-8")
    lines = raw.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    kind_col = header.index("expected_kind")
    label_col = header.index("label")
    changed = 0
    out = [lines[0]]
    for line in lines[1:]:
        cells: list[str] = next(csv.reader([line]), [])
        evocation = len(cells) > kind_col and cells[kind_col].strip() == "evocation"
        if evocation and index.analyse(cells[label_col]).modifier:
            cells[kind_col] = "imitation"
            buf = io.StringIO()
            csv.writer(buf, lineterminator=line[len(line.rstrip("\r\n")) :]).writerow(cells)
            line = buf.getvalue()
            changed += 1
        out.append(line)
    if not dry_run:
        path.write_bytes("".join(out).encode("utf-8"))
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    n = relabel(args.csv, dry_run=args.dry_run)
    print(
        f"{args.csv}: {n} case(s) relabelled evocation -> imitation" + (" (dry run)" if args.dry_run else "")
    )


if __name__ == "__main__":
    main()
